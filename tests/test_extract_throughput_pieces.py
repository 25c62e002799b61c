"""Faster ways of computing what extraction computed before (issue 13: throughput) give
exactly what the plain definitions they replace give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.engine.quotes import fold
from factlint.extract.ids import _SYMBOLS, slug
from factlint.extract.signs import (
    _EN_DECLINE,
    _EN_SIGNED_KINDS,
    _SIGNED_KINDS,
    _ZH_DECLINE,
    _decline,
    declined_kinds,
)
from factlint.extract.tables import cells, lists
from factlint.extract.tables.cells import Piece, is_rule, split_line
from factlint.extract.tables.lists import read_lists
from factlint.extract.tables.ranked import read_ranked
from factlint.extract.tables.reading import _data_line, _split_once, data_lines
from factlint.extract.text import NormalText
from factlint.extract.writer import folded_slice


def _slug_by_characters(text: str) -> str:
    """The definition: each character of the lowered text through the symbols' words,
    kept when it may be part of an identifier, else ``_``; runs of ``_`` as one."""
    out = []
    for char in text.lower().replace("us$", "$").replace("hk$", "hkd_"):
        char = _SYMBOLS.get(char, char)
        out.append(char if ("_" + char).isidentifier() else "_")
    return re.sub(r"_+", "_", "".join(out)).strip("_")


@given(st.text(st.sampled_from("aZ9_ -.%‰$€£¥HKUS固定资产投资ⅣÅİﬁ·٣\u0301\t")))
def test_slug_is_each_character_through_the_symbols_and_identifiers(text: str):
    assert slug(text) == _slug_by_characters(text)


@given(st.text())
def test_slug_of_any_text(text: str):
    assert slug(text) == _slug_by_characters(text)


_TABLE_LINES = st.sampled_from(
    [
        "", "指标        2019      2020", "地区   生产总值   增速(%)", "太原   5121.6   6.2",
        "大同   1526.8   4.8", "| Durham | 1,204 | 12% |", "|---|---|", "Thames Valley   1,204 12%",
        "Lancashire 206", "全年签约项目51项。", "1974  51  139", "2019  2020  2021", "  ",
        "合计\t12\t13", "$  123.3   45.6", "(1,204)   (9.7)%",
    ]
)  # fmt: skip


@given(st.lists(_TABLE_LINES, max_size=30))
def test_lines_printed_again_read_as_when_each_is_read(lines: list[str]):
    assert data_lines(lines) == [_data_line(n, text) for n, text in enumerate(lines, 1)]
    split = _split_once()
    assert data_lines(lines, split) == data_lines(lines)
    assert [split(text) for text in lines] == [split_line(text) for text in lines]


_BEFORE = st.lists(
    st.sampled_from(["下降", "减少", "減產", "回落", "了", " ", "\n", "fell", "Down", "dropped",
                     "a decline of", "DECLINE OF", " by ", "增长", "rose", "of", "x", "5", "%"]),
    max_size=5,
).map(lambda pieces: "".join(pieces)[-24:])  # fmt: skip


@settings(max_examples=1000)
@given(st.one_of(_BEFORE, _BEFORE, _BEFORE, st.text(max_size=24)))
def test_decline_words_found_as_by_the_patterns_alone(before: str):
    said = _ZH_DECLINE.search(before) or _EN_DECLINE.search(before)
    if _ZH_DECLINE.search(before):
        expected = _SIGNED_KINDS
    elif _EN_DECLINE.search(before):
        expected = _EN_SIGNED_KINDS
    else:
        expected = None
    assert declined_kinds(before) == expected
    # decline_start's word: where the first pattern that matches finds it
    found = _decline(before)
    assert (found and found[0].span()) == (said and said.span())


_LIST_LINES = st.sampled_from(
    [
        "", "Spending £m", "Staff  12.5", "Premises  3.1", "Transport", "4.0",
        "Total spending  19.6",
        "Net requirement | 23.7 |", "Expenditure Adjustments", "合计  45", "工资  12", "|---|",
        "Income\t-2.5", "The council set its budget.", "Staff  12.5  13.0",
    ]
)  # fmt: skip


@given(st.lists(_LIST_LINES, max_size=24))
def test_lists_read_with_lines_split_once_as_with_each_split_again(lines: list[str]):
    assert read_lists(lines, _split_once()) == read_lists(lines)
    assert read_ranked(lines, _split_once()) == read_ranked(lines)


class _EveryLineAgain(lists._Reader):
    """The definition: each line read again whenever a list looks at it."""

    def skip(self, text: str) -> bool:
        return not text.strip() or is_rule(text)

    def item(self, text: str) -> tuple[str, Piece] | None:
        return lists._item(text)

    def label(self, text: str) -> str | None:
        return lists._label_of(text)

    def figure(self, text: str) -> Piece | None:
        return lists._lone_figure(text)


@given(st.lists(_LIST_LINES, max_size=24))
def test_list_lines_read_once_as_when_read_again(lines: list[str]):
    once, again = lists._Reader(_split_once()), _EveryLineAgain(split_line)
    for start in range(len(lines)):
        assert lists._run(lines, start, once) == lists._run(lines, start, again)


@given(st.text(st.sampled_from("a1 ,.%\t\n\x1c\x85\xa0\u2003\u3000\u200b漢")))
def test_a_lines_last_token_by_rsplit_is_its_last_run_of_non_spaces(text: str):
    """read_flat looks at a line's last token before reading its tokens (``\\S+``)."""
    tokens = re.findall(r"\S+", text)
    assert text.rsplit(None, 1)[-1:] == tokens[-1:]


@settings(max_examples=60, deadline=None)
@given(
    st.text(st.sampled_from("ab 1２%％，。\n\t\u3000\u2003\x85漢字.,"), max_size=40),
    st.integers(0, 45),
    st.integers(0, 45),
)
def test_a_quote_folded_from_the_flat_text_is_the_shown_text_folded(text: str, a: int, b: int):
    """quote_of folds its candidate quotes from ``flat`` (the full-width forms already
    folded), dropping only the spaces."""
    normal = NormalText.of(text)
    assert folded_slice(normal, a, b) == fold(normal.shown[a:b].strip())


def _split_by_searching(line: str, header: bool) -> list[Piece]:
    """The definition: split_line with every line's cells found by ``_WIDE_GAP``."""
    if line.count("|") >= 2 or "\t" in line:
        return split_line(line, header=header)  # the separators' own paths, unchanged
    line = cells._SIGN_APART.sub(lambda m: " " * len(m.group(0)), line)
    line = cells._PLUS_APART.sub(lambda m: " " * (len(m.group(0)) - 1) + "+", line)
    pieces: list[Piece] = []
    for match in cells._WIDE_GAP.finditer(line, 0, cells._cells_end(line)):
        if header:
            pieces.append(Piece(match.group(0), match.start() + 1))
        else:
            pieces.extend(cells._numbers_apart(match.group(0), match.start() + 1))
    return pieces


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(["a", "1", " ", "  ", "$", "+", ",", ".5", "%", "r", "\u3000"])).map(
        "".join
    ),
    st.sampled_from(["", "\u2003", "\x85", "\n", "\n1", " \n1", "\x0b"]),
    st.booleans(),
)
def test_a_line_with_no_gap_splits_as_by_searching_for_gaps(text: str, end: str, header: bool):
    """split_line takes a line with no gap (most lines: prose) as one chunk without the
    lazy search for gaps, which tries every character."""
    line = text + end
    assert split_line(line, header=header) == _split_by_searching(line, header)
