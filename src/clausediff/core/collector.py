"""Pausing Python's cyclic garbage collector around bulk work.

Contract: :func:`paused` is a context manager that disables the cyclic collector and puts
it back as it was, whatever happens inside. Reference counting still frees every value
that is dropped; only cycles wait. Segmenting and aligning long documents allocate hundreds
of thousands of small values and no reference cycles, and the collector's passes over them
would cost a quarter to a third of the time.

With ``freeze``, what exists when the work ends is moved out of the collector's reach for
good (:func:`gc.freeze`): a background job's results, acyclic and long-lived, are then never
scanned again, and a later full collection does not stall the window's thread.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(*, freeze: bool = False) -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if collecting:
            gc.enable()
