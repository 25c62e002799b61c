"""Load a facts file (``*.facts.yaml``) or a plain dict into a ``FactSet``.

>>> facts = facts_from_dict({"report": {"id": "demo"}, "facts": {
...     "signed": {"value": "51项"}, "six_new": {"value": "39项"}, "share": {"value": "76.5%"}}})
>>> facts.facts["share"].figure.places
1
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from factlint.clip import clip, quoted
from factlint.errors import FactlintError
from factlint.loading.fields import Reader, from_plain
from factlint.loading.textfile import DEFAULT_MAX_BYTES, read_text
from factlint.loading.yaml_nodes import YamlMapping, YamlNode, YamlScalar, parse_yaml, paused_gc
from factlint.model import ROUNDINGS, Fact, FactSet, Location, Mention, ReportInfo, Tolerance
from factlint.numbers.figures import Figure, FigureError, parse_figure

REPORT_KEYS = ("id", "title", "source", "period", "entity", "sections", "rounding", "note")
FACT_KEYS = (
    "value",
    "label",
    "period",
    "entity",
    "aspects",
    "qualifier",
    "exact",
    "decimals",
    "tolerance",
    "note",
    "mentions",
)
MENTION_KEYS = ("section", "quote", "line", "value", "qualifier", "period", "decimals", "note")
MAX_DECIMALS = 60
# A 600-page report's text is ~2 MB; checking quotes costs ~50 bytes of memory per
# character (sources.FoldedText), so 4 MB keeps a check below 300 MB.
MAX_SOURCE_BYTES = 4 * 1024 * 1024


def load_facts(
    path: str | os.PathLike[str],
    *,
    allow_outside_source: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> FactSet:
    """Read a facts file and the report text it names; raise FactlintError when broken.

    A ``*.facts.jsonl`` file is JSON Lines (see ``facts_jsonl``), streamed; there
    ``max_bytes`` bounds each line.
    """
    file = Path(path)
    if file.name.lower().endswith((".jsonl", ".ndjson")):
        from factlint.loading.facts_jsonl import load_facts_jsonl

        return load_facts_jsonl(
            file, allow_outside_source=allow_outside_source, max_line_bytes=max_bytes
        )
    shown = display_path(file)
    text = _read(file, shown, "facts file", max_bytes)
    with paused_gc():
        node = parse_yaml(text, shown)
        return _build(Reader(shown), node, file.parent, allow_outside_source, shown)


def facts_from_dict(
    data: Mapping[str, object],
    *,
    base_dir: str | os.PathLike[str] | None = None,
    name: str = "<facts>",
) -> FactSet:
    """The same format as a facts file, from plain Python data.

    ``source`` is read relative to ``base_dir`` when given; otherwise it is ignored and
    the quotes are not checked against a text.
    """
    node = from_plain(dict(data), "facts")
    base = Path(base_dir) if base_dir is not None else None
    return _build(Reader(name), node, base, False, name)


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return str(path)


def _read(file: Path, shown: str, what: str, max_bytes: int) -> str:
    try:
        return read_text(file, max_bytes=max_bytes, what=what)
    except FactlintError as error:
        raise FactlintError(error.message, shown, error.line, error.column) from None


def _build(
    reader: Reader, node: YamlNode | None, base: Path | None, allow_outside: bool, shown: str
) -> FactSet:
    if node is None or (isinstance(node, YamlScalar) and node.is_null()):  # or only "---"
        raise reader.error("the facts file is empty: expected 'report:' and 'facts:'")
    top = reader.mapping(node, "a facts file")
    reader.known_keys(top, ("report", "facts"), "the facts file")
    report_node = reader.required(top, "report", "the facts file")
    report = _report(reader, report_node, top, base, allow_outside)
    facts_node = reader.mapping(reader.required(top, "facts", "the facts file"), "'facts'")
    facts: dict[str, Fact] = {}
    for key, value in facts_node.items:
        fact_id = reader.identifier(key, "a fact id")
        facts[fact_id] = _fact(reader, fact_id, key, value, report)
    return FactSet(report, facts, shown)


def _report(
    reader: Reader, node: YamlNode | None, top: YamlMapping, base: Path | None, allow_outside: bool
) -> ReportInfo:
    report = reader.mapping(node, "'report'", at=top)
    reader.known_keys(report, REPORT_KEYS, "'report'")
    report_id = reader.text(reader.required(report, "id", "'report'"), "the report id")
    rounding = None
    if report.get("rounding") is not None:
        rounding = reader.text(report.get("rounding"), "'rounding'")
        if rounding not in ROUNDINGS:
            raise reader.error(
                f"unknown rounding '{rounding}'; use {', '.join(ROUNDINGS)}", report.get("rounding")
            )
    source_path = source_text = None
    source_node = report.get("source")
    if source_node is not None and base is not None:
        source_path, source_text = _source(reader, source_node, base, allow_outside)
    return ReportInfo(
        id=report_id,
        title=_optional_text(reader, report, "title"),
        source=source_path,
        source_text=source_text,
        period=_optional_text(reader, report, "period") or None,
        entity=_optional_text(reader, report, "entity") or None,
        sections=sections_of(reader, report.get("sections")),
        rounding=rounding,  # type: ignore[arg-type]
    )


def _source(reader: Reader, node: YamlNode, base: Path, allow_outside: bool) -> tuple[str, str]:
    relative = reader.text(node, "'source'")
    try:
        target = (base / relative).resolve()
        root = base.resolve()
    except (OSError, RuntimeError, ValueError) as error:  # a NUL byte, a symlink loop
        reason = getattr(error, "strerror", None) or str(error)
        raise reader.error(
            f"source '{clip(relative)}' is not a usable path: {reason}", node
        ) from None
    if not allow_outside and not target.is_relative_to(root):
        raise reader.error(
            f"source '{clip(relative)}' is outside the folder of the facts file ({root}); "
            "pass --allow-outside-source to read it anyway",
            node,
        )
    shown = display_path(target)
    try:
        text = read_text(target, max_bytes=MAX_SOURCE_BYTES, what="report text")
    except FactlintError as error:
        raise reader.error(f"source '{clip(relative)}': {error}", node) from None
    return shown, text


def sections_of(reader: Reader, node: YamlNode | None) -> dict[str, tuple[int, int]]:
    """A ``sections:`` mapping: name → [first line, last line]."""
    if node is None:
        return {}
    sections = reader.mapping(node, "'sections'")
    out: dict[str, tuple[int, int]] = {}
    for key, value in sections.items:
        span = reader.sequence(value, f"section '{key.value}'")
        if len(span.items) != 2:
            raise reader.error(f"section '{key.value}' must be [first line, last line]", value)
        first = reader.integer(span.items[0], "a first line", low=1, high=10**9)
        last = reader.integer(span.items[1], "a last line", low=first, high=10**9)
        out[key.value] = (first, last)
    return out


def _optional_text(reader: Reader, node: YamlMapping, key: str) -> str:
    value = node.get(key)
    if value is None or (isinstance(value, YamlScalar) and value.is_null()):
        return ""
    return reader.text(value, f"'{key}'")


def _figure(reader: Reader, node: YamlNode, what: str) -> Figure:
    if isinstance(node, YamlScalar) and node.resolved in ("bool", "null"):
        raise reader.error(
            f'{what} must be a figure as printed, e.g. "162.24亿元", not {node.value or "empty"}',
            node,
        )
    text = reader.text(node, what)
    try:
        return parse_figure(text)
    except FigureError as error:
        raise _figure_error(reader, node, text, error) from None


def _figure_error(reader: Reader, node: YamlNode, text: str, error: FigureError) -> FactlintError:
    located = reader.error(f"{error.message} in figure {quoted(text)}", node)
    if isinstance(node, YamlScalar) and located.column is not None and "\n" not in text:
        quote = 1 if node.style in ("single", "double") else 0
        located.column += quote + error.column
    return located


def _decimals(reader: Reader, node: YamlNode | None) -> tuple[int | None, bool]:
    """XBRL's decimals: a whole number, or INF for an exact figure."""
    if node is None:
        return None, False
    if isinstance(node, YamlScalar) and node.value.upper() == "INF":
        return None, True
    return reader.integer(node, "'decimals'", low=-MAX_DECIMALS, high=MAX_DECIMALS), False


