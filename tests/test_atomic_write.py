"""The one atomic writer: a whole file or none, with the permissions a user expects."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from factlint.errors import FactlintError
from factlint.loading import atomic_write
from factlint.loading.atomic_write import write_atomic


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_readable_as_a_plain_open_makes_it(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "out.sarif"
    write_atomic(path, "一\n二\r\n")
    assert path.read_bytes() == "一\n二\r\n".encode()
    assert mode(path) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.sarif"]


@pytest.mark.parametrize("kept", [0o600, 0o640, 0o755])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask_022: None, kept: int) -> None:
    path = tmp_path / "a.facts.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(kept)
    write_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert mode(path) == kept
    assert [p.name for p in tmp_path.iterdir()] == ["a.facts.yaml"]


def test_the_text_reaches_the_disk_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        events.append("fsync")
        real_fsync(descriptor)

    def replace(source: str, target: Path) -> None:
        events.append("replace")
        real_replace(source, target)

    monkeypatch.setattr(atomic_write.os, "fsync", fsync)
    monkeypatch.setattr(atomic_write.os, "replace", replace)
    write_atomic(tmp_path / "x.json", "{}\n")
    assert events == ["fsync", "replace"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.json"
    path.write_text("old\n", encoding="utf-8")

    def broken(source: str, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "replace", broken)
    with pytest.raises(FactlintError, match="cannot write: No space left on device"):
        write_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_folder_that_does_not_exist_is_a_located_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.json"
    with pytest.raises(FactlintError) as caught:
        write_atomic(target, "{}\n")
    assert caught.value.path == str(target)
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("name", ["", ".", "..", "sub/.."])
def test_a_path_that_names_a_folder_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(FactlintError, match="must name a file, not a folder"):
        write_atomic(Path(name), "x")


def test_an_existing_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(FactlintError, match="is a folder, not a file"):
        write_atomic(tmp_path / "out", "x")


def test_a_fifo_or_a_device_is_refused_untouched(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for special in (fifo, Path("/dev/null")):
        with pytest.raises(FactlintError, match="not a regular file"):
            write_atomic(special, "x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert stat.S_ISCHR(Path("/dev/null").lstat().st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name != "fifo"]


def test_a_symlink_is_written_through_to_its_target(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to("real.json")
    write_atomic(tmp_path / "link.json", "new")
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "real.json").read_text(encoding="utf-8") == "new"


def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to("/dev/null")
    with pytest.raises(FactlintError, match="not a regular file"):
        write_atomic(tmp_path / "link", "x")


def test_an_input_of_the_run_is_refused_by_any_of_its_names(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("签约51项", encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to("r.txt")
    for name in (report, tmp_path / "alias.txt", tmp_path / "." / "r.txt"):
        with pytest.raises(FactlintError, match="this run reads that file"):
            write_atomic(name, "x", inputs=[report])
    assert report.read_text(encoding="utf-8") == "签约51项"
