"""Build the model's facts and report descriptions from located nodes: one builder for
every facts format (a YAML file, plain dicts, each line of a JSON Lines file), so all
of them accept and refuse the same facts with the same messages."""

from __future__ import annotations

from pathlib import Path

from factlint.clip import clip, quoted
from factlint.errors import FactlintError
from factlint.loading.fields import Reader
from factlint.loading.figure_fields import (
    decimals_field,
    figure_field,
    optional_text,
    tolerance_field,
)
from factlint.loading.textfile import display_path, read_text
from factlint.loading.yaml_nodes import YamlMapping, YamlNode, YamlScalar
from factlint.model import ROUNDINGS, Fact, Location, Mention, ReportInfo
from factlint.numbers.figures import Figure, FigureError, parse_figure
from factlint.numbers.header_units import with_unit

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
MENTION_KEYS = (
    "section",
    "quote",
    "line",
    "value",
    "unit",
    "qualifier",
    "period",
    "decimals",
    "note",
)
# A 600-page report's text is ~2 MB; checking quotes costs ~50 bytes of memory per
# character (engine.quotes.FoldedText), so 4 MB keeps a check below 300 MB.
MAX_SOURCE_BYTES = 4 * 1024 * 1024


def build_report(
    reader: Reader, node: YamlNode | None, top: YamlMapping, base: Path | None, allow_outside: bool
) -> ReportInfo:
    """The ``report:`` mapping; its ``source`` text is read relative to ``base`` (not at
    all when ``base`` is None), and only inside it unless ``allow_outside``."""
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
    places: tuple[tuple[int, int], ...] = ()
    source_node = report.get("source")
    if source_node is not None and base is not None:
        source_path, source_text, places = _source(reader, source_node, base, allow_outside)
    return ReportInfo(
        id=report_id,
        title=optional_text(reader, report, "title"),
        source=source_path,
        source_text=source_text,
        source_places=places,
        period=optional_text(reader, report, "period") or None,
        entity=optional_text(reader, report, "entity") or None,
        sections=sections_of(reader, report.get("sections")),
        rounding=rounding,  # type: ignore[arg-type]
    )


def _source(
    reader: Reader, node: YamlNode, base: Path, allow_outside: bool
) -> tuple[str, str, tuple[tuple[int, int], ...]]:
    """The report's text and, for a PDF, each text line's page and line on the page."""
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
        if target.suffix.lower() == ".pdf":  # pdf_text.is_pdf
            # The PDF reader (and statistics, hashlib) only for a PDF source: start-up.
            from factlint.loading.pdf_text import read_pdf_text

            pdf = read_pdf_text(target, max_chars=MAX_SOURCE_BYTES)
            return shown, pdf.text, pdf.places
        text = read_text(target, max_bytes=MAX_SOURCE_BYTES, what="report text")
    except FactlintError as error:
        if not target.is_relative_to(root):
            # Allowed outside, but not probed: no line and column of a file that may not be
            # a report (where the first NUL of /proc/self/environ is tells its contents).
            error = FactlintError(error.message, error.path)
        raise reader.error(f"source '{clip(relative)}': {error}", node) from None
    return shown, text, ()


def sections_of(reader: Reader, node: YamlNode | None) -> dict[str, tuple[int, int]]:
    """A ``sections:`` mapping: name → [first line, last line]."""
    if node is None:
        return {}
    sections = reader.mapping(node, "'sections'")
    out: dict[str, tuple[int, int]] = {}
    for key, value in sections.items:
        name = clip(key.value)  # user text: one line, cut (the policy of every quote)
        span = reader.sequence(value, f"section '{name}'")
        if len(span.items) != 2:
            raise reader.error(f"section '{name}' must be [first line, last line]", value)
        first = reader.integer(span.items[0], "a first line", low=1, high=10**9)
        last = reader.integer(span.items[1], "a last line", low=first, high=10**9)
        out[key.value] = (first, last)
    return out


