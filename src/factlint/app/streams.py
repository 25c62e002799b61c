"""Writing to the console whatever its encoding.

A Windows runner pipes output in cp1252, a C locale in ASCII. Machine formats (JSON,
SARIF, JUnit, annotations) are UTF-8 by definition, so they go to stdout as UTF-8 bytes;
the text report and messages are written in the console's encoding, a character it cannot
show escaped (``\\u4ebf``) rather than a crash.
"""

from __future__ import annotations

import io
import sys


def tolerate_any_encoding() -> None:
    """Let stdout and stderr escape what their encoding cannot show."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def write_stdout(text: str, *, utf8: bool) -> None:
    """``text`` on stdout: as UTF-8 bytes when ``utf8`` (and stdout has a byte buffer),
    else through the console's own encoding."""
    buffer = getattr(sys.stdout, "buffer", None) if utf8 else None
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
