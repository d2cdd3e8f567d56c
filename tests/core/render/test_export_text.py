"""Every export gives back every clause's exact text (HTML per column, CSV per cell, the Word
report and redline), whatever characters the readers accept; the one change is the single
quote that keeps a spreadsheet from running a CSV cell as a formula."""

from __future__ import annotations

import csv
import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from clausediff.core.compare.lineage import Lineage, build_lineage
from clausediff.core.compare.links import Alignment, ClauseLink
from clausediff.core.model import Document
from clausediff.core.read.bundled import load_bundled
from clausediff.core.read.files import document_from_text
from clausediff.core.render.docx_redline import export_docx
from clausediff.core.render.docx_report import export_docx_report
from clausediff.core.render.export import FORMULA_STARTS, export_csv, export_html
from clausediff.core.render.html import is_gap_side
from support.tracked import document_xml, paragraphs

OLD = (
    "Decides:\n\n"
    "1. Members shall report.\x0cThe Council shall meet in July.\n\n"
    "2. The Secretariat\x0bshall publish\x01 a note.\n\n"
    '3. =HYPERLINK("http://example.org","click") shall not be run.'
)
NEW = (
    "Decides:\n\n"
    "1. Members shall report soon.\x0cThe Council shall meet in July.\n\n"
    "2. The Secretariat\x0bshall publish a factual note.\n\n"
    '3. =HYPERLINK("http://example.org","click") shall not be run.\n\n'
    "+1 Members may add a clause.\n\n"
    "-2 or take one away.\n\n"
    "@SUM(A1:A2) is a formula too."
)


@pytest.fixture(scope="module")
def breaks() -> Lineage:
    """Two versions with a form feed, a vertical tab, a C0 control and formula openings."""
    return build_lineage([document_from_text(OLD), document_from_text(NEW)])


class _Cells(HTMLParser):
    """The text of every table cell, rows in order (``<br/>`` as a line feed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self.cell is not None:
            self.rows[-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _text_sides(al: Alignment, lk: ClauseLink) -> list[tuple[int, str]]:
    """The sides of a link that hold text (not a gap, not the empty side of one-sided link)."""
    out = []
    for side, (doc, idx) in enumerate(((al.left, lk.left), (al.right, lk.right))):
        if idx and not is_gap_side(doc, idx):
            out.append((side, al.side_text(lk, side)))
    return out


def html_columns_hold_exact_text(lineage: Lineage) -> int:
    al = lineage.pairs[0]
    parser = _Cells()
    html = export_html(lineage)
    parser.feed(html[html.index("<h2>Clause by clause</h2>") :])  # (after the brief's table)
    rows = [r for r in parser.rows if len(r) == 3]  # the clause rows: change, old, new
    assert len(rows) == len(al.links)
    checked = 0
    for row, lk in zip(rows, al.links, strict=True):
        for side, text in _text_sides(al, lk):
            assert row[1 + side] == text
            checked += 1
    return checked


@pytest.mark.parametrize(
    ("old", "new"), [("WT/L/843", "WT/L/907"), ("WT/MIN(98)/DEC/2", "WT/L/907")]
)
def test_html_columns_hold_each_version_exactly(old: str, new: str) -> None:
    lineage = build_lineage([load_bundled(old), load_bundled(new)])
    assert html_columns_hold_exact_text(lineage) >= 10


def test_html_holds_breaks_and_controls(breaks: Lineage) -> None:
    assert html_columns_hold_exact_text(breaks) == 4 + 7  # every clause of both versions
    page = export_html(breaks)
    assert "\x0c" in page and "\x0b" in page and "&lt;" not in page.split("<body>")[0]


def _unquoted(cell: str) -> str:
    """A CSV cell as its text: the formula guard's quote taken off."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS and cell[1:2] else cell


def _csv_rows(lineage: Lineage) -> list[list[str]]:
    return list(csv.reader(io.StringIO(export_csv(lineage), newline="")))


def test_csv_cells_hold_the_exact_text_and_no_formula(breaks: Lineage) -> None:
    rows = _csv_rows(breaks)
    for row in rows:
        for cell in row:  # nothing a spreadsheet would run
            assert not cell.startswith(FORMULA_STARTS), cell
    texts = {_unquoted(r[6]) for r in rows[1:]}  # the newer version's text column
    assert {c.text for c in breaks.versions[1].clauses} <= texts
    assert {_unquoted(r[3]) for r in rows[1:] if r[3]} == {
        c.text for c in breaks.versions[0].clauses
    }
    formula = next(r[6] for r in rows if "HYPERLINK" in r[6])
    assert formula == '\'=HYPERLINK("http://example.org","click") shall not be run.'
    assert any(r[6] == "'+1 Members may add a clause." for r in rows)
    assert any(r[6] == "'-2 or take one away." for r in rows)
    assert any(r[6] == "'@SUM(A1:A2) is a formula too." for r in rows)
    assert any(
        r[6] == "Members shall report soon.\x0cThe Council shall meet in July." for r in rows
    )


def test_csv_of_a_lineage_holds_every_version_exactly() -> None:
    lineage3 = build_lineage(
        [load_bundled(s) for s in ("WT/MIN(98)/DEC/2", "WT/L/843", "WT/L/907")]
    )
    rows = _csv_rows(lineage3)
    for v, doc in enumerate(lineage3.versions):
        column = [_unquoted(r[3 + 3 * v]) for r in rows[1:]]
        held = "\n".join(c for c in column if c)
        for clause in doc.clauses:  # (a gap belongs to no family: no text to hold)
            assert clause.is_gap or clause.text in held


