"""Mentions of one fact compared as XBRL compares duplicate facts (docs/design.md §4)."""

from __future__ import annotations

import pytest

import factlint
from factlint.engine.mentions import mention_problems


def fact(*values: str, **extra: object) -> factlint.Fact:
    mentions = [{"section": f"s{i}", "value": v} for i, v in enumerate(values)]
    document = {
        "report": {"id": "t"},
        "facts": {"f": {"value": values[0], "mentions": mentions, **extra}},
    }
    return factlint.facts_from_dict(document).facts["f"]


def problems(f: factlint.Fact, rounding: str = "nearest") -> list[tuple[str, str]]:
    return [(p.check, p.message) for p in mention_problems(f, rounding)]


@pytest.mark.parametrize(
    "values",
    [
        ("162.24亿元", "162.24亿元"),  # complete
        ("162.24亿元", "162.2亿元"),  # consistent: less precise, same value
        ("9143.23万美元", "0.914323亿美元"),  # another scale, the same amount
        ("51项", "51项", "51项"),
    ],
)
def test_agreeing_mentions(values: tuple[str, ...]) -> None:
    assert problems(fact(*values)) == []


def test_same_precision_different_digits_is_inconsistent_even_when_intervals_touch() -> None:
    assert problems(fact("1.5亿元", "1.6亿元")) == [
        ("mentions-agree", "f is printed as 1.5亿元 in s0 but as 1.6亿元 in s1")
    ]


def test_intervals_that_do_not_meet() -> None:
    assert problems(fact("162.24亿元", "162.3亿元")) == [
        ("mentions-agree", "f is printed as 162.24亿元 in s0 but as 162.3亿元 in s1")
    ]


def test_the_wan_yi_typo_is_named() -> None:
    assert problems(fact("7.73亿元", "7.73万元")) == [
        (
            "mentions-agree",
            "f is printed as 7.73亿元 in s0 but as 7.73万元 in s1"
            " (the same digits under 亿 and 万)",
        )
    ]


def test_different_units() -> None:
    assert problems(fact("9143.23万美元", "9143.23万元")) == [
        (
            "mentions-agree",
            "f is printed as 9143.23万美元 in s0 but as 9143.23万元 in s1: different units",
        )
    ]


def test_truncation_reads_the_less_precise_mention_differently() -> None:
    # 162.24 truncated to one place prints 162.2; rounded, 162.3 would be wrong either way.
    assert problems(fact("162.24亿元", "162.2亿元"), "truncate") == []
    assert problems(fact("162.26亿元", "162.3亿元"), "truncate")[0][0] == "mentions-agree"
    assert problems(fact("162.26亿元", "162.3亿元"), "nearest") == []


def test_framing_and_period() -> None:
    document = {
        "report": {"id": "t", "period": "2020"},
        "facts": {
            "f": {
                "value": "162.24亿元",
                "qualifier": "累计完成",
                "mentions": [
                    {"section": "sidebar"},
                    {"section": "body", "qualifier": "预计"},
                    {"section": "box", "period": "2019"},
                ],
            }
        },
    }
    f = factlint.facts_from_dict(document).facts["f"]
    assert problems(f) == [
        ("mentions-framing", "f is framed as 累计完成 in sidebar but as 预计 in body"),
        ("mentions-period", "f is for 2020 in sidebar but for 2019 in box"),
    ]


def test_a_rule_on_an_inconsistent_duplicate_cannot_be_checked() -> None:
    document = {
        "report": {"id": "t"},
        "facts": {
            "a": {"value": "1元", "mentions": [{"value": "1元"}, {"value": "3元"}]},
            "b": {"value": "1元"},
        },
    }
    report = factlint.check(document, [{"id": "same", "equal": ["a", "b"]}])
    assert [(f.rule, f.status) for f in report.findings] == [
        ("mentions-agree", "inconsistent"),
        ("same", "cannot-check"),
    ]
    assert report.findings[1].reason == "the mentions of a disagree (see mentions-agree)"


def test_duplicates_compare_as_xbrl_rounds_the_more_precise() -> None:
    # Rounded to one place 43.4503% prints 43.5%, not 43.4%, though the intervals touch.
    assert problems(fact("43.4503%", "43.4%"))[0][0] == "mentions-agree"
    assert problems(fact("43.46%", "43.5%")) == []
    # A tie may have been rounded either way.
    assert problems(fact("43.5%", "43%")) == problems(fact("43.5%", "44%")) == []
    assert problems(fact("43%", "44%"))[0][0] == "mentions-agree"
