"""The flow picture's ink, its legend, and the picture as SVG.

Contract: :func:`flow_ink` turns a :class:`Palette` into the colours of the picture (the
window's painter and the SVG use the same); :data:`LEGEND` is what each pattern means, in
words; :func:`flow_svg` writes a :class:`FlowLayout` as one self-contained SVG element (no
scripts, no external references), every family named in a ``<title>`` and its clauses'
labels and lead words as ``<text>``, all text escaped. Kinds are told apart by pattern and
by words, never by colour alone: a missing text is hatched, an uncertain band hatched with
a dashed edge, a new clause has a bar on its left edge and a dropped one on its right, and
a split, merge or move is named on its ribbons.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import LinkKind
from clausediff.core.render.flow import (
    BlockKind,
    End,
    FlowBlock,
    FlowLayout,
    FlowRibbon,
    layout_flow,
)
from clausediff.core.render.palette import DARK_CHROME, KIND_COLOURS, PRINT, Palette
from clausediff.core.render.wordml import word_safe

#: What each mark of the picture means, by the swatch drawn beside the words (the painter
#: and the SVG show the same).
LEGEND = (
    ("unchanged", "unchanged"),
    ("changed", "reworded (split, merged, moved: named on the band)"),
    ("gap", "text not available (excerpt)"),
    ("uncertain", "uncertain: may lie in the missing text"),
    ("new", "bar on the left: new in this version"),
    ("dropped", "bar on the right: dropped in the next"),
)
LEGEND_NOTE = "Each band is a clause family; its height is the clause's length."
SWATCH = (24.0, 12.0)


def legend_places(layout: FlowLayout) -> list[tuple[str, str, float, float]]:
    """Where each legend entry goes: ``(swatch, words, x, y)``, ``y`` the swatch's top;
    three entries a row."""
    step = (layout.width - 28) / 3
    out = []
    for k, (key, words) in enumerate(LEGEND):
        out.append((key, words, 14.0 + (k % 3) * step, layout.legend_top + 24 + (k // 3) * 20))
    return out


@dataclass(frozen=True, slots=True)
class FlowInk:
    background: str
    text: str
    muted: str
    block: str
    block_edge: str
    gap: str
    hatch: str
    new_bar: str
    dropped_bar: str
    selected: str

    def ribbon(self, kind: LinkKind) -> tuple[str, float]:
        """A ribbon's colour and opacity: unchanged pale, a change deeper."""
        return KIND_COLOURS[kind], 0.28 if kind is LinkKind.UNCHANGED else 0.5


def flow_ink(p: Palette) -> FlowInk:
    return FlowInk(
        background=DARK_CHROME["Base"] if p.dark else "#ffffff",
        text=p.text,
        muted=p.muted,
        block=p.header_bg,
        block_edge=p.muted,
        gap=p.gap_bg,
        hatch=p.gap_fg,
        new_bar=p.inserted_fg,
        dropped_bar=p.deleted_fg,
        selected=p.selected_frame,
    )


#: An SVG character is about this wide at the picture's font size, in points.
CHAR_WIDTH = 5.9
FONT_SIZE = 10.5


def wrap(text: str, width: float, lines: int, char_width: float = CHAR_WIDTH) -> list[str]:
    """``text`` in at most ``lines`` lines of about ``width``, the last cut with "…"."""
    n = max(1, int(width / char_width))
    out: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > n:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = elide(out[-1] + " …", width, char_width)
    return out


def elide(text: str, width: float, char_width: float = CHAR_WIDTH) -> str:
    """``text`` cut with "…" to about ``width`` (the SVG cannot measure its font)."""
    n = max(0, int(width / char_width))
    return text if len(text) <= n else text[: max(0, n - 1)].rstrip() + "…"


def ribbon_path(r: FlowRibbon) -> str:
    """The ribbon's outline: two eased curves (control points half-way across)."""
    xm = (r.x0 + r.x1) / 2
    return (
        f"M{r.x0:.1f},{r.top0:.1f} C{xm:.1f},{r.top0:.1f} {xm:.1f},{r.top1:.1f} "
        f"{r.x1:.1f},{r.top1:.1f} L{r.x1:.1f},{r.bottom1:.1f} C{xm:.1f},{r.bottom1:.1f} "
        f"{xm:.1f},{r.bottom0:.1f} {r.x0:.1f},{r.bottom0:.1f} Z"
    )


