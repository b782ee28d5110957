"""Pausing Python's cyclic garbage collector while a run builds millions of objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Turn the cyclic collector off for the block, and back on if it was on.

    Reading and preparing a million records creates millions of tuples, lists and records,
    none of them in reference cycles; the collector would scan the whole, growing heap again
    and again (about a quarter of the CPU time of preparing, and in forked workers it also
    copies the pages it touches). Reference counting still frees everything that is dropped.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
