"""Where each phrase came from, on the bundled lineage and on random revisions."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from clausediff.core.compare.history import History, PhraseSpan
from clausediff.core.compare.lineage import Lineage, build_lineage
from clausediff.core.compare.links import LinkKind
from clausediff.core.model import Document, DocumentInfo
from clausediff.core.read.files import document_from_text


def _clause_with(doc: Document, words: str) -> int:
    found = [c.index for c in doc.clauses if words in c.text]
    assert len(found) == 1, found
    return found[0]


def _spans_over(
    spans: tuple[PhraseSpan, ...], text: str, words: str
) -> list[tuple[str, int, bool, int | None]]:
    """The spans that hold any of ``words`` in ``text``, with their text."""
    start = text.index(words)
    end = start + len(words)
    return [
        (text[s.start : s.end], s.since, s.certain, s.gap_in)
        for s in spans
        if s.start < end and s.end > start
    ]


@pytest.fixture(scope="module")
def lineage(decl1998: Document, dec2011: Document, dec2013: Document) -> Lineage:
    return build_lineage([decl1998, dec2011, dec2013])


@pytest.fixture(scope="module")
def history(lineage: Lineage) -> History:
    return History(lineage)


def test_the_moratorium_words_date_from_1998_and_maintain_is_uncertain(
    lineage: Lineage, history: History
) -> None:
    doc = lineage.versions[2]
    c = _clause_with(doc, "customs duties on electronic transmissions")
    spans = history.spans(2, c)
    text = doc.clauses[c].text
    assert {
        (since, certain)
        for _, since, certain, _ in _spans_over(
            spans, text, "customs duties on electronic transmissions"
        )
    } == {(0, True)}
    # 1998 said "continue"; the 2011 excerpt has a gap where the paragraph may have been
    assert {
        (since, certain, gap_in)
        for _, since, certain, gap_in in _spans_over(spans, text, "maintain")
    } == {(2, False, 1)}
    # the new time limit is first seen in 2013 too, and as uncertain
    assert {s for _, s, c_, _ in _spans_over(spans, text, "until our next session")} == {2}
    assert not any(c_ for _, _, c_, _ in _spans_over(spans, text, "until our next session"))


def test_a_split_clause_keeps_its_words_history(lineage: Lineage, history: History) -> None:
    """2011 ¶5 was split over 2013 ¶7-¶9: the words each part kept are there since 2011."""
    doc = lineage.versions[2]
    c = _clause_with(doc, "To reiterate the importance")
    text = doc.clauses[c].text
    kept = _spans_over(
        history.spans(2, c), text, "non-discrimination, predictability and transparency"
    )
    assert {(since, certain) for _, since, certain, _ in kept} == {(1, True)}
    new = _spans_over(history.spans(2, c), text, "cloud computing")
    assert {(since, certain) for _, since, certain, _ in new} == {(2, True)}


def test_words_after_a_clause_cut_off_by_a_gap_are_uncertain(
    lineage: Lineage, history: History
) -> None:
    """2011 ¶6 ends "… any relevant body of the Work Programme may [gap]"; its sentence
    went into 2013 ¶7, which goes on "… may explore appropriate mechanisms …"."""
    doc = lineage.versions[2]
    c = _clause_with(doc, "explore appropriate mechanisms")
    text = doc.clauses[c].text
    spans = history.spans(2, c)
    assert {
        (since, certain, gap_in)
        for _, since, certain, gap_in in _spans_over(spans, text, "explore appropriate mechanisms")
    } == {(2, False, 1)}
    assert {
        s for _, s, _, _ in _spans_over(spans, text, "relevant body of the Work Programme")
    } == {1}
    # a new passage where the older clause is whole is certain
    assert {
        (since, certain)
        for _, since, certain, _ in _spans_over(spans, text, "complementary workshops")
    } == {(2, True)}


def test_a_clause_opposite_a_gap_is_never_dated_with_certainty(
    lineage: Lineage, history: History
) -> None:
    doc = lineage.versions[2]
    c = _clause_with(doc, "periodic reviews")
    assert [(s.since, s.certain, s.gap_in) for s in history.spans(2, c)] == [(2, False, 1)]


def test_every_version_is_answered_and_the_first_is_certain(
    lineage: Lineage, history: History
) -> None:
    for c in lineage.versions[0].clauses:
        assert [(s.since, s.certain) for s in history.spans(0, c.index)] == [(0, True)]
    for v, doc in enumerate(lineage.versions):
        for c in doc.clauses:
            _check_cover(history.spans(v, c.index), c.text if not c.is_gap else "", v)


def _doc(text: str, date: str) -> Document:
    return document_from_text(text, DocumentInfo(date=date))


def test_unchanged_texts_date_every_word_to_the_first_version(dec2013: Document) -> None:
    docs = [_doc(dec2013.source, d) for d in ("2013-01-01", "2014-01-01", "2015-01-01")]
    history = History(build_lineage(docs))
    for v in range(3):
        for c in docs[v].clauses:
            assert [(s.start, s.end, s.since, s.certain) for s in history.spans(v, c.index)] == [
                (0, len(c.text), 0, True)
            ]


def test_a_moved_clause_carries_its_words_history() -> None:
    first = "Decides:\n\nTo hold a session in 2015.\n\nTo examine the trade treatment of software."
    second = "Decides:\n\nTo examine the trade treatment of software.\n\nTo hold a session in 2015."
    third = "Decides:\n\nTo examine the trade treatment of software.\n\nTo hold a session in 2017."
    docs = [_doc(t, d) for t, d in ((first, "2001"), (second, "2002"), (third, "2003"))]
    lineage = build_lineage(docs)
    history = History(lineage)
    c = _clause_with(docs[2], "session")
    spans = history.spans(2, c)
    text = docs[2].clauses[c].text
    assert {s for _, s, _, _ in _spans_over(spans, text, "To hold a session in")} == {0}
    assert [x[1:3] for x in _spans_over(spans, text, "2017")] == [(2, True)]


# ------------------------------------------------------------------ property


def _check_cover(spans: tuple[PhraseSpan, ...], text: str, version: int) -> None:
    if not text:
        assert spans == ()
        return
    assert spans[0].start == 0 and spans[-1].end == len(text)
    for a, b in itertools.pairwise(spans):
        assert a.end == b.start
        assert (a.since, a.certain, a.gap_in) != (b.since, b.certain, b.gap_in)
    for s in spans:
        assert s.end > s.start
        assert 0 <= s.since <= version
        assert s.certain == (s.gap_in is None)
        assert s.gap_in is None or s.gap_in <= version


CLAUSES = [
    "To instruct the General Council to hold periodic reviews in its sessions of July 2014.",
    "That Members will maintain the current practice of not imposing customs duties.",
    "The Work Programme shall also examine access to electronic commerce by small firms.",
    "Recalling the Work Programme on Electronic Commerce adopted on 25 September 1998,",
    "[[GAP: paragraph not in this excerpt]]",
    "Decides:",
    "To continue the reinvigoration of the Work Programme based on its existing mandate.",
]
EDITS = ["shall", "may", "2015", "WT/L/907", "not"]


@st.composite
def _revision(draw: st.DrawFn, clauses: list[str]) -> list[str]:
    out = []
    for clause in clauses:
        action = draw(st.sampled_from(["keep", "keep", "edit", "drop", "split", "add"]))
        if action == "keep":
            out.append(clause)
        elif action == "edit" and not clause.startswith("[[GAP"):
            words = clause.split()
            k = draw(st.integers(0, len(words) - 1))
            words[k] = draw(st.sampled_from(EDITS))
            out.append(" ".join(words))
        elif action == "split" and " the " in clause and not clause.startswith("[[GAP"):
            a, _, b = clause.partition(" the ")
            out += [a + ".", "The " + b]
        elif action == "add":
            out += [clause, draw(st.sampled_from(CLAUSES))]
    return out or [draw(st.sampled_from(CLAUSES))]


@st.composite
def _lineages(draw: st.DrawFn) -> list[Document]:
    texts = [draw(st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=7))]
    for _ in range(draw(st.integers(1, 3))):
        texts.append(draw(_revision(texts[-1])))
    return [_doc("\n\n".join(t), f"{2001 + n}-01-01") for n, t in enumerate(texts)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lineages())
def test_spans_cover_every_clause_text_exactly(docs: list[Document]) -> None:
    for d in docs:
        note(repr(d.source))
    history = History(build_lineage(docs))
    for v, doc in enumerate(docs):
        for c in doc.clauses:
            _check_cover(history.spans(v, c.index), "" if c.is_gap else c.text, v)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lineages())
def test_a_word_no_version_changed_keeps_the_first_version(docs: list[Document]) -> None:
    """Every version given the first one's text again: nothing is newer than it."""
    same = [_doc(docs[0].source, f"{2001 + n}-01-01") for n in range(len(docs))]
    history = History(build_lineage(same))
    for v, doc in enumerate(same):
        for c in doc.clauses:
            assert {s.since for s in history.spans(v, c.index)} <= {0}


def test_a_clause_cut_off_by_its_own_gap_is_never_dated_as_surely_new() -> None:
    """The newer version is an excerpt: "Delegations will meet [gap]" may be what is left of
    the older paragraph 1, which the engine cannot tell; its words are first seen in the
    newer version, possibly earlier, even though the older version is complete."""
    old = document_from_text(
        "The General Council,\n\nDecides:\n\n1. Members shall report each year on progress"
        " made under the work programme.\n\n2. The Council shall review the programme in 2027."
    )
    new = document_from_text(
        "The General Council,\n\nDecides:\n\n1. Delegations will meet [[GAP: the rest is not"
        " available]]\n\n2. The Council shall review the programme in 2028."
    )
    lineage = build_lineage([old, new])
    cut = next(c.index for c in new.clauses if c.text.startswith("Delegations"))
    assert lineage.pairs[0].link_of_right(cut).kind is LinkKind.UNKNOWN
    spans = History(lineage).spans(1, cut)
    assert [(s.since, s.certain, s.gap_in) for s in spans] == [(1, False, 1)]
