"""The Word redline is the document: Accept All gives the newer text and Reject All the older,
paragraph for paragraph and character for character, on the bundled decisions, on the
real-text suite and on generated revisions (edits, moves, splits, merges, punctuation and
spacing); what ClauseDiff found is in comments, never in a paragraph."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from clausediff.core.compare.lineage import Lineage, build_lineage
from clausediff.core.compare.links import LinkKind
from clausediff.core.model import Document
from clausediff.core.read.bundled import bundled_entries, load_bundled
from clausediff.core.read.files import document_from_text, load_file
from clausediff.core.render.docx_redline import ABOUT_HEADING, export_docx
from clausediff.core.render.tracked import paragraph_text
from clausediff.core.render.wordml import word_text
from support.tracked import W, document_xml, italic_texts, paragraphs

SUITE = Path(__file__).resolve().parents[3] / "benchmarks" / "realtexts"
BUNDLED = [e.info.symbols[0] for e in bundled_entries()]


def version_paragraphs(doc: Document) -> list[str]:
    """A version as Word gives it back: a paragraph a clause, its number as written."""
    return [word_text(paragraph_text(doc, c)) for c in doc.clauses]


def round_trip(lineage: Lineage, path: Path) -> tuple[list[str], list[str]]:
    export_docx(lineage, path)
    root = document_xml(path)
    return paragraphs(root, "accept"), paragraphs(root, "reject")


def assert_exact(old: Document, new: Document, path: Path) -> None:
    accepted, rejected = round_trip(build_lineage([old, new]), path)
    want_new, want_old = version_paragraphs(new), version_paragraphs(old)
    # the text, then the section about it (which starts on a page of its own)
    assert accepted[: len(want_new)] == want_new
    assert rejected[: len(want_old)] == want_old
    assert accepted[len(want_new)] == rejected[len(want_old)] == ABOUT_HEADING


@pytest.mark.parametrize(("old", "new"), list(itertools.permutations(BUNDLED, 2)))
def test_every_bundled_pair_comes_back_exactly(old: str, new: str, tmp_path: Path) -> None:
    assert_exact(load_bundled(old), load_bundled(new), tmp_path / "redline.docx")


def _suite_pairs() -> list[tuple[str, str]]:
    manifest = json.loads((SUITE / "manifest.json").read_text(encoding="utf-8"))
    return [
        (manifest["texts"][p["old"]]["file"], manifest["texts"][p["new"]]["file"])
        for p in manifest["pairs"]
    ]


@pytest.mark.parametrize(("old", "new"), _suite_pairs())
def test_every_licence_revision_comes_back_exactly(old: str, new: str, tmp_path: Path) -> None:
    assert_exact(load_file(SUITE / old), load_file(SUITE / new), tmp_path / "redline.docx")


def test_the_2011_recital_keeps_its_spaces_when_rejected(tmp_path: Path) -> None:
    d2011, d2013 = load_bundled("WT/L/843"), load_bundled("WT/L/907")
    _, rejected = round_trip(build_lineage([d2011, d2013]), tmp_path / "r.docx")
    recital = next(p for p in rejected if p.startswith("Recalling"))
    # the spaces around the changed words stay where the 2011 text has them
    assert "at its next session, to be held in 2011," in recital
    assert recital == next(c.text for c in d2011.clauses if c.text.startswith("Recalling"))


def test_a_deleted_clause_is_a_deleted_paragraph_and_nothing_labels_the_text(
    tmp_path: Path,
) -> None:
    old = document_from_text(
        "1. Members shall report every year.\n\n2. The Council shall meet in July.\n\n"
        "3. The Secretariat shall publish a note."
    )
    new = document_from_text(
        "1. Members shall report every year.\n\n2. The Secretariat shall publish a note."
    )
    out = tmp_path / "deleted.docx"
    accepted, rejected = round_trip(build_lineage([old, new]), out)
    assert accepted[:2] == [
        "1. Members shall report every year.",
        "2. The Secretariat shall publish a note.",
    ]
    assert rejected[:3] == version_paragraphs(old)
    root = document_xml(out)
    body = root.find(f"{W}body")
    assert body is not None
    deleted_marks = [
        p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}rPr/{W}del") is not None
    ]  # the Council's paragraph, its mark deleted with it
    texts = ["".join(t.text or "" for t in p.iter(f"{W}delText")) for p in deleted_marks]
    assert texts == ["2. The Council shall meet in July."]
    # the findings are comments, never text: no paragraph opens with "[¶"
    document = docx.Document(str(out))
    assert not any(p.text.startswith("[") for p in document.paragraphs)
    comments = [c.text for c in document.comments]
    assert comments == ["¶2 → —: deleted"]  # (its own number, as a paragraph)
    # each comment is anchored on its clause's paragraph
    starts = {el.get(f"{W}id") for el in body.iter(f"{W}commentRangeStart")}
    refs = {el.get(f"{W}id") for el in body.iter(f"{W}commentReference")}
    assert starts == refs and len(starts) == len(comments)


def test_a_moved_clause_is_a_word_move(tmp_path: Path) -> None:
    a = "Members shall notify the Committee of any measure affecting electronic transmissions."
    b = "The Council for Trade in Services shall examine the treatment of electronic supply."
    c = "To instruct the General Council to hold periodic reviews in its sessions of July."
    d = "That Members will maintain the current practice of not imposing customs duties."
    old = document_from_text("\n\n".join([a, b, c, d]))
    new = document_from_text("\n\n".join([b, c, d, a.replace("any measure", "each measure")]))
    lineage = build_lineage([old, new])
    assert any(lk.kind is LinkKind.MOVED for lk in lineage.pairs[0].links)
    out = tmp_path / "moved.docx"
    accepted, rejected = round_trip(lineage, out)
    assert accepted[:4] == version_paragraphs(new) and rejected[:4] == version_paragraphs(old)
    body = document_xml(out).find(f"{W}body")
    assert body is not None
    names = {
        kind: [el.get(f"{W}name") for el in body.iter(f"{W}{kind}RangeStart")]
        for kind in ("moveFrom", "moveTo")
    }
    assert names["moveFrom"] == names["moveTo"] and len(names["moveTo"]) == 1
    moved_from = "".join(t.text or "" for m in body.iter(f"{W}moveFrom") for t in m.iter(f"{W}t"))
    assert moved_from.startswith("Members shall notify the Committee of")
    # the word changed on the way: deleted at the old place, inserted at the new one
    inserted = ["".join(t.text or "" for t in i.iter(f"{W}t")) for i in body.iter(f"{W}ins")]
    assert "each" in inserted


def test_italics_are_formatting_in_both_texts(tmp_path: Path) -> None:
    out = tmp_path / "italic.docx"
    export_docx(build_lineage([load_bundled("WT/MIN(98)/DEC/2"), load_bundled("WT/L/907")]), out)
    root = document_xml(out)
    assert "inter alia" in italic_texts(root, "accept")
    assert "inter alia" not in italic_texts(root, "reject")  # (the 1998 text has none)
    old = document_from_text("Members shall examine *inter alia* the issues.", markdown=True)
    new = document_from_text("Members shall examine inter alia the issues.", markdown=True)
    export_docx(build_lineage([old, new]), out)
    root = document_xml(out)  # the same words, the italics dropped: a formatting change
    assert paragraphs(root, "accept")[0] == paragraphs(root, "reject")[0] == new.clauses[0].text
    assert italic_texts(root, "reject") == ["inter alia"] and italic_texts(root, "accept") == []


def test_control_characters_are_breaks_in_word(tmp_path: Path) -> None:
    old = document_from_text("1. Members shall report.\x0cThe Council shall meet.\n\n2. Tab\there.")
    new = document_from_text("1. Members shall report soon.\x0bThe Council\x01 shall meet.")
    out = tmp_path / "breaks.docx"
    accepted, rejected = round_trip(build_lineage([old, new]), out)
    assert accepted[0] == "1. Members shall report soon.\nThe Council\ufffd shall meet."
    assert rejected[:2] == ["1. Members shall report.\x0cThe Council shall meet.", "2. Tab\there."]
    body = document_xml(out).find(f"{W}body")
    assert body is not None
    breaks = [br.get(f"{W}type") for br in body.iter(f"{W}br")]
    assert "page" in breaks and None in breaks
    docx.Document(str(out))  # python-docx opens it


def test_a_lineage_is_a_redline_per_pair(tmp_path: Path) -> None:
    versions = [load_bundled(s) for s in ("WT/MIN(98)/DEC/2", "WT/L/843", "WT/L/907")]
    accepted, rejected = round_trip(build_lineage(versions), tmp_path / "lineage.docx")
    first, second = version_paragraphs(versions[1]), version_paragraphs(versions[2])
    heading2 = "2011 Decision → 2013 Bali Decision"
    assert accepted[1 : 1 + len(first)] == first
    at = accepted.index(heading2)
    assert accepted[at + 1 : at + 1 + len(second)] == second
    assert rejected[1 : 1 + len(version_paragraphs(versions[0]))] == version_paragraphs(versions[0])


# --------------------------------------------------------------------------- generated revisions

SENTENCES = [
    "Members shall notify the Committee of any measure affecting electronic transmissions.",
    "The Council for Trade in Services shall examine the treatment of electronic supply.",
    "To instruct the General Council to hold periodic reviews in its sessions of July 2014.",
    "That Members will maintain the current practice of not imposing customs duties.",
    "The Work Programme shall also examine access to electronic commerce by small firms.",
    "Recalling the Work Programme on Electronic Commerce adopted on 25 September 1998,",
    "To reiterate the importance of adhering to basic principles, including transparency.",
    "The Secretariat shall prepare a factual note on the discussions held so far.",
]
WORDS = ["shall", "may", "2015", "WT/L/907", "substantially", "not", "(a)", "“new”", "—"]


def _touch(draw: st.DrawFn, text: str) -> str:
    """A clause edited: a word replaced, a comma or space moved, a word's case changed."""
    words = text.split(" ")
    k = draw(st.integers(0, len(words) - 1))
    how = draw(st.sampled_from(["word", "space", "comma", "case", "quote", "drop"]))
    if how == "word":
        words[k] = draw(st.sampled_from(WORDS))
    elif how == "space":
        words[k] += draw(st.sampled_from(["  ", " ,", "\t"]))
    elif how == "comma":
        words[k] = words[k].rstrip(",.") + draw(st.sampled_from([",", ";", ":", ""]))
    elif how == "case":
        words[k] = words[k].upper()
    elif how == "quote":
        words[k] = f'"{words[k]}"'
    elif len(words) > 1:
        del words[k]
    return " ".join(w for w in words if w) or text


