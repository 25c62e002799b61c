"""The command line's exit: what a run made is left to the operating system.

Freeing the objects of a large check one by one — every fact, figure, mention, rule, claim
node and result — costs a tenth of the run (about 0.2 s of 2 for 110,000 facts and 10,000
rules), and nothing needs it at the end of the process. So the command line ends with
``os._exit`` once its output is flushed, and the largest things a run makes are kept here
until then, so that they are not freed when the functions that made them return: the
report's facts and compiled rules (``app.parallel.check_task``), the merged report
(``commands.check``). Each is kept under a name, the next of the same name replacing it:
checking many reports in turn never holds more than one report's facts more than before.

Only the command line does this (``keep`` does nothing until ``keep_until_exit`` is
called, by ``cli.entry``): a library caller frees what it is done with.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

_kept: dict[str, object] = {}
_keeping = False


def keep_until_exit() -> None:
    """From now on, ``keep`` keeps (the command line, before it runs)."""
    global _keeping
    _keeping = True


def keep(name: str, value: object) -> None:
    """Keep ``value`` alive until the process ends (when the command line runs), in
    place of what was kept under ``name``."""
    if _keeping:
        _kept[name] = value


def drop(name: str) -> None:
    """Free what is kept under ``name`` now (before its successor is made)."""
    _kept.pop(name, None)


def end_process(code: int) -> NoReturn:
    """Flush the output and end the process with ``code``, freeing nothing. Where the
    flush fails, the interpreter's own exit says so as it always has."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        sys.exit(code)
    os._exit(code)