def _word_paragraphs(doc: Document) -> list[str]:
    from clausediff.core.render.tracked import paragraph_text
    from clausediff.core.render.wordml import word_text

    return [word_text(paragraph_text(doc, c)) for c in doc.clauses]


def test_word_exports_take_breaks_and_controls(breaks: Lineage, tmp_path: Path) -> None:
    """A form feed is a page break in Word, a vertical tab a line break, and a character no
    XML file may hold U+FFFD: neither Word export fails, and the redline gives both back."""
    redline, report = tmp_path / "redline.docx", tmp_path / "report.docx"
    export_docx(breaks, redline)
    export_docx_report(breaks, report)
    root = document_xml(redline)
    old, new = breaks.versions
    assert paragraphs(root, "accept")[: len(new.clauses)] == _word_paragraphs(new)
    assert paragraphs(root, "reject")[: len(old.clauses)] == _word_paragraphs(old)
    assert "2. The Secretariat\nshall publish\ufffd a note." in paragraphs(root, "reject")
    for path in (redline, report):
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        assert '<w:br w:type="page"/>' in xml and "<w:br/>" in xml
        assert "\x0c" not in xml and "\x0b" not in xml and "\x01" not in xml
        docx.Document(str(path))  # python-docx opens both


def test_word_report_keeps_its_findings_and_the_exact_redline(tmp_path: Path) -> None:
    lineage = build_lineage([load_bundled("WT/L/843"), load_bundled("WT/L/907")])
    out = tmp_path / "report.docx"
    export_docx_report(lineage, out)
    report = docx.Document(str(out))
    leads = [p.runs[0].text for p in report.paragraphs if p.runs]
    assert "[recital 1 → recital 1, modified] " in leads
    recital = next(p for p in paragraphs(document_xml(out), "reject") if "Recalling" in p)
    assert recital.endswith("at its next session, to be held in 2011,")


def test_the_two_version_columns_of_the_html_are_even_and_fixed() -> None:
    """The clause table (the HTML a browser prints and Qt draws the PDF from): its two
    version columns have one width, in the heading cells Qt reads and the columns a
    browser keeps with ``table-layout: fixed``; the lineage's versions share theirs evenly."""
    import re

    from clausediff.core.render.export import export_html

    page = export_html(build_lineage([load_bundled("WT/L/843"), load_bundled("WT/L/907")]))
    table = page[page.index('<table class="compare"') :]
    cols = re.findall(r'<col style="width:(\d+)%"/>', table.split("</colgroup>")[0])
    heads = re.findall(r'<th width="(\d+)%">', table.split("</tr>")[0])
    assert cols == heads and len(heads) == 3 and heads[1] == heads[2]
    assert int(heads[1]) > 2 * int(heads[0]) and sum(map(int, heads)) == 100
    assert re.search(r"table \{[^}]*table-layout: fixed", page)
    lineage = build_lineage([load_bundled(s) for s in ("WT/MIN(98)/DEC/2", "WT/L/843", "WT/L/907")])
    families = export_html(lineage)
    families = families[families.index('<table class="lineage"') :]
    heads = re.findall(r'<th width="(\d+)%">', families.split("</tr>")[0])
    assert len(heads) == 4 and len(set(heads[1:])) == 1


def test_the_csv_and_the_html_name_each_family_as_a_reader_does() -> None:
    """1998 → 2011 → 2013: a family's CSV row keeps its id for a machine ("f…", what notes
    and the JSON refer to) and says its name: the labels of its clauses in the last version
    it reaches (and that version when it is not the newest), then that clause's first words.
    The HTML lineage table names it so, never by its id."""
    import re

    lineage = build_lineage([load_bundled(s) for s in ("WT/MIN(98)/DEC/2", "WT/L/843", "WT/L/907")])
    header, *rows = _csv_rows(lineage)
    assert header[:2] == ["family", "name"]
    assert [r[0] for r in rows] == [f.id for f in lineage.families]
    newest = len(lineage.versions) - 1
    for row in rows:
        last = max(v for v in range(len(lineage.versions)) if row[2 + 3 * v])
        labels, text = row[2 + 3 * last], _unquoted(row[3 + 3 * last])
        where = "" if last == newest else f" ({lineage.versions[last].info.label})"
        assert row[1].startswith(f"{labels}{where} “"), row
        lead = row[1].split("“", 1)[1].rstrip("”").removesuffix(" …")
        assert " ".join(text.split()).startswith(lead), row  # (its words, on one line)
    by_name = {r[1]: r for r in rows}
    gone = by_name["op. ¶2 (2011 Decision) “To instruct the General …”"]
    assert gone[5] == "op. ¶2" and gone[8] == ""  # in 2011 only
    page = export_html(lineage)
    table = page.split("<h2>Clause families</h2>", 1)[1]
    cells = re.findall(r'<tr><td class="kind"><span class="labels">([^<]*)</span>', table)
    assert len(cells) == len(lineage.families)
    assert "op. ¶2 (2011 Decision)" in cells and "op. ¶5" in cells
    assert "<br/>“That Members will maintain …”</td>" in table
    assert not re.search(r'<td class="kind">(<span class="labels">)?f\d+<', table)
