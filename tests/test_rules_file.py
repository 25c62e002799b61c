"""factlint.loading.rules_yaml: the rules-file format, every kind, every load-time error."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.errors import FactlintError
from factlint.loading.rules_yaml import load_rules, rules_from_dict
from factlint.model import Location, RuleSet, Severity
from factlint.rules.expressions import unparse

HEAD = "facts: x.facts.yaml\nrules:\n"

KINDS_FILE = (
    HEAD
    + """\
  - id: sectors-add-up
    sum: {parts: [a, b, c], total: t}
  - id: six-new-share
    share: {part: p, whole: w, is: r}
  - id: completion
    ratio: {part: actual, whole: target, is: r}
  - id: fai-growth
    growth: {current: now, previous: before, is: rate}
  - id: same-total
    equal: [a, b, c]
  - id: industry-within-all
    compare: {left: industry, op: "<=", right: total}
  - id: free
    check: "a / b == c * 1.01 + 230亿元 - 10%"
  - id: functions
    check: "sum(a, b) <= max(c, abs(d)) + min(e, f)"
  - id: negative-factor
    check: a == -0.45 * b
  - id: below-fifteen
    count: {of: [a, b, c], where: "< 15%", is: n}
  - id: a-highest
    highest: {of: [a, b, c], is: a}
  - id: c-lowest
    lowest: {of: [a, b, c], is: c}
  - id: of-two
    highest: {of: [a, b], is: b}
"""
)

EXPECTED_CLAIMS = {
    "sectors-add-up": ("sum", ["t == a + b + c"]),
    "six-new-share": ("share", ["r == p / w"]),
    "completion": ("ratio", ["r == actual / target"]),
    "fai-growth": ("growth", ["rate == now / before - 1"]),
    "same-total": ("equal", ["a == b", "a == c"]),
    "industry-within-all": ("compare", ["industry <= total"]),
    "free": ("check", ["a / b == c * 1.01 + 230亿元 - 10%"]),
    "functions": ("check", ["sum(a, b) <= max(c, abs(d)) + min(e, f)"]),
    "negative-factor": ("check", ["a == -0.45 * b"]),
    "below-fifteen": ("count", ["n == count(a, b, c where < 15%)"]),
    "a-highest": ("highest", ["a >= max(b, c)"]),
    "c-lowest": ("lowest", ["c <= min(a, b)"]),
    "of-two": ("highest", ["b >= a"]),
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _load(folder: Path, text: str) -> RuleSet:
    (folder / "x.rules.yaml").write_text(text, encoding="utf-8")
    return load_rules(folder / "x.rules.yaml")


def _error(folder: Path, text: str) -> str:
    with pytest.raises(FactlintError) as caught:
        _load(folder, text)
    return str(caught.value)


def _claims(rules: RuleSet) -> dict[str, tuple[str, list[str]]]:
    return {rule.id: (rule.kind, [unparse(c) for c in rule.claims]) for rule in rules.rules}


# ---------------------------------------------------------------- kinds


def test_each_kind_loads_to_its_claims(folder: Path) -> None:
    assert _claims(_load(folder, KINDS_FILE)) == EXPECTED_CLAIMS


def test_rules_keep_their_parameters_and_location(folder: Path) -> None:
    rules = _load(folder, KINDS_FILE)
    assert rules.path == "x.rules.yaml"
    assert rules.facts_paths == (str(folder / "x.facts.yaml"),)
    share = rules.rules[1]
    assert dict(share.parameters) == {"part": "p", "whole": "w", "is": "r"}
    assert share.declared_at == Location("x.rules.yaml", 5, 5)
    assert dict(rules.rules[4].parameters) == {"facts": ["a", "b", "c"]}
    assert dict(rules.rules[6].parameters) == {"expression": "a / b == c * 1.01 + 230亿元 - 10%"}


def test_defaults_of_a_rule(folder: Path) -> None:
    rule = _load(folder, KINDS_FILE).rules[0]
    assert (rule.severity, rule.rounding, rule.tolerance, rule.message, rule.tags) == (
        Severity.ERROR,
        None,
        None,
        "",
        (),
    )


def test_common_keys_of_a_rule(folder: Path) -> None:
    rules = _load(
        folder,
        HEAD
        + """\
  - id: about-half
    share: {part: p, whole: w, is: r}
    severity: warning
    rounding: truncate
    tolerance: {relative: "1%"}
    message: "约一半"
    tags: [share, approx]
    description: free text
  - id: absolute
    check: "a == b"
    tolerance: "0.5亿元"