def _tolerance(reader: Reader, node: YamlNode | None) -> Tolerance | None:
    return tolerance_of(reader, node)


def tolerance_of(reader: Reader, node: YamlNode | None) -> Tolerance | None:
    """A tolerance: a figure (absolute), or ``{relative: "1%"}`` / ``{absolute: …}``."""
    if node is None:
        return None
    if isinstance(node, YamlMapping):
        reader.known_keys(node, ("relative", "absolute"), "'tolerance'")
        if len(node.items) != 1:
            raise reader.error("'tolerance' takes one of 'relative' or 'absolute'", node)
        key, value = node.items[0]
        return Tolerance(_figure(reader, value, "a tolerance"), relative=key.value == "relative")
    return Tolerance(_figure(reader, node, "a tolerance"))


def _fact(
    reader: Reader, fact_id: str, key: YamlScalar, node: YamlNode, report: ReportInfo
) -> Fact:
    fact = reader.mapping(node, f"fact '{fact_id}'", at=key)
    reader.known_keys(fact, FACT_KEYS, f"fact '{fact_id}'")
    figure = _figure(
        reader, reader.required(fact, "value", f"fact '{fact_id}'"), f"the value of '{fact_id}'"
    )
    decimals, decimals_exact = _decimals(reader, fact.get("decimals"))
    exact = decimals_exact or (
        reader.boolean(fact.get("exact"), "'exact'") if fact.get("exact") is not None else False
    )
    aspects = _aspects(reader, fact, report)
    declared = _location(reader, key)
    qualifier = _optional_text(reader, fact, "qualifier")
    mentions_node = fact.get("mentions")
    if mentions_node is None:
        mentions: tuple[Mention, ...] = (Mention(fact_id, figure, declared_at=declared),)
    else:
        items = reader.sequence(mentions_node, f"the mentions of '{fact_id}'").items
        if not items:
            raise reader.error(f"fact '{fact_id}' has an empty mentions list", mentions_node)
        mentions = tuple(_mention(reader, fact_id, figure, item) for item in items)
    return Fact(
        id=fact_id,
        figure=figure,
        mentions=mentions,
        label=_optional_text(reader, fact, "label"),
        exact=exact,
        decimals=decimals,
        qualifier=qualifier,
        tolerance=_tolerance(reader, fact.get("tolerance")),
        aspects=aspects,
        declared_at=declared,
    )


