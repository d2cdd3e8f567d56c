"""What the lineage view and its history panel say of where each phrase came from."""

from __future__ import annotations

from clausediff.core.compare.lineage import Lineage
from clausediff.session.history import PhraseOrigins


def test_legend_names_every_version(lineage3: Lineage) -> None:
    assert PhraseOrigins(lineage3).legend() == [
        (0, "since 1998"),
        (1, "since 2011"),
        (2, "new in 2013"),
    ]


def test_the_moratorium_sentence(lineage3: Lineage) -> None:
    origins = PhraseOrigins(lineage3)
    doc = lineage3.versions[2]
    c = next(c.index for c in doc.clauses if "customs duties" in c.text)
    family = lineage3.family_of(2, c)
    [(label, sentence)] = origins.sentences(family)
    assert label == "op. ¶5"  # (operative paragraph 5: c11)
    assert (
        "“the current practice of not imposing customs duties on electronic transmissions” "
        "since 1998; " in sentence
    )
    assert (
        "“will maintain” first seen in 2013, possibly earlier: the 2011 text is an excerpt "
        "with a gap there" in sentence
    )
    lines = origins.lines(family)
    assert lines[0] == "op. ¶5 — where its words came from:"
    assert "  “Members” since 1998" in lines


def test_a_family_absent_from_the_newest_version_says_nothing(lineage3: Lineage) -> None:
    origins = PhraseOrigins(lineage3)
    gone = next(f for f in lineage3.families if not f.in_version(2))
    assert origins.sentences(gone) == [] and origins.lines(gone) == []
