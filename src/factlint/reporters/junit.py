"""JUnit XML for GitLab and Jenkins: one ``<testsuite>`` per report, one ``<testcase>`` per
rule result, the implicit checks and the passing rules included.

Valid against the junit-10.xsd that Jenkins' xunit plugin reads (tests/data/junit-10.xsd):
``<testcase>`` carries only ``name``, ``classname`` and ``time``, so where a rule is
declared is said in its message and body, and each suite lists its files in
``<properties>``; ``<testsuites>`` has no ``skipped`` count.

The verdict agrees with the exit code: a rule whose findings all stay below ``--fail-on``
(a warning under the default ``error``) is a passing test case that explains itself in
``<system-out>``. A failed rule at or above it carries ``<failure>`` with every finding's
full explanation, a rule that cannot be checked carries ``<error>``, a skipped rule
``<skipped>`` with the configuration's reason.

Class names come from file names with no dots (``rules/jinzhong-2020.rules.yaml`` →
``jinzhong-2020``): Jenkins reads everything before a class name's last dot as its package.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import PurePath
from typing import TYPE_CHECKING

from factlint.clip import printable
from factlint.model import CheckResult, RuleResult, Severity
from factlint.reporters.common import explanation, kind_label, posix
from factlint.reporters.escape import defuse_xml

if TYPE_CHECKING:
    from factlint.reporters.options import RenderOptions

# XML 1.0 forbids most control characters even as references; text extracted from PDFs
# can carry them in quotes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FILE_SUFFIXES = (".rules.yaml", ".rules.yml", ".facts.yaml", ".facts.yml", ".facts.jsonl")


def render(report: CheckResult, options: RenderOptions | None = None) -> str:
    fail_on = options.fail_on if options is not None else Severity.ERROR
    root = ET.Element("testsuites", name="factlint")
    suites: dict[str, list[RuleResult]] = {}
    for result in report.results:
        suites.setdefault(result.report, []).append(result)
    classes = class_names(report.results)
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for name, results in suites.items():
        suite = ET.SubElement(root, "testsuite", name=name or "factlint")
        _properties(suite, results)
        cases = [testcase(r, classes, fail_on) for r in results]
        suite.extend(cases)
        counts = _counts(cases)
        for key, value in counts.items():
            suite.set(key, str(value))
            if key in totals:
                totals[key] += value
        suite.set("time", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", "0")
    ET.indent(root)
    # The one escaping policy for the whole document: the messages, quotes, sections and
    # file names in it are user text; factlint's own markup has no control characters.
    body = _clean(ET.tostring(root, encoding="unicode"))
    return defuse_xml(f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n')


def testcase(
    result: RuleResult, classes: dict[str, str], fail_on: Severity = Severity.ERROR
) -> ET.Element:
    """One rule's ``<testcase>``; implicit checks are named ``implicit:<check>``.
    ``classes`` maps a declaring file to its class name (``class_names``)."""
    name = kind_label(result) if result.implicit else result.rule
    declared = result.declared_at.path if result.declared_at else None
    classname = classes.get(declared or "") or _undotted(result.report or "factlint")
    case = ET.Element("testcase", name=name, classname=classname, time="0")
    where = f" (declared at {result.declared_at})" if _declared_in_a_file(result) else ""
    outcome = result.outcome
    if outcome == "skipped":
        ET.SubElement(case, "skipped", message=_clean(result.skip_reason or ""))
    elif outcome in ("failed", "cannot-check"):
        body = "\n\n".join(explanation(f) for f in result.findings)
        body = _clean(body + (f"\n\n{where.strip()}" if where else ""))
        worst = max((f.severity for f in result.findings), key=lambda s: s.rank)
        if not worst.at_least(fail_on):
            out = ET.SubElement(case, "system-out")
            out.text = (
                f"passes: its findings are {worst.value}s, below --fail-on {fail_on.value}\n\n"
                + body
            )
            return case
        tag = "failure" if outcome == "failed" else "error"
        first = result.findings[0]
        child = ET.SubElement(case, tag, message=_clean(first.message + where), type=first.status)
        child.text = body
    return case


def class_names(results: tuple[RuleResult, ...] | list[RuleResult]) -> dict[str, str]:
    """Each declaring file's class name: the file's name without its suffix and with no
    dots; the folders are added (joined by ``_``) where two files share a name. (A result
    from no file is classed by its report id.)"""
    files = {r.declared_at.path for r in results if r.declared_at and _declared_in_a_file(r)}
    short = {path: _undotted(PurePath(path).name) for path in files}
    taken: dict[str, int] = {}
    for name in short.values():
        taken[name] = taken.get(name, 0) + 1
    return {
        path: name if taken[name] == 1 else _undotted(posix(path).replace("/", "_"))
        for path, name in short.items()
    }


def _declared_in_a_file(result: RuleResult) -> bool:
    """False for no location and for the ``<rules>`` name of an in-memory document."""
    at = result.declared_at
    return at is not None and not (at.path.startswith("<") and at.path.endswith(">"))


def _undotted(name: str) -> str:
    for suffix in _FILE_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.lstrip("./_").replace(".", "_") or "factlint"


def _properties(suite: ET.Element, results: list[RuleResult]) -> None:
    """The files the suite's rules and checks are declared in."""
    files = dict.fromkeys(
        posix(r.declared_at.path) for r in results if r.declared_at and _declared_in_a_file(r)
    )
    if files:
        properties = ET.SubElement(suite, "properties")
        for path in files:
            ET.SubElement(properties, "property", name="file", value=_clean(path))


def _counts(cases: list[ET.Element]) -> dict[str, int]:
    def having(tag: str) -> int:
        return sum(case.find(tag) is not None for case in cases)

    return {
        "tests": len(cases),
        "failures": having("failure"),
        "errors": having("error"),
        "skipped": having("skipped"),
    }


def _clean(text: str) -> str:
    """User text shown by the one escaping policy (``clip.printable``), and no character
    XML cannot hold."""
    return _NOT_XML.sub("\ufffd", printable(text))