""",
    )
    first, second = rules.rules
    assert (first.severity, first.rounding, first.message, first.tags) == (
        Severity.WARNING,
        "truncate",
        "约一半",
        ("share", "approx"),
    )
    assert first.tolerance is not None and second.tolerance is not None
    assert (first.tolerance.figure.text, first.tolerance.relative) == ("1%", True)
    assert (second.tolerance.figure.text, second.tolerance.relative) == ("0.5亿元", False)


def test_file_level_rounding_and_severity_are_defaults(folder: Path) -> None:
    rules = _load(
        folder,
        """\
facts: x.facts.yaml
rounding: truncate
severity: warning
rules:
  - id: plain
    check: "a == b"
  - id: own
    check: "a == b"
    severity: info
    rounding: exact
""",
    )
    plain, own = rules.rules
    assert (plain.severity, plain.rounding) == (Severity.WARNING, "truncate")
    assert (own.severity, own.rounding) == (Severity.INFO, "exact")


def test_facts_may_be_a_list_or_absent(folder: Path) -> None:
    listed = _load(folder, "facts: [a.facts.yaml, sub/b.facts.yaml]\nrules: []\n")
    assert listed.facts_paths == (str(folder / "a.facts.yaml"), str(folder / "sub/b.facts.yaml"))
    assert _load(folder, "rules: []\n").facts_paths == ()


def test_source_lines_hold_the_rule_and_nothing_after_it(folder: Path) -> None:
    rules = _load(
        folder,
        """\
facts: x.facts.yaml
rules:
  - id: first
    check: "a == b"
    message: one

  # about the second rule
  - id: second
    sum:
      parts: [a, b]
      total: t
