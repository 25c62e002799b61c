"""Rates a statistical report defines by the figures it prints beside them.

- 人口自然增长率 = 出生率 − 死亡率 (出生率为9.50‰；死亡率为6.20‰；人口自然增长率为3.30‰);
- 性别比 = 男性人口 / 女性人口 × 100 (女性为100: 男性人口153万人，女性人口147万人，性别比为104.08);
- 城镇化率 = 城镇人口 / 常住人口 (城镇人口180万人，常住人口城镇化率为60.0%);
- 城乡居民收入比 = 城镇居民人均可支配收入 / 农村居民人均可支配收入.

Each rate is bound to the figures whose labels name its terms, printed in its sentence or
the two before it (the nearest before it when a term is printed twice), in the order the
definition names them (出生率 before 死亡率; 常住人口 before its 城镇人口). The definition is
the relation, so it is checked whatever the numbers say and a rate that does not match its
terms is an error.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from factlint.extract.detectors.base import Index, Item, Relation, is_quantity, same_unit, where
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.named_bases import named_base
from factlint.extract.detectors.stated_shares import share_relation
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure
from factlint.numbers.intervals import Interval

_SCORE = 5.0
_REACH = 2  # sentences before the rate that may print its terms
_HUNDRED = Interval.point(Decimal(100))


def _natural(label: str) -> bool:
    return label.endswith(("自然增长率", "自然增長率"))


def _sex_ratio(label: str) -> bool:
    return label.endswith(("性别比", "性別比"))


def _urbanisation(label: str) -> bool:
    return label.endswith(("城镇化率", "城鎮化率", "城镇化水平", "城鎮化水平"))


def _income_ratio(label: str) -> bool:
    return re.search(r"(?:城乡|城鄉)(?:居民)?(?:人均可支配)?收入(?:之)?比$", label) is not None


_Term = tuple[
    str, tuple[str, ...], str
]  # role, label endings, "same" unit as the rate or "quantity"

# rate test, its terms (each: the label endings that name it, what kind of figure), the
# arithmetic on the terms' intervals, the rule's expression, the words of the evidence
_DEFINITIONS: tuple[
    tuple[
        Callable[[str], bool],
        tuple[_Term, ...],
        Callable[..., Interval],
        Callable[..., Decimal],
        str,
        str,
    ],
    ...,
] = (
    (
        _natural,
        (("birth", ("出生率",), "same"), ("death", ("死亡率",), "same")),
        lambda b, d: b - d,
        lambda b, d: b - d,
        "{birth} - {death}",
        "natural growth = birth rate − death rate",
    ),
    (
        _sex_ratio,
        (
            ("male", ("男性人口", "男性", "男性人數", "男"), "quantity"),
            ("female", ("女性人口", "女性", "女性人數", "女"), "quantity"),
        ),
        lambda m, f: m / f * _HUNDRED,
        lambda m, f: m / f * 100,
        "{male} / {female} * 100",
        "sex ratio = men per 100 women",
    ),
    (
        _urbanisation,
        (  # the population first, then its urban part (常住人口…，其中城镇人口…): an urban
            # population printed before it is another population's (户籍人口…城镇人口…)
            ("whole", ("常住人口", "总人口", "總人口"), "quantity"),
            ("urban", ("城镇人口", "城鎮人口", "城镇常住人口", "城鎮常住人口"), "quantity"),
        ),
        lambda w, u: u / w,
        lambda w, u: u / w,
        "{urban} / {whole}",
        "urbanisation rate = urban population / population",
    ),
    (
        _income_ratio,
        (
            ("urban", ("城镇居民人均可支配收入", "城鎮居民人均可支配收入"), "quantity"),
            ("rural", ("农村居民人均可支配收入", "農村居民人均可支配收入"), "quantity"),
        ),
        lambda u, r: u / r,
        lambda u, r: u / r,
        "{urban} / {rural}",
        "urban-rural income ratio = urban income / rural income",
    ),
)


def detect(index: Index) -> Iterator[Relation]:
    yield from _stem_rates(index)
    for rate, rf in index.in_order:
        if rate.figure.qualifier or rate.fact.kind in ("date", "count", "amount"):
            continue
        label = normal_label(rf.context.label)
        for applies, terms, compute, exact, expression, because in _DEFINITIONS:
            if not applies(label):
                continue
            bound = [_term(index, rate, rf, endings, unit) for _, endings, unit in terms]
            if any(term is None for term in bound):
                continue
            found = [term for term in bound if term is not None]
            if any(a[1].spot.start > b[1].spot.start for a, b in itertools.pairwise(found)):
                continue  # the terms are printed in the order the definition names them
            items = [item for item, _ in found]
            if len({item.id for item in items} | {rate.id}) != len(items) + 1:
                continue
            decided = decide(per_mode(compute, *items), rate)
            if decided is None:
                continue
            status, would = decided
            names = {role: item.id for (role, _, _), item in zip(terms, items, strict=True)}
            values = {
                role: item.fact.value for (role, _, _), item in zip(terms, items, strict=True)
            }
            evidence = (
                f"{because}: {expression.format(**values)} = {_shown(point(exact, *items), rate)}"
                f", printed {rate.fact.value} ({where(rf, *(f for _, f in found))})"
            )
            rule = {"check": f"{rate.id} == {expression.format(**names)}"}
            words = index.quote(min(f.spot.start for _, f in found), rf.spot.end)
            ids = (*(item.id for item in items), rate.id)
            yield Relation(
                "definition", ids, status, _SCORE, rule, evidence, rate.fact.value, would, words
            )


# 耕地有效灌溉面积为400亩，有效灌溉率为54.4%: the rate's stem (有效灌溉) inside the label of the
# quantity just before it, between the base's noun (耕地) and its measure (面积)
_MEASURE = re.compile(r"(?:面积|面積|人数|人數|户数|戶數|数量|數量)$")
_JUST_AFTER = re.compile(r"^\s*[，,]\s*$")  # 面积为400亩，有效灌溉率: the rate next


def _stem_rates(index: Index) -> Iterator[Relation]:
    """A rate of a measure over the same measure of the base its label names: 有效灌溉率 =
    耕地有效灌溉面积 / 耕地面积 (the base found by ``named_bases`` anywhere before)."""
    order = index.in_order
    for at in range(1, len(order)):
        (part, pf), (rate, rf) = order[at - 1], order[at]
        if rate.figure.kind != "percent" or rate.figure.qualifier or not is_quantity(part):
            continue
        stem = normal_label(rf.context.label)
        if len(stem) < 3 or not stem.endswith("率"):
            continue
        stem = stem[:-1]
        label = normal_label(pf.context.label)
        measure = _MEASURE.search(label)
        if measure is None or stem not in label[: measure.start()]:
            continue
        if not _JUST_AFTER.match(index.between(pf, rf).split(stem, 1)[0]):
            continue
        noun = label[: label.index(stem)]
        whole = named_base(index, noun + measure.group(0), part, pf, pf) if noun else None
        if whole is None:
            continue
        yield from share_relation(
            rate, rf, part, pf, whole[0], whole[1], index.quote(pf.context.clause[0], rf.spot.end)
        )


def _term(
    index: Index, rate: Item, rf: Found, endings: tuple[str, ...], unit: str
) -> tuple[Item, Found] | None:
    """The figure named by ``endings`` nearest before the rate (or after it in its
    sentence), of the rate's unit or a quantity."""
    best: tuple[int, tuple[Item, Found]] | None = None
    for item, found, _ in index.near(rf, _REACH):
        if found.sentence > rf.sentence or found is rf or item.id == rate.id:
            continue
        if unit == "same":
            if not same_unit(item, rate):
                continue
        elif not is_quantity(item):
            continue
        label = normal_label(found.context.label)
        if not label.endswith(endings):
            continue
        distance = abs(rf.spot.start - found.spot.start)
        if best is None or distance < best[0]:
            best = (distance, (item, found))
    return None if best is None else best[1]


def _shown(value: Decimal | None, rate: Item) -> str:
    if value is None:
        return "?"
    try:
        return format_figure(value, rate.figure, rate.figure.places + 1)
    except ValueError:
        return "?"
