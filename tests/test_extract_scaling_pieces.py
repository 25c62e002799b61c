"""The pieces that keep extraction and discovery linear in a long text (issue 13) give what
the plain definitions they replace give."""

from __future__ import annotations

import re

from hypothesis import example, given
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


def _placement_of(labels: list[str]) -> Placement:
    by_start: dict[str, list[str]] = {}
    for label in labels:
        by_start.setdefault(label[:2], []).append(label)
    longest = max(map(len, labels), default=0)
    rows: dict[str, list[PlacedCell]] = {label: [] for label in labels}
    return Placement((), {}, rows, TableLines(()), by_start, longest)


@given(
    st.lists(st.text(_LETTERS, min_size=2, max_size=5), max_size=6, unique=True),
    st.text(_LETTERS, max_size=30),
)
@example(["b1 a", "1 a", "a1", "21 2", "12"], "a 12 1 a")
@example(["a2 a", "2 ab"], "1a2 ab")
def test_row_labels_named_after_the_last_digit_as_by_searching_each(
    labels: list[str], sentence: str
):
    placement = _placement_of(labels)
    assert placement.labels_named_in(sentence) == _named_by_search(labels, sentence)


@given(st.lists(st.sampled_from(["2019 total", "total 2019", "ab 1", "2020/21", "q3 sales"])))
def test_labels_holding_digits_cover_the_last_digit_wherever_it_falls(words: list[str]):
    """Labels whose digits sit at their start, middle or end, in sentences of them."""
    labels = ["2019 total", "total 2019", "ab 1", "2020/21", "q3 sales", "19 to"]
    sentence = " ".join(words) + " had"
    placement = _placement_of(labels)
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


@given(st.text(alphabet="ab1 \t　.", max_size=40))
def test_a_line_split_in_cells_finds_what_the_unbounded_search_finds(line: str) -> None:
    from factlint.extract.tables import cells

    bounded = [m.span() for m in cells._WIDE_GAP.finditer(line, 0, cells._cells_end(line))]
    assert bounded == [m.span() for m in cells._WIDE_GAP.finditer(line)]


@given(st.lists(st.integers(0, 10_000), unique=True, max_size=40), st.integers(0, 10_000))
def test_nearest_keeps_the_closest_figures_in_their_order(starts: list[int], at: int) -> None:
    from factlint.extract.detectors.base import NEARBY_FIGURES, nearest

    starts.sort()
    kept = nearest(starts, at, lambda start: start)
    assert kept == sorted(kept) and len(kept) == min(len(starts), NEARBY_FIGURES)
    dropped = [s for s in starts if s not in kept]
    assert all(abs(s - at) >= max(abs(k - at) for k in kept) for s in dropped)


def test_a_growth_is_found_beside_its_figures_in_a_long_run_of_them() -> None:
    from factlint.extract.discover import discover

    filler = "，".join(
        f"{name}{n}.5万吨" for n, name in enumerate("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳", 1)
    )
    text = f"今年产量{filler}，全市粮食产量120.0万吨，比上年的100.0万吨增长20.0%，{filler}。\n"
    growths = [r for r in discover(extract_text(text)) if r.kind == "growth"]
    assert [r.stated for r in growths] == ["20.0%"]


def test_a_growth_is_found_at_the_end_of_a_sentence_longer_than_any_prose() -> None:
    from factlint.extract.detectors.base import LONG_SENTENCE
    from factlint.extract.discover import discover

    filler = "，".join(f"第{n}号仓库{n}.5吨" for n in range(1, LONG_SENTENCE + 50))
    text = f"{filler}，全市粮食产量120.0万吨，比上年的100.0万吨增长20.0%。\n"
    growths = [r for r in discover(extract_text(text)) if r.kind == "growth"]
    assert [r.stated for r in growths] == ["20.0%"]
