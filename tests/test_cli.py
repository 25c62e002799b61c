"""The command line, run as a process: exit codes, output formats, error lines."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import factlint
from factlint.loading.yaml_parse import HAS_C_LOADER

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "src"
ESCAPE = "\x1b["


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SOURCE), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def _run(*args: str, cwd: Path = REPO, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args],
        cwd=cwd,
        env=_env(**env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def _json(*args: str, cwd: Path = REPO) -> tuple[int, dict[str, Any]]:
    result = _run("check", "--format", "json", *args, cwd=cwd)
    assert result.stderr == ""
    return result.returncode, json.loads(result.stdout)


def _summary_line(summary: dict[str, int]) -> str:
    """The counts part of the text format's last line, from the JSON summary."""
    return (
        f"{summary['rules']} rules: {summary['passed']} passed, {summary['failed']} failed, "
        f"{summary['cannot_check']} cannot check · {summary['facts']} facts, "
        f"{summary['unchecked']} unchecked"
    )


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


FACTS = """\
report:
  id: demo
facts:
  six_new: {value: "39项"}
  signed: {value: "51项"}
  share: {value: "76.5%"}
  started: {value: "30项"}
"""

CLEAN_RULES = """\
facts: demo.facts.yaml
rules:
  - id: six-new-share
    share: {part: six_new, whole: signed, is: share}
  - id: started-within-signed
    check: "started <= signed"
"""


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    _write(tmp_path, "demo.facts.yaml", FACTS)
    _write(tmp_path, "demo.rules.yaml", CLEAN_RULES)
    return tmp_path


def _rules_with(folder: Path, severity: str) -> Path:
    """A rules file whose only finding has ``severity``."""
    return _write(
        folder,
        "demo.rules.yaml",
        "facts: demo.facts.yaml\nrules:\n"
        "  - id: six-new-equals-started\n    check: six_new == started\n"
        f"    severity: {severity}\n",
    )


# ---------------------------------------------------------------- the first report


def test_default_run_checks_the_first_report() -> None:
    result = _run("check")
    assert result.returncode == 1, result.stderr  # target-completion is an error finding
    assert result.stderr == ""
    _, data = _json()
    lines = result.stdout.rstrip("\n").split("\n")
    assert lines[-1].endswith(" · " + _summary_line(data["summary"]))
    assert re.match(r"^\d+ findings? \(", lines[-1])
    assert "target-completion" in result.stdout
    assert "185%" in result.stdout and "186%" in result.stdout
    assert "rules/jinzhong-2020.rules.yaml:" in result.stdout
    assert ESCAPE not in result.stdout


def test_json_has_the_documented_keys() -> None:
    code, data = _json()
    assert code == 1
    assert data["version"] == 1
    assert {"version", "summary", "findings", "unchecked"} <= set(data)
    summary = data["summary"]
    assert {"rules", "passed", "failed", "cannot_check", "facts", "unchecked"} <= set(summary)
    assert summary["rules"] == summary["passed"] + summary["failed"] + summary["cannot_check"]
    assert summary["unchecked"] == len(data["unchecked"])
    assert all(isinstance(fact, str) for fact in data["unchecked"])
    finding_keys = {"rule", "status", "severity", "message", "stated", "computed", "rounding"}
    finding_keys |= {"suggestion", "mentions"}
    mention_keys = {"fact", "section", "quote", "file", "line"}
    assert data["findings"]
    for finding in data["findings"]:
        assert finding_keys <= set(finding)
        assert finding["status"] in ("inconsistent", "cannot-check")
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["rounding"] in ("nearest", "truncate", "exact")
        assert finding["mentions"]
        for mention in finding["mentions"]:
            assert mention_keys <= set(mention)


def test_json_target_completion_finding() -> None:
    _, data = _json()
    (finding,) = [f for f in data["findings"] if f["rule"] == "target-completion"]
    assert (finding["status"], finding["severity"], finding["rounding"]) == (
        "inconsistent",
        "error",
        "nearest",
    )
    assert finding["suggestion"] == "186%"
    assert finding["stated"]["text"] == "[184.5%, 185.5%]"
    assert (finding["stated"]["low"], finding["stated"]["high"]) == ("1.845", "1.855")
    facts = {m["fact"] for m in finding["mentions"]}
    assert {"signed_investment", "signed_investment_target", "target_completion"} <= facts
    printed = [m for m in finding["mentions"] if m["fact"] == "target_completion"]
    assert all(m["file"].endswith("jinzhong-2020.txt") and m["line"] for m in printed)


def test_rounding_truncate_changes_the_outcome() -> None:
    _, nearest = _json()
    _, truncated = _json("--rounding", "truncate")
    failed = {f["rule"] for f in nearest["findings"]}
    assert "target-completion" in failed and "six-new-share" not in failed
    failed = {f["rule"] for f in truncated["findings"]}
    assert "target-completion" not in failed and "six-new-share" in failed
    (share,) = [f for f in truncated["findings"] if f["rule"] == "six-new-share"]
    assert (share["rounding"], share["suggestion"]) == ("truncate", "76.4%")