def build_fact(
    reader: Reader, fact_id: str, key: YamlScalar, node: YamlNode, report: ReportInfo
) -> Fact:
    """One fact from its mapping; ``key`` is the node of its id, where it is declared."""
    fact = reader.mapping(node, f"fact '{fact_id}'", at=key)
    reader.known_keys(fact, FACT_KEYS, f"fact '{fact_id}'")
    figure = figure_field(
        reader, reader.required(fact, "value", f"fact '{fact_id}'"), f"the value of '{fact_id}'"
    )
    decimals, decimals_exact = decimals_field(reader, fact.get("decimals"))
    exact = decimals_exact or (
        reader.boolean(fact.get("exact"), "'exact'") if fact.get("exact") is not None else False
    )
    aspects = _aspects(reader, fact, report)
    declared = _location(reader, key)
    qualifier = optional_text(reader, fact, "qualifier")
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
        label=optional_text(reader, fact, "label"),
        exact=exact,
        decimals=decimals,
        qualifier=qualifier,
        tolerance=tolerance_field(reader, fact.get("tolerance")),
        aspects=aspects,
        declared_at=declared,
    )


_SHARED_ASPECTS: dict[tuple[str | None, str | None], dict[str, str]] = {}


def report_aspects(report: ReportInfo) -> dict[str, str]:
    """The aspects of a fact that has only the report's: one shared (never mutated) dict
    for all of them keeps a large fact set ~180 bytes a fact smaller."""
    key = (report.period, report.entity)
    shared = _SHARED_ASPECTS.get(key)
    if shared is None:
        if len(_SHARED_ASPECTS) > 1024:
            _SHARED_ASPECTS.clear()
        shared = _SHARED_ASPECTS[key] = {
            name: value for name, value in zip(("period", "entity"), key, strict=True) if value
        }
    return shared


def _aspects(reader: Reader, fact: YamlMapping, report: ReportInfo) -> dict[str, str]:
    if fact.get("aspects") is None and fact.get("period") is None and fact.get("entity") is None:
        return report_aspects(report)
    aspects: dict[str, str] = {}
    if report.period:
        aspects["period"] = report.period
    if report.entity:
        aspects["entity"] = report.entity
    extra = fact.get("aspects")
    if extra is not None:
        for name, value in reader.mapping(extra, "'aspects'").items:
            aspects[name.value] = reader.text(value, f"aspect '{name.value}'")
    for aspect in ("period", "entity"):
        if fact.get(aspect) is not None:
            aspects[aspect] = reader.text(fact.get(aspect), f"'{aspect}'")
    return aspects


def _mention(reader: Reader, fact_id: str, fact_figure: Figure, node: YamlNode) -> Mention:
    mention = reader.mapping(node, f"a mention of '{fact_id}'")
    reader.known_keys(mention, MENTION_KEYS, f"a mention of '{fact_id}'")
    value = mention.get("value")
    unit_node = mention.get("unit")
    printed = ""
    if unit_node is not None:
        # A table cell printed bare under a header naming its unit: 32.3 under 比重(%).
        if value is None:
            raise reader.error(
                f"a mention of '{fact_id}' with 'unit' needs 'value', the number as printed",
                unit_node,
            )
        printed = reader.text(value, f"the value of a mention of '{fact_id}'")
        written = with_unit(printed, reader.text(unit_node, "'unit'"))
        try:
            figure = parse_figure(written)
        except FigureError as error:
            message = f"{error.message} in figure {quoted(written)} (its value in its 'unit')"
            raise reader.error(message, unit_node) from None
    elif value is None:
        figure = fact_figure
    else:
        figure = figure_field(reader, value, f"the value of a mention of '{fact_id}'")
    line = mention.get("line")
    decimals, _ = decimals_field(reader, mention.get("decimals"))
    period = optional_text(reader, mention, "period")
    return Mention(
        fact=fact_id,
        figure=figure,
        section=optional_text(reader, mention, "section"),
        quote=optional_text(reader, mention, "quote"),
        line=None if line is None else reader.integer(line, "'line'", low=1, high=10**9),
        qualifier=optional_text(reader, mention, "qualifier"),
        period=period or None,
        decimals=decimals,
        declared_at=_location(reader, mention),
        printed=printed,
    )


def _location(reader: Reader, node: YamlNode) -> Location | None:
    if node.mark.line == 0:
        return Location(reader.path)
    return Location(reader.path, node.mark.line, node.mark.column)
