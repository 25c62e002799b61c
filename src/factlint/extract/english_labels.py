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


# The words a fact id keeps of an English label: the measure's noun phrase, not the verbs,
# function words and adverbs the words before a figure also hold ("have seen", "as",
# "which … show that").
_ID_STOP = frozenset(
    (
        # pronouns
        "it", "they", "we", "he", "she", "i", "you", "there", "them", "us", "one", "that",
        # auxiliaries, copulas, verbs of saying and of change
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
        "did", "will", "would", "can", "could", "might", "shall", "should", "must", "not",
        "never",
        "show", "shows", "showed", "shown", "say", "says", "said", "see", "sees", "saw", "seen",
        "reveal", "reveals", "got", "get", "gets", "made", "make", "makes", "took", "take",
        "takes", "came", "come", "comes", "went", "go", "goes", "gave", "give", "gives", "stood",
        "stands", "stand", "rose", "rises", "risen", "fell", "falls", "fallen", "grew", "grows",
        "grown", "built", "paid", "spent", "won", "lost", "hit", "set", "put", "cut", "met",
        "increases", "decreases", "declines", "drops", "jumps", "climbs", "gains", "remains",
        "accounts", "account", "represents", "represent", "totals", "means", "mean", "meant",
        "equates", "equate", "compares", "reach", "reaches", "record", "records", "plans",
        "aims", "hopes", "wants", "expects", "intends", "needs", "seeks", "receives", "receive",
        # conjunctions, relatives, comparisons
        "and", "or", "but", "while", "whereas", "although", "though", "as", "because", "so",
        "than", "which", "who", "whom", "whose", "where", "when", "if", "then", "versus", "vs",
        # adverbs, degree and time words
        "only", "just", "now", "still", "also", "even", "about", "around", "approximately",
        "nearly", "almost", "roughly", "some", "more", "less", "most", "least", "fewer", "much",
        "many", "very", "further", "again", "already", "yet", "up", "down", "higher", "lower",
        "respectively", "overall", "altogether", "total", "latest", "recent", "current",
        "previous", "prior", "last", "next", "same", "other", "another", "additional", "extra",
        "per", "cent", "percent", "pct", "almost", "compared", "including", "according",
        "estimated", "provisional", "record", "so-far", "far", "year", "years",
    )
)  # fmt: skip
_ID_PREPOSITIONS = frozenset(
    (
        "in", "on", "at", "to", "for", "from", "by", "with", "within", "among", "amongst",
        "across", "between", "into", "over", "under", "since", "during", "against", "after",
        "before", "through", "throughout", "toward", "towards", "like", "among", "without",
    )
)  # fmt: skip
_ID_JOINS = frozenset(("and", "or", "&"))
_COPULAS = frozenset(
    ("is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained")
)
_DETERMINERS = frozenset(
    (
        "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "your",
        "my", "all", "some", "any", "each", "every", "no", "such", "both",
    )
)  # fmt: skip
_OBJECT_OPENERS = frozenset(("the", "a", "an", "their", "its", "his", "her", "our", "top"))
# nouns ending as verbs do: kept wherever they stand
_ING_NOUNS = frozenset(
    (
        "spending", "funding", "housing", "earnings", "borrowing", "building", "buildings",
        "lending", "training", "trading", "parking", "planning", "offending", "reoffending",
        "policing", "schooling", "staffing", "rating", "ratings", "meeting", "meetings",
        "savings", "holdings", "bookings", "sitting", "sittings", "dwelling", "dwellings",
        "listing", "listings", "opening", "openings", "ring",
    )
)  # fmt: skip
_ED_NOUNS = frozenset(("red", "bed", "beds", "need", "needs", "speed", "hundred", "seed", "feed"))
_GENERIC_HEADS = frozenset(("number", "amount", "level", "figure", "count", "sum", "value"))
_SEGMENT_MARKS = re.compile(r"[•|:;\[\]{}–—]|\s-\s")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_ID_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*|\d+[A-Za-z]*")
_ID_LENGTH = 28


