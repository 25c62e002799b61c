"""A heading that names a whole (总人口中，) and the "part, 占 share" pairs after it: each
share is of that whole, and parts whose shares add up to 100% must add up to it (issue 11).
Sentences written for these tests."""

from __future__ import annotations

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text

_TOWN = (
    "全镇总人口4000人，比上年增加50人。总人口中，男性2100人，占52.5%；女性1900人，占47.5%。"
    "14岁以下600人，占15.0%；15—64岁{middle}人，占{share}%；65岁以上600人，占15.0%。"
)


def found(text: str) -> list[tuple[str, str, str]]:
    """(kind, status, stated) of the shares and sums of the whole found."""
    return sorted(
        (r.kind, r.status, r.stated)
        for r in discover(extract_text(text))
        if r.kind in ("share", "sum") and r.facts[0 if r.kind == "sum" else 1] == "全镇总人口"
    )


def test_each_share_under_the_heading_is_of_the_whole_it_names() -> None:
    assert found(_TOWN.format(middle="2800", share="70.0")) == [
        ("share", HOLDS, "15.0%"),
        ("share", HOLDS, "15.0%"),
        ("share", HOLDS, "47.5%"),
        ("share", HOLDS, "52.5%"),
        ("share", HOLDS, "70.0%"),
        ("sum", HOLDS, "4000人"),
        ("sum", HOLDS, "4000人"),
    ]


def test_a_share_that_fails_is_an_error_and_parts_over_the_whole_a_warning() -> None:
    relations = discover(extract_text(_TOWN.format(middle="2810", share="70.0")))
    (share,) = [r for r in relations if r.kind == "share" and r.stated == "70.0%"]
    assert share.status == MISMATCH and share.is_asserted  # 2810 / 4000 = 70.25%
    sums = [r for r in relations if r.kind == "sum" and r.status != HOLDS]
    assert [(r.stated, r.is_asserted) for r in sums] == [("4000人", False)]  # 4010 人


def test_traditional_characters() -> None:
    text = "全鄉總人口5000人。總人口中，男性2600人，佔52.0%；女性2400人，佔46.0%。"
    statuses = sorted(
        (r.status, r.stated) for r in discover(extract_text(text)) if r.kind == "share"
    )
    assert statuses == [(HOLDS, "52.0%"), (MISMATCH, "46.0%")]


def test_no_whole_printed_binds_nothing() -> None:
    text = "总人口中，男性2100人，占52.5%；女性1900人，占47.5%。"
    assert [r for r in discover(extract_text(text)) if r.kind in ("share", "sum")] == []


def test_two_wholes_so_named_bind_nothing() -> None:
    text = (
        "甲村总人口4000人，乙村总人口3000人。总人口中，男性2100人，占52.5%；女性1900人，占47.5%。"
    )
    assert [r for r in discover(extract_text(text)) if r.is_asserted] == []


def test_the_list_ends_where_another_kind_of_clause_begins() -> None:
    text = (
        "全村总人口1000人。总人口中，男性520人，占52.0%；女性480人，占48.0%；"
        "出生人口12人，出生率12.0‰。"
    )
    shares = [r.stated for r in discover(extract_text(text)) if r.kind == "share" and r.is_asserted]
    assert sorted(shares) == ["48.0%", "52.0%"]


_INCOME = (
    "全村经济总收入{whole}万元，比上年增长6.0%，其中：种植业收入1000万元，占总收入的50.0%；"
    "畜牧业收入500万元，占总收入的25.0%（年内出栏生猪300头）；林业收入2万元；"
    "工资性收入498万元，占总收入的24.9%。"
)


def test_a_whole_broken_down_whose_shares_make_it_up() -> None:
    def sums(whole: str) -> list[tuple[str, str, bool]]:
        relations = discover(extract_text(_INCOME.format(whole=whole)))
        return [
            (r.status, r.stated, r.is_asserted)
            for r in relations
            if r.kind == "sum" and r.stated == f"{whole}万元"
        ]

    # 50.0 + 25.0 + 24.9 (林业 has no share of its own): the four parts are the whole
    assert sums("2000") == [(HOLDS, "2000万元", False)]
    assert sums("2010") == [(MISMATCH, "2010万元", False)]


def test_shares_of_other_bases_bind_no_parts() -> None:
    text = "外贸总额150亿元，其中：出口100亿元，占全省出口的60.0%；进口50亿元，占全省进口的40.0%。"
    assert [r for r in discover(extract_text(text)) if r.kind == "sum" and r.status != HOLDS] == []
    assert [r for r in discover(extract_text(text)) if r.kind == "share" and r.is_asserted] == []


def test_a_count_of_other_things_names_a_part() -> None:
    text = (
        "全乡总人口5000人。总人口中，以汉族为主，达4900人，占98.0%；"
        "有苗、瑶等6个少数民族，共100人，占2.0%。"
    )
    sums = [(r.status, r.stated) for r in discover(extract_text(text)) if r.kind == "sum"]
    assert sums == [(HOLDS, "5000人")]  # 4900 + 100, not + 6个
