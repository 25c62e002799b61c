"""A whole printed with a slipped scale word: the parts a 其中 lists add up to its digits
(issue 11). Sentences written for these tests."""

from __future__ import annotations

import pytest

from factlint import check, facts_from_dict, rules_from_dict
from factlint.extract.discover import OFF_BY_SCALE, discover
from factlint.extract.pipeline import extract_text
from factlint.extract.writer import facts_data


def slips(text: str) -> list[tuple[str, str, str]]:
    """(stated figure, what it should read, asserted words?) of each unit slip."""
    return sorted(
        (r.stated, r.suggestion, "yes" if r.is_asserted else "no")
        for r in discover(extract_text(text))
        if r.kind == "sum" and r.status == OFF_BY_SCALE
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全乡耕地面积17583万亩，其中水田15535亩，旱土2048亩。", [("17583万亩", "17583亩", "yes")]),
        # traditional characters, a rate between the parts, spaces as PDF text has them
        (
            "全鎮糧食產量 3.26萬噸，其中稻穀 2.1 噸，增長 3%，玉米 1.16 噸。",
            [("3.26萬噸", "3.26噸", "yes")],
        ),
        # the slip the other way: the whole without its 万
        (
            "年末存款余额560元，其中储蓄存款420万元，企业存款140万元。",
            [("560元", "560万元", "yes")],
        ),
        # three parts, 亿 against 万
        (
            "全县财政支出8.5万元，其中教育2.5亿元，卫生1.5亿元，农林水4.5亿元。",
            [("8.5万元", "8.5亿元", "yes")],
        ),
    ],
)
def test_parts_that_add_up_to_the_wholes_digits_name_the_slip(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert slips(text) == expected


def test_a_unit_slip_is_an_error_naming_what_the_whole_should_read() -> None:
    text = "全乡耕地面积17583万亩，其中水田15535亩，旱土2048亩。"
    extraction = extract_text(text)
    found = discover(extraction)
    (slip,) = [r for r in found if r.kind == "sum" and r.status == OFF_BY_SCALE]
    assert "should read 17583亩" in str(slip.rule["message"])
    facts = facts_from_dict(facts_data(extraction, report_id="t", source="t.txt"))
    report = check(facts, rules_from_dict([r.rule for r in found]))
    assert ("sum-17583", "error") in [(f.rule, f.severity.value) for f in report.findings]


@pytest.mark.parametrize(
    "text",
    [
        # the parts are of the whole's scale: a breakdown, not a slip
        "全乡耕地面积1.7583万亩，其中水田1.5535万亩，旱土0.2048万亩。",
        # parts that do not reach the whole's digits: 其中 lists only some of them
        "全乡耕地面积17583万亩，其中水田15535亩，旱土1048亩。",
        # parts of two scales bind nothing
        "全县粮食产量12.5万吨，其中稻谷8万吨，玉米4.5吨。",
        # one part only
        "全乡耕地面积17583万亩，其中水田17583亩。",
        # no 其中: two figures listed after a total are not its parts by the words
        "全乡耕地面积17583万亩，水田15535亩，旱土2048亩。",
    ],
)
def test_what_is_no_unit_slip_is_not_reported_as_one(text: str) -> None:
    assert slips(text) == []
