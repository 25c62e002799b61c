"""``within``: a part named with 其中 / of which does not exceed its whole."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.extract.detectors.base import (
    EXCEEDS,
    HOLDS,
    Index,
    Relation,
    has,
    is_additive,
    printed_after,
    where,
)

_WITHIN_CUES = ("其中", "of which", "including")


def detect(index: Index) -> Iterator[Relation]:
    for whole in index.items:
        if not is_additive(whole):
            continue
        for mention in whole.fact.mentions:
            following = printed_after(index, whole, mention)
            if not following:
                continue
            part, pf = following[0]
            between = index.between(mention, pf)
            if (
                not has(between, (*_WITHIN_CUES, "中,", "中，"))
                or pf.sentence - mention.sentence > 1
            ):
                continue
            holds = part.figure.base <= whole.figure.base
            status = HOLDS if holds else EXCEEDS
            evidence = f"{part.fact.value} is part of {whole.fact.value} ({where(mention, pf)})"
            rule = {"check": f"{part.id} <= {whole.id}"}
            ids = (part.id, whole.id)
            yield Relation("within", ids, status, 2.5, rule, evidence, part.fact.value)
