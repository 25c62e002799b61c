"""Parallel lists a "respectively" pairs item by item, in English.

- "Of the 800 votes cast, 440 and 360 went to Smith and Jones respectively, or 55% and
  45%": each count over the whole an "Of the …," opens the sentence with is its share;
- "Exports and imports rose 4% and 6% respectively, to £40m and £53m, from £38.5m and
  £50m": each rate is its new level over its old one (a decline word makes them falls).

A list is a run of two or more figures of one kind and unit joined by commas and "and";
its role is read from the words before it (a change cue, "or"/"(", "to", "from"). The
lists must be of one length, so the i-th of each speaks of the same thing. The words state
each relation, so it is checked whatever the numbers say: one that fails is an error. A
sentence without "respectively" is passed over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import Index, Item, Relation, is_countable, is_latin, same_unit
from factlint.extract.detectors.growth_relations import Statement, relations
from factlint.extract.detectors.stated_shares import share_relation
from factlint.extract.pipeline import Found

_WORD = re.compile(r"\brespectively\b", re.IGNORECASE)
_GLUE = re.compile(r"^\s*(?:,|,?\s+and)\s*$", re.IGNORECASE)
_UP = r"rose|risen|increased|grew|grown|climbed|gained|(?:was|were)\s+up|up"
_DOWN = r"fell|fallen|dropped|declined|decreased|(?:was|were)\s+down|down"
_RATE_CUE = re.compile(r"\b(?P<verb>" + _UP + "|" + _DOWN + r")\s+(?:by\s+)?$", re.IGNORECASE)
_RESTATE = re.compile(r"(?:,\s*or|\(|,)\s*$", re.IGNORECASE)
_TO = re.compile(r"(?:^|,)\s*(?:respectively\s*,?\s*)?to\s+$", re.IGNORECASE)
_FROM = re.compile(r"(?:^|,)\s*(?:respectively\s*,?\s*)?(?:up\s+|down\s+)?from\s+$", re.IGNORECASE)
_OF_OPENS = re.compile(r"^\s*(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+)?$", re.IGNORECASE)
_OF_CLOSES = re.compile(r"^(?:\s*[a-z][\w'-]*){0,6}\s*,", re.IGNORECASE)
_MAX = 5

Pair = tuple[Item, Found]


def detect(index: Index) -> Iterator[Relation]:
    if not _WORD.search(index.flat):
        return
    for pairs in index.by_sentence.values():
        figures = [p for p in pairs if p[0].fact.kind != "date" and is_latin(p[1].text)]
        if len(figures) < 4:
            continue
        start, end = figures[0][1].context.sentence
        if not _WORD.search(index.masked[start:end]):
            continue
        figures.sort(key=lambda pair: pair[1].spot.start)
        runs = _runs(index, figures)
        yield from _shares(index, figures, runs)
        yield from _growths(index, runs, start)


def _runs(index: Index, figures: list[Pair]) -> list[list[Pair]]:
    """Runs of two or more figures of one kind and unit joined by commas and "and"."""
    runs: list[list[Pair]] = []
    run: list[Pair] = [figures[0]]
    for pair in figures[1:]:
        last = run[-1]
        alike = pair[0].figure.kind == last[0].figure.kind and same_unit(pair[0], last[0])
        if alike and _GLUE.match(index.masked[last[1].spot.end : pair[1].spot.start]):
            run.append(pair)
            continue
        runs.append(run)
        run = [pair]
    runs.append(run)
    return runs


def _lead(index: Index, runs: list[list[Pair]], at: int, start: int) -> str:
    begin = runs[at - 1][-1][1].spot.end if at else start
    return index.masked[begin : runs[at][0][1].spot.start]


def _shares(index: Index, figures: list[Pair], runs: list[list[Pair]]) -> Iterator[Relation]:
    """Of the W, A and B …respectively, or P and Q."""
    whole = figures[0]
    lead = index.masked[whole[1].context.sentence[0] : whole[1].spot.start]
    tail = index.masked[whole[1].spot.end : whole[1].spot.end + 60]
    if not (_OF_OPENS.match(lead) and _OF_CLOSES.match(tail)) or not is_countable(whole[0]):
        return
    for at in range(1, len(runs) - 1):
        parts, shares = runs[at], runs[at + 1]
        if parts[0] is whole or len(parts) != len(shares) or not 2 <= len(parts) <= _MAX:
            continue
        if shares[0][0].figure.kind != "percent" or parts[0][0].figure.kind == "percent":
            continue
        gap = index.masked[parts[-1][1].spot.end : shares[0][1].spot.start]
        if "#" in gap or not _WORD.search(gap) or not _RESTATE.search(gap):
            continue
        for (part, pf), (share, sf) in zip(parts, shares, strict=True):
            if share.figure.qualifier or not same_unit(part, whole[0]):
                return
            words = index.quote(whole[1].spot.start, sf.spot.end)
            yield from share_relation(share, sf, part, pf, whole[0], whole[1], words, index.masked)


def _growths(index: Index, runs: list[list[Pair]], start: int) -> Iterator[Relation]:
    """rose 4% and 6% respectively, to X and Y, from A and B."""
    for at, rates in enumerate(runs):
        cue = _RATE_CUE.search(_lead(index, runs, at, start)[-24:])
        if cue is None or rates[0][0].figure.kind != "percent" or len(rates) > _MAX:
            continue
        news = olds = None
        for later in range(at + 1, min(at + 3, len(runs))):
            lead = _lead(index, runs, later, start)
            if "#" in lead:
                break
            if _TO.search(lead) and news is None:
                news = runs[later]
            elif _FROM.search(lead) and olds is None:
                olds = runs[later]
            else:
                break
        if news is None or olds is None or not len(rates) == len(news) == len(olds):
            continue
        down = re.fullmatch(_DOWN, cue.group("verb").lower()) is not None
        for rate, new, old in zip(rates, news, olds, strict=True):
            if rate[0].figure.qualifier or not _fits(new, old):
                break
            statement = Statement(down, rate[1].spot.start, rate=rate, new=new, old=old)
            yield from relations(index, statement)


def _fits(new: Pair, old: Pair) -> bool:
    return (
        is_countable(new[0])
        and is_countable(old[0])
        and same_unit(new[0], old[0])
        and not new[0].figure.qualifier
        and not old[0].figure.qualifier
        and new[0].figure.number > 0
        and old[0].figure.number > 0
    )
