"""Where a JSON text repeats a key: the column of the repeated key and of its first use.

``json`` reports a repeated key only through an ``object_pairs_hook``, which sees the pairs
but not where they stand. Only an error path needs the place, so this scans the text once
more: strings, brackets, colons and commas are read by a regular expression (scalars
between them are skipped), keys are decoded as ``json`` decodes them (``"\\u0076alue"`` is
``"value"``), and each object keeps the keys it has seen. Iterative, linear in the text.

>>> repeated_key('{"id": "a", "value": "1", "value": "2"}')
('value', 27, 13)
>>> repeated_key('{"a": {"k": 1}, "b": {"k": 2}}') is None
True
"""

from __future__ import annotations

import json
import re

# A JSON string, or one structural character.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]', re.DOTALL)


def repeated_key(text: str) -> tuple[str, int, int] | None:
    """The first key repeated in one object of ``text``, with the 1-based columns of its
    repetition and of its first use; None when no object repeats a key (or the text is
    not JSON enough to tell)."""
    objects: list[dict[str, int] | None] = []  # None stands for an array
    pending: tuple[str, int] | None = None  # a string that a colon would make a key
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == ":":
            if pending is not None and objects and objects[-1] is not None:
                key, column = pending
                seen = objects[-1]
                if key in seen:
                    return key, column, seen[key]
                seen[key] = column
            pending = None
            continue
        pending = None
        if token == "{":
            objects.append({})
        elif token == "[":
            objects.append(None)
        elif token in "}]":
            if objects:
                objects.pop()
        elif token.startswith('"'):
            try:
                pending = json.loads(token), match.start() + 1
            except ValueError:
                return None
    return None
