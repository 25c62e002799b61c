"""Rates a statistical report defines by the figures beside them (自然增长率, 性别比,
城镇化率, 城乡居民收入比): the definition is the relation, asserted (issue 11). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def defined(text: str) -> list[tuple[str, str]]:
    """(status, stated rate) of each rate checked against its definition."""
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.kind == "definition" and r.is_asserted
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年出生率为8.75‰，死亡率为7.15‰，人口自然增长率为1.60‰。", [(HOLDS, "1.60‰")]),
        ("全年出生率为8.75‰，死亡率为7.15‰，人口自然增长率为1.70‰。", [(MISMATCH, "1.70‰")]),
        (
            "全年出生人口1.8万人，出生率为8.75‰；死亡人口1.5万人，死亡率为7.15‰。人口自然增长率为1.60‰。",
            [(HOLDS, "1.60‰")],
        ),
        # men per 100 women: 52.1 / 49.6 × 100 = 105.04
        (
            "年末户籍人口101.7万人，其中男性52.1万人，女性49.6万人，性别比为105.04。",
            [(HOLDS, "105.04")],
        ),
        (
            "年末户籍人口101.7万人，其中男性52.1万人，女性49.6万人，性别比为95.20。",
            [(MISMATCH, "95.20")],
        ),
        ("年末常住人口250万人，其中城镇人口140万人，城镇化率为56.0%。", [(HOLDS, "56.0%")]),
        ("年末常住人口250万人，其中城镇人口140万人，城镇化率为58.0%。", [(MISMATCH, "58.0%")]),
        (
            "城镇居民人均可支配收入38500元，农村居民人均可支配收入17500元，城乡居民收入比为2.20。",
            [(HOLDS, "2.20")],
        ),
    ],
)
def test_a_rate_against_its_definition(text: str, expected: list[tuple[str, str]]) -> None:
    assert defined(text) == expected


def test_an_urban_population_printed_before_the_population_is_another_ones() -> None:
    # 城镇人口 of the registered population, then the resident population and its rate
    text = "户籍人口90万人，其中城镇人口40万人。年末常住人口80万人，城镇化率为62.0%。"
    assert defined(text) == []


def test_a_change_of_a_rate_is_not_the_rate() -> None:
    # 出生率比上年下降0.3个千分点 is a change, not the birth rate
    text = "出生率比上年下降0.30个千分点，死亡率为7.15‰，人口自然增长率为1.60‰。"
    assert defined(text) == []
