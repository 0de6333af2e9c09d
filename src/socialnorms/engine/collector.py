"""Pausing Python's cyclic garbage collector around bulk work, on request.

The library never pauses the collector by itself: the command line does it around
its commands, and Python callers opt in with :func:`socialnorms.collector_paused`.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, then restore its previous state.

    This speeds up building large timelines: reading and indexing one make millions
    of long-lived objects and no reference cycles, and every full collection would
    walk them all again, making a large read quadratic. Reference counting still
    frees everything as usual. On exit the collector is enabled again only if it
    was enabled on entry, so the context manager is re-entrant and leaves a
    collector that was already disabled disabled::

        import socialnorms
        with socialnorms.collector_paused():
            report = socialnorms.check("big.jsonl")
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
