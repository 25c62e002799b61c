"""quote-in-source: every mention's quote is printed in the report's source text, with
its figure, at the line the mention gives (``engine.quotes``): the facts file is in sync
with the text."""

from __future__ import annotations

from factlint.engine.implicit.base import ImplicitCheck, quote_check
from factlint.model import Severity

QUOTE_IN_SOURCE = ImplicitCheck(
    "quote-in-source",
    Severity.ERROR,
    "Every mention's quote is found in the report text, with the same figure.",
    quote_check("quote-in-source"),
)
