"""What a figure measures, read from the words around it: a label, a kind, a framing.

The label is the measure (固定资产投资, 同比增长, net sales); the kind is one of amount,
count, percent, growth, share, rank, date, number; the framing is the word that says
whether the figure is an actual, an estimate or a target (累计完成, 预计, 目标, expected).
All of it comes from the clause that prints the figure: the text between the nearest
punctuation marks, with a relative measure (同比增长 10.6%) taking its subject from the
figure before it in the same sentence (固定资产投资同比增长).

>>> from factlint.extract.text import NormalText
>>> from factlint.extract.figures_in_text import find_figures
>>> text = NormalText.of("固定资产投资累计完成162.24亿元，同比增长10.6%。")
>>> [(c.label, c.kind, c.framing) for c in contexts(text, find_figures(text))]
[('固定资产投资', 'amount', '累计完成'), ('固定资产投资同比增长', 'growth', '')]
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence

from factlint.extract.cue_words import CueWords
from factlint.extract.english_counts import counts_in_list, counts_subject, counts_things
from factlint.extract.english_framing import english_framing
from factlint.extract.english_labels import english_measure, measured_by_subject, reached_by_change
from factlint.extract.figures_in_text import WORDS_ENDING_IN_A_QUALIFIER, Spot
from factlint.extract.marks import Cues, Marks
from factlint.extract.text import WIDE_LETTERS, NormalText, is_wide
from factlint.records import dataclass, draft_class

_CLAUSE_MARKS = "，,；;：:！？!?。.【】"
_SENTENCE_MARKS = "。！？!?."
_WINDOW_BEFORE, _WINDOW_AFTER = 40, 12
_NEAR_BEFORE, _NEAR_AFTER = 24, 12

_GROWTH_CUES = (
    "同比增长", "比上年增长", "增长", "增幅", "增速", "下降", "提高", "降低", "减少", "上涨",
    "上升", "回落", "增加", "涨幅", "降幅", "growth", "grew", "increase", "increased",
    "decrease", "decreased", "rose", "fell", "declined", "decline", "jumped", "gained",
    "dropped", "slumped", "higher", "lower", "up", "down",
)  # fmt: skip
_SHARE_CUES = (
    "占比", "比重", "占", "率", "份额", "share", "of sales", "of revenue", "rate", "margin",
    "ratio", "的",
)  # fmt: skip
_GROWTH_AT, _SHARE_AT = CueWords(_GROWTH_CUES, phrasal_up=True), CueWords(_SHARE_CUES)
_LEVEL_BEFORE = re.compile(r"(?:到|至|为|达到|达|\bto)\s*$")
_MONTHS = frozenset(
    (
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec",
    )
)  # fmt: skip
_FRAMINGS = (
    ("累计完成", "累计完成"), ("预计", "预计"), ("计划", "计划"), ("力争", "力争"),
    ("预期", "预期"), ("forecast", "forecast"), ("guidance", "guidance"), ("outlook", "outlook"),
)  # fmt: skip
_TARGETS = ("目标", "target", "goal")
_TARGET_REACH = 6
_LEADING_WORDS = (
    "其中", "全年", "此外", "截至目前", "截至", "这一年", "共", "全区", "还", "并", "均", "当年",
    "分别", "and", "the", "its", "a", "an", "of", "while", "with", "for",
)  # fmt: skip
_TRAILING_WORDS = (
    "累计完成", "预计完成", "完成", "实现", "达到", "达", "为", "是", "约", "共", "有", "引进",
    "新增", "了", "到", "至", "超过", "超", "近", "的", "对", "在", "was", "were", "is", "are",
    "of", "to", "at", "by", "from", "totaled", "totalled", "reached", "about", "approximately",
    "nearly", "more than", "than", "or", "and", "the", "a", "an", "by", "for",
)  # fmt: skip
_RELATIVE = (
    "同比", "比上年", "增长", "下降", "增幅", "增速", "占比", "在全市", "总量", "提高", "降低",
    "排位", "位于", "居", "up", "down", "or", "an increase", "a decline",
)  # fmt: skip
_ENTITY_MIN, _ENTITY_MAX, _ENTITY_REPEATS, _MAX_ENTITIES = 4, 12, 4, 8
_LONG_LABEL = 12
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_OF_WHAT = re.compile(r"\s*of\s+((?:[A-Za-z][\w-]*\s?){1,3})")
_DATE_LABELS = {"zh": "日期", "en": "date"}
_AFTER_HEAD = re.compile(r"[#的、]|集中|荣获|投入|\s(?:in|for|of|to|from|and|or|on|per)\s")
_NOTE_MARK = re.compile(r"(?<=\S)[\[［〔【]\d{1,2}[\]］〕】]")  # 常住人口[2]: a footnote's mark
_EDGES = " “”\"'‘’—-、·()（）\n"
_KIND_OF = {"measure": "amount", "points": "growth"}


@dataclass(frozen=True, slots=True)
class Context:
    """The words around one figure. ``before``/``after`` are the clause around it with
    every figure replaced by ``#``, cut to a window."""

    spot: Spot
    label: str
    kind: str
    framing: str
    before: str
    after: str
    sentence: tuple[int, int]
    clause: tuple[int, int]
    near: str  # the sentence around the figure, cut to a window: for comparing mentions
    subject: int | None = None  # for a relative figure, the index of the figure it speaks of

    @property
    def is_year(self) -> bool:
        return self.kind == "date" and self.spot.figure.unit in ("year", "")


