"""Tests for factlint.numbers.figures: reading printed figures and printing values like them."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from decimal import Context, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.numbers.figures import (
    MAX_CHARS,
    Figure,
    FigureError,
    figure_digits,
    format_figure,
    parse_figure,
)
from work import calls

D = Decimal
ONE, WAN, YI = D(1), D("1E4"), D("1E8")
PCT = D("0.01")

# text, number, places, scale, unit, kind, qualifier, exact, template
Row = tuple[str, str, int, Decimal, str, str, str, bool, str]

# Every figure printed in the sample report.
REPORT: list[Row] = [
    ("3个", "3", 0, ONE, "count", "count", "", True, "{}个"),
    ("41人", "41", 0, ONE, "count", "count", "", True, "{}人"),
    ("46户", "46", 0, ONE, "count", "count", "", True, "{}户"),
    ("2户", "2", 0, ONE, "count", "count", "", True, "{}户"),
    ("10个", "10", 0, ONE, "count", "count", "", True, "{}个"),
    ("766.6万元", "766.6", 1, WAN, "CNY", "amount", "", False, "{}万元"),
    ("1.5万平方米", "1.5", 1, WAN, "m2", "measure", "", False, "{}万平方米"),
    ("58个", "58", 0, ONE, "count", "count", "", True, "{}个"),
    ("162.24亿元", "162.24", 2, YI, "CNY", "amount", "", False, "{}亿元"),
    ("10.6%", "10.6", 1, PCT, "", "percent", "", False, "{}%"),
    ("19.61%", "19.61", 2, PCT, "", "percent", "", False, "{}%"),
    ("第一", "1", 0, ONE, "rank", "rank", "", True, "第{}"),
    ("第二", "2", 0, ONE, "rank", "rank", "", True, "第{}"),
    ("51.7亿元", "51.7", 1, YI, "CNY", "amount", "", False, "{}亿元"),
    ("27.97%", "27.97", 2, PCT, "", "percent", "", False, "{}%"),
    ("7.73亿元", "7.73", 2, YI, "CNY", "amount", "", False, "{}亿元"),
    ("26.4%", "26.4", 1, PCT, "", "percent", "", False, "{}%"),
    ("9143.23万美元", "9143.23", 2, WAN, "USD", "amount", "", False, "{}万美元"),
    ("36.6%", "36.6", 1, PCT, "", "percent", "", False, "{}%"),
    ("94.26%", "94.26", 2, PCT, "", "percent", "", False, "{}%"),
    ("五次", "5", 0, ONE, "count", "count", "", True, "{}次"),
    ("844.62亿元", "844.62", 2, YI, "CNY", "amount", "", False, "{}亿元"),
    ("43个", "43", 0, ONE, "count", "count", "", True, "{}个"),
    ("602.5亿元", "602.5", 1, YI, "CNY", "amount", "", False, "{}亿元"),
    ("50个", "50", 0, ONE, "count", "count", "", True, "{}个"),
    ("49个", "49", 0, ONE, "count", "count", "", True, "{}个"),
    ("298亿元", "298", 0, YI, "CNY", "amount", "", False, "{}亿元"),
    ("5项", "5", 0, ONE, "count", "count", "", True, "{}项"),
    ("10亿元以上", "10", 0, YI, "CNY", "amount", "at-least", False, "{}亿元"),
    ("51项", "51", 0, ONE, "count", "count", "", True, "{}项"),
    ("427.3亿元", "427.3", 1, YI, "CNY", "amount", "", False, "{}亿元"),
    ("230亿元", "230", 0, YI, "CNY", "amount", "", False, "{}亿元"),
    ("185%", "185", 0, PCT, "", "percent", "", False, "{}%"),
    ("39项", "39", 0, ONE, "count", "count", "", True, "{}项"),
    ("76.5%", "76.5", 1, PCT, "", "percent", "", False, "{}%"),
    ("30项", "30", 0, ONE, "count", "count", "", True, "{}项"),
    ("58.8%", "58.8", 1, PCT, "", "percent", "", False, "{}%"),
    ("78户", "78", 0, ONE, "count", "count", "", True, "{}户"),
    ("57户", "57", 0, ONE, "count", "count", "", True, "{}户"),
    ("20户", "20", 0, ONE, "count", "count", "", True, "{}户"),
    ("30户", "30", 0, ONE, "count", "count", "", True, "{}户"),
    ("24户", "24", 0, ONE, "count", "count", "", True, "{}户"),
    ("13户", "13", 0, ONE, "count", "count", "", True, "{}户"),
    ("超30%", "30", 0, PCT, "", "percent", "more-than", False, "{}%"),
    ("45项", "45", 0, ONE, "count", "count", "", True, "{}项"),
    ("16.56亿元", "16.56", 2, YI, "CNY", "amount", "", False, "{}亿元"),
    ("30亿元", "30", 0, YI, "CNY", "amount", "", False, "{}亿元"),
    ("43户", "43", 0, ONE, "count", "count", "", True, "{}户"),
    ("35户", "35", 0, ONE, "count", "count", "", True, "{}户"),
    ("10项", "10", 0, ONE, "count", "count", "", True, "{}项"),
    ("65%", "65", 0, PCT, "", "percent", "", False, "{}%"),
    ("2020年", "2020", 0, ONE, "year", "date", "", True, "{}年"),
    ("6月", "6", 0, ONE, "month", "date", "", True, "{}月"),
]

MORE: list[Row] = [
    # numbers and their printed forms
    ("-1.223元", "-1.223", 3, ONE, "CNY", "amount", "", False, "{}元"),
    ("−5", "-5", 0, ONE, "", "number", "", False, "{}"),
    ("+5%", "5", 0, PCT, "", "percent", "", False, "{}%"),
    ("1,234,567.8 yuan", "1234567.8", 1, ONE, "CNY", "amount", "", False, "{} yuan"),
    ("１２３．４５％", "123.45", 2, PCT, "", "percent", "", False, "{}％"),
    ("1，234", "1234", 0, ONE, "", "number", "", False, "{}"),
    ("1,234", "1234", 0, ONE, "", "number", "", False, "{}"),
    ("00.00", "0.00", 2, ONE, "", "number", "", False, "{}"),
    ("-0", "0", 0, ONE, "", "number", "", False, "{}"),
    ("0.50", "0.50", 2, ONE, "", "number", "", False, "{}"),
    (".5", "0.5", 1, ONE, "", "number", "", False, "{}"),
    ("30亿", "30", 0, YI, "", "number", "", False, "{}亿"),
    ("7.73 亿元", "7.73", 2, YI, "CNY", "amount", "", False, "{}亿元"),
    ("844.62 亿元", "844.62", 2, YI, "CNY", "amount", "", False, "{}亿元"),
    ("51 项", "51", 0, ONE, "count", "count", "", True, "{}项"),
    # Chinese numerals
    ("四十一人", "41", 0, ONE, "count", "count", "", True, "{}人"),
    ("十二", "12", 0, ONE, "", "number", "", False, "{}"),
    ("两项", "2", 0, ONE, "count", "count", "", True, "{}项"),
    ("一百零五", "105", 0, ONE, "", "number", "", False, "{}"),
    ("三千五百万", "35000000", 0, ONE, "", "number", "", False, "{}"),
    ("一万五", "15000", 0, ONE, "", "number", "", False, "{}"),
    ("三个", "3", 0, ONE, "count", "count", "", True, "{}个"),
    ("二〇二〇年", "2020", 0, ONE, "year", "date", "", True, "{}年"),
    ("一百多万元", "100", 0, WAN, "CNY", "amount", "more-than", False, "{}万元"),
    # ranks, dates, durations
    ("第2", "2", 0, ONE, "rank", "rank", "", True, "第{}"),
    ("第三名", "3", 0, ONE, "rank", "rank", "", True, "第{}名"),
    ("3年", "3", 0, ONE, "years", "count", "", True, "{}年"),
    ("6个月", "6", 0, ONE, "months", "count", "", True, "{}个月"),
    ("2019-2020年", "2019", 0, ONE, "year", "date", "range", True, "{}年"),
    # scales
    ("10.6个百分点", "10.6", 1, PCT, "", "points", "", False, "{}个百分点"),
    ("3百分点", "3", 0, PCT, "", "points", "", False, "{}百分点"),
    ("0.5個百分點", "0.5", 1, PCT, "", "points", "", False, "{}個百分點"),  # traditional
    ("3.18個千分點", "3.18", 2, D("0.001"), "", "points", "", False, "{}個千分點"),
    ("2 percentage points", "2", 0, PCT, "", "points", "", False, "{} percentage points"),
    ("3pp", "3", 0, PCT, "", "points", "", False, "{}pp"),
    ("1.5‰", "1.5", 1, D("0.001"), "", "percent", "", False, "{}‰"),
    ("0.75个千分点", "0.75", 2, D("0.001"), "", "points", "", False, "{}个千分点"),
    ("1.37万亿斤", "1.37", 2, D("1E12"), "jin", "measure", "", False, "{}万亿斤"),
    ("50公斤", "50", 0, ONE, "kg", "measure", "", False, "{}公斤"),
    ("30 per cent", "30", 0, PCT, "", "percent", "", False, "{} per cent"),
    ("12 percent", "12", 0, PCT, "", "percent", "", False, "{} percent"),
    ("1.2万亿元", "1.2", 1, D("1E12"), "CNY", "amount", "", False, "{}万亿元"),
    ("3千万元", "3", 0, D("1E7"), "CNY", "amount", "", False, "{}千万元"),
    ("5百万元", "5", 0, D("1E6"), "CNY", "amount", "", False, "{}百万元"),
    ("4千人", "4", 0, D("1E3"), "count", "count", "", False, "{}千人"),
    ("$1.5 billion", "1.5", 1, D("1E9"), "USD", "amount", "", False, "${} billion"),
    ("US$2bn", "2", 0, D("1E9"), "USD", "amount", "", False, "US${}bn"),
    ("€20m", "20", 0, D("1E6"), "EUR", "amount", "", False, "€{}m"),
    ("£3 trillion", "3", 0, D("1E12"), "GBP", "amount", "", False, "£{} trillion"),
    ("HK$5k", "5", 0, D("1E3"), "HKD", "amount", "", False, "HK${}k"),
    ("RMB 100 million", "100", 0, D("1E6"), "CNY", "amount", "", False, "RMB {} million"),
    ("7 thousand", "7", 0, D("1E3"), "", "number", "", False, "{} thousand"),
    ("2.5mn euros", "2.5", 1, D("1E6"), "EUR", "amount", "", False, "{}mn euros"),
    # currencies and measures
    ("¥88", "88", 0, ONE, "CNY", "amount", "", False, "¥{}"),
    ("人民币100亿元", "100", 0, YI, "CNY", "amount", "", False, "人民币{}亿元"),
    ("10亿元人民币", "10", 0, YI, "CNY", "amount", "", False, "{}亿元人民币"),
    ("3.2亿欧元", "3.2", 1, YI, "EUR", "amount", "", False, "{}亿欧元"),
    ("500万日元", "500", 0, WAN, "JPY", "amount", "", False, "{}万日元"),
    ("12英镑", "12", 0, ONE, "GBP", "amount", "", False, "{}英镑"),
    ("8.8亿港元", "8.8", 1, YI, "HKD", "amount", "", False, "{}亿港元"),
    ("40 dollars", "40", 0, ONE, "USD", "amount", "", False, "{} dollars"),
    ("120㎡", "120", 0, ONE, "m2", "measure", "", False, "{}㎡"),
    ("2.3平方公里", "2.3", 1, ONE, "km2", "measure", "", False, "{}平方公里"),
    ("500亩", "500", 0, ONE, "mu", "measure", "", False, "{}亩"),
    ("12公顷", "12", 0, ONE, "hectare", "measure", "", False, "{}公顷"),
    ("3.5万吨", "3.5", 1, WAN, "t", "measure", "", False, "{}万吨"),
    ("1.2亿千瓦时", "1.2", 1, YI, "kWh", "measure", "", False, "{}亿千瓦时"),
    ("5千米", "5", 0, ONE, "km", "measure", "", False, "{}千米"),
    ("五千瓦", "5", 0, ONE, "kW", "measure", "", False, "{}千瓦"),
    ("86公里", "86", 0, ONE, "km", "measure", "", False, "{}公里"),
    ("1.34万册", "1.34", 2, WAN, "count", "count", "", False, "{}万册"),  # volumes of books
    ("40 sq m", "40", 0, ONE, "m2", "measure", "", False, "{} sq m"),
    # qualifiers
    ("超过30%", "30", 0, PCT, "", "percent", "more-than", False, "{}%"),
    ("逾百人", "100", 0, ONE, "count", "count", "more-than", True, "{}人"),
    ("近50%", "50", 0, PCT, "", "percent", "about", False, "{}%"),
    ("约3.5亿元", "3.5", 1, YI, "CNY", "amount", "about", False, "{}亿元"),
    ("大约20家", "20", 0, ONE, "count", "count", "about", True, "{}家"),
    ("将近50户", "50", 0, ONE, "count", "count", "about", True, "{}户"),
    # the same qualifiers in traditional characters
    ("約3.12萬人", "3.12", 2, WAN, "count", "count", "about", False, "{}萬人"),
    ("將近50戶", "50", 0, ONE, "count", "count", "about", True, "{}戶"),
    ("超過30%", "30", 0, PCT, "", "percent", "more-than", False, "{}%"),
    ("未滿18人", "18", 0, ONE, "count", "count", "less-than", True, "{}人"),
    ("100餘人", "100", 0, ONE, "count", "count", "more-than", True, "{}人"),
    ("不到10%", "10", 0, PCT, "", "percent", "less-than", False, "{}%"),
    ("不足5万人", "5", 0, WAN, "count", "count", "less-than", False, "{}万人"),
    ("未满18人", "18", 0, ONE, "count", "count", "less-than", True, "{}人"),
    ("30多个", "30", 0, ONE, "count", "count", "more-than", True, "{}个"),
    ("100余人", "100", 0, ONE, "count", "count", "more-than", True, "{}人"),
    ("30%左右", "30", 0, PCT, "", "percent", "about", False, "{}%"),
    ("5%以下", "5", 0, PCT, "", "percent", "at-most", False, "{}%"),
    ("3年以内", "3", 0, ONE, "years", "count", "at-most", True, "{}年"),
    ("more than 30%", "30", 0, PCT, "", "percent", "more-than", False, "{}%"),
    ("Over 200 km", "200", 0, ONE, "km", "measure", "more-than", False, "{} km"),
    ("at least 5 percent", "5", 0, PCT, "", "percent", "at-least", False, "{} percent"),
    ("about $3 million", "3", 0, D("1E6"), "USD", "amount", "about", False, "${} million"),
    ("approximately 1,200 tonnes", "1200", 0, ONE, "t", "measure", "about", False, "{} tonnes"),
    ("less than 1%", "1", 0, PCT, "", "percent", "less-than", False, "{}%"),
    ("up to 20 pp", "20", 0, PCT, "", "points", "at-most", False, "{} pp"),
    ("30% or more", "30", 0, PCT, "", "percent", "at-least", False, "{}%"),
    ("50 plus", "50", 0, ONE, "", "number", "at-least", False, "{}"),
    ("约30%左右", "30", 0, PCT, "", "percent", "about", False, "{}%"),
    # ranges
    ("3–5万元", "3", 0, WAN, "CNY", "amount", "range", False, "{}万元"),
    ("3-5万元", "3", 0, WAN, "CNY", "amount", "range", False, "{}万元"),
    ("3至5万元", "3", 0, WAN, "CNY", "amount", "range", False, "{}万元"),
    ("3到5.5万元", "3", 1, WAN, "CNY", "amount", "range", False, "{}万元"),
    ("3~5", "3", 0, ONE, "", "number", "range", False, "{}"),
    ("3 to 5 million", "3", 0, D("1E6"), "", "number", "range", False, "{} million"),
    ("between 3 and 5 million", "3", 0, D("1E6"), "", "number", "range", False, "{} million"),
    ("$3–$5 billion", "3", 0, D("1E9"), "USD", "amount", "range", False, "${} billion"),
    ("三至五年", "3", 0, ONE, "years", "count", "range", True, "{}年"),
    # English number words: whole numbers; a last thousand/million/billion is the scale
    ("three months", "3", 0, ONE, "months", "count", "", True, "{} months"),
    ("twenty-five", "25", 0, ONE, "", "number", "", False, "{}"),
    ("Ninety nine", "99", 0, ONE, "", "number", "", False, "{}"),
    ("zero", "0", 0, ONE, "", "number", "", False, "{}"),
    ("two million", "2", 0, D("1E6"), "", "number", "", False, "{} million"),
    ("two hundred thousand", "200", 0, D("1E3"), "", "number", "", False, "{} thousand"),
    ("one million two hundred thousand", "1200000", 0, ONE, "", "number", "", False, "{}"),
    ("$two billion", "2", 0, D("1E9"), "USD", "amount", "", False, "${} billion"),
    ("ten million euros", "10", 0, D("1E6"), "EUR", "amount", "", False, "{} million euros"),
    ("about forty percent", "40", 0, PCT, "", "percent", "about", False, "{} percent"),
    ("between two and five years", "2", 0, ONE, "years", "count", "range", True, "{} years"),
    ("twelve weeks", "12", 0, ONE, "weeks", "count", "", True, "{} weeks"),
]

TABLE = REPORT + MORE


@pytest.mark.parametrize("row", TABLE, ids=[row[0] for row in TABLE])
def test_reads_printed_figures(row: Row) -> None:
    text, number, places, scale, unit, kind, qualifier, exact, template = row
    fig = parse_figure(text)
    assert fig.text == text
    assert fig.number == D(number) and str(fig.number) == str(D(number))
    assert fig.places == places
    assert fig.scale == scale
    assert fig.unit == unit
    assert fig.kind == kind
    assert fig.qualifier == qualifier
    assert fig.exact is exact
    assert fig.template == template


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 60
    assert len({row[0] for row in TABLE}) == len(TABLE)


@pytest.mark.parametrize(
    ("text", "scale_text", "unit_text", "qualifier_text"),
    [
        ("162.24亿元", "亿", "元", ""),
        ("$1.5 billion", " billion", "$", ""),
        ("1.5 billion dollars", " billion", " dollars", ""),
        ("10.6个百分点", "个百分点", "", ""),
        ("10亿元以上", "亿", "元", "以上"),
        ("超30%", "%", "", "超"),
        ("more than 30%", "%", "", "more than"),
        ("3–5万元", "万", "元", "–"),
        ("3 to 5 million", " million", "", "to"),
        ("第三名", "", "第名", ""),
        ("51项", "", "项", ""),
        ("超过30%以上", "%", "", "超过…以上"),
        ("  7.73 亿\n元 ", "亿", "元", ""),
    ],
)
def test_printed_parts(text: str, scale_text: str, unit_text: str, qualifier_text: str) -> None:
    fig = parse_figure(text)
    assert (fig.scale_text, fig.unit_text, fig.qualifier_text) == (
        scale_text,
        unit_text,
        qualifier_text,
    )


def test_strips_surrounding_whitespace() -> None:
    assert parse_figure("  51项\n").text == "51项"


def test_range_ends() -> None:
    fig = parse_figure("3.5-5万元")
    assert (fig.number, fig.upper, fig.places) == (D("3.5"), D("5"), 1)
    assert fig.base == D("35000") and fig.upper_base == D("50000")
    assert parse_figure("51项").upper is None and parse_figure("51项").upper_base is None


def test_base_and_last_place() -> None:
    fig = parse_figure("162.24亿元")
    assert fig.base == D("16224000000")
    assert fig.unit_in_last_place() == D("1E6")
    assert parse_figure("76.5%").unit_in_last_place() == D("0.001")
    assert parse_figure("76.5%").base == D("0.765")
    assert parse_figure("51项").unit_in_last_place() == D(1)


def test_base_is_exact_beyond_default_precision() -> None:
    digits = "1234567890" * 5 + ".123456789"
    fig = parse_figure(digits + "亿元")
    assert fig.base == D("1234567890" * 5 + "12345678.9")


def test_figure_is_frozen() -> None:
    fig = parse_figure("51项")
    with pytest.raises(FrozenInstanceError):
        fig.number = D(2)  # type: ignore[misc]


def test_no_float_anywhere() -> None:
    fig = parse_figure("0.1%")
    assert isinstance(fig.number, Decimal) and isinstance(fig.base, Decimal)
    assert fig.base == D("0.001")  # 0.1 * 0.01 in binary floating point is not this


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("", "empty figure", 0),
        ("   ", "empty figure", 0),
        ("abc", "no digits in the figure", 0),
        ("超", "no digits in the figure", 0),
        ("1e5", "scientific notation is not a printed figure", 1),
        ("1E999999999", "scientific notation is not a printed figure", 1),
        ("2.5e-3%", "scientific notation is not a printed figure", 3),
        ("NaN", "'NaN' is not a printed figure", 0),
        ("-Infinity", "'Infinity' is not a printed figure", 1),
        ("inf", "'inf' is not a printed figure", 0),
        ("1" * 61, "a figure may have at most 60 digits", 0),
        ("约" + "1" * 30 + "." + "2" * 31, "a figure may have at most 60 digits", 1),
        ("1" * 201, "a figure may have at most 200 characters, this one has 201", 200),
        ("  " + "1" * 201, "a figure may have at most 200 characters, this one has 201", 202),
        ("12 apples and", "cannot read 'apples and' after the number", 3),
        ("  12 apples", "cannot read 'apples' after the number", 5),
        ("12,34", "malformed digit grouping in '12,34'", 2),
        ("1,234,56", "malformed digit grouping in '1,234,56'", 5),
        ("1234,567", "malformed digit grouping in '1234,567'", 0),
        ("30，40", "cannot read '，40' after the number", 2),
        ("1.", "cannot read '.' after the number", 1),
        ("5-3", "a range must run from low to high", 2),
        ("约3-5万元", "a range cannot also have the qualifier '约'", 0),
        ("between 3", "'between' needs a range such as 'between 3 and 5'", 0),
        ("5亿万", "two scale words: '亿' and '万'", 2),
        ("5元亿", "the scale word '亿' must come before the unit '元'", 2),
        ("5元项", "two units: '元' and '项'", 2),
        ("5%人", "a '%' figure takes no unit, found '人'", 2),
        ("30%以上左右", "two qualifiers after the number: '以上' and '左右'", 5),
        ("超30%左右", "the qualifiers '超' and '左右' disagree", 4),
        ("$5%", "a currency cannot go with a percent figure", 0),
        ("$5欧元", "the currency '$' does not go with '欧元'", 2),
        ("$5项", "the currency '$' does not go with '项'", 2),
        ("5m", "'m' is read as million only beside a currency", 1),
        ("第0", "a rank must be a whole number from 1 up", 1),
        ("第1.5", "a rank must be a whole number from 1 up", 1),
        ("第1亿", "a rank takes no scale or unit, found '亿'", 2),
        ("13月", "a month must be a whole number from 1 to 12", 0),
        ("十十", "cannot read the Chinese numeral '十十'", 0),
        ("一百二千", "cannot read the Chinese numeral '一百二千'", 0),
        ("超 abc 5", "expected a number, found 'abc 5'", 2),
        ("30-plus", "cannot read '-plus' after the number", 2),
        ("1 234", "cannot read '234' after the number", 2),
        ("No.1", "expected a number, found 'No.1'", 0),
        ("thousand", "no digits in the figure", 0),
        ("a third", "no digits in the figure", 0),
        ("five twenty", "cannot read 'twenty' after the number", 5),
        ("twenty-year", "cannot read '-year' after the number", 6),
        ("nineteen hundred", "cannot read 'hundred' after the number", 9),
        ("three quarters", "cannot read 'quarters' after the number", 6),
        ("someone", "no digits in the figure", 0),
    ],
)
def test_rejects(text: str, message: str, column: int) -> None:
    with pytest.raises(FigureError) as caught:
        parse_figure(text)
    assert caught.value.message == message
    assert caught.value.column == column
    assert isinstance(caught.value, ValueError)


def test_adversarial_inputs_are_fast() -> None:
    nasty = [
        "1," * 100,
        "1" * 200,
        "亿" * 200,
        "一" * 200,
        "十" * 200,
        "一亿" * 100,
        " " * 10_000 + "1" + " " * 10_000,
        "more than " * 20,
        "9" + " " * 199,
        "1-" * 100,
        "1" + " " * 198 + "m",
        "$" * 200,
        "(" * 200,
        "1" * 10_000_000,
    ]
    for text in nasty:
        # Bounded work, counted not timed: a figure read or refused in at most 50 calls a
        # character of the 200 it may have (the ten million digits: refused from the length).
        assert calls(parse_figure, text) <= 50 * MAX_CHARS, text[:40]


@pytest.mark.parametrize(
    ("base", "like", "places", "expected"),
    [
        ("0.7647058", "76.5%", None, "76.5%"),
        ("16224000000", "162.24亿元", None, "162.24亿元"),
        ("16225000000", "162.24亿元", 1, "162.3亿元"),
        ("0.76465", "76.5%", 2, "76.47%"),  # half up, not half even
        ("0.76445", "76.5%", 2, "76.45%"),
        ("-1.2225", "-1.223元", None, "-1.223元"),  # half up away from zero
        ("-0.0004", "76.5%", None, "0.0%"),  # no negative zero
        ("1", "第一", None, "第1"),
        ("1500000000", "$1.5 billion", None, "$1.5 billion"),
        ("1234567.85", "1,234,567.8 yuan", None, "1,234,567.9 yuan"),
        ("1000", "1，234", None, "1,000"),
        ("1000", "1234", None, "1000"),
        ("35000000", "三千五百万", None, "35000000"),
        ("91432300", "9143.23万美元", None, "9143.23万美元"),
        ("0.106", "10.6个百分点", None, "10.6个百分点"),
        ("0.3", "超30%", None, "30%"),
        ("123.4", "１２３．４５％", None, "12340.00％"),
        ("51", "51项", None, "51项"),
        ("1.5E+13", "162.24亿元", 0, "150000亿元"),
    ],
)
def test_format_figure(base: str, like: str, places: int | None, expected: str) -> None:
    assert format_figure(D(base), parse_figure(like), places) == expected


def test_format_figure_rejects_nonsense() -> None:
    like = parse_figure("76.5%")
    with pytest.raises(ValueError):
        format_figure(D("NaN"), like)
    with pytest.raises(ValueError):
        format_figure(D(1), like, -1)
    with pytest.raises(ValueError):
        format_figure(D("1E+999999"), like)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7.73 亿\n元", "7.73亿元"),
        ("１２３．４５％", "123.45%"),
        ("1，234", "1,234"),
        ("\u3000超 30 %\t", "超30%"),
        ("", ""),
    ],
)
def test_figure_digits(text: str, expected: str) -> None:
    assert figure_digits(text) == expected


# --------------------------------------------------------------------------- properties

# Real figures whose way of printing takes any number.
ANY_NUMBER = [
    "162.24亿元",
    "76.5%",
    "9143.23万美元",
    "1.5万平方米",
    "51项",
    "10.6个百分点",
    "$1.5 billion",
    "1,234,567.8 yuan",
    "１２３．４５％",
    "30亿",
    "-1.223元",
    "1.5‰",
    "2 percentage points",
    "RMB 100 million",
    "€20m",
    "10亿元以上",
    "超30%",
    "30 per cent",
    "人民币100亿元",
    "五次",
    "6个月",
    "42",
    "about $3 million",
    "3 tons",
]


def _decimal(magnitude: int, places: int) -> Decimal:
    return Decimal(magnitude).scaleb(-places, context=Context(prec=200))


@given(
    like_text=st.sampled_from(ANY_NUMBER),
    magnitude=st.integers(min_value=-(10**24), max_value=10**24),
    places=st.integers(min_value=0, max_value=8),
)
def test_round_trip(like_text: str, magnitude: int, places: int) -> None:
    like = parse_figure(like_text)
    value = _decimal(magnitude, places)
    printed = format_figure(_times(value, like.scale), like, places)
    again = parse_figure(printed)
    assert again.number == value
    assert again.places == places
    assert (again.scale, again.unit, again.kind) == (like.scale, like.unit, like.kind)


@given(
    case=st.one_of(
        st.tuples(st.just("第一"), st.integers(1, 10**6)),
        st.tuples(st.just("2020年"), st.integers(1000, 9999)),
        st.tuples(st.just("6月"), st.integers(1, 12)),
    )
)
def test_round_trip_exact_kinds(case: tuple[str, int]) -> None:
    like_text, number = case
    like = parse_figure(like_text)
    again = parse_figure(format_figure(D(number), like))
    assert (again.number, again.unit, again.kind, again.exact) == (
        D(number),
        like.unit,
        like.kind,
        True,
    )


def _times(value: Decimal, scale: Decimal) -> Decimal:
    return value.fma(scale, 0, context=Context(prec=400))


SUFFIXES = ["", "%", "亿元", "万美元", "个百分点", "‰", " billion", "项", "万平方米", " thousand"]


@given(
    magnitude=st.integers(min_value=0, max_value=10**60 - 1),
    places=st.integers(min_value=0, max_value=20),
    negative=st.booleans(),
    suffix=st.sampled_from(SUFFIXES),
)
def test_base_is_number_times_scale(
    magnitude: int, places: int, negative: bool, suffix: str
) -> None:
    digits = str(magnitude).rjust(places + 1, "0")
    whole, fraction = digits[: len(digits) - places], digits[len(digits) - places :]
    printed = ("-" if negative else "") + whole + ("." + fraction if places else "") + suffix
    if len(whole + fraction) > 60:
        return
    fig = parse_figure(printed)
    exponent = fig.scale.as_tuple().exponent
    assert isinstance(exponent, int)
    expected = _decimal(-magnitude if negative else magnitude, places - exponent)
    assert fig.base == expected
    assert fig.base == _times(fig.number, fig.scale)
    assert fig.places == places


FIGURISH_PIECES = [
    *"0123456789.,-–~ %‰$¥€£亿万千百十元美项个户人第年月超约以上下多余左右至到",
    *"一二三四五六七八九〇零两，．％１",
    *["billion", "million", "m", "e", "to", "and", "between ", "more than ", "per cent"],
    *["平方米", "百分点", "\n", "\u3000"],
]
FIGURISH = st.lists(st.sampled_from(FIGURISH_PIECES), max_size=30).map("".join)


def _reads_or_rejects(text: str) -> None:
    # Work is bounded, counted not timed (no Hypothesis deadline: tests/conftest.py).
    assert calls(parse_figure, text) <= 50 * MAX_CHARS, text[:40]
    try:
        fig = parse_figure(text)
    except FigureError as error:
        assert isinstance(error.message, str) and error.message
        assert 0 <= error.column <= len(text)
    else:
        assert isinstance(fig, Figure)
        assert isinstance(fig.number, Decimal) and fig.base == _times(fig.number, fig.scale)
        assert fig.template.count("{}") == 1


@given(st.text())
def test_any_text_reads_or_raises_figure_error(text: str) -> None:
    _reads_or_rejects(text)


@settings(max_examples=500)
@given(FIGURISH)
def test_figurish_text_reads_or_raises_figure_error(text: str) -> None:
    _reads_or_rejects(text)


@given(st.text())
def test_figure_digits_is_idempotent(text: str) -> None:
    once = figure_digits(text)
    assert figure_digits(once) == once
    assert not any(c.isspace() for c in once)
