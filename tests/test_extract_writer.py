"""The facts file extract writes: loadable as it is, and updated without losing hand edits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.engine.checking import check_sets
from factlint.extract.pipeline import extract_text
from factlint.extract.update import update_facts
from factlint.extract.writer import facts_data, facts_yaml
from factlint.loading.atomic_write import write_atomic
from factlint.loading.facts_writer import facts_text
from factlint.loading.facts_yaml import facts_from_dict, load_facts

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "facts" / "jinzhong-2020.txt"
CURATED = ROOT / "facts" / "jinzhong-2020.facts.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(REPORT, tmp_path / REPORT.name)
    shutil.copy(CURATED, tmp_path / CURATED.name)
    return tmp_path


def test_the_extracted_facts_file_loads_and_checks_with_no_edits(folder: Path) -> None:
    extraction = extract_text(REPORT.read_text(encoding="utf-8"))
    data = facts_data(extraction, report_id="jinzhong-2020", source=REPORT.name)
    path = folder / "extracted.facts.yaml"
    path.write_text(facts_yaml(data, source=REPORT.name), encoding="utf-8")
    facts = load_facts(path)
    assert len(facts) == 64 and sum(len(f.mentions) for f in facts.facts.values()) == 137
    report = check_sets(facts, [])
    # every quote is found at its line and in its section; the only finding is the real one
    assert [f.rule for f in report.findings] == ["mentions-framing"]
    assert facts.facts["固定资产投资"].mentions[2].qualifier == "预计"


@pytest.mark.parametrize(
    "text",
    [
        "发布日期：2016-09-29 09:43\n全县完成投资12亿元。\n",
        "Figures for week 29 09:00 to 17:00: 40 cases.\n",
    ],
)
def test_a_quote_never_glues_the_figure_to_the_digits_after_it(tmp_path: Path, text: str) -> None:
    # with spaces folded away «29 09:» reads 2909: the quote must end at the figure
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    data = facts_data(extract_text(text), report_id="r", source="r.txt")
    path = tmp_path / "r.facts.yaml"
    path.write_text(facts_yaml(data, source="r.txt"), encoding="utf-8")
    report = check_sets(load_facts(path), [])
    assert [f.rule for f in report.findings if f.rule == "quote-in-source"] == []


def test_updating_the_curated_file_with_its_own_text_changes_nothing(folder: Path) -> None:
    result = update_facts(folder / CURATED.name, REPORT.read_text(encoding="utf-8"))
    assert result.text == CURATED.read_text(encoding="utf-8")
    assert (result.new_facts, result.new_mentions, result.gone) == ([], [], [])


def test_an_update_adds_what_is_new_keeps_every_hand_edit_and_reports_what_is_gone(
    folder: Path,
) -> None:
    curated_text = CURATED.read_text(encoding="utf-8")
    lead = '      - section: lead\n        quote: "投资累计完成162.24 亿元"\n        line: 127\n'
    assert lead in curated_text
    curated = folder / CURATED.name
    curated.write_text(curated_text.replace(lead, ""), encoding="utf-8")
    report = REPORT.read_text(encoding="utf-8").replace("持资金766.6万元", "持资金766.7万元")
    result = update_facts(curated, report)
    assert result.new_mentions == [("fixed_asset_investment", 127)]
    assert result.new_facts == ["企业等兑现科技创新扶持资金_766_7万元"]
    assert [(g[0], g[1]) for g in result.gone] == [("sci_innovation_subsidy", 257)]
    # nothing curated is lost: every original line is still there, in order
    original = [line for line in curated.read_text(encoding="utf-8").split("\n")]
    merged = iter(result.text.split("\n"))
    assert all(any(line == m for m in merged) for line in original)
    (folder / REPORT.name).write_text(report, encoding="utf-8")
    write_atomic(curated, result.text)
    reloaded = load_facts(curated)
    assert len(reloaded.facts["fixed_asset_investment"].mentions) == 3
    assert reloaded.facts["sci_innovation_subsidy"].label == "兑现科技创新扶持资金"
    again = update_facts(curated, report)
    assert (again.new_facts, again.new_mentions) == ([], [])


def test_writing_atomically_replaces_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.facts.yaml"
    path.write_text("old\n", encoding="utf-8")
    write_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.facts.yaml"]


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=30))
def test_every_written_string_reads_back_as_itself(text: str) -> None:
    """One quoting for every writer: what json.dumps would leave raw (U+2028, NEL, a BOM)
    is escaped too, so a label or a quote of any text survives the round trip."""
    data = {
        "report": {"id": text or "r", "sections": {text or "s": [1, 2]}},
        "facts": {"a": {"label": text, "value": "1亿元", "mentions": [{"quote": text}]}},
    }
    loaded = facts_from_dict(yaml.safe_load(facts_text(data)))
    fact = loaded.facts["a"]
    assert (loaded.report.id, fact.label, fact.mentions[0].quote) == (text or "r", text, text)


def test_the_characters_quote_escapes_are_those_escape_changes():
    """``quote`` looks for what to escape with one character class (and writes a text
    holding none as it is): over every code point, the class holds exactly the characters
    ``_escape`` writes otherwise."""
    from factlint.loading import facts_writer

    every = "".join(map(chr, range(0x110000)))
    matched = [m.start() for m in facts_writer._TO_ESCAPE.finditer(every)]
    changed = [code for code, char in enumerate(every) if facts_writer._escape(char) != char]
    assert matched == changed
    assert facts_writer.quote("76.5%") == '"76.5%"'
    assert facts_writer.quote('a"\u2028') == '"a\\"\\u2028"'


_FLOW_VALUES = st.one_of(
    st.text(st.sampled_from('ab "\\\n\u2028漢'), max_size=6),
    st.integers(-3, 3),
    st.booleans(),
    st.dictionaries(st.sampled_from(["kind", "yes"]), st.text("ab", max_size=2), max_size=2),
)


@given(st.dictionaries(st.sampled_from(["quote", "line", "no", "a b", "值", ""]), _FLOW_VALUES))
def test_a_flow_mapping_is_each_key_and_scalar_as_written_alone(fields: dict[str, object]):
    """``flow`` writes the common values (a string needing no escape, a whole number)
    without calling ``scalar``: what it writes is still ``key: scalar`` for every field."""
    from factlint.loading.facts_writer import flow, key, scalar

    expected = "{" + ", ".join(f"{key(k)}: {scalar(v)}" for k, v in fields.items()) + "}"
    assert flow(fields) == expected
