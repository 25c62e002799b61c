"""Load a facts file in JSON Lines (``*.facts.jsonl``), streaming, into a ``FactSet``.

The first line describes the report, every other line is one fact, with the keys of the
YAML format plus ``id``::

    {"report": {"id": "jinzhong-2020", "period": "2020"}}
    {"id": "signed_projects", "value": "51项", "mentions": [{"section": "body"}]}
    {"id": "six_new_share", "value": "76.5%"}

Figures are JSON strings, exactly as printed: a JSON number (``76.50``) has already lost
its printed precision and is refused with the line it is on. Each line is validated by
the same code as the YAML format (``fields.from_plain`` and the facts file's fact
builder), so both formats accept and refuse the same facts with the same messages. Blank
lines are skipped. The file is read one line at a time: memory grows with the facts kept,
never with the size of the text.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "demo.facts.jsonl").write_text(
...     '{"report": {"id": "demo"}}\\n{"id": "share", "value": "76.5%"}\\n', encoding="utf-8")
>>> load_facts_jsonl(folder / "demo.facts.jsonl").facts["share"].figure.places
1
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from factlint.errors import FactlintError
from factlint.facts_file import _fact, _report, display_path
from factlint.fields import Reader, from_plain
from factlint.model import Fact, FactSet, ReportInfo
from factlint.yamlsource import Mark, YamlMapping, YamlScalar

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
    # The facts are long-lived and acyclic: the cyclic collector would only rescan them
    # again and again as they pile up (a third of the loading time at 100k facts).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(file, shown, reader, allow_outside_source, max_line_bytes)
    finally:
        if enabled:
            gc.enable()


def _load(
    file: Path, shown: str, reader: Reader, allow_outside: bool, max_line_bytes: int
) -> FactSet:
    lines = _lines(file, shown, max_line_bytes)
    first = next(lines, None)
    if first is None:
        raise FactlintError(
            'the facts file is empty: expected {"report": {...}} on the first line', shown
        )
    number, data = first
    report = _report_line(reader, number, data, file.parent, allow_outside)
    facts: dict[str, Fact] = {}
    first_line: dict[str, int] = {}
    for number, data in lines:
        fact = _fact_line(reader, number, data, report)
        if fact.id in facts:
            raise FactlintError(
                f"duplicate fact id '{fact.id}' (first at line {first_line[fact.id]})",
                shown,
                number,
            )
        facts[fact.id] = fact
        first_line[fact.id] = number
    return FactSet(report, facts, shown)


def _lines(file: Path, shown: str, max_line_bytes: int) -> Iterator[tuple[int, object]]:
    """(line number, decoded JSON object) for every non-blank line."""
    try:
        handle = file.open("rb")
    except OSError as error:
        raise FactlintError(f"cannot read facts file: {error.strerror or error}", shown) from None
    with handle:
        if not file.is_file():
            raise FactlintError("not a regular file", shown)
        for number, raw in enumerate(iter(lambda: handle.readline(max_line_bytes + 1), b""), 1):
            if len(raw) > max_line_bytes and not raw.endswith(b"\n"):
                raise FactlintError(f"line is longer than {max_line_bytes} bytes", shown, number)
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise FactlintError(
                    "not valid UTF-8 (JSON Lines files are UTF-8)", shown, number, error.start + 1
                ) from None
            if not text.strip():
                continue
            try:
                data = json.loads(text, object_pairs_hook=_unique_keys)
            except _DuplicateKey as error:
                raise FactlintError(f"duplicate key {error.key!r}", shown, number) from None
            except json.JSONDecodeError as error:
                raise FactlintError(
                    f"invalid JSON: {error.msg}", shown, number, error.colno
                ) from None
            except RecursionError:
                raise FactlintError("JSON nested too deeply", shown, number) from None
            yield number, data


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return out


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
        return _report(reader, top.get("report"), top, base, allow_outside)
    except FactlintError as error:
        raise error.located(reader.path, number) from None


def _fact_line(reader: Reader, number: int, data: object, report: ReportInfo) -> Fact:
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
        fact = _fact(reader, fact_id, key, node, report)
    except FactlintError as error:
        raise error.located(reader.path, number) from None
    return _locate_mentions(fact)


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
                f"{what} of '{fact_id}' is a JSON number (read as {json.dumps(value)}): write figures "
                f'as JSON strings, as printed (e.g. "76.50%", "162.24亿元")',
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
