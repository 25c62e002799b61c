"""``share`` stated in English: a percent beside its count, of a whole the words name.

The percent and its part are one pair when the words join them, in either order:
"92 people, or 45 per cent", "512 (50.2%)", "45 per cent said yes (92 people)", "52.2%
(512)", "45 per cent, or 92 people,". The whole is

- the figure an "of" after the pair takes: "92 people, or 45 per cent, of the 204 asked";
- the figure an "of" or "out of" opens before the pair in its sentence: "Of the 1,020
  voters polled, 512 (50.2%) …";
- the sample a survey's words name, in the pair's sentence or the one before: "We asked
  204 adults", "1,020 voters were polled", "a survey of 1,020 voters", "a total of 1,020".

When no whole, or more than one sample, answers, nothing is bound. Checked whatever the
numbers say; a share that fails is an error (docs/design.md §3: share is part / whole).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import Index, Item, Relation, is_countable, is_latin
from factlint.extract.detectors.stated_shares import share_relation
from factlint.extract.pipeline import Found

_WORDS = r"(?:\s*[a-z][\w'-]*)"
_APPROX = r"(?:about|around|some|nearly|almost|roughly)\s+"
# 92 people, or 45 per cent; 512 (50.2%)
_PART_THEN_SHARE = re.compile(
    r"^" + _WORDS + r"{0,4}\s*(?:[,(–—;]\s*)?(?:or|representing|equivalent\s+to|i\.e\.)\s+"
    r"(?:" + _APPROX + r")?$",
    re.IGNORECASE,
)
# 512 (50.2%); 1,026 of them about noise (30%); 1,015 – 33.8 per cent – were closed
_BRACKET_OPEN = re.compile(
    r"^" + _WORDS + r"{0,4}\s*(?P<open>\(|[–—]|\s-)\s*(?:" + _APPROX + r")?$", re.IGNORECASE
)
_BRACKET_CLOSE = re.compile(r"^" + _WORDS + r"{0,2}\s*\)", re.IGNORECASE)
_DASH_CLOSE = re.compile(r"^" + _WORDS + r"{0,2}\s*(?:[–—]|-\s)", re.IGNORECASE)
# 87 out of 620 applicants were successful, a rate of 14 per cent; 1,930 of the 2,850
# pupils – 68% – walk: the share after a whole that an "of" ties to its part
_OF_WHOLE = re.compile(
    r"^\s*(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+|those\s+)?$", re.IGNORECASE
)
_WHOLE_THEN_SHARE = re.compile(
    r"^" + _WORDS + r"{0,6}\s*(?:,\s*(?:or|a\s+(?:rate|share|proportion)\s+of|representing"
    r"|equivalent\s+to|which\s+is)|(?P<open>\(|[–—]|\s-))\s*$",
    re.IGNORECASE,
)
# 41% of the 2,000 tenants, or 900 people; 27 per cent of the county's 94,000 residents –
# 25,380 people –
_SHARE_OF = re.compile(
    r"^\s*(?:[)–—]|\s-)?\s*of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[a-z][\w'-]*'s?\s+)?$",
    re.IGNORECASE,
)
_WHOLE_THEN_PART = re.compile(
    r"^" + _WORDS + r"{0,4}\s*(?:,\s*(?:or|equivalent\s+to|representing|some|about)?"
    r"|(?P<open>\(|[–—]|\s-))\s*$",
    re.IGNORECASE,
)
_OPENS_PAIR = re.compile(r"^" + _WORDS + r"{0,4}\s*\(\s*$", re.IGNORECASE)
_CLAUSE_AFTER_WHOLE = re.compile(r"^" + _WORDS + r"{0,4}\s*,\s*$", re.IGNORECASE)
_OF_WHICH_THEN_PART = re.compile(
    r"^\s*of\s+(?:which|whom|them|these)\s*(?P<open>\(|,|[–—])\s*$", re.IGNORECASE
)
# Of these, 412 …; 1,026 of them …: the whole is a quantity said before
_OF_THESE_LEAD = re.compile(r"^\s*of\s+(?:these|them|those|this|which)\s*,?\s*$", re.IGNORECASE)
_OF_THESE_TAIL = re.compile(r"^\s*of\s+(?:these|them|those|this|which)\b", re.IGNORECASE)
# That is 23 per cent of the 9,620 …: the part is the quantity of the sentence before
_THAT_IS = re.compile(
    r"^\s*(?:that|this|which)\s+(?:is|was|represents|represented|means|meant"
    r"|amounts\s+to|equates\s+to)\s+$",
    re.IGNORECASE,
)
# 45 per cent said yes (92 people); 45 per cent, or 92 people,
_SHARE_THEN_BRACKET = re.compile(r"^" + _WORDS + r"{0,4}\s*\(\s*$", re.IGNORECASE)
_SHARE_THEN_OR = re.compile(r"^\s*,\s*or\s+$", re.IGNORECASE)
_CLOSED_BY_COMMA = re.compile(r"^" + _WORDS + r"{0,2}\s*,", re.IGNORECASE)
# …, of the 204 asked
_OF_AFTER = re.compile(
    r"^"
    + _WORDS
    + r"{0,2}\s*[),]?\s*(?:out\s+)?of\s+(?:the\s+|all\s+|those\s+|an?\s+|its\s+|their\s+)?"
    r"(?:(?:total|electorate|sample|population|workforce|membership)\s+of\s+)?$",
    re.IGNORECASE,
)
# Of the 1,020 voters polled, …
_OF_BEFORE = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:and|but)\s+)(?:out\s+)?of\s+(?:the\s+|all\s+|those\s+|a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)
_SAMPLE_BEFORE = re.compile(
    r"\b(?:(?:survey|poll|sample|panel)\s+of|asked|polled|surveyed"
    r"|interviewed|questioned|sampled)\s+(?:the\s+|some\s+|over\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)
_SAMPLE_AFTER = re.compile(
    r"^" + _WORDS + r"{0,3}?\s+(?:who\s+|that\s+)?(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?"
    r"(?:asked|polled|surveyed|interviewed|questioned|sampled|responded|replied"
    r"|took\s+part|answered)\b",
    re.IGNORECASE,
)
_SUBGROUP = re.compile(
    r"\b(?:among|amongst|of\s+(?:those|these|them|whom)|who|which|aged|excluding)\b|#",
    re.IGNORECASE,
)
_NEAR = 4  # figures either side of a share that may be its part


def detect(index: Index) -> Iterator[Relation]:
    for position, (stated, sf) in enumerate(index.in_order):
        if stated.figure.kind != "percent" or stated.fact.kind == "growth":
            continue
        if stated.figure.qualifier or not is_latin(sf.text):
            continue
        ofs = (
            _of_pair(index, position)
            or _of_then_part(index, position)
            or _pair_in_brackets(index, position)
            or _of_which(index, position)
        )
        if ofs is not None:
            (part, pf), (whole, wf) = ofs
            placed = (pf.spot, wf.spot, sf.spot)
            words = index.quote(min(x.start for x in placed), max(x.end for x in placed))
            yield from share_relation(stated, sf, part, pf, whole, wf, words, index.masked)
            continue
        paired = _part_of(index, position) or _part_said_before(index, position)
        if paired is None:
            continue
        part, pf = paired
        first, last = (pf, sf) if pf.spot.start < sf.spot.start else (sf, pf)
        whole_at = (
            _whole_after(index, part, last)
            or _whole_referred(index, part, pf)
            or _whole_before(index, part, first)
        )
        if whole_at is None:
            continue
        whole, wf = whole_at
        spots = (wf.spot.start, first.spot.start)
        words = index.quote(min(spots), max(wf.spot.end, last.spot.end))
        yield from share_relation(stated, sf, part, pf, whole, wf, words, index.masked)


def _neighbour(index: Index, position: int, found: Found) -> tuple[Item, Found] | None:
    if not 0 <= position < len(index.in_order):
        return None
    item, other = index.in_order[position]
    if other.sentence != found.sentence or other.section != found.section:
        return None
    if item.fact.kind == "date":
        return None
    return item, other


def _is_part(item: Item) -> bool:
    return is_countable(item) and item.figure.kind != "percent" and item.figure.number > 0


def _part_of(index: Index, position: int) -> tuple[Item, Found] | None:
    """The count the words pair with the share at ``position``, before it or after it."""
    _, sf = index.in_order[position]
    masked = index.masked
    before = _neighbour(index, position - 1, sf)
    if before is not None and _is_part(before[0]):
        gap = masked[before[1].spot.end : sf.spot.start]
        if _PART_THEN_SHARE.match(gap) or _bracketed(gap, masked[sf.spot.end : sf.spot.end + 24]):
            return before
    after = _neighbour(index, position + 1, sf)
    if after is not None and _is_part(after[0]):
        gap = masked[sf.spot.end : after[1].spot.start]
        tail = masked[after[1].spot.end : after[1].spot.end + 24]
        if _SHARE_THEN_BRACKET.match(gap) and _BRACKET_CLOSE.match(tail):
            return after
        if _SHARE_THEN_OR.match(gap) and _CLOSED_BY_COMMA.match(tail):
            return after
    return None


def _bracketed(gap: str, tail: str) -> bool:
    """The share in brackets or dashes after its part: "512 (50.2%)", "1,015 – 33.8% –"."""
    opened = _BRACKET_OPEN.match(gap)
    if opened is None:
        return False
    if opened.group("open") == "(":
        return _BRACKET_CLOSE.match(tail) is not None
    return _DASH_CLOSE.match(tail) is not None


def _of_pair(index: Index, position: int) -> tuple[tuple[Item, Found], tuple[Item, Found]] | None:
    """ "87 out of 620 applicants were successful, a rate of 14 per cent": the part and the
    whole an "of" joins just before the share, which restates them."""
    _, sf = index.in_order[position]
    whole = _neighbour(index, position - 1, sf)
    part = _neighbour(index, position - 2, sf)
    if whole is None or part is None or not _fits(part[0], whole[0]):
        return None
    masked = index.masked
    if not _OF_WHOLE.match(masked[part[1].spot.end : whole[1].spot.start]):
        return None
    shown = _WHOLE_THEN_SHARE.match(masked[whole[1].spot.end : sf.spot.start])
    if shown is None:
        return None
    tail = masked[sf.spot.end : sf.spot.end + 24]
    if re.match(r"^\s*(?:[)–—,]\s*|-\s+)?of\b", tail, re.IGNORECASE):
        return None  # "…, or 45% of them": a share of something the words name after it
    if not _closed(shown.group("open"), tail):
        return None
    return part, whole


def _closed(opened: str | None, tail: str) -> bool:
    """Whether the bracket or dash ``opened`` before a figure (if any) closes in ``tail``,
    the words after it: "(45%)", "– 25,380 people –"."""
    if opened == "(":
        return _BRACKET_CLOSE.match(tail) is not None
    return not opened or _DASH_CLOSE.match(tail) is not None


def _of_then_part(
    index: Index, position: int
) -> tuple[tuple[Item, Found], tuple[Item, Found]] | None:
    """ "41% of the 2,000 tenants, or 900 people, …", "30 per cent of the county's 94,000
    residents – 25,380 people –": the share of the whole its "of" names, then the part."""
    _, sf = index.in_order[position]
    whole = _neighbour(index, position + 1, sf)
    part = _neighbour(index, position + 2, sf)
    if whole is None or part is None or not _fits(part[0], whole[0]):
        return None
    masked = index.masked
    if not _SHARE_OF.match(masked[sf.spot.end : whole[1].spot.start]):
        return None
    shown = _WHOLE_THEN_PART.match(masked[whole[1].spot.end : part[1].spot.start])
    if shown is None:
        return None
    tail = masked[part[1].spot.end : part[1].spot.end + 24]
    if not _closed(shown.group("open"), tail):
        return None
    return part, whole