# Made once per figure and again where a table cell or a unit changes it: without
# ``__init__``'s ``object.__setattr__`` per field (see ``records.draft_class``);
# ``tests/test_makers.py`` holds the maker equal to the constructor.
_new = object.__new__
_ContextDraft = draft_class(Context)


def make_context(
    spot: Spot,
    label: str,
    kind: str,
    framing: str,
    before: str,
    after: str,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    near: str,
    subject: int | None = None,
) -> Context:
    """``Context(spot, label, kind, framing, before, after, sentence, clause, near, subject)``."""
    context = _new(_ContextDraft)
    context.spot = spot
    context.label = label
    context.kind = kind
    context.framing = framing
    context.before = before
    context.after = after
    context.sentence = sentence
    context.clause = clause
    context.near = near
    context.subject = subject
    context.__class__ = Context
    made: Context = context
    return made


class Reading:
    """What the contexts of a text's figures read of it, found once: the text with its
    figures masked, where its clauses and sentences end, the entities it repeats, its
    language and where framing words occur."""

    def __init__(self, text: NormalText, spots: Sequence[Spot]) -> None:
        self.masked = masked = _masked(text.flat, spots)
        self.clauses, self.sentences = Marks(masked, _CLAUSE_MARKS), Marks(masked, _SENTENCE_MARKS)
        self.entities = _entities(masked)
        # once per text: a report repeats the words before and after its figures
        self.strip = functools.lru_cache(maxsize=None)(
            functools.partial(_strip, entities=self.entities)
        )
        self.language = _language(text.flat)
        self.framings = Cues(masked, [word for word, _ in _FRAMINGS])

    def agrees(self, other: Reading) -> bool:
        """Whether a figure's context reads the same of both wherever their masked texts
        are equal: the same marks, entities, language and framing words."""
        return (
            self.clauses.positions == other.clauses.positions
            and self.sentences.positions == other.sentences.positions
            and self.entities == other.entities
            and self.language == other.language
            and self.framings.starts == other.framings.starts
            and self.framings.same_offsets == other.framings.same_offsets
        )


def contexts(text: NormalText, spots: Sequence[Spot]) -> list[Context]:
    return read_contexts(Reading(text, spots), spots)


def contexts_again(
    text: NormalText,
    spots: Sequence[Spot],
    earlier_spots: Sequence[Spot],
    earlier: Sequence[Context],
    earlier_reading: Reading,
) -> list[Context]:
    """``contexts(text, spots)`` where ``spots`` is ``earlier_spots`` with a few figures
    read again (a rate given the unit of the amount before it): only the sentences where
    the figures differ are read again. That is exact when the two readings agree: a
    context reads only its own sentence, the marks bounding it, the entities and the
    framing words, and a figure's masked span holds no mark (else the marks differ)."""
    if len(spots) != len(earlier_spots):
        return contexts(text, spots)
    changed = [i for i, spot in enumerate(spots) if spot is not earlier_spots[i]]
    if all(_same_span(spots[i], earlier_spots[i]) for i in changed):
        reading = earlier_reading  # it reads the figures' spans only: the same text masked
    else:
        reading = Reading(text, spots)
        if not reading.agrees(earlier_reading):
            return read_contexts(reading, spots)
    sentences = {earlier[i].sentence for i in changed}
    sentences.update(reading.sentences.bounds(spots[i].start, spots[i].end) for i in changed)
    kept = [
        None if spots[i] is not earlier_spots[i] or context.sentence in sentences else context
        for i, context in enumerate(earlier)
    ]
    return read_contexts(reading, spots, kept)


