"""factlint in pytest: each rule of a rules file is a test item that explains its arithmetic.

Installed with factlint (the ``pytest11`` entry point), the plugin only adds its options and
two fixtures until it is enabled with ``pytest --factlint`` or ``factlint = true`` in the
pytest configuration. Then every ``*.rules.yaml`` file (ini ``factlint_files``) becomes a
``FactlintFile`` with one item per rule and one per facts file it names::

    rules/jinzhong-2020.rules.yaml::target-completion
    rules/jinzhong-2020.rules.yaml::implicit-checks(facts/jinzhong-2020.facts.yaml)

The second runs the checks that need no rule (mentions agree, quotes are in the source
text); its facts path is relative to the rootdir. Collection loads the rules file and the
facts files it names and checks them, once per file: a broken input (the rules, a facts file,
a rule naming a fact no facts file has) is one collection error reading
``path:line:col: message``, and each item only looks its findings up.

Outcomes: a finding at or above ``--factlint-fail-on`` (default error) fails the item, and
its report lists the item's other findings too; findings that are all below that level pass
the item with a ``FactlintWarning``. pytest has no error outcome for a test body, so a
rule that cannot be checked fails with a report whose first line starts ``cannot check:``.
Under ``filterwarnings = error`` a ``FactlintWarning`` is raised and fails its item like any
finding at the fail-on level (``default::factlint.pytest_plugin.FactlintWarning`` after it
keeps it a warning). In ``--junitxml`` reports the class of an item is its rules file's
name, without suffix and dots (``JUnitClassNames``).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pytest

from factlint.records import dataclass

if TYPE_CHECKING:
    from factlint.model import CheckResult, Finding, Rule, RuleSet, Severity

ROUNDINGS = ("nearest", "truncate", "exact")
LEVELS = ("error", "warning", "info")
DEFAULT_FILES = "*.rules.yaml"
CHECKS_ITEM = "implicit-checks"
YAML_SUFFIXES = (".yaml", ".yml")


class FactlintWarning(pytest.PytestWarning):
    """A finding below the fail-on level: the item passes and pytest lists this warning."""


class FactlintFailure(Exception):
    """An item's findings at or above the fail-on level, already explained."""


@dataclass(frozen=True)
class Settings:
    enabled: bool
    patterns: tuple[str, ...]
    rounding: str | None
    fail_on: str
    allow_outside_source: bool = False


@dataclass(frozen=True)
class CheckedFile:
    """One rules file checked: its report, and each item's findings found by a lookup (an
    item that searched the report would make a file of N rules cost N² steps)."""

    report: CheckResult
    by_rule: Mapping[str, tuple[Finding, ...]]
    """The findings of each declared rule, by rule id."""
    implicit: Mapping[Path, tuple[Finding, ...]]
    """The findings of the implicit checks, by the facts file of the fact they are about."""


SETTINGS = pytest.StashKey[Settings]()
RULE_SET = pytest.StashKey["RuleSet"]()
CHECKED = pytest.StashKey[CheckedFile]()


# ---- hooks ---------------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factlint", "factlint: check the numbers of a report")
    group.addoption(
        "--factlint",
        action="store_true",
        default=False,
        help="collect factlint rules files (ini: factlint = true)",
    )
    group.addoption(
        "--factlint-rounding",
        choices=ROUNDINGS,
        default=None,
        help="rounding mode for rules that set none (ini: factlint_rounding)",
    )
    group.addoption(
        "--factlint-fail-on",
        choices=LEVELS,
        default=None,
        help="fail items with findings of this severity or higher; lower ones warn "
        "(default: error; ini: factlint_fail_on)",
    )
    group.addoption(
        "--factlint-allow-outside-source",
        action="store_true",
        default=False,
        help="let a rules file name facts outside its project, and a facts file read a text "
        "outside its folder (ini: factlint_allow_outside_source)",
    )
    parser.addini("factlint", "collect factlint rules files", type="bool", default=False)
    parser.addini(
        "factlint_allow_outside_source",
        "let factlint read facts and texts outside the project",
        type="bool",
        default=False,
    )
    parser.addini(
        "factlint_files",
        "glob patterns of factlint rules files",
        type="args",
        default=[DEFAULT_FILES],
    )
    parser.addini("factlint_rounding", "factlint rounding mode: nearest, truncate or exact")
    parser.addini("factlint_fail_on", "factlint fail-on level: error, warning or info")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[SETTINGS] = settings_of(config)
    if config.stash[SETTINGS].enabled:
        config.pluginmanager.register(JUnitClassNames(config), "factlint-junit-class-names")


