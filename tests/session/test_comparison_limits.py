"""A comparison of more clauses in all than the limit is refused before anything is
aligned, with the count and the limit; the bundled lineage is far below it."""

from __future__ import annotations

import pytest

from clausediff.core.compare.config import AlignConfig, Limits
from clausediff.core.errors import ClauseDiffError
from clausediff.core.read.bundled import load_bundled
from clausediff.core.read.textio import ReadLimits
from clausediff.session.comparison import compare


def test_a_comparison_above_the_clause_limit_is_refused_before_aligning() -> None:
    docs = [load_bundled("WT/L/843"), load_bundled("WT/L/907")]
    total = sum(len(d.clauses) for d in docs)
    config = AlignConfig(limits=Limits(max_comparison_clauses=total - 1))
    with pytest.raises(ClauseDiffError) as caught:
        compare(docs, config, cancel=lambda: pytest.fail("the alignment was started"))
    assert str(caught.value) == (
        f"The 2 versions hold {total:,} clauses in all; ClauseDiff compares at most "
        f"{total - 1:,} clauses at once. Compare fewer versions at a time."
    )
    exact = AlignConfig(limits=Limits(max_comparison_clauses=total))
    assert len(compare(docs, exact).versions) == 2


def test_the_default_limit_lets_four_documents_of_the_largest_size_through() -> None:
    assert Limits().max_comparison_clauses == 4 * ReadLimits().max_clauses
