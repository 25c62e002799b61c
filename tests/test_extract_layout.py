"""Sections by layout, labels and kinds from context, ids from labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.extract.figures_in_text import find_figures
from factlint.extract.ids import fact_ids, slug
from factlint.extract.labels import contexts
from factlint.extract.sections import Section, detect_sections, section_of
from factlint.extract.text import NormalText

ROOT = Path(__file__).resolve().parent.parent


def test_the_first_report_splits_as_its_curated_facts_file_says() -> None:
    sections = detect_sections((ROOT / "facts" / "jinzhong-2020.txt").read_text(encoding="utf-8"))
    assert [(s.name, s.first, s.last) for s in sections] == [
        ("sidebar-1", 2, 12), ("sidebar-2", 14, 34), ("sidebar-3", 36, 48),
        ("sidebar-4", 50, 76), ("sidebar-5", 77, 109), ("headline", 111, 117),
        ("lead", 119, 132), ("body", 134, 307), ("sidebar-6", 308, 324),
        ("sidebar-7", 326, 344), ("sidebar-8", 346, 364), ("sidebar-9", 366, 380),
        ("captions", 382, 385),
    ]  # fmt: skip


def test_a_web_page_has_a_headline_a_body_and_captions() -> None:
    paragraph = "全年国内生产总值达到99.1万亿元,增长6.1%。" * 8
    source = f"政府工作报告\n——2020年5月22日\n\n{paragraph}\n\n{paragraph}\n责任编辑:李虹\n"
    assert detect_sections(source) == [
        Section("headline", 1, 2),
        Section("body", 4, 6),
        Section("captions", 7, 7),
    ]


def test_a_column_of_double_spaced_narrow_lines_is_a_sidebar() -> None:
    column = "\n\n".join(["示范区晋中开", "发区实施人才", "战略，引进", "人才41人。"])
    body = "\n".join(["这是一篇文章的正文，行宽相同，" * 2] * 10)
    sections = detect_sections(f"{column}\n\n{body}\n")
    assert [s.name for s in sections] == ["sidebar-1", "body"]
    assert section_of(sections, 3) == "sidebar-1" and section_of(sections, 12) == "body"


def labelled(source: str) -> list[tuple[str, str, str, str]]:
    text = NormalText.of(source)
    return [(c.spot.text, c.label, c.kind, c.framing) for c in contexts(text, find_figures(text))]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "固定资产投资累计完成162.24亿元，同比增长10.6%，在全市占比19.61%。",
            [
                ("162.24亿元", "固定资产投资", "amount", "累计完成"),
                ("10.6%", "固定资产投资同比增长", "growth", ""),
                ("19.61%", "固定资产投资在全市占比", "share", ""),
            ],
        ),
        (
            "2019年认定的46户高新技术企业、2户省级研发机构。",
            [
                ("2019年", "日期", "date", ""),
                ("46户", "高新技术企业", "count", ""),
                ("2户", "省级研发机构", "count", ""),
            ],
        ),
        (
            "投资额427.3亿元，完成230亿元目标任务的185%。",
            [
                ("427.3亿元", "投资额", "amount", ""),
                ("230亿元", "目标任务", "amount", "目标"),
                ("185%", "目标任务", "share", ""),
            ],
        ),
        (
            "The unemployment rate fell by 0.4 percentage point to 6.3 percent in January.",
            [
                ("0.4 percentage point", "unemployment rate", "growth", ""),
                ("6.3 percent", "unemployment rate", "percent", ""),
            ],
        ),
        (
            "Operating income of $55.0 million or 8.1% of sales.",
            [
                ("$55.0 million", "Operating income", "amount", ""),
                ("8.1%", "sales", "percent", ""),
            ],
        ),
    ],
)
def test_labels_kinds_and_framings(source: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert labelled(source) == expected


def test_ids_are_readable_unique_and_avoid_taken_ones() -> None:
    ids = fact_ids(
        [
            ("固定资产投资", "amount", "162.24亿元"),
            ("net sales", "amount", "$2.8 billion"),
            ("同比增长", "growth", "10.6%"),
            ("同比增长", "growth", "26.4%"),
            ("日期", "date", "4月"),
            ("日期", "date", "4月"),
            ("", "number", "3"),
        ],
        taken=["固定资产投资"],
    )
    assert ids == [
        "固定资产投资_162_24亿元", "net_sales", "同比增长_10_6pct", "同比增长_26_4pct",
        "month_4", "month_4_2", "number_3",
    ]  # fmt: skip
    assert all(i.isidentifier() for i in ids)
    assert slug("US$ 1.5 billion (net)") == "usd_1_5_billion_net"
