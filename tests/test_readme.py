"""The README's library example runs as written."""

from __future__ import annotations

import doctest
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples() -> None:
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 5
    assert result.failed == 0


def test_readme_opens_with_the_two_commands() -> None:
    head = README.read_text(encoding="utf-8")[:2000]
    assert "pip install . && factlint check" in head
    assert "pip install -e '.[test]' && python -m pytest" in head
