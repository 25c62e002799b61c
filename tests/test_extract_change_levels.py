"""A level, its change on last year and last year's value (issue 11). Sentences written for
these tests, in simplified and traditional characters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.discover import EXCEEDS, HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text
from scanning import scan_findings as findings


def changes(text: str) -> list[tuple[str, str, str, bool]]:
    """(kind, status, stated figure, asserted) of each relation of a level and its change."""
    return sorted(
        (r.kind, r.status, r.stated, r.is_asserted)
        for r in discover(extract_text(text))
        if ("for last year" in r.evidence or "leaves last year below zero" in r.evidence)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the base beside the change
        (
            "全年完成投资120亿元，比上年增加20亿元，上年为100亿元。",
            [("difference", HOLDS, "100亿元", True)],
        ),
        (
            "全年完成投资120亿元，比上年增加20亿元，上年为110亿元。",
            [("difference", MISMATCH, "110亿元", True)],
        ),
        # the base opening the next sentence, traditional characters
        (
            "全年完成投資120億元，比上年增加20億元。上年完成投資110億元。",
            [("difference", MISMATCH, "110億元", True)],
        ),
        # a fall: the base is the level plus the change; in brackets
        (
            "年末存款余额723万元，比上年末减少1489万元（上年末为2212万元）。",
            [("difference", HOLDS, "2212万元", True)],
        ),
        (
            "年末存款余额723万元，比上年末减少1489万元，上年末为2200万元。",
            [("difference", MISMATCH, "2200万元", True)],
        ),
        # a rise larger than the level it rose to
        (
            "年末贷款余额723万元，比上年增加1489万元。",
            [("within", EXCEEDS, "1489万元", True)],
        ),
        # the change is the part's, printed just after it
        (
            "全年完成投资120亿元，其中工业投资50亿元，比上年增加80亿元。",
            [("within", EXCEEDS, "80亿元", True)],
        ),
        (
            "年末戶籍人口 2.1 萬人，比上年末增加 3.2 萬人。",
            [("within", EXCEEDS, "3.2萬人", True)],
        ),
    ],
)
def test_a_level_and_its_change_tie_last_years_value(
    text: str, expected: list[tuple[str, str, str, bool]]
) -> None:
    assert changes(text) == expected


def test_a_base_that_is_not_the_level_less_its_change_is_an_error() -> None:
    text = "全年完成投资120亿元，比上年增加20亿元，上年为110亿元。"
    assert ("difference-110", "error") in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        # a profit may have been a loss
        "全年利润723万元，比上年增加1489万元。",
        "全年实现净利润0.5亿元，比上年增加1.2亿元。",
        # a fall larger than what is left is possible
        "年末存款余额723万元，比上年减少1489万元。",
        # a rise no larger than its level
        "年末贷款余额2723万元，比上年增加1489万元。",
        # a rate, not a change in the level's unit
        "全年完成投资120亿元，比上年增长20%，上年为100亿元。",
        # the next sentence is not about last year
        "全年完成投资120亿元，比上年增加20亿元。其中工业投资110亿元。",
    ],
)
def test_what_ties_no_level_and_change_binds_nothing(text: str) -> None:
    assert [r for r in changes(text) if r[1] != HOLDS] == []


@settings(max_examples=50, deadline=None)
@given(
    before=st.integers(min_value=1, max_value=99_999),
    delta=st.integers(min_value=-99_999, max_value=99_999),
)
def test_a_base_that_is_the_level_less_its_change_always_holds(before: int, delta: int) -> None:
    now = before + delta
    if now <= 0 or delta == 0:
        return
    verb = "增加" if delta > 0 else "减少"
    text = f"年末存款余额{now}万元，比上年{verb}{abs(delta)}万元，上年为{before}万元。"
    assert [r for r in changes(text) if r[1] != HOLDS] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年完成投资120亿元，是上年的1.5倍。上年完成投资80亿元。", [(HOLDS, "1.5")]),
        ("全年完成投资120亿元，是上年的1.5倍。上年完成投资90亿元。", [(MISMATCH, "1.5")]),
        ("全年完成投資120億元，是上年的1.5倍，上年為90億元。", [(MISMATCH, "1.5")]),
        ("全年完成投资120亿元，是上年的1.5倍。", []),  # no base printed
        ("全年完成投资120亿元，是上年的1.5倍。其中工业投资80亿元。", []),  # no base
    ],
)
def test_a_multiple_of_last_year_with_the_base_after_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = discover(extract_text(text))
    assert sorted((r.status, r.stated) for r in found if r.kind == "times") == expected
