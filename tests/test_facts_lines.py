"""Facts read line by line (``loading.facts_lines``) equal those of the event reader and
of the tree, or the line reader leaves the file to them."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlint.loading.facts_lines as lines
import factlint.loading.facts_stream as stream
from factlint.errors import FactlintError
from factlint.loading.facts_lines import read_fact_lines
from factlint.loading.facts_yaml import load_facts
from factlint.loading.textfile import display_path
from factlint.model import FactSet

ROOT = Path(__file__).resolve().parent.parent


def _assert_same(taken: FactSet, other: FactSet) -> None:
    assert taken == other
    assert taken.path == other.path and taken.report == other.report
    assert list(taken.facts) == list(other.facts)
    for fact_id, fact in taken.facts.items():
        theirs = other.facts[fact_id]
        assert fact.declared_at == theirs.declared_at
        assert [m.declared_at for m in fact.mentions] == [m.declared_at for m in theirs.mentions]
        assert [m.line for m in fact.mentions] == [m.line for m in theirs.mentions]
        assert dict(fact.aspects) == dict(theirs.aspects)


def _outcomes(path: Path) -> tuple[FactSet | None, object, object, object]:
    """What the line reader makes of the file, and what ``load_facts`` gives with every
    reader, with the line reader off, and with the tree alone (a FactSet or the error)."""
    text = path.read_text(encoding="utf-8")
    taken = read_fact_lines(text, display_path(path), path.parent, False)
    results: list[object] = []
    for line_reader, event_reader in ((True, True), (False, True), (False, False)):
        lines.ENABLED, stream.ENABLED = line_reader, event_reader
        try:
            results.append(load_facts(path))
        except FactlintError as error:
            results.append(str(error))
        finally:
            lines.ENABLED = stream.ENABLED = True
    return taken, results[0], results[1], results[2]


def _check(path: Path) -> FactSet | None:
    taken, every, events, tree = _outcomes(path)
    for result in (every, events):
        if isinstance(result, FactSet) and isinstance(tree, FactSet):
            _assert_same(result, tree)
        else:
            assert result == tree
    if taken is not None:
        assert isinstance(tree, FactSet), tree
        _assert_same(taken, tree)
    return taken


_README_STYLE = """\
report:
  id: demo
  period: "2020"
  entity: 示范区
facts:
  # the projects
  signed_projects:
    value: "51项"
    label: 签约项目
    mentions:
      - section: body
        quote: 全年签约项目51项
        line: 7
      - section: sidebar  # again in the box
  six_new:
    value: 39项
    decimals: 0

  share: {value: "76.5%"}