_SHARED_ASPECTS: dict[tuple[str | None, str | None], dict[str, str]] = {}


def _aspects(reader: Reader, fact: YamlMapping, report: ReportInfo) -> dict[str, str]:
    if fact.get("aspects") is None and fact.get("period") is None and fact.get("entity") is None:
        # Most facts have only the report's aspects: one shared (never mutated) dict for
        # them all keeps a large fact set ~180 bytes a fact smaller.
        key = (report.period, report.entity)
        shared = _SHARED_ASPECTS.get(key)
        if shared is None:
            if len(_SHARED_ASPECTS) > 1024:
                _SHARED_ASPECTS.clear()
            shared = _SHARED_ASPECTS[key] = {
                name: value for name, value in zip(("period", "entity"), key, strict=True) if value
            }
        return shared
    aspects: dict[str, str] = {}
    if report.period:
        aspects["period"] = report.period
    if report.entity:
        aspects["entity"] = report.entity
    extra = fact.get("aspects")
    if extra is not None:
        for key, value in reader.mapping(extra, "'aspects'").items:
            aspects[key.value] = reader.text(value, f"aspect '{key.value}'")
    for key in ("period", "entity"):
        if fact.get(key) is not None:
            aspects[key] = reader.text(fact.get(key), f"'{key}'")
    return aspects


def _mention(reader: Reader, fact_id: str, fact_figure: Figure, node: YamlNode) -> Mention:
    mention = reader.mapping(node, f"a mention of '{fact_id}'")
    reader.known_keys(mention, MENTION_KEYS, f"a mention of '{fact_id}'")
    value = mention.get("value")
    figure = (
        fact_figure
        if value is None
        else _figure(reader, value, f"the value of a mention of '{fact_id}'")
    )
    line = mention.get("line")
    decimals, _ = _decimals(reader, mention.get("decimals"))
    period = _optional_text(reader, mention, "period")
    return Mention(
        fact=fact_id,
        figure=figure,
        section=_optional_text(reader, mention, "section"),
        quote=_optional_text(reader, mention, "quote"),
        line=None if line is None else reader.integer(line, "'line'", low=1, high=10**9),
        qualifier=_optional_text(reader, mention, "qualifier"),
        period=period or None,
        decimals=decimals,
        declared_at=_location(reader, mention),
    )


def _location(reader: Reader, node: YamlNode) -> Location | None:
    if node.mark.line == 0:
        return Location(reader.path)
    return Location(reader.path, node.mark.line, node.mark.column)