""",
    )
    first, second = rules.rules
    assert first.source_lines == (
        "  - id: first",
        '    check: "a == b"',
        "    message: one",
        "",
        "  # about the second rule",
    )
    assert second.source_lines == (
        "  - id: second",
        "    sum:",
        "      parts: [a, b]",
        "      total: t",
    )


# ---------------------------------------------------------------- errors


def _rule(body: str) -> str:
    return HEAD + body


ERRORS = {
    "unknown kind": (
        _rule("  - id: x\n    summ: {parts: [a], total: t}\n"),
        "x.rules.yaml:4:5: unknown key 'summ' in rule 'x' (did you mean 'sum'?); kinds: check, "
        "sum, share, ratio, growth, equal, compare, count, highest, lowest; other keys: id, "
        "severity, rounding, tolerance, message, tags, description, for_each",
    ),
    "misspelt common key": (
        _rule("  - id: x\n    check: a == b\n    mesage: hi\n"),
        "x.rules.yaml:5:5: unknown key 'mesage' in rule 'x' (did you mean 'message'?); kinds: "
        "check, sum, share, ratio, growth, equal, compare, count, highest, lowest; other keys: "
        "id, severity, rounding, tolerance, message, tags, description, for_each",
    ),
    "two kinds": (
        _rule("  - id: x\n    sum: {parts: [a], total: t}\n"
              "    share: {part: a, whole: b, is: c}\n"),
        "x.rules.yaml:5:5: rule 'x' has two kinds ('sum' and 'share'); a rule has exactly one",
    ),
    "no kind": (
        _rule("  - id: x\n    severity: error\n"),
        "x.rules.yaml:3:5: rule 'x' has no kind; use one of check, sum, share, ratio, growth, "
        "equal, compare, count, highest, lowest",
    ),
    "misspelt parameter": (
        _rule("  - id: six-new-share\n    share: {part: a, hole: b, is: c}\n"),
        "x.rules.yaml:4:22: rule 'six-new-share': 'share' has no parameter 'hole' "
        "(did you mean 'whole'?); it takes part, whole, is",
    ),
    "misspelt parameter, block style": (
        _rule("  - id: g\n    growth:\n      current: a\n      previus: b\n      is: c\n"),
        "x.rules.yaml:6:7: rule 'g': 'growth' has no parameter 'previus' "
        "(did you mean 'previous'?); it takes current, previous, is",
    ),
    "missing parameter": (
        _rule("  - id: x\n    share: {part: a, is: c}\n"),
        "x.rules.yaml:4:12: rule 'x': 'share' needs 'whole'",
    ),
    "two missing parameters": (
        _rule("  - id: x\n    growth: {is: c}\n"),
        "x.rules.yaml:4:13: rule 'x': 'growth' needs 'current', 'previous'",
    ),
    "a scalar for a mapping kind": (
        _rule("  - id: x\n    share: a / b\n"),
        "x.rules.yaml:4:12: rule 'x': 'share' takes a mapping with part, whole, is",
    ),
    "a string for a list": (
        _rule("  - id: x\n    sum: {parts: a, total: t}\n"),
        "x.rules.yaml:4:18: 'parts' of rule 'x' must be a list, not the string 'a'",
    ),
    "a list for a string": (
        _rule("  - id: x\n    share: {part: [a], whole: b, is: c}\n"),
        "x.rules.yaml:4:19: 'part' of rule 'x' must be a string, not a list",
    ),
    "equal given a string": (
        _rule("  - id: x\n    equal: a\n"),
        "x.rules.yaml:4:12: 'equal' of rule 'x' must be a list, not the string 'a'",
    ),
    "equal with one fact": (
        _rule("  - id: x\n    equal: [a]\n"),
        "x.rules.yaml:4:12: rule 'x': 'equal' needs at least two facts",
    ),
    "sum without parts": (
        _rule("  - id: x\n    sum: {parts: [], total: t}\n"),
        "x.rules.yaml:4:10: rule 'x': 'sum' needs at least one part",
    ),
    "compare with a bad operator": (
        _rule("  - id: x\n    compare: {left: a, op: '=<', right: b}\n"),
        "x.rules.yaml:4:14: rule 'x': 'op' must be one of == != < <= > >=, not '=<'",
    ),
    "bad expression, quoted": (
        _rule('  - id: x\n    check: "a / b === c"\n'),
        "x.rules.yaml:4:21: use '==' to compare",
    ),
    "bad expression, plain": (
        _rule("  - id: x\n    check: a + * b == c\n"),
        "x.rules.yaml:4:16: unexpected '*': expected a fact id, a number or '('",
    ),
    "bad expression, single-quoted": (
        _rule("  - id: x\n    check: 'a == 5foo'\n"),
        "x.rules.yaml:4:19: unexpected 'foo': expected an operator or the end of the check",
    ),
    "expression without a comparison": (
        _rule('  - id: x\n    check: "a + b"\n'),
        "x.rules.yaml:4:13: a check must compare two sides with ==, !=, <, <=, > or >=",
    ),
    "bad constant: column inside the constant": (
        _rule('  - id: x\n    check: "a == 12.3.4亿元"\n'),
        "x.rules.yaml:4:22: cannot read '.4亿元' after the number in constant '12.3.4亿元'",
    ),
    "kebab-case id": (
        _rule("  - id: Six_New\n    check: a == b\n"),
        "x.rules.yaml:3:9: rule id 'Six_New' must be kebab-case (a-z, 0-9 and -)",
    ),
    "id with a trailing dash": (
        _rule("  - id: six-\n    check: a == b\n"),
        "x.rules.yaml:3:9: rule id 'six-' must be kebab-case (a-z, 0-9 and -)",
    ),
    "no id": (_rule("  - check: a == b\n"), "x.rules.yaml:3:5: a rule has no 'id'"),
    "duplicate id": (
        _rule("  - id: x\n    check: a == b\n  - id: y\n    check: a == b\n"
              "  - id: x\n    check: a == c\n"),
        "x.rules.yaml:7:5: duplicate rule id 'x' (first at line 3)",
    ),
    "bad severity": (
        _rule("  - id: x\n    check: a == b\n    severity: fatal\n"),
        "x.rules.yaml:5:15: unknown severity 'fatal'; use error, warning or info",
    ),
    "bad file severity": (
        "severity: bad\nrules:\n  - id: x\n    check: a == b\n",
        "x.rules.yaml:1:11: unknown severity 'bad'; use error, warning or info",
    ),
    "bad rounding": (
        _rule("  - id: x\n    check: a == b\n    rounding: round\n"),
        "x.rules.yaml:5:15: unknown rounding 'round'; use nearest, truncate, exact",
    ),
    "bad file rounding": (
        "rounding: up\nrules: []\n",
        "x.rules.yaml:1:11: unknown rounding 'up'; use nearest, truncate, exact",
    ),
    "bad tolerance figure": (
        _rule("  - id: x\n    check: a == b\n    tolerance: '1.2.3'\n"),
        "x.rules.yaml:5:20: cannot read '.3' after the number in figure '1.2.3'",
    ),
    "bad tolerance key": (
        _rule("  - id: x\n    check: a == b\n    tolerance: {percent: '1%'}\n"),
        "x.rules.yaml:5:17: unknown key 'percent' in 'tolerance'; known keys: absolute, relative",
    ),
    "tolerance with two keys": (
        _rule("  - id: x\n    check: a == b\n    tolerance: {relative: '1%', absolute: '1'}\n"),
        "x.rules.yaml:5:16: 'tolerance' takes one of 'relative' or 'absolute'",
    ),
    "tolerance true": (
        _rule("  - id: x\n    check: a == b\n    tolerance: true\n"),
        'x.rules.yaml:5:16: a tolerance must be a figure as printed, e.g. "162.24亿元", not true',
    ),
    "rule not a mapping": (
        _rule("  - check\n"),
        "x.rules.yaml:3:5: a rule must be a mapping, not the string 'check'",
    ),
    "rules not a list": (
        "rules:\n  x: 1\n",
        "x.rules.yaml:2:3: 'rules' must be a list, not a mapping",
    ),
    "no rules": ("facts: x.facts.yaml\n", "x.rules.yaml:1:1: the rules file has no 'rules'"),
    "unknown top-level key": (
        "fact: x.facts.yaml\nrules: []\n",
        "x.rules.yaml:1:1: unknown key 'fact' in the rules file (did you mean 'facts'?); "
        "known keys: facts, rounding, rules, severity",
    ),
    "empty file": ("", "x.rules.yaml:1:1: the rules file is empty: expected 'facts:' and 'rules:'"),
    "count with no comparison": (
        _rule("  - id: x\n    count: {of: [a, b], where: '15%', is: n}\n"),
        "x.rules.yaml:4:12: rule 'x': 'where' must be one comparison (<, <=, >, >=, ==) and "
        "a figure, like \"< 15%\", not '15%'",
    ),
    "count with a bad figure": (
        _rule("  - id: x\n    count: {of: [a, b], where: '< 1.2.3', is: n}\n"),
        "x.rules.yaml:4:12: cannot read '.3' after the number in constant '1.2.3'",
    ),
    "count listing a fact twice": (
        _rule("  - id: x\n    count: {of: [a, a], where: '< 1', is: n}\n"),
        "x.rules.yaml:4:12: rule 'x': 'count' lists a fact twice in 'of'",
    ),
    "highest of a fact not listed": (
        _rule("  - id: x\n    highest: {of: [a, b], is: c}\n"),
        "x.rules.yaml:4:14: rule 'x': 'is' (c) must be one of the facts in 'of'",
    ),
    "lowest of one fact": (
        _rule("  - id: x\n    lowest: {of: [a], is: a}\n"),
        "x.rules.yaml:4:13: rule 'x': 'lowest' needs at least 2 facts in 'of'",
    ),
    "tags not a list": (
        _rule("  - id: x\n    check: a == b\n    tags: share\n"),
        "x.rules.yaml:5:11: 'tags' must be a list, not the string 'share'",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), list(ERRORS.values()), ids=list(ERRORS))
def test_errors_say_where_and_what(folder: Path, text: str, expected: str) -> None:
    assert _error(folder, text) == expected


LIST_AND_CONSTANT_ERRORS = {
    "an item of a list": (
        _rule("  - id: x\n    sum: {parts: [a, [b]], total: t}\n"),
        "x.rules.yaml:4:22: an item of 'parts' of rule 'x' must be a string, not a list",
    ),
    "an item of a kind's only list": (
        _rule("  - id: x\n    equal: [a, yes]\n"),
        "x.rules.yaml:4:16: an item of 'equal' of rule 'x' must be a string, not bool 'yes'",
    ),
    "a tag": (
        _rule("  - id: x\n    check: a == b\n    tags: [a, [b]]\n"),
        "x.rules.yaml:5:15: a tag must be a string, not a list",
    ),
    "constant under a function and a sign": (
        _rule('  - id: x\n    check: "a == abs(-1.2.3)"\n'),
        "x.rules.yaml:4:26: cannot read '.3' after the number in constant '1.2.3'",
    ),
    "constant deep in arguments": (
        _rule('  - id: x\n    check: "a == max(b, -(c + 1.2.3))"\n'),
        "x.rules.yaml:4:34: cannot read '.3' after the number in constant '1.2.3'",
    ),
    "of two bad constants, the rightmost is reported": (
        _rule('  - id: x\n    check: "a == 1.2.3 + 4.5.6"\n'),
        "x.rules.yaml:4:29: cannot read '.6' after the number in constant '4.5.6'",
    ),
    "constant in a part": (
        _rule('  - id: x\n    sum: {parts: [a, "b * 1.2.3"], total: t}\n'),
        "x.rules.yaml:4:10: cannot read '.3' after the number in constant '1.2.3'",
    ),
    "constant as a growth rate": (
        _rule("  - id: x\n    growth: {current: a, previous: b, is: 1.2.3}\n"),
        "x.rules.yaml:4:13: cannot read '.3' after the number in constant '1.2.3'",
    ),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    list(LIST_AND_CONSTANT_ERRORS.values()),
    ids=list(LIST_AND_CONSTANT_ERRORS),
)
def test_list_items_and_constants_are_checked_where_they_are(
    folder: Path, text: str, expected: str
) -> None:
    assert _error(folder, text) == expected


def test_kinds_with_list_and_text_parameters_keep_them(folder: Path) -> None:
    rules = _load(folder, KINDS_FILE).rules
    assert dict(rules[0].parameters) == {"parts": ["a", "b", "c"], "total": "t"}
    assert dict(rules[5].parameters) == {"left": "industry", "op": "<=", "right": "total"}
    assert dict(rules[7].parameters) == {"expression": "sum(a, b) <= max(c, abs(d)) + min(e, f)"}


def test_missing_rules_file(folder: Path) -> None:
    with pytest.raises(FactlintError) as caught:
        load_rules(folder / "none.rules.yaml")
    assert caught.value.path == "none.rules.yaml"


# ---------------------------------------------------------------- from plain data


def test_rules_from_dict_with_a_list() -> None:
    rules = rules_from_dict(
        [
            {"id": "six-new-share", "share": {"part": "p", "whole": "w", "is": "r"}},
            {"id": "total", "sum": {"parts": ["a", "b"], "total": "t"}, "severity": "warning"},
        ]
    )
    assert _claims(rules) == {
        "six-new-share": ("share", ["r == p / w"]),
        "total": ("sum", ["t == a + b"]),
    }
    assert rules.rules[1].severity is Severity.WARNING
    assert rules.path == "<rules>"
    assert rules.rules[0].declared_at == Location("<rules>")
    assert rules.rules[0].source_lines == ()


def test_rules_from_dict_with_a_mapping() -> None:
    rules = rules_from_dict(
        {
            "facts": "report.facts.yaml",
            "rounding": "truncate",
            "rules": [{"id": "same", "equal": ["a", "b", "c"]}],
        }
    )
    assert rules.facts_paths == ("report.facts.yaml",)
    assert _claims(rules) == {"same": ("equal", ["a == b", "a == c"])}
    assert rules.rules[0].rounding == "truncate"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            [{"id": "x", "shares": {}}],
            "<rules>: unknown key 'shares' in rule 'x' (did you mean 'share'?); kinds: check, "
            "sum, share, ratio, growth, equal, compare, count, highest, lowest; other keys: id, "
            "severity, rounding, tolerance, message, tags, description, for_each",
        ),
        (
            [{"id": "x", "check": "a == b"}, {"id": "x", "check": "a == c"}],
            "<rules>: duplicate rule id 'x'",
        ),
        (
            [{"id": "x", "check": "a == 0.5", "tolerance": 0.5}],
            "rules.rules[0].tolerance is a float (0.5): write figures as strings so their "
            'printed precision is kept (e.g. "76.50%")',
        ),
        (
            [{"id": "x", "check": "a =="}],
            "<rules>: the expression ends too early: expected a fact id, a number or '('",
        ),
    ],
)
def test_rules_from_dict_errors(data: list[dict[str, object]], expected: str) -> None:
    with pytest.raises(FactlintError) as caught:
        rules_from_dict(data)
    assert str(caught.value) == expected


# ---------------------------------------------------------------- for_each

FOR_EACH = (
    HEAD
    + """\
  - id: total
    sum: {parts: [a, b], total: t}
  - for_each: {row: [durham, thames_valley]}
    id: "{row}-under-18-share"
    share: {part: "{row}_under_18", whole: "{row}_caught", is: "{row}_pct"}
    message: "Under-18s in {row}"
  - for_each: {region: [north, south], year: ["2023", "2024"]}
    id: "{region}-{year}-sum"
    sum: {parts: ["{region}_{year}_a", "{region}_{year}_b"], total: "{region}_{year}"}
