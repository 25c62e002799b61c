"""The values factlint works with: facts and their mentions, rules, findings, reports.

All are frozen dataclasses. Loaders build them from files or plain dicts; ``check`` turns
facts and rules into a ``CheckResult``; reporters print it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Literal

from factlint.errors import FactlintError
from factlint.numbers.figures import Figure
from factlint.numbers.intervals import Interval
from factlint.records import dataclass, draft_class
from factlint.rules.expressions import Comparison, names_in

Rounding = Literal["nearest", "truncate", "exact"]
ROUNDINGS: tuple[Rounding, ...] = ("nearest", "truncate", "exact")
Status = Literal["inconsistent", "cannot-check"]


class Severity(Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    def at_least(self, other: Severity) -> bool:
        return self.rank >= other.rank

    @classmethod
    def of(cls, value: Severity | str, what: str = "a severity") -> Severity:
        """``value`` as a Severity: the enum itself or its name (``"warning"``); anything
        else is a FactlintError saying what is allowed."""
        if isinstance(value, Severity):
            return value
        if isinstance(value, str):
            for severity in cls:
                if severity.value == value:
                    return severity
        raise FactlintError(f"{what} must be 'error', 'warning' or 'info', not {value!r}")


class Origin(Enum):
    """Where a result comes from: a rule someone wrote, or a check that runs with none
    (``engine.implicit``)."""

    RULE = "rule"
    IMPLICIT = "implicit"


@dataclass(frozen=True, slots=True)
class Location:
    """Where something is written: a file, and a 1-based line and column when known."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path] + [str(p) for p in (self.line, self.column) if p is not None]
        return ":".join(parts)


@dataclass(frozen=True)
class Tolerance:
    """How far apart two sides of a claim may be: an absolute figure or a relative share."""

    figure: Figure
    relative: bool = False

    def amount_for(self, magnitude: Decimal) -> Decimal:
        return self.figure.base * magnitude if self.relative else abs(self.figure.base)

    def __str__(self) -> str:
        return f"{self.figure.text} (relative)" if self.relative else self.figure.text


@dataclass(frozen=True, slots=True)
class Mention:
    """One place the report states a fact, with the figure as printed there."""

    fact: str
    figure: Figure
    section: str = ""
    quote: str = ""
    line: int | None = None
    qualifier: str = ""
    period: str | None = None
    decimals: int | None = None
    declared_at: Location | None = None
    printed: str = ""
    """The number as printed, when a table's header gives its unit (``32.3`` under
    ``比重(%)``, whose figure is 32.3%); empty when ``figure.text`` is what is printed."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One quantity the report states, with every place it is stated."""

    id: str
    figure: Figure
    mentions: tuple[Mention, ...]
    label: str = ""
    exact: bool = False
    decimals: int | None = None
    qualifier: str = ""
    tolerance: Tolerance | None = None
    aspects: Mapping[str, str] = field(default_factory=dict)
    declared_at: Location | None = None

    @property
    def value(self) -> str:
        return self.figure.text

    @property
    def period(self) -> str | None:
        return self.aspects.get("period")

    if not TYPE_CHECKING:  # (type checkers see only the fields)

        def __getattr__(self, name: str) -> object:
            """Only for a fact of ``fact_makers.make_fact_printed_once``: its one mention, made when
            first read (a check reads it only for a finding), then kept as a field."""
            if name != "mentions":
                raise AttributeError(
                    f"'{type(self).__name__}' object has no attribute '{name}'",
                    name=name,
                    obj=self,
                )
            mentions = (make_mention(self.id, self.figure, "", "", None, self.declared_at),)
            _set_mentions(self, mentions)
            return mentions


# ---- makers: the loaders' way to the three types above, one or more per fact ----------
#
# The same objects as the constructors make, without ``__init__``'s ``object.__setattr__``
# per field (see ``records.draft_class``). They check nothing: a loader calls them with
# what it has validated already. Every field is a parameter, so none is forgotten;
# ``tests/test_makers.py`` holds them equal to the constructors.

_new = object.__new__
_LocationDraft = draft_class(Location)
_MentionDraft = draft_class(Mention)
_FactDraft = draft_class(Fact)
FACT_DRAFT = _FactDraft
"""For ``loading.fact_makers``, which makes facts as the makers here make the rest."""
_set_mentions = Fact.__dict__["mentions"].__set__  # the slot itself (Fact is frozen)


