"""Facts read from YAML events straight into facts equal those read through the tree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlint.loading.facts_stream as stream
from factlint.errors import FactlintError
from factlint.loading.facts_stream import stream_facts
from factlint.loading.facts_yaml import load_facts
from factlint.model import FactSet

ROOT = Path(__file__).resolve().parent.parent


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[FactSet, FactSet]:
    streamed = load_facts(path)
    monkeypatch.setattr(stream, "ENABLED", False)
    try:
        general = load_facts(path)
    finally:
        monkeypatch.setattr(stream, "ENABLED", True)
    return streamed, general


def _assert_same(streamed: FactSet, general: FactSet) -> None:
    assert streamed == general
    assert list(streamed.facts) == list(general.facts)
    for fact_id, fact in streamed.facts.items():
        other = general.facts[fact_id]
        assert fact.declared_at == other.declared_at
        assert [m.declared_at for m in fact.mentions] == [m.declared_at for m in other.mentions]
        assert dict(fact.aspects) == dict(other.aspects)


def test_the_first_report_loads_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_same(*_both(ROOT / "facts" / "jinzhong-2020.facts.yaml", monkeypatch))


_FACTS = """\
report:
  id: demo
  period: "2020"
  entity: 示范区
facts:
  plain:
    value: "7009900元"
  declared: {value: 162.24亿元, decimals: -2}
  exact_one: {value: "5项", decimals: INF}
  labelled:
    label: 签约项目
    note: by hand
    value: 51项
  'quoted_id':
    value: "76.5%"
    label: ~
  mentioned:
    value: 39项
    mentions:
      - section: body
        quote: 六新项目39项
        line: 7
      - {section: sidebar, note: again}
  numeric_label: {value: 1.5亿元, label: 2020}
  with_period: {value: 3个, period: "2019"}
  with_qualifier: {value: 30%, qualifier: 超}
  mention_value:
    value: 3.0亿元
    mentions: [{value: 3亿元, section: body}, {section: lead}]
  tagged: {value: !!str 12.5%}
  anchored: &a {value: 8个}
  tolerance: {value: 1.00亿元, tolerance: {relative: 1%}}
"""


def test_every_kind_of_fact_loads_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "demo.facts.yaml"
    path.write_text(_FACTS, encoding="utf-8")
    streamed, general = _both(path, monkeypatch)
    _assert_same(streamed, general)
    text = path.read_text(encoding="utf-8")
    assert stream_facts(text, "demo.facts.yaml", tmp_path, False) is not None  # not a fallback


@pytest.mark.parametrize(
    ("text", "where"),  # where: the line of the error (its column is checked to be there)
    [
        ("report: {id: d}\nfacts:\n  a: {value: 1项}\n  a: {value: 2项}\n", 4),
        ("report: {id: d}\nfacts:\n  a: {value: 1项, value: 2项}\n", 3),
        ("report: {id: d}\nfacts:\n  a: {value: 1项, decimals: 1.5}\n", 3),
        ("report: {id: d}\nfacts:\n  a: {value: true}\n", 3),
        ("report: {id: d}\nfacts:\n  a:\n    value: 1项\n    mentions: []\n", 5),
        ("report: {id: d}\nfacts:\n  a: {value: 1项, mentions: [{line: 0}]}\n", 3),
        ("report: {id: d}\nfacts:\n  a: {value: '1x项'}\n", 3),
        ("report: {id: d}\nfacts:\n  a: {value: 1项, colour: red}\n", 3),
        ("report: {id: d}\nfacts:\n  a: &x {value: 1项}\n  b: *x\n", 4),
        ("report: {id: d}\nfacts:\n  1a: {value: 1项}\n", 3),
        ("facts:\n  a: {value: 1项}\n", None),
    ],
)
def test_errors_are_the_tree_paths_at_their_line_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, where: int | None
) -> None:
    path = tmp_path / "x.facts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FactlintError) as streamed:
        load_facts(path)
    monkeypatch.setattr(stream, "ENABLED", False)
    with pytest.raises(FactlintError) as general:
        load_facts(path)
    assert str(streamed.value) == str(general.value)
    if where is not None:
        assert streamed.value.line == where, str(streamed.value)
        assert streamed.value.column is not None, str(streamed.value)


_values = st.sampled_from(
    ["7009900元", "162.24亿元", "1,234.5万元", "76.5%", "51项", "2020年", "3月", "超30%", "x", ""]
)
_scalars = st.sampled_from(["body", "~", "true", "12", "'quoted'", '"两"', "null", "1.5"])


@st.composite
def _fact(draw: st.DrawFn, index: int) -> str:
    lines = [f"  f{index}:", f"    value: {json.dumps(draw(_values), ensure_ascii=False)}"]
    if draw(st.booleans()):
        lines.append(f"    label: {draw(_scalars)}")
    if draw(st.booleans()):
        decimals = draw(st.sampled_from(["-2", "0", "INF", "61", "0x1", "1.5"]))
        lines.append(f"    decimals: {decimals}")
    for key in ("period", "entity", "qualifier"):
        if draw(st.integers(0, 3)) == 0:
            lines.append(f"    {key}: {draw(_scalars)}")
    if draw(st.integers(0, 3)) == 0:
        lines.append(f"    exact: {draw(st.sampled_from(['true', 'no', 'On', 'x', '~']))}")
    if draw(st.booleans()):
        lines.append("    mentions:")
        for _ in range(draw(st.integers(0, 2))):
            lines.append(f"      - section: {draw(_scalars)}")
            if draw(st.booleans()):
                lines.append(f"        line: {draw(st.sampled_from(['1', '0', '7', 'x']))}")
            if draw(st.booleans()):
                lines.append(f"        quote: {draw(_scalars)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=st.data(), count=st.integers(1, 4))
def test_generated_facts_files_load_alike_or_fail_alike(data: st.DataObject, count: int) -> None:
    import tempfile

    text = 'report:\n  id: demo\n  period: "2020"\nfacts:\n' + "".join(
        data.draw(_fact(index)) for index in range(count)
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.facts.yaml"
        path.write_text(text, encoding="utf-8")
        outcomes = []
        for enabled in (True, False):
            stream.ENABLED = enabled
            try:
                outcomes.append(load_facts(path))
            except FactlintError as error:
                outcomes.append(str(error))
            finally:
                stream.ENABLED = True
        if isinstance(outcomes[0], FactSet) and isinstance(outcomes[1], FactSet):
            _assert_same(outcomes[0], outcomes[1])
        else:
            assert outcomes[0] == outcomes[1]
