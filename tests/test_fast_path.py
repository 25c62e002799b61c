"""The fast path decides exactly as the general evaluation does.

Its promise (``factlint.engine.fast_path``): a claim it finds holding holds in the general
evaluation too, and for figures of ordinary size, whose arithmetic is exact in 60
digits, it reaches the general verdict itself. Everything else falls back, so the
report is the same with or without it.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlint
from factlint.engine import fast_path
from factlint.engine.checking import check_sets
from factlint.engine.compiled import compile_rules, nearest_intervals
from factlint.engine.evaluation import CannotCheck, decide, evaluate
from factlint.engine.fast_path import compile_claim
from factlint.engine.fast_programs import FactIntervals, Unusual
from factlint.model import CheckOptions, Fact
from factlint.numbers.figures import Figure, parse_constant, parse_figure
from factlint.numbers.intervals import DivisionByZeroInterval, Interval, closed_quotient
from factlint.numbers.quantities import NeedsTolerance, Quantity, interval_of, unit_of
from factlint.rules.expression_parser import parse_check
from factlint.rules.expressions import Name, Node, Number, names_in

D = Decimal
ULP = D("1E-58")
ROOT = Path(__file__).resolve().parent.parent

# A coarse grid of small values, so ends often touch (the boundary cases), and now and
# then wide values.
grid = st.integers(min_value=-40, max_value=400).map(lambda n: D(n) / 20)
numbers = st.one_of(grid, grid, st.decimals(min_value=D(-9999), max_value=D(99999), places=2))
units = st.sampled_from(["亿元", "万元", "元", "%", "项", ""])
qualifiers = st.sampled_from(["", "", "", "", "超", "约", "不到"])
modes = st.sampled_from(["nearest", "nearest", "exact", "truncate"])
CLAIMS = [
    "t == a + b - c",
    "t == a + b + c",
    "s == a / b",
    "g == a / b - 1",
    "a <= b",
    "a < b",
    "a > b",
    "a >= b",
    "a != b",
    "a == b",
    "a * b == t",
    "-a + b == t",
    "(a + b) / c == s",
    "a - (b - c) == t",
    "s == a / b * 100%",
    "a / b == 76.5%",
    "t == a + 1",
    "s == (a - b) / c + 1",
    "a / (b + c) >= s",
    "a / b < s",
    "s <= a / b",
    "g > a / b - 1",
    "-a + b - c <= t",
]


@st.composite
def printed_figures(draw: st.DrawFn) -> Figure:
    number = draw(numbers)
    places = draw(st.integers(min_value=0, max_value=2))
    text = f"{number.quantize(D(1).scaleb(-places)):f}"
    qualifier = draw(qualifiers)
    return parse_figure(f"{qualifier}{text}{draw(units)}")


def general_verdict(claim_text: str, figures: dict[str, Figure], mode: str) -> bool | None:
    """What ``checking`` decides, through ``evaluate`` and ``decide``; None: cannot check."""
    claim = parse_check(claim_text)

    def resolve(node: Node) -> Quantity:
        if isinstance(node, Number):
            figure = parse_constant(node.text)
            return Quantity(Interval.point(figure.base), unit_of(figure))
        assert isinstance(node, Name)
        figure = figures[node.name]
        return Quantity(interval_of(figure, mode), unit_of(figure))

    try:
        return decide(claim, evaluate(claim.left, resolve), evaluate(claim.right, resolve))
    except (CannotCheck, NeedsTolerance):
        return None


def lookup_in(figures: dict[str, Figure], mode: str) -> FactIntervals:
    facts = {name: Fact(name, figure, ()) for name, figure in figures.items()}
    return FactIntervals(facts, mode, broken=())


def fast_verdict(claim_text: str, figures: dict[str, Figure], mode: str) -> bool | None:
    program = compile_claim(parse_check(claim_text))
    assert program is not None, claim_text
    return program.holds(lookup_in(figures, mode))


@settings(max_examples=600, deadline=None)
@given(
    st.sampled_from(CLAIMS),
    st.fixed_dictionaries({name: printed_figures() for name in ("a", "b", "c", "s", "g", "t")}),
    modes,
)
def test_the_fast_verdict_is_the_general_one(
    claim: str, figures: dict[str, Figure], mode: str
) -> None:
    fast = fast_verdict(claim, figures, mode)
    general = general_verdict(claim, figures, mode)
    if fast is True:
        assert general is True
    used = names_in(parse_check(claim))
    plain = not any(figures[name].qualifier for name in used) and mode != "truncate"
    if plain and general is not None:
        # Ordinary figures: the fast path decides, and the same way; a claim it finds to
        # hold through a quotient (other than a share's or a growth rate's) it leaves to
        # the general path, which checks that the quotient's last digit did not decide it.
        texts = {k: f.text for k, f in figures.items()}
        assert fast == general or (fast is None and general and "/" in claim), (claim, texts, mode)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(CLAIMS),
    st.fixed_dictionaries({name: printed_figures() for name in ("a", "b", "c", "s", "g", "t")}),
    st.sampled_from(["nearest", "exact"]),
)
def test_each_side_is_the_general_interval_for_ordinary_figures(
    claim_text: str, figures: dict[str, Figure], mode: str
) -> None:
    plain = {k: parse_figure(f.text.removeprefix(f.qualifier_text)) for k, f in figures.items()}
    claim = parse_check(claim_text)
    lookup = lookup_in(plain, mode)

    def resolve(node: Node) -> Quantity:
        figure = parse_constant(node.text) if isinstance(node, Number) else plain[node.name]
        if isinstance(node, Number):
            return Quantity(Interval.point(figure.base), unit_of(figure))
        return Quantity(interval_of(figure, mode), unit_of(figure))

    for node in (claim.left, claim.right):
        try:
            general = evaluate(node, resolve)
        except CannotCheck:
            continue
        side = fast_path._compile(node, 0)  # the tree behind claims of no special shape
        assert side is not None
        lo, hi, unit = side.ends(lookup)
        wide = general.interval
        assert unit == general.unit
        assert wide.lo is not None and wide.hi is not None
        # Inside the general interval; the same, or exact where that one rounded outwards
        # at its 60th digit (a quotient, then adding a constant).
        assert wide.lo <= lo <= hi <= wide.hi
        assert lo - wide.lo <= ULP * abs(wide.lo) and wide.hi - hi <= ULP * abs(wide.hi)
        if not any(op in claim_text for op in "*/"):
            assert (lo, hi) == (wide.lo, wide.hi)  # sums of printed figures are exact


@pytest.mark.parametrize(
    ("figure", "mode"),
    [("超30%", "nearest"), ("约5亿元", "nearest"), ("3.5亿元", "truncate"), ("1-2亿元", "exact")],
)
def test_qualified_and_half_open_figures_are_left_to_the_general_path(
    figure: str, mode: str
) -> None:
    assert interval_of(parse_figure(figure), mode, centred=True) is None


@pytest.mark.parametrize(
    ("claim", "a", "b", "verdict"),
    [
        ("a == b", "1.5", "1.6", True),  # [1.45, 1.55] and [1.55, 1.65] touch
        ("a == b", "1.5", "1.7", False),
        ("a < b", "1.6", "1.5", False),  # 1.55 < 1.55 cannot be
        ("a <= b", "1.6", "1.5", True),
        ("a > b", "1.5", "1.6", False),
        ("a >= b", "1.5", "1.6", True),
        ("a != b", "2", "2.0", True),
    ],
)
def test_touching_ends(claim: str, a: str, b: str, verdict: bool) -> None:
    figures = {"a": parse_figure(a), "b": parse_figure(b)}
    assert fast_verdict(claim, figures, "nearest") is verdict
    assert general_verdict(claim, figures, "nearest") is verdict


@pytest.mark.parametrize(("a", "b", "verdict"), [("2", "2", False), ("2", "3", True)])
def test_only_two_equal_exact_points_break_inequality(a: str, b: str, verdict: bool) -> None:
    figures = {"a": parse_figure(a), "b": parse_figure(b)}
    assert fast_verdict("a != b", figures, "exact") is verdict
    assert general_verdict("a != b", figures, "exact") is verdict


@pytest.mark.parametrize(
    ("claim", "program"),
    [
        ("total == a + b + c", "SumsProgram"),  # sum
        ("a <= b", "SumsProgram"),  # compare, equal
        ("a + b - c == d", "SumsProgram"),
        ("share == part / whole", "RatioProgram"),  # share
        ("rate == current / previous - 1", "RatioProgram"),  # growth
        ("(a + b) / w == s", "RatioProgram"),
        ("t == a + 1", "SidesProgram"),
        ("a * b == c", "SidesProgram"),
    ],
)
def test_the_usual_shapes_get_programs_of_their_own(claim: str, program: str) -> None:
    assert type(compile_claim(parse_check(claim))).__name__ == program


def test_function_calls_and_very_deep_expressions_are_left_to_the_general_path() -> None:
    assert compile_claim(parse_check("max(a, b) == c")) is None
    deep = "a" + "".join(" * (b" for _ in range(60)) + ")" * 60 + " == c"
    assert compile_claim(parse_check(deep)) is None
    assert compile_claim(parse_check("a + b + c + d + e + f + g == t")) is not None


def test_mixed_units_and_a_divisor_around_zero_fall_back() -> None:
    figures = {"a": parse_figure("5亿元"), "b": parse_figure("3项"), "c": parse_figure("0")}
    assert fast_verdict("a == b", figures, "nearest") is None
    assert fast_verdict("a / c == b", figures, "nearest") is None


finite = st.decimals(min_value=D(-1000), max_value=D(1000), places=3)


@given(finite, finite, finite, finite)
def test_closed_quotient_is_the_extremes_of_the_four_rounded_quotients(
    a: Decimal, b: Decimal, c: Decimal, d: Decimal
) -> None:
    lo, hi = min(a, b), max(a, b)
    d_lo, d_hi = min(c, d), max(c, d)
    if d_lo <= 0 <= d_hi:
        with pytest.raises(DivisionByZeroInterval):
            closed_quotient(lo, hi, d_lo, d_hi)
        return
    down = Context(prec=60, rounding=ROUND_FLOOR)
    up = Context(prec=60, rounding=ROUND_CEILING)
    pairs = [(x, y) for x in (lo, hi) for y in (d_lo, d_hi)]
    expected = (min(down.divide(x, y) for x, y in pairs), max(up.divide(x, y) for x, y in pairs))
    assert closed_quotient(lo, hi, d_lo, d_hi) == expected


def test_the_first_report_reads_the_same_without_the_fast_path() -> None:
    facts = factlint.load_facts(ROOT / "facts" / "jinzhong-2020.facts.yaml")
    rules = factlint.load_rules(ROOT / "rules" / "jinzhong-2020.rules.yaml")
    assert all(programs is not None for programs in compile_rules(rules.rules).programs)
    assert all(
        programs is None for programs in compile_rules(rules.rules, fast_path=False).programs
    )
    fast = check_sets(facts, rules.rules)
    slow = check_sets(facts, rules.rules, CheckOptions(fast_path=False))
    assert fast == slow
    assert len(fast.findings) == 4


def test_compiled_rules_keep_their_programs_through_pickling() -> None:
    import pickle

    rules = factlint.load_rules(ROOT / "rules" / "jinzhong-2020.rules.yaml")
    compiled = compile_rules(rules.rules)
    again = pickle.loads(pickle.dumps(compiled))
    assert again == compiled
    assert again.programs == compiled.programs
    assert compile_rules(rules.rules).programs is not compiled.programs  # a new tuple ...
    assert all(  # ... of the programs compiled once per rule
        a is b for a, b in zip(compile_rules(rules.rules).programs, compiled.programs, strict=True)
    )


@pytest.mark.parametrize("claim", CLAIMS)
def test_a_program_keeps_the_fact_ids_in_the_order_written(claim: str) -> None:
    program = compile_claim(parse_check(claim))
    assert program is not None
    if program.fact_ids is not None:
        assert list(dict.fromkeys(program.fact_ids)) == names_in(parse_check(claim))


def test_the_facts_own_intervals_are_read_less_the_broken_and_left_as_they_are() -> None:
    facts = factlint.facts_from_dict(
        {
            "report": {"id": "r"},
            "facts": {
                "a": {"value": "1.5亿元"},
                "b": {"value": "超2亿元"},
                "c": {"value": "3亿元"},
            },
        }
    )
    nearest = nearest_intervals(facts)
    assert set(nearest) == {"a", "c"}  # 超: a bound, not a closed interval
    assert nearest_intervals(facts) is nearest  # made once per fact set
    lookup = FactIntervals(facts.facts, "nearest", broken={"c"}, nearest=nearest)
    assert lookup("a") == nearest["a"]
    for fact_id in ("b", "c"):
        with pytest.raises(Unusual):
            lookup(fact_id)
    assert set(nearest) == {"a", "c"}
    truncated = FactIntervals(facts.facts, "truncate", broken=(), nearest=nearest)
    with pytest.raises(Unusual):
        truncated("a")  # half-open: the general path


@settings(max_examples=300, deadline=None)
@given(
    number=numbers,
    unit=units,
    qualifier=qualifiers,
    decimals=st.one_of(st.none(), st.integers(min_value=-12, max_value=12)),
    exact=st.booleans(),
    tolerance=st.sampled_from([None, None, None, "1%"]),
)
def test_the_index_of_intervals_is_interval_of_centred(
    number: Decimal,
    unit: str,
    qualifier: str,
    decimals: int | None,
    exact: bool,
    tolerance: str | None,
) -> None:
    """``nearest_intervals`` reads the common cases inline (printed places or declared
    decimals): each entry is what ``interval_of(..., centred=True)`` gives, and a fact is
    left out exactly where that is None or the fact has a tolerance of its own."""
    fields: dict[str, object] = {"value": f"{qualifier}{number}{unit}"}
    if decimals is not None:
        fields["decimals"] = decimals
    if exact:
        fields["exact"] = True
    if tolerance is not None:
        fields["tolerance"] = tolerance
    facts = factlint.facts_from_dict({"report": {"id": "r"}, "facts": {"a": fields}})
    fact = facts.facts["a"]
    expected = interval_of(
        fact.figure, "nearest", decimals=fact.decimals, exact=fact.exact, centred=True
    )
    if fact.tolerance is not None:
        expected = None
    assert nearest_intervals(facts).get("a") == expected