def _pair_in_brackets(
    index: Index, position: int
) -> tuple[tuple[Item, Found], tuple[Item, Found]] | None:
    """ "Noise made up 30% of complaints (300 out of 1,200)": the part and whole in brackets
    after the share."""
    _, sf = index.in_order[position]
    part = _neighbour(index, position + 1, sf)
    whole = _neighbour(index, position + 2, sf)
    if whole is None or part is None or not _fits(part[0], whole[0]):
        return None
    masked = index.masked
    if not _OPENS_PAIR.match(masked[sf.spot.end : part[1].spot.start]):
        return None
    if not _OF_WHOLE.match(masked[part[1].spot.end : whole[1].spot.start]):
        return None
    if not _BRACKET_CLOSE.match(masked[whole[1].spot.end : whole[1].spot.end + 24]):
        return None
    return part, whole


def _of_which(index: Index, position: int) -> tuple[tuple[Item, Found], tuple[Item, Found]] | None:
    """ "1,200 complaints, 30% of which (300) concerned noise": the whole before the share,
    the part after its "of which"."""
    _, sf = index.in_order[position]
    whole = _neighbour(index, position - 1, sf)
    part = _neighbour(index, position + 1, sf)
    if whole is None or part is None or not _fits(part[0], whole[0]):
        return None
    masked = index.masked
    if not _CLAUSE_AFTER_WHOLE.match(masked[whole[1].spot.end : sf.spot.start]):
        return None
    opened = _OF_WHICH_THEN_PART.match(masked[sf.spot.end : part[1].spot.start])
    if opened is None:
        return None
    tail = masked[part[1].spot.end : part[1].spot.end + 24]
    if opened.group("open") == "(" and not _BRACKET_CLOSE.match(tail):
        return None
    if opened.group("open") in ("–", "—") and not _DASH_CLOSE.match(tail):
        return None
    return part, whole


