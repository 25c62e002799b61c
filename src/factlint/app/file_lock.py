"""One writer at a time for a file that is read, merged and replaced (``extract --update``).

Two updates of one facts file that overlap would each read the old file and the last
rename would drop the other's new mentions. Each update holds an exclusive ``flock`` on the
file it reads until its replacement is renamed in. The rename gives the path a new inode,
so a process that waited on the old one finds the path moved on and locks the new file
before it reads. Where there is no ``fcntl`` (Windows) the update runs unlocked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold ``path`` (an existing file) for this process alone; a missing file is not
    locked (the read that follows reports it)."""
    if fcntl is None:
        yield
        return
    while True:
        try:
            descriptor = os.open(path, os.O_RDONLY)
        except OSError:
            yield
            return
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            if _same_file(descriptor, path):
                yield
                return
        finally:
            os.close(descriptor)  # closing releases the lock


def _same_file(descriptor: int, path: Path) -> bool:
    try:
        here, there = os.fstat(descriptor), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)
