"""Configuration: where it is found, what it may say, and that flags override it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.app.config import Config, config_from_text, load_config, read_config
from factlint.errors import FactlintError
from factlint.model import Severity

REPO = Path(__file__).resolve().parents[1]

FACTS = """\
report:
  id: demo
facts:
  signed: {value: "51项"}
  six_new: {value: "39项"}
  share: {value: "75.5%"}
"""
RULES = """\
facts: demo.facts.yaml
rules:
  - id: six-new-share
    severity: warning
    share: {part: six_new, whole: signed, is: share}
  - id: within
    check: six_new <= signed
"""


def project(folder: Path, config: str = "", name: str = "factlint.toml") -> Path:
    """A folder with a small report (one warning) and, when given, a configuration."""
    (folder / "reports").mkdir(parents=True)
    (folder / "reports" / "demo.facts.yaml").write_text(FACTS, encoding="utf-8")
    (folder / "reports" / "demo.rules.yaml").write_text(RULES, encoding="utf-8")
    if config:
        (folder / name).write_text(config, encoding="utf-8")
    return folder


def factlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    env["PYTHONPATH"] = str(REPO / "src")
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def error_of(text: str, name: str = "factlint.toml") -> FactlintError:
    with pytest.raises(FactlintError) as caught:
        config_from_text(text, Path(name))
    return caught.value


# ---- discovery --------------------------------------------------------------------------


def test_no_configuration_is_an_empty_one(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()


def test_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / "factlint.toml").write_text('rounding = "truncate"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = load_config(deep)
    assert config.path == tmp_path / "factlint.toml" and config.rounding == "truncate"


def test_a_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "factlint.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    assert load_config(tmp_path / "sub").fail_on is Severity.INFO
    assert read_config(tmp_path / "sub" / "pyproject.toml") is None


def test_the_nearest_file_with_configuration_wins(tmp_path: Path) -> None:
    (tmp_path / "factlint.toml").write_text('rounding = "exact"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.factlint]\nrounding = "truncate"\n', "utf-8"
    )
    config = load_config(tmp_path / "sub")
    assert config.rounding == "truncate" and config.path == tmp_path / "sub" / "pyproject.toml"


def test_factlint_toml_comes_before_pyproject_in_one_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.factlint]\njobs = 2\n", "utf-8")
    (tmp_path / "factlint.toml").write_text("jobs = 3\n", encoding="utf-8")
    assert load_config(tmp_path).jobs == 3


# ---- keys -------------------------------------------------------------------------------


def test_every_key(tmp_path: Path) -> None:
    text = """\
paths = ["reports", "more/x.rules.yaml"]
rounding = "truncate"
fail-on = "warning"
format = "sarif"
jobs = 4

[severity]
mentions-framing = "info"