def _part_said_before(index: Index, position: int) -> tuple[Item, Found] | None:
    """ "… 2,214 people were waiting. That is 23 per cent of the 9,620 on the list": the one
    quantity of the sentence before is the part."""
    _, sf = index.in_order[position]
    if not _THAT_IS.match(index.masked[sf.context.sentence[0] : sf.spot.start]):
        return None
    said = [
        (item, found)
        for item, found in index.by_sentence.get((sf.section, sf.sentence - 1), [])
        if item.fact.kind != "date"
    ]
    if len(said) != 1 or not _is_part(said[0][0]):
        return None
    return said[0]


def _whole_referred(index: Index, part: Item, pf: Found) -> tuple[Item, Found] | None:
    """ "Of these, 412 …", "1,026 of them …": the whole is the quantity said before — the
    nearest of the part's kind earlier in its sentence, else the one of the sentence before."""
    start = pf.context.sentence[0]
    lead = index.masked[start : pf.spot.start]
    tail = index.masked[pf.spot.end : pf.spot.end + 16]
    if not (_OF_THESE_LEAD.match(lead) or _OF_THESE_TAIL.match(tail)):
        return None
    position = index.position(pf)
    for at in range(position - 1, max(-1, position - 1 - _NEAR), -1):
        item, found = index.in_order[at]
        if found.sentence != pf.sentence or found.section != pf.section:
            break
        if item.fact.kind == "date":
            continue
        return (item, found) if _fits(part, item) else None
    fitting = [
        (item, found)
        for item, found in index.by_sentence.get((pf.section, pf.sentence - 1), [])
        if item.fact.kind != "date"
    ]
    if len(fitting) != 1 or not _fits(part, fitting[0][0]):
        return None
    return fitting[0]


