"""Hostile user text, and a rules/facts/report trio that carries it in every field.

Used by tests/test_output_escaping.py (every output format) and tests/test_pytest_plugin.py
(the plugin's failure text); the hostile corpus (cases.yaml, ``hostile-text-*``) holds the
same text for the CLI under the corpus's memory limit.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

EVIL = (
    "\x1b]8;;http://e.x\x07L\x1b]8;;\x07\x1b[31mR\u202eB\u2066I\u2069"
    "\n::error file=x::forged\r\n##[add-mask]s ![i](http://e.x/p.png) "
    "[l](javascript:alert(1)) \x01\x0b\x85\u2028"
)
NAME = "x\x1b[31m\u202e\u2066\n::error file=y::f"
# Never raw in any output: ESC, BEL, C1, bidi controls, U+2028, XML-invalid, surrogates.
RAW = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _yaml(text: str) -> str:
    """A YAML double-quoted scalar holding ``text`` (JSON's escapes are YAML's)."""
    return json.dumps(text)


def write_hostile(folder: Path, name: str = NAME, text: str = EVIL) -> None:
    """A rules file, a facts file and a report text, user text everywhere it can be."""
    (folder / "r.txt").write_text("签约51项，其中39项。\n", encoding="utf-8")
    evil = _yaml(text)
    (folder / f"{name}.facts.yaml").write_text(
        f"report: {{id: demo, source: r.txt, title: {evil}, sections: {{{evil}: [1, 1]}}}}\n"
        "facts:\n"
        "  signed:\n"
        '    value: "51项"\n'
        f"    label: {evil}\n"
        f'    mentions: [{{section: {evil}, quote: "签约51项", line: 1}}]\n'
        "  six_new:\n"
        '    value: "39项"\n'
        f"    label: {evil}\n"
        f'    mentions: [{{section: {evil}, quote: "其中39项", line: 1}}, '
        f"{{quote: {_yaml(text + '39项')}, line: 1}}]\n",
        encoding="utf-8",
    )
    (folder / f"{name}.rules.yaml").write_text(
        f"facts: {_yaml(name + '.facts.yaml')}\n"
        "rules:\n"
        "  - id: too-many\n"
        '    check: "signed <= six_new"\n'
        f"    message: {evil}\n",
        encoding="utf-8",
    )
