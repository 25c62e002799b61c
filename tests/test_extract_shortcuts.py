"""The shortcuts that keep ``factlint extract`` linear and quick give what the plain code
they replace gives (issue 13; the speed itself is measured by
``benchmarks/extract_scaling.py``, and whole outputs are compared by
``benchmarks/extract_identical.py``)."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import example, given
from hypothesis import strategies as st

from factlint.extract import figures_in_text, labels, sections
from factlint.extract.figures_in_text import _before_spaces
from factlint.extract.marks import last_word as _last_word
from factlint.extract.pipeline import extract_text
from factlint.extract.tables import ranked
from factlint.extract.tables.cells import Piece, _numbers_apart, is_number, split_line
from factlint.extract.tables.units import _EMPTY, is_empty_cell
from factlint.extract.text import NormalText, is_wide
from factlint.extract.writer import _QUOTE_STOP, _QUOTE_STOPS, _Neighbours

# spaces of several kinds (str.isspace and re's \s agree on them), digits, marks, letters
_TEXTS = st.text(alphabet=st.sampled_from("ab1 .,\n\t\u3000\u00a0\u2028-%n/x元"), max_size=40)


@given(_TEXTS, st.integers(min_value=0, max_value=45))
def test_the_word_before_a_full_stop_is_read_back_from_it(text: str, index: int) -> None:
    index = min(index, len(text))
    expected = text[:index].rsplit(None, 1)[-1] if text[:index].strip() else ""
    assert _last_word(text, index) == expected


@given(_TEXTS, st.integers(min_value=0, max_value=45))
def test_the_character_before_spaces_is_read_back_from_the_figure(text: str, index: int) -> None:
    index = min(index, len(text))
    assert _before_spaces(text, index) == text[:index].rstrip(" ")[-1:]


@given(st.text(max_size=6) | st.sampled_from(sorted(_EMPTY)).map(lambda t: f" {t.upper()} "))
def test_an_empty_cell_is_known_without_lowering_long_texts(text: str) -> None:
    assert is_empty_cell(text) == (text.strip().lower() in _EMPTY)


def _numbers_apart_by_every_word(chunk: str, column: int) -> list[Piece]:
    """``_numbers_apart`` as it was: every word read, the last ones tried as numbers."""
    words = [(m.group(0), column + m.start()) for m in re.finditer(r"\S+", chunk)]
    split = len(words)
    while split > 0 and (is_number(words[split - 1][0]) or is_empty_cell(words[split - 1][0])):
        split -= 1
    if split == len(words) or (split == 0 and len(words) == 1):
        return [Piece(chunk, column)]
    pieces = [Piece(chunk[: words[split - 1][1] - column + len(words[split - 1][0])], column)]
    pieces = pieces if split else []
    return pieces + [Piece(text, at) for text, at in words[split:]]


@given(
    st.lists(
        st.sampled_from(["达州市", "Thames", "Valley", "12.9%", "527.3", "1,204", "-", "n/a"]),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([" ", "\u00a0", " \u2028"]),
)
def test_a_chunk_of_running_text_is_one_cell_as_before(words: list[str], space: str) -> None:
    chunk = space.join(words)
    assert _numbers_apart(chunk, 3) == _numbers_apart_by_every_word(chunk, 3)


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=40))
def test_a_line_without_a_digit_has_no_number_cell(line: str) -> None:
    # why tables.reading._data_line drops such a line before splitting it
    assert not any(piece.numeric for piece in split_line(line))


@given(st.text(alphabet=st.sampled_from("。！？!?；;\n,ab 12元"), max_size=30))
def test_the_stops_around_a_quote_are_found_by_bisection(text: str) -> None:
    extraction = extract_text(text)
    neighbours = _Neighbours(extraction)
    shown = extraction.text.shown
    for start in range(len(shown) + 1):
        for end in range(start, len(shown) + 1):
            last = max(shown.rfind(stop, start, end) for stop in _QUOTE_STOPS)
            assert neighbours.last_stop(start, end) == last
            first = _QUOTE_STOP.search(shown, start, end)
            assert neighbours.first_stop(start, end) == (first.start() if first else None)


def _entities_prefix_by_prefix(masked: str) -> tuple[str, ...]:
    """``labels._entities`` as it was: every clause's prefixes counted one by one."""
    counts: Counter[str] = Counter()
    for match in re.finditer(r"[，,。；;：:]|^", masked):
        head = masked[match.end() : match.end() + labels._ENTITY_MAX]
        wide = 0
        for char in head:
            if not (is_wide(char) and char.isalnum()):
                break
            wide += 1
        if wide >= labels._ENTITY_MIN:
            counts.update([head[:length] for length in range(labels._ENTITY_MIN, wide + 1)])
    repeated = [
        p
        for p, n in counts.items()
        if n >= labels._ENTITY_REPEATS and not labels._WIDE_CUE.search(p)
    ]
    extended = {q[:length] for q in repeated for length in range(1, len(q))}
    longest = [p for p in repeated if p not in extended]
    longest.sort(key=lambda p: (-counts[p], -len(p), p))
    return tuple(sorted(longest[: labels._MAX_ENTITIES], key=len, reverse=True))


