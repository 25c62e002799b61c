"""The pytest plugin, run through ``pytester``: rules files as items, failures that explain."""

from __future__ import annotations

import json
import os
import re
import shutil
import textwrap
import xml.etree.ElementTree as ET
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import xmlschema

# Imported here so pytester's in-process runs never re-import the core: a second PyYAML
# would not recognise the events its C loader (imported only once) still builds.
import factlint.api  # the plugin imports the core lazily: load it here, once
import factlint.pytest_plugin  # noqa: F401
from hostile.text import EVIL, RAW, write_hostile

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parents[1]
SCHEMA_XSD = REPO / "tests/data/junit/junit-10.xsd"
JINZHONG = "rules/jinzhong-2020.rules.yaml"
DEMO = "rules/demo.rules.yaml"


def _entry_point_active() -> bool:
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        return False
    return any(ep.name == "factlint" for ep in entry_points(group="pytest11"))


ENTRY_POINT = _entry_point_active()
# Without the entry point, -p loads the plugin; it is already imported, so pytest says it
# cannot rewrite its asserts, which would count as one more warning in every run.
PLUGIN: tuple[str, ...] = (
    ()
    if ENTRY_POINT
    else ("-p", "factlint.pytest_plugin", "-W", "ignore::pytest.PytestAssertRewriteWarning")
)
needs_entry_point = pytest.mark.skipif(
    not ENTRY_POINT, reason="factlint is not installed (pip install -e .)"
)

DEMO_FACTS = """\
report:
  id: demo
facts:
  signed: {value: "51项"}
  six_new: {value: "39项"}
  six_new_share: {value: "76.5%"}
  misprinted_share: {value: "75.5%"}
  campaign: {value: "60项"}
  about_total: {value: "约30亿元"}
  total: {value: "40亿元"}
"""

SIDEBAR_FACTS = """\
report:
  id: demo
facts:
  investment:
    value: "10亿元"
    mentions:
      - {section: body, value: "10亿元"}
      - {section: sidebar, value: "12亿元"}
"""

DEMO_RULES = """\
facts: [../facts/demo.facts.yaml, ../facts/sidebar.facts.yaml]
rules:
  - id: share-ok
    share: {part: six_new, whole: signed, is: six_new_share}
  - id: share-misprinted
    share: {part: six_new, whole: signed, is: misprinted_share}
  - id: campaign-within-year
    check: "campaign <= signed"
    severity: warning
    tags: [assumption]
  - id: needs-tolerance
    check: "about_total <= total"
"""

DEMO_IDS = [
    "share-ok",
    "share-misprinted",
    "campaign-within-year",
    "needs-tolerance",
    "implicit-checks(facts/demo.facts.yaml)",
    "implicit-checks(facts/sidebar.facts.yaml)",
]


# Hypothesis's plugin takes about a second to configure; these runs have no use for it.
QUICK = ("-p", "no:hypothesispytest")


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    # A process of its own per run: in-process runs share warning registries and imported
    # modules with the outer session, which made counts depend on the order tests ran in.
    return pytester.runpytest_subprocess(*QUICK, *PLUGIN, *args)


def write_ini(pytester: pytest.Pytester, *options: str) -> None:
    lines = ["[pytest]", *options]
    (pytester.path / "pytest.ini").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write(pytester: pytest.Pytester, path: str, text: str) -> Path:
    target = pytester.path / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(text), encoding="utf-8")
    return target


@pytest.fixture
def demo(pytester: pytest.Pytester) -> pytest.Pytester:
    write_ini(pytester)
    write(pytester, "facts/demo.facts.yaml", DEMO_FACTS)
    write(pytester, "facts/sidebar.facts.yaml", SIDEBAR_FACTS)
    write(pytester, DEMO, DEMO_RULES)
    return pytester


@pytest.fixture
def jinzhong(pytester: pytest.Pytester) -> pytest.Pytester:
    write_ini(pytester)
    for folder in ("facts", "rules"):
        shutil.copytree(REPO / folder, pytester.path / folder)
    return pytester


def collected(result: pytest.RunResult) -> list[str]:
    return [line.strip() for line in result.stdout.lines if "::" in line]