"""


def test_the_readme_s_style_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "demo.facts.yaml"
    path.write_text(_README_STYLE.replace('  share: {value: "76.5%"}\n', ""), encoding="utf-8")
    assert _check(path) is not None  # taken, not left to the event reader
    path.write_text(_README_STYLE, encoding="utf-8")  # a flow mapping: read on its own
    assert _check(path) is not None


def test_the_facts_files_of_the_project_load_alike() -> None:
    paths = [ROOT / "facts" / "jinzhong-2020.facts.yaml", *ROOT.glob("tests/data/**/*.facts.yaml")]
    assert len(paths) > 5
    for path in paths:
        _check(path)


_odd = st.sampled_from(
    [
        "    colour: red",
        "    value: 1项",
        "      deeper: 1",
        "   value: 3项",
        "\tlabel: tab",
        "    label: a#b",
        "    label: 'it''s'",
        '    label: "a\\"b"',
        "    label: a: b",
        "    mentions: []",
        "    - section: body",
        "  yes:",
        "  f0:",
        "---",
        "# a comment",
        "",
        "    label: [x]",
        "    label: &a x",
        "    mentions:",
        "      - {section: body}",
        "    label: x  # note",
        "    label:   spaced   ",
    ]
)


_GOOD = {
    "value": ['"7009900元"', "162.24亿元", "'1,234.5万元'", '"76.5%"', "51项", "2020年", "超30%"],
    "scalar": ["body", "~", "12", "'quoted'", '"两 个"', "1.5", "a b", "-1", "", "第一章"],
    "decimals": ["-2", "0", "INF", '"INF"', "+3"],
    "line": ["1", "7", "1_000", "0x10"],
    "aspect": ['"2020"', "2021", "示范区", "'x'", "1.5", "a b"],
    "exact": ["true", "false", "yes", "No", "on", "OFF"],
}
_OWN_FIELDS = [  # a fact's own aspects, qualifier, exact (kind, odd values)
    ("period", "aspect", ["~", "", "true", "null"]),
    ("entity", "aspect", ["", "no"]),
    ("qualifier", "scalar", ["yes", "false"]),
    ("exact", "exact", ['"true"', "1", "x", "", "~", "y"]),
]


@st.composite
def _fact(draw: st.DrawFn, index: int, clean: bool = False) -> str:
    """A fact in block style; unless ``clean``, perhaps with what the line reader leaves
    to the others (an invalid value, an odd line, an empty mention list)."""

    def pick(kind: str, odd: list[str]) -> str:
        return draw(st.sampled_from(_GOOD[kind] if clean else _GOOD[kind] + odd))

    indent = draw(st.sampled_from(["    ", "      "]))
    value = pick("value", ["x", '""', "true"])
    out = [f"  f{index}:", f"{indent}value: {value}"]
    if draw(st.booleans()):
        out.append(f"{indent}label: {pick('scalar', ['true', 'yes', 'null'])}")
    if draw(st.booleans()):
        out.append(f"{indent}decimals: {pick('decimals', ['61', '0x1', '1.5', '007', 'x'])}")
    for key, kind, odd in _OWN_FIELDS:
        if draw(st.integers(0, 3)) == 0:
            out.insert(draw(st.integers(1, len(out))), f"{indent}{key}: {pick(kind, odd)}")
    if draw(st.booleans()):
        out.append(f"{indent}mentions:")
        dash = indent + draw(st.sampled_from(["", "  ", "    "]))
        gap = draw(st.sampled_from([" ", "   "]))
        for _ in range(draw(st.integers(1 if clean else 0, 2))):
            out.append(f"{dash}-{gap}section: {pick('scalar', ['off'])}")
            more = " " * (len(dash) + 1 + len(gap))
            if draw(st.booleans()):
                out.append(f"{more}line: {pick('line', ['0', 'x', '-1'])}")
            if draw(st.booleans()):
                out.append(f"{more}quote: {pick('scalar', ['no'])}")
        if draw(st.booleans()):
            out.append(f"{indent}note: {pick('scalar', [])}")
    if not clean and draw(st.integers(0, 4)) == 0:
        out.insert(draw(st.integers(1, len(out))), draw(_odd))
    return "\n".join(out) + "\n"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(data=st.data(), count=st.integers(1, 4), end=st.sampled_from(["", "\n", "# end\n"]))
def test_generated_facts_files_load_alike_or_fail_alike(
    data: st.DataObject, count: int, end: str
) -> None:
    text = (
        data.draw(_header) + "facts:\n" + "".join(data.draw(_fact(index)) for index in range(count))
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.facts.yaml"
        path.write_text(text + end, encoding="utf-8")
        _check(path)


_header = st.sampled_from(
    [
        "report:\n  id: demo\n",
        'report:\n  id: demo\n  period: "2020"\n  entity: 示范区\n',
        "report:\n  id: demo\n  entity: e\n",
    ]
)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=st.data(), count=st.integers(1, 4))
def test_generated_plain_files_are_read_line_by_line(data: st.DataObject, count: int) -> None:
    """Every file of the shapes the line reader takes is taken (and equals the others)."""
    facts = "".join(data.draw(_fact(index, clean=True)) for index in range(count))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.facts.yaml"
        path.write_text(data.draw(_header) + "facts:\n" + facts, encoding="utf-8")
        assert _check(path) is not None


@pytest.mark.parametrize(
    "text",
    [
        "report:\n  id: d\nfacts:\n  a:\n    value: 1项\nreport:\n  id: e\n",
        "report:\n  id: d\nfacts:\n  a:\n    value: 1项\n  a:\n    value: 2项\n",
        "report:\n  id: d\n  title: 'x\nfacts:\n  y'\nfacts:\n  a:\n    value: 1项\n",
        "report:\n  id: d\nfacts:\n  a:\n    value: 1项\n    mentions:\n    label: x\n",
        "report:\n  id: d\nfacts:\n  a:\n    value: 1项\n    mentions:\n      - line: 0\n",
        "facts:\n  a:\n    value: 1项\nreport:\n  id: d\n",
        "report:\n  id: d\nfacts:\n  a:\n    value: 1项\n    mentions:\n    - section: b\n"
        "    label: x\n    - section: c\n",
        "report:\n  id: d\nfacts:\n  a:\n    value: 1项\u2028\n",
        "report:\n  id: d\nfacts:\n  a:\n    value: 1项\r\n  b:\r\n    value: 2项\r\n",
        "report:\n  id: d\nfacts:\n  a:\n    value: 1项\n...\n",
    ],
)
def test_unusual_files_are_left_to_the_other_readers(tmp_path: Path, text: str) -> None:
    path = tmp_path / "u.facts.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    _check(path)


def test_a_large_file_keeps_its_lines_and_columns(tmp_path: Path) -> None:
    facts = "".join(
        f"  f{i}:\n    value: {json.dumps(f'{i}.5万元', ensure_ascii=False)}\n"
        f"    mentions:\n      - section: body\n        line: {i + 1}\n"
        for i in range(300)
    )
    path = tmp_path / "big.facts.yaml"
    path.write_text("report:\n  id: big\nfacts:\n" + facts, encoding="utf-8")
    taken = _check(path)
    assert taken is not None
    last = taken.facts["f299"]
    assert last.declared_at is not None and last.declared_at.line == 3 + 299 * 5 + 1
    assert last.mentions[0].declared_at is not None
    assert last.mentions[0].declared_at.column == 9


_OTHERS = """\
  flow: {value: "76.5%", label: 比重}
  tolerant:
    value: 1.00亿元
    tolerance: {relative: 1%}
  printed_otherwise:
    value: "41622万元"
    mentions:
      - section: body
        quote: "41622万元"
      - section: sidebar
        value: "47865万元"
  with_period: {value: 3个, period: "2019"}
