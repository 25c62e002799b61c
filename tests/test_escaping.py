"""One escaping policy for user text printed to a terminal or a CI log (factlint.clip)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.clip import one_line, printable

DANGEROUS = [
    "\x1b[2J",  # ESC: clear the screen
    "\x1b]0;owned\x07",  # OSC: retitle the terminal
    "\x9b31m",  # C1 CSI
    "\x85",  # NEL, a line break to str.splitlines
    "\n::error file=x::forged",
    "\r",
    "\u2028",
    "\u2029",
    "\u202e",  # right-to-left override
    "\u2066",
    "\u2069",
    "\u200e",
    "\u200f",
    "\x00",
    "\x7f",
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_each_dangerous_character_is_shown_escaped(text: str) -> None:
    shown = one_line(f"a{text}b")
    assert shown.startswith("a") and shown.endswith("b")
    assert shown.isprintable() and "\\" in shown


@given(st.text())
def test_one_line_output_is_one_printable_line(text: str) -> None:
    shown = one_line(text)
    assert len(shown.splitlines()) <= 1
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown)
    assert not any(c in shown for c in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2069")


def test_printable_keeps_the_report_lines_and_escapes_the_rest() -> None:
    assert printable("one \u202e\nx\x1b[31m") == "one \\u202e\nx\\x1b[31m"


def test_ordinary_text_is_left_alone() -> None:
    text = "签约51项，占76.5% — «quoted» café"
    assert one_line(text) == text


def run_check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factlint", "check", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_hostile_facts_path_reaches_stderr_escaped(tmp_path: Path) -> None:
    name = "x\x1b]0;owned\x07\n::error file=a::forged\u202e.facts.yaml"
    (tmp_path / "x.rules.yaml").write_text(
        f'facts: "{name.encode("unicode_escape").decode()}"\nrules:\n'
        '  - id: a-small\n    check: "a <= 3"\n',
        encoding="utf-8",
    )
    result = run_check(tmp_path, "x.rules.yaml")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert "\\x1b]0;owned\\x07\\n::error" in result.stderr


def test_a_hostile_file_name_found_in_a_folder_reaches_stderr_escaped(tmp_path: Path) -> None:
    (tmp_path / "bad\x1b[2J\n::error::x\u2066.facts.yaml").write_text("- a\n", encoding="utf-8")
    result = run_check(tmp_path, ".")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "\x1b" not in result.stderr and "\u2066" not in result.stderr
    assert "is not a facts file" in result.stderr