def make_location(path: str, line: int | None, column: int | None) -> Location:
    """``Location(path, line, column)``."""
    location = _new(_LocationDraft)
    location.path = path
    location.line = line
    location.column = column
    location.__class__ = Location
    made: Location = location
    return made


def make_mention(
    fact: str,
    figure: Figure,
    section: str,
    quote: str,
    line: int | None,
    declared_at: Location | None,
) -> Mention:
    """``Mention(fact, figure, section, quote, line, declared_at=declared_at)``, its other
    fields at their defaults."""
    mention = _new(_MentionDraft)
    mention.fact = fact
    mention.figure = figure
    mention.section = section
    mention.quote = quote
    mention.line = line
    mention.qualifier = ""
    mention.period = None
    mention.decimals = None
    mention.declared_at = declared_at
    mention.printed = ""
    mention.__class__ = Mention
    made: Mention = mention
    return made


@dataclass(frozen=True)
class ReportInfo:
    """What a facts file says about the report it describes."""

    id: str
    title: str = ""
    source: str | None = None
    source_text: str | None = None
    source_places: tuple[tuple[int, int], ...] = ()
    """For a PDF source: ``(page, line on the page)`` of each line of ``source_text``."""
    period: str | None = None
    entity: str | None = None
    sections: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    rounding: Rounding | None = None


@dataclass(frozen=True)
class FactSet:
    """The facts of one report, indexed by id."""

    report: ReportInfo
    facts: Mapping[str, Fact]
    path: str | None = None
    repeated: Mapping[str, Fact] = field(init=False, repr=False, compare=False)
    """The facts printed more than once, whose mentions are compared."""

    def __post_init__(self) -> None:
        repeated = {key: fact for key, fact in self.facts.items() if len(fact.mentions) > 1}
        object.__setattr__(self, "repeated", repeated)

    def __len__(self) -> int:
        return len(self.facts)


@dataclass(frozen=True)
class Rule:
    """One declarative rule: its claims are comparisons over fact ids."""

    id: str
    kind: str
    claims: tuple[Comparison, ...]
    severity: Severity = Severity.ERROR
    rounding: Rounding | None = None
    tolerance: Tolerance | None = None
    message: str = ""
    tags: tuple[str, ...] = ()
    parameters: Mapping[str, object] = field(default_factory=dict)
    declared_at: Location | None = None
    source_lines: tuple[str, ...] = ()
    fact_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)
    """The fact ids the claims name, in order of first appearance, each once."""

    def __post_init__(self) -> None:
        # Derived once, when the rule is made: a rule is checked against every report.
        if len(self.claims) == 1:
            fact_ids = tuple(names_in(self.claims[0]))
        else:
            fact_ids = tuple(dict.fromkeys(n for claim in self.claims for n in names_in(claim)))
        object.__setattr__(self, "fact_ids", fact_ids)


@dataclass(frozen=True)
class CheckOptions:
    """How a check runs, for every rule it checks.

    ``rounding`` overrides the report's mode for rules that set none; ``severities`` maps
    a rule id or an implicit check (``mentions-framing``) to a severity; ``skip`` maps
    rule or check ids to the reason they are skipped; ``fail_on`` is the lowest severity
    that fails a run (``CheckResult.fails``); ``fast_path`` off decides every claim with the
    general evaluation alone (the same findings, slower: for testing and measuring)."""

    rounding: Rounding | None = None
    severities: Mapping[str, Severity] = field(default_factory=dict)
    skip: Mapping[str, str] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    fast_path: bool = True


@dataclass(frozen=True)
class RuleSet:
    """The rules of one rules file and the facts files it names."""

    rules: tuple[Rule, ...]
    facts_paths: tuple[str, ...] = ()
    path: str | None = None
    facts_at: tuple[Location, ...] = ()
    """Where the rules file names each of ``facts_paths`` (same order), when read from one."""

    def __len__(self) -> int:
        return len(self.rules)


@dataclass(frozen=True)
class IntervalView:
    """An interval with the figure-style text an editor reads (``[76.45%, 76.55%]``)."""

    interval: Interval
    text: str
    figure: str = ""
    """The figure as printed, for a side that is one fact (``185%``)."""


@dataclass(frozen=True)
class MentionRef:
    """A mention involved in a finding, with where it is printed and where it is declared."""

    fact: str
    figure: str
    section: str
    quote: str
    file: str | None
    line: int | None
    declared_at: Location | None = None
    label: str = ""
    page: int | None = None
    """For a PDF source: the page ``line`` is on, and ``page_line`` its line there."""
    page_line: int | None = None


