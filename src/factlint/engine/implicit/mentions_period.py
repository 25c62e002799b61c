"""mentions-period: every mention of a fact refers to the same period."""

from __future__ import annotations

from factlint.engine.implicit.base import ImplicitCheck, mention_check
from factlint.model import Severity

MENTIONS_PERIOD = ImplicitCheck(
    "mentions-period",
    Severity.WARNING,
    "Every mention of a fact refers to the same period.",
    mention_check("mentions-period"),
)
