"""Facts files in the layouts people write, for the ``extract --update`` property tests.

A *layout* is drawn by hypothesis (``layouts()``) and rendered to the bytes of a curated
facts file (``render``) about a report text (``report_text``) that prints each of a few
telling figures once, and some of them again further down: each repeat is a new mention
of a curated fact, each figure not curated a new fact.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from hypothesis import strategies as st

LABELS = (
    "固定资产投资完成",
    "社会消费品零售总额",
    "一般公共预算收入",
    "进出口总额达到",
    "实际利用外资",
)
FACT_STYLES = (
    "block",  # mentions:\n  - {…}
    "indentless",  # mentions:\n- {…} (at the key's column)
    "block-items",  # - line: 1\n  quote: …
    "dash-alone",  # -\n  line: 1
    "flow-seq",  # mentions: [{…}]
    "flow-seq-lines",  # mentions: [\n  {…},\n]
    "one-line",  # f0: {value: …, mentions: [{…}]}
    "question",  # ? f0\n: value: …
    "question-flow",  # ? f0\n: {value: …, mentions: [{…}]}
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be")


def value_of(index: int) -> str:
    return f"{100 + index * 11.11:.2f}亿元"


def quote_of(index: int) -> str:
    return f"{LABELS[index]}{value_of(index)}"


def report_text(count: int, repeated: frozenset[int]) -> str:
    """Each figure on line ``index + 1``; the repeated ones again after a line of words."""
    lines = [f"全年{quote_of(i)}。" for i in range(count)]
    lines.append("以下为重复。")
    lines += [f"全年{quote_of(i)}。" for i in sorted(repeated)]
    return "\n".join(lines) + "\n"


def repeat_line(count: int, repeated: frozenset[int], index: int) -> int:
    return count + 2 + sorted(repeated).index(index)


@dataclass(frozen=True)
class Layout:
    count: int  # figures in the report
    curated: tuple[int, ...]  # the figures the curated file has, in file order
    repeated: frozenset[int]
    styles: tuple[str, ...]  # one per curated fact
    notes: tuple[str, ...]  # "", "fact" (a note: | ending in a # line) or "mention"
    quoted: tuple[bool, ...]  # whether the curated mention has a quote (else its line only)
    flow_facts: str  # "", "one-line" or "lines": facts: {…}
    facts_first: bool
    step: int
    comments: tuple[bool, ...]  # where a comment may go, whether one does
    start: str  # "", "---" or "comment+---"
    end: str  # "", "..." or "comment"
    newline: str
    final_newline: bool
    encoding: str


@st.composite
def layouts(draw: st.DrawFn) -> Layout:
    count = draw(st.integers(1, len(LABELS)))
    flow_facts = draw(st.sampled_from(["", "", "one-line", "lines"]))
    curated = draw(st.permutations(range(count)))[
        : draw(st.integers(0 if flow_facts else 1, count))
    ]
    styles = tuple(
        "one-line" if flow_facts else draw(st.sampled_from(FACT_STYLES)) for _ in curated
    )
    notes = tuple(
        ""
        if flow_facts or style in ("one-line", "question-flow")
        else draw(st.sampled_from(["", "fact", "mention"]))
        for style in styles
    )
    quoted = tuple(draw(st.sampled_from([True, True, False])) for _ in curated)
    return Layout(
        count=count,
        curated=tuple(curated),
        repeated=frozenset(draw(st.sets(st.integers(0, count - 1)))),
        styles=styles,
        notes=notes,
        quoted=quoted,
        flow_facts=flow_facts,
        facts_first=draw(st.booleans()),
        step=draw(st.sampled_from([2, 4])),
        comments=tuple(draw(st.lists(st.booleans(), min_size=64, max_size=64))),
        start=draw(st.sampled_from(["", "---", "comment+---"])),
        end=draw(st.sampled_from(["", "...", "comment"])),
        newline=draw(st.sampled_from(["\n", "\r\n"])),
        final_newline=draw(st.booleans()),
        encoding=draw(st.sampled_from(ENCODINGS)),
    )


def _mention(index: int, quoted: bool = True) -> str:
    if not quoted:
        return f"{{line: {index + 1}}}"
    return f'{{line: {index + 1}, quote: "{quote_of(index)}"}}'


def _note(indent: str, step: str) -> list[str]:
    """A literal block scalar whose last line starts with # (text, not a comment)."""
    return [f"{indent}note: |", f"{indent}{step}hand-written", f"{indent}{step}# not a comment"]


