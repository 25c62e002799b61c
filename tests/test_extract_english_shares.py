"""A percent beside its count, of a whole the words name (``detectors/english_shares.py``):
the pair in either order ("92 people, or 45 per cent"; "45 per cent said yes (92
people)"), the whole after an "of", before it in an "Of the …," or the sample a survey
names. Sentences written for these tests (polls, council answers, elections)."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, OFF_BY_ONE, discover
from factlint.extract.pipeline import extract_text


def shares(text: str) -> list[tuple[str, str]]:
    """(status, stated figure) of each asserted share."""
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.is_asserted and r.kind == "share"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We asked 204 adults. Some 45 per cent said yes (92 people).", [(HOLDS, "45 per cent")]),
        (
            "We asked 204 adults. Some 48 per cent said yes (92 people).",
            [(MISMATCH, "48 per cent")],
        ),
        ("92 people, or 45 per cent, of the 204 asked said yes.", [(HOLDS, "45 per cent")]),
        ("92 people, or 48 per cent, of the 204 asked said yes.", [(MISMATCH, "48 per cent")]),
        ("Of the 1,020 voters polled, 52.2% (512) backed the plan.", [(MISMATCH, "52.2%")]),
        ("Of the 1,020 voters polled, 50.2% (512) backed the plan.", [(HOLDS, "50.2%")]),
        (
            "A survey of 1,020 voters found 512, or 52.2%, backed the plan.",
            [(MISMATCH, "52.2%")],
        ),
        ("1,020 tenants were surveyed in March; 612 (60%) were satisfied.", [(HOLDS, "60%")]),
        ("1,020 tenants were surveyed in March; 612 (62%) were satisfied.", [(MISMATCH, "62%")]),
        ("Of 88 councils, 40 (47%) raised council tax by the maximum.", [(OFF_BY_ONE, "47%")]),
        ("Turnout was 36.1% (21,340 votes) of an electorate of 62,590.", [(MISMATCH, "36.1%")]),
        ("Turnout was 34.1% (21,340 votes) of an electorate of 62,590.", [(HOLDS, "34.1%")]),
    ],
)
def test_a_share_and_its_count_of_a_named_whole(text: str, expected: list[tuple[str, str]]) -> None:
    assert shares(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a share of a group inside the sample, not of the sample
        "We polled 1,000 adults. Among women, 45% (230) said yes.",
        # two samples: which one?
        "We asked 204 adults in Leeds and polled 310 in York. Some 48 per cent said yes (92).",
        # no whole is named: the rate of a count is over a population not printed
        "Unemployment rose to 1,200 (3.9%) last month.",
        # a growth in brackets is no share
        "Sales rose 12% (£5m) to £46m.",
        # another share stands between the whole and the pair
        "Of the 1,020 voters polled, 30% were undecided and 512 (62%) backed the plan.",
    ],
)
def test_near_misses_bind_no_failing_share(text: str) -> None:
    assert [s for s in shares(text) if s[0] != HOLDS] == []
