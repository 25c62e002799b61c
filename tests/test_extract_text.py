"""The searchable text: whitespace folded as PDF text needs, places kept exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract.text import NormalText


@pytest.mark.parametrize(
    ("source", "flat"),
    [
        ("7.73 亿\n\n元", "7.73亿元"),
        ("示 范 区", "示范区"),
        ("net  sales of\t$5 million", "net sales of $5 million"),
        ("１２．５％", "12.5%"),
        ("rose 5\npercent", "rose 5\npercent"),
        ("  leading and trailing  ", "leading and trailing"),
    ],
)
def test_flat_text(source: str, flat: str) -> None:
    assert NormalText.of(source).flat == flat


def test_shown_keeps_the_printed_characters_and_lower_folds_ascii() -> None:
    text = NormalText.of("Ｎｅｔ 销售额")
    assert text.shown == "Ｎｅｔ销售额" and text.flat == "Net销售额" and text.lower == "net销售额"


def test_every_flat_character_maps_back_to_its_line_and_column() -> None:
    source = "首行\n 2020 年，\n\n投资 7.73 亿\n\n元"
    text = NormalText.of(source)
    assert text.line_column(text.flat.index("2")) == (2, 2)
    assert text.line_column(text.flat.index("元")) == (6, 1)
    assert text.line_of(text.flat.index("投")) == 4
    assert text.index_of_line(4) == text.flat.index("投")


@given(st.text(alphabet=st.sampled_from("ab 1元\n\t　，"), max_size=60))
def test_the_map_is_exact_for_any_text(source: str) -> None:
    text = NormalText.of(source)
    lines = source.split("\n")
    for index, char in enumerate(text.shown):
        line, column = text.line_column(index)
        printed = (lines[line - 1] + "\n")[column - 1]  # a kept line break is its line's end
        assert printed == char or (char in " \n" and printed.isspace())
