"""Readable, stable keys for rows and columns: the fact of a cell is ``row_column``.

>>> row_keys(["Thames Valley", "Sexual offences3", "#城镇人口", "", "Kent"])
['thames_valley', 'sexual_offences', '城镇人口', 'row_4', 'kent']
>>> column_keys(["2019 Total detection rate", "比重(%)", "% under 18", "", "人口[2]"])
['2019_total_detection_rate', '比重', 'pct_under_18', 'c4', '人口']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factlint.extract.ids import slug

_MAX = 32
_FOOTNOTE = re.compile(r"(?<=[A-Za-z\u4e00-\u9fff)）])\d{1,2}(?:,\d)*$")
_UNIT_NOTE = re.compile(r"[(（][^()（）]*[)）]|\[\d{1,2}\]")  # 比重(%), 比重[4]: a note


def _cleaned(text: str) -> str:
    text = _UNIT_NOTE.sub(" ", text)  # 比重(%) is 比重; % under 18 is pct_under_18
    text = _FOOTNOTE.sub("", text.strip())
    return slug(text.lstrip("#*＃ ").strip())[:_MAX].strip("_")


def _unique(keys: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        count = seen.get(key, 0) + 1
        seen[key] = count
        out.append(key if count == 1 else f"{key}_{count}")
    return out


def row_keys(labels: Sequence[str]) -> list[str]:
    keys = []
    for index, label in enumerate(labels, 1):
        key = _cleaned(label)
        keys.append(key if key and not key[0].isdigit() else f"row_{key or index}")
    return _unique(keys)


def column_keys(headers: Sequence[str]) -> list[str]:
    keys = []
    for index, header in enumerate(headers, 1):
        key = _cleaned(header)
        keys.append(key or f"c{index}")  # after a row key, so it may start with a digit
    return _unique(keys)
