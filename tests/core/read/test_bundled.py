"""The bundled decision library: manifest, hashes, and exact segmentation of every text."""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources

import pytest

from clausediff.core.model import ClauseKind, Document
from clausediff.core.read.bundled import bundled_bytes, bundled_entries, load_bundled

# kind initials read best in the fixtures
H, P, I, O, G = (  # noqa: E741
    ClauseKind.HEADING,
    ClauseKind.PREAMBLE,
    ClauseKind.INTRODUCER,
    ClauseKind.OPERATIVE,
    ClauseKind.GAP,
)


def test_every_bundled_file_matches_its_manifest_hash() -> None:
    folder = resources.files("clausediff.resources") / "decisions"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["decisions"]) == 4
    for item in manifest["decisions"]:
        data = (folder / item["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == item["sha256"], item["file"]
        for key in ("symbols", "title", "body", "date", "complete", "sources", "notes"):
            assert key in item


def test_manifest_lists_the_lineage_in_date_order() -> None:
    entries = bundled_entries()
    assert [e.info.symbols for e in entries] == [
        ("WT/MIN(98)/DEC/2",),
        ("WT/L/274",),
        ("WT/L/843",),
        ("WT/MIN(13)/32", "WT/L/907"),
    ]
    assert [e.info.complete for e in entries] == [True, False, False, True]
    dates = [e.info.date for e in entries]
    assert dates == sorted(dates)


def test_bundled_source_is_exactly_the_file(dec2013: Document) -> None:
    entry = next(e for e in bundled_entries() if "WT/L/907" in e.info.symbols)
    assert dec2013.source.encode("utf-8") == bundled_bytes(entry)
    assert dec2013.source.startswith("\n\n")


def test_lookup_by_any_symbol_or_file_name() -> None:
    assert load_bundled("WT/MIN(13)/32") is load_bundled("wt/l/907")
    assert load_bundled("2011-12-17_WT-L-843.txt").info.symbols == ("WT/L/843",)


def _paragraphs(source: str) -> list[str]:
    """An independent reading of a bundled text: blank-line paragraphs, trimmed."""
    return [p.strip() for p in re.split(r"\n\s*\n", source) if p.strip()]


def _shape(doc: Document) -> list[tuple[ClauseKind, str]]:
    return [(c.kind, c.label) for c in doc.clauses]


def test_segments_2013(dec2013: Document) -> None:
    assert _shape(dec2013) == [(H, ""), (H, ""), (H, ""), (P, ""), (P, ""), (I, "")] + [(O, "")] * 5
    paras = _paragraphs(dec2013.source)
    operative = [c.text for c in dec2013.clauses if c.kind is O]
    assert operative == [p.replace("*inter alia*", "inter alia") for p in paras[6:11]]
    assert "*" not in "".join(operative)
    assert [c.text for c in dec2013.clauses[:6]] == [
        "Ministerial Conference\nNinth Session\nBali, 3-6 December 2013",
        "WORK PROGRAMME ON ELECTRONIC COMMERCE",
        "MINISTERIAL DECISION OF 7 DECEMBER 2013",
        "The Ministerial Conference,",
        paras[4],
        "Decides:",
    ]
    # emphasis is kept as formatting
    second = dec2013.clauses[7]
    (italic,) = second.emphasis
    assert second.text[italic.span.start : italic.span.end] == "inter alia"
    assert italic.style.value == "italic"
    assert dec2013.clauses[0].emphasis[0].style.value == "bold"
    # the paragraph → sentence hierarchy
    assert [len(c.sentences) for c in dec2013.clauses if c.kind is O] == [3, 2, 2, 1, 1]
    assert dec2013.clauses[6].sentences[2].text.startswith("Any relevant body of the Work")


def test_segments_2011_with_gaps_in_their_places(dec2011: Document) -> None:
    assert _shape(dec2011) == [
        (H, ""),
        (G, ""),
        (P, ""),
        (P, ""),
        (G, ""),
        (O, ""),
        (O, ""),
        (G, ""),
        (G, ""),
    ]
    notes = [c.gap_note for c in dec2011.clauses if c.kind is G]
    assert notes == [
        "date line not in this excerpt",
        "line introducing the operative paragraphs not in this excerpt",
        "rest of this paragraph not in this excerpt",
        "remaining paragraphs not in this excerpt",
    ]
    truncated = dec2011.clauses[6]
    assert truncated.ends_in_gap
    assert truncated.text.endswith("Further, any relevant body of the Work Programme may")
    paras = _paragraphs(dec2011.source)
    assert dec2011.clauses[5].text == paras[5]
    # "sized enterprises, including small producers and suppliers," ends the clause, and
    # the double space after a full stop is kept as in the source
    assert ".  The Work Programme shall also examine" in dec2011.clauses[5].text
    assert [s.text[:30] for s in dec2011.clauses[5].sentences] == [
        "To continue the reinvigoration",
        "The Work Programme shall also ",
    ]


def test_segments_1998_declaration(decl1998: Document) -> None:
    assert _shape(decl1998) == [(H, ""), (H, ""), (P, ""), (P, ""), (I, ""), (O, ""), (O, "")]
    assert decl1998.clauses[1].text == "Adopted on 20 May 1998"
    assert decl1998.clauses[2].text == "Ministers,"
    assert decl1998.clauses[4].text == "Declare that:"
    sentences = [s.text for s in decl1998.clauses[5].sentences]
    assert len(sentences) == 4
    assert sentences[3].startswith("Without prejudice to the outcome")
    assert sentences[3].endswith("not imposing customs duties on electronic transmissions.")


def test_segments_1998_work_programme_labels(wp1998: Document) -> None:
    assert _shape(wp1998) == [(H, ""), (H, ""), (O, "1.1"), (O, "1.2"), (O, "1.3"), (G, "")]
    paras = _paragraphs(wp1998.source)
    for clause, para in zip(wp1998.clauses[2:5], paras[2:5], strict=True):
        label, _, rest = para.partition(" ")
        assert clause.label == label
        assert clause.text == rest
    # "31 March, 1999" does not end a sentence
    dates = [s.text for s in wp1998.clauses[3].sentences if "31 March" in s.text]
    assert dates == [
        "The General Council will conduct an interim review of progress in the "
        "implementation of the work programme by 31 March, 1999."
    ]


@pytest.mark.parametrize("symbol", ["WT/MIN(98)/DEC/2", "WT/L/274", "WT/L/843", "WT/L/907"])
def test_spans_rebuild_every_bundled_source(symbol: str) -> None:
    doc = load_bundled(symbol)
    pos = 0
    rebuilt = []
    for c in doc.clauses:
        assert c.span.start >= pos
        separator = doc.source[pos : c.span.start]
        assert separator.strip() == ""
        rebuilt += [separator, doc.source[c.span.start : c.span.end]]
        pos = c.span.end
    assert doc.source[pos:].strip() == ""
    assert "".join(rebuilt) + doc.source[pos:] == doc.source
