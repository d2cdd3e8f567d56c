"""The Flow view: the lineage as a flow picture, beside the lineage table.

:class:`FlowView` emits ``familyChosen(str)`` (a family id) when a band is clicked or chosen
with the keyboard (Enter or Space); it listens to nothing, and is given its lineage and the
selected family by the lineage page. Hovering a band names its family and lead words (the
tooltip and the status tip); the arrow keys move between the blocks (Up and Down in a
column, Left and Right to the next column), and the block in focus is what a screen reader
hears (the accessible description), so the picture can be read without a mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollArea, QToolTip, QWidget

from clausediff.core.compare.lineage import Lineage
from clausediff.core.render.flow import BlockKind, FlowBlock, FlowLayout, layout_flow
from clausediff.core.render.flow_svg import block_title
from clausediff.core.render.palette import DARK, LIGHT
from clausediff.gui.delegates import is_dark
from clausediff.gui.flow_paint import paint_flow


class FlowCanvas(QWidget):
    """The picture itself, at its natural size (the scroll area around it scrolls)."""

    familyChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flowCanvas")
        self.setAccessibleName("Flow of clause families")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.layout_: FlowLayout | None = None
        self.selected = ""
        self.focused = -1

    def set_lineage(self, lineage: Lineage | None, layout: FlowLayout | None = None) -> None:
        """Draw a lineage, from its layout when one is given (laid out off this thread)."""
        if layout is None and lineage is not None:
            layout = layout_flow(lineage)
        self.layout_ = layout if lineage is not None else None
        self.focused = -1
        self.selected = ""
        size = (
            QSize(0, 0)
            if self.layout_ is None
            else QSize(int(self.layout_.width) + 1, int(self.layout_.height) + 1)
        )
        self.setFixedSize(size)
        self._describe()
        self.update()

    def select_family(self, family_id: str) -> None:
        """Frame a family (the table's selection), without emitting anything."""
        if family_id != self.selected:
            self.selected = family_id
            self.update()

    def blocks(self) -> tuple[FlowBlock, ...]:
        return () if self.layout_ is None else self.layout_.blocks

    def describe(self, block: FlowBlock) -> str:
        """What a block says to a reader: its family, version, label and lead words."""
        assert self.layout_ is not None
        return block_title(self.layout_, block, self.layout_.columns[block.version].title)

    def family_at(self, x: float, y: float) -> str | None:
        return None if self.layout_ is None else self.layout_.family_at(x, y)

    # ------------------------------------------------------------------ events

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.layout_ is None:
            return
        painter = QPainter(self)
        try:
            palette = DARK if is_dark(self.palette()) else LIGHT
            paint_flow(
                painter, self.layout_, palette, selected=self.selected,
                focused=self.focused if self.hasFocus() else -1, font=self.font(),
                exposed=QRectF(event.rect()),
            )  # fmt: skip
        finally:
            painter.end()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            text = self._hover_text(QPointF(e.pos()))
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        text = self._hover_text(event.position())
        self.setStatusTip(text)
        self.setCursor(Qt.CursorShape.PointingHandCursor if text else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        family = self.family_at(pos.x(), pos.y())
        if family:
            for n, b in enumerate(self.blocks()):
                if b.family == family and b.box.contains(pos.x(), pos.y()):
                    self.focused = n
            self.selected = family
            self._describe()
            self.update()
            self.familyChosen.emit(family)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        blocks = self.blocks()
        if not blocks:
            super().keyPressEvent(event)
            return
        moves: dict[int, tuple[int, int]] = {
            Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1),
            Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
        }  # fmt: skip
        if key in moves:
            self.focused = self._step(*moves[key])
            self._describe()
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if 0 <= self.focused < len(blocks) and blocks[self.focused].family:
                self.selected = blocks[self.focused].family
                self.update()
                self.familyChosen.emit(self.selected)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.focused < 0 and self.blocks():
            chosen = [
                n for n, b in enumerate(self.blocks()) if b.family and b.family == self.selected
            ]
            self.focused = chosen[0] if chosen else self._first_clause()
            self._describe()
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # ------------------------------------------------------------------ keyboard

    def _first_clause(self) -> int:
        return next((n for n, b in enumerate(self.blocks()) if b.kind is BlockKind.CLAUSE), 0)

    def _step(self, dv: int, dy: int) -> int:
        """The block beside the focused one: the next in its column, or the nearest in height
        in the next column (a block of the same family first)."""
        blocks = self.blocks()
        here = blocks[self.focused] if 0 <= self.focused < len(blocks) else None
        if here is None:
            return self._first_clause()
        if dy:
            column = [n for n, b in enumerate(blocks) if b.version == here.version]
            k = column.index(self.focused) + dy
            return column[k] if 0 <= k < len(column) else self.focused
        target = [n for n, b in enumerate(blocks) if b.version == here.version + dv]
        if not target:
            return self.focused
        same = [n for n in target if here.family and blocks[n].family == here.family]
        mid = here.box.y + here.box.h / 2
        return min(same or target, key=lambda n: abs(blocks[n].box.y + blocks[n].box.h / 2 - mid))

    def _describe(self) -> None:
        blocks = self.blocks()
        if 0 <= self.focused < len(blocks):
            text = self.describe(blocks[self.focused])
            self.setAccessibleDescription(text)
            self.setToolTip("")
            self.setStatusTip(text)
        else:
            self.setAccessibleDescription(
                "Arrow keys move between the clauses; Enter shows a family's history."
            )

    def _hover_text(self, pos: QPointF) -> str:
        if self.layout_ is None:
            return ""
        for b in self.layout_.blocks:
            if b.box.contains(pos.x(), pos.y()):
                return self.describe(b)
        family = self.family_at(pos.x(), pos.y())
        if family:
            fam = self.layout_.family(family)
            return f"{fam.id}: {fam.name} — {fam.words}"
        return ""


class FlowView(QScrollArea):
    """The canvas in a scroll area (the picture is wider than the window for many versions).
    Emits ``familyChosen(str)``, its canvas's."""

    familyChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flowView")
        self.setAccessibleName("Flow picture")
        self.canvas = FlowCanvas()
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.canvas.familyChosen.connect(self.familyChosen)

    def set_lineage(self, lineage: Lineage | None, layout: FlowLayout | None = None) -> None:
        self.canvas.set_lineage(lineage, layout)

    def select_family(self, family_id: str) -> None:
        self.canvas.select_family(family_id)
        blocks = [b for b in self.canvas.blocks() if b.family == family_id]
        if blocks:
            box = blocks[0].box
            self.ensureVisible(int(box.x + box.w / 2), int(box.y + box.h / 2), 60, 60)
