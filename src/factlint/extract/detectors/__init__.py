"""The relation detectors ``discover`` runs, one module each, in one registry.

A detector is a function ``detect(index) -> Iterator[Relation]``: it reads the facts of a
report (by sentence and in reading order, with the text) and yields each candidate relation
with its status, score and rule. ``discover`` keeps the best candidate per claim. A new
detector is a module with a ``detect`` function and one line in ``DETECTORS``.
"""

from __future__ import annotations

from factlint.extract.detectors import (
    change_levels,
    compound_totals,
    definitions,
    differences,
    english_breakdowns,
    english_changes,
    english_growths,
    english_multiples,
    gaps,
    growths,
    increases,
    industries,
    listed_parts,
    listed_shares,
    margins,
    named_shares,
    paired_shares,
    partitions,
    per_heads,
    printed_twice,
    pulls,
    repeats,
    shares,
    stated_bases,
    stated_changes,
    stated_gaps,
    stated_lists,
    stated_shares,
    stated_targets,
    stated_totals,
    structures,
    sub_items,
    subject_shares,
    sums,
    unchanged,
    unit_slips,
    withins,
    yields,
)
from factlint.extract.detectors.base import Detector, Index, Item, Relation

DETECTORS: dict[str, Detector] = {
    "stated-share": stated_shares.detect,
    "named-share": named_shares.detect,
    "listed-share": listed_shares.detect,
    "paired-share": paired_shares.detect,
    "subject-share": subject_shares.detect,
    "margin": margins.detect,
    "stated-completion": stated_targets.detect,
    "stated-change": stated_changes.detect,
    "stated-total": stated_totals.detect,
    "compound-total": compound_totals.detect,
    "definition": definitions.detect,
    "per-head": per_heads.detect,
    "yield": yields.detect,
    "pull": pulls.detect,
    "english-change": english_changes.detect,
    "english-breakdown": english_breakdowns.detect,
    "english-multiple": english_multiples.detect,
    "english-growth": english_growths.detect,
    "industries": industries.detect,
    "stated-list": stated_lists.detect,
    "stated-gap": stated_gaps.detect,
    "stated-base": stated_bases.detect,
    "change-level": change_levels.detect,
    "share": shares.detect,
    "sum": sums.detect,
    "partition": partitions.detect,
    "growth": growths.detect,
    "growth-from-increase": increases.detect,
    "within": withins.detect,
    "listed-parts": listed_parts.detect,
    "unit-slip": unit_slips.detect,
    "structure": structures.detect,
    "sub-items": sub_items.detect,
    "difference": differences.detect,
    "gap": gaps.detect,
    "repeat": repeats.detect,
    "printed-twice": printed_twice.detect,
    "unchanged": unchanged.detect,
}

__all__ = ["DETECTORS", "Detector", "Index", "Item", "Relation"]
