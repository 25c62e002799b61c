"""``share``: a profit margin stated beside its profit, of the revenue printed before.

- "Revenue was $250.0 million. Operating income was $31.0 million, an operating margin of
  12.4%" — operating income / revenue;
- "gross profit of $80 million (gross margin of 32.0%)", "net income of $12.5 million, or a
  net margin of 5.0%".

A margin is, by definition, the profit it names over the revenue (sales, turnover) of the
same period. The profit is the amount printed just before the margin, its label naming the
same measure (operating, gross, net; adjusted only with adjusted); the revenue is the one
quantity printed before it whose noun or label is revenue, sales or turnover — when none
or more than one is, nothing is bound. Checked whatever the numbers say; a margin that
fails is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import Index, Item, Relation, is_quantity, same_unit
from factlint.extract.detectors.named_shares import named_quantity
from factlint.extract.detectors.stated_shares import share_relation
from factlint.extract.pipeline import Found

_MEASURE = r"(?P<adjusted>adjusted\s+)?(?P<measure>operating|gross|net|ebitda|ebit|pre-?tax)"
_MARGIN_AFTER_PROFIT = re.compile(
    r"^\s*(?:,|\(|–|—|;)\s*(?:or\s+|and\s+|representing\s+|giving\s+|for\s+|with\s+)?"
    r"(?:an?\s+|its\s+)?" + _MEASURE + r"(?:\s+(?:income|profit|earnings))?\s+margins?"
    r"\s*(?:of|was|at|is)?\s*$",
    re.IGNORECASE,
)
_REVENUE_NOUNS = ("revenue", "sales", "turnover")
_PROFIT_WORDS = {
    "operating": ("operating",),
    "gross": ("gross",),
    "net": ("net income", "net profit", "net earnings"),
    "ebitda": ("ebitda",),
    "ebit": ("ebit",),
    "pretax": ("pretax", "pre-tax", "before tax"),
}


def detect(index: Index) -> Iterator[Relation]:
    order = index.in_order
    for position in range(1, len(order)):
        margin, mf = order[position]
        if margin.figure.kind != "percent" or margin.figure.qualifier:
            continue
        profit, pf = order[position - 1]
        if pf.sentence != mf.sentence or pf.section != mf.section:
            continue
        said = _MARGIN_AFTER_PROFIT.match(index.masked[pf.spot.end : mf.spot.start])
        if said is None or not (is_quantity(profit) and profit.fact.kind == "amount"):
            continue
        if not _names_profit(pf.context.label or profit.fact.label, said):
            continue
        revenue_at = _revenue(index, profit, pf)
        if revenue_at is None:
            continue
        revenue, rf = revenue_at
        words = index.quote(pf.spot.start, mf.spot.end)
        yield from share_relation(margin, mf, profit, pf, revenue, rf, words, index.masked)


def _names_profit(label: str, said: re.Match[str]) -> bool:
    """Operating income names an operating margin; an adjusted margin needs an adjusted
    profit, and an adjusted profit an adjusted margin."""
    label = label.lower()
    if ("adjusted" in label) != bool(said.group("adjusted")):
        return False
    measure = said.group("measure").lower().replace("-", "")
    return any(word in label for word in _PROFIT_WORDS[measure])


def _revenue(index: Index, profit: Item, pf: Found) -> tuple[Item, Found] | None:
    found: dict[str, tuple[Item, Found]] = {}
    for noun in _REVENUE_NOUNS:
        named = named_quantity(index, noun, profit, pf)
        if named is not None and same_unit(profit, named[0]):
            found.setdefault(named[0].id, named)
    return next(iter(found.values())) if len(found) == 1 else None
