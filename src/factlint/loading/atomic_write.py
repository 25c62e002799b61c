"""Write a file whole or not at all: every file factlint writes (extracted facts,
discovered rules, ``check --output``) goes through ``write_atomic``.

The text goes to a temporary file in the same folder (so the rename stays on one file
system), is flushed to disk, and is renamed over the target: a reader, a CI upload or a
crash never sees half a file. A writer killed before its rename (SIGKILL) leaves its
temporary file, named ``.NAME.PID.*.tmp``; the next write to NAME removes it. A file that
is replaced keeps its permissions and, where the system allows it, its owner and group; a
new file gets what a plain ``open`` would give it (0666 less the umask, 0644 under the
usual umask), not the temporary file's 0600.

Only regular files are written: a folder, a device (``/dev/null`` as root), a FIFO or a
socket at the path is refused, and so is a file the run reads (``extract r.txt -o r.txt``).
A symlink is written through: its target, a regular file, is replaced and the link stays.
A hard link is not followed: the path gets a new file, the other names keep the old one.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from factlint.errors import FactlintError


def write_atomic(path: Path, text: str | bytes, *, inputs: Iterable[Path] = ()) -> None:
    """Write ``text`` (a str as UTF-8, newlines as given; bytes as they are) to ``path``
    atomically; a FactlintError naming the file when it cannot be written, or when it is
    one of ``inputs``."""
    shown = str(path)
    path = writable_target(path, inputs)
    try:
        _write(path, text)
    except FactlintError as error:
        raise FactlintError(error.message, shown) from None


def writable_target(path: Path, inputs: Iterable[Path] = ()) -> Path:
    """The regular file to replace for ``path`` (a symlink's target), or a FactlintError."""
    shown = str(path)
    if not shown or path.name in ("", ".", ".."):
        raise FactlintError("cannot write: the output must name a file, not a folder", shown)
    if path.is_symlink():
        try:
            path = Path(os.path.realpath(path, strict=True))
        except (OSError, RuntimeError) as error:
            reason = getattr(error, "strerror", None) or "a symlink loop"
            raise FactlintError(f"cannot write through the symlink: {reason}", shown) from None
    try:
        info = path.stat()
    except FileNotFoundError:
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise FactlintError("cannot write: No such file or directory", shown) from None
        return path
    except OSError as error:
        raise FactlintError(f"cannot write: {error.strerror or error}", shown) from None
    if stat.S_ISDIR(info.st_mode):
        raise FactlintError("cannot write: is a folder, not a file", shown)
    if not stat.S_ISREG(info.st_mode):
        raise FactlintError(
            "cannot write: not a regular file (a device, a FIFO or a socket); "
            "factlint writes only regular files",
            shown,
        )
    for source in inputs:
        with contextlib.suppress(OSError):
            read = source.stat()
            if (read.st_dev, read.st_ino) == (info.st_dev, info.st_ino):
                raise FactlintError(
                    "cannot write: this run reads that file; write the output elsewhere", shown
                )
    return path


def _write(path: Path, text: str | bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        import tempfile  # here: with shutil and random, a tenth of a check's start-up

        prefix = f".{path.name}.{os.getpid()}."  # whose it is: see _remove_stale
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    except OSError as error:
        raise FactlintError(f"cannot write: {error.strerror or error}", str(path)) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
        _take_over(path, temporary)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise FactlintError(f"cannot write: {error.strerror or error}", str(path)) from None
        raise
    _remove_stale(folder, path.name)


def _remove_stale(folder: Path, name: str) -> None:
    """Remove the temporary files of ``name`` that writers killed before their rename left
    (SIGKILL, a power cut: nothing of theirs ran to remove them). Each is named
    ``.NAME.PID.*.tmp``; one whose process no longer runs is removed, one of a writer still
    at work is left to it."""
    if os.name != "posix":  # os.kill(pid, 0) probes only on POSIX
        return
    prefix = f".{name}."
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
                continue
            pid = entry.name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and not _running(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: a process of another user
        return True
    return True


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
