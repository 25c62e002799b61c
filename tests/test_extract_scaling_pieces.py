"""The pieces that keep extraction and discovery linear in a long text (issue 13) give what
the plain definitions they replace give."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract.detectors.wording import QuantityLabels
from factlint.extract.pipeline import extract_text
from factlint.extract.tables.model import TableLines
from factlint.extract.tables.placing import PlacedCell, Placement

_DIGIT = re.compile(r"\d")


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40))), st.integers(-2, 45))
def test_table_lines_hold_a_line_when_some_span_does(spans: list[tuple[int, int]], line: int):
    expected = any(first <= line <= last for first, last in spans)
    assert (line in TableLines(spans)) is expected


def _named_by_search(labels: list[str], lowered: str) -> set[str]:
    """The definition: the label's last occurrence has no digit after it."""
    named = set()
    for label in labels:
        at = lowered.rfind(label)
        if at >= 0 and not _DIGIT.search(lowered, at + len(label)):
            named.add(label)
    return named


_LETTERS = st.sampled_from("ab1 2漢字")


@given(
    st.lists(st.text(_LETTERS, min_size=2, max_size=5), max_size=6, unique=True),
    st.text(_LETTERS, max_size=30),
)
def test_row_labels_named_after_the_last_digit_as_by_searching_each(
    labels: list[str], sentence: str
):
    by_start: dict[str, list[str]] = {}
    for label in labels:
        by_start.setdefault(label[:2], []).append(label)
    longest = max(map(len, labels), default=0)
    rows: dict[str, list[PlacedCell]] = {label: [] for label in labels}
    placement = Placement((), {}, rows, TableLines(()), by_start, longest)
    assert placement.labels_named_in(sentence) == _named_by_search(labels, sentence)


def test_a_row_named_in_prose_far_below_its_table_is_still_its_repeat():
    table = (
        "Town               Homes   Sold   % sold\n"
        "Northbridge        4,100    520       13\n"
        "Eastwick           2,950    610       21\n"
        "Southmoor          3,300    400       12\n"
        "Westerfield        9,200  4,050       44\n\n"
    )
    filler = "The council met again on Tuesday, and 12 members spoke. " * 200
    text = table + filler + "\n\nWesterfield had the highest share, at 43 per cent.\n"
    extraction = extract_text(text)
    facts = {fact.id: fact for fact in extraction.facts}
    repeated = facts["westerfield_pct_sold_repeated"]
    assert [m.figure.text for m in repeated.mentions] == ["44%", "43 per cent"]


@given(
    st.lists(st.text(st.sampled_from("ab產值"), max_size=6), max_size=12),
    st.text(st.sampled_from("ab產值"), min_size=2, max_size=4),
)
def test_quantity_labels_find_what_comparing_every_label_finds(labels: list[str], wanted: str):
    """fact_named's lookup: labels equal to the name, else ending with it or the name with
    up to two characters after it, in reading order."""
    found = QuantityLabels(enumerate(labels))
    exact = [i for i, label in enumerate(labels) if label == wanted]
    ending = [
        i
        for i, label in enumerate(labels)
        if label != wanted
        and (label.endswith(wanted) or (label.startswith(wanted) and len(label) - len(wanted) <= 2))
    ]
    assert (found.exact(wanted), found.ending(wanted)) == (exact, ending)
