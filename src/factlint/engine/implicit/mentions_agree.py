"""mentions-agree: every mention of a fact prints the same quantity: the same unit, and values that
agree as XBRL's duplicate facts do (``engine.mentions``)."""

from __future__ import annotations

from factlint.engine.implicit.base import ImplicitCheck, mention_check
from factlint.model import Severity

MENTIONS_AGREE = ImplicitCheck(
    "mentions-agree",
    Severity.ERROR,
    "Every mention of a fact prints the same quantity.",
    mention_check("mentions-agree"),
    breaks_facts=True,
)
