"""A gap to a level the words name instead of printing it beside the gap ("£600 below the
budget", "$250 over its budget"): ``detectors/english_named_levels.py`` reads the level and
the one amount printed earlier under that name as a difference, asserted. Sentences written
for these tests; a noun that names no amount, or several, binds nothing."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, discover
from factlint.extract.pipeline import extract_text


def differences(text: str) -> list[str]:
    return [
        r.status for r in discover(extract_text(text)) if r.is_asserted and r.kind == "difference"
    ]


@pytest.mark.parametrize(
    ("text", "right", "slip"),
    [
        (
            "The parish budget for 2025 is £20,000. The council set the precept at £19,400 – "
            "{} below the budget.",
            "£600",
            "£800",
        ),
        ("The club's budget was $5,000. It spent $5,250, {} over its budget.", "$250", "$350"),
        (
            "Members were asked for a subscription of £12,500 in 2024/25. They paid £11,900, "
            "{} short of the subscription.",
            "£600",
            "£500",
        ),
    ],
)
def test_a_gap_to_a_named_level(text: str, right: str, slip: str) -> None:
    assert differences(text.format(right)) == [HOLDS]
    failed = differences(text.format(slip))
    assert len(failed) == 1 and failed[0] != HOLDS


def test_a_gap_that_holds_only_through_rounding() -> None:
    # £2.5m - £2.1m is 0.4, but [2.45, 2.55] - [2.05, 2.15] reaches 0.3
    text = "The budget is £2.5m. Spending was £2.1m, £0.3m under the budget."
    assert differences(text) == [HOLDS]


@pytest.mark.parametrize(
    "text",
    [
        # two amounts carry the name: which one is meant is not said
        "The budget was £20,000 and the budget for roads £4,000. Spending of £19,400 – £800 "
        "below the budget.",
        # the name matches no amount printed before
        "Sales were £4m. Costs came to £3.2m, £900,000 below the forecast.",
        # a level of another kind of name ("the national average") binds nothing
        "The local rate is £410. Rents of £520 – £90 above the national average.",
        # the level compared with printed in the clause: not this reader's
        "It spent $5,250, $350 over its budget of $5,000 set in May.",
    ],
)
def test_names_that_bind_no_one_level(text: str) -> None:
    assert [s for s in differences(text) if s != HOLDS] == []