@dataclass(frozen=True)
class Finding:
    """One inconsistency or one claim that could not be checked.

    ``rule`` is the id of the rule or implicit check that found it; ``kind`` the rule's
    kind (``share``), empty for an implicit check."""

    rule: str
    kind: str
    status: Status
    severity: Severity
    message: str
    claim: str = ""
    arithmetic: str = ""
    stated: IntervalView | None = None
    computed: IntervalView | None = None
    rounding: Rounding = "nearest"
    suggestion: str | None = None
    reason: str | None = None
    mentions: tuple[MentionRef, ...] = ()
    rule_at: Location | None = None
    fingerprint: str = ""
    origin: Origin = Origin.RULE

    @property
    def implicit(self) -> bool:
        return self.origin is Origin.IMPLICIT


@dataclass(frozen=True)
class RuleResult:
    """The outcome of one rule or implicit check: passed, the findings it produced, or
    skipped (with the reason the configuration gives). ``kind`` is the rule's kind, empty
    for an implicit check; ``report`` the id of the report checked; ``message`` what the
    rule or check holds, in words (a rule's ``message``, a check's description)."""

    rule: str
    kind: str
    severity: Severity
    findings: tuple[Finding, ...]
    declared_at: Location | None = None
    facts: tuple[str, ...] = ()
    skip_reason: str | None = None
    report: str = ""
    message: str = ""
    origin: Origin = Origin.RULE

    @classmethod
    def passed(cls, rule: Rule, severity: Severity, report: str) -> RuleResult:
        """The result of a rule that holds: most of a report's results are these, so
        its fields are set in one step rather than one ``object.__setattr__`` each."""
        result = object.__new__(cls)
        result.__dict__.update(
            rule=rule.id,
            kind=rule.kind,
            severity=severity,
            findings=(),
            declared_at=rule.declared_at,
            facts=rule.fact_ids,
            skip_reason=None,
            report=report,
            message=rule.message,
            origin=Origin.RULE,
        )
        return result

    @property
    def implicit(self) -> bool:
        return self.origin is Origin.IMPLICIT

    @property
    def outcome(self) -> str:
        if self.skip_reason is not None:
            return "skipped"
        if not self.findings:
            return "passed"
        if any(f.status == "inconsistent" for f in self.findings):
            return "failed"
        return "cannot-check"


@dataclass(frozen=True)
class Summary:
    rules: int
    passed: int
    failed: int
    cannot_check: int
    facts: int
    unchecked: int
    skipped: int = 0


@dataclass(frozen=True)
class CheckResult:
    """Everything one ``check`` found: findings, per-rule results and coverage."""

    findings: tuple[Finding, ...]
    results: tuple[RuleResult, ...]
    facts: int
    unchecked: tuple[str, ...]
    reports: tuple[str, ...] = ()

    @property
    def summary(self) -> Summary:
        outcomes = {"passed": 0, "failed": 0, "cannot-check": 0, "skipped": 0}
        rule = Origin.RULE
        for result in self.results:
            if result.origin is rule:
                outcomes[result.outcome] += 1
        return Summary(
            rules=sum(outcomes.values()),
            passed=outcomes["passed"],
            failed=outcomes["failed"],
            cannot_check=outcomes["cannot-check"],
            facts=self.facts,
            unchecked=len(self.unchecked),
            skipped=outcomes["skipped"],
        )

    def worst(self) -> Severity | None:
        """The highest severity among the findings, None when there are none."""
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)

    def fails(self, fail_on: Severity | str) -> bool:
        """Whether some finding is at ``fail_on`` or above (a Severity or its name)."""
        level = Severity.of(fail_on, "fail_on")
        return any(f.severity.at_least(level) for f in self.findings)

    @classmethod
    def merge(cls, reports: list[CheckResult]) -> CheckResult:
        return cls(
            findings=tuple(f for r in reports for f in r.findings),
            results=tuple(x for r in reports for x in r.results),
            facts=sum(r.facts for r in reports),
            unchecked=tuple(u for r in reports for u in r.unchecked),
            reports=tuple(name for r in reports for name in r.reports),
        )


def __getattr__(name: str) -> type[CheckResult]:
    """``model.Report``, the old name of ``CheckResult`` (renamed because "report" is the
    document being checked): the same class, with a DeprecationWarning at each use."""
    if name != "Report":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import warnings

    warnings.warn(
        "factlint.model.Report is renamed factlint.model.CheckResult; the old name will be removed",
        DeprecationWarning,
        stacklevel=2,
    )
    return CheckResult
