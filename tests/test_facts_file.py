"""Tests for factlint.loading.facts_yaml: the facts-file format, loaded from YAML or plain dicts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import factlint
from factlint.errors import FactlintError
from factlint.loading.fact_builder import FACT_KEYS, MENTION_KEYS, REPORT_KEYS
from factlint.loading.facts_yaml import facts_from_dict, load_facts
from factlint.loading.yaml_parse import HAS_C_LOADER
from factlint.model import FactSet, Location

REPORT_TEXT = "第一行\n全年签约项目51项，投资额427.3亿元\n六新项目39项，占比76.5%。\n"

VALID = """\
report:
  id: demo
  title: Demo report
  source: report.txt
  period: "2020"
  entity: 晋中开发区
  sections:
    body: [1, 3]
    sidebar: [4, 9]
facts:
  signed:
    label: 签约项目
    value: "51项"
    mentions:
      - section: body
        quote: "全年签约项目51项"
        line: 2
      - section: sidebar
        quote: "签约51个"
        value: "51个"
        decimals: 0
        qualifier: 累计
        period: "2019"
  share:
    value: 76.50
  target:
    value: "230亿元"
    exact: true
  grant:
    value: "1.5万元"
    decimals: INF
    aspects: {scenario: actual}
    period: "2019"
  rounded:
    value: "9100万元"
    decimals: -2
  drop:
    value: "-3.5%"
    decimals: 1
    qualifier: 预计
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with the report text, so error paths are short and relative."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text(REPORT_TEXT, encoding="utf-8")
    return tmp_path


def _load(folder: Path, text: str, name: str = "x.facts.yaml", **options: bool) -> FactSet:
    (folder / name).write_text(text, encoding="utf-8")
    return load_facts(folder / name, **options)


def _error(folder: Path, text: str, **options: bool) -> str:
    with pytest.raises(FactlintError) as caught:
        _load(folder, text, **options)
    return str(caught.value)


def _facts(body: str, report: str = "report:\n  id: d\n") -> str:
    """A facts file with a minimal report and ``body`` under ``facts:``."""
    return report + "facts:\n" + body


# ---------------------------------------------------------------- a valid file


def test_valid_file_loads_report_and_facts(folder: Path) -> None:
    facts = _load(folder, VALID)
    report = facts.report
    assert (report.id, report.title, report.period, report.entity) == (
        "demo",
        "Demo report",
        "2020",
        "晋中开发区",
    )
    assert report.source == "report.txt"
    assert report.source_text == REPORT_TEXT
    assert dict(report.sections) == {"body": (1, 3), "sidebar": (4, 9)}
    assert list(facts.facts) == ["signed", "share", "target", "grant", "rounded", "drop"]
    assert facts.path == "x.facts.yaml"
    assert len(facts) == 6


def test_valid_file_figures_and_precision(folder: Path) -> None:
    facts = _load(folder, VALID).facts
    signed = facts["signed"]
    assert (signed.value, signed.label, signed.figure.number, signed.figure.unit) == (
        "51项",
        "签约项目",
        Decimal(51),
        "count",
    )
    assert signed.declared_at == Location("x.facts.yaml", 11, 3)
    target = facts["target"]
    assert (target.exact, target.decimals) == (True, None)
    assert target.figure.base == Decimal("23000000000")
    grant = facts["grant"]
    assert (grant.exact, grant.decimals) == (True, None)  # decimals: INF is exact
    rounded = facts["rounded"]
    assert (rounded.exact, rounded.decimals) == (False, -2)
    drop = facts["drop"]
    assert (drop.figure.number, drop.decimals, drop.qualifier) == (Decimal("-3.5"), 1, "预计")
    assert (facts["share"].exact, facts["share"].decimals) == (False, None)


def test_aspects_come_from_report_fact_and_aspects_key(folder: Path) -> None:
    facts = _load(folder, VALID).facts
    assert dict(facts["signed"].aspects) == {"period": "2020", "entity": "晋中开发区"}
    assert dict(facts["grant"].aspects) == {
        "period": "2019",
        "entity": "晋中开发区",
        "scenario": "actual",
    }
    assert facts["grant"].period == "2019"


