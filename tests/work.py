"""How much work a call does, counted rather than timed (the project has no timed tests).

``calls(fn, *args)`` counts the function calls made while ``fn`` runs, Python and built-in
ones alike (``sys.setprofile`` sees both): a loop per character or a comparison per pair
shows as calls that grow with the input, whatever the machine's load. Work done inside one
C call (a regular expression's own backtracking, ``str.strip``) is one call; the speed
targets themselves are measured by the scripts in benchmarks/.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def calls(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
    """The number of calls (Python and C) made while ``fn(*args, **kwargs)`` runs; an
    exception it raises is swallowed (refusing is an outcome like any other)."""
    count = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        fn(*args, **kwargs)
    except Exception:
        pass
    finally:
        sys.setprofile(previous)
    return count
