"""``difference`` stated in words between the two counts printed just before it:

- 甲以7362票敗給乙的7379票，相差僅17票 — the gap between two candidates' votes;
- 甲3640票、乙3665票，乙獲勝，兩人相差15票; 男生520人，女生480人，两者相差40人.

The gap (相差, 差, 之差, 差距为) is the larger less the smaller of the two quantities of its
unit printed before it in its sentence — exactly two, counted alike (票 and 票), and no
other figure in the sentence before the gap. Checked whatever its numbers say; a gap
that fails is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import (
    Index,
    Item,
    Relation,
    counts_alike,
    is_quantity,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.wording import figures_between, sentence_start, unmasked
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_SCORE = 5.0
_GAP_CUE = re.compile(
    r"(?:两者|兩者|两人|兩人|二者|双方|雙方)?\s*(?:相差|差距为|差距為|差距|只差|仅差|僅差)"
    r"\s*(?:仅|僅|只有|只|约|約|了)?\s*(?:为|為|是)?\s*$"
)


def detect(index: Index) -> Iterator[Relation]:
    for gap, gf in index.in_order:
        if not is_quantity(gap) or gap.figure.qualifier or gap.figure.number < 0:
            continue
        begin = max(sentence_start(gf), gf.spot.start - 12)
        cue = _GAP_CUE.search(unmasked(index, begin, gf.spot.start, ("count",)))
        if cue is None:
            continue
        earlier = [  # 两人相差: the cue's own 两人 is no count of it
            (item, found)
            for item, found in figures_between(index, sentence_start(gf), begin + cue.start())
            if item.fact.kind != "date"
        ]
        levels = [
            (item, found)
            for item, found in earlier
            if is_quantity(item) and same_unit(item, gap) and counts_alike(item, gap)
        ]
        if len(levels) != 2 or len(earlier) != 2:
            continue  # three counts, or a count of another thing between: no one reading
        (a, af), (b, bf) = levels
        if a.id == b.id or gap.id in (a.id, b.id):
            continue
        yield from _gap(a, af, b, bf, gap, gf, index.quote(sentence_start(af), gf.spot.end))


def _gap(
    a: Item, af: Found, b: Item, bf: Found, gap: Item, gf: Found, words: str
) -> Iterator[Relation]:
    high, low = (a, b) if a.figure.base >= b.figure.base else (b, a)
    decided = decide(per_mode(lambda x, y: x - y, high, low), gap)
    if decided is None:
        return
    status, would = decided
    value = point(lambda x, y: x - y, high, low)
    shown = "?" if value is None else format_figure(value, gap.figure, gap.figure.places)
    evidence = (
        f"{high.fact.value} - {low.fact.value} = {shown}, printed {gap.fact.value} "
        f"({where(gf, af, bf)})"
    )
    rule = {"check": f"{high.id} - {low.id} == {gap.id}"}
    ids = (high.id, low.id, gap.id)
    yield Relation("difference", ids, status, _SCORE, rule, evidence, gap.fact.value, would, words)
