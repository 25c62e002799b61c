"""Write a file whole or not at all: every file factlint writes (extracted facts,
discovered rules, ``check --output``) goes through ``write_atomic``.

The text goes to a temporary file in the same folder (so the rename stays on one file
system), is flushed to disk, and is renamed over the target: a reader, a CI upload or a
crash never sees half a file. A file that is replaced keeps its permissions and, where
the system allows it, its owner and group; a new file gets what a plain ``open`` would
give it (0666 less the umask, 0644 under the usual umask), not the temporary file's 0600.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from factlint.errors import FactlintError


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` atomically; a FactlintError
    naming the file when it cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise FactlintError(f"cannot write: {error.strerror or error}", str(path)) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        _take_over(path, temporary)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise FactlintError(f"cannot write: {error.strerror or error}", str(path)) from None
        raise


def _take_over(path: Path, temporary: str) -> None:
    """Give the temporary file the mode (and owner) of the file it replaces, or a new
    file's usual mode."""
    try:
        existing = path.stat()
    except OSError:
        os.chmod(temporary, 0o666 & ~_umask())
        return
    os.chmod(temporary, existing.st_mode & 0o777)
    if hasattr(os, "chown"):
        # Not ours to give away unless we are root: the file then becomes the writer's.
        with contextlib.suppress(OSError):
            os.chown(temporary, existing.st_uid, existing.st_gid)


def _umask() -> int:
    # Read by setting and restoring: there is no other portable way. Not thread-safe,
    # which a CLI writing its output at the end does not need.
    mask = os.umask(0)
    os.umask(mask)
    return mask
