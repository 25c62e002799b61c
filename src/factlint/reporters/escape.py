"""User text that reaches a CI log must not become a command to the CI runner.

GitHub's runner reads every line a step prints. A line that starts with ``::`` once leading
whitespace is stripped is a workflow command (``::add-mask::``, ``::stop-commands::``,
``::error::``), and ``##[`` anywhere in a line is one in the older syntax
(``##[add-mask]…``). A rule message, a quote or a section name is the report author's text,
so each output format defuses both before it is printed, in the way its own readers undo:

- text: ``\\x3a:`` and ``##\\x5b``, as the text format shows every character it will not
  print as is;
- JSON: ``\\u003a`` and ``\\u005b`` (the decoded strings are unchanged);
- XML and HTML: ``&#58;`` and ``&#91;`` (the parsed text is unchanged; an HTML page's own
  ``<script>`` and ``<style>``, which hold no user text, are left as they are).

Each function takes the whole rendered document; only the characters that would start a
command change.

>>> print(defuse_text("ok\\n    ::add-mask::the\\nsee ##[error]x"))
ok
    \\x3a:add-mask::the
see ##\\x5berror]x
>>> defuse_json('{"message": "##[add-mask]secret"}')
'{"message": "##\\\\u005badd-mask]secret"}'
>>> defuse_xml("<failure>\\n::warning::x</failure>")
'<failure>\\n&#58;:warning::x</failure>'
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A line (ended by LF, CR or both, as the runner reads them) whose first non-blank
# characters are "::" (the runner trims leading whitespace), or "##[" anywhere (the older
# command syntax is searched for in the whole line).
_COMMAND = re.compile(r"(?:^|(?<=[\r\n]))([^\S\r\n]*):(?=:)|##\[")


def _defuser(escape: Callable[[str], str]) -> Callable[[str], str]:
    def replace(match: re.Match[str]) -> str:
        if match.group(0).startswith("##"):
            return "##" + escape("[")
        return match.group(1) + escape(":")

    def defuse(text: str) -> str:
        if "::" not in text and "##[" not in text:
            return text
        return _COMMAND.sub(replace, text)

    return defuse


defuse_text = _defuser(lambda char: f"\\x{ord(char):02x}")
"""Plain text for a terminal or a log: the escapes the text format uses for control
characters."""

defuse_json = _defuser(lambda char: f"\\u{ord(char):04x}")
"""A JSON document, where ``##[`` can only stand inside a string (and a line of JSON
never starts with ``::``)."""

defuse_xml = _defuser(lambda char: f"&#{ord(char)};")
"""An XML document whose text may span lines; attribute values never do (line breaks in
them are written as references)."""


_RAW_HTML = re.compile(r"(<(script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)


def defuse_html(page: str) -> str:
    """An HTML page: as XML, outside its ``<script>`` and ``<style>`` elements, whose text
    is not parsed for references (and is factlint's own, not the report's).

    >>> defuse_html("<p>\\n::add-mask::x</p><style>\\n::selection {}</style>")
    '<p>\\n&#58;:add-mask::x</p><style>\\n::selection {}</style>'
    """
    parts = _RAW_HTML.split(page)
    # split() returns text, whole raw element, tag name, text, …
    return "".join(
        part if index % 3 == 1 else defuse_xml(part) if index % 3 == 0 else ""
        for index, part in enumerate(parts)
    )
