"""The items' run protocol: pytest's three phases reported, only the call phase run."""

from __future__ import annotations

from typing import Literal

import pytest

from factlint.pytest_plugin.items import FactlintItem


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