def test_mentions_keep_their_own_value_decimals_qualifier_and_period(folder: Path) -> None:
    body, sidebar = _load(folder, VALID).facts["signed"].mentions
    assert (body.fact, body.section, body.quote, body.line) == (
        "signed",
        "body",
        "全年签约项目51项",
        2,
    )
    assert (body.figure.text, body.decimals, body.qualifier, body.period) == (
        "51项",
        None,
        "",
        None,
    )
    assert body.declared_at == Location("x.facts.yaml", 15, 9)
    assert (sidebar.section, sidebar.quote, sidebar.line) == ("sidebar", "签约51个", None)
    assert (sidebar.figure.text, sidebar.decimals, sidebar.qualifier, sidebar.period) == (
        "51个",
        0,
        "累计",
        "2019",
    )


def test_a_fact_without_mentions_has_one_mention(folder: Path) -> None:
    fact = _load(folder, VALID).facts["target"]
    (mention,) = fact.mentions
    assert (mention.fact, mention.figure, mention.section, mention.quote, mention.line) == (
        "target",
        fact.figure,
        "",
        "",
        None,
    )
    assert mention.declared_at == fact.declared_at == Location("x.facts.yaml", 26, 3)


def test_a_bare_yaml_number_keeps_its_written_text(folder: Path) -> None:
    share = _load(folder, VALID).facts["share"]
    assert (share.value, share.figure.number, share.figure.places) == ("76.50", Decimal("76.50"), 2)
    whole = _load(folder, _facts("  n:\n    value: 1200\n")).facts["n"]
    assert (whole.value, whole.figure.places) == ("1200", 0)


def test_the_key_tuples_are_the_documented_format() -> None:
    assert REPORT_KEYS == (
        "id",
        "title",
        "source",
        "period",
        "entity",
        "sections",
        "rounding",
        "note",
    )
    assert set(FACT_KEYS) >= {"value", "label", "period", "entity", "exact", "decimals", "mentions"}
    assert set(MENTION_KEYS) >= {"section", "quote", "line", "value", "qualifier", "decimals"}


def test_report_rounding_is_read(folder: Path) -> None:
    facts = _load(folder, _facts("  a: {value: '1'}\n", "report:\n  id: d\n  rounding: truncate\n"))
    assert facts.report.rounding == "truncate"


# ---------------------------------------------------------------- values that are not figures


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", "x.facts.yaml:5:12: the value of 'a' must be a figure as printed, "
         'e.g. "162.24亿元", not true'),
        ("no", "x.facts.yaml:5:12: the value of 'a' must be a figure as printed, "
         'e.g. "162.24亿元", not no'),
        ("", "x.facts.yaml:5:11: the value of 'a' must be a figure as printed, "
         'e.g. "162.24亿元", not empty'),
        ("[1]", "x.facts.yaml:5:12: the value of 'a' must be a string, not a list"),
    ],
)  # fmt: skip
def test_values_that_are_not_figures(folder: Path, value: str, expected: str) -> None:
    assert _error(folder, _facts(f"  a:\n    value: {value}\n")) == expected


# ---------------------------------------------------------------- every error, located


