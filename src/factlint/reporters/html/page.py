"""The annotated page: the report's text with every figure marked, the findings beside it.

One self-contained file: the style sheet and the script are inline, a Content Security
Policy forbids every request and every other script, and every piece of user text (fact
ids, quotes, messages, file names) is escaped.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from html import escape

from factlint.clip import keeping_layout
from factlint.model import CheckResult, FactSet, Finding, MentionRef, Severity
from factlint.records import dataclass
from factlint.reporters.html.assets import SCRIPT, STYLE, script_hash
from factlint.reporters.html.places import SourceText
from factlint.reporters.html.states import (
    Citations,
    MentionKey,
    State,
    checked_facts,
    key_of_mention,
    key_of_ref,
    state_of,
)

_MAX_CITE_LINKS = 6
_CHUNK_LINES = 100
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _e(text: object) -> str:
    """User text for the page: escaped for HTML, controls shown (``clip.keeping_layout``)."""
    return escape(keeping_layout(str(text)), quote=True)


@dataclass
class _Mark:
    start: int
    end: int
    state: State
    anchor: str
    title: str
    findings: list[int]


class _Anchors:
    """Ids of the marked figures, and which mention keys each one stands for."""

    def __init__(self) -> None:
        self.by_key: dict[MentionKey, str] = {}
        self.count = 0

    def new(self) -> str:
        self.count += 1
        return f"m{self.count}"


def render_page(report: CheckResult, fact_sets: Sequence[FactSet], generator: str) -> str:
    citations = Citations.of(report.findings)
    anchors = _Anchors()
    states: Counter[State] = Counter()
    sections = [
        _report_section(n, fs, report, citations, anchors, states) for n, fs in enumerate(fact_sets)
    ]
    findings = _findings(report.findings, anchors)
    title = "factlint: " + (", ".join(report.reports) or "report")
    counts = json.dumps(Counter(f"{f.severity.value} {f.status}" for f in report.findings))
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {script_hash()}; base-uri 'none'; form-action 'none'"
    )
    parts = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{_e(generator)}">',
        f"<title>{_e(title)}</title><style>{STYLE}</style></head>\n<body>",
        "<header>",
        f"<h1>{_e(title)}</h1>",
        _summary(report, states),
        _filters(report, states),
        "</header>\n<main>",
        '<section id="text" aria-label="report text">',
        *sections,
        "</section>",
        '<aside id="findings" aria-label="findings">',
        f'<h2>Findings</h2><p class="shown" id="shown" data-counts="{_e(counts)}">'
        f"{len(report.findings)} findings</p>",
        findings,
        "</aside></main>",
        f"<script>{SCRIPT}</script>",
        "</body></html>\n",
    ]
    return "\n".join(parts)


def _summary(report: CheckResult, states: Counter[State]) -> str:
    s = report.summary
    severities = Counter(f.severity for f in report.findings)
    items = [
        f"<span><b>{len(report.findings)}</b> {_plural(len(report.findings), 'finding')} "
        f"({_count(severities[Severity.ERROR], 'error')}, "
        f"{_count(severities[Severity.WARNING], 'warning')}, "
        f"{severities[Severity.INFO]} info)</span>",
        f"<span><b>{s.rules}</b> {_plural(s.rules, 'rule')}: {s.passed} passed, {s.failed} failed, "
        f"{s.cannot_check} cannot check</span>",
        f"<span><b>{s.facts}</b> {_plural(s.facts, 'fact')}, {s.unchecked} not checked</span>",
    ]
    return '<div class="counts" id="summary">' + "".join(items) + "</div>"


def _count(number: int, noun: str) -> str:
    return f"{number} {_plural(number, noun)}"


def _plural(number: int, noun: str) -> str:
    return noun if number == 1 else noun + "s"


def _filters(report: CheckResult, states: Counter[State]) -> str:
    severities = Counter(f.severity.value for f in report.findings)
    statuses = Counter(f.status for f in report.findings)

    def box(toggle: str, text: str, count: int) -> str:
        return (
            f'<label><input type="checkbox" checked data-toggle="{toggle}"> '
            f"{text} ({count})</label>"
        )

    by_severity = "".join(
        box(f"hide-{sev.value}", sev.value, severities[sev.value])
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    by_status = box("hide-inconsistent", "inconsistent", statuses["inconsistent"]) + box(
        "hide-cannot-check", "cannot check", statuses["cannot-check"]
    )
    by_state = "".join(
        box(
            f"dim-{state.value}",
            f'<span class="{state.value}"><span class="sym">'
            f"{state.symbol}</span></span> {state.label}",
            states[state],
        )
        for state in State
    )
    return (
        '<form id="filters">'
        f"<fieldset><legend>findings by severity</legend>{by_severity}</fieldset>"
        f"<fieldset><legend>findings by status</legend>{by_status}</fieldset>"
        f"<fieldset><legend>figures marked</legend>{by_state}</fieldset>"
        "</form>"
    )


def _report_section(
    number: int,
    facts: FactSet,
    report: CheckResult,
    citations: Citations,
    anchors: _Anchors,
    states: Counter[State],
) -> str:
    info = facts.report
    checked = checked_facts(report, facts)
    marks: list[_Mark] = []
    unplaced: list[_Mark] = []
    text = SourceText.of(info.source_text) if info.source_text is not None else None
    for fact in facts.facts.values():
        for mention in fact.mentions:
            key = key_of_mention(facts, mention)
            cited = citations.by_mention.get(key, [])
            state = state_of(cited, report.findings, fact.id in checked)
            states[state] += 1
            anchor = anchors.new()
            anchors.by_key.setdefault(key, anchor)
            label = f" ({fact.label})" if fact.label else ""
            title = f"{state.label}: {fact.id}{label} = {mention.figure.text}"
            span = text.locate(mention.quote, mention.figure.text, mention.line) if text else None
            mark = _Mark(*(span or (0, 0)), state, anchor, title, cited)
            (marks if span else unplaced).append(mark)
    heading = " · ".join(_e(p) for p in (info.id, info.title, info.source or "") if p)
    parts = [f'<article id="r{number}"><h2>{heading}</h2>']
    if info.source_text is not None:
        lang = "zh" if _CJK.search(info.source_text[:20000]) else "en"
        parts.append(
            f'<div class="text" lang="{lang}"><div class="chunk">'
            + _marked_text(info.source_text, marks, info.source_places, number)
            + "</div></div>"
        )
    if unplaced:
        what = "Figures" if info.source_text is None else "Figures not found in the text"
        items = "".join(
            f"<li>{_mark_html(m, _e(m.title.split(': ', 1)[1]))}</li>" for m in unplaced
        )
        parts.append(f'<h2>{what}</h2><ul class="facts">{items}</ul>')
    parts.append("</article>")
    return "\n".join(parts)


def _marked_text(
    source: str, marks: list[_Mark], places: Sequence[tuple[int, int]], number: int
) -> str:
    """The source with line numbers, page breaks (for a PDF) and each mark in place;
    a mark that overlaps an earlier one is dropped (its figure is listed in the findings)."""
    events: list[tuple[int, int, _Mark]] = []
    last_end = -1
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start >= last_end:
            events.append((mark.start, mark.end, mark))
            last_end = mark.end
    out: list[str] = []
    position = 0
    line = 1
    page = 0

    def line_start(line: int) -> str:
        nonlocal page
        # the text in chunks of lines the browser lays out only when they are in view
        prefix = '</div><div class="chunk">' if line % _CHUNK_LINES == 1 and line > 1 else ""
        if places and line <= len(places) and places[line - 1][0] != page:
            page = places[line - 1][0]
            prefix += f'<span class="pg" id="r{number}-p{page}">page {page}</span>'
        return f'{prefix}<span class="n" id="r{number}-{line}">{line}</span>'

    def plain(chunk: str, inside: _Mark | None = None) -> None:
        # a mark broken across lines is closed before each line break and reopened after
        # the next line's number (not on a blank line), so no line number is ever marked
        nonlocal line
        pieces = chunk.split("\n")
        out.append(_e(pieces[0]))
        opened = inside is not None
        for index, piece in enumerate(pieces[1:], start=1):
            line += 1
            out.append(("</mark>" if opened else "") + "\n" + line_start(line))
            opened = inside is not None and (bool(piece) or index == len(pieces) - 1)
            if opened and inside is not None:
                out.append(_continued(inside))
            out.append(_e(piece))

    out.append(line_start(1))
    for start, end, mark in events:
        plain(source[position:start])
        out.append(_mark_open(mark))
        plain(source[start:end], mark)
        out.append(_mark_close(mark))
        position = end
    plain(source[position:].rstrip("\n"))
    return "".join(out)


def _mark_open(mark: _Mark) -> str:
    return (
        f'<mark class="fig {mark.state.value}" id="{mark.anchor}" title="{_e(mark.title)}">'
        f'<span class="sym">{mark.state.symbol}</span>'
    )


def _continued(mark: _Mark) -> str:
    return f'<mark class="fig {mark.state.value}" title="{_e(mark.title)}">'


def _mark_close(mark: _Mark) -> str:
    if not mark.findings:
        return "</mark>"
    links = "".join(f'<a href="#f{i + 1}">{i + 1}</a>' for i in mark.findings[:_MAX_CITE_LINKS])
    more = "…" if len(mark.findings) > _MAX_CITE_LINKS else ""
    return f'</mark><sup class="cite">{links}{more}</sup>'


def _mark_html(mark: _Mark, body: str) -> str:
    return _mark_open(mark) + body + _mark_close(mark)


def _findings(findings: Sequence[Finding], anchors: _Anchors) -> str:
    items = [_finding(i, f, anchors) for i, f in enumerate(findings)]
    # not a list: Chromium renumbers an <ol> item by item when thousands are hidden
    return '<div class="findings">' + "\n".join(items) + "</div>"


def _finding(index: int, finding: Finding, anchors: _Anchors) -> str:
    state = State.INCONSISTENT if finding.status == "inconsistent" else State.CANNOT_CHECK
    severity = finding.severity.value
    rows = []
    if finding.claim:
        rows.append(("claim", finding.claim))
    if finding.arithmetic and finding.status == "inconsistent":
        rows.append(("arithmetic", finding.arithmetic))
    if finding.stated:
        figure = finding.stated.figure
        printed = f"{figure} = " if figure and figure != finding.stated.text else ""
        rows.append(("stated", printed + finding.stated.text))
    if finding.computed:
        rows.append(("computed", f"{finding.computed.text} ({finding.rounding} rounding)"))
    if finding.suggestion:
        rows.append(("would read", finding.suggestion))
    if finding.reason:
        rows.append(("reason", finding.reason))
    math = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows)
    cites = "".join(_cite(ref, anchors) for ref in _unique(finding.mentions))
    where = f'<div class="where">{_e(finding.rule_at)}</div>' if finding.rule_at else ""
    return (
        f'<article class="finding {state.value} sev-{severity} st-{finding.status}" '
        f'id="f{index + 1}"><div class="head"><span class="no">{index + 1}</span>'
        f'<span class="{state.value}"><span class="sym">{state.symbol}</span></span>'
        f'<span class="sev {severity}">{severity}</span> <code>{_e(finding.rule)}</code> '
        f"{_e(state.label)}</div>"
        f'<p class="msg">{_e(finding.message)}</p>'
        + (f'<dl class="math">{math}</dl>' if math else "")
        + (f'<ul class="cites">{cites}</ul>' if cites else "")
        + where
        + "</article>"
    )


def _unique(refs: Sequence[MentionRef]) -> list[MentionRef]:
    return list({key_of_ref(r): r for r in refs}.values())


def _cite(ref: MentionRef, anchors: _Anchors) -> str:
    where = f" line {ref.line}" if ref.line is not None else ""
    if ref.page is not None:
        where += f" (page {ref.page}, line {ref.page_line})"
    section = f" [{_e(ref.section)}]" if ref.section else ""
    quote = f" «{_e(' '.join(ref.quote.split()))}»" if ref.quote else ""
    text = f"{_e(ref.fact)} = {_e(ref.figure)}{section}{_e(where)}"
    anchor = anchors.by_key.get(key_of_ref(ref))
    link = f'<a href="#{anchor}">{text}</a>' if anchor else text
    return f"<li>{link}{quote}</li>"