def _same_span(spot: Spot, other: Spot) -> bool:
    return spot.start == other.start and spot.end == other.end


def read_contexts(
    reading: Reading, spots: Sequence[Spot], kept: Sequence[Context | None] = ()
) -> list[Context]:
    """The context of each figure; ``kept[i]``, when given and not None, is taken as the
    context of ``spots[i]`` as it is (``contexts_again``)."""
    masked, clauses, sentences = reading.masked, reading.clauses, reading.sentences
    strip, language, framings = reading.strip, reading.language, reading.framings
    out: list[Context] = []
    # The last amount or count of each sentence so far: what a relative figure speaks of,
    # found in one step rather than by walking back over the sentence's figures.
    subjects: dict[tuple[int, int], int] = {}
    for index, spot in enumerate(spots):
        same = kept[index] if kept else None
        if same is not None:
            if same.kind in ("amount", "count"):
                subjects[same.sentence] = len(out)
            out.append(same)
            continue
        clause_start, clause_end = clauses.bounds(spot.start, spot.end)
        sentence = sentences.bounds(spot.start, spot.end)
        before = masked[
            _word_start(masked, max(clause_start, spot.start - _WINDOW_BEFORE)) : spot.start
        ]
        after = masked[spot.end : min(clause_end, spot.end + _WINDOW_AFTER)]
        kind = _kind(spot, before)
        if kind == "number" and language == "en":
            earlier = subjects.get(sentence)
            counted_before = earlier is not None and out[earlier].kind == "count"
            rest_of_sentence = masked[spot.end : min(sentence[1], spot.end + _WINDOW_AFTER * 4)]
            if counts_things(spot, after) or (
                counted_before
                and (
                    counts_subject(spot, rest_of_sentence)
                    or counts_in_list(
                        spot, masked[max(sentence[0], spot.start - 40) : spot.start], after
                    )
                )
            ):
                kind = "count"
        # The sentence's start is read up to its first figure (a word with "#" ends the
        # subject english_measure looks for): each figure reads a bounded part of it.
        first_figure = masked.find("#", sentence[0], spot.start)
        opening = masked[sentence[0] : spot.start if first_figure < 0 else first_figure + 1]
        label = _label(before, after, strip, kind, language, opening)
        if (
            language == "en"
            and out
            and out[-1].sentence == sentence
            and out[-1].kind in ("growth", "percent")
            and reached_by_change(before)
        ):
            label = out[-1].label
        subject = subjects.get(sentence) if _is_relative(label or before) else None
        if subject is not None:
            named = out[subject].label
            if named and not label.startswith(named):
                label = named + ("" if is_wide(named[-1]) else " ") + label
        framing = _framing(framings, clause_start, spot.start, after, kind)
        if not framing and language == "en":
            framing = english_framing(masked, (clause_start, clause_end), spot, kind)
        near = (
            masked[max(sentence[0], spot.start - _NEAR_BEFORE) : spot.start]
            + "|"
            + masked[spot.end : min(sentence[1], spot.end + _NEAR_AFTER)]
        )
        clause = (clause_start, clause_end)
        if kind in ("amount", "count"):
            subjects[sentence] = len(out)
        out.append(
            make_context(spot, label, kind, framing, before, after, sentence, clause, near, subject)
        )
    return out


def _word_start(text: str, index: int) -> int:
    """Move a window's start off the middle of an English word (nonfarm, not farm)."""
    if index > 0 and text[index - 1].isascii() and text[index - 1].isalnum():
        while index < len(text) and text[index].isascii() and text[index].isalnum():
            index += 1
    return index


