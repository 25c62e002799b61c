"""Linking mentions into facts: repeats join, equal numbers of different things never do."""

from __future__ import annotations

from factlint.extract.linking import Linkable, link
from factlint.extract.pipeline import extract_text
from work import calls


def facts_of(source: str) -> dict[str, list[int]]:
    """Fact value → the lines of its mentions, for facts printed more than once."""
    out: dict[str, list[int]] = {}
    for fact in extract_text(source).facts:
        out.setdefault(fact.value, []).append(len(fact.mentions))
    return out


def grouped(source: str) -> list[list[tuple[int, str]]]:
    return [[(m.line, m.text) for m in f.mentions] for f in extract_text(source).facts]


def test_a_sidebar_repeating_the_body_is_one_fact_per_quantity() -> None:
    body = "全区进出口总额累计完成7.73亿元，同比增长26.4%，总量位于全市第一。"
    sidebar = "进出口总\n额累计完成 7.73 亿\n\n元，同比增长 26.4%，总量位于全市第一。"
    groups = grouped(f"{body}\n\n{sidebar}\n")
    assert groups == [
        [(1, "7.73亿元"), (4, "7.73亿元")],
        [(1, "26.4%"), (6, "26.4%")],
        [(1, "第一"), (6, "第一")],
    ]


def test_equal_counts_of_different_things_stay_apart() -> None:
    source = (
        "总投资844.62亿元的43个项目集中签约。\n\n全年有进出口实绩企业43户，外资企业达到35户。\n"
    )
    assert [len(g) for g in grouped(source)] == [1, 1, 1, 1]


def test_equal_rates_of_different_subjects_stay_apart() -> None:
    source = (
        "全市实现社会消费品零售总额253.08亿元，同比增长5.5%。"
        "按经营单位所在地分，城镇消费品零售额176.74亿元，增长5.5%。"
    )
    rates = [g for g in grouped(source) if g[0][1] == "5.5%"]
    assert len(rates) == 2


def test_a_rate_follows_the_link_of_its_subject() -> None:
    source = (
        "其中，第一产业实现增加值72.61亿元，同比增长3.8%。\n一、农业\n"
        "前三季度全区实现第一产业增加值72.61亿元，同比增长3.8%。"
    )
    assert [len(g) for g in grouped(source)] == [2, 2]


def test_the_same_phrase_with_the_same_value_in_one_paragraph_is_not_enough() -> None:
    source = (
        "The price index for gross domestic purchases increased 1.8 percent, compared with an "
        "increase of 0.9 percent. Excluding food and energy prices, the PCE price index "
        "increased 1.4 percent, compared with an increase of 0.9 percent."
    )
    rates = [g for g in grouped(source) if g[0][1] == "0.9 percent"]
    assert len(rates) == 2


def test_among_the_51_projects_refers_back_to_51_projects() -> None:
    source = "全年签约项目51项，投资额427.3亿元。51 个项目中，六新项目39项，占比76.5%。"
    assert grouped(source)[0] == [(1, "51项"), (1, "51个")]


def test_every_printed_year_is_one_fact() -> None:
    source = "2020年，全区增长。\n\n回顾2020年：2019年认定的企业。\nIn 2020, sales rose."
    years = {g[0][1]: len(g) for g in grouped(source) if "20" in g[0][1]}
    assert years == {"2020年": 2, "2019年": 1, "2020": 1}


def _linkables(copies: int) -> list[Linkable]:
    source = "\n\n".join(["进出口总额累计完成7.73亿元，同比增长26.4%。"] * copies)
    return [Linkable(f.context, f.section, f.sentence) for f in extract_text(source).found]


def test_linking_is_linear_not_pairwise() -> None:
    """A long report repeating one value: linking files mentions in an index and never
    compares pairs (all pairs of 4,000 mentions would be 8 million comparisons)."""
    small, large = _linkables(500), _linkables(2000)
    assert len(link(large)) == 2  # one fact for the amount, one for its growth
    work = calls(link, small), calls(link, large)  # counted, not timed
    assert work[1] < 5 * work[0], work  # 4 times the mentions: not 16 times
