"""JUnit XML for GitLab and Jenkins: one ``<testsuite>`` per report, one ``<testcase>`` per
rule result, the implicit checks and the passing rules included.

A failed rule carries ``<failure>`` with every finding's full explanation in its body, a
rule that cannot be checked carries ``<error>``, a skipped rule ``<skipped>`` with the
configuration's reason. GitLab names a test by ``classname`` and ``name``, so both are
unique within a file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from factlint.model import Report, RuleResult
from factlint.reporters.common import explanation, kind_label, posix

if TYPE_CHECKING:
    from factlint.reporters.options import RenderOptions

# XML 1.0 forbids most control characters even as references; text extracted from PDFs
# can carry them in quotes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_COUNTED = {"failed": "failures", "cannot-check": "errors", "skipped": "skipped"}


def render(report: Report, options: RenderOptions | None = None) -> str:
    root = ET.Element("testsuites", name="factlint")
    suites: dict[str, list[RuleResult]] = {}
    for result in report.results:
        suites.setdefault(result.report, []).append(result)
    for name, results in suites.items():
        suite = ET.SubElement(root, "testsuite", name=name or "factlint")
        for result in results:
            suite.append(testcase(result))
        _count(suite, results)
    _count(root, report.results)
    ET.indent(root)
    body = _clean(ET.tostring(root, encoding="unicode"))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def testcase(result: RuleResult) -> ET.Element:
    """One rule's ``<testcase>``; implicit checks are named ``implicit:<check>``."""
    name = kind_label(result) if result.implicit else result.rule
    case = ET.Element("testcase", name=name, classname=f"factlint.{result.report}", time="0")
    if result.declared_at is not None:
        case.set("file", posix(result.declared_at.path))
        if result.declared_at.line is not None:
            case.set("line", str(result.declared_at.line))
    outcome = result.outcome
    if outcome == "skipped":
        ET.SubElement(case, "skipped", message=_clean(result.skip_reason or ""))
    elif outcome in ("failed", "cannot-check"):
        tag = "failure" if outcome == "failed" else "error"
        first = result.findings[0]
        child = ET.SubElement(case, tag, message=_clean(first.message), type=first.status)
        child.text = _clean("\n\n".join(explanation(f) for f in result.findings))
    return case


def _count(element: ET.Element, results: tuple[RuleResult, ...] | list[RuleResult]) -> None:
    outcomes = [r.outcome for r in results]
    element.set("tests", str(len(outcomes)))
    for outcome, attribute in _COUNTED.items():
        element.set(attribute, str(outcomes.count(outcome)))
    element.set("time", "0")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