def _masked(flat: str, spots: Sequence[Spot]) -> str:
    """The flat text with each figure as ``#`` padding, so offsets stay put."""
    pieces: list[str] = []
    done = 0
    for spot in spots:
        if spot.start < done:  # out of order or overlapping: one character at a time
            chars = list(flat)
            for each in spots:
                chars[each.start : each.end] = "#" * (each.end - each.start)
            return "".join(chars)
        pieces += (flat[done : spot.start], "#" * (spot.end - spot.start))
        done = spot.end
    return "".join(pieces) + flat[done:]


# a cue word inside a repeated phrase makes it no entity (one search, not one per cue)
_WIDE_CUE = re.compile(
    "|".join(re.escape(c) for c in _GROWTH_CUES + _SHARE_CUES + _RELATIVE if is_wide(c[0]))
)


_CLAUSE_MARK = re.compile(r"[，,。；;：:]")


def _entities(masked: str) -> tuple[str, ...]:
    """Long phrases the text repeats at clause starts: the report's subject (示范区晋中开发区)."""
    runs: Counter[str] = Counter()
    run_of: dict[str, str] = {}  # a clause's head -> its run of wide letters
    # a clause starts after each mark, and at the text's start unless a mark is there
    starts = [match.end() for match in _CLAUSE_MARK.finditer(masked)]
    if not starts or starts[0] != 1:
        starts.insert(0, 0)
    for start in starts:
        head = masked[start : start + _ENTITY_MAX]
        run = run_of.get(head)
        if run is None:
            wide = 0  # the pieces counted are the prefixes of head's run of wide letters
            for char in head:
                if not WIDE_LETTERS[char]:
                    break
                wide += 1
            run = run_of[head] = head[:wide]
        if len(run) >= _ENTITY_MIN:
            runs[run] += 1
    # each distinct run's prefixes counted once, by how often the run starts a clause
    counts: Counter[str] = Counter()
    for run, times in runs.items():
        for length in range(_ENTITY_MIN, len(run) + 1):
            counts[run[:length]] += times
    repeated = [p for p, n in counts.items() if n >= _ENTITY_REPEATS and not _WIDE_CUE.search(p)]
    # A piece is kept when no other repeated piece extends it: one set of every proper
    # prefix, rather than comparing every pair (a long report repeats thousands).
    extended = {q[:length] for q in repeated for length in range(1, len(q))}
    longest = [p for p in repeated if p not in extended]
    longest.sort(key=lambda p: (-counts[p], -len(p), p))
    return tuple(sorted(longest[:_MAX_ENTITIES], key=len, reverse=True))


def _kind(spot: Spot, before: str) -> str:
    kind = spot.figure.kind
    if spot.date_part or (
        kind == "number" and (_calendar_year(spot) or _day_of_month(spot, before))
    ):
        return "date"
    if kind in ("percent", "points"):
        return _relative_kind(before, kind)
    return _KIND_OF.get(kind, kind)


def calendar_year(text: str) -> bool:
    """2019 in "Full Year 2019": four digits, no grouping, a plausible year."""
    return len(text) == 4 and text.isdigit() and _FIRST_YEAR <= int(text) <= _LAST_YEAR


def _calendar_year(spot: Spot) -> bool:
    return calendar_year(spot.text)


def _day_of_month(spot: Spot, before: str) -> bool:
    """5 in "February 5, 2021"."""
    if not (spot.text.isdigit() and 1 <= int(spot.text) <= 31):
        return False  # the words before are split only for a day's number
    words = before.lower().split()
    return bool(words) and words[-1] in _MONTHS


def _relative_kind(before: str, kind: str) -> str:
    lowered = before.lower()
    if kind == "percent" and _LEVEL_BEFORE.search(lowered):
        return "percent"  # 提高到 65%, fell by 0.4 point to 6.3 percent: the level reached
    growth, share = _GROWTH_AT.last_end(lowered), _SHARE_AT.last_end(lowered)
    if growth < 0 and share < 0:
        return "growth" if kind == "points" else "percent"
    return "growth" if growth >= share else "share"