def block_title(layout: FlowLayout, b: FlowBlock, version_label: str) -> str:
    """What hovering a block says: its family, clause and lead words."""
    if b.kind is BlockKind.GAP:
        return f"{version_label}: text not available — {b.words}"
    fam = layout.family(b.family)
    if b.kind is BlockKind.PASS:
        return f"{fam.id}: {fam.name} — {fam.words} (may be in the text {version_label} lacks)"
    return f"{fam.id}: {version_label} {b.label} — {b.words} (family of {fam.name})"


def _xml_text(text: str) -> str:
    """``text`` for an SVG's text and attributes: escaped, and every character an XML file
    cannot hold shown as U+FFFD (as in the Word exports), so that the file always parses."""
    return html.escape(word_safe(text))


def flow_svg(layout: FlowLayout, p: Palette, title: str = "") -> str:
    """The picture as one ``<svg>`` element; see the module contract."""
    ink = flow_ink(p)
    e = _xml_text
    names = {c.version: c.title for c in layout.columns}
    heading = title or "Flow of clause families: " + " → ".join(names.values())
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{layout.width:.0f}" '
        f'height="{layout.height:.0f}" viewBox="0 0 {layout.width:.0f} {layout.height:.0f}" '
        f'role="img" aria-label="{e(heading)}" font-family="Segoe UI, Helvetica Neue, Arial, '
        f'sans-serif" font-size="{FONT_SIZE}">',
        f"<title>{e(heading)}</title>",
        '<defs><pattern id="cd-flow-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{ink.hatch}" stroke-width="1.6"/>'
        "</pattern></defs>",
        f'<rect width="100%" height="100%" fill="{ink.background}"/>',
    ]
    for c in layout.columns:
        out.append(
            f'<text x="{c.x:.1f}" y="{layout.body_top - 24:.1f}" font-weight="bold" '
            f'fill="{ink.text}">{e(elide(c.title, c.width))}</text>'
            f'<text x="{c.x:.1f}" y="{layout.body_top - 9:.1f}" fill="{ink.muted}">'
            f"{e(c.subtitle)}</text>"
        )
    for r in layout.ribbons:
        fam = layout.family(r.family)
        d = ribbon_path(r)
        tip = f"<title>{e(f'{fam.id}: {fam.name} — {fam.words}')}</title>"
        attrs = f'data-family="{e(r.family)}" data-kind="{r.kind.value}"'
        if r.uncertain:
            out.append(
                f'<path {attrs} d="{d}" fill="url(#cd-flow-hatch)" fill-opacity="0.7" '
                f'stroke="{ink.hatch}" stroke-width="1" stroke-dasharray="4 3">{tip}</path>'
            )
        else:
            colour, alpha = ink.ribbon(r.kind)
            edge = "" if r.kind is LinkKind.UNCHANGED else f' stroke="{colour}" stroke-width="1"'
            out.append(
                f'<path {attrs} d="{d}" fill="{colour}" fill-opacity="{alpha}"{edge}>{tip}</path>'
            )
    for b in layout.blocks:
        out.append(_block_svg(layout, b, names[b.version], ink))
    for m in layout.marks:
        out.append(
            f'<text x="{m.x:.1f}" y="{m.y + 4:.1f}" text-anchor="middle" font-style="italic" '
            f'font-weight="bold" fill="{ink.text}" stroke="{ink.background}" stroke-width="3" '
            f'paint-order="stroke">{e(m.text)}</text>'
        )
    out.append(_legend_svg(layout, ink))
    out.append("</svg>")
    return "\n".join(out)