def test_a_folder_without_facts_rules_or_config_is_nothing_to_check(tmp_path: Path) -> None:
    done = _run("check", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert "nothing to check" in line
    assert f"no facts/ or rules/ folder in {tmp_path.resolve()}" in line
    assert "factlint.toml or pyproject.toml with [tool.factlint]" in line
    assert "factlint check --example" in line


def test_a_config_without_paths_is_named_in_the_message(tmp_path: Path) -> None:
    _write(tmp_path, "factlint.toml", 'rounding = "nearest"\n')
    done = _run("check", cwd=tmp_path)
    assert done.returncode == 2
    assert f"{tmp_path.resolve() / 'factlint.toml'} sets no 'paths'" in done.stderr


def test_example_checks_the_bundled_report_from_anywhere(tmp_path: Path) -> None:
    here = _run("check")
    elsewhere = _run("check", "--example", cwd=tmp_path)
    assert elsewhere.returncode == here.returncode == 1
    assert elsewhere.stderr == ""
    assert elsewhere.stdout.splitlines()[-1] == here.stdout.splitlines()[-1]


def test_example_takes_no_paths(clean: Path) -> None:
    done = _run("check", "--example", "demo.rules.yaml", cwd=clean)
    assert done.returncode == 2
    assert "give no paths" in done.stderr


@pytest.mark.parametrize(
    ("encoding", "form"),
    [("cp1252", form) for form in ("sarif", "json", "jsonl", "junit", "github", "gitlab")]
    + [("ascii", "sarif")],
)
def test_machine_formats_are_utf8_bytes_on_any_console(encoding: str, form: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "check", "--format", form],
        cwd=REPO,
        env=_env(PYTHONIOENCODING=encoding, GITHUB_STEP_SUMMARY=""),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (1, b"")
    text = done.stdout.decode("utf-8")  # strict: every byte is UTF-8
    assert "亿元" in text


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_text_degrades_to_escapes_on_a_narrow_console(encoding: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "check", "--output", str(tmp_path / "out.sarif")],
        cwd=REPO,
        env=_env(PYTHONIOENCODING=encoding),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (1, b"")
    text = done.stdout.decode(encoding)
    assert "\\u4ebf\\u5143" in text  # 亿元, escaped
    assert "亿元" in (tmp_path / "out.sarif").read_text("utf-8")


def test_errors_degrade_on_a_narrow_console(tmp_path: Path) -> None:
    missing = tmp_path / "报告.rules.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "check", str(missing)],
        env=_env(PYTHONIOENCODING="ascii"),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert b"\\u62a5\\u544a.rules.yaml" in done.stderr
    assert b"internal error" not in done.stderr


def test_fail_on_levels(tmp_path: Path) -> None:
    _write(tmp_path, "demo.facts.yaml", FACTS)
    _rules_with(tmp_path, "warning")
    assert _run("check", "demo.rules.yaml", cwd=tmp_path).returncode == 0
    assert _run("check", "--fail-on", "error", "demo.rules.yaml", cwd=tmp_path).returncode == 0
    assert _run("check", "--fail-on", "warning", "demo.rules.yaml", cwd=tmp_path).returncode == 1
    assert _run("check", "--fail-on", "info", "demo.rules.yaml", cwd=tmp_path).returncode == 1
    _rules_with(tmp_path, "info")
    assert _run("check", "--fail-on", "warning", "demo.rules.yaml", cwd=tmp_path).returncode == 0
    assert _run("check", "--fail-on", "info", "demo.rules.yaml", cwd=tmp_path).returncode == 1


def test_fail_on_on_the_first_report() -> None:
    assert _run("check", "--fail-on", "warning").returncode == 1
    assert _run("check", "--fail-on", "error").returncode == 1


def test_a_clean_pair_exits_zero(clean: Path) -> None:
    result = _run("check", "demo.rules.yaml", cwd=clean)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-1] == (
        "0 findings · 2 rules: 2 passed, 0 failed, 0 cannot check · 4 facts, 0 unchecked"
    )
    both = _run("check", "demo.facts.yaml", "demo.rules.yaml", cwd=clean)
    assert both.returncode == 0
    folder = _run("check", ".", cwd=clean)
    assert folder.returncode == 0
    assert folder.stdout.splitlines()[-1] == result.stdout.splitlines()[-1]


def test_a_finding_in_a_pair_exits_one(clean: Path) -> None:
    _write(clean, "demo.facts.yaml", FACTS.replace("76.5%", "76.6%"))
    result = _run("check", "demo.rules.yaml", cwd=clean)
    assert result.returncode == 1
    assert "six-new-share" in result.stdout
    assert "76.6%" in result.stdout and "76.5%" in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "1 finding (1 error) · 2 rules: 1 passed, 1 failed, 0 cannot check · 4 facts, 0 unchecked"
    )


def test_quiet_leaves_out_the_unchecked_list(clean: Path) -> None:
    _write(clean, "demo.rules.yaml", CLEAN_RULES.split("  - id: started")[0])
    loud = _run("check", "demo.rules.yaml", cwd=clean)
    quiet = _run("check", "--quiet", "demo.rules.yaml", cwd=clean)
    assert "started" in loud.stdout
    assert "started" not in quiet.stdout
    assert quiet.stdout.splitlines()[-1] == loud.stdout.splitlines()[-1]


