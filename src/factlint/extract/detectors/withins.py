"""``within``: a part listed after 其中 / of which / including does not exceed the whole
the words break down (签约项目51项，其中新项目39项; 51 个项目中，…). The words assert it, so a
part larger than its whole is an error; when which whole is meant is in doubt (a 其中
opening a sentence whose predecessor prints several totals) nothing is bound."""

from __future__ import annotations

from collections.abc import Iterator

from factlint.extract.detectors.base import EXCEEDS, HOLDS, Index, Relation, where
from factlint.extract.detectors.wording import parts_under_wholes


def detect(index: Index) -> Iterator[Relation]:
    for _, part, pf, whole, wf, words in parts_under_wholes(index):
        holds = part.figure.base <= whole.figure.base
        status = HOLDS if holds else EXCEEDS
        evidence = f"{part.fact.value} is part of {whole.fact.value} ({where(wf, pf)})"
        rule = {"check": f"{part.id} <= {whole.id}"}
        ids = (part.id, whole.id)
        yield Relation("within", ids, status, 2.5, rule, evidence, part.fact.value, asserted=words)