@given(
    st.lists(
        st.sampled_from(["示范区晋中开发区", "晋中开发区", "示范区", "全年", "投资#亿元", "a b"]),
        max_size=30,
    ),
    st.lists(st.sampled_from("，,。；;：:\n"), min_size=30, max_size=30),
    st.sampled_from(["", "，", "；示范区晋中开发区"]),
)
def test_the_repeated_entities_are_counted_run_by_run_as_prefix_by_prefix(
    phrases: list[str], marks: list[str], opening: str
) -> None:
    masked = opening + "".join(phrase + mark for phrase, mark in zip(phrases, marks, strict=False))
    assert labels._entities(masked) == _entities_prefix_by_prefix(masked)


@given(st.text(alphabet=st.sampled_from("ab 1元，\u3000é“”\t"), max_size=30))
def test_a_lines_width_counts_wide_characters_twice(line: str) -> None:
    assert sections._width(line) == sum(2 if is_wide(c) else 1 for c in line.strip())


def _flat_space_by_space(source: str) -> tuple[str, str, list[int]]:
    """``NormalText.of`` as it was: every whitespace run read, capitals lowered one by one.
    Returns flat, lower and the source offset of every flat character."""
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in re.finditer(r"\s+", source):
        start, end = match.span()
        pieces.append(source[position:start])
        offsets += range(position, start)
        before = source[start - 1] if start > 0 else ""
        after = source[end] if end < len(source) else ""
        if before and after and not is_wide(before) and not is_wide(after):
            pieces.append("\n" if "\n" in match.group() else " ")
            offsets.append(start)
        position = end
    pieces.append(source[position:])
    offsets += range(position, len(source))
    shown = "".join(pieces)
    flat = re.sub("[\uff01-\uff5e]", lambda m: chr(ord(m.group()) - 0xFEE0), shown)
    return flat, re.sub("[A-Z]+", lambda m: m.group().lower(), flat), offsets


@given(st.text(alphabet=st.sampled_from("aZ1. \n\n\t\r\u3000元，ÄİＡ\ud800\x1c"), max_size=40))
def test_the_flat_text_skips_single_spaces_between_ascii_as_before(source: str) -> None:
    text = NormalText.of(source)
    flat, lower, offsets = _flat_space_by_space(source)
    assert (text.flat, text.lower) == (flat, lower)
    assert [text.source_offset(index) for index in range(len(flat))] == offsets
    for line in range(1, len(text.line_starts) + 2):
        offset = text.line_starts[line - 1] if line <= len(text.line_starts) else len(source)
        assert text.index_of_line(line) == sum(1 for at in offsets if at < offset)


@given(
    st.lists(
        st.sampled_from(
            ["twenty-five", "one", "zero", "Nine", "x", " ", "1,204", ".5", "十三", "a"]
        )
        | st.text(alphabet=st.sampled_from("0123456789.,一十aefnostz- "), max_size=5),
        max_size=12,
    )
)
def test_number_cores_are_found_where_the_pattern_without_the_lookahead_finds_them(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    plain = re.compile(figures_in_text._CORE_PATTERN)
    assert [m.span() for m in figures_in_text._CORE.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


_TOWNS = ["Towns ranked by rate", "Town  Rate", "Ashby 12", "Barton 15", "Cleve 14",
          "Dunham 19", "Eston 23", "Fulwell 25", "County 16"]  # fmt: skip


def _ranked_reading_every_line_again(lines: list[str]) -> list[object]:
    """``tables.ranked.read_ranked`` as it was: each line's item read whenever it is
    looked at."""
    tables: list[object] = []
    index = 0
    while index < len(lines):
        rows: list[tuple[int, str, str, int]] = []
        header = ""
        at = index
        while at < len(lines):
            item = ranked._item(lines[at])
            if item is not None:
                rows.append((at + 1, *item))
            elif rows and header and lines[at].strip() == header:
                pass
            elif not rows and lines[at].strip() and not header:
                header = lines[at].strip()
            elif rows or lines[at].strip():
                break
            at += 1
        if len(rows) >= ranked.MIN_ROWS and ranked._ranked_above(lines, rows[0][0] - 1):
            tables.append(ranked._table(rows, header))
        index = max(at, index + 1) if rows else index + 1
    return tables


@given(
    st.lists(
        st.sampled_from(
            ["Towns ranked by rate", "Town  Rate", "Ashby 12", "Barton 15", "Cleve 14",
             "Dunham 19", "Eston 23", "", "排名", "Fulwell   25", "a b", "12"]
        ),
        max_size=25,
    )
)  # fmt: skip
@example([*_TOWNS[:5], "a b", "Towns ranked", *_TOWNS[5:8], *_TOWNS[2:4]])
def test_a_ranked_list_is_read_as_when_every_line_was_read_again(lines: list[str]) -> None:
    assert ranked.read_ranked(lines) == _ranked_reading_every_line_again(lines)


def test_the_ranked_example_is_a_table() -> None:
    tables = ranked.read_ranked(_TOWNS)
    assert len(tables) == 1 and tables == _ranked_reading_every_line_again(_TOWNS)