class JUnitClassNames:
    """JUnit class names that read well in Jenkins.

    pytest names a test's class by its file's path with dots (``rules.jinzhong-2020.rules.
    yaml``), and Jenkins reads everything before a class name's last dot as a package: the
    rules would sit in class ``yaml`` of package ``rules.jinzhong-2020.rules``. The class of
    a factlint item is its rules file's name without suffix and dots (``jinzhong-2020``),
    as in ``factlint check --format junit``. Set on the process that writes the XML (the
    xdist controller too), before pytest's junitxml records the report.
    """

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.key = _junit_xml_key()
        self.names: dict[str, str | None] = {}  # rules file -> class name (None: not ours)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        xml = self.config.stash.get(self.key, None) if self.key is not None else None
        if xml is None or (report.when != "call" and report.passed):
            return  # a passing setup or teardown writes nothing to the XML
        file_part, separator, _ = report.nodeid.partition("::")
        if not separator:
            return
        name = self.names.get(file_part, "")
        if name == "":
            name = self.names[file_part] = (
                _prefixed(xml, junit_class_name(file_part))
                if file_part.endswith(YAML_SUFFIXES)
                else None
            )
        if name is not None:
            xml.node_reporter(report).add_attribute("classname", name)


def _prefixed(xml: Any, name: str) -> str:
    prefix = getattr(xml, "prefix", None)
    return f"{prefix}.{name}" if prefix else name


def junit_class_name(rules_file: str) -> str:
    """``rules/jinzhong-2020.rules.yaml`` → ``jinzhong-2020``.

    >>> junit_class_name("reports/q3.v2.rules.yml")
    'q3_v2'
    """
    name = rules_file.replace("\\", "/").rsplit("/", 1)[-1]
    for suffix in (".rules.yaml", ".rules.yml", *YAML_SUFFIXES):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.replace(".", "_") or "factlint"


def _junit_xml_key() -> Any:
    """pytest's stash key of its JUnit writer (private: without it, names stay pytest's)."""
    try:
        from _pytest.junitxml import xml_key
    except ImportError:  # pragma: no cover - a pytest that moved it
        return None
    return xml_key


def pytest_report_header(config: pytest.Config) -> str | None:
    settings = config.stash[SETTINGS]
    if not settings.enabled:
        return None
    rounding = settings.rounding or "as the report sets it, else nearest"
    files = " ".join(settings.patterns)
    return f"factlint: {files}, fail on {settings.fail_on}, rounding {rounding}"


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> FactlintFile | None:
    settings = parent.config.stash[SETTINGS]
    if not settings.enabled or not _wanted(file_path, settings.patterns, parent.session):
        return None
    return FactlintFile.from_parent(parent, path=file_path)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> bool | None:
    """A factlint item's run, without the phases it has nothing in.

    Its setup and teardown do nothing (no fixtures, no output to capture, no log), yet
    pytest's own protocol runs a dozen hooks around each, which made an item cost ten
    times what checking its rule does. This one reports the same three phases to every
    plugin (terminal, JUnit, --lf, xdist), runs the call phase through the usual
    ``pytest_runtest_makereport`` (so an item marked xfail or skipped by a conftest, or
    run under --pdb or --setup-show, gets pytest's own protocol instead) and leaves the
    warnings plugin's capture, which wraps this hook, as it is.
    """
    if not isinstance(item, FactlintItem) or not _lean(item):
        return None
    ihook = item.ihook
    ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    ihook.pytest_runtest_logreport(report=_passed(item, "setup"))
    call = pytest.CallInfo.from_call(
        item.runtest, when="call", reraise=(pytest.exit.Exception, KeyboardInterrupt)
    )
    report = ihook.pytest_runtest_makereport(item=item, call=call)
    ihook.pytest_runtest_logreport(report=report)
    ihook.pytest_runtest_logreport(report=_passed(item, "teardown"))
    ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    return True


def _lean(item: pytest.Item) -> bool:
    config = item.config
    interactive = any(
        config.getoption(name, False) for name in ("usepdb", "setupshow", "setuponly", "setupplan")
    )
    return not interactive and next(item.iter_markers(), None) is None


def _passed(item: pytest.Item, when: Literal["setup", "teardown"]) -> pytest.TestReport:
    return pytest.TestReport(
        item.nodeid,
        item.location,
        dict.fromkeys(item.keywords, 1),
        "passed",
        None,
        when,
        user_properties=item.user_properties,
    )


