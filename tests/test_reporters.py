"""The CI formats, each parsed back with a real parser.

SARIF is validated against the published SARIF 2.1.0 JSON Schema, kept in
``tests/data/sarif-schema-2.1.0.json`` (see ``tests/data/sarif-schema-2.1.0.md`` for where
it comes from). GitHub's escaping is tested against the documented rules: ``%``, CR and LF
in data; also ``:`` and ``,`` in property values.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlint
from factlint.app.commands.check import run_check
from factlint.model import CheckResult, Finding, RuleResult, Severity, Summary
from factlint.reporters import FORMATS, RenderOptions, github, gitlab, jsonl, junit, sarif
from factlint.reporters.common import explanation, unique_fingerprints
from factlint.reporters.json_format import finding_dict

REPO = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = json.loads((REPO / "tests/data/sarif-schema-2.1.0.json").read_text("utf-8"))
FIRST_REPORT = [REPO / "facts", REPO / "rules"]


@pytest.fixture(scope="module")
def first() -> CheckResult:
    """The first report: one error and three warnings."""
    return run_check(FIRST_REPORT)


@pytest.fixture(scope="module")
def mixed() -> CheckResult:
    """Every outcome at once: failed, cannot check, skipped, passed, an info finding."""
    facts = {
        "report": {"id": "mixed"},
        "facts": {
            "signed": {"value": "51项"},
            "six_new": {"value": "39项"},
            "share": {"value": "75.5%"},
            "yuan": {"value": "3亿元"},
            "dollars": {"value": "2万美元"},
            "total": {"value": "5亿元"},
        },
    }
    rules = [
        {"id": "six-new-share", "share": {"part": "six_new", "whole": "signed", "is": "share"}},
        {"id": "mixed-units", "check": "total == yuan + dollars", "severity": "warning"},
        {"id": "within", "check": "six_new <= signed"},
        {"id": "skipped-rule", "check": "six_new > signed"},
        {"id": "noted", "check": "six_new > signed", "severity": "info"},
    ]
    return factlint.check(facts, rules, skip={"skipped-rule": "the base is not printed"})


def sarif_of(report: CheckResult) -> dict[str, Any]:
    document = json.loads(sarif.render(report))
    validator = jsonschema.Draft4Validator(
        SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    validator.validate(document)
    return document


def test_every_format_is_registered() -> None:
    assert {"text", "json", "jsonl", "junit", "sarif", "github", "gitlab"} <= set(FORMATS)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_renders_an_empty_report(name: str) -> None:
    empty = CheckResult((), (), 0, ())
    assert isinstance(FORMATS[name](empty, RenderOptions()), str)


def test_mixed_report_has_every_outcome(mixed: CheckResult) -> None:
    outcomes = {r.rule: r.outcome for r in mixed.results}
    assert outcomes["six-new-share"] == "failed"
    assert outcomes["mixed-units"] == "cannot-check"
    assert outcomes["within"] == "passed"
    assert outcomes["skipped-rule"] == "skipped"
    assert mixed.summary.skipped == 1


# ---- jsonl ------------------------------------------------------------------------------


def test_jsonl_is_one_finding_object_per_line(first: CheckResult) -> None:
    lines = jsonl.render(first).splitlines()
    assert [json.loads(line) for line in lines] == [finding_dict(f) for f in first.findings]
    assert jsonl.render(CheckResult((), (), 0, ())) == ""


# ---- junit ------------------------------------------------------------------------------


def test_junit_has_a_testcase_per_rule_result(first: CheckResult) -> None:
    root = ET.fromstring(junit.render(first))
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(first.results) == int(root.get("tests", ""))
    names = [c.get("name") for c in cases]
    assert "implicit:mentions-agree" in names and "six-new-share" in names
    keys = [(c.get("classname"), c.get("name")) for c in cases]
    assert len(set(keys)) == len(keys), "GitLab keeps only the first of a repeated name"
    failing = [r for r in first.results if any(f.severity == Severity.ERROR for f in r.findings)]
    assert int(root.get("failures", "")) == len(failing) == 1  # the warnings pass


def test_junit_failure_body_is_the_full_explanation(first: CheckResult) -> None:
    root = ET.fromstring(junit.render(first))
    case = root.find("./testsuite/testcase[@name='target-completion']")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "inconsistent"
    assert "would read  186%" in (failure.text or "")
    assert "target_completion = 185%" in (failure.text or "")
    assert "(declared at rules/jinzhong-2020.rules.yaml:17:5)" in (failure.get("message") or "")
    assert set(case.attrib) == {"name", "classname", "time"}


def test_junit_cannot_check_is_an_error_and_skips_carry_the_reason(mixed: CheckResult) -> None:
    root = ET.fromstring(junit.render(mixed, RenderOptions(fail_on=Severity.INFO)))
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "mixed"
    by_name = {c.get("name"): c for c in suite.findall("testcase")}
    error = by_name["mixed-units"].find("error")
    assert error is not None and error.get("type") == "cannot-check"
    skipped = by_name["skipped-rule"].find("skipped")
    assert skipped is not None and skipped.get("message") == "the base is not printed"
    assert list(by_name["within"]) == []
    assert (suite.get("failures"), suite.get("errors"), suite.get("skipped")) == ("2", "1", "1")


def test_junit_stays_well_formed_with_control_characters(mixed: CheckResult) -> None:
    finding = replace(mixed.findings[0], message="form\x0cfeed & <tag> \x00")
    result = replace(mixed.results[5], findings=(finding,))
    report = replace(mixed, results=(result,), findings=(finding,))
    failure = ET.fromstring(junit.render(report)).find(".//failure")
    assert failure is not None and "& <tag>" in (failure.get("message") or "")


def test_junit_groups_reports_into_suites(first: CheckResult, mixed: CheckResult) -> None:
    root = ET.fromstring(junit.render(CheckResult.merge([first, mixed])))
    assert [s.get("name") for s in root.findall("testsuite")] == ["jinzhong-2020", "mixed"]


# ---- sarif ------------------------------------------------------------------------------


def test_sarif_validates_against_the_published_schema(
    first: CheckResult, mixed: CheckResult
) -> None:
    for report in (first, mixed, CheckResult.merge([first, mixed]), CheckResult((), (), 0, ())):
        assert sarif_of(report)["version"] == "2.1.0"


def test_sarif_rules_describe_every_rule_once(first: CheckResult) -> None:
    driver = sarif_of(first)["runs"][0]["tool"]["driver"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == list(dict.fromkeys(f"jinzhong-2020/{r.rule}" for r in first.results))
    share = driver["rules"][ids.index("jinzhong-2020/six-new-share")]
    assert share["shortDescription"]["text"] and share["fullDescription"]["text"]
    assert share["help"]["text"]


def test_sarif_result_points_at_the_stated_figure(first: CheckResult) -> None:
    run = sarif_of(first)["runs"][0]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    result = by_rule["jinzhong-2020/target-completion"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "facts/jinzhong-2020.txt"
    assert location["region"]["startLine"] == 199  # 185%, the stated figure
    related = [r["physicalLocation"]["artifactLocation"]["uri"] for r in result["relatedLocations"]]
    assert "facts/jinzhong-2020.facts.yaml" in related
    rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["id"] == "jinzhong-2020/target-completion"
    assert result["level"] == "error"


def test_sarif_marks_skipped_rules_disabled(mixed: CheckResult) -> None:
    rules = sarif_of(mixed)["runs"][0]["tool"]["driver"]["rules"]
    enabled = {rule["id"]: rule["defaultConfiguration"]["enabled"] for rule in rules}
    assert enabled["mixed/skipped-rule"] is False and enabled["mixed/six-new-share"] is True


def test_sarif_fingerprints_and_levels(mixed: CheckResult) -> None:
    results = sarif_of(mixed)["runs"][0]["results"]
    prints = [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in results]
    assert prints == [f.fingerprint for f in mixed.findings]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {
        "mixed/six-new-share": "error",
        "mixed/mixed-units": "warning",
        "mixed/noted": "note",
    }


def test_sarif_without_a_report_text_points_at_the_rule(tmp_path: Path) -> None:
    (tmp_path / "r.facts.yaml").write_text(
        'report: {id: r}\nfacts:\n  a: {value: "1项"}\n  b: {value: "2项"}\n', "utf-8"
    )
    (tmp_path / "r.rules.yaml").write_text(
        "facts: r.facts.yaml\nrules:\n  - id: a-above-b\n    check: a > b\n", "utf-8"
    )
    report = run_check([tmp_path / "r.rules.yaml"])
    location = sarif_of(report)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("r.rules.yaml")
    assert location["region"] == {"startLine": 3, "startColumn": 5}


def test_sarif_names_no_file_for_in_memory_documents(mixed: CheckResult) -> None:
    for result in sarif_of(mixed)["runs"][0]["results"]:
        assert "locations" not in result and "relatedLocations" not in result


# ---- github -----------------------------------------------------------------------------

COMMAND = re.compile(r"^::(?P<kind>error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)$")


def unescape(text: str) -> str:
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


@pytest.mark.parametrize(
    ("plain", "data", "prop"),
    [
        ("50%", "50%25", "50%25"),
        ("a\nb", "a%0Ab", "a%0Ab"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a: b, c", "a: b, c", "a%3A b%2C c"),
        ("%0A", "%250A", "%250A"),
        ("加, 减: 100%", "加, 减: 100%25", "加%2C 减%3A 100%25"),
    ],
)
def test_github_escaping_follows_the_documented_rules(plain: str, data: str, prop: str) -> None:
    assert github.escape_data(plain) == data
    assert github.escape_property(plain) == prop


def test_github_annotations_parse_back(first: CheckResult) -> None:
    lines = github.render(first).splitlines()
    annotations = [COMMAND.match(line) for line in lines[:-1]]
    assert all(annotations) and len(annotations) == len(first.findings)
    for match, finding in zip(annotations, first.findings, strict=True):
        assert match is not None
        props = dict(p.split("=", 1) for p in match["props"].split(","))
        assert props["file"] == "facts/jinzhong-2020.txt" and props["line"].isdigit()
        assert unescape(props["title"]) == f"factlint {finding.rule}: inconsistent"
        assert unescape(match["data"]) == explanation(finding)
        assert "\n" not in match["data"]
    assert [m["kind"] for m in annotations if m] == ["warning", "warning", "error", "warning"]
    assert lines[-1].startswith("4 findings")


def test_github_info_is_a_notice(mixed: CheckResult) -> None:
    kinds = [line.split(" ", 1)[0] for line in github.render(mixed).splitlines()[:-1]]
    assert kinds == ["::error", "::warning", "::notice"]


def test_github_summary_is_a_markdown_table_of_every_finding(first: CheckResult) -> None:
    markdown = github.summary_markdown(first)
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    assert len(rows) == 2 + len(first.findings)
    assert all(len(re.split(r"(?<!\\)\|", row)) == 7 for row in rows), "five cells a row"
    assert "`target-completion`" in markdown and "&#60;=" in markdown
    assert "No findings." in github.summary_markdown(CheckResult((), (), 0, ()))


def test_github_summary_cells_cannot_break_the_table(mixed: CheckResult) -> None:
    finding = replace(mixed.findings[0], message="a | b\nc")
    markdown = github.summary_markdown(replace(mixed, findings=(finding,)))
    row = next(line for line in markdown.splitlines() if line.startswith("| error"))
    assert row.endswith("a &#124; b<br>c |")


# ---- gitlab -----------------------------------------------------------------------------


def test_gitlab_code_quality_fields(first: CheckResult) -> None:
    issues = json.loads(gitlab.render(first))
    assert isinstance(issues, list) and len(issues) == len(first.findings)
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["location"]["path"] and issue["location"]["lines"]["begin"] >= 1
    assert [i["severity"] for i in issues] == ["minor", "minor", "major", "minor"]


def test_gitlab_severities_and_unique_fingerprints(mixed: CheckResult) -> None:
    twice = replace(mixed, findings=mixed.findings + mixed.findings)
    issues = json.loads(gitlab.render(twice))
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    assert {i["check_name"]: i["severity"] for i in issues} == {
        "six-new-share": "major",
        "mixed-units": "minor",
        "noted": "info",
    }


def test_unique_fingerprints_keep_the_first_as_is() -> None:
    finding = Finding("r", "check", "inconsistent", Severity.ERROR, "m", fingerprint="abc")
    assert unique_fingerprints([finding, finding, finding]) == ["abc", "abc-1", "abc-2"]


# ---- the command layer ------------------------------------------------------------------


def _run(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in __import__("os").environ.items() if k != "GITHUB_STEP_SUMMARY"}
    environment["PYTHONPATH"] = str(REPO / "src")
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_output_writes_the_format_and_prints_text(tmp_path: Path) -> None:
    target = tmp_path / "out" / "factlint.sarif"
    target.parent.mkdir()
    paths = [str(p) for p in FIRST_REPORT]
    done = _run("check", *paths, "--format", "sarif", "--output", str(target), cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[-1].startswith("4 findings")
    assert json.loads(target.read_text("utf-8"))["version"] == "2.1.0"
    assert [p.name for p in target.parent.iterdir()] == ["factlint.sarif"]  # no temp file left


def test_output_into_a_missing_folder_is_a_clean_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.json"
    paths = [str(p) for p in FIRST_REPORT]
    done = _run("check", *paths, "--format", "json", "-o", str(target), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"{target}: cannot write")


def test_github_format_appends_the_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    paths = [str(p) for p in FIRST_REPORT]
    done = _run(
        "check", *paths, "--format", "github", cwd=tmp_path, GITHUB_STEP_SUMMARY=str(summary)
    )
    assert done.returncode == 1
    assert done.stdout.startswith("::warning file=")
    text = summary.read_text("utf-8")
    assert text.startswith("earlier step\n## factlint")
    assert text.count("\n| ") == 1 + 4


# ---- the JSON report's results, written directly ----------------------------------------

_TEXTS = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"), st.sampled_from('"\\\x00\x1f\x7f\x85\u2028\u202e#[:')
    ),
    max_size=12,
)


@st.composite
def _results(draw: st.DrawFn) -> RuleResult:
    from factlint.model import Location, Origin

    declared = draw(
        st.one_of(
            st.none(),
            st.builds(Location, _TEXTS, st.one_of(st.none(), st.integers(1, 10**6)), st.none()),
        )
    )
    findings = draw(st.sampled_from([(), FINDINGS[:1], FINDINGS[1:2], FINDINGS]))
    return RuleResult(
        draw(_TEXTS),
        draw(_TEXTS),
        draw(st.sampled_from(list(Severity))),
        findings,
        declared,
        tuple(draw(st.lists(_TEXTS, max_size=4))),
        skip_reason=draw(st.one_of(st.none(), _TEXTS)),
        report=draw(_TEXTS),
        message=draw(_TEXTS),
        origin=draw(st.sampled_from(list(Origin))),
    )


def _findings_of_every_status() -> tuple[Finding, ...]:
    report = run_check(FIRST_REPORT)
    inconsistent = next(f for f in report.findings if f.status == "inconsistent")
    return (inconsistent, replace(inconsistent, status="cannot-check"))


FINDINGS = _findings_of_every_status()


@settings(max_examples=500, deadline=None)
@given(result=_results())
def test_a_result_is_written_as_the_json_encoder_writes_it(result: RuleResult) -> None:
    from factlint.reporters.json_format import _ENCODER, _result_json, result_dict

    assert _result_json(result) == _ENCODER.encode(result_dict(result))


def _summary_counted_apart(report: CheckResult) -> Summary:
    """``CheckResult.summary`` as it was first written: a pass per outcome."""
    from factlint.model import Origin

    declared = [r for r in report.results if r.origin is Origin.RULE]
    return Summary(
        rules=len(declared),
        passed=sum(r.outcome == "passed" for r in declared),
        failed=sum(r.outcome == "failed" for r in declared),
        cannot_check=sum(r.outcome == "cannot-check" for r in declared),
        facts=report.facts,
        unchecked=len(report.unchecked),
        skipped=sum(r.outcome == "skipped" for r in declared),
    )


@settings(max_examples=200, deadline=None)
@given(results=st.lists(_results(), max_size=8))
def test_the_summary_counts_each_outcome(results: list[RuleResult]) -> None:
    report = CheckResult((), tuple(results), 3, ("x",), ("r",))
    assert report.summary == _summary_counted_apart(report)
    for result in results:
        expected = (
            "skipped"
            if result.skip_reason is not None
            else "failed"
            if any(f.status == "inconsistent" for f in result.findings)
            else "cannot-check"
            if result.findings
            else "passed"
        )
        assert result.outcome == expected


def test_the_json_report_is_defused_as_a_whole_document(mixed: CheckResult) -> None:
    """Piece by piece or whole, the same document: raw characters escaped, CI commands
    defused."""
    from factlint.reporters.escape import defuse_json
    from factlint.reporters.json_format import _ENCODER, report_dict

    for report in (mixed, run_check(FIRST_REPORT)):
        data = report_dict(report)
        lines = [f"  {_ENCODER.encode(key)}: {_old_layout(key, v)}" for key, v in data.items()]
        whole = defuse_json("{\n" + ",\n".join(lines) + "\n}\n")
        assert FORMATS["json"](report, RenderOptions()) == whole


def _old_layout(key: str, value: object) -> str:
    from factlint.reporters.json_format import _ENCODER

    if key in ("results", "findings") and isinstance(value, list) and value:
        return "[\n" + ",\n".join(f"    {_ENCODER.encode(item)}" for item in value) + "\n  ]"
    return _ENCODER.encode(value)