def rule_ids(path: Path) -> list[str]:
    return re.findall(r"^  - id: (\S+)", path.read_text(encoding="utf-8"), re.MULTILINE)


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def literal(text: str) -> str:
    """``text`` as an fnmatch pattern that matches only itself."""
    return re.sub(r"([\[\]*?])", r"[\1]", text)


# ---- enabling and collection ---------------------------------------------------------


def test_disabled_by_default_nothing_is_collected(demo: pytest.Pytester) -> None:
    result = run(demo, "rules", "--collect-only", "-q")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    assert collected(result) == []
    result.stdout.no_fnmatch_line("factlint:*")


def test_the_flag_collects_each_rule_and_each_facts_file_and_nothing_else(
    demo: pytest.Pytester,
) -> None:
    write(demo, "rules/notes.yaml", "not: a rules file\n")
    write(demo, "rules/draft.rules.yml", "rules: [\n")
    write(demo, "test_other.py", "def test_ok():\n    pass\n")
    result = run(demo, "--factlint", "--collect-only", "-q")
    assert collected(result) == [f"{DEMO}::{name}" for name in DEMO_IDS] + [
        "test_other.py::test_ok"
    ]


@pytest.mark.parametrize(
    ("config_file", "text"),
    [
        ("pytest.ini", "[pytest]\nfactlint = true\n"),
        ("pyproject.toml", "[tool.pytest.ini_options]\nfactlint = true\n"),
    ],
)
def test_ini_enables_it(demo: pytest.Pytester, config_file: str, text: str) -> None:
    (demo.path / "pytest.ini").unlink()
    write(demo, config_file, text)
    result = run(demo, "--collect-only", "-q")
    assert collected(result) == [f"{DEMO}::{name}" for name in DEMO_IDS]


def test_ini_chooses_the_files(demo: pytest.Pytester) -> None:
    shutil.move(demo.path / DEMO, demo.path / "rules/demo.checks.yaml")
    write_ini(demo, "factlint = true", "factlint_files = *.checks.yaml")
    result = run(demo, "--collect-only", "-q")
    assert collected(result)[0] == "rules/demo.checks.yaml::share-ok"
    assert len(collected(result)) == len(DEMO_IDS)


def test_a_rules_file_named_on_the_command_line_is_collected(demo: pytest.Pytester) -> None:
    shutil.move(demo.path / DEMO, demo.path / "rules/demo.yaml")
    result = run(demo, "--factlint", "--collect-only", "-q", "rules/demo.yaml")
    assert len(collected(result)) == len(DEMO_IDS)


@needs_entry_point
def test_no_factlint_disables_the_entry_point(demo: pytest.Pytester) -> None:
    write_ini(demo, "factlint = true")
    result = demo.runpytest("-p", "no:factlint", "--collect-only", "-q")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    assert collected(result) == []


@needs_entry_point
def test_the_entry_point_loads_it_in_a_fresh_process(demo: pytest.Pytester) -> None:
    result = demo.runpytest_subprocess("--factlint")
    result.assert_outcomes(passed=3, failed=3, warnings=1)
    result.stdout.fnmatch_lines(["factlint: *.rules.yaml, fail on error*", "plugins:*factlint*"])


# ---- outcomes ------------------------------------------------------------------------


def test_errors_fail_warnings_pass_with_a_warning(demo: pytest.Pytester) -> None:
    result = run(demo, "--factlint", "-rA")
    result.assert_outcomes(passed=3, failed=3, warnings=1)
    result.stdout.fnmatch_lines(
        [
            f"PASSED {DEMO}::share-ok",
            f"PASSED {DEMO}::campaign-within-year",
            f"PASSED {literal(DEMO + '::implicit-checks(facts/demo.facts.yaml)')}",
            f"FAILED {DEMO}::share-misprinted - inconsistent: *",
            f"FAILED {DEMO}::needs-tolerance - cannot check: *",
            f"FAILED {literal(DEMO + '::implicit-checks(facts/sidebar.facts.yaml)')} - *",
        ],
        consecutive=False,
    )


def test_a_warning_names_the_rule_and_its_line(demo: pytest.Pytester) -> None:
    result = run(demo, "--factlint", "-k", "campaign")
    result.assert_outcomes(passed=1, deselected=5, warnings=1)
    result.stdout.fnmatch_lines(
        [
            f"{DEMO}::campaign-within-year",
            f"  {DEMO}:7: FactlintWarning: inconsistent: expected 60项 <= 51项, *",
            f"      rule        campaign-within-year (warning) at {DEMO}:7:5",
        ]
    )


