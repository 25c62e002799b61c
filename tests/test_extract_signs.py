"""Declines carry their sign (issue 11): 下降2.0% is −2.0% in arithmetic, extraction writes
signed facts, and a quote that prints the decline in words matches the signed value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from factlint import check, facts_from_dict, rules_from_dict
from factlint.extract.pipeline import extract_text
from factlint.extract.writer import facts_data

SENTENCES = "全年常住人口218.7万人，比上年减少8630人，下降0.4%。利润总额19.6亿元，同比增长3.1%。"


def values(text: str) -> dict[str, Decimal]:
    return {f.value: f.figure.number for f in extract_text(text).facts}


@pytest.mark.parametrize(
    ("text", "value", "number"),
    [
        ("工业增加值同比下降2.0%。", "-2.0%", Decimal("-2.0")),
        ("比上年减少8630人。", "-8630人", Decimal("-8630")),
        ("出口额回落了1.5%。", "-1.5%", Decimal("-1.5")),
        ("城镇化率降低了1.3个百分点。", "-1.3个百分点", Decimal("-1.3")),
        ("Sales fell 3.5% in the quarter.", "-3.5%", Decimal("-3.5")),
        ("Profit was down $2 million on the year.", "-$2 million", Decimal("-2")),
        ("Exports declined by 4% last year.", "-4%", Decimal("-4")),
    ],
)
def test_a_decline_is_extracted_with_its_sign(text: str, value: str, number: Decimal) -> None:
    assert values(text)[value] == number


@pytest.mark.parametrize(
    "text",
    [
        "工业增加值同比增长2.0%。",
        "失业率下降到5.1%。",  # the level reached, not the change
        "The rate fell to 6.3 percent.",
        "They shut down 3 plants.",  # a count after "down" is no fall
        "降幅为2.0%。",  # the size of a fall, printed as a size
        "同比下降超过5%。",  # a bound keeps its direction
    ],
)
def test_no_sign_where_nothing_falls(text: str) -> None:
    assert all(number >= 0 for number in values(text).values())


def test_signed_facts_check_with_their_quotes(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(SENTENCES, encoding="utf-8")
    extraction = extract_text(SENTENCES)
    data = facts_data(extraction, report_id="r", source="r.txt")
    facts = data["facts"]
    assert isinstance(facts, dict)
    decline = next(f for f in facts.values() if f["value"] == "-8630人")
    assert "减少8630人" in decline["mentions"][0]["quote"]
    report = check(facts_from_dict(data, base_dir=tmp_path), [])
    assert report.findings == ()  # every quote prints its signed figure in words


def test_a_signed_change_and_rate_hold_together() -> None:
    data = facts_data(extract_text(SENTENCES), report_id="r", source="r.txt")
    ids = {f["value"]: fact_id for fact_id, f in data["facts"].items()}  # type: ignore[union-attr]
    level, change, rate = ids["218.7万人"], ids["-8630人"], ids["-0.4%"]
    rule = {"id": "r", "check": f"{change} / ({level} - {change}) == {rate}"}
    assert check(facts_from_dict(data), rules_from_dict([rule])).findings == ()
    falls = [{"id": "c", "check": f"{change} < 0"}, {"id": "g", "check": f"{rate} < 0"}]
    assert check(facts_from_dict(data), rules_from_dict(falls)).summary.passed == 2


@pytest.mark.parametrize(
    ("quote", "value", "prints"),
    [
        ("工业增加值同比下降2.0%。", "-2.0%", True),
        ("工业增加值同比增长2.0%。", "-2.0%", False),
        ("Sales fell 2.0% in the year.", "-2.0%", True),
        ("工业增加值同比下降12.0%。", "-2.0%", False),
    ],
)
def test_a_quote_printing_a_decline_in_words_matches_the_signed_value(
    tmp_path: Path, quote: str, value: str, prints: bool
) -> None:
    (tmp_path / "r.txt").write_text(quote + "\n", encoding="utf-8")
    data = {
        "report": {"id": "r", "source": "r.txt"},
        "facts": {"x": {"value": value, "mentions": [{"quote": quote.rstrip("。."), "line": 1}]}},
    }
    report = check(facts_from_dict(data, base_dir=tmp_path), [])
    assert (report.findings == ()) is prints
