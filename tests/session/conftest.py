from __future__ import annotations

import pytest

from clausediff.core.compare.lineage import build_lineage
from clausediff.core.read.bundled import load_bundled
from clausediff.session.comparison import Comparison, compare


@pytest.fixture(scope="session")
def bali() -> Comparison:
    """The 2011 Decision against the 2013 Bali Decision (the window's default pair)."""
    return compare([load_bundled("WT/L/843"), load_bundled("WT/L/907")])


@pytest.fixture(scope="session")
def lineage3():  # type: ignore[no-untyped-def]
    return build_lineage([load_bundled(s) for s in ("WT/MIN(98)/DEC/2", "WT/L/843", "WT/L/907")])
