"""More wordings of a share for ``detectors/english_shares.py``: the share in dashes or in
brackets a few words after its part ("1,015 – 33.8 per cent –", "640 of them in cash
(40%)"), a part and whole an "of" joins before the share ("87 out of 620 …, a rate of 14
per cent"), a whole said before ("Of these, …", "… of them", "That is 23 per cent of the
…"), and the labels' growth and share cues read as whole words ("pupils" holds no "up").
Sentences written for these tests; a slip is an asserted error, what the words leave in
doubt binds nothing."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def shares(text: str) -> list[tuple[str, str]]:
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.is_asserted and r.kind == "share"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dashes around the share
        ("Of 800 claims, 200 – 25 per cent – were paid late.", [(HOLDS, "25 per cent")]),
        ("Of 800 claims, 200 – 20 per cent – were paid late.", [(MISMATCH, "20 per cent")]),
        ("Of £6.0m raised, £1.5m - 25% - came online.", [(HOLDS, "25%")]),
        ("Of £6.0m raised, £1.5m - 30% - came online.", [(MISMATCH, "30%")]),
        # brackets a few words after the part
        ("Sales came to 1,600 units, 640 of them in cash (40%).", [(HOLDS, "40%")]),
        ("Sales came to 1,600 units, 640 of them in cash (45%).", [(MISMATCH, "45%")]),
        # a part and whole joined by "of", the share after
        ("Only 45 out of 300 bids won, a rate of 15 per cent.", [(HOLDS, "15 per cent")]),
        ("Only 45 out of 300 bids won, a rate of 18 per cent.", [(MISMATCH, "18 per cent")]),
        ("In all, 330 of the 1,100 stalls – 30% – sell food.", [(HOLDS, "30%")]),
        ("In all, 330 of the 1,100 stalls – 33% – sell food.", [(MISMATCH, "33%")]),
        ("Some 90 of the 600 buses, or 15%, run on gas.", [(HOLDS, "15%")]),
        ("Some 90 of the 600 buses, or 18%, run on gas.", [(MISMATCH, "18%")]),
        # the share of the whole its "of" names, then the part
        ("Some 15% of the 600 buses, or 90 in all, run on gas.", [(HOLDS, "15%")]),
        ("Some 18% of the 600 buses, or 90 in all, run on gas.", [(MISMATCH, "18%")]),
        (
            "Only 20 per cent of the city's 4,000 taxis – 800 cabs – are electric.",
            [(HOLDS, "20 per cent")],
        ),
        (
            "Only 25 per cent of the city's 4,000 taxis – 800 cabs – are electric.",
            [(MISMATCH, "25 per cent")],
        ),
        # the share in brackets or dashes before its "of"
        ("Almost a fifth (19%) of the 700 pupils, 133 in all, walk.", [(HOLDS, "19%")]),
        ("Almost a fifth (21%) of the 700 pupils, 133 in all, walk.", [(MISMATCH, "21%")]),
        # the part and whole in brackets after the share; "P of which (Y)"
        ("Vans made up 40% of the fleet (120 out of 300).", [(HOLDS, "40%")]),
        ("Vans made up 45% of the fleet (120 out of 300).", [(MISMATCH, "45%")]),
        ("The firm has 300 vehicles, 40% of which (120) are vans.", [(HOLDS, "40%")]),
        ("The firm has 300 vehicles, 45% of which (120) are vans.", [(MISMATCH, "45%")]),
        # a whole said before
        ("The club has 2,400 members. Of these, 600 – or 25% – are juniors.", [(HOLDS, "25%")]),
        ("The club has 2,400 members. Of these, 600 – or 20% – are juniors.", [(MISMATCH, "20%")]),
        ("The depot holds 750 vans.\nOf them, 150 (20%) are electric.", [(HOLDS, "20%")]),
        ("The depot holds 750 vans.\nOf them, 150 (25%) are electric.", [(MISMATCH, "25%")]),
        (
            "In all, 1,250 homes lack broadband. That is 5 per cent of the 25,000 in the county.",
            [(HOLDS, "5 per cent")],
        ),
        (
            "In all, 1,250 homes lack broadband. That is 8 per cent of the 25,000 in the county.",
            [(MISMATCH, "8 per cent")],
        ),
    ],
)
def test_share_wordings(text: str, expected: list[tuple[str, str]]) -> None:
    assert shares(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # two quantities in the sentence before: "these" is in doubt
        "The club has 2,400 members and 300 staff. Of these, 600 – or 20% – are juniors.",
        # the share of another year
        "In 2019, 240 of the 800 schools were good; by 2024 the share had risen to 45%.",
    ],
)
def test_what_the_words_leave_in_doubt_binds_nothing(text: str) -> None:
    assert [s for s in shares(text) if s[0] != HOLDS] == []


def test_a_word_holding_up_is_no_growth_cue() -> None:
    """71% after "pupils" is a share, not a growth ("up" inside "pupils")."""
    facts = {f.mentions[0].text: f.kind for f in extract_text("Of the pupils, 71% walk.").facts}
    assert facts["71%"] != "growth"
