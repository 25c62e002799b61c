"""Tests for factlint.loading.textfile: bounded, strict reading of untrusted text files."""

from __future__ import annotations

import codecs
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from factlint.errors import FactlintError
from factlint.loading.textfile import line_and_column, normalise_newlines, read_text


def _error(call: Callable[[], object]) -> str:
    """``str()`` of the FactlintError that ``call`` raises."""
    with pytest.raises(FactlintError) as caught:
        call()
    return str(caught.value)


def _finishes_quickly(call: Callable[[], object], seconds: float = 5.0) -> str:
    """Run ``call`` in a thread so a blocking open fails the test instead of hanging it."""
    outcome: list[str] = []
    worker = threading.Thread(target=lambda: outcome.append(_error(call)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "read_text blocked"
    return outcome[0]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_reads_plain_utf8(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "revenue: 76.50 €\n".encode())
    assert read_text(path) == "revenue: 76.50 €\n"


def test_empty_file_is_empty_text(tmp_path: Path) -> None:
    assert read_text(_write(tmp_path, "empty.txt", b"")) == ""


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    assert _error(lambda: read_text(path, what="facts file")) == f"{path}: no such facts file"


def test_missing_parent_is_a_file(tmp_path: Path) -> None:
    parent = _write(tmp_path, "file", b"x")
    path = parent / "child.txt"
    assert _error(lambda: read_text(path)) == f"{path}: no such file"


def test_directory_is_refused(tmp_path: Path) -> None:
    message = _error(lambda: read_text(tmp_path, what="rules file"))
    assert message == f"{tmp_path}: is a directory, not a rules file"


def test_article_before_vowel(tmp_path: Path) -> None:
    message = _error(lambda: read_text(tmp_path, what="input file"))
    assert message == f"{tmp_path}: is a directory, not an input file"


def test_dev_zero_is_refused_without_reading() -> None:
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero here")
    assert _finishes_quickly(lambda: read_text(zero)) == "/dev/zero: is not a regular file"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert _finishes_quickly(lambda: read_text(fifo)) == f"{fifo}: is not a regular file"


def test_fifo_swapped_in_after_stat_does_not_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path that stat() saw as a regular file but is a FIFO by open() time."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    regular = _write(tmp_path, "regular.txt", b"x")
    real_stat = os.stat

    def lying_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path) == str(fifo):
            return real_stat(regular)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", lying_stat)
    assert _finishes_quickly(lambda: read_text(fifo)) == f"{fifo}: is not a regular file"


def test_symlink_to_regular_file_is_followed(tmp_path: Path) -> None:
    target = _write(tmp_path, "target.txt", b"ok\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert read_text(link) == "ok\n"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything"
)
def test_permission_denied(tmp_path: Path) -> None:
    path = _write(tmp_path, "secret.txt", b"x")
    path.chmod(0)
    try:
        message = _error(lambda: read_text(path))
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert message == f"{path}: permission denied: cannot read this file"


def test_exactly_max_bytes_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, "ten.txt", b"0123456789")
    assert read_text(path, max_bytes=10) == "0123456789"


def test_one_byte_over_max_bytes_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "eleven.txt", b"0123456789A")
    message = _error(lambda: read_text(path, max_bytes=10, what="report"))
    assert message == f"{path}: is 11 bytes, more than the limit of 10 bytes for a report"


def test_size_limit_message_in_megabytes(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", b"x" * (3 * 1024 * 1024))
    message = _error(lambda: read_text(path, max_bytes=1024 * 1024, what="facts file"))
    assert message == f"{path}: is 3 MB, more than the limit of 1 MB for a facts file"


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = _write(tmp_path, "bom.txt", codecs.BOM_UTF8 + "a: é\n".encode())
    assert read_text(path) == "a: é\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path: Path, codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    path = _write(tmp_path, "u16.txt", bom + "a: é 😀\r\nb: 2\r\n".encode(codec))
    assert read_text(path) == "a: é 😀\nb: 2\n"


def test_utf16_odd_length_reports_position(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "ab\ncd".encode("utf-16-le") + b"\x00"
    path = _write(tmp_path, "odd.txt", data)
    message = _error(lambda: read_text(path))
    assert message == f"{path}:2:3: invalid UTF-16 (truncated data); save the file as UTF-8"


def test_utf32_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "u32.txt", codecs.BOM_UTF32_LE + "a".encode("utf-32-le"))
    assert _error(lambda: read_text(path)) == f"{path}: is UTF-32 encoded; save the file as UTF-8"


def test_invalid_utf8_reports_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.txt", b"first\ns\xc3\xa9\xff rest\n")  # "sé" then 0xff
    message = _error(lambda: read_text(path))
    assert message == f"{path}:2:3: invalid UTF-8 (byte 0xff); save the file as UTF-8"


def test_invalid_utf8_line_counts_crlf_once(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.txt", b"a\r\nb\rc\r\nxy\x80")
    message = _error(lambda: read_text(path))
    assert message == f"{path}:4:3: invalid UTF-8 (byte 0x80); save the file as UTF-8"


def test_invalid_utf8_after_bom_is_located_without_it(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.txt", codecs.BOM_UTF8 + b"ab\xc3")
    message = _error(lambda: read_text(path))
    assert message == f"{path}:1:3: invalid UTF-8 (byte 0xc3); save the file as UTF-8"


def test_encoded_surrogate_is_invalid_utf8(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.txt", b"x\xed\xa0\x80")
    message = _error(lambda: read_text(path))
    assert message == f"{path}:1:2: invalid UTF-8 (byte 0xed); save the file as UTF-8"


def test_crlf_and_lone_cr_become_lf(tmp_path: Path) -> None:
    path = _write(tmp_path, "crlf.txt", b"a\r\nb\rc\n\r\nd")
    assert read_text(path) == "a\nb\nc\n\nd"


def test_nul_byte_is_refused_with_position(tmp_path: Path) -> None:
    path = _write(tmp_path, "bin.txt", b"line one\r\nab\x00cd\n")
    message = _error(lambda: read_text(path))
    assert message == f"{path}:2:3: contains a NUL byte: is this a binary file?"


def test_nul_in_utf16_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "bin16.txt", codecs.BOM_UTF16_LE + "x\0".encode("utf-16-le"))
    message = _error(lambda: read_text(path))
    assert message == f"{path}:1:2: contains a NUL byte: is this a binary file?"


def test_helpers() -> None:
    assert normalise_newlines("a\r\n\rb\r") == "a\n\nb\n"
    assert line_and_column("ab\ncd", 0) == (1, 1)
    assert line_and_column("ab\ncd", 2) == (1, 3)
    assert line_and_column("ab\ncd", 4) == (2, 2)


@pytest.mark.parametrize("call", ["stat", "open"])
def test_permission_denied_is_reported_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    path = _write(tmp_path, "secret.txt", b"x")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    real = getattr(os, call)
    monkeypatch.setattr(
        os, call, lambda p, *a, **k: denied() if str(p) == str(path) else real(p, *a, **k)
    )
    message = _error(lambda: read_text(path, what="facts file"))
    assert message == f"{path}: permission denied: cannot read this facts file"
