"""Find the relations an editor would check among a report's figures, and the near misses.

Only figures the text ties together are tried: printed in the same sentence or in
neighbouring ones of the same section. Each candidate is decided on the intervals the
printed figures stand for (docs/design.md §3). The detectors, one module each in
``extract/detectors/`` and run in the order of its registry:

- ``share``: part / whole = a stated percent (占比, 开工率, of sales), ``completion`` when
  the percent is over 100 (完成目标任务的 185%);
- ``sum``: parts listed after a total (其中, of which) add up to it; ``partition``: the
  quantities of a paragraph after a figure the words call a total ("In total, 374,307 …")
  that add up to a little more than it;
- ``growth``: current / previous − 1 = a stated rate (to $1.13bn from $639m);
- ``growth-from-increase``: an increase over a level gives the stated rate (218.7万人,
  比上年增加8630人, 增长0.4%);
- ``within``: a part named with 其中 / of which does not exceed its whole;
- ``structure``: the parts of a ratio (三次产业结构 6.8:42.7:50.5) add up to 100, and each
  is the ``share`` of the amounts listed just before it in their total;
- ``difference``: a change stated beside the two values it lies between (revised down by
  72,000, from +336,000 to +264,000; 由60.2%提高到61.5%，提高1.3个百分点), or the gap between
  two rates (分别增长10.6%和9.1%，增速分别比规模以上工业快4.6和3.1个百分点).

Relations the words assert (``stated_*``, and in English ``named_shares``,
``english_changes``, ``english_multiples``, ``english_breakdowns``: "or 32% of the
burglaries", "rose by $15 million to $120 million, from $100 million", "three times as many
as the 150", "of which … and the remaining 700"; ``listed_shares``: "Green 412 (51.5%), Red
300 (37.5%) …" when the shares add up to 100%; ``paired_shares``: 分别为a、b，分别占…的x、y;
``subject_shares``: 甲和乙占比分别为x、y, of the amounts printed for 甲 and 乙 before;
``compound_totals``: 进出口 = 出口 + 进口, 农林牧渔业 = its branches; ``definitions``: 自然增长率 =
出生率 − 死亡率, 性别比, 城镇化率; ``pulls``: 拉动 = 贡献率 × GDP growth; ``per_heads``: 人均 = the
total over the population, in a smaller unit of its kind; ``per_units``: 平均每户, 每千人拥有 =
the total over the count of what 每 names; ``densities``: 人口密度, "density … per km²" = the
population over the area, wherever in the text they are printed; ``unit_slips``: 其中 parts
that add up to their whole's digits printed with another scale word; ``listed_parts``: one
list of parts after 其中 is no more than its whole; ``change_levels``: 比上年增加D with last
year's value beside or after it, 是上年的N倍 with its base, a rise no larger than its level;
``ordered_lists``: "leads …, followed by" and 居首，其次是 lists keep their order;
``listed_counts``: "All 12 of the regions" is the length of the list of them printed one a
line) are checked whatever their numbers say. ``printed_twice`` pairs one named measure of
one period printed twice (a warning when the values differ); ``yields`` divides an output by
the area sown (亩产, 单产: a warning when no area the words allow gives the figure).

A relation that holds becomes a rule in the public rules format, with its evidence in
``message``. One that only nearly holds — consistent only under truncation, off by one
in the last digit, off by a power of ten (万 vs 亿) — is a finding, and its rule is written
too so ``check`` reports it. Candidates are ranked by how strongly the text ties them;
without a cue word and proximity a match is taken for a coincidence and dropped.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from factlint.extract.detectors import DETECTORS
from factlint.extract.detectors.base import (
    EXCEEDS,
    HOLDS,
    MISMATCH,
    NEAR_MISSES,
    OFF_BY_ONE,
    OFF_BY_SCALE,
    TRUNCATION,
    Index,
    Item,
    Relation,
)
from factlint.extract.detectors.tables import only_in_tables, table_relations
from factlint.extract.pipeline import Extraction

__all__ = [
    "EXCEEDS",
    "HOLDS",
    "MISMATCH",
    "NEAR_MISSES",
    "OFF_BY_ONE",
    "OFF_BY_SCALE",
    "TRUNCATION",
    "Relation",
    "discover",
]

_MIN_SCORE = 2.0


def discover(
    extraction: Extraction,
    ids: Mapping[str, str] | None = None,
    exact: Mapping[str, bool] | None = None,
) -> list[Relation]:
    """Relations among the facts of ``extraction``, best first.

    ``ids`` renames extracted facts (extracted id → id in a curated facts file); facts
    missing from it are left out. ``exact`` marks facts declared exact (targets)."""
    items = [
        Item(ids.get(f.id, "") if ids is not None else f.id, f, f.exact) for f in extraction.facts
    ]
    items = [Item(i.id, i.fact, (exact or {}).get(i.id, i.exact)) for i in items if i.id]
    if extraction.tables:  # a table's cells are related by its rows and columns (below)
        items = [i for i in items if not only_in_tables(i.fact, extraction)]
    index = Index(items, extraction)
    found: dict[tuple[str, tuple[str, ...]], Relation] = {}
    for detect in DETECTORS.values():
        for relation in detect(index):
            key = (relation.kind, relation.facts)
            if relation.score >= _MIN_SCORE and (
                key not in found or _strength(relation) > _strength(found[key])
            ):
                found[key] = relation
    chosen = _best_per_claim(list(found.values()))
    named = _named(sorted(chosen, key=lambda r: (-r.score, r.order_key())))
    return named + table_relations(extraction, ids)


def _best_per_claim(relations: list[Relation]) -> list[Relation]:
    """One explanation per stated figure: the best-tied candidate, a relation that holds
    before a near miss. Sums and containments are kept as they are."""
    best: dict[str, Relation] = {}
    rest: list[Relation] = []
    for relation in relations:
        if relation.kind in ("sum", "within", "structure"):
            rest.append(relation)
            continue
        claim = relation.facts[-1]
        current = best.get(claim)
        if current is None or _rank(relation) > _rank(current):
            best[claim] = relation
    sums = _best_sums(rest)
    kept = [r for r in sums if not (r.kind == "within" and _covered(r, sums))]
    return [*best.values(), *kept]


def _covered(within: Relation, sums: list[Relation]) -> bool:
    """A part within its whole says nothing a sum of that whole does not: a sum that holds,
    or a sum the words assert whose parts include the part (of which 500 … and the
    remaining 800)."""
    # The detectors list a within's whole first or last; the sum's total names it.
    for relation in sums:
        total = relation.facts[0]
        if relation.kind != "sum" or total not in within.facts:
            continue
        parts = set(within.facts) - {total}
        if relation.status == HOLDS or (relation.is_asserted and parts <= set(relation.facts[1:])):
            return True
    return False


def _strength(relation: Relation) -> tuple[bool, float]:
    return (relation.is_asserted, relation.score)


def _rank(relation: Relation) -> tuple[bool, bool, float]:
    """What the text says first, then a relation that holds, then the best-tied."""
    return (relation.is_asserted, relation.status == HOLDS, relation.score)


def _best_sums(relations: list[Relation]) -> list[Relation]:
    """Per total, the breakdowns that hold, longest first, using each part once."""
    out = [r for r in relations if r.kind != "sum"]
    by_total: dict[str, list[Relation]] = {}
    for relation in relations:
        if relation.kind == "sum":
            by_total.setdefault(relation.facts[0], []).append(relation)
    for candidates in by_total.values():
        used: set[str] = set()
        for relation in sorted(candidates, key=lambda r: (_rank(r), len(r.facts)), reverse=True):
            parts = set(relation.facts[1:])
            if parts & used:
                continue
            used |= parts
            out.append(relation)
    return out


def _named(relations: list[Relation]) -> list[Relation]:
    """Give each rule a stable kebab-case id from its kind and the figure it checks."""
    used: set[str] = set()
    out = []
    for relation in relations:
        base = f"{relation.kind}-{_ascii(relation.stated)}".strip("-")
        rule_id, number = base, 2
        while rule_id in used:
            rule_id, number = f"{base}-{number}", number + 1
        used.add(rule_id)
        rule: dict[str, object] = {"id": rule_id, **relation.rule}
        # the text claims an asserted relation: failing it is an error; one guessed from
        # the numbers alone is a warning, whatever its near miss
        rule["severity"] = "error" if relation.is_asserted else "warning"
        rule["message"] = _message(relation)
        rule["tags"] = [
            "discovered",
            relation.kind,
            "asserted" if relation.is_asserted else "inferred",
        ]
        out.append(dataclasses.replace(relation, rule=rule))
    return out


def _message(relation: Relation) -> str:
    note = {
        HOLDS: "",
        TRUNCATION: " — consistent only if the figures were truncated, not rounded",
        OFF_BY_ONE: " — off by one in the last digit",
        OFF_BY_SCALE: " — off by a power of ten (a 万/亿 or thousand/million slip?)",
        EXCEEDS: " — the part exceeds the whole",
        MISMATCH: " — the figures do not agree",
    }[relation.status]
    # What the figure would read is the check's to say: it adds it to a failing rule's message.
    if relation.is_asserted:
        said = f"{relation.kind} stated in the text «{relation.asserted}»"
        return f"{said}: {relation.evidence}{note}"
    return f"discovered {relation.kind}: {relation.evidence}{note}"


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("%", "pct")).strip("-")
