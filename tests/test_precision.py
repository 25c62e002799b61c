"""Past the bounded precision: the fast path and the general path never disagree, and a
claim whose verdict lies past the last of 60 digits is "cannot check" (issue 12)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factlint.engine.checking import check_sets
from factlint.loading.facts_yaml import facts_from_dict
from factlint.loading.rules_yaml import rules_from_dict
from factlint.model import CheckOptions
from factlint.numbers.intervals import Interval, directed_rounding

BIG = "1" + "0" * 37  # 1e37
TINY = "0." + "0" * 28 + "1"  # 1e-29
SIXTY_THREES = "0." + "3" * 59


def both_paths(facts: dict[str, str], check: str, mode: str) -> list[list[tuple[str, str | None]]]:
    fact_set = facts_from_dict(
        {"report": {"id": "t"}, "facts": {k: {"value": v} for k, v in facts.items()}}
    )
    rules = list(rules_from_dict([{"id": "r", "check": check}]).rules)
    return [
        [
            (f.status, f.reason)
            for f in check_sets(
                fact_set, rules, CheckOptions(rounding=mode, fast_path=fast)
            ).findings  # type: ignore[arg-type]
        ]
        for fast in (True, False)
    ]


@pytest.mark.parametrize(
    ("facts", "check", "mode", "expected"),
    [
        # Added exactly (up to 240 digits) on both paths: 1e37 + 1e-29 is not 1e37.
        ({"a": BIG, "b": TINY, "c": BIG}, "a + b == c", "exact", ["inconsistent"]),
        ({"a": BIG, "b": TINY, "c": BIG}, "a + b > c", "exact", []),
        ({"a": BIG, "b": TINY, "c": BIG}, "a * c + b == c * a", "exact", ["inconsistent"]),
        # 1/3 is not a 59-digit decimal, however close.
        ({"a": "1", "b": "3", "c": SIXTY_THREES}, "c == a / b", "exact", ["inconsistent"]),
        ({"a": "1", "b": "3", "c": "0.333"}, "c == a / b", "nearest", []),
        # (1/3)·3 is 1, but only past the 60th digit of 1/3: cannot check, on both paths.
        ({"a": "1", "b": "3", "c": "1"}, "a / b * b == c", "exact", ["cannot-check"]),
        ({"a": "1", "b": "3", "c": "1"}, "a / b * b <= c", "exact", ["cannot-check"]),
        ({"a": "1", "b": "3", "c": "1"}, "a / b * b < 1.01", "exact", []),
        # Both sides narrower than a digit: an order holds when every pair of ends does; a
        # tie between them lies past the digits.
        ({"a": "1项", "b": "3项", "c": "1项"}, "a / b <= c + c / b", "nearest", []),
        ({"a": "1项", "b": "3项", "c": "1项"}, "a / b == c / b", "nearest", ["cannot-check"]),
        # 39/51 is a point no decimal prints: every value of its outward interval is inside.
        ({"a": "39项", "b": "51项", "c": "76.5%"}, "c == a / b", "nearest", []),
    ],
)
def test_the_two_paths_agree_past_60_digits(
    facts: dict[str, str], check: str, mode: str, expected: list[str]
) -> None:
    fast, general = both_paths(facts, check, mode)
    assert fast == general
    assert [status for status, _ in general] == expected
    for status, reason in general:
        if status == "cannot-check":
            assert reason is not None and "past the 60 significant digits" in reason


def test_inward_rounding_stays_inside_and_reports_rounding() -> None:
    third = Interval.point(Decimal(1)) / Interval.point(Decimal(3))
    with directed_rounding() as rounded:
        assert not rounded()
        Interval.point(Decimal(1)) + Interval.point(Decimal(2))
        assert not rounded()  # exact
        Interval.point(Decimal(1)) / Interval.point(Decimal(3))
        assert rounded()
    with directed_rounding(inward=True):
        wide = Interval(Decimal(1), Decimal(2)) / Interval.point(Decimal(3))
        with pytest.raises(ValueError, match="empty"):
            Interval.point(Decimal(1)) / Interval.point(Decimal(3))
    assert third.lo is not None and wide.lo is not None and wide.lo > third.lo
