"""A figure written as printed with its rise or fall word (issue 11): 下降2.0% and "fell 2.0%"
are −2.0%, 增长2.0% and "up 2.0%" are +2.0%; a fall word never meets a sign, a range or a
bound (ambiguous), and traditional 億 and 萬 are scale words."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint import check, facts_from_dict
from factlint.numbers.figures import FigureError, parse_figure


@pytest.mark.parametrize(
    ("text", "number", "kind"),
    [
        ("下降2.0%", Decimal("-2.0"), "percent"),
        ("回落 1.5 个百分点", Decimal("-1.5"), "points"),
        ("减少8630人", Decimal("-8630"), "count"),
        ("增长2.0%", Decimal("2.0"), "percent"),
        ("提高3个百分点", Decimal("3"), "points"),
        ("fell 2.0%", Decimal("-2.0"), "percent"),
        ("down 3.5 per cent", Decimal("-3.5"), "percent"),
        ("up $2 million", Decimal("2"), "amount"),
        ("-2.0%", Decimal("-2.0"), "percent"),
    ],
)
def test_a_rise_or_fall_word_gives_the_sign(text: str, number: Decimal, kind: str) -> None:
    figure = parse_figure(text)
    assert (figure.number, figure.kind, figure.text) == (number, kind, text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("下降-2%", "a sign or the word '下降', not both"),
        ("下降3-5%", "cannot stand before a range"),
        ("下降超过5%", "ambiguous"),
        ("fell about 2%", "ambiguous"),
    ],
)
def test_a_fall_word_with_a_sign_a_range_or_a_bound_is_refused(text: str, message: str) -> None:
    with pytest.raises(FigureError, match=message):
        parse_figure(text)


@given(st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False))
def test_a_fall_is_the_negative_of_the_rise(value: Decimal) -> None:
    printed = f"{value}%"
    assert parse_figure("下降" + printed).base == -parse_figure("增长" + printed).base
    assert parse_figure("下降" + printed).places == parse_figure(printed).places


def test_traditional_scale_words() -> None:
    assert parse_figure("1710.1億元").base == Decimal("171010000000")
    assert parse_figure("3.5萬人").base == Decimal("35000")


def test_a_fact_written_as_printed_checks_against_its_signed_twin(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(
        "工业增加值同比下降2.0%，利润同比增长2.0%。\n", encoding="utf-8"
    )
    data = {
        "report": {"id": "r", "source": "r.txt"},
        "facts": {
            "fall": {
                "value": "下降2.0%",
                "mentions": [
                    {"quote": "同比下降2.0%", "line": 1},
                    {"quote": "同比下降2.0%", "line": 1, "value": "-2.0%"},
                ],
            },
            "rise": {"value": "增长2.0%", "mentions": [{"quote": "同比增长2.0%", "line": 1}]},
        },
    }
    rules = [{"id": "opposite", "check": "fall + rise == 0"}]
    report = check(facts_from_dict(data, base_dir=tmp_path), rules)
    assert report.findings == () and report.summary.passed == 1
