"""Characters as the figure reader sees them: full-width forms folded, digits, ASCII letters."""

from __future__ import annotations

_EXTRA_FOLDS = {"\uffe0": "¢", "\uffe1": "£", "\uffe5": "¥", "\uffe6": "₩"}


def fold_char(char: str) -> str:
    """Full-width ASCII forms as ASCII, one character for one so columns stay put."""
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if char == "\u3000":
        return " "
    return _EXTRA_FOLDS.get(char, char)


def is_digit(char: str) -> bool:
    """An ASCII digit (``str.isdigit`` also takes ``²`` and other scripts' digits)."""
    return "0" <= char <= "9"


def is_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def figure_digits(text: str) -> str:
    """``text`` without whitespace, full-width ASCII forms folded: ``7.73 亿\\n元`` -> ``7.73亿元``.

    Used to compare a figure with the PDF-extracted words around it. Folds exactly what
    ``factlint.engine.quotes`` folds (U+FF01..U+FF5E), so the two compare.
    """
    return "".join(
        chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text if not c.isspace()
    )


def match_key(s: str, pos: int, key: str) -> int:
    """End of ``key`` read at ``s[pos:]``, or -1; a space in a key matches any whitespace.

    >>> match_key("over 30", 0, "over"), match_key("overall", 0, "over")
    (4, -1)
    """
    i, n = pos, len(s)
    for char in key:
        if char == " ":
            if i >= n or not s[i].isspace():
                return -1
            while i < n and s[i].isspace():
                i += 1
        elif i < n and s[i] == char:
            i += 1
        else:
            return -1
    if is_letter(key[-1]) and i < n and is_letter(s[i]):
        return -1  # "over" must not read the start of "overall"
    return i
