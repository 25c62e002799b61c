"""The loaders' makers (``model.make_*``, ``figure_value.figure_of_class``) make exactly
what the constructors make: the same class, every slot equal (compared or not), frozen,
picklable, hashable alike."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import records
from factlint.extract.figures_in_text import Spot, make_spot
from factlint.extract.labels import Context, make_context
from factlint.extract.pipeline import Found, make_found
from factlint.loading.fact_makers import make_fact, make_fact_printed_once, make_fact_set
from factlint.model import (
    Fact,
    FactSet,
    Location,
    Mention,
    ReportInfo,
    make_location,
    make_mention,
)
from factlint.numbers.figure_value import Figure, figure_of_class
from factlint.numbers.figures import parse_figure
from factlint.rules.expressions import (
    Binary,
    Comparison,
    Name,
    make_binary,
    make_comparison,
    make_name,
)


def _assert_identical(made: object, expected: object) -> None:
    assert type(made) is type(expected)
    for name in type(expected).__slots__:  # type: ignore[attr-defined]
        got, want = getattr(made, name), getattr(expected, name)
        assert got == want, name
        assert type(got) is type(want), name
        if isinstance(want, Decimal):
            assert str(got) == str(want), name  # the exponent too
    assert made == expected
    try:
        assert hash(made) == hash(expected)
    except TypeError:  # a fact's aspects are a dict: no hash for either
        with pytest.raises(TypeError):
            hash(expected)
    assert repr(made) == repr(expected)
    first = type(expected).__slots__[0]  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, first, getattr(made, first))
    assert pickle.loads(pickle.dumps(made)) == expected


texts = st.text(max_size=8)
lines = st.none() | st.integers(min_value=1, max_value=10**9)
figures = st.sampled_from(["70.10万元", "7009900元", "76.5%", "51项", "1,234.5 million yuan"]).map(
    parse_figure
)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(path=texts, line=lines, column=lines)
def test_make_location_is_the_constructor(path: str, line: int | None, column: int | None) -> None:
    _assert_identical(make_location(path, line, column), Location(path, line, column))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(fact=texts, figure=figures, section=texts, quote=texts, line=lines)
def test_make_mention_is_the_constructor(
    fact: str, figure: Figure, section: str, quote: str, line: int | None
) -> None:
    at = Location("f.facts.jsonl", 3, 1)
    made = make_mention(fact, figure, section, quote, line, at)
    _assert_identical(made, Mention(fact, figure, section, quote, line, declared_at=at))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    fact_id=texts,
    figure=figures,
    label=texts,
    exact=st.booleans(),
    decimals=st.none() | st.integers(-20, 20),
    period=st.none() | texts,
    qualifier=st.none() | texts,
)
def test_make_fact_is_the_constructor(
    fact_id: str,
    figure: Figure,
    label: str,
    exact: bool,
    decimals: int | None,
    period: str | None,
    qualifier: str | None,
) -> None:
    at = Location("f.facts.yaml", 9, 3)
    mentions = (Mention(fact_id, figure, "body", "", 4, declared_at=at),)
    aspects = {} if period is None else {"period": period}
    if qualifier is None:
        made = make_fact(fact_id, figure, mentions, label, exact, decimals, aspects, at)
    else:
        made = make_fact(fact_id, figure, mentions, label, exact, decimals, aspects, at, qualifier)
    expected = Fact(
        fact_id,
        figure,
        mentions,
        label,
        exact,
        decimals,
        qualifier or "",
        aspects=aspects,
        declared_at=at,
    )
    _assert_identical(made, expected)
    assert made.aspects is aspects  # shared, as the loaders share the report's


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    fact_id=texts,
    figure=figures,
    label=texts,
    exact=st.booleans(),
    decimals=st.none() | st.integers(-20, 20),
    qualifier=texts,
    at=st.none() | st.just(Location("f.facts.jsonl", 9, 1)),
)
def test_a_fact_printed_once_is_the_constructor_with_its_one_mention(
    fact_id: str,
    figure: Figure,
    label: str,
    exact: bool,
    decimals: int | None,
    qualifier: str,
    at: Location | None,
) -> None:
    def made() -> Fact:
        return make_fact_printed_once(fact_id, figure, label, exact, decimals, {}, at, qualifier)

    mentions = (Mention(fact_id, figure, declared_at=at),)
    expected = Fact(fact_id, figure, mentions, label, exact, decimals, qualifier, declared_at=at)
    _assert_identical(made(), expected)
    # Whatever reads it first: the mention is made then, and kept.
    for first in (repr, pickle.dumps, lambda fact: replace(fact), lambda fact: fact == expected):
        fact = made()
        first(fact)
        assert fact.mentions == mentions and fact.mentions is fact.mentions
    fact = made()
    assert fact.mentions[0].declared_at is fact.declared_at
    assert fact.mentions is fact.mentions  # made once
    with pytest.raises(AttributeError, match="'Fact' object has no attribute 'mention'"):
        fact.mention  # noqa: B018  (any other missing name is missing)
    assert not hasattr(fact, "__html__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made().mentions = mentions  # type: ignore[misc]


def test_make_fact_set_is_the_constructor() -> None:
    figure = parse_figure("5元")
    at = Location("f.facts.jsonl", 2, 1)
    once = make_fact_printed_once("a", figure, "", False, None, {}, at)
    twice = make_fact("b", figure, (Mention("b", figure), Mention("b", figure)), "", False,
                      None, {}, at)  # fmt: skip
    facts = {"b": twice, "a": once}
    report = ReportInfo("r")
    made = make_fact_set(report, facts, "f.facts.jsonl", {"b": twice})
    expected = FactSet(report, facts, "f.facts.jsonl")
    assert made == expected and repr(made) == repr(expected) and type(made) is FactSet
    assert made.repeated == expected.repeated and made.facts is facts
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.path = None  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(made)) == expected


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    prototype=st.sampled_from(
        ["70.10万元", "7009900元", "0.5%", "12.34亿元", "51项", "1,234.5 million yuan", "-3.25"]
    ).map(parse_figure),
    number=st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
        lambda d: len(d.as_tuple().digits) <= 60 and abs(d.adjusted()) < 100
    ),
)
def test_figure_of_class_is_replace(prototype: Figure, number: Decimal) -> None:
    """Base and radius too, which ``replace`` recomputes in ``__post_init__``."""
    text = f"{number}x"
    made = figure_of_class(prototype, text, number)
    expected = replace(prototype, text=text, number=number)
    _assert_identical(made, expected)
    assert str(made.base) == str(expected.base)
    assert str(made.radius) == str(expected.radius)


def test_a_draft_has_the_slots_of_its_class() -> None:
    for cls in (Location, Mention, Fact, Figure, Name, Binary, Comparison):
        draft = records.draft_class(cls)
        assert draft.__slots__ == cls.__slots__  # type: ignore[attr-defined]
        assert draft.__bases__ == (object,)


def test_a_draft_is_only_for_slots_classes() -> None:
    @records.dataclass(frozen=True)
    class NoSlots:
        name: str

    with pytest.raises(TypeError, match="not a slots class"):
        records.draft_class(NoSlots)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    name=texts, other=texts, op=st.sampled_from(["+", "-", "==", "<="]), column=st.integers(0, 99)
)
def test_expression_makers_are_the_constructors(
    name: str, other: str, op: str, column: int
) -> None:
    left, right = Name(name, column), Name(other, 0)
    made_name = make_name(name, column)
    _assert_identical(made_name, left)
    pairs = [
        (make_binary(op, left, right, column), Binary(op, left, right, column)),
        (make_comparison(op, left, right, column), Comparison(op, left, right, column)),
    ]
    for made, expected in pairs:
        _assert_identical(made, expected)
        assert made == expected and hash(made) == hash(expected)
        assert repr(made) == repr(expected)
        assert pickle.loads(pickle.dumps(made)) == expected


spans = st.integers(0, 10**6)
pairs = st.tuples(spans, spans)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    start=spans,
    end=spans,
    figure=figures,
    text=texts,
    date_part=st.booleans(),
    value=texts,
    label=texts,
    kind=st.sampled_from(["amount", "count", "growth", "date"]),
    framing=texts,
    sentence=pairs,
    clause=pairs,
    subject=st.none() | spans,
    cell=st.none() | figures,
    unit=texts,
)
def test_extraction_makers_are_the_constructors(
    start: int,
    end: int,
    figure: Figure,
    text: str,
    date_part: bool,
    value: str,
    label: str,
    kind: str,
    framing: str,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    subject: int | None,
    cell: Figure | None,
    unit: str,
) -> None:
    """The extractor's spots, contexts and found figures (``figures_in_text.make_spot``,
    ``labels.make_context``, ``pipeline.make_found``)."""
    spot = make_spot(start, end, figure, text, date_part, value)
    _assert_identical(spot, Spot(start, end, figure, text, date_part, value))
    _assert_identical(make_spot(start, end, figure, text), Spot(start, end, figure, text))
    words = (label, kind, framing, text, value, sentence, clause, value)
    context = make_context(spot, *words, subject)
    _assert_identical(context, Context(spot, *words, subject))
    _assert_identical(make_context(spot, *words), Context(spot, *words))
    made = make_found(context, label, start, end, subject or 0, cell, unit)
    _assert_identical(made, Found(context, label, start, end, subject or 0, cell, unit))
    _assert_identical(make_found(context, label, 1, 2, 3), Found(context, label, 1, 2, 3))
