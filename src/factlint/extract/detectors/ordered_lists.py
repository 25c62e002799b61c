"""``compare``: a list the words say is in order — "A leads with 12.7 million, followed by B
(6.8 million), C (6.3 million) …", 甲镇以3.2亿元居首，其次是乙镇（2.9亿元）、丙镇（2.1亿元).

"Followed by" (其次是, 紧随其后的是) ranks what comes after it below (or above) what comes
before it: the leader is the last figure before the words of the kind and unit of the
first one after them (the one followed by the same word, when the followers share one:
"20 students …, followed by 16 students and 115 students"), the followers are the figures
of that kind and unit after the words, to the end of the sentence. Which way the list runs
is what its words say (leads, highest, most, 居首, 最高 down; lowest, least, 最低 up), else
the way most of its steps go, else its first step. Each pair of neighbours is then a
claim the text makes in words, so a pair out of order is an error. An approximate figure
(some 15 per cent) is compared as printed by nothing: its pairs are left out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from factlint.extract.detectors.base import HOLDS, MISMATCH, Index, Item, Relation, in_span, where
from factlint.extract.detectors.judging import interval_or_none
from factlint.extract.pipeline import Found
from factlint.numbers.quantities import unit_of

_SCORE = 4.0
_FOLLOWED = re.compile(
    r"\bfollowed\s+by\b|其次(?:是|为|為|有)|紧随其后的?(?:是|为)|緊隨其後的?(?:是|為)", re.I
)
_DOWN = re.compile(
    r"\b(?:leads?|leading|led|tops?|topped|highest|largest|biggest|greatest|most|top)\b"
    r"|居首|最高|最大|最多|第一|榜首|领先|領先",
    re.I,
)
_UP = re.compile(r"\b(?:lowest|smallest|least|fewest|bottom)\b|最低|最小|最少|垫底|墊底", re.I)
_CHANGE = re.compile(
    r"\b(?:rise|rises|fall|falls|increase|increases|decrease|decline|drop|growth|gain|further"
    r"|then|later|next)\b|增长|增長|下降|增加|减少|減少",
    re.I,
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MIN_FOLLOWERS = 2
_MAX_ITEMS = 24
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+|[\u4e00-\u9fff])")


def detect(index: Index) -> Iterator[Relation]:
    seen: set[tuple[int, int]] = set()
    for _, found in index.in_order:
        span = found.context.sentence
        if span in seen:
            continue
        seen.add(span)
        cue = _FOLLOWED.search(index.masked, span[0], span[1])
        if cue is not None:
            yield from _ordered(index, in_span(index, span), cue)


def _ordered(
    index: Index, figures: list[tuple[Item, Found]], cue: re.Match[str]
) -> Iterator[Relation]:
    after = [(i, f) for i, f in figures if f.spot.start >= cue.end() and not f.spot.date_part]
    if not after or any(i.fact.kind == "date" for i, _ in after):
        return  # followed by 8% in 2019 and 5% in 2020: a sequence in time, not a ranking
    if _CHANGE.search(index.masked, cue.end(), after[0][1].spot.start):
        return  # followed by a rise of 8%: what happened next
    unit = unit_of(after[0][0].figure)
    followers = [pair for pair in after if _alike(pair[0], unit)][:_MAX_ITEMS]
    if len(followers) < _MIN_FOLLOWERS:
        return
    before = [(i, f) for i, f in figures if f.spot.end <= cue.start() and _alike(i, unit)]
    leader = _leader(index, before, followers)
    if leader is None:
        return
    items = [leader, *followers]
    if len({item.id for item, _ in items}) != len(items):
        return  # one fact twice: not a list of different things
    sentence = index.masked[figures[0][1].context.sentence[0] : cue.start()]
    if _CJK.match(cue.group()) and not (_DOWN.search(sentence) or _UP.search(sentence)):
        return  # 其次 is also "secondly": only a leader the words rank makes a list
    way = _direction(sentence, [item for item, _ in items])
    if way == 0:
        return
    words = index.quote(leader[1].context.clause[0], followers[-1][1].spot.end)
    for (a, af), (b, bf) in itertools.pairwise(items):
        yield from _pair(a, af, b, bf, way, words)


def _alike(item: Item, unit: object) -> bool:
    figure = item.figure
    return (
        item.fact.kind in ("amount", "count", "number", "percent", "share", "growth")
        and unit_of(figure) == unit
        and item.fact.kind != "date"
        and figure.kind != "rank"
    )


def _leader(
    index: Index, before: list[tuple[Item, Found]], followers: list[tuple[Item, Found]]
) -> tuple[Item, Found] | None:
    """The figure the list starts from: the last one before the words, or the last one
    followed by the word every follower is followed by ("students")."""
    if not before:
        return None
    nouns = {_next_word(index, found) for _, found in followers}
    if len(nouns) == 1 and "" not in nouns:
        named = [pair for pair in before if _next_word(index, pair[1]) in nouns]
        if named:
            return named[-1]
    return before[-1]


def _next_word(index: Index, found: Found) -> str:
    word = _NEXT_WORD.match(index.masked, found.spot.end, found.spot.end + 24)
    return word.group(1).lower() if word is not None else ""


def _direction(words: str, items: list[Item]) -> int:
    """-1 when the list runs down, 1 when it runs up, 0 when nothing says."""
    down, up = _DOWN.search(words) is not None, _UP.search(words) is not None
    if down != up:
        return -1 if down else 1
    steps = [b.figure.base - a.figure.base for a, b in itertools.pairwise(items)]
    steps = [step for step in steps if step]
    rising = sum(step > 0 for step in steps)
    if not steps:
        return 0
    if rising * 2 != len(steps):
        return 1 if rising * 2 > len(steps) else -1
    return 1 if steps[0] > 0 else -1


def _pair(a: Item, af: Found, b: Item, bf: Found, way: int, words: str) -> Iterator[Relation]:
    first, second = interval_or_none(a, "nearest"), interval_or_none(b, "nearest")
    if first is None or second is None or a.figure.qualifier or b.figure.qualifier:
        return
    if way < 0:
        holds = first.hi is None or second.lo is None or first.hi >= second.lo
    else:
        holds = first.lo is None or second.hi is None or first.lo <= second.hi
    op = ">=" if way < 0 else "<="
    rule = {"compare": {"left": a.id, "op": op, "right": b.id}}
    order = "down" if way < 0 else "up"
    evidence = (
        f"the list runs {order}: {a.fact.value} comes before {b.fact.value} ({where(af, bf)})"
    )
    status = HOLDS if holds else MISMATCH
    yield Relation("compare", (b.id, a.id), status, _SCORE, rule, evidence, a.fact.value, "", words)