def id_words(label: str) -> str:
    """The words of an English ``label`` a fact id is made of: its measure's noun phrase.

    >>> id_words("Highlights • Net sales increase")
    'Net sales increase'
    >>> id_words("muggings in England and Wales")
    'muggings'
    >>> id_words("the number of burglaries recorded by police")
    'burglaries'
    >>> id_words("have seen")
    ''
    """
    # Net income (loss) per share; an unclosed bracket's words go on: Independent (Lowther
    label = _BRACKETED.sub(" ", label).replace("(", " ").replace(")", " ")
    segments = [s for s in _SEGMENT_MARKS.split(label) if _chunks(s)]
    if not segments:
        return ""
    chunks = _chunks(segments[-1])
    kept = [words for words, modifier in chunks if not modifier]
    words = kept[-1] if kept else chunks[0][0]
    if len(words) > 2 and words[0].lower() in _GENERIC_HEADS and words[1].lower() == "of":
        words = words[2:]  # the number of burglaries: burglaries
    # the head of an English noun phrase is its last word, or the word before its "of"
    of_phrase = any(word.lower() == "of" for word in words[1:3])
    while len("_".join(words)) > _ID_LENGTH and len(words) > 1:
        words = words[:-1] if of_phrase else words[1:]
        while len(words) > 1 and words[-1 if of_phrase else 0].lower() in ("of", "and"):
            words = words[:-1] if of_phrase else words[1:]
    return " ".join(words)


def _chunks(text: str) -> list[tuple[list[str], bool]]:
    """The runs of content words of ``text``, each with whether a preposition (or a verb's
    participle) opened it: a modifier of the noun before it, not the measure."""
    tokens = [t.rstrip("'’").removesuffix("'s").removesuffix("’s") for t in _ID_WORD.findall(text)]
    chunks: list[tuple[list[str], bool]] = []
    current: list[str] = []
    modifier = False

    def close(opens_modifier: bool) -> None:
        nonlocal current, modifier
        while current and current[-1].lower() in ("of", "per", *_ID_JOINS):
            current.pop()
        if current:
            chunks.append((current, modifier))
        current, modifier = [], opens_modifier

    for position, token in enumerate(tokens):
        low = token.lower()
        following = tokens[position + 1].lower() if position + 1 < len(tokens) else ""
        if low in ("of", "per") or (low in _ID_JOINS and current):
            if current:
                current.append(token)  # share of the vote, earnings per share, X and Y
            continue
        if low in _DETERMINERS:
            if current and current[-1].lower() != "of":
                close(False)  # "Talbot the": a new phrase; "share of the vote" goes on
        elif low in _ID_PREPOSITIONS:
            close(True)
        elif low in _ID_JOINS or len(low) == 1:
            close(modifier)  # a join with nothing before it, a cut word's last letter
        elif low in _COPULAS:
            close(True)  # net sales were flat: what follows a copula says, not names
        elif low in _ID_STOP or _verb_form(low, current, following):
            close(modifier if not current else _opens_object(low))
        else:
            current.append(token)
    close(False)
    return chunks


def _verb_form(word: str, before: list[str], following: str) -> bool:
    """A participle or gerund that acts as a verb: "crimes recorded by police", "pupils
    getting top grades", "women entering the courses" — not "adjusted EPS", "council
    spending", "operating income"."""
    if "-" in word:
        return False  # crime-related offences, well-paid jobs
    if word.endswith("ed") and word not in _ED_NOUNS and len(word) > 4:
        return bool(before) or following in _ID_PREPOSITIONS or not following
    if word.endswith("ing") and word not in _ING_NOUNS and len(word) > 5 and before:
        # a plural subject, then its verb and the verb's object
        return following in _OBJECT_OPENERS or (
            _plural(before[-1].lower()) and bool(following) and following not in _ID_STOP
        )
    return False


def _plural(word: str) -> bool:
    return word.endswith("s") or word in ("women", "men", "people", "children", "staff")


def _opens_object(word: str) -> bool:
    """Whether the words after ``word`` qualify the noun before it (pupils getting top
    grades, crimes which police recorded); a past verb's object is the measure itself
    (Novell reported revenues)."""
    return word.endswith("ing") or word in ("which", "who", "that", "whose")
