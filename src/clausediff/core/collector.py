"""Pausing Python's cyclic garbage collector around bulk work.

Contract: :func:`paused` is a context manager that disables the cyclic collector and puts
it back as it was, whatever happens inside. Reference counting still frees every value
that is dropped; only cycles wait. Segmenting and aligning long documents allocate hundreds
of thousands of small values and no reference cycles, and the collector's passes over them
would cost a quarter to a third of the time.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
