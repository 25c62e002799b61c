"""Shares of subjects named again in a list before them (甲和乙占比分别为 a%和b%): each share
is asserted of the amount printed earlier for its subject (issue 11). Sentences written for
these tests."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def subject_shares(text: str) -> list[tuple[str, str]]:
    """(status, stated share) of each asserted share."""
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.kind == "share" and r.is_asserted
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 300 / 800 = 37.5%, 500 / 800 = 62.5%
        (
            "全区营业收入800亿元，其中，国有企业实现收入300亿元，民营企业实现收入500亿元。"
            "国有企业和民营企业占比分别为37.5%和62.5%。",
            [(HOLDS, "37.5%"), (HOLDS, "62.5%")],
        ),
        (
            "全区营业收入800亿元，其中，国有企业实现收入300亿元，民营企业实现收入500亿元。"
            "国有企业和民营企业占比分别为38.5%和62.5%。",
            [(HOLDS, "62.5%"), (MISMATCH, "38.5%")],
        ),
        # the whole named: 占总人口的比重; 6.3 / 10.5 = 60.0%, 4.2 / 10.5 = 40.0%
        (
            "年末总人口10.5万人，城镇人口6.3万人，乡村人口4.2万人。"
            "城镇、乡村人口占总人口的比重分别为60.0%和41.0%。",
            [(HOLDS, "60.0%"), (MISMATCH, "41.0%")],
        ),
        # traditional characters
        (
            "全區營業收入800億元，其中，國有企業實現收入300億元，民營企業實現收入500億元。"
            "國有企業和民營企業佔比分別為37.5%和60.5%。",
            [(HOLDS, "37.5%"), (MISMATCH, "60.5%")],
        ),
    ],
)
def test_a_share_of_each_named_subject_is_checked(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert subject_shares(text) == expected


def test_a_name_that_starts_two_labels_binds_nothing() -> None:
    # 国有企业 starts the label of two amounts: which one the share is of is not said
    text = (
        "全区营业收入800亿元，其中，国有企业实现收入300亿元，国有企业上缴税金20亿元，"
        "民营企业实现收入500亿元。国有企业和民营企业占比分别为38.5%和62.5%。"
    )
    assert (MISMATCH, "38.5%") not in subject_shares(text)


def test_names_and_shares_that_do_not_pair_one_to_one_bind_nothing() -> None:
    text = (
        "全区营业收入800亿元，其中，国有企业实现收入300亿元，民营企业实现收入500亿元。"
        "国有企业和民营企业占比分别为38.5%、50.0%和11.5%。"
    )
    assert subject_shares(text) == []