# ---------------------------------------------------------------- bad input: exit 2, one line


def _one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_broken_yaml(clean: Path) -> None:
    _write(clean, "demo.facts.yaml", "report:\n  id: [demo\nfacts:\n")
    line = _one_error_line(_run("check", "demo.rules.yaml", cwd=clean))
    problem = (
        "did not find expected ',' or ']'" if HAS_C_LOADER else "expected ',' or ']', but got ':'"
    )
    assert line == (
        f"demo.facts.yaml:3:6: {problem} "
        "(while parsing a flow sequence that began at line 2, column 7)"
    )


def test_broken_rules_file(clean: Path) -> None:
    _write(clean, "demo.rules.yaml", CLEAN_RULES.replace("share: {", "shares: {"))
    line = _one_error_line(_run("check", "demo.rules.yaml", cwd=clean))
    assert line.startswith("demo.rules.yaml:4:5: unknown key 'shares' in rule 'six-new-share' ")


def test_bad_figure_in_facts(clean: Path) -> None:
    _write(clean, "demo.facts.yaml", FACTS.replace('"76.5%"', '"76.5.1%"'))
    line = _one_error_line(_run("check", "demo.rules.yaml", cwd=clean))
    assert line == "demo.facts.yaml:6:23: cannot read '.1%' after the number in figure '76.5.1%'"


def test_missing_file(tmp_path: Path) -> None:
    line = _one_error_line(_run("check", "nope.rules.yaml", cwd=tmp_path))
    assert line == "nope.rules.yaml: no such file or folder"


def test_missing_facts_file_named_by_rules(tmp_path: Path) -> None:
    _write(tmp_path, "demo.rules.yaml", CLEAN_RULES)
    line = _one_error_line(_run("check", "demo.rules.yaml", cwd=tmp_path))
    assert line == "demo.rules.yaml:1:8: facts file 'demo.facts.yaml': no such file"


def test_missing_fact_names_the_rule_line(clean: Path) -> None:
    _write(clean, "demo.rules.yaml", CLEAN_RULES + "  - id: missing\n    check: six_new <= signd\n")
    line = _one_error_line(_run("check", "demo.rules.yaml", cwd=clean))
    assert line == (
        "demo.rules.yaml:7:5: rule 'missing' names fact 'signd', which no facts file defines "
        "(did you mean 'signed'?)"
    )


def test_unknown_flag() -> None:
    result = _run("check", "--bogus")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "unrecognized arguments: --bogus" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_choice() -> None:
    result = _run("check", "--rounding", "up")
    assert result.returncode == 2
    assert "invalid choice: 'up'" in result.stderr


def test_no_command() -> None:
    result = _run()
    assert result.returncode == 2
    assert "usage: factlint" in result.stderr


def test_version() -> None:
    result = _run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"factlint {factlint.__version__}")


# ---------------------------------------------------------------- colour


def test_no_escape_codes_when_piped(clean: Path) -> None:
    _write(clean, "demo.facts.yaml", FACTS.replace("76.5%", "76.6%"))
    piped = _run("check", "demo.rules.yaml", cwd=clean)
    assert ESCAPE not in piped.stdout
    forced = _run("check", "--color", "always", "demo.rules.yaml", cwd=clean)
    assert ESCAPE in forced.stdout
    never = _run("check", "--color", "never", "demo.rules.yaml", cwd=clean, TERM="xterm")
    assert ESCAPE not in never.stdout


def _on_a_terminal(folder: Path, **env: str) -> str:
    """Run ``factlint check`` with its stdout on a pseudo-terminal; return what it printed."""
    primary, secondary = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "factlint", "check", "demo.rules.yaml"],
            cwd=folder,
            env=_env(TERM="xterm", **env),
            stdout=secondary,
            stderr=subprocess.DEVNULL,
        )
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    finally:
        os.close(primary)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_colour_on_a_terminal_unless_no_color(clean: Path) -> None:
    _write(clean, "demo.facts.yaml", FACTS.replace("76.5%", "76.6%"))
    assert ESCAPE in _on_a_terminal(clean)
    assert ESCAPE not in _on_a_terminal(clean, NO_COLOR="1")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("schema", "facts"), "facts"),
        (("extract", "facts/jinzhong-2020.txt"), "亿元"),
        (("scan", "facts/jinzhong-2020.txt", "--format", "json"), "亿元"),
    ],
)
def test_other_commands_write_files_as_utf8_on_any_console(
    args: tuple[str, ...], expected: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "factlint", *args],
        cwd=REPO,
        env=_env(PYTHONIOENCODING="cp1252"),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert expected in done.stdout.decode("utf-8")


def test_a_closed_stdout_is_no_internal_error() -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written (`| head -0`)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "factlint", "check", "--format", "json"],
            cwd=REPO,
            env=_env(),
            stdout=write,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write)
    assert done.returncode == 141
    assert b"internal error" not in done.stderr and b"Traceback" not in done.stderr
