"""mentions-framing: every mention of a fact frames it the same way (累计完成 against 预计: actual
against expected)."""

from __future__ import annotations

from factlint.engine.implicit.base import ImplicitCheck, mention_check
from factlint.model import Severity

MENTIONS_FRAMING = ImplicitCheck(
    "mentions-framing",
    Severity.WARNING,
    "Every mention of a fact frames it the same way (预计, 约, 累计…).",
    mention_check("mentions-framing"),
)
