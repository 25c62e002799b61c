"""The fast reader of common figures gives exactly the general reader's figures."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.figures_in_text import find_figures
from factlint.extract.text import NormalText
from factlint.numbers.fast_figures import COMMON, CommonFigures, _number_class
from factlint.numbers.figure_value import figure_of_class
from factlint.numbers.figures import (
    MAX_DIGITS,
    Figure,
    FigureError,
    figure_words,
    parse_figure,
    read_figure,
)

ROOT = Path(__file__).resolve().parent.parent


def _general(text: str) -> Figure | None:
    try:
        return read_figure(text)
    except FigureError:
        return None


def _same(fast: Figure, general: Figure) -> bool:
    """Equal as figures, and in what equality leaves out (a Decimal's exponent, the base
    and the radius computed from them)."""
    return (
        fast == general
        and str(fast.number) == str(general.number)
        and str(fast.base) == str(general.base)
        and str(fast.radius) == str(general.radius)
    )


def _assert_agree(reader: CommonFigures, text: str) -> bool:
    """The fast figure of ``text`` (if it takes it) is the general one; True if taken."""
    fast = reader.read(text)
    general = _general(text)
    if fast is None:
        return False
    assert general is not None, f"{text!r}: fast read {fast}, the general reader refuses it"
    assert _same(fast, general), f"{text!r}:\n fast    {fast}\n general {general}"
    return True


_WORDS = figure_words()
_SUFFIX_WORDS = sorted(set(_WORDS["suffix"]))
_ODD = ["", " ", "  ", "\u3000", "％", "亿", "万", "年", "月", "名", "-", "e", "x", "十", "万亿元"]


@st.composite
def _numbers(draw: st.DrawFn) -> str:
    sign = draw(st.sampled_from(["", "", "", "-", "+", "\u2212"]))
    whole = draw(st.from_regex(r"[0-9]{1,16}", fullmatch=True))
    if draw(st.booleans()) and len(whole) > 3:
        head, rest = len(whole) % 3 or 3, whole
        groups = [rest[:head]] + [rest[i : i + 3] for i in range(head, len(rest), 3)]
        whole = ",".join(groups)
    if draw(st.booleans()):
        whole += "." + draw(st.from_regex(r"[0-9]{1,6}", fullmatch=True))
    return sign + whole


_suffixes = st.lists(st.sampled_from(_SUFFIX_WORDS + _ODD), min_size=0, max_size=3).map(
    "".join
) | st.text(alphabet="亿万元年月% .,个项人millionbnyuan十", max_size=6)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(suffix=_suffixes, numbers=st.lists(_numbers(), min_size=1, max_size=5))
def test_generated_spellings_read_as_the_general_reader_reads_them(
    suffix: str, numbers: list[str]
) -> None:
    reader = CommonFigures(read_figure, MAX_DIGITS)  # classes learnt from these texts only
    for number in numbers:
        _assert_agree(reader, number + suffix)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    text=st.from_regex(
        r"[-+]?[0-9,]{1,12}(\.[0-9]{0,4})?[亿万元%年月项 a-z.,]{0,5}", fullmatch=True
    )
)
def test_near_common_spellings_are_read_alike_or_left_to_the_general_reader(text: str) -> None:
    reader = CommonFigures(read_figure, MAX_DIGITS)
    _assert_agree(reader, text)
    _assert_agree(reader, text)  # the second time from the class learnt the first


def _real_spellings() -> list[str]:
    found: set[str] = set()
    for path in (ROOT / "tests" / "data").rglob("*.tsv"):
        with path.open(encoding="utf-8") as handle:
            for row in csv.reader(handle, delimiter="\t"):
                found.update(cell for cell in row[2:3] if cell)
    value = re.compile(r"""\bvalue: *["']?([^"'\n,}]+)""")
    for pattern in ("facts/*.yaml", "tests/data/**/*.yaml", "tests/data/**/*.jsonl"):
        for path in ROOT.glob(pattern):
            found.update(m.strip() for m in value.findall(path.read_text(encoding="utf-8")))
    for pattern in ("facts/*.txt", "tests/data/extract/*.txt"):
        for path in ROOT.glob(pattern):
            text = NormalText.of(path.read_text(encoding="utf-8"))
            found.update(spot.text for spot in find_figures(text))
    return sorted(found)


def test_real_spellings_read_as_the_general_reader_reads_them() -> None:
    spellings = _real_spellings()
    assert len(spellings) > 400
    shared = CommonFigures(read_figure, MAX_DIGITS)
    taken = sum(_assert_agree(shared, text) for text in spellings)
    taken_again = sum(_assert_agree(shared, text) for text in reversed(spellings))
    # Most real figures are common: the fast path must take them, not only agree.
    assert taken > len(spellings) // 2 and taken_again >= taken


def test_parse_figure_takes_the_fast_path_and_errors_stay_the_general_readers() -> None:
    assert parse_figure("7,009,900.50元") == read_figure("7,009,900.50元")
    assert parse_figure("2020年").kind == "date" and parse_figure("7年").kind == "count"
    for broken in ("13月", "1,23元", "5m", "12.5.3%"):
        try:
            read_figure(broken)
        except FigureError as general:
            try:
                parse_figure(broken)
            except FigureError as error:
                assert (error.message, error.column) == (general.message, general.column)
            else:
                raise AssertionError(f"{broken!r} read by parse_figure")
        else:
            raise AssertionError(f"{broken!r} read by the general reader")


def test_a_class_that_depends_on_the_number_is_not_taken() -> None:
    reader = CommonFigures(read_figure, MAX_DIGITS)
    assert reader.read("2020年").kind == "date"  # type: ignore[union-attr]
    assert reader.read("1987年").kind == "date"  # type: ignore[union-attr]
    assert reader.read("0999年").kind == "count"  # type: ignore[union-attr]
    assert reader.read("13月") is None  # no month: the general reader words the error
    assert reader.read("11月").kind == "date"  # type: ignore[union-attr]


class _ByPattern(CommonFigures):
    """The reader as it was before it took texts apart by hand: ``COMMON`` matched."""

    _pattern = re.compile(COMMON)

    def read(self, text: str) -> Figure | None:
        match = self._pattern.match(text)
        if match is None:
            return None
        sign, printed, fraction, suffix = match.groups()
        places = len(fraction) if fraction else 0
        grouped = "," in printed
        digits = printed.replace(",", "") if grouped else printed
        if len(digits) - (places > 0) > self.max_digits:
            return None
        number = Decimal(digits)
        if not number:
            number, number_class = number.copy_abs(), "other0"
        else:
            if sign and sign != "+":
                number = number.copy_negate()
            number_class = _number_class(digits, grouped, places, number)
        key = (suffix or "", places, number_class)
        if key not in self.prototypes:
            return self._first_of_class(key, text, number)
        prototype = self.prototypes[key]
        return None if prototype is None else figure_of_class(prototype, text, number)


_TRICKY = "0123456789,.,.-+\u2212１２，．。 \u3000\n元万亿%年月个a"
# Classes learnt first, so that a text taken apart wrongly would be read from one.
_LEARNT = ["7元", "1,234元", "12.5元", "1,234.56元", "3万元", "45%", "7", "1.5", "123,456",
           "2020年", "11月", "7个", "-5元", "\u22125.5元", "+8", "0元", "15 个",
           "12.5 %"]  # fmt: skip


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(texts=st.lists(st.text(alphabet=_TRICKY, max_size=14), min_size=1, max_size=6))
def test_texts_taken_apart_by_hand_as_the_pattern_takes_them(texts: list[str]) -> None:
    by_hand, by_pattern = CommonFigures(read_figure, 12), _ByPattern(read_figure, 12)
    for text in _LEARNT + texts + texts:  # the second time from the classes learnt
        fast, reference = by_hand.read(text), by_pattern.read(text)
        assert (fast is None) == (reference is None), text
        if fast is not None and reference is not None:
            assert _same(fast, reference), text


def test_texts_the_pattern_refuses_are_refused() -> None:
    reader = CommonFigures(read_figure, MAX_DIGITS)
    assert all(reader.read(text) is not None for text in _LEARNT)
    for text in ("", "-", "+-5元", "5.元", ".5元", "1,23元", "1234,567元", "1,234,5元",
                 "1.2.3元", "1.2,3元", "5元3", "5元 ", "5，3元", "5．3元", "5。", "5１元",
                 "--5"):  # fmt: skip
        assert re.match(COMMON, text) is None, text
        assert reader.read(text) is None, text
