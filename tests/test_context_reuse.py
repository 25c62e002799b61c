"""Reading a text's contexts again after a few figures changed (a rate given the unit of the
amount before it) keeps the other sentences' contexts: the result is what reading every
figure again gives (issue 13: the second reading was a third of extraction's time)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.figures_in_text import Spot, find_figures
from factlint.extract.labels import Reading, contexts, contexts_again, read_contexts
from factlint.extract.text import NormalText

_PIECES = st.sampled_from(
    [
        "固定资产投资", "累计完成", "162.24亿元", "同比增长", "10.6%", "，", "。", "；", "：",
        "示范区晋中开发区", "目标", "预计", "其中", "占比", "76.5%", "51项", "3.4个百分点",
        "Net sales", " were ", "$1.5 billion", ", up ", "8.1%", " of sales", ". ", "The ",
        "target", "\n", " ", "2020年", "1,234", "三", "第一", "U.S.", "expected ", "(", ")",
    ]
)  # fmt: skip


def _changed(spot: Spot, how: int, length: int) -> Spot:
    """The spot read again: the same span as a new object, one character longer or shorter
    at either end (masking a mark, a letter or a figure's neighbour), or shifted."""
    start, end = spot.start, spot.end
    if how == 1:
        end = min(length, end + 1)
    elif how == 2 and end - start > 1:
        end -= 1
    elif how == 3:
        start = max(0, start - 1)
    elif how == 4 and end - start > 1:
        start += 1
    elif how == 5:
        start, end = min(length, start + 2), min(length, end + 2)
    return Spot(start, end, spot.figure, spot.text, spot.date_part, spot.value)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.data())
def test_contexts_read_again_equal_contexts_read_anew(pieces: list[str], data: st.DataObject):
    text = NormalText.of("".join(pieces))
    spots = find_figures(text)
    if not spots:
        return
    reading = Reading(text, spots)
    earlier = read_contexts(reading, spots)
    assert earlier == contexts(text, spots)
    again = list(spots)
    for index in data.draw(st.lists(st.integers(0, len(spots) - 1), max_size=4)):
        again[index] = _changed(again[index], data.draw(st.integers(0, 5)), len(text.flat))
    assert contexts_again(text, again, spots, earlier, reading) == contexts(text, again)


def test_a_sentence_left_alone_keeps_its_contexts_and_a_changed_one_is_read_again():
    text = NormalText.of("投资增长10.6%。收入完成30,161万元，增收4,376万。人口51万人。")
    spots = find_figures(text)
    reading = Reading(text, spots)
    earlier = read_contexts(reading, spots)
    again = list(spots)
    again[2] = _changed(spots[2], 0, len(text.flat))  # 4,376万 read again, same span
    result = contexts_again(text, again, spots, earlier, reading)
    assert result == contexts(text, again)
    assert result[0] is earlier[0] and result[3] is earlier[3]  # other sentences kept
    assert result[1] is not earlier[1] and result[2] is not earlier[2]  # its sentence anew
