"""A figure written in full (12億3,456萬7,000元) against its rounded repeat (issue 11).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, OFF_BY_ONE, TRUNCATION, discover
from factlint.extract.pipeline import extract_text
from scanning import scan_findings as findings


def in_full(text: str) -> list[tuple[str, str]]:
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.kind == "equal" and "written in full" in r.evidence
    )


_STORY = (
    "縣府明年度總預算歲出編列{rounded}億元，較今年增加3.1億元。\n\n"
    "另外，歲出編列 {full}，歲入編列 150億元。"
)


@pytest.mark.parametrize(
    ("rounded", "full", "expected"),
    [
        # 156.3456700億 rounds to 156.35; 156.34 is it truncated
        ("156.34", "156 億 3,456萬7,000元", [(TRUNCATION, "156.34億元")]),
        ("156.35", "156 億 3,456萬7,000元", [(HOLDS, "156.35億元")]),
        ("156.53", "156 億 3,456萬7,000元", [(MISMATCH, "156.53億元")]),
        # two pieces, the unit on the second
        ("156.3", "156億3,456萬元", [(HOLDS, "156.3億元")]),
        ("156.4", "156億3,456萬元", [(OFF_BY_ONE, "156.4億元")]),
    ],
)
def test_a_rounded_repeat_is_the_full_figure_rounded(
    rounded: str, full: str, expected: list[tuple[str, str]]
) -> None:
    assert in_full(_STORY.format(rounded=rounded, full=full)) == expected


def test_a_truncated_repeat_is_a_warning() -> None:
    text = _STORY.format(rounded="156.34", full="156 億 3,456萬7,000元")
    assert ("equal-156-34", "warning") in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        # another measure's amount
        "縣府歲出編列156.34億元。另外，債務之舉借編列 84 億 7,000萬元。",
        # two values for the measure: a list over years, not one repeat
        "歲出編列156.34億元，去年歲出編列150.2億元。另外，歲出編列 156 億 3,456萬7,000元。",
        # pieces apart: no figure in full
        "歲出編列156.34億元，其中人事費 156 億，業務費 3,456萬元。",
    ],
)
def test_what_is_no_repeat_of_a_full_figure_binds_nothing(text: str) -> None:
    assert [r for r in in_full(text) if r[0] != HOLDS] == []