ERRORS = {
    "unknown fact key": (
        _facts("  a:\n    value: '1'\n    lable: x\n"),
        "x.facts.yaml:6:5: unknown key 'lable' in fact 'a' (did you mean 'label'?); known keys: "
        "aspects, decimals, entity, exact, label, mentions, note, period, qualifier, tolerance, "
        "value",
    ),
    "unknown top-level key": (
        "report:\n  id: d\nfact:\n  a: {value: '1'}\n",
        "x.facts.yaml:3:1: unknown key 'fact' in the facts file (did you mean 'facts'?); "
        "known keys: facts, report",
    ),
    "unknown report key": (
        _facts("  a: {value: '1'}\n", "report:\n  id: d\n  titel: x\n"),
        "x.facts.yaml:3:3: unknown key 'titel' in 'report' (did you mean 'title'?); known keys: "
        "entity, id, note, period, rounding, sections, source, title",
    ),
    "unknown mention key": (
        _facts("  a:\n    value: '1'\n    mentions:\n      - sectoin: body\n"),
        "x.facts.yaml:7:9: unknown key 'sectoin' in a mention of 'a' (did you mean 'section'?); "
        "known keys: decimals, line, note, period, qualifier, quote, section, unit, value",
    ),
    "missing report": (
        "facts:\n  a:\n    value: '1'\n",
        "x.facts.yaml:1:1: the facts file has no 'report'",
    ),
    "report not a mapping": (
        "report: [a]\nfacts:\n  a: {value: '1'}\n",
        "x.facts.yaml:1:9: 'report' must be a mapping, not a list",
    ),
    "missing report id": (
        "report:\n  title: x\nfacts:\n  a: {value: '1'}\n",
        "x.facts.yaml:2:3: 'report' has no 'id'",
    ),
    "missing facts": ("report:\n  id: d\n", "x.facts.yaml:1:1: the facts file has no 'facts'"),
    "facts not a mapping": (
        _facts("  - a\n"),
        "x.facts.yaml:4:3: 'facts' must be a mapping, not a list",
    ),
    "fact not a mapping": (
        _facts("  a: '1'\n"),
        "x.facts.yaml:4:6: fact 'a' must be a mapping, not the string '1'",
    ),
    "fact without value": (
        _facts("  a:\n    label: x\n"),
        "x.facts.yaml:5:5: fact 'a' has no 'value'",
    ),
    "fact id starting with a digit": (
        _facts("  1abc:\n    value: '1'\n"),
        "x.facts.yaml:4:3: a fact id '1abc' must be an identifier (letters, digits and _, "
        "not starting with a digit)",
    ),
    "kebab-case fact id": (
        _facts("  six-new:\n    value: '1'\n"),
        "x.facts.yaml:4:3: a fact id 'six-new' must be an identifier (letters, digits and _, "
        "not starting with a digit)",
    ),
    "duplicate fact id": (
        _facts("  a:\n    value: '1'\n  a:\n    value: '2'\n"),
        "x.facts.yaml:6:3: duplicate key 'a' (first at line 4)",
    ),
    "mention not a mapping": (
        _facts("  a:\n    value: '1'\n    mentions:\n      - body\n"),
        "x.facts.yaml:7:9: a mention of 'a' must be a mapping, not the string 'body'",
    ),
    "mentions not a list": (
        _facts("  a:\n    value: '1'\n    mentions:\n      section: body\n"),
        "x.facts.yaml:7:7: the mentions of 'a' must be a list, not a mapping",
    ),
    "empty mentions list": (
        _facts("  a:\n    value: '1'\n    mentions: []\n"),
        "x.facts.yaml:6:15: fact 'a' has an empty mentions list",
    ),
    "bad figure, quoted: column at the second point": (
        _facts('  a:\n    value: "12.3.4亿元"\n'),
        "x.facts.yaml:5:17: cannot read '.4亿元' after the number in figure '12.3.4亿元'",
    ),
    "bad figure, plain: column at the comma": (
        _facts("  a:\n    value: 1,23亿元\n"),
        "x.facts.yaml:5:13: malformed digit grouping in '1,23' in figure '1,23亿元'",
    ),
    "bad figure in a mention": (
        _facts("  a:\n    value: '1'\n    mentions:\n      - value: '5 foo'\n"),
        "x.facts.yaml:7:19: cannot read 'foo' after the number in figure '5 foo'",
    ),
    "scientific notation": (
        _facts("  a:\n    value: 1e3\n"),
        "x.facts.yaml:5:13: scientific notation is not a printed figure in figure '1e3'",
    ),
    "decimals a word": (
        _facts("  a:\n    value: '1'\n    decimals: two\n"),
        "x.facts.yaml:6:15: 'decimals' must be a whole number from -60 to 60, not the string 'two'",
    ),
    "decimals a float": (
        _facts("  a:\n    value: '1'\n    decimals: 1.5\n"),
        "x.facts.yaml:6:15: 'decimals' must be a whole number from -60 to 60, not float '1.5'",
    ),
    "decimals out of range": (
        _facts("  a:\n    value: '1'\n    decimals: -61\n"),
        "x.facts.yaml:6:15: 'decimals' must be a whole number from -60 to 60, not int '-61'",
    ),
    "mention decimals": (
        _facts("  a:\n    value: '1'\n    mentions:\n      - decimals: x\n"),
        "x.facts.yaml:7:19: 'decimals' must be a whole number from -60 to 60, not the string 'x'",
    ),
    "line zero": (
        _facts("  a:\n    value: '1'\n    mentions:\n      - line: 0\n"),
        "x.facts.yaml:7:15: 'line' must be a whole number from 1 to 1000000000, not int '0'",
    ),
    "line a word": (
        _facts("  a:\n    value: '1'\n    mentions:\n      - line: two\n"),
        "x.facts.yaml:7:15: 'line' must be a whole number from 1 to 1000000000, "
        "not the string 'two'",
    ),
    "exact not a boolean": (
        _facts("  a:\n    value: '1'\n    exact: maybe\n"),
        "x.facts.yaml:6:12: 'exact' must be true or false, not the string 'maybe'",
    ),
    "unknown report rounding": (
        _facts("  a: {value: '1'}\n", "report:\n  id: d\n  rounding: nearst\n"),
        "x.facts.yaml:3:13: unknown rounding 'nearst'; use nearest, truncate, exact",
    ),
    "sections not a mapping": (
        _facts("  a: {value: '1'}\n", "report:\n  id: d\n  sections: [1, 2]\n"),
        "x.facts.yaml:3:13: 'sections' must be a mapping, not a list",
    ),
    "section not a list": (
        _facts("  a: {value: '1'}\n", "report:\n  id: d\n  sections:\n    body: 5\n"),
        "x.facts.yaml:4:11: section 'body' must be a list, not int '5'",
    ),
    "section with three lines": (
        _facts("  a: {value: '1'}\n", "report:\n  id: d\n  sections:\n    body: [1, 2, 3]\n"),
        "x.facts.yaml:4:11: section 'body' must be [first line, last line]",
    ),
    "section ending before it starts": (
        _facts("  a: {value: '1'}\n", "report:\n  id: d\n  sections:\n    body: [5, 2]\n"),
        "x.facts.yaml:4:15: a last line must be a whole number from 5 to 1000000000, not int '2'",
    ),
    "section starting at line zero": (
        _facts("  a: {value: '1'}\n", "report:\n  id: d\n  sections:\n    body: [0, 2]\n"),
        "x.facts.yaml:4:12: a first line must be a whole number from 1 to 1000000000, not int '0'",
    ),
    "tolerance with two keys": (
        _facts("  a:\n    value: '1'\n    tolerance: {relative: '1%', absolute: '1'}\n"),
        "x.facts.yaml:6:16: 'tolerance' takes one of 'relative' or 'absolute'",
    ),
    "source missing": (
        _facts("  a: {value: '1'}\n", "report:\n  id: d\n  source: nope.txt\n"),
        "x.facts.yaml:3:11: source 'nope.txt': {folder}/nope.txt: no such report text",
    ),
    "broken YAML": (
        "report:\n  id: [d\nfacts:\n",
        "x.facts.yaml:3:6: "
        + (
            "did not find expected ',' or ']'"
            if HAS_C_LOADER
            else "expected ',' or ']', but got ':'"
        )
        + " (while parsing a flow sequence that began at line 2, column 7)",
    ),
    "empty file": (
        "",
        "x.facts.yaml:1:1: the facts file is empty: expected 'report:' and 'facts:'",
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(ERRORS.values()), ids=list(ERRORS))
def test_errors_say_where_and_what(folder: Path, text: str, expected: str) -> None:
    assert _error(folder, text) == expected.replace("{folder}", str(folder.resolve()))


def test_errors_carry_their_parts(folder: Path) -> None:
    with pytest.raises(FactlintError) as caught:
        _load(folder, _facts("  a:\n    value: '1'\n    lable: x\n"))
    error = caught.value
    assert (error.path, error.line, error.column) == ("x.facts.yaml", 6, 5)
    assert error.message.startswith("unknown key 'lable' in fact 'a'")


def test_source_outside_the_folder(folder: Path) -> None:
    (folder / "facts").mkdir()
    text = _facts("  a: {value: '1'}\n", "report:\n  id: d\n  source: ../report.txt\n")
    (folder / "facts" / "x.facts.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(FactlintError) as caught:
        load_facts(folder / "facts" / "x.facts.yaml")
    assert str(caught.value) == (
        f"facts/x.facts.yaml:3:11: source '../report.txt' is outside the folder of the facts "
        f"file ({(folder / 'facts').resolve()}); pass --allow-outside-source to read it anyway"
    )
    allowed = load_facts(folder / "facts" / "x.facts.yaml", allow_outside_source=True)
    assert (allowed.report.source, allowed.report.source_text) == ("report.txt", REPORT_TEXT)


def test_source_in_a_subfolder_is_inside(folder: Path) -> None:
    (folder / "texts").mkdir()
    (folder / "texts" / "r.txt").write_text("51项\n", encoding="utf-8")
    facts = _load(
        folder, _facts("  a: {value: '51项'}\n", "report:\n  id: d\n  source: texts/r.txt\n")
    )
    assert (facts.report.source, facts.report.source_text) == ("texts/r.txt", "51项\n")


def test_missing_facts_file(folder: Path) -> None:
    with pytest.raises(FactlintError) as caught:
        load_facts(folder / "none.facts.yaml")
    assert caught.value.path == "none.facts.yaml"
    assert caught.value.line is None


# ---------------------------------------------------------------- from plain dicts


def test_facts_from_dict_reads_the_same_format() -> None:
    facts = facts_from_dict(
        {
            "report": {"id": "demo", "period": "2020"},
            "facts": {
                "signed": {"value": "51项", "mentions": [{"section": "body"}, {"value": "51个"}]},
                "share": {"value": "76.50%", "decimals": 1, "exact": False},
                "count": {"value": 12},
            },
        }
    )
    assert facts.report.id == "demo"
    assert facts.path == "<facts>"
    signed = facts.facts["signed"]
    assert [m.figure.text for m in signed.mentions] == ["51项", "51个"]
    assert signed.declared_at == Location("<facts>")
    assert (facts.facts["share"].figure.places, facts.facts["share"].decimals) == (2, 1)
    assert facts.facts["count"].value == "12"
    assert dict(signed.aspects) == {"period": "2020"}


def test_facts_from_dict_ignores_source_without_base_dir(folder: Path) -> None:
    data = {"report": {"id": "d", "source": "report.txt"}, "facts": {"a": {"value": "1"}}}
    assert facts_from_dict(data).report.source is None
    based = facts_from_dict(data, base_dir=folder)
    assert based.report.source_text == REPORT_TEXT


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"report": {"id": "d"}, "facts": {"a": {"value": 76.5}}},
            "facts.facts.a.value is a float (76.5): write figures as strings so their printed "
            'precision is kept (e.g. "76.50%")',
        ),
        (
            {"report": {"id": "d"}, "facts": {"a": {"value": "1", "mentions": [{"value": 1.5}]}}},
            "facts.facts.a.mentions[0].value is a float (1.5): write figures as strings so their "
            'printed precision is kept (e.g. "76.50%")',
        ),
        (
            {"report": {"id": "d"}, "facts": {"a": {"value": True}}},
            "<facts>: the value of 'a' must be a figure as printed, e.g. \"162.24亿元\", not true",
        ),
        (
            {"report": {"id": "d"}, "facts": {"a": {"value": "1", "lable": "x"}}},
            "<facts>: unknown key 'lable' in fact 'a' (did you mean 'label'?); known keys: "
            "aspects, decimals, entity, exact, label, mentions, note, period, qualifier, "
            "tolerance, value",
        ),
        (
            {"report": {"id": "d"}, "facts": {1: {"value": "1"}}},
            "facts.facts has a key that is not a string: 1",
        ),
        ({"facts": {}}, "<facts>: the facts file has no 'report'"),
    ],
)
def test_facts_from_dict_errors(data: dict[str, object], expected: str) -> None:
    with pytest.raises(FactlintError) as caught:
        facts_from_dict(data)
    assert str(caught.value) == expected