"""


def test_a_few_facts_of_other_shapes_are_read_on_their_own(tmp_path: Path) -> None:
    """The facts around them stay on the line reader; they are built as the event reader
    builds them, at their own lines."""
    plain = "".join(f"  p{i}:\n    value: {i}.5万元\n    label: 第{i}项\n" for i in range(30))
    path = tmp_path / "mixed.facts.yaml"
    path.write_text("report:\n  id: mixed\nfacts:\n" + plain + _OTHERS + plain.replace("p", "q"))
    taken = _check(path)
    assert taken is not None
    assert taken.facts["tolerant"].tolerance is not None
    assert taken.facts["printed_otherwise"].mentions[1].figure.text == "47865万元"
    at = taken.facts["printed_otherwise"].declared_at
    assert at is not None and (at.line, at.column) == (3 + 90 + 5, 3)


def test_many_facts_of_other_shapes_are_left_to_the_event_reader(tmp_path: Path) -> None:
    others = "".join(f"  f{i}: {{value: {i}项}}\n" for i in range(lines._MAX_OTHERS + 1))
    path = tmp_path / "flow.facts.yaml"
    path.write_text("report:\n  id: flow\nfacts:\n  a:\n    value: 1项\n" + others)
    assert _check(path) is None
    few = "".join(others.splitlines(keepends=True)[:3])
    path.write_text("report:\n  id: flow\nfacts:\n  a:\n    value: 1项\n" + few)
    assert _check(path) is not None


@pytest.mark.parametrize(
    "other",
    [
        "  bad: {value: 1项, decimals: 1.5}\n",  # an error: the tree words it
        "  a: {value: 2项}\n",  # a duplicate id
        " b:\n    value: 1项\n",  # left of the facts
        "  c: [1, 2]\n",
        "  d: {value: 1项}\nreport: {id: again}\n",
    ],
)
def test_facts_of_other_shapes_that_fail_fail_as_before(tmp_path: Path, other: str) -> None:
    path = tmp_path / "x.facts.yaml"
    path.write_text("report:\n  id: x\nfacts:\n  a:\n    value: 1项\n" + other)
    assert _check(path) is None


def test_a_fact_s_own_aspects_qualifier_and_exact_are_read_line_by_line(tmp_path: Path) -> None:
    """As build_fact reads them: the fact's period and entity over the report's, 'exact'
    a YAML boolean (decimals: INF exact whatever it says), the qualifier a text."""
    path = tmp_path / "own.facts.yaml"
    path.write_text(
        'report:\n  id: d\n  period: "2020"\n  entity: 示范区\nfacts:\n'
        '  a:\n    value: 1项\n    period: "2019"\n'
        "  b:\n    value: 2.5亿元\n    entity: 全市\n    qualifier: 约\n"
        "  c:\n    value: 3万元\n    decimals: INF\n    exact: false\n"
        "  d:\n    value: 4%\n    exact: yes\n    period: 2021\n    entity: e\n",
        encoding="utf-8",
    )
    taken = _check(path)
    assert taken is not None
    facts = taken.facts
    assert dict(facts["a"].aspects) == {"period": "2019", "entity": "示范区"}
    assert (facts["b"].aspects["entity"], facts["b"].qualifier) == ("全市", "约")
    assert facts["c"].exact and facts["d"].exact
    assert list(facts["d"].aspects.items()) == [("period", "2021"), ("entity", "e")]
