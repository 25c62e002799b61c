"""Load a facts file in JSON Lines (``*.facts.jsonl``), streaming, into a ``FactSet``.

The first line describes the report, every other line is one fact, with the keys of the
YAML format plus ``id``::

    {"report": {"id": "jinzhong-2020", "period": "2020"}}
    {"id": "signed_projects", "value": "51项", "mentions": [{"section": "body"}]}
    {"id": "six_new_share", "value": "76.5%"}

Figures are JSON strings, exactly as printed: a JSON number (``76.50``) has already lost
its printed precision and is refused with the line it is on. Each line is validated by
the same code as the YAML format (``fields.from_plain`` and ``fact_builder``), so both
formats accept and refuse the same facts with the same messages. Blank lines are
skipped. The file is read one line at a time: memory grows with the facts kept, never
with the size of the text.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "demo.facts.jsonl").write_text(
...     '{"report": {"id": "demo"}}\\n{"id": "share", "value": "76.5%"}\\n', encoding="utf-8")
>>> load_facts_jsonl(folder / "demo.facts.jsonl").facts["share"].figure.places
1
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import IO

from factlint.errors import FactlintError, Problems
from factlint.loading.fact_builder import build_fact, build_report, report_aspects
from factlint.loading.fact_makers import make_fact_set
from factlint.loading.facts_jsonl_plain import plain_fact
from factlint.loading.fields import Reader, from_plain
from factlint.loading.gc_pause import paused_gc
from factlint.loading.json_keys import repeated_key
from factlint.loading.textfile import display_path
from factlint.loading.yaml_nodes import Mark, YamlMapping, YamlScalar
from factlint.model import (
    Fact,
    FactSet,
    ReportInfo,
)

JSONL_SUFFIXES = (".jsonl", ".ndjson")
DEFAULT_MAX_LINE_BYTES = 1024 * 1024


def is_jsonl(path: str | os.PathLike[str]) -> bool:
    """Whether a path names a JSON Lines facts file (by its suffix)."""
    return str(path).lower().endswith(JSONL_SUFFIXES)


def load_facts_jsonl(
    path: str | os.PathLike[str],
    *,
    allow_outside_source: bool = False,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
) -> FactSet:
    """Read a JSON Lines facts file (and the report text it names) one line at a time.

    Raises ``FactlintError(message, path, line, column)`` for anything broken; a line
    longer than ``max_line_bytes`` is refused, the file as a whole is not bounded.
    """
    file = Path(path)
    shown = display_path(file)
    reader = Reader(shown)
    with paused_gc(promote=True):  # long-lived and acyclic: see gc_pause.paused_gc
        return _load(file, shown, reader, allow_outside_source, max_line_bytes)


def _load(
    file: Path, shown: str, reader: Reader, allow_outside: bool, max_line_bytes: int
) -> FactSet:
    texts = _texts(file, shown, max_line_bytes)
    first = next(texts, None)
    if first is None:
        raise FactlintError(
            'the facts file is empty: expected {"report": {...}} on the first line',
            shown,
            1,
            1,
        )
    number, text = first
    data = _data(text, shown, number)
    if isinstance(data, FactlintError):
        raise data
    report = _report_line(reader, number, data, file.parent, allow_outside)
    aspects = report_aspects(report)  # shared by plain facts
    facts: dict[str, Fact] = {}
    repeated: dict[str, Fact] = {}  # as FactSet finds them, without reading every mention
    problems = Problems()  # every broken line is reported, not only the first
    path = reader.path
    for number, text in texts:
        if FAST_PATH:
            # A line without a backslash is decoded without the duplicate-key hook, and
            # plain_fact counts its strings against its quotes (see facts_jsonl_plain).
            quotes = -1 if "\\" in text else text.count('"')
            data = _data(text, shown, number) if quotes < 0 else _unchecked(text)
            if type(data) is dict:
                fact_id = data.get("id")
                if type(fact_id) is str and fact_id not in facts and fact_id.isidentifier():
                    fact = plain_fact(fact_id, data, path, number, aspects, quotes, repeated)
                    if fact is not None:
                        facts[fact_id] = fact
                        continue
            if quotes >= 0:
                data = _data(text, shown, number)  # the general path: the hook's decoding
        else:
            data = _data(text, shown, number)
        try:
            if isinstance(data, FactlintError):
                raise data
            fact = _fact_line(reader, number, data, report, aspects)
            if fact.id in facts:
                declared = facts[fact.id].declared_at
                raise FactlintError(
                    f"duplicate fact id '{fact.id}' "
                    f"(first at line {declared.line if declared else '?'})",
                    shown,
                    number,
                )
        except FactlintError as error:
            problems.add(error)
            if problems.more:
                break
            continue
        facts[fact.id] = fact
        if len(fact.mentions) > 1:
            repeated[fact.id] = fact
    problems.raise_if_any()
    return make_fact_set(report, facts, shown, repeated)


def _lines(
    file: Path, shown: str, max_line_bytes: int, block: int = 1 << 18
) -> Iterator[tuple[int, object]]:
    """(line number, decoded JSON object, or the FactlintError of a line that is none)
    for every non-blank line."""
    for number, text in _texts(file, shown, max_line_bytes, block):
        yield number, _data(text, shown, number)


def _texts(
    file: Path, shown: str, max_line_bytes: int, block: int = 1 << 18
) -> Iterator[tuple[int, str]]:
    """(line number, text) for every non-blank line.

    What reading the file with ``readline(max_line_bytes + 1)`` gives, line by line, read
    a ``block`` at a time: each run of whole lines is decoded from UTF-8 at once and split
    at its newlines (a byte that is never part of another character). A run with a byte
    that is no UTF-8 is decoded line by line, to name the line and column."""
    try:
        if not stat.S_ISREG(file.stat().st_mode):  # before opening: a FIFO would block
            raise FactlintError("not a regular file", shown)
        handle = file.open("rb")
    except OSError as error:
        raise FactlintError(f"cannot read facts file: {error.strerror or error}", shown) from None
    number = 0
    with handle:
        for run in _runs(handle, max_line_bytes, block):
            if run is None:
                too_long = f"line is longer than {max_line_bytes} bytes"
                raise FactlintError(too_long, shown, number + 1)
            if number == 0:
                run = run.removeprefix(b"\xef\xbb\xbf")
            texts: Iterable[str]
            try:
                texts = run.decode("utf-8").split("\n")
                if run.endswith(b"\n"):
                    texts.pop()  # the nothing after the run's last newline
            except UnicodeDecodeError:
                texts = _decode_lines(run, shown, number)
            for text in texts:
                number += 1
                text = text.rstrip("\r\n")
                if not text.strip():
                    continue
                yield number, text


def _runs(handle: IO[bytes], limit: int, block: int) -> Iterator[bytes | None]:
    """The file's bytes in runs of whole lines (each ending with a newline, but perhaps the
    file's last), then None where a line has more than ``limit`` bytes: nothing of the
    file is read past that line."""
    size = max(1, min(block, limit))
    rest = b""
    while True:
        more = handle.read(size)
        data = rest + more if rest else more
        if not more:
            if data:
                yield data  # no longer than the limit: checked as it grew
            return
        cut = data.rfind(b"\n") + 1
        whole, rest = data[:cut], data[cut:]
        if len(whole) > limit:  # else no line of it can be too long
            lines = whole.split(b"\n")
            if max(map(len, lines)) > limit:
                first = next(i for i, line in enumerate(lines) if len(line) > limit)
                if first:
                    yield b"\n".join(lines[:first]) + b"\n"
                yield None
                return
        if whole:
            yield whole
        if len(rest) > limit:
            yield None
            return


def _decode_lines(run: bytes, shown: str, number: int) -> Iterator[str]:
    """The lines of ``run`` (after line ``number``) decoded one by one; reaching the first
    that is no UTF-8 raises its error, at its line and column."""
    body = run[:-1] if run.endswith(b"\n") else run
    for offset, raw in enumerate(body.split(b"\n"), 1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise FactlintError(
                "not valid UTF-8 (JSON Lines files are UTF-8)",
                shown,
                number + offset,
                error.start + 1,
            ) from None


def _data(text: str, shown: str, number: int) -> object:
    """The JSON value of one line, or the FactlintError that words why it is none (for the
    loader to report with the others)."""
    try:
        data = _decoded(text)
        if "\\u" in text and (column := _lone_surrogate(text)):
            return FactlintError(
                "invalid JSON: a \\u escape of half a surrogate pair is not a "
                "character (write the character itself)",
                shown,
                number,
                column,
            )
        return data
    except _DuplicateKey as error:
        if found := repeated_key(text):
            key, column, first = found
            return FactlintError(
                f"duplicate key {key!r} (first at column {first})", shown, number, column
            )
        return FactlintError(f"duplicate key {error.key!r}", shown, number)
    except json.JSONDecodeError as error:
        return FactlintError(f"invalid JSON: {error.msg}", shown, number, error.colno)
    except RecursionError:
        return FactlintError("JSON nested too deeply", shown, number)
    except ValueError:  # an integer of more than 4,300 digits (sys.int_info)
        return FactlintError(
            "a JSON number too long to read: write figures as JSON strings, as printed",
            shown,
            number,
        )


# A \\uD800-\\uDFFF escape (after an even number of backslashes: "\\\\ud800" is text), the
# high half optionally followed by its low half.
_SURROGATE_ESCAPE = re.compile(
    r"(?<!\\)(?:\\\\)*(?P<escape>\\u(?:(?P<high>d[89ab][0-9a-f]{2})(?P<low>\\ud[c-f][0-9a-f]{2})?"
    r"|d[c-f][0-9a-f]{2}))",
    re.IGNORECASE,
)


def _lone_surrogate(text: str) -> int | None:
    """The column of the first escape of an unpaired surrogate, which json decodes into a
    string no UTF-8 output can hold; None when every one is half of a pair."""
    for match in _SURROGATE_ESCAPE.finditer(text):
        if not (match.group("high") and match.group("low")):
            return match.start("escape") + 1
    return None


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return out


_DECODER = json.JSONDecoder(object_pairs_hook=_unique_keys)  # one decoder for every line
_SCAN = _DECODER.scan_once  # type: ignore[attr-defined]  # the C scanner raw_decode calls
# The same scanner without the hook: a duplicate key keeps its last value. Only for a
# line without a backslash, whose fact plain_fact then checks by its quotes.
_SCAN_UNCHECKED = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _unchecked(text: str) -> object:
    """The object of a line that is one JSON object and nothing else (no whitespace
    around it), decoded without the duplicate-key hook; None for any other line."""
    try:
        data, end = _SCAN_UNCHECKED(text, 0)
    except (StopIteration, ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return None
    return data if end == len(text) else None


_JSON_WHITESPACE = " \t\n\r"  # only these: not str.isspace()'s NBSP or U+2028


def _decoded(text: str) -> object:
    """``_DECODER.decode(text)``; most lines are one object and nothing else, read
    without ``decode``'s two whitespace scans."""
    try:
        data, end = _SCAN(text, 0)  # raw_decode without its Python frame
    except (StopIteration, json.JSONDecodeError):
        return _DECODER.decode(text)  # leading whitespace, or the error in its own words
    if end != len(text) and text[end:].strip(_JSON_WHITESPACE):
        return _DECODER.decode(text)  # extra data: the error in decode's words
    return data


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _report_line(
    reader: Reader, number: int, data: object, base: Path, allow_outside: bool
) -> ReportInfo:
    if not isinstance(data, dict) or "report" not in data:
        raise reader.error(
            'the first line must be {"report": {...}} with the report\'s id', Mark(number, 1)
        )
    if len(data) != 1:
        extra = next(key for key in data if key != "report")
        raise reader.error(
            f"unknown key '{extra}' on the report line; it holds only 'report'", Mark(number, 1)
        )
    try:
        top = from_plain(data, "the report line")
        assert isinstance(top, YamlMapping)
        return build_report(reader, top.get("report"), top, base, allow_outside)
    except FactlintError as error:
        raise error.located(reader.path, number) from None


