"""The sync check: quotes found in PDF text despite stray spaces and broken lines."""

from __future__ import annotations

from pathlib import Path

import pytest

import factlint
from factlint.engine.quotes import FoldedText, figure_offset, fold

TEXT = "第一行\n固定资产投资\n\n累计完成 162.24亿\n\n元，同比增长１０.6％\n"


def test_fold_drops_whitespace_and_folds_full_width() -> None:
    assert fold(" 7.73 亿\n\n元 ") == "7.73亿元"
    assert fold("１０.6％") == "10.6%"


def test_every_character_keeps_its_line() -> None:
    folded = FoldedText.of(TEXT)
    start = folded.flat.index("162.24")
    assert folded.lines[start] == 4
    assert list(folded.occurrences("完成162.24亿元")) == [folded.flat.index("完成")]


def test_a_figure_inside_a_longer_number_is_not_the_figure() -> None:
    assert figure_offset("总量11.5万平方米", "1.5万") is None
    assert figure_offset("共1.5万平方米", "1.5万") == 1
    assert figure_offset("300项", "30") is None
    assert figure_offset("30项、300项", "30项") == 0


def facts(
    mentions: list[dict[str, object]], sections: dict[str, list[int]] | None = None
) -> factlint.FactSet:
    report: dict[str, object] = {"id": "t", "source": "text.txt"}
    if sections:
        report["sections"] = sections
    return factlint.facts_from_dict(
        {"report": report, "facts": {"fai": {"value": "162.24亿元", "mentions": mentions}}},
        base_dir=_folder(),
    )


@pytest.fixture(autouse=True)
def in_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "text.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def _folder() -> str:
    return "."


def messages(fact_set: factlint.FactSet) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in factlint.check(fact_set).findings]


def test_a_quote_broken_across_lines_is_found_on_the_figure_line() -> None:
    assert messages(facts([{"section": "a", "quote": "投资累计完成 162.24亿元", "line": 4}])) == []


def test_a_quote_not_in_the_text() -> None:
    found = messages(facts([{"section": "a", "quote": "投资预计完成162.24亿元"}]))
    assert found == [("quote-in-source", "the quote «投资预计完成162.24亿元» is not in text.txt")]


def test_a_quote_that_no_longer_prints_the_figure() -> None:
    found = messages(facts([{"section": "a", "quote": "累计完成 162.24亿", "value": "162.42亿元"}]))
    assert found == [
        ("quote-in-source", "the quote «累计完成 162.24亿» does not print the figure 162.42亿元")
    ]


def test_a_quote_on_another_line() -> None:
    found = messages(facts([{"section": "a", "quote": "完成 162.24亿元", "line": 2}]))
    assert found == [
        (
            "quote-in-source",
            "the quote «完成 162.24亿元» prints 162.24亿元 at line 4 of text.txt, not at line 2",
        )
    ]


def test_a_mention_outside_its_section() -> None:
    found = messages(
        facts(
            [{"section": "lead", "quote": "完成 162.24亿元", "line": 4}],
            {"lead": [1, 2], "body": [3, 6]},
        )
    )
    assert found == [("mention-section", "line 4 is in section body, not in lead (lines 1–2)")]


def test_without_a_source_text_quotes_are_not_checked() -> None:
    fact_set = factlint.facts_from_dict(
        {
            "report": {"id": "t"},
            "facts": {"a": {"value": "1元", "mentions": [{"quote": "nowhere"}]}},
        }
    )
    assert factlint.check(fact_set).findings == ()