[skip]
start-rate = "the base count is not printed"
"""
    config = config_from_text(text, tmp_path / "factlint.toml")
    assert config is not None
    assert config.paths == (tmp_path / "reports", tmp_path / "more/x.rules.yaml")
    assert (config.rounding, config.fail_on, config.format, config.jobs) == (
        "truncate",
        Severity.WARNING,
        "sarif",
        4,
    )
    assert config.severity == {"mentions-framing": Severity.INFO}
    assert config.skip == {"start-rate": "the base count is not printed"}


def test_pyproject_table(tmp_path: Path) -> None:
    text = '[project]\nname = "x"\n\n[tool.factlint]\nformat = "junit"\n'
    config = config_from_text(text, tmp_path / "pyproject.toml")
    assert config is not None and config.format == "junit"


def test_unknown_key_names_the_file_the_key_and_the_line() -> None:
    error = error_of('rounding = "nearest"\n\nfial-on = "error"\n')
    assert (error.path, error.line) == ("factlint.toml", 3)
    assert "unknown key 'fial-on'" in error.message and "did you mean 'fail-on'" in error.message


def test_unknown_key_in_a_pyproject_is_found_under_its_table() -> None:
    text = '[project]\nname = "x"\nthreads = 1\n\n[tool.factlint]\nthreads = 2\n'
    error = error_of(text, "pyproject.toml")
    assert (error.path, error.line) == ("pyproject.toml", 6)
    assert "unknown key 'threads'" in error.message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('rounding = "up"\n', 1, "'rounding' must be one of nearest, truncate, exact"),
        ('fail-on = "fatal"\n', 1, "'fail-on' must be one of"),
        ('format = "xml"\n', 1, "'format' must be one of"),
        ("jobs = 0\n", 1, "'jobs' must be a whole number of at least 1"),
        ("jobs = true\n", 1, "'jobs' must be a whole number"),
        ("paths = [1]\n", 1, "'paths' must be a list of paths"),
        ('severity = "error"\n', 1, "'severity' must be a table of rule ids"),
        ('[severity]\nstart-rate = "loud"\n', 2, "'severity.start-rate' must be one of"),
        ('[skip]\n"start-rate" = ""\n', 2, "skipping 'start-rate' needs a reason"),
        ("skip = {start-rate = true}\n", 1, "skipping 'start-rate' needs a reason"),
        ('rounding = "nearest\n', 1, "invalid TOML"),
    ],
)
def test_bad_values_are_located_errors(text: str, line: int, words: str) -> None:
    error = error_of(text)
    assert error.line == line and words in error.message, str(error)


def test_rules_named_in_the_configuration_must_exist() -> None:
    config = config_from_text('[skip]\nstart-rat = "base unknown"\n', Path("factlint.toml"))
    assert config is not None
    config.check_names({"start-rat", "mentions-agree"})
    with pytest.raises(FactlintError) as caught:
        config.check_names({"six-new-share", "start-rate"})
    assert caught.value.line == 2 and "did you mean 'start-rate'" in caught.value.message


# ---- through the command line -----------------------------------------------------------


def test_configured_paths_relative_to_the_file(tmp_path: Path) -> None:
    project(tmp_path, 'paths = ["reports"]\n')
    (tmp_path / "elsewhere").mkdir()
    done = factlint("check", cwd=tmp_path / "elsewhere")
    assert done.returncode == 0, done.stderr
    assert "[six-new-share]" in done.stdout or "six-new-share" in done.stdout


def test_fail_on_from_the_file_and_the_flag_overrides_it(tmp_path: Path) -> None:
    project(tmp_path, 'paths = ["reports"]\nfail-on = "warning"\n')
    assert factlint("check", cwd=tmp_path).returncode == 1
    assert factlint("check", "--fail-on", "error", cwd=tmp_path).returncode == 0


def test_format_from_the_file_and_the_flag_overrides_it(tmp_path: Path) -> None:
    project(tmp_path, '[tool.factlint]\npaths = ["reports"]\nformat = "json"\n', "pyproject.toml")
    assert json.loads(factlint("check", cwd=tmp_path).stdout)["summary"]["findings"] == 1
    text = factlint("check", "--format", "text", cwd=tmp_path).stdout
    assert text.splitlines()[-1].startswith("1 finding")


def test_rounding_from_the_file_and_the_flag_overrides_it(tmp_path: Path) -> None:
    project(tmp_path, 'paths = ["reports"]\nrounding = "truncate"\nformat = "json"\n')
    results = json.loads(factlint("check", cwd=tmp_path).stdout)["findings"]
    assert results[0]["rounding"] == "truncate"
    flagged = json.loads(factlint("check", "--rounding", "nearest", cwd=tmp_path).stdout)
    assert flagged["findings"][0]["rounding"] == "nearest"


def test_severity_override(tmp_path: Path) -> None:
    project(tmp_path, 'paths = ["reports"]\nformat = "json"\n[severity]\nsix-new-share = "error"\n')
    done = factlint("check", cwd=tmp_path)
    assert done.returncode == 1
    assert json.loads(done.stdout)["findings"][0]["severity"] == "error"


def test_skips_are_reported_with_their_reason(tmp_path: Path) -> None:
    config = 'paths = ["reports"]\n[skip]\nsix-new-share = "the share is rounded by hand"\n'
    project(tmp_path, config)
    done = factlint("check", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Skipped (1 by the configuration):" in done.stdout
    assert "  six-new-share: the share is rounded by hand" in done.stdout
    assert "1 skipped" in done.stdout.splitlines()[-1]
    results = json.loads(factlint("check", "--format", "json", cwd=tmp_path).stdout)["results"]
    skipped = [r for r in results if r["outcome"] == "skipped"]
    assert [(r["rule"], r["skip_reason"]) for r in skipped] == [
        ("six-new-share", "the share is rounded by hand")
    ]


def test_an_implicit_check_can_be_skipped(tmp_path: Path) -> None:
    project(
        tmp_path, 'paths = ["reports"]\n[skip]\nmentions-framing = "framing varies on purpose"\n'
    )
    done = factlint("check", "--format", "json", cwd=tmp_path)
    results = {r["rule"]: r for r in json.loads(done.stdout)["results"]}
    assert results["mentions-framing"]["outcome"] == "skipped"


def test_a_misspelt_rule_in_the_configuration_is_a_clean_error(tmp_path: Path) -> None:
    project(tmp_path, 'paths = ["reports"]\n\n[skip]\nsix-new-shares = "typo"\n')
    done = factlint("check", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("factlint.toml:4: 'skip' names rule 'six-new-shares'")


def test_an_unknown_key_stops_the_command(tmp_path: Path) -> None:
    project(tmp_path, 'paths = ["reports"]\ncolour = "never"\n')
    done = factlint("check", cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("factlint.toml:2: unknown key 'colour'")


def test_the_documented_example_is_a_valid_configuration(tmp_path: Path) -> None:
    docs = (REPO / "docs" / "ci.md").read_text("utf-8")
    example = docs.split("```toml\n", 1)[1].split("```", 1)[0]
    config = config_from_text(example, tmp_path / "pyproject.toml")
    assert config is not None and config.skip and config.severity and config.paths


def test_a_dotted_key_of_thousands_of_parts_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.factlint]\n" + "a" + ".a" * 100_000 + " = 1\n", encoding="utf-8")
    with pytest.raises(FactlintError, match=r":2: a dotted key of more than 64 parts"):
        read_config(path)
