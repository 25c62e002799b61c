"""mention-section: every mention's line lies inside the section it names, when the report declares
its sections' lines."""

from __future__ import annotations

from factlint.engine.implicit.base import ImplicitCheck, quote_check
from factlint.model import Severity

MENTION_SECTION = ImplicitCheck(
    "mention-section",
    Severity.WARNING,
    "Every mention's line lies inside the section it names.",
    quote_check("mention-section"),
)
