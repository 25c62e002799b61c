"""Pausing Python's cyclic garbage collector around work that builds many long-lived,
acyclic objects (loading facts and rules, checking a large report).

This is process-wide state, so the pure core never does it: the loaders and the
application (the CLI, its worker processes) do, around their own work.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc(*, promote: bool = False) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while loaders build many long-lived objects.

    The trees, facts and rules built here hold no reference cycles, yet every collection
    of the oldest generation rescans all of them: with the collector running, loading
    grows faster than linearly (a third of the time at 100k facts). Nesting is safe.

    With ``promote``, what is alive when the pause ends goes straight to the oldest
    generation (``gc.freeze()`` then ``gc.unfreeze()`` only relink lists) instead of being
    scanned once by the next young collection and again by the middle one; for 10,000
    rules each of those scans takes about half as long as building the rules did. It is
    skipped when the program has frozen objects of its own, which unfreezing would release.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if promote and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
