"""Rules read from YAML events equal the rules read through the tree, and fail alike."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import factlint.loading.rules_stream as stream
from factlint.errors import FactlintError
from factlint.loading.rules_stream import BOOL_OR_NULL, stream_rules
from factlint.loading.rules_yaml import load_rules
from factlint.loading.yaml_builder import resolve_plain
from factlint.model import RuleSet

ROOT = Path(__file__).resolve().parent.parent


def _outcome(path: Path, enabled: bool) -> RuleSet | str:
    stream.ENABLED = enabled
    try:
        return load_rules(path, allow_outside_source=True)
    except FactlintError as error:
        return str(error)
    finally:
        stream.ENABLED = True


def _assert_alike(path: Path) -> RuleSet | str:
    """The two paths' rule sets (every field of every rule) or errors are equal."""
    streamed, general = _outcome(path, True), _outcome(path, False)
    assert streamed == general
    if isinstance(streamed, RuleSet) and isinstance(general, RuleSet):
        for mine, theirs in zip(streamed.rules, general.rules, strict=True):
            assert mine.declared_at == theirs.declared_at
            assert mine.source_lines == theirs.source_lines
            assert mine.fact_ids == theirs.fact_ids
            assert list(mine.parameters.items()) == list(theirs.parameters.items())
    return streamed


def _streamed(path: Path) -> RuleSet | None:
    """What the stream alone makes of the file (None: it hands the file to the tree)."""
    text = path.read_text(encoding="utf-8")
    return stream_rules(text, path.name, path.parent, text.splitlines(), None)


REAL_FILES = sorted(
    [*ROOT.glob("rules/*.rules.yaml"), *ROOT.glob("tests/data/**/*.rules.yaml")],
    key=lambda p: str(p),
)


def test_there_are_real_rules_files() -> None:
    assert len(REAL_FILES) > 30


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_rules_files_load_alike(path: Path) -> None:
    assert isinstance(_assert_alike(path), RuleSet)
    assert _streamed(path) is not None  # read by the stream, not handed to the tree


def _kinds_cases() -> list[tuple[str, object]]:
    cases = []
    for path in sorted((ROOT / "tests" / "data" / "kinds").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append((f"{path.stem}: {case['name']}", case))
    return cases


@pytest.mark.parametrize(("name", "case"), _kinds_cases(), ids=[n for n, _ in _kinds_cases()])
@pytest.mark.parametrize("flow", [False, True], ids=["block", "flow"])
def test_the_kinds_test_cases_load_alike(
    tmp_path: Path, name: str, case: dict[str, object], flow: bool
) -> None:
    document = {key: case[key] for key in ("rules", "rounding", "severity") if key in case}
    path = tmp_path / "k.rules.yaml"
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=flow)
    path.write_text(text, encoding="utf-8")
    _assert_alike(path)


BROKEN = [
    "rules:\n  - id: x\n    summ: {parts: [a], total: t}\n",
    "rules:\n  - id: x\n    check: a == b\n    mesage: hi\n",
    "rules:\n  - id: x\n    sum: {parts: [a], total: t}\n    share: {part: a, whole: b, is: c}\n",
    "rules:\n  - id: x\n    severity: error\n",
    "rules:\n  - id: s\n    share: {part: a, hole: b, is: c}\n",
    "rules:\n  - id: x\n    growth: {is: c}\n",
    "rules:\n  - id: x\n    share: a / b\n",
    "rules:\n  - id: x\n    sum: {parts: a, total: t}\n",
    "rules:\n  - id: x\n    share: {part: [a], whole: b, is: c}\n",
    "rules:\n  - id: x\n    equal: [a]\n",
    "rules:\n  - id: x\n    compare: {left: a, op: '=<', right: b}\n",
    'rules:\n  - id: x\n    check: "a / b === c"\n',
    'rules:\n  - id: x\n    check: "a == 12.3.4亿元"\n',
    "rules:\n  - id: Six_New\n    check: a == b\n",
    "rules:\n  - check: a == b\n",
    "rules:\n  - id: x\n    check: a == b\n  - id: y\n    check: a == c\n"
    "  - id: x\n    check: c == d\n",
    "rules:\n  - id: x\n    check: a == b\n    severity: fatal\n",
    "rules:\n  - id: x\n    check: a == b\n    rounding: round\n",
    "rules:\n  - id: x\n    check: a == b\n    tags: share\n",
    "rules:\n  - id: x\n    check: a == b\n    tags: [a, [b]]\n",
    "rules:\n  - id: x\n    check: a == b\n    message: ~\n",
    "rules:\n  - id: x\n    equal: [a, yes]\n",
    "rules:\n  - id: x\n    sum: {parts: [a, [b]], total: t}\n",
    "rules:\n  - id: x\n    growth: {current: a, previous: b, is: 1.2.3}\n",
    "rules:\n  - id: x\n    check: a == b\n    tolerance: true\n",
    "rules:\n  - check\n",
    "rules:\n  x: 1\n",
    "facts: x.facts.yaml\n",
    "fact: x.facts.yaml\nrules: []\n",
    "severity: bad\nrules:\n  - id: x\n    check: a == b\n",
    "rules: []\nrounding: up\n",
    "rules: []\nrules: []\n",
    "rules:\n  - &a {id: x, check: a == b}\n  - *a\n",
    "rules:\n  - id: x\n    check: a == b\n---\nrules: []\n",
    "rules:\n  - {id: x, check: a == b, id: y}\n",
    "rules:\n  - id: x\n    check: !!python/object a == b\n",
    "rules:\n  - id: x\n    check: a == b\n    <<: {message: m}\n",
    "rules:\n  - id: x\n    check: a == b\n  - id: y\n    check: [a == b\n",
    "rules:\n  - id: '{row}-x'\n    for_each: {row: [a, a]}\n    check: '{row} == b'\n",
    "",
    "---\n",
    "rules:\n  - id: x\n    check: a == b\n    description: ~\n  - id: x\n    check: a == b\n",
]