@pytest.mark.parametrize("how", ["option", "ini"])
def test_fail_on_warning_fails_warnings_too(demo: pytest.Pytester, how: str) -> None:
    if how == "ini":
        write_ini(demo, "factlint = true", "factlint_fail_on = warning")
        result = run(demo)
    else:
        result = run(demo, "--factlint", "--factlint-fail-on=warning")
    result.assert_outcomes(passed=2, failed=4)
    result.stdout.fnmatch_lines([f"FAILED {DEMO}::campaign-within-year - inconsistent: *"])


def test_a_junit_prefix_stays_in_front(jinzhong: pytest.Pytester) -> None:
    run(jinzhong, "--factlint", "rules", "--junitxml=out.xml", "--junit-prefix=reports")
    cases = ET.parse(jinzhong.path / "out.xml").getroot().findall(".//testcase")
    assert {case.get("classname") for case in cases} == {"reports.jinzhong-2020"}


def test_filterwarnings_error_fails_warned_rules(demo: pytest.Pytester) -> None:
    write(demo, "pytest.ini", "[pytest]\nfilterwarnings =\n    error\n")
    result = run(demo, "--factlint", "-k", "campaign")
    result.assert_outcomes(failed=1, deselected=5)
    result.stdout.fnmatch_lines(["inconsistent: expected 60项 <= 51项, *"])
    result.stdout.no_fnmatch_line("*Traceback*")


def test_filterwarnings_error_can_keep_factlint_warnings_passing(demo: pytest.Pytester) -> None:
    """The documented setting: every other warning an error, factlint's findings below
    --factlint-fail-on still warnings (a later filter wins)."""
    write(
        demo,
        "pytest.ini",
        "[pytest]\nfilterwarnings =\n    error\n"
        "    default::factlint.pytest_plugin.FactlintWarning\n",
    )
    result = run(demo, "--factlint", "-k", "campaign")
    result.assert_outcomes(passed=1, deselected=5, warnings=1)


def test_warnings_as_errors_fail_without_a_traceback(demo: pytest.Pytester) -> None:
    result = run(
        demo, "--factlint", "-k", "campaign", "-W", "error::factlint.pytest_plugin.FactlintWarning"
    )
    result.assert_outcomes(failed=1, deselected=5)
    result.stdout.fnmatch_lines(["inconsistent: expected 60项 <= 51项, *"])
    result.stdout.no_fnmatch_line("*Traceback*")


def test_cannot_check_fails_with_its_reason(demo: pytest.Pytester) -> None:
    result = run(demo, "--factlint", "-k", "needs-tolerance")
    result.assert_outcomes(failed=1, deselected=5)
    result.stdout.fnmatch_lines(
        [
            "*_ factlint: needs-tolerance _*",
            "cannot check: '约30亿元' is approximate; give the rule or the fact a tolerance",
            f"    rule        needs-tolerance (error) at {DEMO}:11:5",
            "      11 |   - id: needs-tolerance",
            '      12 |     check: "about_total <= total"',
            "    claim       about_total <= total",
            "    about_total = 约30亿元 at facts/demo.facts.yaml:9:3",
        ]
    )


def test_implicit_checks_are_split_by_facts_file(demo: pytest.Pytester) -> None:
    result = run(demo, "--factlint", "-k", "implicit")
    result.assert_outcomes(passed=1, failed=1, deselected=4)
    result.stdout.fnmatch_lines(
        [
            "*_ factlint: implicit-checks?facts/sidebar.facts.yaml? _*",
            "inconsistent: investment is printed as 10亿元 in body but as 12亿元 in sidebar",
            "    check       mentions-agree (error) at facts/sidebar.facts.yaml:4:3",
            "    investment = 10亿元 [[]body[]] at facts/sidebar.facts.yaml:*",
        ]
    )