@st.composite
def revisions(draw: st.DrawFn) -> tuple[str, str]:
    pool = draw(st.permutations(SENTENCES))
    n = draw(st.integers(1, 6))
    old = [" ".join(pool[i : i + draw(st.integers(1, 2))]) for i in range(n)]
    new: list[str] = []
    for clause in old:
        action = draw(
            st.sampled_from(["keep", "edit", "edit", "drop", "split", "merge", "add", "italic"])
        )
        if action == "keep":
            new.append(clause)
        elif action == "edit":
            new.append(_touch(draw, clause))
        elif action == "split" and ". " in clause:
            a, _, b = clause.partition(". ")
            new += [a + ".", b]
        elif action == "merge" and new:
            new[-1] = new[-1] + draw(st.sampled_from([" ", "  ", "\n"])) + clause
        elif action == "add":
            new += [clause, draw(st.sampled_from(pool[-3:]))]
        elif action == "italic":
            words = clause.split(" ")
            k = draw(st.integers(0, len(words) - 1))
            words[k] = f"*{words[k]}*"
            new.append(" ".join(words))
    if draw(st.booleans()) and len(new) > 2:  # a move
        i = draw(st.integers(0, len(new) - 1))
        new.insert(draw(st.integers(0, len(new) - 1)), new.pop(i))
    if not new:
        new = [pool[-1]]
    numbered = draw(st.booleans())

    def text(clauses: list[str]) -> str:
        if not numbered:
            return "\n\n".join(clauses)
        return "\n\n".join(f"{k + 1}. {c}" for k, c in enumerate(clauses))

    return text(old), text(new)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(pair=revisions())
def test_generated_revisions_come_back_exactly(pair: tuple[str, str], tmp_path: Path) -> None:
    old = document_from_text(pair[0], markdown=True)
    new = document_from_text(pair[1], markdown=True)
    note(repr(pair))
    note(
        repr(
            [(lk.left, lk.right, lk.kind.value) for lk in build_lineage([old, new]).pairs[0].links]
        )
    )
    assert_exact(old, new, tmp_path / "generated.docx")