def _framing(cues: Cues, clause_start: int, start: int, after: str, kind: str) -> str:
    """累计完成 / 预计 anywhere before the figure in its clause; 目标 / target only right
    beside it (230亿元目标任务, target of $5m), and only for an amount or a count."""
    if kind in ("amount", "count"):
        following = after.lower().lstrip()
        beside = following[:_TARGET_REACH] if following.startswith(_TARGETS) else ""
        beside += cues.lowered(max(clause_start, start - _TARGET_REACH), start)
        for word in _TARGETS:
            if word in beside:
                return "目标" if is_wide(word[0]) else "target"
    if not cues.any_within(clause_start, start):  # most figures: one bisection, not nine
        return ""
    for word, framing in _FRAMINGS:
        if cues.within(word, clause_start, start):
            return framing
    return ""


def _label(
    before: str,
    after: str,
    strip: Callable[[str], str],
    kind: str,
    language: str,
    sentence_start: str,
) -> str:
    if kind == "date":
        return _DATE_LABELS[language]
    text = strip(before.rsplit("#", 1)[-1])
    if not is_wide((text or "a")[-1]):
        of = _OF_WHAT.match(after)
        if of and kind in ("percent", "share", "growth"):
            return of.group(1)  # 8.1% of sales
        text = english_measure(
            text,
            _NOTE_MARK.sub("", sentence_start)
            if kind in ("percent", "growth", "share") or (not text and measured_by_subject(before))
            else "",
        )
    head = strip(_AFTER_HEAD.split(after, maxsplit=1)[0])
    counted_after = kind == "count" and len(head) >= 2 and is_wide(head[0])
    if counted_after or len(text.replace(" ", "")) < 2:
        text = head or text
    return _tail(text)


def _tail(label: str) -> str:
    """A long Chinese label keeps its last phrase: …改革创新举措的考核权重 -> 考核权重."""
    if len(label) <= _LONG_LABEL or not is_wide(label[-1]):
        return label
    cut = max(label.rfind(mark) for mark in "的、")
    return label[cut + 1 :] if 0 <= cut < len(label) - 1 else label


def _language(flat: str) -> str:
    sample = flat[:2000]
    wide = sum(1 for c in sample if is_wide(c))
    return "zh" if wide * 4 > len(sample) else "en"


def _strip(text: str, entities: tuple[str, ...]) -> str:
    text = _NOTE_MARK.sub("", text).strip(_EDGES)
    changed = True
    while changed and text:
        changed = False
        for entity in entities:
            if text.startswith(entity) and len(text) > len(entity):
                text, changed = text[len(entity) :], True
        # Only the words that could match are tried: by the text's first and last letter.
        for word in _LEADING_BY_FIRST.get(text[:1].lower(), ()):
            if _starts_word(text, word):
                text, changed = text[len(word) :].lstrip(), True
        for word in _TRAILING_BY_LAST.get(text[-1:].lower(), ()):
            if _ends_word(text, word):
                text, changed = text[: -len(word)].rstrip(), True
    return text.strip(_EDGES)


def _by_letter(words: tuple[str, ...], index: int) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their first (0) or last (-1) letter, each group in the order
    of ``words`` (the order _strip tries them in)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[index], []).append(word)
    return {letter: tuple(group) for letter, group in groups.items()}


_LEADING_BY_FIRST = _by_letter(_LEADING_WORDS, 0)
_TRAILING_BY_LAST = _by_letter(_TRAILING_WORDS, -1)


def _starts_word(text: str, word: str) -> bool:
    # text.lower().startswith(word), lowering only as many characters as the word has
    # (lowering maps each character to one or more, never fewer).
    if text[: len(word)].lower()[: len(word)] != word:
        return False
    return len(text) == len(word) or is_wide(word[0]) or not text[len(word)].isalpha()


def _ends_word(text: str, word: str) -> bool:
    if text[-len(word) :].lower()[-len(word) :] != word:  # as in _starts_word
        return False
    if len(word) == 1 and text[-2:] in WORDS_ENDING_IN_A_QUALIFIER:  # 签约 keeps its 约
        return False
    return len(text) == len(word) or is_wide(word[-1]) or not text[-len(word) - 1].isalpha()


def _is_relative(text: str) -> bool:
    lowered = text.lower().lstrip()
    return lowered.startswith(_RELATIVE) or not lowered
