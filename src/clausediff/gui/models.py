"""Item models: thin adapters over core results (the comparison, its changes, the library;
the lineage's are in :mod:`clausediff.gui.lineage_models`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from clausediff.core.compare.flag_rules import Flag, Severity
from clausediff.core.compare.links import Alignment, ClauseLink, LinkKind
from clausediff.core.model import Document, leading_words
from clausediff.core.render.brief import chips, flags_spoken
from clausediff.core.render.html import tooltip_html
from clausediff.core.render.wording import (
    LETTER_CASE_ONLY,
    kind_text,
    link_line,
    link_tooltip,
    marker_line,
    short_moves,
)
from clausediff.core.store.review import PlacedNote
from clausediff.session.comparison import LinkAnnotations

Index = QModelIndex | QPersistentModelIndex
LinkRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
DocumentRole = Qt.ItemDataRole.UserRole + 3
FamilyRole = Qt.ItemDataRole.UserRole + 4
RowRole = Qt.ItemDataRole.UserRole + 5
RowInfoRole = Qt.ItemDataRole.UserRole + 6
CellRole = Qt.ItemDataRole.UserRole + 7
#: a link's substantive-change flags (a tuple of :class:`Flag`)
FlagsRole = Qt.ItemDataRole.UserRole + 8


@dataclass(frozen=True, slots=True)
class RowInfo:
    """Everything a painter needs of one compare row (handed out through :data:`RowInfoRole`)."""

    alignment: Alignment
    link: ClauseLink
    number: int  # the link's number in the alignment
    key: int  # the row's entry: ``number``, or ``~number`` for a "moved away" row
    marker: bool
    counterpart: int  # a moved clause's other row, else -1
    notes: tuple[PlacedNote, ...]
    moves: tuple[tuple[str, str], ...]
    case_only: bool
    flags: tuple[Flag, ...] = ()


class CompareModel(QAbstractListModel):
    """One row per clause link of a pairwise alignment, in reading order.

    A moved clause has two rows: its link, where it now stands, and a "moved away" marker
    where it stood in the older version (in the model's row list a marker is ``~n`` for
    link ``n``). Both rows return the moved link from :meth:`link`.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.alignment: Alignment | None = None
        self._rows: list[int] = []
        self._row_of: dict[int, int] = {}
        self.hide_unchanged = False
        self.notes_by_link: dict[int, list[PlacedNote]] = {}  # placed notes of the open review
        self.annotations = LinkAnnotations(None)

    @property
    def sentence_moves(self) -> dict[int, list[tuple[str, str]]]:
        return self.annotations.moves

    def set_alignment(
        self, alignment: Alignment | None, annotations: LinkAnnotations | None = None
    ) -> None:
        self.beginResetModel()
        self.alignment = alignment
        self.annotations = annotations or LinkAnnotations(alignment)
        self._refilter()
        self.endResetModel()

    def set_hide_unchanged(self, hide: bool) -> None:
        if hide == self.hide_unchanged:
            return
        self.beginResetModel()
        self.hide_unchanged = hide
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        al = self.alignment
        self._rows = []
        if al is not None:
            # each moved link's marker follows the link of the nearest older clause before it
            # that did not move (or opens the list)
            markers: dict[int, list[int]] = {}
            for n, lk in enumerate(al.links):
                if lk.kind is not LinkKind.MOVED or not lk.left:
                    continue
                markers.setdefault(al.stayed_before(lk), []).append(~n)
            rows = list(markers.get(-1, ()))
            for n, lk in enumerate(al.links):
                if not (self.hide_unchanged and lk.kind is LinkKind.UNCHANGED):
                    rows.append(n)
                rows.extend(markers.get(n, ()))
            self._rows = rows
        self._row_of = {v: r for r, v in enumerate(self._rows)}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def link(self, row: int) -> ClauseLink:
        assert self.alignment is not None
        return self.alignment.links[self.link_number(row)]

    def link_number(self, row: int) -> int:
        value = self._rows[row]
        return value if value >= 0 else ~value

    def is_marker(self, row: int) -> bool:
        return self._rows[row] < 0

    def row_of_link(self, link_number: int) -> int:
        return self._row_of.get(link_number, -1)

    def counterpart_row(self, row: int) -> int:
        """For a moved clause: the row of its other place (marker ↔ link), else -1."""
        if row < 0 or row >= len(self._rows) or self.link(row).kind is not LinkKind.MOVED:
            return -1
        return self._row_of.get(~self._rows[row], -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.alignment is None or index.row() >= len(self._rows):
            return None
        al, lk = self.alignment, self.link(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if self.is_marker(index.row()):
                return marker_line(al, lk)
            text = link_line(al, lk)
            if role == Qt.ItemDataRole.AccessibleTextRole:  # what a reader hears
                n = self.link_number(index.row())
                text += "".join(f"; {full}" for _, full in self.sentence_moves.get(n, []))
                notes = self.notes_by_link.get(n, [])
                text += "".join(f"; note, {p.note.status}: {p.note.text}" for p in notes)
                spoken = flags_spoken(self._flags(n))
                text += "".join(f"; flag, {line}" for line in spoken.splitlines())
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_html(self.tooltip(lk, self.link_number(index.row())))
        if role == LinkRole:
            return lk
        if role == KindRole:
            return lk.kind.value
        if role == RowRole:
            return self.link_number(index.row())
        if role == RowInfoRole:
            return self.row_info(index.row())
        if role == FlagsRole:
            return () if self.is_marker(index.row()) else self._flags(self.link_number(index.row()))
        return None

    def _flags(self, link_number: int) -> tuple[Flag, ...]:
        flags = self.annotations.flags
        return flags[link_number] if link_number < len(flags) else ()

    def flagged_rows(self) -> list[int]:
        """The rows (not "moved away" markers) whose link carries a flag (F7's stops when
        only flagged changes are wanted)."""
        return [
            r
            for r in range(len(self._rows))
            if not self.is_marker(r) and self._flags(self.link_number(r))
        ]

    def tooltip(self, lk: ClauseLink, link_number: int = -1) -> str:
        assert self.alignment is not None
        text = link_tooltip(
            self.alignment,
            lk,
            case_only=link_number in self.annotations.case_only,
            moves=self.sentence_moves.get(link_number, []),
            notes=self.notes_by_link.get(link_number, []),
        )
        flags = self._flags(link_number) if link_number >= 0 else ()
        return text + (f"\n\nFlagged:\n{flags_spoken(flags)}" if flags else "")

    def row_info(self, row: int) -> RowInfo:
        assert self.alignment is not None
        number = self.link_number(row)
        marker = self.is_marker(row)
        return RowInfo(
            self.alignment,
            self.link(row),
            number,
            self._rows[row],
            marker,
            self.counterpart_row(row),
            () if marker else tuple(self.notes_by_link.get(number, ())),
            () if marker else tuple(self.annotations.moves.get(number, ())),
            number in self.annotations.case_only,
            () if marker else self._flags(number),
        )

    def changed_rows(self, kinds: frozenset[LinkKind] = frozenset()) -> list[int]:
        """The rows of changes: of every kind, or only of ``kinds`` when some are given."""
        return [
            r
            for r in range(len(self._rows))
            if (kind := self.link(r).kind).is_change and (not kinds or kind in kinds)
        ]

    def text_lengths(self) -> list[tuple[int, int]]:
        """For every row, the length of what its older and newer cells show (about)."""
        al = self.alignment
        if al is None:
            return []
        lengths = []
        for value in self._rows:
            if value < 0:  # a "moved away" marker: the older text, and a line on the right
                lk = al.links[~value]
                lengths.append((len(al.side_text(lk, 0)), 40))
            else:
                lk = al.links[value]
                lengths.append((len(al.side_text(lk, 0)), len(al.side_text(lk, 1))))
        return lengths


class ChangeListModel(QAbstractListModel):
    """The changes of the current comparison: kind, labels, first words, flag chips; all of
    them, or those of the kinds chosen (:meth:`set_kinds`) and with the flags chosen
    (:meth:`set_flag_filter`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.alignment: Alignment | None = None
        self._links: list[int] = []
        self._row_of: dict[int, int] = {}
        self.annotations = LinkAnnotations(None)
        #: the kinds listed; empty: every kind of change
        self.kinds: frozenset[LinkKind] = frozenset()
        self.flag_filter: tuple[str, str] = ("", "")  # (category, least severity); "" any

    def set_flag_filter(self, category: str, severity: str) -> None:
        """Only the changes with a flag of ``category`` (a :class:`Category` value, "any"
        for any flag, "" for no filter) at ``severity`` or graver ("" for any)."""
        self.flag_filter = (category, severity)
        self.beginResetModel()
        self._refilter()
        self.endResetModel()

    def _passes(self, number: int) -> bool:
        category, severity = self.flag_filter
        if not category and not severity:
            return True
        rank = Severity(severity).rank if severity else 2
        flags = self.annotations.flags[number] if number < len(self.annotations.flags) else ()
        return any(
            f.severity.rank <= rank and category in ("", "any", f.category.value) for f in flags
        )

    def set_alignment(
        self, alignment: Alignment | None, annotations: LinkAnnotations | None = None
    ) -> None:
        self.beginResetModel()
        self.alignment = alignment
        self.annotations = annotations or LinkAnnotations(alignment)
        self._refilter()
        self.endResetModel()

    def set_kinds(self, kinds: frozenset[LinkKind]) -> None:
        """List only the changes of these kinds (none given: every change)."""
        self.beginResetModel()
        self.kinds = kinds
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        al = self.alignment
        self._links = (
            [
                n
                for n, lk in enumerate(al.links)
                if lk.kind.is_change and self.shows(lk.kind) and self._passes(n)
            ]
            if al
            else []
        )
        self._row_of = {n: r for r, n in enumerate(self._links)}

    def shows(self, kind: LinkKind) -> bool:
        """Whether changes of ``kind`` are listed (and stepped through with F7)."""
        return kind.is_change and (not self.kinds or kind in self.kinds)

    def counts(self) -> dict[LinkKind, int]:
        """How many changes of each kind the comparison holds (listed or not), by kind."""
        if self.alignment is None:
            return {}
        return {k: n for k, n in self.alignment.counts().items() if n and k.is_change}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._links)

    def link_number(self, row: int) -> int:
        return self._links[row]

    def row_of_link(self, link_number: int) -> int:
        return self._row_of.get(link_number, -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.alignment is None or index.row() >= len(self._links):
            return None
        al = self.alignment
        number = self._links[index.row()]
        lk = al.links[number]
        moves = self.annotations.moves.get(number, [])
        flags = self.annotations.flags[number] if number < len(self.annotations.flags) else ()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            case = f" ({LETTER_CASE_ONLY})" if number in self.annotations.case_only else ""
            return (
                f"{kind_text(lk)}{case}  {al.left.labels(lk.left)} → "
                f"{al.right.labels(lk.right)}\n{leading_words(al.lead_text(lk), 7)}"
                + (f"\n⚑ {'  '.join(chips(flags))}" if flags else "")
                + "".join(f"\n↳ {line}" for line in short_moves(moves))
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [full for _, full in moves] + ([flags_spoken(flags)] if flags else [])
            return tooltip_html("\n".join(lines)) if lines else None
        if role == FlagsRole:
            return flags
        if role == KindRole:
            return lk.kind.value
        if role == RowRole:
            return self._links[index.row()]
        return None


class LibraryModel(QAbstractListModel):
    """The versions known this session, in date order; checkable for the lineage view."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.documents: list[Document] = []
        self.checked: set[int] = set()

    def set_documents(self, docs: list[Document], checked: set[int] | None = None) -> None:
        self.beginResetModel()
        self.documents = list(docs)
        self.checked = set(checked or ())
        self.endResetModel()

    def add_document(self, doc: Document) -> int:
        row = len(self.documents)
        self.beginInsertRows(QModelIndex(), row, row)
        self.documents.append(doc)
        self.endInsertRows()
        return row

    def remove_document(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.documents[row]
        self.checked = {r if r < row else r - 1 for r in self.checked if r != row}
        self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.documents)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.documents):
            return None
        doc = self.documents[index.row()]
        info = doc.info
        excerpt = not doc.is_complete
        if role == Qt.ItemDataRole.DisplayRole:
            symbol = info.symbol or info.path.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
            badge = "  [excerpt]" if excerpt else ""
            if info.library_id:
                badge += f"  [imported {info.format}]"
            date = info.date or "no date"
            return f"{symbol}{badge}\n{date} · {info.title or info.label}\n{info.body}".rstrip()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{info.label}, {info.symbol}, {info.date}, {'excerpt' if excerpt else 'complete'}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            src = ", ".join(info.sources) or info.path
            extra = f"\n{len(info.footnotes)} footnotes kept apart" if info.footnotes else ""
            return tooltip_html(f"{info.title}\n{info.notes}\nSource: {src}{extra}".strip())
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if index.row() in self.checked else Qt.CheckState.Unchecked
        if role == DocumentRole:
            return doc
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked:
            self.checked.add(index.row())
        else:
            self.checked.discard(index.row())
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def checked_documents(self) -> list[Document]:
        return [d for n, d in enumerate(self.documents) if n in self.checked]
