"""The implicit checks: what runs on every report with no rule written, as a registry of
small objects (id, default severity, description, run), as yamllint's rules are.

A new check is a module here defining an ``ImplicitCheck``, added to ``CHECKS``; reports
list the checks' results in this order, before the rules'.
"""

from __future__ import annotations

from collections.abc import Mapping

from factlint.engine.implicit.base import Context, ImplicitCheck, Problem
from factlint.engine.implicit.mention_section import MENTION_SECTION
from factlint.engine.implicit.mentions_agree import MENTIONS_AGREE
from factlint.engine.implicit.mentions_framing import MENTIONS_FRAMING
from factlint.engine.implicit.mentions_period import MENTIONS_PERIOD
from factlint.engine.implicit.quote_in_source import QUOTE_IN_SOURCE

CHECKS: tuple[ImplicitCheck, ...] = (
    MENTIONS_AGREE,
    MENTIONS_FRAMING,
    MENTIONS_PERIOD,
    QUOTE_IN_SOURCE,
    MENTION_SECTION,
)

IMPLICIT_CHECKS: Mapping[str, ImplicitCheck] = {check.id: check for check in CHECKS}
"""The checks by id (the names the configuration's severities and skips may use)."""

__all__ = ["CHECKS", "IMPLICIT_CHECKS", "Context", "ImplicitCheck", "Problem"]
