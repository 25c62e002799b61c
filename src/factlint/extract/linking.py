"""Link the mentions of one quantity into one fact; never link equal numbers that count
different things.

Two mentions can only be one fact when they print the same value in the same unit and
kind (162.24亿元 = 162.24 亿元). Among those, a calendar year is always one fact; other
values are linked when the words around them agree: a sidebar that repeats the body
repeats its words. How much agreement is needed depends on how telling the value is:
9143.23万美元 printed twice is almost surely one quantity, 2户 printed twice is not
unless the words say so. Two mentions in one clause are never one fact, and counts
with different counters (43个项目, 43户企业) never are. Clusters are built by complete
linkage, so a chain of near matches cannot join two different quantities.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from factlint.extract.labels import Context
from factlint.figures import Figure

_TELLING_DIGITS = 3
_TELLING_THRESHOLD = 0.25
_PLAIN_THRESHOLD = 0.6
_LABEL_THRESHOLD = 0.8
_SIDE_THRESHOLD, _SIDE_LENGTH = 0.9, 6
_BACK_REFERENCE = ("中", "里", "当中")  # 51 个项目中: among the 51 projects named before


@dataclass(frozen=True)
class Linkable:
    """What linking needs to know of one mention."""

    context: Context
    section: str
    sentence: int  # ordinal of its sentence in the text


def link(mentions: Sequence[Linkable]) -> list[list[int]]:
    """Groups of mention indices, each group one fact, in order of first mention.

    Figures that speak of another (同比增长 10.6% of 162.24亿元) are linked after the
    others: two of them are one fact when their subjects are, and never when their
    subjects are different facts."""
    groups: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        groups[_value_key(mention.context)].append(index)
    relative = [m for m in groups.values() if any(_has_subject(mentions[i]) for i in m)]
    clusters: list[list[int]] = []
    for members in groups.values():
        if not any(members is r for r in relative):
            clusters.extend(_cluster(mentions, members, {}))
    owner = {member: number for number, cluster in enumerate(clusters) for member in cluster}
    for members in relative:
        clusters.extend(_cluster(mentions, members, owner))
    return sorted((sorted(c) for c in clusters), key=lambda c: c[0])


def _has_subject(mention: Linkable) -> bool:
    return mention.context.subject is not None


def _value_key(context: Context) -> tuple[object, ...]:
    figure = context.spot.figure
    return (figure.base, figure.upper_base, figure.unit, figure.kind, figure.qualifier)


def _cluster(
    mentions: Sequence[Linkable], members: list[int], owner: dict[int, int]
) -> list[list[int]]:
    if len(members) == 1:
        return [members]
    if mentions[members[0]].context.is_year:
        return [members]
    pairs = []
    is_telling = telling(mentions[members[0]].context.spot.figure)
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            score = _subject_affinity(mentions[a], mentions[b], owner)
            if score is None:
                score = affinity(mentions[a], mentions[b], is_telling)
            if score > 0:
                pairs.append((score, a, b))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    linked: dict[int, set[int]] = {m: set() for m in members}
    for _, a, b in pairs:
        linked[a].add(b)
        linked[b].add(a)
    cluster_of = {m: [m] for m in members}
    refused: set[tuple[int, int]] = set()
    for _, a, b in pairs:
        left, right = cluster_of[a], cluster_of[b]
        key = (id(left), id(right))
        if left is right or key in refused:
            continue
        if all(linked[x].issuperset(right) for x in left):
            merged = left + right
            for member in merged:
                cluster_of[member] = merged
        else:
            refused.add(key)
    for a, b in _back_references(mentions, members):
        left, right = cluster_of[a], cluster_of[b]
        if left is not right:
            merged = left + right
            for member in merged:
                cluster_of[member] = merged
    unique = {id(c): c for c in cluster_of.values()}
    return list(unique.values())


def _back_references(mentions: Sequence[Linkable], members: list[int]) -> list[tuple[int, int]]:
    """(antecedent, reference) pairs: 51 个项目中 names the 51项 of the sentence before."""
    pairs = []
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            ma, mb = mentions[a], mentions[b]
            if (
                ma.sentence != mb.sentence
                and not _counters_differ(ma.context, mb.context)
                and _refers_back(ma.context, mb.context, ma.sentence, mb.sentence)
            ):
                pairs.append((a, b))
    return pairs


def _subject_affinity(a: Linkable, b: Linkable, owner: dict[int, int]) -> float | None:
    """1 when both speak of one fact, 0 when of two different ones, None when unknown."""
    sa, sb = a.context.subject, b.context.subject
    if sa is None or sb is None or sa not in owner or sb not in owner:
        return None
    if a.context.clause == b.context.clause or a.context.kind != b.context.kind:
        return 0.0
    return 1.0 if owner[sa] == owner[sb] else 0.0


def affinity(a: Linkable, b: Linkable, is_telling: bool | None = None) -> float:
    """How sure it is that two mentions of the same value are one fact; 0 for never."""
    ca, cb = a.context, b.context
    if ca.clause == cb.clause or ca.kind != cb.kind:
        return 0.0
    if _counters_differ(ca, cb):
        return 0.0
    # In one sentence the windows overlap; only the words of each clause tell them apart.
    same_sentence = ca.sentence == cb.sentence
    near = (
        dice(ca.before + "|" + ca.after, cb.before + "|" + cb.after)
        if same_sentence
        else dice(ca.near, cb.near)
    )
    # a date's label is the generic 日期/date: only its words around can tell
    labelled = ca.label and cb.label and ca.kind != "date"
    label = dice(ca.label.lower(), cb.label.lower()) if labelled else 0.0
    if is_telling if is_telling is not None else telling(ca.spot.figure):
        score = max(near, label)
        return score if score >= _TELLING_THRESHOLD else 0.0
    if a.section == b.section and label < _LABEL_THRESHOLD:
        return 0.0  # a section rarely repeats itself: like words are not enough
    side = 0.0 if same_sentence else _one_side(ca.near, cb.near)
    if near >= _PLAIN_THRESHOLD or label >= _LABEL_THRESHOLD or side >= _SIDE_THRESHOLD:
        return max(near, label, side)
    return 0.0


def _one_side(a: str, b: str) -> float:
    """The words on one side repeated word for word (…6月底完成第一宗“标准地”出让)."""
    best = 0.0
    for x, y in zip(a.split("|", 1), b.split("|", 1), strict=False):
        if min(len(_bigrams(x)), len(_bigrams(y))) >= _SIDE_LENGTH:
            best = max(best, dice(x, y))
    return best


def telling(figure: Figure) -> bool:
    """A value with enough significant digits that printing it twice is no coincidence.

    Rates need one digit more: a report of forty growth rates to one decimal prints some
    of them twice by chance (16.1% and 16.1%)."""
    digits = len(figure.number.normalize().as_tuple().digits)
    needed = _TELLING_DIGITS + (figure.kind in ("percent", "points"))
    return digits >= needed


def _counters_differ(a: Context, b: Context) -> bool:
    """43个项目 and 43户企业 count different things; 51项 and 51个项目 do not."""
    ua, ub = a.spot.figure.unit_text, b.spot.figure.unit_text
    if a.spot.figure.kind != "count" or ua == ub:
        return False
    return not (_counted_as(a, ub) or _counted_as(b, ua))


def _counted_as(generic: Context, counter: str) -> bool:
    """个 followed by a noun whose own counter is ``counter``: 51 个项目 is 51项."""
    return generic.spot.figure.unit_text.endswith("个") and generic.after.startswith(counter[-1:])


def _refers_back(a: Context, b: Context, sa: int, sb: int) -> bool:
    later = b if sb > sa else a
    if abs(sa - sb) > 2 or later.spot.figure.kind != "count":
        return False
    noun = later.after.split("#", 1)[0].split(",", 1)[0]
    return noun.endswith(_BACK_REFERENCE) and 1 < len(noun) <= 6


@lru_cache(maxsize=65536)
def _bigrams(text: str) -> frozenset[str]:
    chars = [c for c in text if c.isalnum() or c == "|"]
    if len(chars) == 1:
        return frozenset(chars)
    return frozenset(chars[i] + chars[i + 1] for i in range(len(chars) - 1))


def dice(a: str, b: str) -> float:
    """Dice's coefficient of the character bigrams of two windows of text."""
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))
