"""Parts and totals stated in English (``detectors/english_remainders.py``,
``english_breakdowns.py``, ``stated_totals.py``): "the remaining …"/"the rest, …" closing a
list whose whole is 100%, an "Of the …," or the one quantity of the sentence before; a list
after a colon or a dash only bounds its whole (it may list some parts); "split between A
(x) and B (y)"; "included"; "made up of … of"; "A (x) and B (y) brought total … to".
Sentences written for these tests; a slip is an asserted error, overlapping categories
bind nothing."""

from __future__ import annotations

import pytest

from factlint.extract.discover import EXCEEDS, HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def sums(text: str) -> list[tuple[str, str, str]]:
    return sorted(
        (r.kind, r.status, r.stated)
        for r in discover(extract_text(text))
        if r.is_asserted and r.kind in ("sum", "within")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Of the 900 flats, 350 are rented; the remaining 550 are owned.", [("sum", HOLDS, "900")]),
        (
            "Of the 900 flats, 350 are rented; the remaining 650 are owned.",
            [("sum", MISMATCH, "900")],
        ),
        ("About 70% of trips were by car and the rest, 30%, by bus.", []),  # "about": no sum
        ("Cars carried 70% of trips and the rest, 30%, went by bus.", [("sum", HOLDS, "30%")]),
        ("Cars carried 70% of trips and the rest, 35%, went by bus.", [("sum", MISMATCH, "35%")]),
        (
            "Rail took 55 per cent, road 35 per cent and the remainder, 10 per cent, went by sea.",
            [("sum", HOLDS, "10 per cent")],
        ),
        (
            "Rail took 55 per cent, road 35 per cent and the remainder, 15 per cent, went by sea.",
            [("sum", MISMATCH, "15 per cent")],
        ),
        (
            "The fund paid out $4.0m. Hospitals got $2.5m and the "
            "balance of $1.5m went to clinics.",
            [("sum", HOLDS, "$4.0m")],
        ),
        (
            "The fund paid out $4.0m. Hospitals got $2.5m and the "
            "balance of $1.9m went to clinics.",
            [("sum", MISMATCH, "$4.0m")],
        ),
    ],
)
def test_a_remainder_closes_its_whole(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [s for s in sums(text) if s[0] == "sum"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # two quantities of the unit in the sentence before: the whole is in doubt
        "The fund paid out $4.0m and kept $1.0m. Hospitals got $2.5m "
        "and the remaining $1.9m went to clinics.",
        # another year among the parts
        "Of the 900 flats, 350 were rented in 2020; the remaining 650 are owned.",
        # the list goes on without figures: the parts printed are not all of them
        "The 48 seats are split between Labour (29), the Greens (12) and others.",
        # overlapping categories with no remainder: no sum is said
        "Of the 120 staff, 70 work part-time and 60 are over 50.",
    ],
)
def test_a_whole_in_doubt_binds_no_sum(text: str) -> None:
    assert [s for s in sums(text) if s[1] != HOLDS] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list after a dash, like one after a colon, may name some parts: a bound
        (
            "Altogether 520 seats were sold – 300 in the stalls and 220 upstairs.",
            [("within", HOLDS, "300")],
        ),
        (
            "Altogether 520 seats were sold – 300 in the stalls and 240 upstairs.",
            [("within", EXCEEDS, "300")],
        ),
        ("The €90m fund is split between Lyon (€50m) and Nice (€40m).", [("sum", HOLDS, "€90m")]),
        (
            "The €90m fund is split between Lyon (€50m) and Nice (€30m).",
            [("sum", MISMATCH, "€90m")],
        ),
        (
            "Its 410 staff are made up of teachers numbering 300 and assistants numbering 110.",
            [("sum", HOLDS, "410")],
        ),
        (
            "The 95 fines issued included 60 for speeding and 50 for parking.",
            [("within", EXCEEDS, "60")],
        ),
        (
            "Total debt was £8.0bn. Of this, £5.0bn is owed to banks and £4.0bn to bondholders.",
            [("within", EXCEEDS, "£5.0bn")],
        ),
        (
            "Fees (£2.0m) and rents (£1.5m) brought total income to £3.5m.",
            [("sum", HOLDS, "£3.5m")],
        ),
        (
            "Fees (£2.0m) and rents (£1.5m) brought total income to £4.5m.",
            [("sum", MISMATCH, "£4.5m")],
        ),
        ("Pay (€4.0m) and rent (€1.0m) make up the €5.0m budget.", [("sum", HOLDS, "€5.0m")]),
        ("Pay (€4.0m) and rent (€2.0m) make up the €5.0m budget.", [("sum", MISMATCH, "€5.0m")]),
        ("Together, pay (€4.0m) and rent (€2.0m) account for €5.0m.", [("sum", MISMATCH, "€5.0m")]),
        (
            "The €5.0m budget breaks down as €4.0m for pay and €2.0m for rent.",
            [("sum", MISMATCH, "€5.0m")],
        ),
    ],
)
def test_breakdowns_and_totals(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert sums(text) == expected
