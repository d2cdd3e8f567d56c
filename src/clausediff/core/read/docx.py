"""Reading Word (.docx) files safely.

Contract: :func:`read_docx` takes the bytes of a ``.docx`` file and returns an
:class:`Extracted`, or raises :class:`UnreadableFileError` with a message for the user. It
reads the package itself (``zipfile``) and parses its XML with ``defusedxml``, which refuses
any document type declaration: no entity is ever expanded ("billion laughs") and no
external entity is ever resolved, so no local file can be read through the XML.

Limits (documented in the README): at most :data:`MAX_PARTS` parts in the package, at most
:data:`MAX_UNPACKED_BYTES` unpacked in all (a zip bomb is refused before anything is
inflated; ``zipfile`` stops any part at its declared size), :data:`MAX_PART_BYTES` for one
part. The XML is parsed as it streams, with the bounds of :class:`ReadLimits`: elements
nested at most ``max_xml_depth`` deep and at most ``max_xml_elements`` of them in a part;
the body's paragraphs are taken one by one as each ends (and dropped from the tree), so a
document of more than ``max_clauses`` paragraphs, or with a paragraph of more than
``max_paragraph_chars`` characters, is refused as soon as the parser reaches the excess.
Nothing walks the XML by recursion.

What it reads:

- paragraphs of the body, in order, including those in tables (a cell's paragraphs follow
  one another) — each paragraph one paragraph of the text;
- automatic numbering, rendered from ``numbering.xml`` ("1.", "(a)", "1.1", "iv)") in front
  of the paragraph, so labels are seen as in the printed document;
- italics and bold from the runs, as emphasis;
- tracked changes as the final text (insertions kept, deletions dropped), or as the
  original text when asked; the choice is stated in ``notes``;
- footnotes and endnotes apart from the clauses.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, XMLParser

from clausediff.core.errors import UnreadableFileError
from clausediff.core.model import EmphasisStyle
from clausediff.core.read.extracted import Extracted
from clausediff.core.read.textio import DEFAULT_LIMITS, ReadLimits, too_many_paragraphs

MAX_PARTS = 2000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PART_BYTES = 64 * 1024 * 1024

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class _Numbering:
    """List numbering: abstract formats, instances and running counters."""

    formats: dict[tuple[str, int], tuple[str, str, int]] = field(default_factory=dict)
    counters: dict[tuple[str, int], int] = field(default_factory=dict)

    def label(self, num_id: str, level: int) -> str:
        fmt = self.formats.get((num_id, level))
        if fmt is None:
            return ""
        kind, text, start = fmt
        key = (num_id, level)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > level]:
            del self.counters[deeper]
        if kind in ("bullet", "none", ""):
            return ""
        out = text
        for lvl in range(level + 1):
            value = self.counters.get((num_id, lvl))
            if value is None:
                value = self.formats.get((num_id, lvl), ("decimal", "", 1))[2]
            lvl_kind = self.formats.get((num_id, lvl), ("decimal", "", 1))[0]
            out = out.replace(f"%{lvl + 1}", _format_number(value, lvl_kind))
        return out.strip()


def _format_number(n: int, kind: str) -> str:
    if kind == "lowerLetter":
        return _letters(n).lower()
    if kind == "upperLetter":
        return _letters(n)
    if kind == "lowerRoman":
        return _roman(n).lower()
    if kind == "upperRoman":
        return _roman(n)
    return str(n)


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out or "A"


def _roman(n: int) -> str:
    vals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out or "0"


#: Elements that hold body paragraphs (a paragraph inside any other, a text box in a run
#: say, is part of the paragraph around it).
_CONTAINERS = frozenset(
    f"{W}{t}" for t in ("body", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins",
                        "moveTo")
)  # fmt: skip


#: A paragraph's opening tag, whatever the prefix (counted in a document refused for its size).
_PARAGRAPH_TAG_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]")


class _Builder(TreeBuilder):
    """A tree builder that bounds the XML as it streams (depth, elements, a paragraph's
    text) and hands each body paragraph to ``on_paragraph`` as it ends, then drops it."""

    def __init__(
        self,
        part: str,
        limits: ReadLimits,
        on_paragraph: Callable[[Element], None] | None = None,
    ) -> None:
        super().__init__()
        self.part, self.limits, self.on_paragraph = part, limits, on_paragraph
        self.elements = 0
        # open elements, and whether each is a body paragraph or holds them
        self.open: list[Element] = []
        self.holds: list[bool] = []
        self.in_paragraph = 0  # (depth of the open body paragraph, 0 if none)
        self.chars = 0

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        self.elements += 1
        if len(self.open) >= self.limits.max_xml_depth:
            raise UnreadableFileError(
                f"The Word file's {self.part} XML nests elements more than "
                f"{self.limits.max_xml_depth} deep, as no real document does (tables within "
                "tables, links within links); ClauseDiff reads Word files nested at most that "
                "deep."
            )
        if self.elements > self.limits.max_xml_elements:
            raise UnreadableFileError(
                f"The Word file's {self.part} XML has more than "
                f"{self.limits.max_xml_elements:,} elements; ClauseDiff reads at most that many."
            )
        el = super().start(tag, attrs)
        parent_holds = self.holds[-1] if self.holds else False
        if parent_holds and tag == f"{W}p" and not self.in_paragraph:
            self.in_paragraph = len(self.open) + 1
            self.chars = 0
        self.holds.append(
            (tag == f"{W}body" and len(self.open) == 1)
            or (parent_holds and tag in _CONTAINERS and not self.in_paragraph)
        )
        self.open.append(el)
        return el

    def data(self, data: str) -> None:
        if self.in_paragraph:
            self.chars += len(data)
            if self.chars > self.limits.max_paragraph_chars:
                raise UnreadableFileError(
                    f"The Word document has a paragraph of more than "
                    f"{self.limits.max_paragraph_chars:,} characters; ClauseDiff reads "
                    f"paragraphs of at most {self.limits.max_paragraph_chars:,} characters."
                )
        super().data(data)

    def end(self, tag: str) -> Element:
        el = super().end(tag)
        depth = len(self.open)
        self.open.pop()
        self.holds.pop()
        if depth == self.in_paragraph:
            self.in_paragraph = 0
            if self.on_paragraph is not None:
                self.on_paragraph(el)
                if self.open:  # (taken: dropped from the tree, which stays small)
                    self.open[-1].remove(el)
        return el


def _parse(
    data: bytes,
    part: str,
    limits: ReadLimits = DEFAULT_LIMITS,
    on_paragraph: Callable[[Element], None] | None = None,
) -> Element:
    builder = _Builder(part, limits, on_paragraph)
    try:
        parser = XMLParser(target=builder, forbid_dtd=True, forbid_entities=True)
        parser.feed(data)
        root: Element = parser.close()
    except DefusedXmlException:
        raise UnreadableFileError(
            f"The Word file's {part} declares a document type or entities, which Word never "
            "writes; it was refused as unsafe."
        ) from None
    except (ParseError, ValueError, UnicodeDecodeError):
        raise UnreadableFileError(
            f"The Word file's {part} is damaged (not well-formed XML)."
        ) from None
    return root


def _open_package(data: bytes) -> zipfile.ZipFile:
    if not data.startswith(b"PK"):
        raise UnreadableFileError(
            "The file is not a Word document: a .docx file is a zip package, and this is not."
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise UnreadableFileError(
            "The Word document is damaged (its zip package is broken)."
        ) from None
    if len(infos) > MAX_PARTS:
        raise UnreadableFileError(
            f"The Word document has {len(infos):,} parts; ClauseDiff reads at most {MAX_PARTS:,}."
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise UnreadableFileError(
            f"The Word document would unpack to {total / 2**20:,.0f} MB; ClauseDiff refuses "
            f"more than {MAX_UNPACKED_BYTES // 2**20} MB (a 'zip bomb' guard)."
        )
    return package


def _read_part(package: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise UnreadableFileError(f"The Word file's {name} is too large to read.")
    try:
        with package.open(info) as fh:
            data = fh.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, ValueError, RuntimeError):
        raise UnreadableFileError(f"The Word file's {name} is damaged or encrypted.") from None
    if len(data) > MAX_PART_BYTES:
        raise UnreadableFileError(f"The Word file's {name} is too large to read.")
    return data


def _numbering(package: zipfile.ZipFile, limits: ReadLimits) -> _Numbering:
    out = _Numbering()
    data = _read_part(package, "word/numbering.xml")
    if not data:
        return out
    root = _parse(data, "numbering", limits)
    abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
    for an in root.iter(f"{W}abstractNum"):
        levels = {}
        for lvl in an.iter(f"{W}lvl"):
            ilvl = _int(lvl.get(f"{W}ilvl"), 0)
            fmt_el = lvl.find(f"{W}numFmt")
            text_el = lvl.find(f"{W}lvlText")
            start_el = lvl.find(f"{W}start")
            levels[ilvl] = (
                (fmt_el.get(f"{W}val") or "decimal") if fmt_el is not None else "decimal",
                (text_el.get(f"{W}val") or "") if text_el is not None else "",
                _int(start_el.get(f"{W}val") if start_el is not None else None, 1),
            )
        abstract[an.get(f"{W}abstractNumId") or ""] = levels
    for num in root.iter(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        if ref is None:
            continue
        for ilvl, fmt in abstract.get(ref.get(f"{W}val") or "", {}).items():
            out.formats[(num.get(f"{W}numId") or "", ilvl)] = fmt
    return out


def _style_numbering(package: zipfile.ZipFile, limits: ReadLimits) -> dict[str, tuple[str, int]]:
    """Numbering that paragraph styles carry ("List Number"), by style id."""
    data = _read_part(package, "word/styles.xml")
    if not data:
        return {}
    root = _parse(data, "styles", limits)
    own: dict[str, tuple[str, int] | None] = {}
    based: dict[str, str] = {}
    for style in root.iter(f"{W}style"):
        sid = style.get(f"{W}styleId") or ""
        parent = style.find(f"{W}basedOn")
        if parent is not None:
            based[sid] = parent.get(f"{W}val") or ""
        num = style.find(f"{W}pPr/{W}numPr")
        if num is not None:
            num_id = num.find(f"{W}numId")
            ilvl = num.find(f"{W}ilvl")
            own[sid] = (
                (num_id.get(f"{W}val") or "") if num_id is not None else "",
                _int(ilvl.get(f"{W}val") if ilvl is not None else None, 0),
            )
    out = {}
    for sid in {*own, *based}:
        seen, cur = set(), sid
        while cur and cur not in own and cur not in seen:
            seen.add(cur)
            cur = based.get(cur, "")
        found = own.get(cur) if cur else None
        if found is not None:
            out[sid] = found
    return out


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _on(el: Element | None) -> bool:
    return el is not None and (el.get(f"{W}val") or "true") not in ("0", "false", "off", "none")


class _Text:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.emphasis: list[tuple[int, int, EmphasisStyle]] = []

    def add(self, text: str, italic: bool = False, bold: bool = False) -> None:
        if not text:
            return
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if italic:
            self.emphasis.append((start, self.length, EmphasisStyle.ITALIC))
        if bold:
            self.emphasis.append((start, self.length, EmphasisStyle.BOLD))


def _runs(p: Element, final: bool, counts: dict[str, int]) -> Iterator[tuple[str, bool, bool]]:
    """(text, italic, bold) of the runs of paragraph ``p``, tracked changes resolved (walked
    with a stack of its own, not by recursion)."""
    stack: list[tuple[Iterator[Element], bool]] = [(iter(p), False)]  # (children, deleted)
    while stack:
        children, deleted = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag == f"{W}ins":
            counts["insertions"] += 1
            if final:
                stack.append((iter(child), deleted))
        elif tag == f"{W}del":
            counts["deletions"] += 1
            if not final:
                stack.append((iter(child), True))
        elif tag == f"{W}moveFrom":
            if not final:
                stack.append((iter(child), True))
        elif tag == f"{W}moveTo":
            if final:
                stack.append((iter(child), deleted))
        elif tag == f"{W}r":
            props = child.find(f"{W}rPr")
            italic = props is not None and _on(props.find(f"{W}i"))
            bold = props is not None and _on(props.find(f"{W}b"))
            for item in child:
                if item.tag == f"{W}t" or (item.tag == f"{W}delText" and deleted):
                    yield item.text or "", italic, bold
                elif item.tag == f"{W}tab":
                    yield "\t", False, False
                elif item.tag in (f"{W}br", f"{W}cr"):
                    yield " ", False, False
                elif item.tag == f"{W}noBreakHyphen":
                    yield "\u2011", False, False
        elif tag in (f"{W}hyperlink", f"{W}smartTag", f"{W}sdt", f"{W}sdtContent",
                     f"{W}fldSimple", f"{W}customXml"):  # fmt: skip
            stack.append((iter(child), deleted))


def _notes(package: zipfile.ZipFile, part: str, tag: str, limits: ReadLimits) -> list[str]:
    data = _read_part(package, part)
    if not data:
        return []
    root = _parse(data, part.rsplit("/", 1)[-1], limits)
    out = []
    for note in root.iter(f"{W}{tag}"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        counts = {"insertions": 0, "deletions": 0}
        text = " ".join(
            "".join(t for t, _, _ in _runs(p, True, counts)).strip() for p in note.iter(f"{W}p")
        ).strip()
        if text:
            out.append(text)
    return out


def read_docx(
    data: bytes, *, tracked: str = "final", limits: ReadLimits = DEFAULT_LIMITS
) -> Extracted:
    """Read a .docx package; see the module contract. ``tracked``: "final" or "original"."""
    package = _open_package(data)
    with package:
        main = _read_part(package, "word/document.xml")
        if main is None:
            raise UnreadableFileError(
                "The file is a zip package but not a Word document (no word/document.xml)."
            )
        numbering = _numbering(package, limits)
        style_numbering = _style_numbering(package, limits)
        counts = {"insertions": 0, "deletions": 0}
        final = tracked != "original"
        out = _Text()
        paragraphs = 0

        def take(p: Element) -> None:
            nonlocal paragraphs
            para = _Text()
            props = p.find(f"{W}pPr")
            num = props.find(f"{W}numPr") if props is not None else None
            style = props.find(f"{W}pStyle") if props is not None else None
            where: tuple[str, int] | None = None
            if num is not None:
                num_id = num.find(f"{W}numId")
                ilvl = num.find(f"{W}ilvl")
                where = (
                    (num_id.get(f"{W}val") or "") if num_id is not None else "",
                    _int(ilvl.get(f"{W}val") if ilvl is not None else None, 0),
                )
            elif style is not None:
                where = style_numbering.get(style.get(f"{W}val") or "")
            if where is not None and where[0] not in ("", "0"):
                label = numbering.label(*where)
                if label:
                    para.add(label + " ")
            for text, italic, bold in _runs(p, final, counts):
                para.add(text, italic, bold)
            joined = "".join(para.parts)
            if not joined.strip():
                return
            paragraphs += 1
            if paragraphs > limits.max_clauses:  # (the rest is left unparsed, and counted)
                opened = len(_PARAGRAPH_TAG_RE.findall(main))
                count, found = f"more than {limits.max_clauses:,}", f"{opened:,} in its XML"
                raise UnreadableFileError(
                    too_many_paragraphs("The Word document", count, limits, found)
                )
            if paragraphs > 1:
                out.add("\n\n")
            offset = out.length
            out.parts.append(joined)
            out.length += len(joined)
            out.emphasis.extend((a + offset, b + offset, s) for a, b, s in para.emphasis)

        root = _parse(main, "document", limits, take)
        if root.find(f"{W}body") is None:
            raise UnreadableFileError("The Word document has no body.")
        footnotes = _notes(package, "word/footnotes.xml", "footnote", limits) + _notes(
            package, "word/endnotes.xml", "endnote", limits
        )
    text = "".join(out.parts)
    if not text.strip():
        raise UnreadableFileError("The Word document holds no text.")
    notes = ""
    if counts["insertions"] or counts["deletions"]:
        which = (
            "final text (insertions accepted, deletions dropped)"
            if final
            else ("original text (insertions ignored, deletions kept)")
        )
        notes = (
            f"The Word document has tracked changes ({counts['insertions']} insertions, "
            f"{counts['deletions']} deletions); this is its {which}."
        )
    return Extracted(
        text=text + "\n",
        format="docx",
        emphasis=tuple(out.emphasis),
        footnotes=tuple(footnotes),
        notes=notes,
    )
