from __future__ import annotations

import pytest

from clausediff.core.model import Document
from clausediff.core.read.bundled import load_bundled


@pytest.fixture(scope="session")
def decl1998() -> Document:
    return load_bundled("WT/MIN(98)/DEC/2")


@pytest.fixture(scope="session")
def wp1998() -> Document:
    return load_bundled("WT/L/274")


@pytest.fixture(scope="session")
def dec2011() -> Document:
    return load_bundled("WT/L/843")


@pytest.fixture(scope="session")
def dec2013() -> Document:
    return load_bundled("WT/L/907")
