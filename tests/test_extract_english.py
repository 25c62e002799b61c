"""English relations the words assert (issue 11): shares of a whole named by its noun,
changes between two printed levels, multiples named by a verb. Sentences written for these
tests; each consistent one gives no finding, each inconsistent one an error that fails
``scan --fail-on error``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, TRUNCATION, discover
from factlint.extract.pipeline import extract_text

ROOT = Path(__file__).resolve().parents[1]


def asserted(text: str) -> list[tuple[str, str, str]]:
    """(kind, status, stated figure) of each asserted relation."""
    return sorted(
        (r.kind, r.status, r.stated) for r in discover(extract_text(text)) if r.is_asserted
    )


BURGLARIES = "There were 291,567 burglaries in England and Wales last year. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            BURGLARIES + "Offenders were caught in 95,872 cases, or 32% of the burglaries.",
            [("share", TRUNCATION, "32%")],
        ),
        (
            BURGLARIES + "Offenders were caught in 95,872 cases, or 33% of the burglaries.",
            [("share", HOLDS, "33%")],
        ),
        (
            "Police recorded 291,567 burglaries last year. Of the burglaries, 95,872 were solved, "
            "or 32 per cent.",
            [("share", TRUNCATION, "32 per cent")],
        ),
        # two quantities answer to the noun: which is the whole? none is bound
        (
            BURGLARIES + "A year earlier there were 280,000 burglaries. Offenders were caught in "
            "95,872 cases, or 32% of the burglaries.",
            [],
        ),
        # the noun names no quantity printed before
        (BURGLARIES + "Offenders were caught in 95,872 cases, or 32% of the robberies.", []),
    ],
)
def test_a_share_of_a_whole_named_by_its_noun(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [r for r in asserted(text) if r[0] == "share"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Revenue rose by $15 million to $120 million, from $100 million.",
            [("difference", MISMATCH, "$15 million")],
        ),
        (
            "Revenue rose by $20 million to $120 million, from $100 million.",
            [("difference", HOLDS, "$20 million")],
        ),
        (
            "Revenue rose $20 million from $100 million to $120 million.",
            [("difference", HOLDS, "$20 million")],
        ),
        (
            "Operating profit fell by $9.0 million to $20.0 million from $26.0 million.",
            [("difference", MISMATCH, "-$9.0 million")],
        ),
        (
            "Operating profit fell by $6.0 million to $20.0 million from $26.0 million.",
            [("difference", HOLDS, "-$6.0 million")],
        ),
        ("Sales halved from $50 million to $20 million.", [("times", MISMATCH, "halved")]),
        ("Sales doubled to $41 million from $20 million.", [("times", HOLDS, "doubled")]),
        ("Sales tripled to $41 million from $20 million.", [("times", MISMATCH, "tripled")]),
        # a change with only one level printed: nothing to check
        ("Revenue rose by $15 million to $120 million.", []),
    ],
)
def test_a_change_between_two_printed_levels(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [r for r in asserted(text) if r[0] in ("difference", "times")] == expected


def _scan(tmp_path: Path, text: str) -> tuple[int, dict[str, object]]:
    (tmp_path / "r.txt").write_text(text + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "factlint",
            "scan",
            "r.txt",
            "--format",
            "json",
            "--fail-on",
            "error",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    return done.returncode, json.loads(done.stdout)


def test_scan_fails_on_an_english_share_and_change_the_words_assert(tmp_path: Path) -> None:
    code, report = _scan(
        tmp_path,
        BURGLARIES + "Offenders were caught in 95,872 cases, or 32% of the burglaries. "
        "Spending rose by $15 million to $120 million, from $100 million.",
    )
    assert code == 1
    found = sorted((f["rule"], f["severity"]) for f in report["findings"])  # type: ignore[union-attr]
    assert found == [("difference-15-million", "error"), ("share-32pct", "error")]


def test_scan_of_consistent_english_words_finds_nothing(tmp_path: Path) -> None:
    code, report = _scan(
        tmp_path,
        BURGLARIES + "Offenders were caught in 95,872 cases, or 33% of the burglaries. "
        "Spending rose by $20 million to $120 million, from $100 million. "
        "Sales doubled to $41 million from $20 million.",
    )
    assert code == 0 and report["findings"] == []
    assert report["summary"]["rules"] == 3  # type: ignore[index]
