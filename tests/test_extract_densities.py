"""人口密度 / population density: the population over the area, wherever in the text the
three are printed (issue 11). Texts written for these tests, in simplified and traditional
characters and in English."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text
from scanning import scan_findings as findings


def densities(text: str) -> list[tuple[str, str, bool]]:
    """(status, stated figure, asserted) of each density discovered."""
    return sorted(
        (r.status, r.stated, r.is_asserted)
        for r in discover(extract_text(text))
        if r.kind == "ratio" and "km²" in r.evidence
    )


_PROFILE = (
    "{place}位于县境东部，行政区域总面积{area}平方公里。\n\n历史\n\n1958年设公社，1984年改乡。\n\n"
    "人口\n\n2015年末，{place}总人口{people}人，其中城镇人口3120人，占比13.0%。"
    "总人口中，男性12200人，女性11800人。2015年，出生率9.1‰，人口密度为每平方公里{density}人。"
)


@pytest.mark.parametrize(
    ("area", "people", "density", "expected"),
    [
        ("82.4", "24000", "291.3", [(HOLDS, "291.3人", True)]),
        ("82.4", "24000", "219.3", [(MISMATCH, "219.3人", True)]),
        # a whole number of people per km² is a rate: 291.26 rounds to 291
        ("82.4", "24000", "291", [(HOLDS, "291人", True)]),
        ("82.4", "24000", "301", [(MISMATCH, "301人", True)]),
    ],
)
def test_a_density_is_the_population_over_the_area_printed_anywhere(
    area: str, people: str, density: str, expected: list[tuple[str, str, bool]]
) -> None:
    text = _PROFILE.format(place="东河乡", area=area, people=people, density=density)
    assert densities(text) == expected


def test_a_wrong_density_is_an_error_of_scan_and_a_right_one_is_none() -> None:
    wrong = _PROFILE.format(place="东河乡", area="82.4", people="24000", density="219.3")
    right = _PROFILE.format(place="东河乡", area="82.4", people="24000", density="291.3")
    assert findings(wrong) == [("ratio-219-3", "error")]
    assert findings(right) == []


def test_traditional_characters_and_a_density_after_its_unit() -> None:
    text = (
        "西山鎮,位於縣城北部,國土面積56.3平方千米。截至2012年末,西山鎮戶籍人口為18230人。"
        "西山鎮人口密度324人/平方千米。"
    )
    assert densities(text) == [(HOLDS, "324人", True)]
    assert densities(text.replace("324人", "342人")) == [(MISMATCH, "342人", True)]


def test_the_population_of_another_year_fits_so_nothing_is_wrong() -> None:
    # 户籍 and 常住 populations of two years: the density fits one of them
    text = (
        "南坪镇辖区面积120平方公里。截至2010年末，南坪镇户籍人口36000人。"
        "截至2018年末，南坪镇常住人口30000人。2018年，人口密度为每平方公里250人。"
    )
    assert densities(text) == [(HOLDS, "250人", True)]


def test_several_populations_none_fitting_make_a_warning() -> None:
    text = (
        "南坪镇辖区面积120平方公里。截至2018年末，南坪镇户籍人口36000人，"
        "常住人口30000人。人口密度为每平方公里280人。"
    )
    assert densities(text) == [(MISMATCH, "280人", False)]
    assert findings(text) == [("ratio-280", "warning")]


@pytest.mark.parametrize(
    "text",
    [
        # the area of a part of the place, not the place
        "全镇建成区面积4.2平方公里，总人口24000人，人口密度为每平方公里1800人。",
        "全镇耕地面积42平方公里，总人口24000人，人口密度为每平方公里1800人。",
        # a group of the population, not the population
        "全镇总面积82.4平方公里，城镇人口6000人，人口密度为每平方公里100人。",
        # an approximate density binds nothing
        "全镇总面积82.4平方公里，总人口24000人，人口密度约每平方公里300人。",
        # a density of something else
        "全镇总面积82.4平方公里，总人口24000人，路网密度为每平方公里1.8公里。",
    ],
)
def test_no_density_is_bound_without_the_words_for_each_of_its_three(text: str) -> None:
    assert densities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The district covers 45.6 km2 and has a population of 32,000, a density of "
            "701.8 people per km2.",
            [(HOLDS, "701.8", True)],
        ),
        (
            "The borough has an area of 45.6 square kilometres. Its population was 32,000 "
            "at the 2011 census.\n\nTransport\n\nThe town is served by two railway lines."
            "\n\nThe population density is 802 per km².",
            [(MISMATCH, "802", True)],
        ),
        (
            "The island has an area of 12.5 sq km and 4,300 inhabitants, giving a density "
            "of 344 inhabitants per square kilometre.",
            [(HOLDS, "344", True)],
        ),
    ],
)
def test_english_densities(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert densities(text) == expected