@pytest.mark.parametrize("text", BROKEN)
def test_errors_are_the_tree_paths(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.rules.yaml"
    path.write_text(text, encoding="utf-8")
    outcome = _assert_alike(path)
    assert isinstance(outcome, str), outcome
    assert _streamed(path) is None


def test_defaults_after_the_rules_and_unusual_rules_alongside_common_ones(
    tmp_path: Path,
) -> None:
    path = tmp_path / "x.rules.yaml"
    path.write_text(
        "rules:\n"
        "  - id: a\n    check: a == b\n"
        "  - id: '{row}-share'\n    for_each: {row: [x_y, z]}\n"
        "    share: {part: '{row}_a', whole: '{row}_b', is: '{row}_c'}\n"
        "  - id: b\n    check: a == b\n    tolerance: {relative: 1%}\n"
        "  - id: c\n    check: !!str a == c\n    severity: warning\n"
        "  - {id: d, equal: [a, b, c], rounding: truncate, tags: [x, 'y'], message: \"m\"}\n"
        "severity: info\nrounding: exact\nfacts: [x.facts.yaml, x.facts.yaml]\n",
        encoding="utf-8",
    )
    outcome = _assert_alike(path)
    assert isinstance(outcome, RuleSet)
    assert [r.id for r in outcome.rules] == ["a", "x-y-share", "z-share", "b", "c", "d"]
    assert [r.severity.value for r in outcome.rules][-2:] == ["warning", "info"]
    assert outcome.rules[-1].rounding == "truncate"
    assert _streamed(path) is not None


_IDS = st.sampled_from(["x", "calc-00001", "'q-1'", '"dq"', "Bad_Id", "x-", "~", "true", "12"])
_OPERANDS = st.sampled_from(
    ["a", "b", "t00001_p01", "'c * 2'", "1.2.3", "yes", "'q'", "null", "[x]", '"1,200万元"', "12"]
)
_CHECKS = st.sampled_from(
    [
        "a == b",
        "'a / b == c * 1.01'",
        '"a + b"',
        '"a == 12.3.4亿元"',
        "sum(a, b) <= max(c, abs(d))",
        "[a == b]",
        "~",
        '"a == 230亿元 - 10%"',
    ]
)


def _flow_list(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


_KINDS = ["sum", "share", "ratio", "growth", "equal", "compare", "check", "count", "highest"]
_KINDS += ["lowest", "summ"]


@st.composite
def _kind(draw: st.DrawFn) -> tuple[str, dict[str, str] | str]:
    """A kind and its parameters: a mapping of flow texts, or one flow text."""
    operand = lambda: draw(_OPERANDS)  # noqa: E731
    operands = lambda least: _flow_list([operand() for _ in range(draw(st.integers(least, 4)))])  # noqa: E731
    kind = draw(st.sampled_from(_KINDS))
    parameters: dict[str, str] | str
    if kind == "sum":
        parameters = {"parts": operands(0), "total": operand()}
    elif kind in ("share", "ratio"):
        parameters = {"part": operand(), "whole": operand(), "is": operand()}
    elif kind == "growth":
        parameters = {"current": operand(), "previous": operand(), "is": operand()}
    elif kind == "equal":
        parameters = operands(1) if draw(st.booleans()) else operand()
    elif kind == "compare":
        op = draw(st.sampled_from(["'<='", '">"', "'=<'", "=="]))
        parameters = {"left": operand(), "op": op, "right": operand()}
    elif kind == "check":
        parameters = draw(_CHECKS)
    elif kind == "count":
        where = draw(st.sampled_from(["'< 15%'", "'15%'", "'>= 1.2.3'"]))
        parameters = {"of": operands(1), "where": where, "is": operand()}
    else:
        parameters = {"of": operands(1), "is": operand()}
    if isinstance(parameters, dict) and draw(st.integers(0, 9)) == 0:
        key = draw(st.sampled_from(sorted(parameters)))
        if draw(st.booleans()):
            del parameters[key]
        else:
            parameters[key + "x"] = parameters.pop(key)
    return kind, parameters


_EXTRAS = {
    "severity": ["error", "warning", "info", "fatal", "~", "'error'"],
    "rounding": ["nearest", "truncate", "exact", "up", "[nearest]"],
    "message": ["hi", "'sum off'", "~", "[x]", "12", '"它"'],
    "tags": ["[a, b]", "share", "[a, [b]]", "[]", "[yes]"],
    "description": ["free text", "~", "{any: [thing]}", "[1, 2]"],
    "tolerance": ["'1%'", "{relative: 1%}", "true"],
    "for_each": ["{row: [a, b]}", "{row: []}"],
}


@st.composite
def _rule(draw: st.DrawFn, index: int) -> str:
    fields: dict[str, str | dict[str, str]] = {}
    if draw(st.integers(0, 19)):
        fields["id"] = f"r{index}" if draw(st.integers(0, 5)) else draw(_IDS)
    kind, parameters = draw(_kind())
    fields[kind] = parameters
    for extra in draw(st.sets(st.sampled_from(sorted(_EXTRAS)), max_size=3)):
        fields[extra] = draw(st.sampled_from(_EXTRAS[extra]))
    if "for_each" in fields:
        fields["id"] = "'{row}-" + f"r{index}'"
    order = draw(st.permutations(list(fields)))
    style = draw(st.sampled_from(["block", "flow", "nested"]))
    if style == "flow":
        inner = []
        for key in order:
            value = fields[key]
            if isinstance(value, dict):
                value = "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
            inner.append(f"{key}: {value}")
        return "  - {" + ", ".join(inner) + "}\n"
    lines = []
    for key in order:
        value = fields[key]
        if isinstance(value, dict) and style == "nested":
            lines.append(f"{key}:")
            for k, v in value.items():
                if v.startswith("[") and "[" not in v[1:] and len(v) > 2:
                    lines.append(f"  {k}:")
                    lines.extend(f"    - {item}" for item in v[1:-1].split(", "))
                else:
                    lines.append(f"  {k}: {v}")
        elif isinstance(value, dict):
            lines.append(f"{key}: {{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}")
        else:
            lines.append(f"{key}: {value}")
    blank = "\n" if draw(st.integers(0, 4)) == 0 else ""
    return "  - " + "\n    ".join(lines) + "\n" + blank


@st.composite
def _rules_file(draw: st.DrawFn) -> str:
    count = draw(st.integers(0, 5))
    parts = {"rules": "rules:\n" + "".join(draw(_rule(i)) for i in range(count))}
    if not count:
        parts["rules"] = "rules: []\n"
    if draw(st.booleans()):
        parts["facts"] = "facts: " + draw(
            st.sampled_from(["x.facts.yaml", "[a.yaml, b.yaml]", "~"])
        )
        parts["facts"] += "\n"
    if draw(st.booleans()):
        parts["rounding"] = f"rounding: {draw(st.sampled_from(['truncate', 'up']))}\n"
    if draw(st.booleans()):
        parts["severity"] = f"severity: {draw(st.sampled_from(['warning', 'bad']))}\n"
    return "".join(parts[key] for key in draw(st.permutations(list(parts))))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=_rules_file())
def test_generated_rules_files_load_alike_or_fail_alike(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.rules.yaml"
        path.write_text(text, encoding="utf-8")
        _assert_alike(path)


@given(
    text=st.one_of(
        st.sampled_from(sorted(BOOL_OR_NULL)),
        st.builds(str.swapcase, st.sampled_from(sorted(BOOL_OR_NULL))),
        st.text(max_size=6),
    ).filter(lambda t: not t.endswith(("\n", "\r")))
)
def test_the_words_refused_as_text_are_yamls_nulls_and_booleans(text: str) -> None:
    assert (text in BOOL_OR_NULL) == (resolve_plain(text) in ("null", "bool"))