def _fact_line(
    reader: Reader, number: int, data: object, report: ReportInfo, aspects: Mapping[str, str]
) -> Fact:
    if not isinstance(data, dict):
        raise reader.error(
            f"each line after the first must be one fact, a JSON object, not {_json_kind(data)}",
            Mark(number, 1),
        )
    fact_id = data.pop("id", None)
    if not isinstance(fact_id, str):
        what = "no 'id'" if fact_id is None else f"an 'id' that is {_json_kind(fact_id)}"
        raise reader.error(f"the fact has {what}; give it a string id", Mark(number, 1))
    _refuse_numbers(reader, number, fact_id, data)
    key = YamlScalar(fact_id, Mark(number, 1), "double", "str")
    try:
        reader.identifier(key, "a fact id")
        node = from_plain(data, f"fact '{fact_id}'")
        assert node is not None
        fact = build_fact(reader, fact_id, key, node, report)
    except FactlintError as error:
        raise error.located(reader.path, number) from None
    return _locate_mentions(fact)


FAST_PATH = True
"""Plain facts built by ``facts_jsonl_plain`` (off: every line by the general path)."""


def _refuse_numbers(reader: Reader, number: int, fact_id: str, data: dict) -> None:  # type: ignore[type-arg]
    """A figure written as a JSON number has lost its printed precision already."""
    found = [("the value", data.get("value"))]
    tolerance = data.get("tolerance")
    if isinstance(tolerance, dict):
        found += [(f"the {key} tolerance", value) for key, value in tolerance.items()]
    else:
        found.append(("the tolerance", tolerance))
    mentions = data.get("mentions")
    if isinstance(mentions, list):
        for index, mention in enumerate(mentions, 1):
            if isinstance(mention, dict):
                found.append((f"the value of mention {index}", mention.get("value")))
    for what, value in found:
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise reader.error(
                f"{what} of '{fact_id}' is a JSON number (read as {json.dumps(value)}): "
                'write figures as JSON strings, as printed (e.g. "76.50%", "162.24亿元")',
                Mark(number, 1),
            )


def _locate_mentions(fact: Fact) -> Fact:
    """Mentions built from plain data know only the file: point them at the fact's line."""
    where = fact.declared_at
    if where is None or not any(
        m.declared_at is not None and m.declared_at.line is None for m in fact.mentions
    ):
        return fact
    mentions = tuple(
        replace(m, declared_at=where)
        if m.declared_at is not None and m.declared_at.line is None
        else m
        for m in fact.mentions
    )
    return replace(fact, mentions=mentions)


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"the number {json.dumps(value)}"
    if isinstance(value, str):
        return f"the string {value!r}"
    return "a list" if isinstance(value, list) else "an object"


__all__ = ["is_jsonl", "load_facts_jsonl"]
