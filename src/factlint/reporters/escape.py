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

from factlint.clip import one_line

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

defuse_json_commands = _defuser(lambda char: f"\\u{ord(char):04x}")

# What json.dumps(ensure_ascii=False) leaves raw and a reader of the file must not get raw:
# C1 controls, U+2028/U+2029 (line breaks to many readers), bidirectional controls, lone
# surrogates (no UTF-8 can hold them). JSON escapes them: the decoded strings are the same.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def defuse_json(document: str) -> str:
    """A JSON document, where ``##[`` can only stand inside a string (and a line of JSON
    never starts with ``::``), with the characters above written as ``\\uXXXX``.

    >>> defuse_json('["\u202e", "\\udcff"]')
    '["\\\\u202e", "\\\\udcff"]'
    """
    return defuse_json_commands(defuse_json_characters(document))


def defuse_json_characters(document: str) -> str:
    """JSON text with the characters of ``_RAW_IN_JSON`` escaped (the first half of
    ``defuse_json``, which may be done piece by piece: it looks at one character)."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


defuse_xml = _defuser(lambda char: f"&#{ord(char)};")
"""An XML document whose text may span lines; attribute values never do (line breaks in
them are written as references)."""


# Markdown a message could use to show an image or a link, or to break out of a table
# cell: each such character as a numeric reference, which Markdown shows and never parses;
# URLs lose the ':' (and "www." its '.') that autolinking looks for.
_MARKDOWN = {ord(char): f"&#{ord(char)};" for char in "&<>[]|`*_~\\:@"}
_WWW = re.compile("(www)\\.", re.IGNORECASE)


def markdown_text(text: str) -> str:
    """User text inside a Markdown table cell: shown, not rendered (no image, link, tag,
    code or emphasis; no extra cell), line breaks as ``<br>``, controls escaped visibly.

    >>> markdown_text("![x](http://e.x/p.png) | www.e.x")
    '!&#91;x&#93;(http&#58;//e.x/p.png) &#124; www&#46;e.x'
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    text = "<br>".join(one_line(line).translate(_MARKDOWN) for line in lines)
    return _WWW.sub(r"\1&#46;", text)


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