def _fits(part: Item, whole: Item) -> bool:
    return (
        whole.id != part.id
        and _is_part(whole)
        and whole.figure.kind == part.figure.kind
        and whole.figure.unit == part.figure.unit
        and whole.figure.base > part.figure.base
    )


def _whole_after(index: Index, part: Item, last: Found) -> tuple[Item, Found] | None:
    """92 people, or 45 per cent, of the 204 asked."""
    after = _neighbour(index, index.position(last) + 1, last)
    if after is None or not _fits(part, after[0]):
        return None
    if not _OF_AFTER.match(index.masked[last.spot.end : after[1].spot.start]):
        return None
    return after


def _whole_before(index: Index, part: Item, first: Found) -> tuple[Item, Found] | None:
    """Of the 1,020 voters polled, …; else the one sample the words name."""
    position = index.position(first)
    start = first.context.sentence[0]
    for at in range(position - 1, max(-1, position - 1 - _NEAR), -1):
        item, found = index.in_order[at]
        if found.sentence != first.sentence or found.section != first.section:
            break
        if item.fact.kind == "date":
            continue
        if item.figure.kind == "percent" or (_is_part(item) and not _fits(part, item)):
            return None  # another share or count stands between: not ours to read
        lead = index.masked[max(start, found.spot.start - 20) : found.spot.start]
        if _fits(part, item) and _OF_BEFORE.search(lead):
            return item, found
        if _fits(part, item):
            break
    return _sample(index, part, first)


def _sample(index: Index, part: Item, first: Found) -> tuple[Item, Found] | None:
    """The one count a survey's words name, in ``first``'s sentence or the one before."""
    chosen: dict[str, tuple[Item, Found]] = {}
    for sentence in (first.sentence, first.sentence - 1):
        for item, found in index.by_sentence.get((first.section, sentence), []):
            if found.spot.start >= first.spot.start or not _fits(part, item):
                continue
            start = found.context.sentence[0]
            lead = index.masked[max(start, found.spot.start - 24) : found.spot.start]
            tail = index.masked[found.spot.end : found.spot.end + 48]
            if _SAMPLE_BEFORE.search(lead) or _SAMPLE_AFTER.match(tail):
                chosen.setdefault(item.id, (item, found))
    if len(chosen) != 1:
        return None
    item, found = next(iter(chosen.values()))
    if _SUBGROUP.search(index.masked[found.spot.end : first.spot.start]):
        return None  # "Among women, 45% (230)": a share of a group inside the sample
    return item, found