def _block_svg(layout: FlowLayout, b: FlowBlock, version_label: str, ink: FlowInk) -> str:
    e = _xml_text
    x, y, w, h = b.box.x, b.box.y, b.box.w, b.box.h
    parts = [
        f'<g data-family="{e(b.family)}" data-kind="{b.kind.value}">'
        f"<title>{e(block_title(layout, b, version_label))}</title>"
    ]
    rect = f'x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="2"'
    if b.kind is BlockKind.CLAUSE:
        parts.append(f'<rect {rect} fill="{ink.block}" stroke="{ink.block_edge}"/>')
    elif b.kind is BlockKind.GAP:
        parts.append(f'<rect {rect} fill="{ink.gap}"/>')
        parts.append(f'<rect {rect} fill="url(#cd-flow-hatch)" stroke="{ink.hatch}"/>')
    else:
        parts.append(
            f'<rect {rect} fill="url(#cd-flow-hatch)" stroke="{ink.hatch}" stroke-dasharray="4 3"/>'
        )
    if b.start is End.NEW:
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="4" height="{h:.1f}" '
                     f'fill="{ink.new_bar}"/>')  # fmt: skip
    if b.end is End.DROPPED:
        parts.append(f'<rect x="{x + w - 4:.1f}" y="{y:.1f}" width="4" height="{h:.1f}" '
                     f'fill="{ink.dropped_bar}"/>')  # fmt: skip
    ty = y + min(h / 2 + 4, 14)
    if b.kind is BlockKind.CLAUSE:
        label_w = CHAR_WIDTH * (len(b.label) + 1.5)
        lines = wrap(b.words, w - 14 - label_w, max(1, int((h - 6) // 14)))
        ty = ty if len(lines) == 1 and h <= 28 else y + 16
        spans = "".join(
            f'<tspan x="{x + 7 + label_w:.1f}" dy="{0 if k == 0 else 14}">{e(line)}</tspan>'
            for k, line in enumerate(lines)
        )
        parts.append(
            f'<text x="{x + 7:.1f}" y="{ty:.1f}" fill="{ink.text}" font-weight="bold">'
            f"{e(b.label)}</text>"
            f'<text x="{x + 7 + label_w:.1f}" y="{ty:.1f}" fill="{ink.text}">{spans}</text>'
        )
    else:
        words = b.label if b.kind is BlockKind.GAP else f"{b.family}: may be in the missing text"
        parts.append(
            f'<text x="{x + 7:.1f}" y="{ty:.1f}" fill="{ink.text}" font-style="italic" '
            f'stroke="{ink.background}" stroke-width="3" paint-order="stroke">'
            f"{e(elide(words, w - 14))}</text>"
        )
    parts.append("</g>")
    return "".join(parts)


def _legend_svg(layout: FlowLayout, ink: FlowInk) -> str:
    e = _xml_text
    w, h = SWATCH
    parts = [
        f'<g class="legend"><text x="14" y="{layout.legend_top + 12:.1f}" fill="{ink.muted}">'
        f"{e(LEGEND_NOTE)}</text>"
    ]
    for key, words, x, y in legend_places(layout):
        box = f'x="{x:.1f}" y="{y:.1f}" width="{w}" height="{h}"'
        if key in ("unchanged", "changed"):
            colour, alpha = ink.ribbon(
                LinkKind.UNCHANGED if key == "unchanged" else LinkKind.MODIFIED
            )
            edge = f' stroke="{colour}"' if key == "changed" else ""
            parts.append(f'<rect {box} fill="{colour}" fill-opacity="{alpha}"{edge}/>')
        elif key == "gap":
            parts.append(f'<rect {box} fill="{ink.gap}"/><rect {box} fill="url(#cd-flow-hatch)" '
                         f'stroke="{ink.hatch}"/>')  # fmt: skip
        elif key == "uncertain":
            parts.append(f'<rect {box} fill="url(#cd-flow-hatch)" stroke="{ink.hatch}" '
                         'stroke-dasharray="4 3"/>')  # fmt: skip
        else:
            bar_x = x if key == "new" else x + w - 4
            bar = ink.new_bar if key == "new" else ink.dropped_bar
            parts.append(f'<rect {box} fill="{ink.block}" stroke="{ink.block_edge}"/>'
                         f'<rect x="{bar_x:.1f}" y="{y:.1f}" width="4" height="{h}" '
                         f'fill="{bar}"/>')  # fmt: skip
        parts.append(f'<text x="{x + w + 6:.1f}" y="{y + 10:.1f}" fill="{ink.muted}">'
                     f"{e(words)}</text>")  # fmt: skip
    parts.append("</g>")
    return "".join(parts)


def flow_svg_file(lineage: Lineage, p: Palette = PRINT) -> str:
    """The picture of a lineage as an SVG file (``clausediff export … --format svg``)."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + flow_svg(layout_flow(lineage), p) + "\n"


def flow_section_html(lineage: Lineage) -> str:
    """The picture for the HTML lineage export: a heading and the SVG inline."""
    return (
        '<h2>Flow of clause families</h2><div class="flow">'
        + flow_svg(layout_flow(lineage), PRINT)
        + "</div>"
    )
