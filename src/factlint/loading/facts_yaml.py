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

from factlint.errors import FactlintError, Problems
from factlint.loading.fact_builder import build_fact, build_report
from factlint.loading.facts_jsonl import is_jsonl, load_facts_jsonl
from factlint.loading.facts_lines import read_fact_lines
from factlint.loading.facts_stream import stream_facts
from factlint.loading.fields import Reader, from_plain
from factlint.loading.gc_pause import paused_gc
from factlint.loading.textfile import DEFAULT_MAX_BYTES, display_path, read_shown
from factlint.loading.yaml_nodes import YamlNode, YamlScalar
from factlint.loading.yaml_parse import parse_yaml
from factlint.model import Fact, FactSet, ReportInfo


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
    if is_jsonl(file.name):
        return load_facts_jsonl(
            file, allow_outside_source=allow_outside_source, max_line_bytes=max_bytes
        )
    shown = display_path(file)
    text = read_shown(file, shown, "facts file", max_bytes)
    return facts_from_text(text, file, allow_outside_source=allow_outside_source, shown=shown)


def facts_from_text(
    text: str,
    path: str | os.PathLike[str],
    *,
    allow_outside_source: bool = False,
    shown: str | None = None,
) -> FactSet:
    """The facts of ``text``, the YAML of the facts file at ``path`` (its ``source:`` is
    read from there), as ``load_facts`` reads that file; errors name ``shown``."""
    file = Path(path)
    shown = display_path(file) if shown is None else shown
    with paused_gc():
        lined = read_fact_lines(text, shown, file.parent, allow_outside_source)
        if lined is not None:
            return lined
        streamed = stream_facts(text, shown, file.parent, allow_outside_source)
        if streamed is not None:
            return streamed
        node = parse_yaml(text, shown)
        try:
            return _build(Reader(shown), node, file.parent, allow_outside_source, shown)
        except FactlintError as error:
            if error.path != shown or error.line is not None:
                raise
            raise error.located(shown, 1, 1) from None  # an empty file: its first line


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


def _build(
    reader: Reader, node: YamlNode | None, base: Path | None, allow_outside: bool, shown: str
) -> FactSet:
    if node is None or (isinstance(node, YamlScalar) and node.is_null()):  # or only "---"
        raise reader.error("the facts file is empty: expected 'report:' and 'facts:'")
    top = reader.document(node, "a facts file", ("report", "facts"))
    reader.known_keys(top, ("report", "facts"), "the facts file")
    problems = Problems()  # every broken fact is reported, not only the first
    report_node = reader.required(top, "report", "the facts file")
    try:
        report = build_report(reader, report_node, top, base, allow_outside)
    except FactlintError as error:
        problems.add(error)
        report = ReportInfo(id="")  # the facts are still read, for their own problems
    facts_node = reader.mapping(reader.required(top, "facts", "the facts file"), "'facts'")
    facts: dict[str, Fact] = {}
    for key, value in facts_node.items:
        try:
            fact_id = reader.identifier(key, "a fact id")
            facts[fact_id] = build_fact(reader, fact_id, key, value, report)
        except FactlintError as error:
            problems.add(error)
            if problems.more:
                break
    problems.raise_if_any()
    return FactSet(report, facts, shown)
