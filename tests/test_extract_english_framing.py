"""The framing of an English figure (``extract/labels.py``): "expected" frames only the
figure it governs, and a target or a plan frames the amount or count it sets, which is then
exact (docs/design.md §3: a target is a single point). Sentences written for these tests."""

from __future__ import annotations

import pytest

from factlint.extract.figures_in_text import find_figures
from factlint.extract.labels import contexts
from factlint.extract.pipeline import extract_text
from factlint.extract.text import NormalText


def framings(source: str) -> list[tuple[str, str]]:
    text = NormalText.of(source)
    return [(c.spot.text, c.framing) for c in contexts(text, find_figures(text))]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # only the figure "expected" governs is a forecast
        ("Sales rose 5%, more than the 3% analysts expected.", [("5%", ""), ("3%", "expected")]),
        ("Turnover grew 7% where economists had expected 4%.", [("7%", ""), ("4%", "expected")]),
        ("Revenue is expected to reach $4.2 billion.", [("$4.2 billion", "expected")]),
        ("The board sees expected growth of 2.5% next year.", [("2.5%", "expected")]),
        ("The firm booked an expected 3% rise in costs.", [("3%", "expected")]),
        ("A 2% rise was expected by the market.", [("2%", "expected")]),
        (
            "Analysts had expected sales of $4m, but sales came in at $3.6m.",
            [("$4m", "expected"), ("$3.6m", "")],
        ),
        # "expected" that governs another word, or compares with the figure, frames nothing
        ("The share of pupils reaching the expected standard was 61%.", [("61%", "")]),
        ("Sales rose 5% more than expected.", [("5%", "")]),
        ("Exports grew 4% higher than expected in May.", [("4%", "")]),
        ("A 2% rise was not expected.", [("2%", "")]),
        ("The unexpected 4% fall hit shares.", [("4%", "")]),
    ],
)
def test_expected_frames_the_figure_it_governs(
    source: str, expected: list[tuple[str, str]]
) -> None:
    assert framings(source) == expected


@pytest.mark.parametrize(
    ("source", "figure"),
    [
        ("The council has a target of 2,000 homes.", "2,000"),
        ("The trust plans to hire 500 nurses.", "500"),
        ("Ministers pledged to recruit an extra 20,000 officers.", "20,000"),
        ("The goal is to build 300 homes by 2030.", "300"),
        ("The club aims to raise £40,000 for the roof.", "£40,000"),
        ("Of the 2,000-home target, 1,500 were built.", "2,000"),
    ],
)
def test_a_target_or_a_plan_is_a_target(source: str, figure: str) -> None:
    assert (figure, "target") in framings(source)


@pytest.mark.parametrize(
    "source",
    [
        "The council built 2,000 homes.",
        "The trust hired 500 nurses against a plan made last year.",
        "Planning applications rose to 1,245.",
        # a percent a plan names is no amount set: its framing is left alone
        "The council aims to cut emissions by 50%.",
    ],
)
def test_actual_figures_are_no_targets(source: str) -> None:
    assert all(framing != "target" for _, framing in framings(source))


def test_a_target_amount_is_exact() -> None:
    extraction = extract_text("The charity aims to raise £2.5m for the new wing.")
    (fact,) = [f for f in extraction.facts if f.value == "£2.5m"]
    assert fact.framing == "target" and fact.exact
    plain = extract_text("The charity raised £2.5m for the new wing.")
    (fact,) = [f for f in plain.facts if f.value == "£2.5m"]
    assert not fact.exact
