"""The noun phrase an English figure measures, read from the words before it: verbs and
fillers dropped, the sentence's subject when nothing else is left, and the measure of the
change a level is reached by (sales increased 9.4% to $1,060.6 million)."""

from __future__ import annotations

import re

_EN_VERBS = (
    "was", "were", "is", "are", "rose", "rises", "rise", "fell", "falls", "fall", "increased",
    "decreased", "declined", "grew", "jumped", "changed", "changes", "totaled", "reached",
    "posted", "saw", "lost", "had", "has", "owns", "said", "gained", "dropped", "slumped",
)  # fmt: skip
_FILLERS = frozenset(
    (
        "the", "a", "an", "of", "to", "at", "by", "from", "in", "on", "for", "and", "or", "while",
        "with", "little", "about", "nearly", "than", "more", "up", "down", "its", "their",
        "compared", "versus", "vs",
    )
)  # fmt: skip
_CLAUSE_OPENERS = frozenset(("which", "who", "whose", "that"))  # the subject ends before
_RELATIONAL = frozenset(
    (
        "compared", "with", "an", "a", "increase", "decrease", "decline", "rise", "gain", "growth",
        "change", "of", "by", "to", "rate", "annual",
    )
)  # fmt: skip
_FOOTNOTE = re.compile(r"[A-Za-z]+\d")  # adjusted1: a word with a footnote mark
# operating income was $178.0 million: with no noun of its own, an amount measures its
# sentence's subject
_CHANGED_TO = re.compile(
    r"^\s*(?:was|were|is|are|totall?ed|reached|amounted\s+to)\s*$", re.IGNORECASE
)
# sales increased 9.4% to $1,060.6 million: the level a change reaches measures what the
# change does
_CHANGE_TO = re.compile(r"^\s*to\s*$", re.IGNORECASE)


def english_measure(text: str, sentence_start: str) -> str:
    """The noun phrase an English figure measures: the words before it, verbs dropped;
    with none left (fell by 0.4 point to 6.3 percent), the sentence's subject."""
    words = [w for w in text.split() if not _FOOTNOTE.fullmatch(w)]
    while words and (words[-1].lower() in _EN_VERBS or words[-1].lower() in _FILLERS):
        words.pop()
    relational = all(w.lower() in _RELATIONAL for w in words)
    if words and not (relational and sentence_start):
        return " ".join(words)
    subject: list[str] = []
    for word in sentence_start.split():
        if word.lower() in _EN_VERBS or "#" in word or word.lower() in _CLAUSE_OPENERS:
            break
        subject.append(word)
    if subject:
        subject[-1] = subject[-1].rstrip(",;:")  # Internal sales, which are adjusted …
    while subject and subject[0].lower() in _FILLERS:
        subject.pop(0)
    return " ".join(subject + words)


def measured_by_subject(before: str) -> bool:
    """operating income was $178.0 million: an amount with no noun of its own."""
    return _CHANGED_TO.match(before.rsplit("#", 1)[-1]) is not None


def reached_by_change(before: str) -> bool:
    """… increased 9.4% to $1,060.6 million: the level the change before it reaches."""
    return _CHANGE_TO.match(before.rsplit("#", 1)[-1]) is not None