def settings_of(config: pytest.Config) -> Settings:
    enabled = bool(config.getoption("factlint") or config.getini("factlint"))
    rounding = config.getoption("factlint_rounding") or _ini_choice(
        config, "factlint_rounding", ROUNDINGS
    )
    fail_on = config.getoption("factlint_fail_on") or _ini_choice(
        config, "factlint_fail_on", LEVELS
    )
    patterns = tuple(config.getini("factlint_files")) or (DEFAULT_FILES,)
    outside = bool(
        config.getoption("factlint_allow_outside_source")
        or config.getini("factlint_allow_outside_source")
    )
    return Settings(enabled, patterns, rounding, fail_on or "error", outside)


def _ini_choice(config: pytest.Config, name: str, choices: Sequence[str]) -> str | None:
    value = str(config.getini(name) or "").strip()
    if value and value not in choices:
        raise pytest.UsageError(f"{name} = {value}: use one of {', '.join(choices)}")
    return value or None


def _wanted(path: Path, patterns: Sequence[str], session: pytest.Session) -> bool:
    if any(path.match(pattern) for pattern in patterns):
        return True
    return session.isinitpath(path) and path.suffix.lower() in YAML_SUFFIXES


# ---- collection ----------------------------------------------------------------------


class FactlintFile(pytest.File):
    """A rules file: loaded and validated when collected, checked when first run."""

    def collect(self) -> Iterator[pytest.Item]:
        rule_set = self._load()
        settings = self.config.stash[SETTINGS]
        # Checked here, once: a broken facts file (or a rule naming a fact it lacks) is one
        # collection error, not a failure of every rule; the items only look their findings up.
        try:
            self.stash[CHECKED] = check_file(
                rule_set, settings.rounding, settings.allow_outside_source
            )
        except _InputError as error:
            raise self.CollectError(_shown_error(error)) from None
        for rule in rule_set.rules:
            item = FactlintRuleItem.from_parent(self, name=rule.id, rule=rule)
            item.extra_keyword_matches.update(rule.tags)
            yield item
        for facts_path in rule_set.facts_paths:
            path = Path(os.path.normpath(facts_path))
            # Not `name[...]`: pytest 9.2 reads brackets in a node id as parameters,
            # and --lf would no longer find the item.
            name = f"{CHECKS_ITEM}({self._shown(path)})"
            yield FactlintChecksItem.from_parent(self, name=name, facts_path=path)

    def _load(self) -> RuleSet:
        from factlint.errors import FactlintError
        from factlint.loading.rules_yaml import load_rules, require_facts_files

        try:
            outside = self.config.stash[SETTINGS].allow_outside_source
            rule_set = load_rules(self.path, allow_outside_source=outside)
            require_facts_files(rule_set)
        except FactlintError as error:
            raise self.CollectError(_shown_error(error)) from None
        if not rule_set.facts_paths:
            raise self.CollectError(
                f"{rule_set.path}: the rules file names no facts file "
                "(add 'facts: path/to/report.facts.yaml')"
            )
        return rule_set

    def _shown(self, facts_path: Path) -> str:
        """Relative to the rootdir, else as the rules file names it: stable across machines."""
        root = self.config.rootpath
        if facts_path.is_relative_to(root):
            return facts_path.relative_to(root).as_posix()
        return Path(os.path.relpath(facts_path, self.path.parent)).as_posix()

    def checked(self) -> CheckedFile:
        return self.stash[CHECKED]


def _shown_error(error: Exception) -> str:
    """A collection error's text, by the one escaping policy (it quotes user text)."""
    from factlint.clip import printable

    return printable(str(error))


class _InputError(Exception):
    """A facts file or a rule that cannot be used: the rules file's one collection error."""


def check_file(
    rule_set: RuleSet, rounding: str | None, allow_outside_source: bool = False
) -> CheckedFile:
    """Load the facts a rules file names and check them: ``check_sets`` once per file.
    Raises ``_InputError`` (its message the located error) for an input that is broken."""
    from factlint.engine.checking import check_sets, merge_fact_sets
    from factlint.errors import FactlintError
    from factlint.loading.facts_yaml import load_facts
    from factlint.loading.gc_pause import paused_gc
    from factlint.model import CheckOptions

    try:
        fact_sets = {
            Path(os.path.normpath(p)): load_facts(p, allow_outside_source=allow_outside_source)
            for p in rule_set.facts_paths
        }
        merged = merge_fact_sets(fact_sets.values())
        options = CheckOptions(rounding=rounding)  # type: ignore[arg-type]
        with paused_gc(promote=True):  # the results live as long as the session
            report = check_sets(merged, rule_set.rules, options)
    except FactlintError as error:
        raise _InputError(str(error)) from None
    by_rule: dict[str, tuple[Finding, ...]] = {}
    owner = {fact: path for path, facts in fact_sets.items() for fact in facts.facts}
    implicit: dict[Path, list[Finding]] = {path: [] for path in fact_sets}
    for result in report.results:
        if not result.implicit:
            by_rule.setdefault(result.rule, result.findings)
            continue
        for finding in result.findings:
            if not finding.mentions:  # about no one fact: shown with every facts file
                for findings in implicit.values():
                    findings.append(finding)
            elif (path := owner.get(finding.mentions[0].fact)) is not None:
                implicit[path].append(finding)
    return CheckedFile(report, by_rule, {path: tuple(f) for path, f in implicit.items()})


