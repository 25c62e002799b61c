"""Every problem in one run (issue 12): a facts or rules file with several mistakes
reports all of them, each ``path:line:col``, sorted, up to a limit, in the CLI and the
pytest plugin."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.errors import MAX_PROBLEMS

pytest_plugins = ["pytester"]

FACTS = """\
report: {id: t}
facts:
  a: {value: "1亿元", labl: x}
  b: {value: "abc"}
  c: {value: "1", decimals: 99}
  d: {valu: "1"}
  e: {value: "1%", exact: maybe}
  f: {value: "1", tolerance: {relative: "200%"}}
  g: {value: "1", mentions: 3}
  9h: {value: "1"}
  ok: {value: "2"}
"""

RULES = """\
facts: r.facts.yaml
rules:
  - id: a
    sum: {parts: [ok], totl: ok}
  - id: B
    check: "ok == ok"
  - id: c
    share: {part: ok, whole: ok}
  - id: d
    check: "ok ==== ok"
  - id: e
    compare: {left: ok, op: "=<", right: ok}
  - id: fine
    check: "ok == ok"
  - id: fine
    check: "ok <= ok"
  - id: f
    summ: {parts: [ok]}
  - id: g
    check: "ok == ok"
    severity: fatal
"""

LOCATED = re.compile(r"^(?P<path>[\w.]+):(?P<line>\d+)(?::(?P<col>\d+))?: \S")


def _factlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args], cwd=cwd, capture_output=True, text=True
    )


def _positions(stderr: str, path: str) -> list[tuple[int, int]]:
    found = []
    for line in stderr.splitlines():
        match = LOCATED.match(line)
        assert match and match["path"] == path, line
        found.append((int(match["line"]), int(match["col"] or 0)))
    return found


def test_a_facts_file_with_eight_mistakes_reports_eight(tmp_path: Path) -> None:
    (tmp_path / "r.facts.yaml").write_text(FACTS, encoding="utf-8")
    result = _factlint("check", "r.facts.yaml", cwd=tmp_path)
    assert result.returncode == 2
    positions = _positions(result.stderr, "r.facts.yaml")
    assert [line for line, _ in positions] == [3, 4, 5, 6, 7, 8, 9, 10]
    assert positions == sorted(positions)


def test_a_rules_file_with_eight_mistakes_reports_eight(tmp_path: Path) -> None:
    (tmp_path / "r.facts.yaml").write_text("report: {id: t}\nfacts: {ok: {value: '2'}}\n")
    (tmp_path / "r.rules.yaml").write_text(RULES, encoding="utf-8")
    result = _factlint("check", "r.rules.yaml", cwd=tmp_path)
    assert result.returncode == 2
    positions = _positions(result.stderr, "r.rules.yaml")
    assert [line for line, _ in positions] == [4, 5, 8, 10, 12, 15, 18, 21]
    assert "duplicate rule id 'fine' (first at line 13)" in result.stderr


def test_a_json_lines_file_reports_every_broken_line(tmp_path: Path) -> None:
    lines = [
        '{"report": {"id": "t"}}',
        '{"id": "a", "value": "1"}',
        '{"id": "b", "value": 76.5}',
        "{not json",
        '{"id": "a", "value": "2"}',
        '{"id": "c", "valu": "2"}',
    ]
    (tmp_path / "r.facts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _factlint("check", "r.facts.jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert [line for line, _ in _positions(result.stderr, "r.facts.jsonl")] == [3, 4, 5, 6]


def test_the_problems_reported_are_limited(tmp_path: Path) -> None:
    broken = "".join(f"  f{i}: {{value: 'x{i}'}}\n" for i in range(MAX_PROBLEMS + 10))
    (tmp_path / "r.facts.yaml").write_text("report: {id: t}\nfacts:\n" + broken)
    result = _factlint("check", "r.facts.yaml", cwd=tmp_path)
    lines = result.stderr.splitlines()
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[-1] == f"… and more problems: only the first {MAX_PROBLEMS} are shown"


def test_rules_naming_missing_facts_are_all_reported(tmp_path: Path) -> None:
    (tmp_path / "r.facts.yaml").write_text("report: {id: t}\nfacts: {ok: {value: '2'}}\n")
    rules = "facts: r.facts.yaml\nrules:\n" + "".join(
        f"  - id: r{i}\n    check: 'ok == missing{i}'\n" for i in range(3)
    )
    (tmp_path / "r.rules.yaml").write_text(rules)
    result = _factlint("check", "r.rules.yaml", cwd=tmp_path)
    assert [line for line, _ in _positions(result.stderr, "r.rules.yaml")] == [3, 5, 7]


def test_the_plugin_reports_every_problem_of_a_rules_file(pytester: pytest.Pytester) -> None:
    pytester.makefile(".facts.yaml", r="report: {id: t}\nfacts: {ok: {value: '2'}}\n")
    pytester.makefile(".rules.yaml", r=RULES)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--factlint", "r.rules.yaml")
    result.stdout.fnmatch_lines(
        [
            "r.rules.yaml:4:*: rule 'a': 'sum' has no parameter 'totl'*",
            "r.rules.yaml:5:*: rule id 'B' must be kebab-case*",
            "r.rules.yaml:8:*: rule 'c': 'share' needs 'is'",
            "r.rules.yaml:10:*: *",
            "r.rules.yaml:12:*: *",
            "r.rules.yaml:15:*: duplicate rule id 'fine'*",
            "r.rules.yaml:18:*: unknown key 'summ'*",
            "r.rules.yaml:21:*: unknown severity 'fatal'*",
        ]
    )
