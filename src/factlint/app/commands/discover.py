"""``factlint discover REPORT.txt|FACTS``: find the relations a report's figures should
satisfy, write them as rules, and report the ones that only nearly hold."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factlint.app.commands.extract import add_outside_option, add_sections_option, load_sections
from factlint.app.streams import write_stdout
from factlint.errors import FactlintError
from factlint.loading.atomic_write import writable_target, write_atomic
from factlint.loading.facts_yaml import load_facts
from factlint.loading.textfile import display_path, read_text
from factlint.numbers.figures import figure_digits

if TYPE_CHECKING:  # the extraction modules are imported when the command runs
    from factlint.extract.discover import Relation
    from factlint.extract.pipeline import Extraction

EXIT_CLEAN = 0
_FACTS_SUFFIXES = (".yaml", ".yml", ".json")


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "discover",
        help="find the shares, sums and growth rates a report's figures should satisfy",
        description="Search the figures a report ties together (same sentence, neighbouring "
        "sentences, shared labels) for shares, completion ratios, sums, growth rates and "
        "parts within wholes; write them as rules, and report near misses (consistent only "
        "under truncation, off by one in the last digit, off by a power of ten).",
    )
    parser.add_argument("input", type=Path, help="a report text, or a facts file naming one")
    parser.add_argument("-o", "--output", type=Path, help="write the rules file here")
    parser.add_argument(
        "--facts",
        type=Path,
        help="the facts file the rules name (for a report text; default: REPORT.facts.yaml "
        "as `factlint extract REPORT.txt -o REPORT.facts.yaml` writes it)",
    )
    add_sections_option(parser)
    add_outside_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from factlint.extract.discover import discover
    from factlint.extract.writer import rules_yaml

    if args.output is not None:  # refused before the work, not after it
        writable_target(args.output, [p for p in (args.input, args.sections) if p is not None])
    extraction, ids, exact, facts_path = _load(args)
    relations = discover(extraction, ids, exact)
    where = args.output.parent if args.output is not None else Path.cwd()
    named = Path(os.path.relpath(facts_path.resolve(), where.resolve())).as_posix()
    text = rules_yaml(named, [r.rule for r in relations])
    if args.output is None:
        write_stdout(text, utf8=True)  # a YAML file, whatever the console
    else:
        inputs = [path for path in (args.input, args.sections) if path is not None]
        write_atomic(args.output, text, inputs=inputs)
    report = sys.stderr if args.output is None else sys.stdout
    for line in describe(relations):
        print(line, file=report)
    return EXIT_CLEAN


def describe(relations: list[Relation]) -> list[str]:
    """One line per relation, near misses marked, then a count."""
    lines = []
    for relation in relations:
        mark = "finding" if relation.is_finding else "rule"
        lines.append(
            f"{mark} [{relation.status}] {relation.rule['id']}: {relation.rule['message']}"
        )
    findings = sum(r.is_finding for r in relations)
    lines.append(f"{len(relations)} relations, {findings} near misses")
    return lines


def _load(
    args: argparse.Namespace,
) -> tuple[Extraction, dict[str, str] | None, dict[str, bool], Path]:
    from factlint.extract.pipeline import extract_text
    from factlint.extract.sections import sections_from_mapping

    path: Path = args.input
    if path.suffix.lower() not in _FACTS_SUFFIXES:
        sections = load_sections(args.sections) if args.sections is not None else None
        extraction = extract_text(read_text(path, what="report text"), sections)
        facts = args.facts or path.with_name(path.name.rsplit(".", 1)[0] + ".facts.yaml")
        return extraction, None, {}, facts
    curated = load_facts(path, allow_outside_source=args.allow_outside_source)
    if curated.report.source_text is None:
        raise FactlintError(
            "the facts file names no report text (report.source); discover reads the text",
            display_path(path),
        )
    if args.sections is not None:
        sections = load_sections(args.sections)
    else:
        sections = sections_from_mapping(curated.report.sections) or None
    extraction = extract_text(curated.report.source_text, sections)
    at = {
        (m.line, figure_digits(m.figure.text)): fact.id
        for fact in curated.facts.values()
        for m in fact.mentions
        if m.line is not None
    }
    ids: dict[str, str] = {}
    for fact in extraction.facts:
        for found in fact.mentions:
            curated_id = at.get((found.line, figure_digits(found.text)))
            if curated_id is not None:
                ids.setdefault(fact.id, curated_id)
    exact = {fact.id: fact.exact for fact in curated.facts.values()}
    return extraction, ids, exact, path
