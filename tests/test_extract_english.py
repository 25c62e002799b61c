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

from factlint.extract.discover import (
    EXCEEDS,
    HOLDS,
    MISMATCH,
    OFF_BY_ONE,
    TRUNCATION,
    discover,
)
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The firm hired 600 people in 2023, three times as many as the 150 it hired in 2022.",
            [("times", OFF_BY_ONE, "three")],
        ),
        (
            "The firm hired 600 people in 2023, four times as many as the 150 it hired in 2022.",
            [("times", HOLDS, "four")],
        ),
        (
            "The fund holds 1,200 cases, 2.5 times as many as the 400 a year ago.",
            [("times", MISMATCH, "2.5")],
        ),
        (
            "Sales were $40 million, twice the $20 million of last year.",
            [("times", HOLDS, "twice")],
        ),
        (
            "Sales were $70 million, twice the $20 million of last year.",
            [("times", MISMATCH, "twice")],
        ),
        # "three times" with no second value printed: nothing to check
        ("The firm hired 600 people, three times more than planned.", []),
    ],
)
def test_a_multiple_in_words_with_both_values_printed(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [r for r in asserted(text) if r[0] == "times"] == expected


APPLICATIONS = "The council received 1,200 applications"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            APPLICATIONS + ", of which 500 were approved and the remaining 700 were refused.",
            [("sum", HOLDS, "1,200")],
        ),
        (
            APPLICATIONS + ", of which 500 were approved and the remaining 800 were refused.",
            [("sum", MISMATCH, "1,200")],
        ),
        (
            APPLICATIONS + ". Of these, 500 (42%) were approved and the rest, 600, were refused.",
            [("sum", MISMATCH, "1,200")],
        ),
        # some parts listed, not all: they may not exceed the whole
        (
            APPLICATIONS + ", including 500 from schools, 400 from charities and 200 from firms.",
            [("within", HOLDS, "500")],
        ),
        (
            APPLICATIONS + ", including 700 from schools, 400 from charities and 200 from firms.",
            [("within", EXCEEDS, "700")],
        ),
        (APPLICATIONS + ", of which 1,500 were approved.", [("within", EXCEEDS, "1,500")]),
        # words that say the parts make up the whole: a sum
        (
            APPLICATIONS + ", comprising 500 from schools and 700 from charities.",
            [("sum", HOLDS, "1,200")],
        ),
        (
            APPLICATIONS + ", split between 500 from schools and 600 from charities.",
            [("sum", MISMATCH, "1,200")],
        ),
        # a colon lists some parts: they may not exceed the whole
        (
            "A total of 1,200 applications were received: 800 from schools and 500 by post.",
            [("within", EXCEEDS, "800")],
        ),
        (
            "A total of 1,200 applications were received: 600 from schools and 500 by post.",
            [("within", HOLDS, "600")],
        ),
    ],
)
def test_parts_of_a_whole_named_in_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [r for r in asserted(text) if r[0] in ("sum", "within")] == expected


def test_scan_fails_on_a_breakdown_and_a_multiple_that_do_not_add_up(tmp_path: Path) -> None:
    code, report = _scan(
        tmp_path,
        APPLICATIONS + ", of which 500 were approved and the remaining 800 were refused. "
        "The firm hired 600 people in 2023, three times as many as the 150 it hired in 2022.",
    )
    assert code == 1
    found = sorted((f["rule"], f["severity"]) for f in report["findings"])  # type: ignore[union-attr]
    assert found == [("sum-1-200", "error"), ("times-three", "error")]


TOTAL = "In total, 374,307 applications were accepted, up 1.7 per cent.\n\n"
NATIONS = (
    "Scottish institutions saw a rise of 3.4 per cent to 35,413, English institutions a rise "
    "of 1.5 per cent to {england} and Welsh universities a 0.1 per cent rise to 20,505. "
    "Northern Irish institutions accepted 9,458."
)


def inferred_sums(text: str) -> list[tuple[str, str]]:
    return [
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.kind == "sum" and not r.is_asserted
    ]


@pytest.mark.parametrize(
    ("england", "expected"),
    [
        ("309,171", [(EXCEEDS, "374,307")]),  # 240 more than the total
        ("308,931", []),  # the parts make the total
        ("300,000", []),  # parts short of the total may leave something out
        ("330,000", []),  # far past it: another total's parts
    ],
)
def test_parts_of_a_stated_total_that_add_up_to_more_than_it(
    england: str, expected: list[tuple[str, str]]
) -> None:
    assert inferred_sums(TOTAL + NATIONS.format(england=england)) == expected


def test_parts_past_a_figure_no_word_calls_a_total_are_not_summed() -> None:
    text = TOTAL.replace("In total, ", "Some ") + NATIONS.format(england="309,171")
    assert inferred_sums(text) == []


def test_scan_warns_of_parts_past_their_total_without_failing_the_gate(tmp_path: Path) -> None:
    code, report = _scan(tmp_path, TOTAL + NATIONS.format(england="309,171"))
    assert code == 0  # inferred from the numbers: a warning
    found = [(f["rule"], f["severity"]) for f in report["findings"]]  # type: ignore[union-attr]
    assert found == [("sum-374-307", "warning")]


SALES = "Quarterly revenue increased 6.0% to $500.0 million. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "of sales" with no article; the level a change reaches measures what it changes
        (SALES + "Operating income was $60.0 million, or 12.0% of revenue.", [(HOLDS, "12.0%")]),
        (SALES + "Operating income was $60.0 million, or 13.0% of revenue.", [(MISMATCH, "13.0%")]),
        (
            SALES + "Net income was $40.0 million, or 8.0% of revenue, as compared with "
            "$30.0 million, or 6.5% of revenue, in the prior year period.",
            [(HOLDS, "8.0%")],
        ),
        # a figure of the period compared with is a share of that period's revenue
        (
            SALES + "This compares with operating income of $45.0 million, or 9.5% of revenue, "
            "in the prior year.",
            [],
        ),
    ],
)
def test_a_share_of_sales_named_without_an_article(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(r[1], r[2]) for r in asserted(text) if r[0] == "share"] == expected


@pytest.mark.parametrize(
    "text", ["The split was 8.5:37.0:54.5 this year.", "三次产业结构为8.5:37.0:54.5。"]
)
def test_the_colon_of_a_ratio_lists_no_parts(text: str) -> None:
    assert [r for r in asserted(text) if r[0] == "within"] == []
