"""``factlint extract REPORT.txt``: write the facts a report prints as a facts file."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factlint.app.file_lock import exclusive
from factlint.app.streams import write_stdout
from factlint.errors import FactlintError
from factlint.loading.atomic_write import writable_target, write_atomic
from factlint.loading.fact_builder import sections_of
from factlint.loading.fields import Reader
from factlint.loading.gc_pause import paused_gc
from factlint.loading.textfile import display_path, read_text
from factlint.loading.yaml_nodes import YamlMapping
from factlint.loading.yaml_parse import parse_yaml

if TYPE_CHECKING:  # the extraction modules are imported when a command runs
    from factlint.extract.sections import Section

EXIT_CLEAN = 0


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    extract = commands.add_parser(
        "extract",
        help="find the figures a report prints and write them as facts",
        description="Find every figure in a report's text, split it into sections, link the "
        "mentions of one quantity into one fact, and write a facts file that `factlint check` "
        "loads as it is.",
    )
    extract.add_argument(
        "report", type=Path, help="the report: plain text (UTF-8), or a PDF with a text layer"
    )
    extract.add_argument(
        "-o", "--output", type=Path, help="write the facts file here (default: standard output)"
    )
    extract.add_argument(
        "--update",
        type=Path,
        metavar="FILE",
        help="merge into this hand-curated facts file, keeping every hand edit",
    )
    add_sections_option(extract)
    add_outside_option(extract)
    extract.add_argument("--id", help="the report id (default: the file name without extension)")
    return extract


def _inputs(args: argparse.Namespace) -> list[Path]:
    return [path for path in (args.report, args.sections) if path is not None]


def add_outside_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-outside-source",
        action="store_true",
        help="let the facts file read (--update, discover FACTS) name a report text outside "
        "its own folder",
    )


def add_sections_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sections",
        type=Path,
        metavar="FILE",
        help="section line ranges (name: [first, last]), or a facts file with report.sections; "
        "overrides the layout heuristics",
    )


def run(args: argparse.Namespace) -> int:
    from factlint.extract.pipeline import extract_text
    from factlint.extract.report_source import read_report
    from factlint.extract.writer import facts_data, facts_yaml

    if args.output is not None:  # refused before the work, not after it
        writable_target(args.output, _inputs(args))
    report = read_report(args.report)
    source = report.text
    if args.update is not None:
        return _run_update(args, source)
    sections = load_sections(args.sections) if args.sections is not None else report.sections
    # The figures, contexts and facts of a long report are many long-lived objects with
    # no cycles: see gc_pause.paused_gc (a run leaves a few dozen objects in cycles).
    with paused_gc():
        extraction = extract_text(source, sections)
    output: Path | None = args.output
    where = output.parent if output is not None else Path.cwd()
    relative = os.path.relpath(args.report.resolve(), where.resolve())
    if relative.startswith(".."):
        print(
            f"factlint: note: {relative} is outside the facts file's folder; "
            "check it with --allow-outside-source",
            file=sys.stderr,
        )
    source_name = Path(relative).as_posix()
    with paused_gc():
        data = facts_data(extraction, report_id=args.id or _stem(args.report), source=source_name)
        text = facts_yaml(data, source=source_name)
    if output is None:
        write_stdout(text, utf8=True)  # a YAML file, whatever the console
    else:
        write_atomic(output, text, inputs=_inputs(args))
        mentions = sum(len(f.mentions) for f in extraction.facts)
        print(
            f"{display_path(output)}: {len(extraction.facts)} facts, {mentions} mentions",
            file=sys.stderr,
        )
    return EXIT_CLEAN


def _run_update(args: argparse.Namespace, source: str) -> int:
    from factlint.extract.update import update_facts

    if args.sections is not None:
        raise FactlintError("--update takes its sections from the curated file; drop --sections")
    target: Path = args.output or args.update
    inputs = [args.report] if args.output is None else [args.report, args.update]
    with exclusive(args.update):  # read, merged and replaced by one update at a time
        result = update_facts(args.update, source, allow_outside_source=args.allow_outside_source)
        if result.changed or args.output is not None:  # an unchanged file is left untouched
            write_atomic(target, result.data, inputs=inputs)
    for line in result.summary():
        print(f"{display_path(target)}: {line}", file=sys.stderr)
    counts = (len(result.new_facts), len(result.new_mentions), len(result.gone))
    print(
        f"{display_path(target)}: {counts[0]} new facts, {counts[1]} new mentions, "
        f"{counts[2]} gone (kept)",
        file=sys.stderr,
    )
    return EXIT_CLEAN


def load_sections(path: Path) -> list[Section]:
    """``name: [first, last]`` lines, or the ``report.sections`` of a facts file."""
    from factlint.extract.sections import sections_from_mapping

    shown = display_path(path)
    node = parse_yaml(read_text(path, what="sections file"), shown)
    reader = Reader(shown)
    top = reader.mapping(node, "a sections file")
    report = top.get("report")
    if isinstance(report, YamlMapping):
        sections = report.get("sections")
        top = reader.mapping(sections, "'report.sections'", at=report)
    spans = sections_of(reader, top)
    return sections_from_mapping(spans)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".txt", ".text", ".md", ".pdf", ".PDF"):
        name = name.removesuffix(suffix)
    return name or "report"
