"""Read an untrusted text file safely: bounded, regular files only, strictly decoded.

Everything that is wrong with the file becomes a :class:`FactlintError` naming the path,
with the line and column where there is one. Line endings come back as ``\\n`` only, so
line numbers match what an editor shows.

>>> from pathlib import Path
>>> read_text(Path("facts.yaml"), what="facts file")  # doctest: +SKIP
'revenue: 76.50\\n'
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from factlint.errors import FactlintError

# Facts and rules files are a few hundred KB; 16 MB parses in well under a second and
# keeps the whole load below 300 MB even for the costliest YAML (SECURITY.md).
DEFAULT_MAX_BYTES = 16 * 1024 * 1024

_MB = 1024 * 1024
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # opening a FIFO that slipped past stat() must not block
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, what: str = "file") -> str:
    """The text of ``path``, with newlines normalised to ``\\n``.

    Refuses what is not a regular file, anything over ``max_bytes``, text that is not
    valid UTF-8 (or UTF-16 with a byte order mark) and text containing a NUL character.
    """
    where = str(path)
    _check_kind(_stat(path, where, what), where, what)
    data = _read_bounded(path, where, what, max_bytes)
    text = normalise_newlines(_decode(data, where))
    nul = text.find("\0")
    if nul >= 0:
        line, column = line_and_column(text, nul)
        raise FactlintError("contains a NUL byte: is this a binary file?", where, line, column)
    return text


def read_encoded(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, what: str = "file"
) -> tuple[str, str]:
    """The text of ``path`` as :func:`read_text` reads it but with its line breaks as the
    file has them and its byte order mark removed, and the encoding to write it back in:
    ``utf-8``, ``utf-8-sig`` (with a BOM), ``utf-16-le`` or ``utf-16-be`` (with their BOM)."""
    where = str(path)
    _check_kind(_stat(path, where, what), where, what)
    data = _read_bounded(path, where, what, max_bytes)
    text = _decode(data, where)
    normal = normalise_newlines(text)
    nul = normal.find("\0")
    if nul >= 0:
        line, column = line_and_column(normal, nul)
        raise FactlintError("contains a NUL byte: is this a binary file?", where, line, column)
    for bom, codec in _UTF16_BOMS:
        if data.startswith(bom):
            return text, codec
    return text, "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"


def encode_as(text: str, encoding: str) -> bytes:
    """``text`` in an encoding :func:`read_encoded` named, with its byte order mark."""
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    return boms.get(encoding, b"") + text.encode(encoding)


def read_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, what: str = "file") -> bytes:
    """The bytes of ``path``, with the same refusals as :func:`read_text` short of decoding."""
    where = str(path)
    _check_kind(_stat(path, where, what), where, what)
    return _read_bounded(path, where, what, max_bytes)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, counting only ``\\n`` as a line break."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _article(what: str) -> str:
    return "an" if what[:1].lower() in "aeiou" else "a"


def _stat(path: Path, where: str, what: str) -> os.stat_result:
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise FactlintError(f"no such {what}", where) from None
    except PermissionError:
        raise FactlintError(f"permission denied: cannot read this {what}", where) from None
    except (OSError, ValueError) as error:
        raise FactlintError(f"cannot read this {what}: {_reason(error)}", where) from None


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)


def _check_kind(info: os.stat_result, where: str, what: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise FactlintError(f"is a directory, not {_article(what)} {what}", where)
    if not stat.S_ISREG(info.st_mode):
        raise FactlintError("is not a regular file", where)


def _read_bounded(path: Path, where: str, what: str, max_bytes: int) -> bytes:
    try:
        fd = os.open(path, _READ_FLAGS)
    except PermissionError:
        raise FactlintError(f"permission denied: cannot read this {what}", where) from None
    except OSError as error:
        raise FactlintError(f"cannot read this {what}: {_reason(error)}", where) from None
    try:
        info = os.fstat(fd)
        # The path may have been swapped for a device or FIFO since the first stat().
        _check_kind(info, where, what)
        if info.st_size > max_bytes:  # refuse before reading: a 100 MB file costs nothing
            raise FactlintError(_too_big(info.st_size, max_bytes, what), where)
        data = _read_at_most(fd, max_bytes + 1)
    except OSError as error:
        raise FactlintError(f"cannot read this {what}: {_reason(error)}", where) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        size = max(info.st_size, len(data))
        raise FactlintError(_too_big(size, max_bytes, what), where)
    return data


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = os.read(fd, min(remaining, _MB))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _too_big(size: int, limit: int, what: str) -> str:
    shown_size, shown_limit = _megabytes(size), _megabytes(limit)
    if shown_size == shown_limit:
        shown_size, shown_limit = f"{size} bytes", f"{limit} bytes"
    return f"is {shown_size}, more than the limit of {shown_limit} for {_article(what)} {what}"


def _megabytes(size: int) -> str:
    amount = f"{size / _MB:.1f}".removesuffix(".0")
    return f"{amount} MB"


def _decode(data: bytes, where: str) -> str:
    if data.startswith(_UTF32_BOMS):
        raise FactlintError("is UTF-32 encoded; save the file as UTF-8", where)
    for bom, codec in _UTF16_BOMS:
        if data.startswith(bom):
            return _decode_utf16(data[len(bom) :], codec, where)
    if _looks_like_utf16(data):
        raise FactlintError(
            "looks like UTF-16 without a byte order mark; save the file as UTF-8", where
        )
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _where_bytes_break(data, error.start, "utf-8")
        bad = f"byte 0x{data[error.start]:02x}"
        raise FactlintError(
            f"invalid UTF-8 ({bad}); save the file as UTF-8", where, line, column
        ) from None


def _looks_like_utf16(data: bytes) -> bool:
    """Mostly-ASCII UTF-16: a NUL in every other byte, and (almost) none in between."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) >= 0.3 * pairs and min(even, odd) <= 0.02 * pairs


def _decode_utf16(data: bytes, codec: str, where: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        line, column = _where_bytes_break(data, error.start, codec)
        raise FactlintError(
            f"invalid UTF-16 ({error.reason}); save the file as UTF-8", where, line, column
        ) from None


def _where_bytes_break(data: bytes, bad_offset: int, codec: str) -> tuple[int, int]:
    """Line and column of the first undecodable byte, as an editor would count them."""
    # Everything before the first bad byte decodes; ignore a half-character at the end.
    before = normalise_newlines(data[:bad_offset].decode(codec, errors="ignore"))
    return line_and_column(before + "?", len(before))


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return str(path)


def read_shown(path: Path, shown: str, what: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """``read_text``, with an error naming the file as ``shown`` (``display_path``)."""
    try:
        return read_text(path, max_bytes=max_bytes, what=what)
    except FactlintError as error:
        raise FactlintError(error.message, shown, error.line, error.column) from None
