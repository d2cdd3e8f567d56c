"""`clausediff export` of 2011 → 2013 in each format, with and without notes."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from clausediff.core.read.bundled import load_bundled
from clausediff.core.store.review import Review


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clausediff", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def review_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("review") / "bali.cdreview"
    d2011 = load_bundled("WT/L/843")
    review = Review(path, create=True)
    review.set_versions([d2011, load_bundled("WT/MIN(13)/32")])
    recital = next(c.index for c in d2011.clauses if c.text.startswith("Recalling"))
    review.add_note(d2011, recital, "Check the session number", status="to discuss", author="Ana")
    return path


def _export(tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"export.{fmt}"
    result = run("export", "WT/L/843", "WT/MIN(13)/32", "--format", fmt, "-o", str(out), *extra)
    assert result.returncode == 0, result.stderr
    assert out.exists() and out.stat().st_size > 0
    return out


def test_html_carries_seventh_and_eighth_as_deletion_and_insertion(
    tmp_path: Path, review_file: Path
) -> None:
    page = _export(tmp_path, "html", "--review", str(review_file)).read_text(encoding="utf-8")
    assert re.search(r"<del><span[^>]*>Seventh</span></del>", page)
    assert re.search(r"<ins><u><span[^>]*>Eighth</span></u></ins>", page)
    assert not re.search(r"<del>(<[^>]*>)*Eighth", page)
    assert not re.search(r"<ins>(<[^>]*>)*Seventh", page)
    # self-contained: nothing loaded from outside
    for reference in ("<script", "<link", "<img", "src=", "@import", "url("):
        assert reference not in page
    assert "2011 Decision" in page and "WT/L/843" in page and "excerpt" in page  # provenance
    assert "Check the session number" in page and "to discuss" in page  # the note


def test_docx_has_tracked_deletion_and_insertion_around_them(
    tmp_path: Path, review_file: Path
) -> None:
    document = docx.Document(str(_export(tmp_path, "docx", "--review", str(review_file))))
    body = document.element.body
    deleted = [
        "".join(t.text or "" for t in d.iter(qn("w:delText"))) for d in body.iter(qn("w:del"))
    ]
    inserted = ["".join(t.text or "" for t in i.iter(qn("w:t"))) for i in body.iter(qn("w:ins"))]
    assert "Seventh" in deleted and "Eighth" in inserted
    assert "WT/L/782" in deleted and "WT/L/843" in inserted
    # in one paragraph, the deletion comes right before the insertion
    for p in body.iter(qn("w:p")):
        kinds = [el.tag for el in p if el.tag in (qn("w:del"), qn("w:ins"))]
        texts = [
            "".join(t.text or "" for t in el.iter(qn("w:t"), qn("w:delText")))
            for el in p
            if el.tag in (qn("w:del"), qn("w:ins"))
        ]
        if "Seventh" in texts:
            k = texts.index("Seventh")
            assert (
                kinds[k] == qn("w:del") and texts[k + 1] == "Eighth" and kinds[k + 1] == qn("w:ins")
            )
            break
    else:  # pragma: no cover
        raise AssertionError("no paragraph with the recital's change")
    comments = list(document.comments)
    assert any("Check the session number" in c.text for c in comments)


def test_pdf_text_contains_the_clauses(tmp_path: Path) -> None:
    reader = PdfReader(str(_export(tmp_path, "pdf")))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for clause in load_bundled("WT/MIN(13)/32").clauses:
        if clause.kind.value == "operative":
            assert " ".join(clause.text.split()[:8]) in text
    assert "Page 1 of" in text and "WT/L/843 (2011-12-17)" in text
    letter = _export(tmp_path, "pdf", "--page", "letter")
    box = PdfReader(str(letter)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_csv_is_the_lineage_table(tmp_path: Path, review_file: Path) -> None:
    data = _export(tmp_path, "csv", "--review", str(review_file)).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    assert rows[0][:2] == ["family", "name"] and rows[0][-1] == "notes"
    recital = next(r for r in rows if r[3].startswith("Recalling"))
    assert recital[7] == "modified" and "[to discuss] Check the session number" in recital[-1]


def test_docx_keeps_the_italics_of_inter_alia(tmp_path: Path) -> None:
    out = tmp_path / "lineage.docx"
    result = run("export", "WT/MIN(98)/DEC/2", "WT/MIN(13)/32", "--format", "docx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    body = docx.Document(str(out)).element.body
    italic_texts = [
        "".join(t.text or "" for t in r.iter(qn("w:t"), qn("w:delText")))
        for r in body.iter(qn("w:r"))
        if r.find(qn("w:rPr")) is not None and r.find(qn("w:rPr")).find(qn("w:i")) is not None
    ]
    assert "inter alia" in italic_texts


def test_exports_name_the_sentences_that_travelled(tmp_path: Path) -> None:
    """2011 paragraph 2 is unknown at clause level, but its sentences went into 2013
    paragraphs 1 and 3: the shared HTML (and the PDF drawn from it) and the Word redline
    say so on both rows."""
    page = _export(tmp_path, "html").read_text(encoding="utf-8")
    travelled = re.findall(r'class="travelled"[^>]*><i>([^<]*)</i>', page)
    assert travelled == [
        "2 sentences from op. ¶2",
        "a sentence to op. ¶1",
        "a sentence to op. ¶3",
    ]
    report = docx.Document(str(_export(tmp_path, "docx-report")))
    leads = [p.runs[0].text for p in report.paragraphs if p.runs]
    assert "[op. ¶1 → op. ¶1, op. ¶2, op. ¶3, split; 2 sentences from op. ¶2] " in leads
    assert "[op. ¶2 → —, unknown; a sentence to op. ¶1; a sentence to op. ¶3] " in leads
    assert "[heading → heading 2, modified; letter case only] " in leads  # the title in capitals
    # the redline says the same in comments on the clauses, never in their paragraphs
    redline = docx.Document(str(_export(tmp_path, "docx")))
    comments = [c.text for c in redline.comments]
    assert "op. ¶1 → op. ¶1, op. ¶2, op. ¶3: split 0.49\n2 sentences from op. ¶2" in comments
    assert any(
        c.startswith("op. ¶2 → —: unknown") and c.endswith("a sentence to op. ¶3") for c in comments
    )
    assert "heading → heading 2: modified 1.00; letter case only" in comments
    assert not any(p.text.startswith("[") for p in redline.paragraphs)
    assert "modified 1.00<br/>letter case only" in page


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx", "docx-report", "csv"])
def test_every_format_takes_a_form_feed_and_a_vertical_tab(tmp_path: Path, fmt: str) -> None:
    """Characters the readers accept never break an export (the Word export raised lxml's
    ValueError on these)."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("1. Members shall report.\x0cThe Council shall meet.\n", encoding="utf-8")
    new.write_text("1. Members shall report soon.\x0bThe Council shall meet.\n", encoding="utf-8")
    out = tmp_path / f"breaks.{fmt}"
    result = run("export", str(old), str(new), "--format", fmt, "-o", str(out), "--keep-order")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and out.stat().st_size > 0


def test_the_2011_2013_pdf_is_at_most_three_a4_pages(tmp_path: Path) -> None:
    """The bundled 2011 -> 2013 comparison: 3 A4 pages (8 before its rows were kept whole and
    its columns evened), after the brief's page."""
    data = _export(tmp_path, "pdf").read_bytes()
    pages = re.findall(rb"/Type\s*/Page(?!s)", data)
    assert 2 <= len(pages) <= 1 + 3
    box = PdfReader(str(tmp_path / "export.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_word_exports_are_a4_unless_page_says_letter(tmp_path: Path) -> None:
    """One paper for every format on the command line: A4, or the one --page names."""
    for fmt in ("docx", "docx-report"):
        a4 = docx.Document(str(_export(tmp_path, fmt))).sections[0]
        assert (round(a4.page_width.mm), round(a4.page_height.mm)) == (210, 297)
        letter = docx.Document(str(_export(tmp_path, fmt, "--page", "letter"))).sections[0]
        assert (round(letter.page_width.inches, 2), round(letter.page_height.inches, 2)) == (
            8.5,
            11.0,
        )