# ---- items ---------------------------------------------------------------------------


class FactlintItem(pytest.Item):
    """An item whose findings come from its rules file, checked once."""

    parent: FactlintFile

    def findings(self, checked: CheckedFile) -> tuple[Finding, ...]:
        raise NotImplementedError

    def explain(self, findings: Sequence[Finding]) -> str:
        raise NotImplementedError

    def runtest(self) -> None:
        from factlint.model import Severity

        checked = self.parent.checked()
        fail_on = Severity(self.config.stash[SETTINGS].fail_on)
        findings = self.findings(checked)
        failing = [f for f in findings if f.severity.at_least(fail_on)]
        if failing:
            below = [f for f in findings if f not in failing]
            raise FactlintFailure(self.explain([*failing, *below]))
        if findings:
            path, line = _warning_at(findings[0], self.path)
            text = explain(findings, {})
            warnings.warn_explicit(FactlintWarning(text), FactlintWarning, path, line)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> Any:
        if isinstance(excinfo.value, FactlintFailure | FactlintWarning):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)


class FactlintRuleItem(FactlintItem):
    """One declared rule; its node id is ``<rules file>::<rule id>``."""

    def __init__(self, *, rule: Rule, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rule = rule

    def findings(self, checked: CheckedFile) -> tuple[Finding, ...]:
        return checked.by_rule.get(self.rule.id, ())

    def explain(self, findings: Sequence[Finding]) -> str:
        return explain(findings, {self.rule.id: self.rule})

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, self._line() - 1, f"factlint: {self.rule.id}"

    def _line(self) -> int:
        where = self.rule.declared_at
        return where.line if where is not None and where.line else 1


class FactlintChecksItem(FactlintItem):
    """The implicit checks of one facts file: ``<rules file>::implicit-checks(<facts file>)``."""

    def __init__(self, *, facts_path: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.facts_path = facts_path

    def findings(self, checked: CheckedFile) -> tuple[Finding, ...]:
        return checked.implicit.get(self.facts_path, ())

    def explain(self, findings: Sequence[Finding]) -> str:
        return explain(findings, {})

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.facts_path, 0, f"factlint: {self.name}"


def _warning_at(finding: Finding, fallback: Path) -> tuple[str, int]:
    """Where pytest's warning summary points: the rule, or the fact, behind ``finding``."""
    where = finding.rule_at
    if where is None or not where.line:
        return str(fallback), 1
    return where.path, where.line


# ---- explanations --------------------------------------------------------------------


def explain(findings: Sequence[Finding], rules: Mapping[str, Rule]) -> str:
    """Findings as a failure prints them: a verdict line, then where and why, no traceback.

    A declared rule's YAML is shown under its first finding when ``rules`` has it.
    """
    from factlint.clip import one_line

    blocks: list[str] = []
    shown: set[str] = set()
    for finding in findings:
        rule = rules.get(finding.rule) if not finding.implicit else None
        source = rule if rule is not None and rule.id not in shown else None
        if rule is not None:
            shown.add(rule.id)
        blocks.append("\n".join(one_line(line) for line in finding_lines(finding, source)))
    from factlint.reporters.escape import defuse_text

    # As the text format prints it: each line one line, whatever line breaks, terminal
    # escapes or bidi controls the user text in it holds, and no "::" or "##[" command.
    return defuse_text("\n\n".join(blocks))


def finding_lines(finding: Finding, rule: Rule | None = None) -> list[str]:
    from factlint.reporters.text_format import finding_details

    label = "check" if finding.implicit else "rule"
    where = f" at {finding.rule_at}" if finding.rule_at else ""
    lines = [verdict(finding), f"    {label:<12}{finding.rule} ({finding.severity.value}){where}"]
    if rule is not None:
        lines.extend(source_lines(rule))
    if finding.claim and not finding.implicit:
        lines.append(f"    {'claim':<12}{finding.claim}")
    said = f"    {'reason':<12}{finding.reason}"
    lines.extend(line for line in finding_details(finding) if line != said)
    return lines


def verdict(finding: Finding) -> str:
    """The first line: pytest's short summary and JUnit's message start with it."""
    if finding.status == "cannot-check":
        return f"cannot check: {finding.reason or finding.message}"
    return f"inconsistent: {finding.message}"


def source_lines(rule: Rule) -> list[str]:
    """The rule as written, numbered like the file: ``    17 |   - id: target-completion``."""
    first = rule.declared_at.line if rule.declared_at and rule.declared_at.line else None
    if first is None:
        return []
    width = len(str(first + len(rule.source_lines) - 1))
    return [
        f"      {first + offset:>{width}} | {text}".rstrip()
        for offset, text in enumerate(rule.source_lines)
    ]


def report_explanation(report: CheckResult, fail_on: Severity) -> str:
    """Every finding of ``report`` at or above ``fail_on``, explained as the items do,
    declared rules first; empty when there is none."""
    failing = sorted(
        (f for f in report.findings if f.severity.at_least(fail_on)),
        key=lambda f: f.implicit,
    )
    if not failing:
        return ""
    count = f"{len(failing)} finding{'s' if len(failing) != 1 else ''}"
    head = f"{count} at or above {fail_on.value}:"
    return f"{head}\n\n{explain(failing, _rules_on_disk(failing))}"


def _rules_on_disk(findings: Sequence[Finding]) -> dict[str, Rule]:
    """The declared rules behind ``findings``, reread from their rules files for their YAML."""
    from factlint.errors import FactlintError
    from factlint.loading.rules_yaml import load_rules

    rules: dict[str, Rule] = {}
    paths = {f.rule_at.path for f in findings if f.rule_at and not f.implicit}
    for path in sorted(paths):
        if not Path(path).is_file():
            continue
        try:
            rule_set = load_rules(path, allow_outside_source=True)  # only its rules are used
        except FactlintError:
            continue
        rules.update({rule.id: rule for rule in rule_set.rules})
    return rules


# ---- fixtures and helpers for Python tests -------------------------------------------


def assert_consistent(report: CheckResult, *, fail_on: str = "error") -> None:
    """Raise ``AssertionError`` explaining every finding at or above ``fail_on``.

    >>> import factlint
    >>> facts = {"report": {"id": "demo"}, "facts": {"a": {"value": "2项"}}}
    >>> assert_consistent(factlint.check(facts, [{"id": "a-small", "check": "a <= 3"}]))
    """
    __tracebackhide__ = True
    from factlint.model import Severity

    text = report_explanation(report, Severity(fail_on))
    if text:
        raise AssertionError(text)


def check_report(facts: Any = None, rules: Any = (), **options: Any) -> CheckResult:
    """``factlint.check`` that also takes paths of facts and rules files.

    With no ``facts``, ``rules`` must be a rules file path and its ``facts:`` are loaded.
    """
    from factlint.api import check, load_facts, load_report, load_rules

    if facts is None:
        if not _is_path(rules):
            raise TypeError("give facts, or a rules file path whose 'facts:' names them")
        facts, rules = load_report(rules)
    return check(_loaded(facts, load_facts), _loaded(rules, load_rules), **options)


def _is_path(value: object) -> bool:
    return isinstance(value, str | os.PathLike)


def _loaded(value: Any, load: Callable[[Any], Any]) -> Any:
    if _is_path(value):
        return load(value)
    if isinstance(value, list | tuple) and any(_is_path(item) for item in value):
        return [load(item) if _is_path(item) else item for item in value]
    return value


@pytest.fixture
def factlint_check(pytestconfig: pytest.Config) -> Callable[..., CheckResult]:
    """``factlint_check(facts, rules, **options) -> CheckResult``; facts and rules may be paths,
    loaded objects or plain dicts. ``rounding`` defaults to ``--factlint-rounding``."""
    rounding = pytestconfig.stash[SETTINGS].rounding
    return partial(check_report, rounding=rounding) if rounding else check_report


@pytest.fixture
def factlint_assert(pytestconfig: pytest.Config) -> Callable[..., None]:
    """``factlint_assert(report)``: ``assert_consistent`` failing at ``--factlint-fail-on``."""
    return partial(assert_consistent, fail_on=pytestconfig.stash[SETTINGS].fail_on)
