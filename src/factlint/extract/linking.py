"""Link the mentions of one quantity into one fact; never link equal numbers that count
different things.

Two mentions can only be one fact when they print the same value in the same unit and
kind (162.24亿元 = 162.24 亿元). Among those, a calendar year is always one fact; other
values are linked when the words around them agree: a sidebar that repeats the body
repeats its words. How much agreement is needed depends on how telling the value is:
9143.23万美元 printed twice is almost surely one quantity, 2户 printed twice is not
unless the words say so. Two mentions in one clause are never one fact, and counts
with different counters (43个项目, 43户企业) never are.

The work is linear in the number of mentions: no pairs are scored. Each mention is filed
in an index under its value, and within it under a few *canonical keys* of its words — the
fact its relative figure speaks of, its label, the words of its sentence right before it and
right after it — and joins the first fact already filed under one of its keys that it may
join: not in one of its clauses; for a plain value, not in its section unless the labels
agree; for a relative figure, not beside one that speaks of another fact. A count that
refers back (51 个项目中) looks at most 16 mentions back.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import field

from factlint.extract.labels import Context
from factlint.numbers.figures import Figure, figure_words
from factlint.records import dataclass

_TELLING_DIGITS = 3
_SIDE_MIN = 7  # a side of the sentence window shorter than this says too little
_TELLING_SIDE = 4  # a telling value needs less: 同比增长 after both 72.61亿元
_BACK_REFERENCE = ("中", "里", "当中")  # 51 个项目中: among the 51 projects named before
_BACK_REACH = 2  # sentences
_BACK_CANDIDATES = 16  # antecedents looked at, nearest first: the work stays linear
_COUNTERS = frozenset(word for word in figure_words()["suffix"] if len(word) == 1)
_NOT_WORD = re.compile(r"[^\w#]+")
_MASKS = re.compile(r"#+")


@dataclass(frozen=True)
class Linkable:
    """What linking needs to know of one mention."""

    context: Context
    section: str
    sentence: int  # ordinal of its sentence in the text


@dataclass
class _Fact:
    """A fact being built: its mentions and what a new mention must not share with it."""

    members: list[int]
    clauses: set[tuple[int, int]] = field(default_factory=set)
    sections: set[str] = field(default_factory=set)
    subjects: set[int] = field(default_factory=set)  # the facts its relative figures speak of


def link(mentions: Sequence[Linkable]) -> list[list[int]]:
    """Groups of mention indices, each group one fact, in order of first mention.

    Figures that speak of another (同比增长 10.6% of 162.24亿元) are linked after the
    others: two of them are one fact when their subjects are, and never when their
    subjects are different facts."""
    _NORMALS.clear()
    try:
        return _link(mentions)
    finally:
        _NORMALS.clear()


def _link(mentions: Sequence[Linkable]) -> list[list[int]]:
    buckets: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        buckets[_value_key(mention.context)].append(index)
    relative = [m for m in buckets.values() if any(_has_subject(mentions[i]) for i in m)]
    relative_ids = {id(m) for m in relative}
    fact_of: dict[int, int] = {}  # mention -> the ordinal of its fact
    facts: list[list[int]] = []
    for members in buckets.values():
        if id(members) not in relative_ids:
            _file(facts, fact_of, _link_bucket(mentions, members, {}))
    for members in relative:
        _file(facts, fact_of, _link_bucket(mentions, members, fact_of))
    return sorted((sorted(f) for f in facts), key=lambda f: f[0])


def _file(facts: list[list[int]], fact_of: dict[int, int], found: list[list[int]]) -> None:
    for members in found:
        for member in members:
            fact_of[member] = len(facts)
        facts.append(members)


def _has_subject(mention: Linkable) -> bool:
    return mention.context.subject is not None


def _value_key(context: Context) -> tuple[object, ...]:
    figure = context.spot.figure
    return (figure.base, figure.upper_base, figure.unit, figure.kind, figure.qualifier)


def _link_bucket(
    mentions: Sequence[Linkable], members: list[int], owner: dict[int, int]
) -> list[list[int]]:
    """The facts among mentions of one value, ``members`` in document order."""
    if len(members) == 1:
        return [members]
    if mentions[members[0]].context.is_year:
        return [members]
    is_telling = telling(mentions[members[0]].context.spot.figure)
    index: dict[tuple[object, ...], _Fact] = {}
    fact_of: dict[int, _Fact] = {}
    for member in members:
        mention = mentions[member]
        keys = canonical_keys(mention, is_telling, owner)
        subject = _subject_of(mention, owner)
        fact = next(
            (
                index[key]
                for key in keys
                if key in index and _may_join(mention, subject, index[key], key[0], is_telling)
            ),
            None,
        )
        if fact is None:
            fact = _Fact([])
        fact.members.append(member)
        fact.clauses.add(mention.context.clause)
        fact.sections.add(mention.section)
        if subject is not None:
            fact.subjects.add(subject)
        fact_of[member] = fact
        for key in keys:
            index.setdefault(key, fact)
    for antecedent, reference in _back_references(mentions, members):
        _merge(fact_of, fact_of[antecedent], fact_of[reference])
    unique = {id(f): f.members for f in fact_of.values()}
    return list(unique.values())


def _merge(fact_of: dict[int, _Fact], left: _Fact, right: _Fact) -> None:
    if left is right:
        return
    if len(left.members) < len(right.members):
        left, right = right, left
    left.members.extend(right.members)
    left.clauses |= right.clauses
    left.sections |= right.sections
    left.subjects |= right.subjects
    for member in right.members:
        fact_of[member] = left


def _subject_of(mention: Linkable, owner: dict[int, int]) -> int | None:
    """The fact a relative figure speaks of (同比增长 3.8% of 72.61亿元), once known."""
    subject = mention.context.subject
    return owner.get(subject) if subject is not None else None


def _may_join(
    mention: Linkable, subject: int | None, fact: _Fact, how: object, is_telling: bool
) -> bool:
    """Two mentions in one clause are never one fact, nor two rates of different facts; a
    section rarely repeats a plain value, so there only the label (or the fact spoken of)
    can tell."""
    if mention.context.clause in fact.clauses:
        return False
    if subject is not None and not fact.subjects <= {subject}:
        return False
    if is_telling or how in ("label", "subject"):
        return True
    return mention.section not in fact.sections


def canonical_keys(
    mention: Linkable, is_telling: bool, owner: dict[int, int]
) -> list[tuple[object, ...]]:
    """The keys a mention is filed under within its value, strongest first: equal keys
    are what the eye checks when it sees a sidebar repeat the body."""
    context = mention.context
    kind, counter = context.kind, _counter(context)
    keys: list[tuple[object, ...]] = []
    subject = _subject_of(mention, owner)
    if subject is not None:
        keys.append(("subject", kind, subject))  # 同比增长 3.8% of the one 72.61亿元
    label = _normal(context.label)
    if len(label) >= 2 and kind != "date":
        keys.append(("label", kind, counter, label))
    before, _, after = context.near.partition("|")
    before, after = _normal(before), _normal(after)
    if len(before) >= _SIDE_MIN:
        keys.append(("before", kind, counter, before))
    if len(after) >= _SIDE_MIN:
        keys.append(("after", kind, counter, after))
    if is_telling:
        near = [
            ("before", before[-_TELLING_SIDE:]),
            ("after", after[:_TELLING_SIDE]),
            ("label", label[-_TELLING_SIDE:]),
        ]
        for side, words in near:
            if len(words.replace("#", "")) >= _TELLING_SIDE - 1:
                keys.append((side + "-short", kind, counter, words))
    return keys


def _normal(text: str) -> str:
    """Letters, digits and ideographs only, lowercase, each masked figure as one ``#``."""
    normal = _NORMALS.get(text)
    if normal is None:
        normal = _NORMALS[text] = _MASKS.sub("#", _NOT_WORD.sub("", text.lower()).replace("_", ""))
    return normal


