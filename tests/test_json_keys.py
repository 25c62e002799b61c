"""The place of a repeated JSON key (loading/json_keys.py), held to ``json``'s own reading."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from factlint.loading.json_keys import repeated_key

_KEYS = st.text(alphabet=st.sampled_from('ab"\\é\u2028{}[]:, '), max_size=4)
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), _KEYS)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=12,
)


@given(_VALUES, st.booleans())
def test_json_without_a_repeated_key_has_none(value: object, ascii_only: bool) -> None:
    assert repeated_key(json.dumps(value, ensure_ascii=ascii_only)) is None


@given(st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=4), st.data())
def test_a_repeated_key_is_found_where_it_is_printed(
    members: dict[str, object], data: st.DataObject
) -> None:
    keys = list(members)
    key = data.draw(st.sampled_from(keys))
    again = data.draw(_VALUES)
    body = ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in members.items())
    text = f'[1, {{"x": {{{body}, {json.dumps(key)}: {json.dumps(again)}}}}}]'
    found = repeated_key(text)
    assert found is not None
    name, column, first = found
    if name == key:
        assert text[column - 1 :].startswith(json.dumps(key) + ":")
        assert first < column and text[first - 1 :].startswith(json.dumps(key) + ":")
    else:  # a key repeated inside a value comes first
        assert first < column


def test_escaped_spellings_of_one_key_are_the_same_key() -> None:
    assert repeated_key('{"value": 1, "\\u0076alue": 2}') == ("value", 14, 2)


def test_the_same_key_in_sibling_objects_is_not_repeated() -> None:
    assert repeated_key('{"m": [{"line": 1}, {"line": 2}], "line": 3}') is None
