"""Keep user text short and on one line inside error messages.

An error quotes what it found (a key, a figure, a path), and what it found may be a
megabyte long or hold line breaks in a hostile file; the message must stay one readable
line.

>>> clip("a" * 100, 10)
'aaaaaaaaa…'
>>> clip("two\\nlines")
'two\\\\nlines'
>>> quoted('x' * 100, 3)
"'xxx'…"
>>> len(clip_message("x" * 5000))
500
"""

from __future__ import annotations

MAX_QUOTED = 80
MAX_MESSAGE = 500

# The one escaping policy for user text printed to a terminal or a log: line breaks (as
# str.splitlines sees them), C0 and C1 controls (ESC starts terminal and OSC sequences,
# a line break lets a file name forge a CI workflow command) and the bidirectional
# controls that reorder what a reader sees (Trojan Source), each escaped visibly; and
# lone surrogates (a file name that is not UTF-8, a JSON "\ud800" read by a library
# caller), which no UTF-8 output can hold.
_BIDI = (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_ESCAPES = (
    {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))}
    | {
        ord("\n"): "\\n",
        ord("\r"): "\\r",
        ord("\t"): "\\t",
        0x2028: "\\u2028",
        0x2029: "\\u2029",
    }
    | {code: f"\\u{code:04x}" for code in (*_BIDI, *range(0xD800, 0xE000))}
)
_LAYOUT = {ord("\n"), ord("\r"), ord("\t")}
_ESCAPES_KEEPING_LAYOUT = {code: text for code, text in _ESCAPES.items() if code not in _LAYOUT}


def one_line(text: str) -> str:
    """``text`` with line breaks and control characters escaped."""
    return text.translate(_ESCAPES)


def printable(text: str) -> str:
    """Many lines of output, each with the same escapes as ``one_line``: its own line
    breaks stay, the ones inside user text were escaped when the line was built."""
    return "\n".join(one_line(line) for line in text.split("\n"))


def keeping_layout(text: str) -> str:
    """``text`` with the escapes of ``one_line`` except its tabs and line breaks (CR, LF):
    a report's own text shown whole, laid out as written."""
    return text.translate(_ESCAPES_KEEPING_LAYOUT)


def clip(text: str, limit: int = MAX_QUOTED) -> str:
    """``text`` on one line, cut to at most ``limit`` characters, an ellipsis marking the cut."""
    text = one_line(text[: limit * 4])
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str, limit: int = MAX_QUOTED) -> str:
    """``repr(text)``, of at most ``limit`` characters of it: ``'kkkk…'…``."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + "…"


def clip_message(message: str, limit: int = MAX_MESSAGE) -> str:
    """A whole message on one line, cut in the middle so its start and its hint remain."""
    if len(message) > limit * 4:
        message = message[: limit * 2] + message[-limit:]
    message = one_line(message)
    if len(message) <= limit:
        return message
    tail = limit // 4
    return message[: limit - tail - 3] + " … " + message[-tail:]