def test_a_failing_item_lists_its_lower_findings_too(demo: pytest.Pytester) -> None:
    growth = [
        "  growth:",
        '    value: "5%"',
        "    mentions:",
        '      - {section: body, value: "5%", qualifier: 预计}',
        '      - {section: sidebar, value: "5%"}',
    ]
    write(demo, "facts/sidebar.facts.yaml", SIDEBAR_FACTS + "\n".join(growth) + "\n")
    result = run(demo, "--factlint", "-k", "sidebar")
    result.assert_outcomes(failed=1, deselected=5)
    result.stdout.fnmatch_lines(
        [
            "inconsistent: investment is printed as 10亿元 in body but as 12亿元 in sidebar",
            "    check       mentions-agree (error) at facts/sidebar.facts.yaml:4:3",
            "inconsistent: growth is framed as 预计 in body but *",
            "    check       mentions-framing (warning) at facts/sidebar.facts.yaml:9:3",
        ]
    )
    result.stdout.no_fnmatch_line("*FactlintWarning*")


def test_rounding_option_reaches_the_rules(jinzhong: pytest.Pytester) -> None:
    nearest = run(jinzhong, "--factlint", "-k", "target-completion")
    truncate = run(
        jinzhong, "--factlint", "-k", "target-completion", "--factlint-rounding=truncate"
    )
    nearest.assert_outcomes(failed=1, deselected=len(rule_ids(jinzhong.path / JINZHONG)))
    truncate.assert_outcomes(passed=1, deselected=len(rule_ids(jinzhong.path / JINZHONG)))
    truncate.stdout.fnmatch_lines(["factlint: *.rules.yaml, fail on error, rounding truncate"])


def test_a_bad_ini_value_is_a_usage_error(demo: pytest.Pytester) -> None:
    write_ini(demo, "factlint = true", "factlint_fail_on = loud")
    result = run(demo)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factlint_fail_on = loud: use one of error, warning, info"])


# ---- the failure text ----------------------------------------------------------------


def test_a_failure_explains_the_arithmetic_without_a_traceback(jinzhong: pytest.Pytester) -> None:
    rules = jinzhong.path / JINZHONG
    first = line_of(rules, "- id: target-completion")
    claim = "signed_investment / signed_investment_target == target_completion"
    result = run(jinzhong, "--factlint", JINZHONG)
    result.stdout.fnmatch_lines(
        [
            "*_ factlint: target-completion _*",
            "inconsistent: *the report prints 185%, but 427.3亿元 / 230亿元 = 185.78…%; "
            "it would read 186%",
            f"    rule        target-completion (error) at {JINZHONG}:{first}:5",
            f"      {first} |   - id: target-completion",
            f'      {first + 1} |     check: "{claim}"',
            f"    claim       {claim}",
            "    arithmetic  427.3亿元 / 230亿元 = 185.78…%",
            "    stated      *[[]184.5%, 185.5%[]]",
            "    computed    [[]185.76…%, 185.80…%[]]  (nearest rounding)",
            "    would read  186%",
            "    signed_investment = 427.3亿元 [[]body[]] at facts/jinzhong-2020.txt:197 «*»",
            "    signed_investment_target = 230亿元 [[]body[]] at facts/jinzhong-2020.txt:198 «*»",
            "    target_completion = 185% [[]body[]] at facts/jinzhong-2020.txt:199 «*»",
        ]
    )
    result.stdout.fnmatch_lines([f"FAILED {JINZHONG}::target-completion - inconsistent: *"])
    result.stdout.no_fnmatch_line("*Traceback*")
    result.stdout.no_fnmatch_line("*pytest_plugin*")  # no frame of the plugin package


def test_reportinfo_points_at_the_rule_line(jinzhong: pytest.Pytester) -> None:
    first = line_of(jinzhong.path / JINZHONG, "- id: target-completion")
    result = run(
        jinzhong,
        "--factlint",
        "-k",
        "target-completion",
        "--junitxml=out.xml",
        "-o",
        "junit_family=xunit1",
    )
    case = ET.parse(jinzhong.path / "out.xml").getroot().find(".//testcase")
    assert case is not None
    assert (case.get("file"), case.get("line")) == (JINZHONG, str(first - 1))
    result.assert_outcomes(failed=1, deselected=len(rule_ids(jinzhong.path / JINZHONG)))


