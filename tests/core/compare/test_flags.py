"""Substantive-change flags: every rule of the shipped file, the bundled pairs, and the
property that a flag only ever points at changed words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clausediff.core.compare.align import align
from clausediff.core.compare.flag_rules import Category, Flag, Severity, default_rules
from clausediff.core.compare.flags import alignment_flags, flag_change
from clausediff.core.compare.links import LinkKind, OpKind
from clausediff.core.compare.worddiff import word_diff
from clausediff.core.model import Document
from clausediff.core.read.files import document_from_text


def _flags(a: str, b: str) -> list[Flag]:
    return flag_change(a, b, word_diff(a, b))


def _seen(flags: list[Flag]) -> list[tuple[str, str, str]]:
    return [(f.rule, f.before, f.after) for f in flags]


#: For every rule of the shipped file: an older and a newer sentence, and the flag expected
#: (the rule's id, the words before, the words after).
RULE_CASES = {
    "reference-symbol": (
        "as decided in WT/L/782, Members shall report",
        "as decided in WT/MIN(13)/32, Members shall report",
        ("WT/L/782", "WT/MIN(13)/32"),
    ),
    "reference-cross": (
        "the measures in paragraph 4 apply",
        "the measures in paragraphs 2 to 5 apply",
        ("paragraph 4", "paragraphs 2 to 5"),
    ),
    "time-limit": (
        "Members will maintain the current practice.",
        "Members will maintain the current practice until our next session.",
        ("", "until our next session"),
    ),
    "time-session": (
        "adopted at the Seventh Session of the Conference",
        "adopted at the Eighth Session of the Conference",
        ("Seventh", "Eighth"),
    ),
    "time-date": (
        "periodic reviews in its meetings of July and December 2014 are held",
        "periodic reviews in its meetings of 31 March 2026 are held",
        ("July and December 2014", "31 March 2026"),
    ),
    "time-session-year": (
        "at its session to be held in 2015",
        "at its session to be held in 2017",
        ("2015", "2017"),
    ),
    "time-year": (
        "the report of 2013 on tariffs",
        "the report of 2014 on tariffs",
        ("2013", "2014"),
    ),
    "time-relative-session": (
        "to report at its last session",
        "to report at its next session",
        ("last", "next"),
    ),
    "time-duration": (
        "for a period of two years from entry into force",
        "for a period of six months from entry into force",
        ("two years", "six months"),
    ),
    "time-month": (
        "the General Council meets in July to review",
        "the General Council meets in October to review",
        ("July", "October"),
    ),
    "obligation-modal": (
        "The Work Programme shall examine access",
        "The Work Programme should examine access",
        ("shall", "should"),
    ),
    "obligation-operative-verb": (
        "Ministers note the report of the Council",
        "Ministers welcome the report of the Council",
        ("note", "welcome"),
    ),
    "obligation-commitment": (
        "Members will continue their current practice",
        "Members will maintain their current practice",
        ("continue", "maintain"),
    ),
    "negation": (
        "imposing customs duties on transmissions",
        "not imposing customs duties on transmissions",
        ("", "not"),
    ),
    "number": (
        "a tariff of 5 per cent on imports",
        "a tariff of 12.5 per cent on imports",
        ("5", "12.5"),  # (only the changed words: "per cent" is the same)
    ),
    "number-word": (
        "the three complementary workshops",
        "the two complementary workshops",
        ("three", "two"),
    ),
    "actor": (
        "we instruct the General Council to report",
        "we instruct the Secretariat to report",
        ("General Council", "Secretariat"),
    ),
}


def test_every_rule_of_the_shipped_file_has_a_case() -> None:
    assert {r.id for r in default_rules().rules} == set(RULE_CASES)


@pytest.mark.parametrize("rule_id", sorted(RULE_CASES))
def test_each_rule_flags_its_case(rule_id: str) -> None:
    old, new, (before, after) = RULE_CASES[rule_id]
    flags = _flags(old, new)
    assert (rule_id, before, after) in _seen(flags), _seen(flags)
    rule = next(r for r in default_rules().rules if r.id == rule_id)
    flag = next(f for f in flags if f.rule == rule_id)
    assert flag.category is rule.category and flag.severity is rule.severity
    # the sentence names the words, quoted
    assert all(f"“{w}”" in flag.text for w in (before, after) if w)


def test_a_weaker_modal_is_said_to_weaken_the_obligation() -> None:
    (flag,) = _flags("Members shall notify the Committee", "Members may notify the Committee")
    assert flag.text == "The obligation weakened from “shall” to “may”"
    assert flag.severity is Severity.HIGH and flag.category is Category.OBLIGATION
    (flag,) = _flags("Members should notify the Committee", "Members must notify the Committee")
    assert flag.text.startswith("The obligation strengthened")


def test_a_comma_raises_no_flag() -> None:
    a = "Members shall notify the Committee by 31 March 2026 and report"
    b = "Members shall notify the Committee, by 31 March 2026, and report"
    assert [op for op in word_diff(a, b) if op.kind is not OpKind.EQUAL]
    assert _flags(a, b) == []


def test_letter_case_only_raises_no_flag() -> None:
    a = "The General Council shall review the Work Programme"
    b = "THE GENERAL COUNCIL SHALL REVIEW THE WORK PROGRAMME"
    assert [op for op in word_diff(a, b) if op.kind is not OpKind.EQUAL]
    assert _flags(a, b) == []


def test_an_unchanged_shall_in_a_modified_clause_raises_none() -> None:
    a = "The Work Programme shall also examine access to electronic commerce"
    b = "It shall continue to examine opportunities for access to electronic commerce"
    flags = _flags(a, b)
    assert flags  # ("continue" is new)
    assert not [f for f in flags if "shall" in (f.before + f.after).casefold()]


def test_a_symbol_is_not_also_a_number() -> None:
    flags = _flags("the mandate in WT/L/782 applies", "the mandate in WT/L/843 applies")
    assert _seen(flags) == [("reference-symbol", "WT/L/782", "WT/L/843")]


# ----------------------------------------------------------------- the bundled texts


def _by_rule(al_flags: tuple[tuple[Flag, ...], ...], n: int) -> dict[str, tuple[str, str]]:
    return {f.rule: (f.before, f.after) for f in al_flags[n]}


def test_2011_to_2013_recital(dec2011: Document, dec2013: Document) -> None:
    al = align(dec2011, dec2013)
    flags = alignment_flags(al)
    n = next(k for k, lk in enumerate(al.links) if al.lead_text(lk).startswith("Recalling"))
    got = _by_rule(flags, n)
    assert got["time-session"] == ("Seventh", "Eighth")
    assert got["reference-symbol"] == ("WT/L/782", "WT/L/843")
    assert got["time-session-year"] == ("2011", "2013")
    texts = [f.text for f in flags[n]]
    assert "The year of the session changed from “2011” to “2013”" in texts
    assert all(
        f.severity is Severity.HIGH for f in flags[n] if f.rule.startswith(("time-s", "ref"))
    )


def test_2011_to_2013_title_in_capitals_and_gaps_raise_nothing(
    dec2011: Document, dec2013: Document
) -> None:
    al = align(dec2011, dec2013)
    flags = alignment_flags(al)
    for n, lk in enumerate(al.links):
        if al.only_letter_case(lk) or lk.kind is LinkKind.UNKNOWN:
            assert flags[n] == (), (lk, flags[n])


def test_1998_declaration_to_2013_moratorium(decl1998: Document, dec2013: Document) -> None:
    al = align(decl1998, dec2013)
    flags = alignment_flags(al)
    n = next(k for k, lk in enumerate(al.links) if al.lead_text(lk).startswith("That Members"))
    got = _by_rule(flags, n)
    assert got["obligation-commitment"] == ("continue", "maintain")
    assert got["time-limit"] == ("", "until our next session")
    assert all(
        f.where == "in the sentence from op. ¶1"  # (the 1998 Declaration's c6)
        for f in flags[n]
        if f.rule != "structure:operative_added"
    )


def test_an_operative_clause_dropped_is_high(decl1998: Document, dec2013: Document) -> None:
    al = align(decl1998, dec2013)
    flags = alignment_flags(al)
    dropped = [
        (n, f) for n, fl in enumerate(flags) for f in fl if f.rule == "structure:operative_dropped"
    ]
    assert dropped
    for n, f in dropped:
        lk = al.links[n]
        assert lk.kind is LinkKind.DELETED and f.severity is Severity.HIGH
        assert f.category is Category.STRUCTURE
        assert f.text == f"Operative clause {al.left.labels(lk.left)} dropped"
        assert f.before and not f.after


# ---------------------------------------------------------------- structure events


def _doc(*paras: str) -> Document:
    return document_from_text("\n\n".join(paras))


OPENER, DECIDES = "The Ministerial Conference,", "Decides:"
R1 = "Recalling the Work Programme on Electronic Commerce adopted on 25 September 1998,"
O1 = "To instruct the General Council to hold periodic reviews in its sessions of July 2014."
O2 = "That Members will maintain the current practice of not imposing customs duties."
O3 = "To reinvigorate the development dimension of the work through the CTD and the CTS."


def _events(old: Document, new: Document) -> list[str]:
    al = align(old, new)
    return [f.rule for fl in alignment_flags(al) for f in fl if f.category is Category.STRUCTURE]


def test_structure_added_and_dropped() -> None:
    base = _doc(OPENER, R1, DECIDES, O1, O2)
    assert _events(base, _doc(OPENER, R1, DECIDES, O1, O2, O3)) == ["structure:operative_added"]
    assert _events(base, _doc(OPENER, R1, DECIDES, O1)) == ["structure:operative_dropped"]
    assert _events(base, _doc(OPENER, DECIDES, O1, O2)) == ["structure:recital_dropped"]
    r2 = "Noting the reports of the General Council on the work programme,"
    assert _events(base, _doc(OPENER, R1, r2, DECIDES, O1, O2)) == ["structure:recital_added"]


def test_structure_split_and_merged() -> None:
    merged = O1.rstrip(".") + ", and " + O2[0].lower() + O2[1:]
    split = _events(_doc(OPENER, DECIDES, merged, O3), _doc(OPENER, DECIDES, O1, O2, O3))
    assert split == ["structure:operative_split"]
    back = _events(_doc(OPENER, DECIDES, O1, O2, O3), _doc(OPENER, DECIDES, merged, O3))
    assert back == ["structure:operative_merged"]


def test_structure_moved_and_between_preamble_and_operative() -> None:
    moved = _events(_doc(OPENER, DECIDES, O1, O2, O3), _doc(OPENER, DECIDES, O3, O1, O2))
    assert moved == ["structure:operative_moved"]
    recital = "Recognizing that Members will maintain the current practice of not imposing duties,"
    operative = "That Members will maintain the current practice of not imposing duties,"
    up = _events(_doc(OPENER, recital, DECIDES, O1), _doc(OPENER, DECIDES, operative, O1))
    assert up == ["structure:to_operative"]
    down = _events(_doc(OPENER, DECIDES, operative, O1), _doc(OPENER, recital, DECIDES, O1))
    assert down == ["structure:to_preamble"]


# -------------------------------------------------------------------------- property

_VOCAB = [
    "shall", "should", "may", "not", "Members", "General Council", "2013", "2015",
    "WT/L/843", "WT/L/782", "Seventh", "Eighth", "Session", "until", "our", "next",
    "session", "continue", "maintain", "paragraph", "4", "July", "the", "of", "to",
    "examine", ",", ".", "SHALL", "Shall", "three", "years",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_VOCAB), max_size=24),
    st.lists(st.sampled_from(_VOCAB), max_size=24),
)
def test_flags_only_point_at_changed_words(a_words: list[str], b_words: list[str]) -> None:
    a, b = " ".join(a_words), " ".join(b_words)
    ops = word_diff(a, b)
    changed = [op for op in ops if op.kind is not OpKind.EQUAL]
    for f in flag_change(a, b, ops):
        assert f.left is not None or f.right is not None
        for span, text, words, side in ((f.left, a, f.before, 0), (f.right, b, f.after, 1)):
            if span is None:
                assert words == ""
                continue
            assert text[span.start : span.end] == words and words.strip()
            assert any(
                (op.left if side == 0 else op.right).start <= span.start
                and span.end <= (op.left if side == 0 else op.right).end
                for op in changed
            ), (f, ops)


#: Words of the rules, other words, the characters that fold to ASCII letters when letter
#: case is ignored, and the punctuation and spacing around words.
_PIECES = st.sampled_from(
    [
        "shall", "Shall", "SHALL", "not", "may", "Members", "MEMBERS", "General", "Council",
        "General Council", "least-developed", "countries", "continue", "maintain", "January",
        "the", "of", "and", "İ", "ı", "ſhall", "K", "/", "-", "(", ")", ",", ".", " ", "  ",
        "\n", "\u00a0", "“", "”",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.integers(0, 60), st.integers(0, 200))
def test_first_words_find_what_the_expression_finds(pieces: list[str], lo: int, width: int) -> None:
    """A rule of terms is tried only where one of its first words stands: it finds exactly
    what its expression finds by itself, in any stretch of a text."""
    from clausediff.core.compare.flag_rules import FOLD
    from clausediff.core.compare.flags import _found

    text = " ".join(pieces)
    lo = min(lo, len(text))
    hi = min(len(text), lo + width)
    quick = [rule for rule in default_rules().rules if rule.starts is not None]
    assert len(quick) >= 5  # (the rules of terms: modals, verbs, negation, bodies, …)
    for rule in quick:
        expected = [m.span() for m in rule.regex.finditer(text, lo, hi)]
        hay = text.translate(FOLD) if rule.regex.flags & re.IGNORECASE else text
        assert _found(rule, text, hay, lo, hi) == expected, rule.id
