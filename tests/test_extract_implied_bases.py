"""Shares of one named base the text never prints (占GDP的比重, 占农户总数的) each imply it;
each later share is checked against the base the first implies (issue 11). Sentences
written for these tests."""

from __future__ import annotations

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def implied(text: str) -> list[tuple[str, str]]:
    """(status, stated) of each share checked against a base another share implies."""
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.kind == "share" and "check" in r.rule and r.is_asserted
    )


_GDP = (
    "2020年，全县农业总产值1800万元，比上年增长3.0%，占GDP的比重为30.0%。"
    "全县有工业企业12家。2020年工业总产值2400万元，占GDP的比重为{}%。"
)


def test_a_second_share_of_an_unprinted_gdp() -> None:
    assert implied(_GDP.format("40.0")) == [(HOLDS, "40.0%")]  # GDP 6000万元
    assert implied(_GDP.format("50.0")) == [(MISMATCH, "50.0%")]


def test_households_in_traditional_characters() -> None:
    text = "有200戶通電（占農戶總數的100%）；擁有電視機農戶150戶（占農戶總數的{}%）。"
    assert implied(text.format("75.0")) == [(HOLDS, "75.0%")]
    assert implied(text.format("70.0")) == [(MISMATCH, "70.0%")]


def test_a_place_alone_names_no_base() -> None:
    # the province's output and its investment are two bases
    text = "地区生产总值500亿元，占全省的5.0%。固定资产投资300亿元，占全省的8.0%。"
    assert implied(text) == []


def test_shares_of_two_years_are_not_compared() -> None:
    text = (
        "2019年，农业总产值1800万元，占GDP的比重为30.0%。"
        "2020年，工业总产值2400万元，占GDP的比重为50.0%。"
    )
    assert implied(text) == []


def test_a_printed_base_is_used_instead() -> None:
    text = (
        "全县生产总值6000万元。农业总产值1800万元，占GDP的比重为30.0%。"
        "工业总产值2400万元，占GDP的比重为50.0%。"
    )
    assert implied(text) == []
    statuses = sorted(
        (r.status, r.stated) for r in discover(extract_text(text)) if r.kind == "share"
    )
    assert statuses == [(HOLDS, "30.0%"), (MISMATCH, "50.0%")]


def test_shares_of_two_places_are_not_compared() -> None:
    text = (
        "2020年，全县农业总产值1800万元，占GDP的比重为30.0%。"
        "2020年，全市工业总产值2400万元，占GDP的比重为50.0%。"
    )
    assert implied(text) == []
