"""How clauses are named: their own numbers, else their part counted ("recital 1", "op. ¶1")."""

from __future__ import annotations

from pathlib import Path

from clausediff.core.compare.lineage import build_lineage
from clausediff.core.model import ClauseKind
from clausediff.core.read.bundled import load_bundled
from clausediff.core.read.files import document_from_text, load_file
from clausediff.core.render.serialize import document_json
from clausediff.core.render.wording import sentence_moves, short_moves
from clausediff.core.text.names import reader_labels
from support.official import HEADER_LINES, decision_paragraphs


def _names(symbol: str) -> dict[str, str]:
    return {c.id: c.display_label() for c in load_bundled(symbol).clauses}


def test_the_2013_decision_is_named_by_its_parts() -> None:
    doc = load_bundled("WT/MIN(13)/32")
    names = [c.display_label() for c in doc.clauses]
    assert names == [
        "heading 1",
        "heading 2",
        "heading 3",
        "opener",
        "recital 1",
        "introducer",
        "op. ¶1",
        "op. ¶2",
        "op. ¶3",
        "op. ¶4",
        "op. ¶5",
    ]
    first = next(c for c in doc.clauses if c.kind is ClauseKind.OPERATIVE)
    assert first.text.startswith("To continue with the positive work")
    assert first.display_label() == "op. ¶1" and first.position == 7  # (was "¶7")
    assert doc.labels((6, 7)) == "op. ¶1, op. ¶2"


def test_the_2011_excerpt_counts_its_parts_and_keeps_gaps_by_position() -> None:
    names = _names("WT/L/843")
    assert names["c1"] == "heading"  # the only heading: no number
    assert names["c3"] == "opener" and names["c4"] == "recital 1"
    # operative paragraph 1 is the clause that was "¶6"; gaps are named as before
    assert names["c6"] == "op. ¶1" and names["c7"] == "op. ¶2"
    assert [names[c] for c in ("c2", "c5", "c8", "c9")] == ["¶2", "¶5", "¶8", "¶9"]


def test_own_numbers_are_kept_and_paragraph_numbers_read_as_paragraphs() -> None:
    doc = document_from_text(
        "DECISION ON NOTIFICATIONS\n\n"
        "The General Council,\n\n"
        "Noting the work of the Committee,\n\n"
        "Decides as follows:\n\n"
        "1. Members shall notify their measures.\n\n"
        "(a) within 30 days;\n\n"
        "(b) in writing.\n\n"
        "1.1 The Secretariat shall circulate the notifications.\n\n"
        "2.3 bis The Committee shall review them.\n\n"
        "Article 4 – Members shall report every year."
    )
    assert [c.display_label() for c in doc.clauses] == [
        "heading",
        "opener",
        "recital 1",
        "introducer",
        "¶1",
        "(a)",
        "(b)",
        "¶1.1",
        "¶2.3 bis",
        "Article 4",
    ]
    assert [c.label for c in doc.clauses][4:] == ["1", "(a)", "(b)", "1.1", "2.3 bis", "Article 4"]


def test_an_imported_numbered_text_and_the_bundled_one_share_the_scheme(tmp_path: Path) -> None:
    """The 2013 decision as the WTO numbers it, imported from a text file, beside the bundled
    unnumbered text: "op. ¶1 → ¶1", and the travelled sentences speak the same way."""
    paragraphs = decision_paragraphs()
    first = next(n for n, p in enumerate(paragraphs) if p.startswith("To continue"))
    numbered = paragraphs[:first] + [f"{n}. {p}" for n, p in enumerate(paragraphs[first:], 1)]
    path = tmp_path / "2013-12-11_WT-MIN-13-32.txt"
    path.write_text("\n".join(HEADER_LINES) + "\n\n" + "\n\n".join(numbered), encoding="utf-8")
    imported = load_file(path)
    names = [c.display_label() for c in imported.clauses if c.kind is ClauseKind.OPERATIVE]
    assert names == ["¶1", "¶2", "¶3", "¶4", "¶5"]
    lineage = build_lineage([load_bundled("WT/L/843"), imported])
    al = lineage.pairs[0]
    labels = {al.right.labels(lk.right) for lk in al.links if lk.right}
    assert "¶1, ¶2, ¶3" in labels  # 2011 op. ¶1 split into three numbered paragraphs
    lines = [line for moves in sentence_moves(al).values() for line in short_moves(moves)]
    assert "2 sentences from op. ¶2" in lines and "a sentence to ¶1" in lines


def test_json_gives_the_name_beside_the_label_and_the_position() -> None:
    clauses = document_json(load_bundled("WT/L/843"))["clauses"]
    first = clauses[5]
    assert (first["id"], first["label"], first["display_label"], first["position"]) == (
        "c6",
        "",
        "op. ¶1",
        6,
    )
    assert [c["position"] for c in clauses] == list(range(1, len(clauses) + 1))


def test_names_are_made_once_at_segmentation() -> None:
    doc = load_bundled("WT/MIN(13)/32")
    assert [c.reader_label for c in doc.clauses] == reader_labels(doc.clauses)
    assert all(c.reader_label for c in doc.clauses)
