"""What a part-of-its-whole relation must not bind: counts of another kind of thing (people
in towns), and a form's label over its value (detectors/wording.py, english_breakdowns.py)."""

from __future__ import annotations

import pytest

from factlint.extract.discover import EXCEEDS, discover
from factlint.extract.pipeline import extract_text


def withins(text: str) -> list[tuple[str, str, str]]:
    return sorted(
        (r.status, r.stated, r.evidence.split(" (")[0])
        for r in discover(extract_text(text))
        if r.kind == "within"
    )


@pytest.mark.parametrize(
    "text",
    [
        # towns counted, then people in them
        "全县12个乡镇中，有7个乡镇常住人口增加，分别增加1520人、1288人和906人。",
        "8个村中，常住人口超过3千人的村有2个。",
        "全區9個社區中，戶籍人口增加2,311人。",
        # a form: each label over its value on lines of their own
        "Ward 4\nSPOILED BALLOTS:\n2\nBLANK BALLOTS:\n187\nTotal\n",
    ],
)
def test_no_part_of_another_kind_or_of_a_form_label(text: str) -> None:
    assert [r for r in withins(text) if r[0] == EXCEEDS] == []


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        # things counted by two counters are still one kind: a part too large is found
        ("全市签约项目51项，其中新项目59个。", "59个"),
        # people counted by 人 and 名
        ("全校教职工320人，其中专任教师356名。", "356名"),
        # a colon with its first part on its line still opens a breakdown
        ("A total of 120 stores were open: 130 in England and 20 in Wales.", "130"),
    ],
)
def test_a_part_of_the_same_kind_larger_than_its_whole_is_found(text: str, stated: str) -> None:
    assert [r[1] for r in withins(text) if r[0] == EXCEEDS] == [stated]