def test_facts_from_dict_names_itself() -> None:
    with pytest.raises(FactlintError) as caught:
        facts_from_dict({"report": {"id": "d"}, "facts": {"a": {}}}, name="inline")
    assert str(caught.value) == "inline: fact 'a' has no 'value'"


def test_a_table_cell_printed_bare_takes_its_unit(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("城镇人口   27.68   32.3\n", encoding="utf-8")
    (tmp_path / "x.facts.yaml").write_text(
        "report: {id: r, source: r.txt}\n"
        "facts:\n"
        "  urban_share:\n"
        "    value: '32.3%'\n"
        "    mentions:\n"
        "      - {quote: '32.3', line: 1, value: '32.3', unit: '%'}\n",
        encoding="utf-8",
    )
    facts = load_facts(tmp_path / "x.facts.yaml")
    mention = facts.facts["urban_share"].mentions[0]
    assert (mention.figure.text, mention.printed) == ("32.3%", "32.3")
    report = factlint.check(facts, [])
    assert report.findings == ()  # the quote prints 32.3, the figure is 32.3%


def test_a_unit_needs_the_value_as_printed(tmp_path: Path) -> None:
    (tmp_path / "x.facts.yaml").write_text(
        "report: {id: r}\nfacts:\n  a:\n    value: '32.3%'\n    mentions:\n      - {unit: '%'}\n",
        encoding="utf-8",
    )
    with pytest.raises(FactlintError) as caught:
        load_facts(tmp_path / "x.facts.yaml")
    assert str(caught.value) == (
        "x.facts.yaml:6:16: a mention of 'a' with 'unit' needs 'value', the number as printed"
    ).replace("x.facts.yaml", str(tmp_path / "x.facts.yaml"))
