"""What an implicit check is: a small object with an id, a default severity, a
description and a ``run`` that finds its problems in one report's facts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property

from factlint.engine.mentions import MentionProblem, mention_problems
from factlint.engine.quotes import FoldedText, QuoteProblem, quote_problems
from factlint.model import Fact, FactSet, Mention, Rounding, Severity
from factlint.records import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing a check found wrong with one fact's mentions."""

    check: str
    message: str
    mentions: tuple[Mention, ...]
    fact: Fact


class Context:
    """One report, as the checks read it; what several checks need is computed once."""

    def __init__(self, facts: FactSet, rounding: Rounding) -> None:
        self.facts = facts
        self.rounding = rounding

    @cached_property
    def mention_problems(self) -> tuple[tuple[Fact, tuple[MentionProblem, ...]], ...]:
        """The mentions of every fact printed more than once compared, once for the
        three checks on mentions."""
        compared = []
        for fact in self.facts.repeated.values():
            found = tuple(mention_problems(fact, self.rounding))
            if found:
                compared.append((fact, found))
        return tuple(compared)

    @cached_property
    def quote_problems(self) -> tuple[QuoteProblem, ...]:
        """Every mention's quote looked up in the source text, once for both quote
        checks; none when the report names no source text."""
        text = self.facts.report.source_text
        if text is None:
            return ()
        return tuple(quote_problems(self.facts, FoldedText.of(text)))


@dataclass(frozen=True)
class ImplicitCheck:
    """A check that runs with no rule written.

    ``breaks_facts``: a fact it finds a problem with has no one value, so rules naming it
    cannot be checked."""

    id: str
    severity: Severity
    """The default; the configuration may set another."""
    doc: str
    """What the check holds, in one sentence."""
    run: Callable[[Context], Iterable[Problem]]
    breaks_facts: bool = False


def place(mention: Mention) -> str:
    """Where a mention is printed, for a message."""
    return mention.section or "one place"


def mention_check(check_id: str) -> Callable[[Context], Iterable[Problem]]:
    """The run of a check on mentions: the problems of the shared comparison that are its
    own, fact by fact."""

    def run(context: Context) -> Iterable[Problem]:
        for fact, found in context.mention_problems:
            for problem in found:
                if problem.check == check_id:
                    yield Problem(check_id, problem.message, problem.mentions, fact)

    return run


def quote_check(check_id: str) -> Callable[[Context], Iterable[Problem]]:
    """The run of a check on quotes: the problems of the shared lookup that are its own."""

    def run(context: Context) -> Iterable[Problem]:
        for found in context.quote_problems:
            if found.check == check_id:
                yield Problem(check_id, found.message, (found.mention,), found.fact)

    return run