def test_junit_has_one_testcase_per_rule(jinzhong: pytest.Pytester) -> None:
    run(jinzhong, "--factlint", "rules", "--junitxml=out.xml")
    root = ET.parse(jinzhong.path / "out.xml").getroot()
    cases = root.findall(".//testcase")
    names = [case.get("name") for case in cases]
    ids = rule_ids(jinzhong.path / JINZHONG)
    assert names == [*ids, "implicit-checks(facts/jinzhong-2020.facts.yaml)"]
    # Jenkins reads a class name's dotted prefix as packages: the file's name, no dots.
    assert {case.get("classname") for case in cases} == {"jinzhong-2020"}
    xmlschema.XMLSchema10(SCHEMA_XSD).validate(str(jinzhong.path / "out.xml"))
    failed = [case for case in cases if case.find("failure") is not None]
    assert [case.get("name") for case in failed] == ["target-completion"]
    failure = failed[0].find("failure")
    assert failure is not None and failure.text is not None
    assert "    would read  186%" in failure.text.splitlines()


# ---- selection -----------------------------------------------------------------------


def test_k_selects_by_rule_id_and_by_tag(demo: pytest.Pytester) -> None:
    by_id = run(demo, "--factlint", "-k", "share-ok")
    by_id.assert_outcomes(passed=1, deselected=5)
    by_tag = run(demo, "--factlint", "-k", "assumption")
    by_tag.assert_outcomes(passed=1, deselected=5, warnings=1)


def test_node_ids_select_items(demo: pytest.Pytester) -> None:
    result = run(
        demo,
        "--factlint",
        f"{DEMO}::share-ok",
        f"{DEMO}::implicit-checks(facts/demo.facts.yaml)",
    )
    result.assert_outcomes(passed=2)


def test_last_failed_reruns_only_the_failed_rules(demo: pytest.Pytester) -> None:
    run(demo, "--factlint").assert_outcomes(passed=3, failed=3, warnings=1)
    again = run(demo, "--factlint", "--lf")
    again.assert_outcomes(failed=3)
    again.stdout.fnmatch_lines(["run-last-failure: rerun previous 3 failures*"])


# ---- broken inputs -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'facts: ../facts/demo.facts.yaml\nrules:\n  - id: x\n    check: "a <= b\n',
            "rules/broken.rules.yaml:5:1: found unexpected end of stream*",
        ),
        (
            'facts: ../facts/demo.facts.yaml\nrules:\n  - id: x\n    chek: "a <= b"\n',
            "rules/broken.rules.yaml:4:5: unknown key 'chek' in rule 'x' (did you mean 'check'?)*",
        ),
        (
            "rules:\n  - id: x\n    check: signed <= 60项\n",
            "rules/broken.rules.yaml: the rules file names no facts file*",
        ),
    ],
    ids=["yaml-syntax", "misspelt-kind", "no-facts"],
)
def test_a_broken_rules_file_is_a_collection_error(
    demo: pytest.Pytester, text: str, expected: str
) -> None:
    write(demo, "rules/broken.rules.yaml", text)
    result = run(demo, "--factlint")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*_ ERROR collecting rules/broken.rules.yaml _*", expected])
    result.stdout.no_fnmatch_line("*Traceback*")


def test_facts_outside_the_project_are_a_collection_error_unless_allowed(
    demo: pytest.Pytester,
) -> None:
    outside = demo.path.parent / f"{demo.path.name}-outside.facts.yaml"
    outside.write_text(textwrap.dedent(SIDEBAR_FACTS), encoding="utf-8")
    text = f"facts: {outside}\nrules:\n  - id: x\n    check: investment <= 20亿元\n"
    write(demo, "rules/outside.rules.yaml", text)
    refused = run(demo, "--factlint", "rules/outside.rules.yaml")
    refused.assert_outcomes(errors=1)
    refused.stdout.fnmatch_lines(["*facts file '*' is outside the project of the rules file*"])
    allowed = run(demo, "--factlint", "--factlint-allow-outside-source", "rules/outside.rules.yaml")
    allowed.assert_outcomes(failed=2)  # read: its mentions disagree
    write_ini(demo, "factlint_allow_outside_source = true")
    by_ini = run(demo, "--factlint", "rules/outside.rules.yaml")
    by_ini.assert_outcomes(failed=2)


