"""A gap stated in words (相差, 僅差, 差距为) between the two counts printed just before it:
the larger less the smaller, asserted (issue 11). Sentences written for these tests."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text
from factlint.numbers.figures import parse_figure


def gaps(text: str) -> list[tuple[str, str]]:
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.kind == "difference" and r.is_asserted
    )


def test_votes_are_counted() -> None:
    figure = parse_figure("3665票")
    assert (figure.kind, figure.exact) == ("count", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("開票結果，甲候選人以5120票敗給乙候選人的5146票，相差僅26票。", [(HOLDS, "26票")]),
        ("甲候选人4210票、乙候选人4188票，甲当选，两人相差32票。", [(MISMATCH, "32票")]),
        ("全校男生520人，女生480人，两者相差40人。", [(HOLDS, "40人")]),
        ("全校男生520人，女生480人，两者差距为50人。", [(MISMATCH, "50人")]),
    ],
)
def test_the_gap_between_two_counts(text: str, expected: list[tuple[str, str]]) -> None:
    assert gaps(text) == expected


def test_three_counts_before_the_gap_bind_nothing() -> None:
    text = "甲得票3000票，乙得票2900票，丙得票2800票，甲乙相差50票。"
    assert gaps(text) == []


def test_counts_of_other_things_bind_nothing() -> None:
    text = "全镇有学校12所，学生520人，相差508人。"
    assert gaps(text) == []
