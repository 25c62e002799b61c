"""For Python tests: the ``factlint_check`` and ``factlint_assert`` fixtures, and the
functions behind them (``check_report``, ``assert_consistent``), usable without pytest's
fixtures too."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

import pytest

from factlint.pytest_plugin.explaining import report_explanation
from factlint.pytest_plugin.settings import SETTINGS

if TYPE_CHECKING:
    from factlint.model import CheckResult


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
