"""The two promises of rounding-aware checking, as hypothesis properties.

1. Soundness: when the true values satisfy a relation and every figure is a correct
   rounding of its true value (in the mode being checked), factlint never flags it.
2. Sensitivity: a printed figure further off than every interval allows is always flagged.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext

from hypothesis import given, settings
from hypothesis import strategies as st

import factlint

D = Decimal
PRECISE = Context(prec=80)

true_values = st.decimals(min_value=D("0.001"), max_value=D(10**6), places=6, allow_nan=False)
places = st.integers(min_value=0, max_value=3)
modes = st.sampled_from(["nearest", "truncate", "exact"])
# Nearest rounding may break ties either way; both are correct printings.
nearest_ties = st.sampled_from([ROUND_HALF_UP, ROUND_HALF_EVEN])


def printed(value: Decimal, digits: int, mode: str, tie: str) -> str:
    if mode == "exact":
        return f"{value.normalize():f}"
    rounding = ROUND_DOWN if mode == "truncate" else tie
    return f"{value.quantize(D(1).scaleb(-digits), rounding=rounding):f}"


def run(facts: dict[str, str], rule: dict[str, object], mode: str) -> factlint.CheckResult:
    document = {
        "report": {"id": "property"},
        "facts": {name: {"value": value} for name, value in facts.items()},
    }
    return factlint.check(document, [{"id": "claim", **rule}], rounding=mode)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(true_values, min_size=2, max_size=6),
    st.lists(places, min_size=7, max_size=7),
    modes,
    nearest_ties,
)
def test_a_true_sum_is_never_flagged(
    parts: list[Decimal], digits: list[int], mode: str, tie: str
) -> None:
    with localcontext(PRECISE):
        total = sum(parts, D(0))
    facts = {f"p{i}": printed(v, digits[i], mode, tie) + "亿元" for i, v in enumerate(parts)}
    facts["total"] = printed(total, digits[-1], mode, tie) + "亿元"
    rule = {"sum": {"parts": [f"p{i}" for i in range(len(parts))], "total": "total"}}
    assert run(facts, rule, mode).findings == ()


def never_inconsistent(report: factlint.CheckResult) -> bool:
    """No claim flagged; "cannot check" is allowed (a divisor printed as 0 spans zero)."""
    return all(f.status == "cannot-check" for f in report.findings)


@settings(max_examples=300, deadline=None)
@given(true_values, true_values, places, places, places, modes, nearest_ties)
def test_a_true_share_is_never_flagged(
    part: Decimal, whole: Decimal, dp: int, dw: int, ds: int, mode: str, tie: str
) -> None:
    if mode == "exact":
        # An exact share needs an exactly representable quotient: build one.
        whole = part * 8
    with localcontext(PRECISE):
        share = part / whole * 100
    facts = {
        "part": printed(part, dp, mode, tie) + "万元",
        "whole": printed(whole, dw, mode, tie) + "万元",
        "share": printed(share, ds, mode, tie) + "%",
    }
    rule = {"share": {"part": "part", "whole": "whole", "is": "share"}}
    assert never_inconsistent(run(facts, rule, mode))


@settings(max_examples=200, deadline=None)
@given(true_values, true_values, places, places, places, modes, nearest_ties)
def test_a_true_growth_rate_is_never_flagged(
    previous: Decimal, current: Decimal, dp: int, dc: int, dr: int, mode: str, tie: str
) -> None:
    if mode == "exact":
        current = previous * D("1.125")  # an exactly representable rate of 12.5%
    with localcontext(PRECISE):
        rate = (current / previous - 1) * 100
    facts = {
        "previous": printed(previous, dp, mode, tie) + "亿元",
        "current": printed(current, dc, mode, tie) + "亿元",
        "rate": printed(rate, dr, mode, tie) + "%",
    }
    rule = {"growth": {"current": "current", "previous": "previous", "is": "rate"}}
    assert never_inconsistent(run(facts, rule, mode))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(true_values, min_size=2, max_size=6),
    places,
    st.integers(min_value=1, max_value=50),
    st.booleans(),
    st.sampled_from(["nearest", "truncate"]),
)
def test_a_total_off_by_more_than_the_intervals_allow_is_flagged(
    parts: list[Decimal], digits: int, extra_units: int, upwards: bool, mode: str
) -> None:
    unit = D(1).scaleb(-digits)
    shown = [D(printed(v, digits, mode, ROUND_HALF_UP)) for v in parts]
    with localcontext(PRECISE):
        # Every interval together spans less than (parts + 1) units; step past that.
        slack = unit * (len(parts) + 1 + extra_units)
        total = sum(shown, D(0)) + (slack if upwards else -slack)
    facts = {f"p{i}": f"{v:f}亿元" for i, v in enumerate(shown)}
    facts["total"] = f"{total:f}亿元"
    rule = {"sum": {"parts": [f"p{i}" for i in range(len(parts))], "total": "total"}}
    statuses = [f.status for f in run(facts, rule, mode).findings]
    assert statuses == ["inconsistent"]


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 10**4),
    st.integers(1, 10**4),
    st.integers(1, 2),
    st.integers(2, 40),
    st.booleans(),
)
def test_a_share_off_by_more_than_its_interval_is_flagged(
    part: int, whole: int, digits: int, off: int, upwards: bool
) -> None:
    if part > whole:
        part, whole = whole, part
    with localcontext(PRECISE):
        share = D(part) / D(whole) * 100
    right = share.quantize(D(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    step = D(1).scaleb(-digits) * off
    wrong = right + step if upwards else right - step
    if wrong < 0:
        return
    facts = {"part": f"{part}项", "whole": f"{whole}项", "share": f"{wrong:f}%"}
    rule = {"share": {"part": "part", "whole": "whole", "is": "share"}}
    findings = run(facts, rule, "nearest").findings
    assert [f.status for f in findings] == ["inconsistent"]
    assert findings[0].suggestion == f"{right:f}%"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(true_values, min_size=1, max_size=7),
    st.lists(places, min_size=7, max_size=7),
    true_values,
    st.sampled_from(["<", "<=", ">", ">=", "=="]),
    modes,
    nearest_ties,
)
def test_a_true_count_is_never_flagged(
    values: list[Decimal], digits: list[int], bound: Decimal, op: str, mode: str, tie: str
) -> None:
    """The count of true values meeting the condition, stated exactly, always passes."""
    if op == "==":
        bound = values[0]  # so that equality can happen at all
    bound_text = printed(bound, 2, "exact", tie)
    meets = {
        "<": lambda v: v < bound,
        "<=": lambda v: v <= bound,
        ">": lambda v: v > bound,
        ">=": lambda v: v >= bound,
        "==": lambda v: v == bound,
    }[op]
    facts = {f"v{i}": printed(v, digits[i], mode, tie) for i, v in enumerate(values)}
    facts["n"] = str(sum(1 for v in values if meets(v)))
    names = [f"v{i}" for i in range(len(values))]
    rule = {"count": {"of": names, "where": f"{op} {bound_text}", "is": "n"}}
    assert run(facts, rule, mode).findings == ()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(true_values, min_size=2, max_size=7),
    st.lists(places, min_size=7, max_size=7),
    st.sampled_from(["highest", "lowest"]),
    modes,
    nearest_ties,
)
def test_a_true_extreme_is_never_flagged(
    values: list[Decimal], digits: list[int], which: str, mode: str, tie: str
) -> None:
    """The item whose true value is the largest (smallest) can always be called so."""
    chosen = values.index(max(values) if which == "highest" else min(values))
    facts = {f"v{i}": printed(v, digits[i], mode, tie) + "%" for i, v in enumerate(values)}
    names = [f"v{i}" for i in range(len(values))]
    rule = {which: {"of": names, "is": names[chosen]}}
    assert run(facts, rule, mode).findings == ()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(true_values, min_size=2, max_size=6),
    st.sampled_from(["highest", "lowest"]),
)
def test_an_extreme_beaten_beyond_rounding_is_flagged(values: list[Decimal], which: str) -> None:
    """An item that another beats by more than both intervals' widths is flagged."""
    order = sorted(values, reverse=which == "highest")
    best, worst = order[0], order[-1]
    if abs(best - worst) <= 2:  # printed with no decimals: intervals 1 wide each
        return
    facts = {f"v{i}": printed(v, 0, "nearest", ROUND_HALF_UP) for i, v in enumerate(values)}
    names = [f"v{i}" for i in range(len(values))]
    rule = {which: {"of": names, "is": names[values.index(worst)]}}
    assert [f.status for f in run(facts, rule, "nearest").findings] == ["inconsistent"]