def _fact_lines(layout: Layout, position: int, indent: str) -> list[tuple[str, bool]]:
    """(line, may a comment line follow it) for one curated fact in a block ``facts:``."""
    index = layout.curated[position]
    style, note = layout.styles[position], layout.notes[position]
    quoted = layout.quoted[position]
    step = " " * layout.step
    fact_id, value = f"f{index}", f'"{value_of(index)}"'
    flow_fact = f"{{value: {value}, mentions: [{_mention(index, quoted)}]}}"
    if style == "one-line":
        return [(f"{indent}{fact_id}: {flow_fact}", True)]
    if style == "question-flow":
        return [(f"{indent}? {fact_id}", True), (f"{indent}: {flow_fact}", True)]
    lines: list[tuple[str, bool]] = []
    inner = indent + step
    if style == "question":
        lines.append((f"{indent}? {fact_id}", False))
        lines.append((f"{indent}:{' ' * (layout.step - 1)}value: {value}", True))
    else:
        lines.append((f"{indent}{fact_id}:", True))
        lines.append((f"{inner}value: {value}", True))
    fact_note = [(line, False) for line in _note(inner, step)] if note == "fact" else []
    if fact_note:
        fact_note[-1] = (fact_note[-1][0], True)
    lines += fact_note if position % 2 else []
    item = inner + step
    if style in ("flow-seq", "flow-seq-lines") and note == "mention":
        style = "block-items"
    if style == "flow-seq":
        lines.append((f"{inner}mentions: [{_mention(index, quoted)}]", True))
    elif style == "flow-seq-lines":
        trailing = "," if position % 2 else ""
        lines.append((f"{inner}mentions: [", True))
        lines.append((f"{item}{_mention(index, quoted)}{trailing}", True))
        lines.append((f"{inner}]", True))
    else:
        lines.append((f"{inner}mentions:", True))
        dash = inner if style == "indentless" else item
        fields = [f"line: {index + 1}", f'quote: "{quote_of(index)}"'][: 1 + quoted]
        if style in ("block", "indentless") and note != "mention":
            lines.append((f"{dash}- {_mention(index, quoted)}", True))
        elif style == "dash-alone":
            lines.append((f"{dash}-", False))
            lines += [(f"{dash}{step}{field}", True) for field in fields]
        else:
            pad = "-".ljust(layout.step)
            lines.append((f"{dash}{pad}{fields[0]}", True))
            lines += [(f"{dash}{step}{field}", True) for field in fields[1:]]
        if note == "mention":
            mention_note = [(line, False) for line in _note(dash + step, step)]
            lines += [*mention_note[:-1], (mention_note[-1][0], True)]
    lines += [] if position % 2 else fact_note
    return lines


def _facts_lines(layout: Layout) -> list[tuple[str, bool]]:
    step = " " * layout.step
    if layout.flow_facts:
        entries = [
            f'f{i}: {{value: "{value_of(i)}", mentions: [{_mention(i, quoted)}]}}'
            for i, quoted in zip(layout.curated, layout.quoted, strict=True)
        ]
        if layout.flow_facts == "one-line" or not entries:
            return [("facts: {" + ", ".join(entries) + "}", True)]
        body = [(f"{step}{entry},", True) for entry in entries]
        body[-1] = (body[-1][0].rstrip(","), True)
        return [("facts: {", True), *body, ("}", True)]
    lines: list[tuple[str, bool]] = [("facts:", True)]
    for position in range(len(layout.curated)):
        lines += _fact_lines(layout, position, step)
    return lines


def _report_lines(layout: Layout) -> list[tuple[str, bool]]:
    step = " " * layout.step
    if layout.step == 4:
        return [("report: {id: r, source: r.txt}", True)]
    return [("report:", True), (f"{step}id: r", True), (f'{step}source: "r.txt"', True)]


def render(layout: Layout) -> bytes:
    parts = [_facts_lines(layout), _report_lines(layout)]
    body = parts[0] + parts[1] if layout.facts_first else parts[1] + parts[0]
    lines: list[str] = []
    if layout.start == "comment+---":
        lines.append("# a curated facts file")
    if layout.start:
        lines.append("---")
    comments = iter(layout.comments * 8)
    for line, may_follow in body:
        if may_follow and next(comments):
            line += "  # reviewed ✓😀"
        lines.append(line)
        if may_follow and next(comments):
            indent = len(line) - len(line.lstrip(" "))
            lines.append(" " * indent + "# a comment line, 审核")
    if layout.end == "...":
        lines.append("...")
    elif layout.end == "comment":
        lines.append("# the end")
    text = layout.newline.join(lines) + (layout.newline if layout.final_newline else "")
    return encode(text, layout.encoding)


def encode(text: str, encoding: str) -> bytes:
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    return boms.get(encoding, b"") + text.encode(encoding)


def decode(data: bytes, encoding: str) -> str:
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    bom = boms.get(encoding, codecs.BOM_UTF8 if encoding == "utf-8-sig" else b"")
    assert data.startswith(bom), f"the {encoding} byte order mark is gone"
    return data[len(bom) :].decode("utf-8" if encoding == "utf-8-sig" else encoding)