def test_a_missing_facts_file_is_one_collection_error_where_the_rules_name_it(
    demo: pytest.Pytester,
) -> None:
    write(demo, DEMO, "facts: ../facts/gone.facts.yaml\nrules:\n  - id: x\n    check: a <= b\n")
    result = run(demo, "--factlint")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        [
            f"*_ ERROR collecting {DEMO} _*",
            f"{DEMO}:1:8: facts file '*gone.facts.yaml': no such file",
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")


def test_a_broken_facts_file_is_one_collection_error_not_a_failure_per_rule(
    demo: pytest.Pytester,
) -> None:
    """Issue 17: every rule failed one by one with the same message."""
    write(demo, "facts/demo.facts.yaml", DEMO_FACTS + "  broken: {value: [1, 2]\n")
    result = run(demo, "--factlint", "--junitxml=x.xml")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        [f"*_ ERROR collecting {DEMO} _*", "facts/demo.facts.yaml:1[0-9]:*"]
    )
    result.stdout.no_fnmatch_line("*Traceback*")
    assert "passed" not in result.stdout.str() and "failed" not in result.stdout.str()
    cases = ET.parse(demo.path / "x.xml").getroot().iter("testcase")
    assert len([case for case in cases if case.find("error") is not None]) == 1


def test_a_rule_naming_an_unknown_fact_is_a_collection_error_with_its_location(
    demo: pytest.Pytester,
) -> None:
    rules = "facts: ../facts/demo.facts.yaml\nrules:\n  - id: x\n    check: sined <= 60项\n"
    write(demo, DEMO, rules)
    result = run(demo, "--factlint", "-k", "x")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([f"{DEMO}:3:5: rule 'x' names fact 'sined'*"])


def test_failure_text_and_junit_show_hostile_user_text_escaped(pytester: pytest.Pytester) -> None:
    """Labels, quotes, sections and messages with terminal escapes, bidi controls and a
    line break before a workflow command: shown escaped in the failure text and the XML."""
    write_ini(pytester)
    write_hostile(pytester.path, name="r")
    result = run(pytester, "--factlint", "r.rules.yaml", "--junitxml=x.xml")
    result.assert_outcomes(failed=2)
    output = result.stdout.str()
    assert RAW.search(output) is None
    assert not any(line.lstrip().startswith("::") for line in output.splitlines())
    assert "##[" not in output and "\\x1b]8;;" in output and "\\u202e" in output
    xml = (pytester.path / "x.xml").read_text(encoding="utf-8")
    assert RAW.search(xml) is None and "\\u202e" in xml
    xmlschema.XMLSchema10(SCHEMA_XSD).validate(ET.fromstring(xml))


def test_items_marked_by_a_conftest_keep_pytests_own_protocol(demo: pytest.Pytester) -> None:
    """Items run without empty setup and teardown hooks (issue 17: 10,000 rules took 17 s
    with --junitxml); an item given a marker (xfail here) still runs pytest's protocol."""
    write(
        demo,
        "conftest.py",
        """
        import pytest

        def pytest_collection_modifyitems(items):
            for item in items:
                if item.name == "share-misprinted":
                    item.add_marker(pytest.mark.xfail(reason="known misprint", strict=True))
        """,
    )
    result = run(demo, "--factlint", "--junitxml=x.xml", "--setup-show")
    result.assert_outcomes(passed=3, failed=2, xfailed=1, warnings=1)
    lean = run(demo, "--factlint", "--junitxml=x.xml")
    lean.assert_outcomes(passed=3, failed=2, xfailed=1, warnings=1)
    cases = ET.parse(demo.path / "x.xml").getroot().iter("testcase")
    assert len(list(cases)) == 6


def test_a_collection_error_shows_hostile_text_escaped(pytester: pytest.Pytester) -> None:
    write_ini(pytester)
    write_hostile(pytester.path, name="r")
    key = EVIL.replace("\\", "")
    facts = pytester.path / "r.facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8") + f"  {json.dumps(key)}: {{value: [1]}}\n",
        encoding="utf-8",
    )
    result = run(pytester, "--factlint", "r.rules.yaml")
    result.assert_outcomes(errors=1)
    output = result.stdout.str()
    assert RAW.search(output) is None
    assert not any(line.lstrip().startswith("::") for line in output.splitlines())


# ---- fixtures for Python tests -------------------------------------------------------