_NORMALS: dict[str, str] = {}
"""``_normal`` of the texts of the mentions being linked (a report repeats its labels and
the words around its figures); emptied by every ``link``."""


def _counter(context: Context) -> str:
    """What a count counts by: 43个项目 and 43项 both by 项, 43户 by 户, 43个企业 by 个."""
    figure = context.spot.figure
    if figure.kind != "count":
        return ""
    unit = figure.unit_text
    following = context.after[:1]
    if unit.endswith(("个", "個")) and following in _COUNTERS:
        return following
    return unit


def telling(figure: Figure) -> bool:
    """A value with enough significant digits that printing it twice is no coincidence.

    Rates need one digit more: a report of forty growth rates to one decimal prints some
    of them twice by chance (16.1% and 16.1%)."""
    digits = len(figure.number.normalize().as_tuple().digits)
    needed = _TELLING_DIGITS + (figure.kind in ("percent", "points"))
    return digits >= needed


def _back_references(mentions: Sequence[Linkable], members: list[int]) -> list[tuple[int, int]]:
    """(antecedent, reference) pairs: 51 个项目中 names the 51项 of the sentence before.
    Each reference looks back over a bounded number of mentions of its value."""
    pairs = []
    for position, b in enumerate(members):
        later = mentions[b]
        if not _refers_back(later.context):
            continue
        for a in reversed(members[max(0, position - _BACK_CANDIDATES) : position]):
            earlier = mentions[a]
            if later.sentence - earlier.sentence > _BACK_REACH:
                break
            if earlier.sentence != later.sentence and _counter(earlier.context) == _counter(
                later.context
            ):
                pairs.append((a, b))
    return pairs


def _refers_back(later: Context) -> bool:
    if later.spot.figure.kind != "count":
        return False
    noun = later.after.split("#", 1)[0].split(",", 1)[0]
    return noun.endswith(_BACK_REFERENCE) and 1 < len(noun) <= 6
