"""``share`` stated in English words whose whole is named, not printed, in the sentence.

- "There were 291,567 burglaries. … caught in 95,872 cases, or 32% of the burglaries";
- "Of the burglaries, 95,872 were solved, or 32 per cent".

The whole is the one quantity printed earlier in the report whose noun (the word printed
after it: "291,567 burglaries") or label is the noun the words name; when no quantity or
more than one is named so, nothing is bound. The part is the quantity printed just before
the share ("95,872 cases, or 32%"). Checked whatever its numbers say; a share that fails is
an error.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from factlint.extract.detectors.base import Index, Item, Relation, is_countable, same_unit
from factlint.extract.detectors.stated_shares import share_relation
from factlint.extract.detectors.wording import figures_between, sentence_start
from factlint.extract.pipeline import Found

_OF_NOUN_AFTER = re.compile(
    r"^\s*of\s+(?:(?:the|all|all\s+the|total)\s+)?(?P<noun>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)"
    r"\s*(?=[,.;:)]|\s(?:were|was|are|is|in|had|have|which|that|who|recorded|reported)\b|$)",
    re.IGNORECASE,
)
_OF_NOUN_BEFORE = re.compile(
    r"^\s*of\s+(?:the|all|all\s+the)\s+(?P<noun>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s*,\s*$",
    re.IGNORECASE,
)
_PART_TO_SHARE = re.compile(
    r"^(?:\s*[a-z][\w-]*){0,4}\s*(?:,|\(|–|—|-|;)\s*(?:or\s+)?(?:about\s+|some\s+)?$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(r"^\s*([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?", re.IGNORECASE)
_FUNCTION_WORDS = frozenset(
    ("a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "and", "or", "with")
)


def detect(index: Index) -> Iterator[Relation]:
    for stated, sf in index.in_order:
        if stated.figure.kind != "percent" or stated.fact.kind == "growth":
            continue
        if stated.figure.qualifier or not index.masked[sf.spot.start : sf.spot.end].isascii():
            continue
        yield from _named_after(index, stated, sf)
        yield from _named_before(index, stated, sf)


def _named_after(index: Index, stated: Item, sf: Found) -> Iterator[Relation]:
    """95,872 cases, or 32% of the burglaries."""
    after = index.masked[sf.spot.end : sf.spot.end + 60]
    said = _OF_NOUN_AFTER.match(after)
    if said is None or "#" in said.group(0):
        return
    part_at = _just_before(index, sf)
    if part_at is None:
        return
    part, pf = part_at
    if not _PART_TO_SHARE.match(index.masked[pf.spot.end : sf.spot.start]):
        return
    whole_at = named_quantity(index, said.group("noun"), part, pf)
    if whole_at is None:
        return
    whole, wf = whole_at
    words = index.quote(pf.spot.start, sf.spot.end + said.end())
    yield from share_relation(stated, sf, part, pf, whole, wf, words, index.masked)


def _named_before(index: Index, stated: Item, sf: Found) -> Iterator[Relation]:
    """Of the burglaries, 95,872 were solved, or 32 per cent."""
    part_at = _just_before(index, sf)
    if part_at is None:
        return
    part, pf = part_at
    if not _PART_TO_SHARE.match(index.masked[pf.spot.end : sf.spot.start]):
        return
    lead = index.masked[sentence_start(pf) : pf.spot.start]
    said = _OF_NOUN_BEFORE.match(lead)
    if said is None:
        return
    whole_at = named_quantity(index, said.group("noun"), part, pf)
    if whole_at is None:
        return
    whole, wf = whole_at
    words = index.quote(sentence_start(pf), sf.spot.end)
    yield from share_relation(stated, sf, part, pf, whole, wf, words, index.masked)


def _just_before(index: Index, sf: Found) -> tuple[Item, Found] | None:
    earlier = [
        pair
        for pair in figures_between(index, sentence_start(sf), sf.spot.start)
        if pair[1] is not sf and pair[0].fact.kind != "date"
    ]
    if not earlier or not is_countable(earlier[-1][0]):
        return None
    return earlier[-1]


def named_quantity(index: Index, noun: str, part: Item, pf: Found) -> tuple[Item, Found] | None:
    """The one quantity printed before the part whose noun or label is ``noun``."""
    wanted = _words(noun)
    if not wanted or wanted[-1] in _FUNCTION_WORDS:
        return None
    chosen: dict[str, tuple[Item, Found]] = {}
    until = bisect.bisect_left(index.starts, pf.spot.start)
    for position in _by_noun(index).get(_singular(wanted[-1]), ()):
        if position >= until:
            break
        item, found = index.in_order[position]
        if item.id == part.id or not same_unit(part, item):
            continue
        if item.figure.base <= part.figure.base:
            continue
        chosen.setdefault(item.id, (item, found))
    return next(iter(chosen.values())) if len(chosen) == 1 else None


def _by_noun(index: Index) -> dict[str, list[int]]:
    """Where each countable quantity of ``Index.in_order`` is, by the nouns that name it
    (singular): once per text, not a pass over every quantity before each share."""
    found_nouns = index.memo.get("countables-by-noun")
    if isinstance(found_nouns, dict):
        return found_nouns
    by_noun: dict[str, list[int]] = {}
    for position, (item, found) in enumerate(index.in_order):
        if is_countable(item):
            for noun in _nouns(index, found):
                by_noun.setdefault(noun, []).append(position)
    index.memo["countables-by-noun"] = by_noun
    return by_noun


def _nouns(index: Index, found: Found) -> set[str]:
    """291,567 burglaries names "the burglaries"; "burglaries in England" too."""
    after = _NOUN_AFTER.match(index.masked[found.spot.end : found.spot.end + 40])
    nouns = [word for word in after.groups() if word] if after else []
    label = _words(found.context.label)
    if label:
        nouns.append(label[-1])
    return {_singular(noun.lower()) for noun in nouns}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z-]*", text.lower())


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