def test_fixtures_work_without_the_flag(demo: pytest.Pytester) -> None:
    demo.makepyfile(
        test_report="""
        import pytest
        from factlint.pytest_plugin import assert_consistent

        FACTS = {"report": {"id": "inline"}, "facts": {
            "signed": {"value": "51项"}, "six_new": {"value": "39项"},
            "share": {"value": "75.5%"}}}

        def test_paths_and_dicts(factlint_check, factlint_assert):
            rules = [{"id": "within", "check": "six_new <= signed"}]
            factlint_assert(factlint_check("facts/demo.facts.yaml", rules))

        def test_plain_dicts(factlint_check):
            rules = [{"id": "share", "share": {"part": "six_new", "whole": "signed",
                                              "is": "share"}}]
            with pytest.raises(AssertionError, match="would read  76.5%"):
                assert_consistent(factlint_check(FACTS, rules))

        def test_a_rules_file(factlint_check, factlint_assert):
            factlint_assert(factlint_check(rules="rules/demo.rules.yaml"))
        """
    )
    result = run(demo, "test_report.py")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "E       AssertionError: 3 findings at or above error:",
            "E       inconsistent: the report prints 75.5%*",
            f"E           rule        share-misprinted (error) at {DEMO}:5:5",
            "E             5 |   - id: share-misprinted",
            "E           would read  76.5%",
            "E       cannot check: '约30亿元' is approximate*",
            "E       inconsistent: investment is printed as 10亿元 in body but as 12亿元 *",
        ]
    )
    result.stdout.no_fnmatch_line("*campaign-within-year*")


def test_the_assert_fixture_follows_fail_on(demo: pytest.Pytester) -> None:
    write(
        demo,
        "rules/warn.rules.yaml",
        "facts: ../facts/demo.facts.yaml\nrules:\n"
        "  - id: campaign-within-year\n    check: campaign <= signed\n    severity: warning\n",
    )
    demo.makepyfile(
        test_report="""
        def test_warning(factlint_check, factlint_assert):
            factlint_assert(factlint_check(rules="rules/warn.rules.yaml"))
        """
    )
    run(demo, "test_report.py").assert_outcomes(passed=1)
    failed = run(demo, "test_report.py", "--factlint-fail-on=warning")
    failed.assert_outcomes(failed=1)
    failed.stdout.fnmatch_lines(["E       AssertionError: 1 finding at or above warning:"])


# ---- counts, extremes and for_each ---------------------------------------------------

POLICE_FACTS = """\
report: {id: police}
facts:
  durham: {value: "12%"}
  lincs: {value: "13%"}
  kent: {value: "20%"}
  n_below: {value: "three"}
"""

POLICE_RULES = """\
facts: ../facts/police.facts.yaml
rules:
  - id: forces-below-15
    count: {of: [durham, lincs, kent], where: "< 15%", is: n_below}
  - for_each: {row: [kent, lincs]}
    id: "{row}-highest"
    highest: {of: [durham, lincs, kent], is: "{row}"}
"""


def test_a_count_and_a_for_each_rule_are_tests_of_their_own(pytester: pytest.Pytester) -> None:
    write_ini(pytester)
    write(pytester, "facts/police.facts.yaml", POLICE_FACTS)
    write(pytester, "rules/police.rules.yaml", POLICE_RULES)
    result = run(pytester, "--factlint", "rules/police.rules.yaml", "-v")
    result.stdout.fnmatch_lines(
        [
            "rules/police.rules.yaml::forces-below-15 FAILED*",
            "rules/police.rules.yaml::kent-highest PASSED*",
            "rules/police.rules.yaml::lincs-highest FAILED*",
        ]
    )
    result.stdout.fnmatch_lines(
        [
            "*_ factlint: forces-below-15 _*",
            "inconsistent: the report says three of these 3 are < 15%, but 2 surely are "
            "(durham 12%, lincs 13%); 1 surely not (kent 20%): the count is 2",
            "    rule        forces-below-15 (error) at rules/police.rules.yaml:3:5",
            "    claim       n_below == count(durham, lincs, kent where < 15%)",
            "    would read  2",
        ]
    )
    result.stdout.fnmatch_lines(
        [
            "*_ factlint: lincs-highest _*",
            "inconsistent: lincs 13% cannot be the highest of these 3: kent 20% is above it *",
            "    rule        lincs-highest (error) at rules/police.rules.yaml:5:5",
            "      5 |   - for_each: {row: [[]kent, lincs[]]}",
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")
