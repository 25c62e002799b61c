"""A change stated in English, read as roles: the level it reaches, the change, its rate,
the level it started from — whichever of them the sentence prints, in whatever order.

One change cue ("rose by", "was up", "an increase of", "a £5 million rise", "fell",
"a reduction of") opens a change statement. Its first figure is the change (an amount or
a count) or its rate (a percent); each figure that follows is given a role by the words
before it alone:

- ``, or`` / ``(`` / ``/`` / ``, which is a`` / ``, an increase of``: the same change
  restated as a rate or an amount;
- ``to``: the new level;
- ``from`` / ``on`` / ``compared with`` (``on last year's``): the level before.

A level printed before the cue is the new level when the change is its apposition
("£225.40 for a Band D property, an increase of £6.56 or 2.99%"; "723 homicides recorded by
police, an increase of 1,489"; "$29 million, up $5 million"), the level before when it is
itself compared ("compared with $25 million, an increase of $4 million"; its new level is
then the figure it is compared with). When the sentence prints none, the subject of the
cue may name a quantity of the sentence before ("… a precept demand of £22,985. The
precept request means an increase of £1,301, which is a 6.3% rise"); being in another
sentence, that level may be the new one or the old one, so the rate is checked on the
reading closer to it.

From the roles printed, every relation they fix is checked (docs/design.md §3, growth is
x₂ / x₁ − 1): new − old = change; new / old − 1 = rate; change / (new − change) = rate;
change / old = rate; and an increase of a count cannot exceed the level it reached (the
count before would be negative). A decline word makes the change and the rate negative,
whether or not the figure carries the sign already. Checked whatever the numbers say: a
relation the words state and the figures break is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import (
    Index,
    Item,
    Relation,
    is_compared,
    is_countable,
    is_latin,
    same_unit,
)
from factlint.extract.detectors.growth_relations import Statement, relations
from factlint.extract.pipeline import Found

_LEAD = 40  # characters before a figure that may hold its cue
_MAX_ROLES = 4  # figures after the first that may take a role
_UP_VERBS = (
    r"rose|rise|rises|risen|rising|increased|increases|increasing|grew|grow|grows|grown"
    r"|gained|climbed|jumped|went\s+up|(?:was|were|is|are|been)\s+up|up|adds|added|adding"
    r"|widened|accelerated|quickened"
)
_DOWN_VERBS = (
    r"fell|fall|falls|fallen|falling|dropped|drops|declined|declines|decreased|decreases"
    r"|slipped|went\s+down|(?:was|were|is|are|been)\s+down|down"
    r"|eased|narrowed|slowed|decelerated"
)
# higher by, lower by 0.4 percentage points: a comparison whose size is said first
_UP_BY = r"higher|greater|more|faster|wider"
_DOWN_BY = r"lower|smaller|less|slower|narrower"
_UP_NOUNS = r"increase|rise|gain|growth|uplift|hike|acceleration|pickup|pick-up"
_DOWN_NOUNS = r"decrease|decline|drop|fall|reduction|cut|deceleration|slowdown|slow-down"
# words that say a rate sped up or slowed down: their size is a change in points, never a
# percent of a level ("growth slowed by 2%" does not say which)
_RATE_WORDS = frozenset(
    (
        "faster", "slower", "accelerated", "quickened", "slowed", "decelerated", "acceleration",
        "pickup", "pick-up", "deceleration", "slowdown", "slow-down",
    )
)  # fmt: skip
_NOUN = r"(?:" + _UP_NOUNS + "|" + _DOWN_NOUNS + r")"
# rose by, was down, an increase of, a year-on-year rise of, lower by: the change follows
_CUE_BEFORE = re.compile(
    r"(?:\b(?P<verb>" + _UP_VERBS + "|" + _DOWN_VERBS + r")\s+(?:by\s+)?"
    r"|\b(?P<by>" + _UP_BY + "|" + _DOWN_BY + r")\s+by\s+"
    r"|\b(?:an?\s+|the\s+)?(?:(?:annual|overall|total|net|year-on-year|yearly)\s+)?"
    r"(?P<noun>" + _NOUN + r")\s+(?:of|by)\s+"
    r"|\b(?P<extra>a\s+further|an\s+extra|an\s+additional)\s+)$",
    re.IGNORECASE,
)
# a £1,301 increase, an 6.3% rise: the change before its noun
_ARTICLE_BEFORE = re.compile(r"\ban?\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"^\s*(?P<noun>" + _NOUN + r")\b", re.IGNORECASE)
_PERIOD_BEFORE = (
    r"(?:(?:the\s+)?(?:previous|prior|preceding|last)\s+(?:year|quarter|period|month)(?:'s)?"
    r"|(?:a|the)\s+year\s+(?:earlier|before|ago)|last\s+year's)"
)
_NOUN_THEN = re.compile(
    r"^\s*"
    + _NOUN
    + r"\b(?:\s+(?:on|over|from|compared\s+(?:with|to))\s+"
    + _PERIOD_BEFORE
    + r")?",
    re.IGNORECASE,
)
_RESTATED = re.compile(
    r"^\s*[,(/]?\s*(?:or|which\s+is|which\s+was|that\s+is|i\.e\.|representing|equivalent\s+to)?"
    r"\s*(?:an?\s+)?(?:" + _NOUN + r"\s+of\s+|up\s+|down\s+|by\s+)?$",
    re.IGNORECASE,
)
# rose to 12,400, fell to 3,069: the new level opens the statement ("up to" is a bound)
_LEVEL_CUE = re.compile(
    r"\b(?P<verb>rose|risen|increased|grew|grown|climbed|jumped|fell|fallen|dropped"
    r"|declined|decreased)\s+to\s+$",
    re.IGNORECASE,
)
# "…, a decrease of 7%" after the levels: the change restated, its noun said
_RESTATED_LATER = re.compile(
    r"^\s*[,(]\s*(?:which\s+is\s+|or\s+)?(?:an?\s+)?(?:" + _NOUN + r"\s+of|up|down)\s+$",
    re.IGNORECASE,
)
# in 2023, for 2022/23, during the year: a figure's period, once dates are read as "year"
_PERIOD_PHRASE = re.compile(
    r"^\s*(?:in|for|during|at\s+the\s+end\s+of)\s+(?:the\s+)?(?:financial\s+)?"
    r"year(?:\s*[/–-]\s*year)?",
    re.IGNORECASE,
)
_TO = re.compile(
    r"^\s*\)?\s*,?\s*to\s+(?:a\s+(?:total|level|record)\s+of\s+)?$"
    # "a further 120 homes were approved, bringing the overall figure to 860"
    r"|^(?:\s*[a-z][\w'-]*){0,8}\s*,\s*(?:taking|bringing|raising|lifting|pushing|putting)\s+"
    r"(?:the|its|their)\s+(?:(?:overall|combined|running|grand)\s+)?"
    r"(?:total|figure|number|tally|count|sum|amount|level)\s+to\s+$",
    re.IGNORECASE,
)
_FROM = re.compile(
    r"^\s*\)?\s*,?\s*(?:(?:up|down)\s+from|from|on|over|(?:as\s+|when\s+)?compared\s+(?:with|to)"
    r"|versus|vs\.?"
    r"|against)\s+"
    r"(?:" + _PERIOD_BEFORE + r"\s+)?(?:the\s+|a\s+)?\(?\s*$",
    re.IGNORECASE,
)
_FROM_LEAD = re.compile(r"\bfrom\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_TO_LEAD = re.compile(r"\bto\s+$", re.IGNORECASE)
_PERIOD_AFTER = re.compile(r"^\s*(?:in|for|during)\s+(?:the\s+)?(?:fy\s*)?#+", re.IGNORECASE)
_FROM_ONLY = re.compile(r"^\s*,?\s*from\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
# £86m (2023: £100m), 64.0p (2022/23: 51.0p), £54.2m (prior year: £49.8m): an annual
# report's figure for the period before, in brackets after the figure it is compared with
_PRIOR_BRACKET = re.compile(
    r"^\s*\(\s*(?:(?:fy\s*)?#+(?:\s*[/–-]\s*#+)?|(?:the\s+)?(?:prior|previous|last)\s+year)"
    r"\s*:\s*$",
    re.IGNORECASE,
)
_BRACKET_CLOSES = re.compile(r"^\s*\)\s*[,;:–—-]?\s*(?:was|were|is|are)?\s*$", re.IGNORECASE)
# a period between a change and its levels: "rose 3% year on year, to …", "grew 40%
# between 2019 and 2024, from …", "increased 11% over the year, from …"
_PERIOD_BETWEEN = re.compile(
    r"^\s*,?\s*(?:year[- ]on[- ]year|over\s+the\s+(?:year|period|quarter|month|decade)"
    r"|in\s+the\s+(?:year|period|quarter|month)|between\s+#+\s+and\s+#+|since\s+#+)(?!\w)",
    re.IGNORECASE,
)
# 15 per cent more than the 2,300 in 2022; 8 percent lower than last year's: a change
# stated as a comparison, the level after "than" the one compared with
_COMPARATIVE = re.compile(
    r"^\s*(?:(?P<word>higher|lower|more|less|fewer|above|below|greater|smaller)"
    # "£31.5m (2023: £28.0m) was 12.5% higher.": no level after, the levels before
    r"(?:\s+than\s+|\s*(?=[.,;]|$))"
    # "5% up on the previous year (£29,000)": the level compared with after its "on"
    r"|(?P<side>up|down)\s+(?=(?:on|from|against|compared)\b))",
    re.IGNORECASE,
)
_DOWN_COMPARATIVES = frozenset(("lower", "less", "fewer", "below", "smaller", "down"))
# "At 1.59 million, visitor numbers were 8 percent lower than …": the figure an "At" opens
# the sentence with is the level of the subject after its comma
_AT_OPENS = re.compile(r"^\s*at\s+$", re.IGNORECASE)
_SUBJECT_THEN_VERB = re.compile(
    r"^\s*,\s*(?:[a-z][\w'’-]*\s+){1,5}?(?=(?:was|were|is|are)\s)", re.IGNORECASE
)
# "That was 4.2% higher than …": the level is the last one the sentence before printed
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:that|this|it)\s+(?:was|is|were|are)\s+$", re.IGNORECASE)
# $30 million in the quarter, compared with $25 million: the second level is the old one
_COMPARED = re.compile(
    r"^(?:\s*[a-z][\w'/.-]*){0,5}\s*,?\s*(?:compared\s+(?:with|to)|versus|vs\.?|against"
    r"|up\s+from|down\s+from)\s+(?:" + _PERIOD_BEFORE + r"\s+)?(?:the\s+|a\s+)?$",
    re.IGNORECASE,
)
# the words between a level and a change cue in apposition to it: its noun, then a comma
_APPOSITION = re.compile(
    r"^(?:\s*[a-z][\w'/.-]*){0,8}\s*(?:[,(–—]|\s-)\s*(?:which\s+is\s+|which\s+was\s+"
    r"|this\s+is\s+|or\s+|was\s+|were\s+|is\s+|are\s+)?$|^\s*$",
    re.IGNORECASE,
)
_OTHER_PERIOD = re.compile(
    r"\b(?:quarter|year|month|week|half|period|season|annual|annually|previous|prior|last)\b",
    re.IGNORECASE,
)
# national accounts print a quarter's growth at an annual rate: no rate is the change over
# the level in such a text
_ANNUALISED = re.compile(r"\bannual(?:ly)?\s+rate|\bannuali[sz]ed\b", re.IGNORECASE)
_JOINING = re.compile(r"\b(?:and|but|while|whereas|with|although)\b", re.IGNORECASE)
_STOP_WORDS = frozenset(
    re.findall(
        r"\w+",
        "a an the of in on at to for from by and or with its their this that these those it "
        "is was were are be been has have had means meant mean will would which per",
    )
)


def detect(index: Index) -> Iterator[Relation]:
    taken: set[int] = set()
    annualised = _ANNUALISED.search(index.flat) is not None
    for position, (item, found) in enumerate(index.in_order):
        if position in taken or not is_latin(found.text) or item.fact.kind == "date":
            continue
        statement = _opened_at(index, position)
        if statement is None:
            continue
        if annualised:
            statement.rate = None  # a quarter's change over its level is not its annual rate
            if statement.change is None:
                continue
        taken.update(_follow(index, position, statement))
        _level_before(index, position, statement)
        yield from relations(index, statement)


def _opened_at(index: Index, position: int) -> Statement | None:
    """The statement a change cue opens at the figure at ``position``."""
    item, found = index.in_order[position]
    start = max(found.context.sentence[0], found.spot.start - _LEAD)
    lead = index.masked[start : found.spot.start]
    cue = _CUE_BEFORE.search(lead)
    reached = _LEVEL_CUE.search(lead)
    if reached is not None and cue is None and _level(item) and not item.figure.qualifier:
        # rose to 12,400 in 2023, up from 10,100: the statement opens at its new level
        down = re.fullmatch(_DOWN_VERBS, reached.group("verb").lower()) is not None
        return Statement(down, start + reached.start(), new=(item, found))
    if cue is not None:
        word = cue.group("verb") or cue.group("by") or cue.group("noun") or cue.group("extra")
        cue_start = start + cue.start()
    else:
        following = index.masked[found.spot.end : found.spot.end + 20]
        article = _ARTICLE_BEFORE.search(lead)
        noun = _NOUN_AFTER.match(following)
        compared = _COMPARATIVE.match(following)
        if compared is not None and not item.figure.qualifier and _fits(item, False):
            word = compared.group("word") or compared.group("side")
            return _compared_at(item, found, word.lower())
        if article is None or noun is None:
            return None
        word, cue_start = noun.group("noun"), start + article.start()
    down = re.fullmatch(_DOWN_VERBS + "|" + _DOWN_BY + "|" + _DOWN_NOUNS, word.lower()) is not None
    statement = Statement(down, cue_start, noun_after=cue is None)
    if item.figure.qualifier or not _fits(item, down):
        return None
    if word.lower() in _RATE_WORDS and item.figure.kind != "points":
        return None
    if item.figure.kind == "percent":
        statement.rate = (item, found)
    elif is_countable(item) or item.figure.kind == "points":
        statement.change = (item, found)  # 0.3 percentage points: levels are percents
    else:
        return None
    return statement


def _compared_at(item: Item, found: Found, word: str) -> Statement | None:
    """15 per cent more than …, $4m lower than …: the change opens a comparison."""
    statement = Statement(word in _DOWN_COMPARATIVES, found.spot.start, comparative=True)
    if item.figure.kind == "percent":
        statement.rate = (item, found)
    elif is_countable(item) or item.figure.kind == "points":
        statement.change = (item, found)
    else:
        return None
    return statement


def _compared_from(said: re.Match[str]) -> str:
    """The words a comparison leaves for the level after it: "than" reads as "from", and
    "up on" keeps its "on"."""
    return " " if said.group("side") else " from "


def _fits(item: Item, down: bool) -> bool:
    """A figure printed negative after a word of rise contradicts it: bind nothing."""
    return down or item.figure.number >= 0


def _follow(index: Index, position: int, statement: Statement) -> list[int]:
    """Give the figures after the first their roles; the positions taken."""
    taken: list[int] = []
    last = index.in_order[position][1]
    # "39 (up 5.5%) against 51 last year": a change in brackets ends at its bracket
    points = statement.points
    bracketed = (
        index.masked[max(0, statement.cue_start - 4) : statement.cue_start].rstrip()[-1:] == "("
    )
    for after in range(position + 1, position + 1 + _MAX_ROLES):
        if after >= len(index.in_order):
            break
        item, found = index.in_order[after]
        if found.sentence != last.sentence or found.section != last.section:
            break
        if item.fact.kind == "date" or _range_end(index, found):
            continue  # 12,400 in 2023: the period of the figure before, read in the gap
        if item.figure.qualifier:
            break
        gap = index.masked[last.spot.end : found.spot.start]
        if bracketed and ")" in gap:
            break
        if (
            _PRIOR_BRACKET.match(gap)
            and statement.new is not None
            and statement.new[1] is last
            and statement.old is None
            and _level_at(index, item, found, points)
        ):
            statement.old = (item, found)  # fell 4% to £86m (2023: £100m)
            taken.append(after)
            break
        gap = _PERIOD_BETWEEN.sub("", gap, count=1)
        if after == position + 1 and statement.comparative:
            gap = _COMPARATIVE.sub(_compared_from, gap, count=1)
        if "#" in gap:  # only dates stand between: their phrase is no role's words
            gap = _PERIOD_PHRASE.sub("", re.sub(r"#+", "year", gap), count=1)
            if "year" in gap:
                break
        if after == position + 1 and statement.noun_after:
            gap = _NOUN_THEN.sub("", gap, count=1)  # a £0.9bn increase on a year ago, or 12%
        restated = (
            (after == position + 1 and _RESTATED.match(gap)) or _RESTATED_LATER.match(gap)
        ) and _fits(item, statement.down)
        if restated and item.figure.kind == "percent" and statement.rate is None:
            statement.rate = (item, found)
        elif restated and is_countable(item) and statement.change is None:
            statement.change = (item, found)
        elif _TO.match(gap) and statement.new is None and _level_at(index, item, found, points):
            statement.new = (item, found)
        elif _FROM.match(gap) and statement.old is None and _level_at(index, item, found, points):
            statement.old = (item, found)
        else:
            break
        taken.append(after)
        last = found
    return taken


def _level(item: Item, points: bool = False) -> bool:
    """A level of a change: an amount or a count; a percent when the change is in points."""
    if points:
        return item.figure.kind == "percent" and not item.figure.qualifier
    return is_countable(item) and item.figure.kind != "percent" and item.figure.number > 0


_RANGE_AROUND = re.compile(r"[/–-]\s*#")


def _level_at(index: Index, item: Item, found: Found, points: bool = False) -> bool:
    """A level, not one end of a period or range (the 16/17 total, 2023-24)."""
    if not _level(item, points):
        return False
    after = index.masked[found.spot.end : found.spot.end + 3]
    before = index.masked[max(0, found.spot.start - 2) : found.spot.start]
    return _RANGE_AROUND.match(after) is None and not re.search(r"#\s*[/–-]\s*$", before)


def _range_end(index: Index, found: Found) -> bool:
    """The 25 of 2024/25: the end of a span of years, no quantity."""
    if not (found.text.isdigit() and len(found.text) in (2, 4)):
        return False
    before = index.masked[max(0, found.spot.start - 3) : found.spot.start]
    return re.search(r"#\s*[/–-]\s*$", before) is not None


def _level_before(index: Index, position: int, statement: Statement) -> None:
    """The level printed before the cue, when the statement has no new level yet."""
    if statement.new is not None:
        return
    _, found = index.in_order[position]
    before = [
        pair
        for pair in index.in_order[max(0, position - 4) : position]
        if pair[1].sentence == found.sentence
        and pair[1].section == found.section
        and pair[0].fact.kind != "date"
        and not _range_end(index, pair[1])
    ]
    if not before:
        subject = index.masked[found.context.sentence[0] : statement.cue_start]
        if _PRONOUN_SUBJECT.match(subject):
            _level_said_before(index, position, statement)
        elif statement.old is None and not statement.points:
            _named_in_sentence_before(index, position, statement)
        return
    if statement.old is None and len(before) >= 2 and _prior_before(index, before, statement):
        return
    level, lf = before[-1]
    # only dates stand between (before holds the last figure that is none): "£1,850.50 in
    # 2024/25, an increase of"
    gap = re.sub(r"#+", "year", index.masked[lf.spot.end : statement.cue_start])
    if _AT_OPENS.match(index.masked[lf.context.sentence[0] : lf.spot.start]):
        gap = _SUBJECT_THEN_VERB.sub(", ", gap, count=1)  # At 1.59 million, visits were …
    if not _APPOSITION.match(gap) or _JOINING.search(gap):
        return
    points = statement.points
    if not _level_at(index, level, lf, points):
        return
    if not points and _opened_at(index, index.position(lf)) is not None:
        return  # a change of its own; a growth rate is the level a change in points compares
    if len(before) >= 2 and statement.old is None:
        # from £41.75 to £45.80 – an increase of £4.05; $30 million, compared with $25 million
        earlier, ef = before[-2]
        between = index.masked[ef.spot.end : lf.spot.start]
        lead = index.masked[max(ef.context.sentence[0], ef.spot.start - 12) : ef.spot.start]
        if _level_at(index, earlier, ef, points) and same_unit(earlier, level):
            if _TO.match(between) and _FROM_LEAD.search(lead):
                statement.old, statement.new = (earlier, ef), (level, lf)
                return
            to_from = _FROM_ONLY.match(_PERIOD_AFTER.sub("", between, count=1))
            if _COMPARED.match(between) or (to_from and _TO_LEAD.search(lead)):
                statement.old, statement.new = (level, lf), (earlier, ef)  # to A from B
                return
    if is_compared(lf, index.masked):
        return  # a level of the period compared with, whose new level is not printed
    statement.new = (level, lf)


def _prior_before(index: Index, before: list[tuple[Item, Found]], statement: Statement) -> bool:
    """Turnover: £54.2m (2024: £49.8m), up 8.8%: the level and, in brackets, the level of
    the period before, then the change."""
    (new, nf), (old, of) = before[-2], before[-1]
    if not _PRIOR_BRACKET.match(index.masked[nf.spot.end : of.spot.start]):
        return False
    if not _BRACKET_CLOSES.match(index.masked[of.spot.end : statement.cue_start]):
        return False
    points = statement.points
    if not (_level_at(index, new, nf, points) and _level_at(index, old, of, points)):
        return False
    if not same_unit(new, old):
        return False
    statement.new, statement.old = (new, nf), (old, of)
    return True


def _named_in_sentence_before(index: Index, position: int, statement: Statement) -> None:
    """ "The precept request means an increase of £1,301": the one quantity of the
    sentence before whose label shares a word with the cue's subject."""
    _, found = index.in_order[position]
    subject = index.masked[found.context.sentence[0] : statement.cue_start]
    if "#" in subject or "," in subject or _OTHER_PERIOD.search(subject):
        return  # "In the second quarter, GDP increased 4.1 percent": another period's level
    words = _content_words(subject)
    if not words:
        return
    like = (statement.change or statement.rate or (None, None))[0]
    chosen: dict[str, tuple[Item, Found]] = {}
    for item, other in index.by_sentence.get((found.section, found.sentence - 1), []):
        if not _level(item) or not is_latin(other.text):
            continue
        if like is not None and statement.change is not None and not same_unit(item, like):
            continue
        if words & _content_words(other.context.label):
            chosen.setdefault(item.id, (item, other))
    if len(chosen) == 1:
        statement.new = next(iter(chosen.values()))
        statement.elsewhere = True


def _level_said_before(index: Index, position: int, statement: Statement) -> None:
    """ "The index stood at 112.4 in March. That was 4.2% higher than …": "that" is the one
    level the sentence before printed, the new level of the comparison."""
    _, found = index.in_order[position]
    levels = [
        (item, other)
        for item, other in index.by_sentence.get((found.section, found.sentence - 1), [])
        if item.fact.kind != "date" and is_latin(other.text)
    ]
    if len(levels) != 1 or not _level_at(index, *levels[0], statement.points):
        return
    if statement.old is not None and not same_unit(levels[0][0], statement.old[0]):
        return
    statement.new = levels[0]


def _content_words(text: str) -> set[str]:
    found = re.findall(r"[a-z][a-z-]+", text.lower())
    return {word for word in found if word not in _STOP_WORDS and len(word) > 2}