"""
)


def test_for_each_writes_one_rule_per_value(folder: Path) -> None:
    rules = _load(folder, FOR_EACH).rules
    assert [(r.id, [unparse(c) for c in r.claims]) for r in rules] == [
        ("total", ["t == a + b"]),
        ("durham-under-18-share", ["durham_pct == durham_under_18 / durham_caught"]),
        (
            "thames-valley-under-18-share",
            ["thames_valley_pct == thames_valley_under_18 / thames_valley_caught"],
        ),
        ("north-2023-sum", ["north_2023 == north_2023_a + north_2023_b"]),
        ("north-2024-sum", ["north_2024 == north_2024_a + north_2024_b"]),
        ("south-2023-sum", ["south_2023 == south_2023_a + south_2023_b"]),
        ("south-2024-sum", ["south_2024 == south_2024_a + south_2024_b"]),
    ]
    assert rules[2].message == "Under-18s in thames_valley"
    # Each expanded rule is located at its template, with the template's lines.
    assert {r.declared_at for r in rules[1:3]} == {Location("x.rules.yaml", 5, 5)}
    assert rules[2].source_lines[0] == "  - for_each: {row: [durham, thames_valley]}"
    assert rules[2].parameters["part"] == "thames_valley_under_18"


def test_for_each_from_plain_data() -> None:
    rules = rules_from_dict(
        [{"for_each": {"k": ["a", "b"]}, "id": "{k}-positive", "check": "{k} > 0"}]
    )
    assert [(r.id, unparse(r.claims[0])) for r in rules.rules] == [
        ("a-positive", "a > 0"),
        ("b-positive", "b > 0"),
    ]


FOR_EACH_ERRORS = {
    "unknown placeholder": (
        _rule('  - for_each: {row: [a]}\n    id: "{row}-x"\n    check: "{row} == {col}"\n'),
        "x.rules.yaml:5:22: unknown placeholder '{col}'; 'for_each' defines {row}",
    ),
    "unknown placeholder in the message": (
        _rule("  - for_each: {row: [a]}\n    id: '{row}-x'\n    check: a > 0\n"
              "    message: In {rows}\n"),
        "x.rules.yaml:6:17: unknown placeholder '{rows}'; 'for_each' defines {row}",
    ),
    "id without the placeholder": (
        _rule("  - for_each: {row: [a, b]}\n    id: x\n    check: '{row} > 0'\n"),
        "x.rules.yaml:4:9: the id of a 'for_each' rule must use every placeholder, so each "
        "expanded rule has its own id; add {row}",
    ),
    "empty list": (
        _rule("  - for_each: {row: []}\n    id: '{row}'\n    check: a > 0\n"),
        "x.rules.yaml:3:21: 'row' of 'for_each' is an empty list",
    ),
    "not a mapping": (
        _rule("  - for_each: [a, b]\n    id: '{row}'\n    check: a > 0\n"),
        "x.rules.yaml:3:15: 'for_each' must be a mapping, not a list",
    ),
    "a value twice": (
        _rule("  - for_each: {row: [a, a]}\n    id: '{row}'\n    check: a > 0\n"),
        "x.rules.yaml:3:21: 'row' of 'for_each' lists 'a' twice",
    ),
    "bad placeholder name": (
        _rule("  - for_each: {row-x: [a]}\n    id: 'x'\n    check: a > 0\n"),
        "x.rules.yaml:3:16: placeholder 'row-x' of 'for_each' must be an identifier "
        "(letters, digits and _)",
    ),
    "expanded ids that clash with another rule": (
        _rule("  - id: a-x\n    check: a > 0\n  - for_each: {row: [a]}\n"
              "    id: '{row}-x'\n    check: '{row} > 0'\n"),
        "x.rules.yaml:5:5: duplicate rule id 'a-x' (first at line 3)",
    ),
    "a value that makes a bad id": (
        _rule("  - for_each: {row: [A]}\n    id: '{row}-x'\n    check: '{row} > 0'\n"),
        "x.rules.yaml:4:9: rule id 'A-x' must be kebab-case (a-z, 0-9 and -)",
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"), list(FOR_EACH_ERRORS.values()), ids=list(FOR_EACH_ERRORS)
)
def test_for_each_errors_say_where_and_what(folder: Path, text: str, expected: str) -> None:
    assert _error(folder, text) == expected


# ---- facts paths stay inside the rules file's project ---------------------------------


def _rules_naming(folder: Path, facts: str) -> Path:
    path = folder / "rules" / "x.rules.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"facts: {facts}\nrules: []\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "facts", ["/etc/passwd", "../../../../../../../../etc/passwd", "[ok.facts.yaml, /etc/hosts]"]
)
def test_a_facts_path_outside_the_project_is_refused_unread(folder: Path, facts: str) -> None:
    with pytest.raises(FactlintError) as caught:
        load_rules(_rules_naming(folder, facts))
    assert "is outside the project of the rules file" in str(caught.value)
    assert "--allow-outside-source" in str(caught.value)
    assert "root:" not in str(caught.value)


def test_the_project_is_the_folder_with_a_marker_above_the_rules(folder: Path) -> None:
    project = folder / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("", encoding="utf-8")
    rules = _rules_naming(project, "../facts/a.facts.yaml")  # up to the project: fine
    assert load_rules(rules).facts_paths == (str(project / "rules/../facts/a.facts.yaml"),)
    rules.write_text("facts: ../../elsewhere.facts.yaml\nrules: []\n", encoding="utf-8")
    with pytest.raises(FactlintError, match=f"outside the project of the rules file \\({project}"):
        load_rules(rules)


def test_a_symlink_leaving_the_project_is_refused(folder: Path) -> None:
    (folder / "rules").mkdir()
    (folder / "rules" / "a.facts.yaml").symlink_to("/etc/passwd")
    with pytest.raises(FactlintError, match=r"'a\.facts\.yaml' is outside the project"):
        load_rules(_rules_naming(folder, "a.facts.yaml"))


def test_allowed_outside_paths_are_kept(folder: Path) -> None:
    rules = _rules_naming(folder, "/etc/passwd")
    assert load_rules(rules, allow_outside_source=True).facts_paths == ("/etc/passwd",)


def test_a_facts_file_listed_many_times_is_named_once(folder: Path) -> None:
    entries = ", ".join(["a.facts.yaml", "./a.facts.yaml", "../rules/a.facts.yaml"] * 300)
    rules = _rules_naming(folder, f"[{entries}, b.facts.yaml]")
    assert load_rules(rules).facts_paths == (
        str(folder / "rules/a.facts.yaml"),
        str(folder / "rules/b.facts.yaml"),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://ci-bot:ghp_SUPERSECRET@github.com\n", "it holds a single value"),
        ("- root:x:0:0\n", "it holds a list"),
        ("TOKEN: ghp_SUPERSECRET\n", "it has none of the keys 'facts:', 'rules:'"),
    ],
)
def test_a_file_that_is_not_a_rules_file_is_never_quoted(
    folder: Path, text: str, expected: str
) -> None:
    path = folder / "secret.rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FactlintError) as caught:
        load_rules(path)
    assert f"is not a rules file: {expected}" in str(caught.value)
    assert "ghp_" not in str(caught.value) and "root" not in str(caught.value)
    assert "TOKEN" not in str(caught.value)
