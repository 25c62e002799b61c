"""Hypothesis strategies for valid and near-valid factlint inputs, and the properties they feed.

Shared by ``tests/test_fuzz.py`` (a bounded budget in the suite) and ``scripts/fuzz.py``
(long runs). A *valid* input is built from a grammar; a *near-valid* one is a valid one with a
few edits a hurried editor or an attacker would make (a deleted quote, a tab, a duplicated
line, a stray ``&``, a NUL, invalid UTF-8).
"""

from __future__ import annotations

import dataclasses
import json
import re
import string
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st
from yaml.resolver import Resolver

from factlint.engine.checking import check_sets
from factlint.errors import FactlintError
from factlint.loading.facts_writer import dump_facts, quote
from factlint.loading.facts_yaml import load_facts
from factlint.loading.rules_yaml import load_rules
from factlint.loading.yaml_parse import parse_yaml
from factlint.model import FactSet
from factlint.numbers.figures import FigureError, parse_figure
from factlint.reporters import json_format
from factlint.rules.expression_parser import parse_check
from factlint.rules.expressions import ExpressionError, unparse

# ------------------------------------------------------------------ figures

_QUALIFIERS_BEFORE = ["", "", "", "超", "近", "约", "不到", "more than ", "about ", "over "]
_QUALIFIERS_AFTER = ["", "", "", "以上", "多", "余", "左右", " or more"]
_CURRENCIES = ["", "", "", "$", "¥", "US$", "€", "人民币"]
_SCALES = ["", "", "万", "亿", "千", "百万", "%", "‰", "个百分点", " million", " billion", "k"]
_UNITS = ["", "", "元", "项", "个", "户", "家", "人", "亩", "平方米", "吨", "美元", " yuan", "年"]
_CHINESE = ["一", "二", "三", "十", "十五", "二十一", "一百零五", "三万", "两千", "四十一"]


@st.composite
def numbers(draw: st.DrawFn) -> str:
    whole = draw(st.integers(0, 10**12))
    grouped = draw(st.booleans()) and whole >= 1000
    text = f"{whole:,}" if grouped else str(whole)
    places = draw(st.integers(0, 4))
    if places:
        text += "." + "".join(
            draw(st.lists(st.sampled_from(string.digits), min_size=places, max_size=places))
        )
    return text


@st.composite
def wild_figure_texts(draw: st.DrawFn) -> str:
    """Pieces of figures in any order and combination: many are not figures at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(_CHINESE)) + draw(st.sampled_from(["项", "个", "人", "次", ""]))
    number = draw(numbers())
    if draw(st.integers(0, 9)) == 0:
        number = "-" + number
    if draw(st.integers(0, 9)) == 0:
        number += draw(st.sampled_from(["-", "至", "~"])) + draw(numbers())
    return (
        draw(st.sampled_from(_QUALIFIERS_BEFORE))
        + draw(st.sampled_from(_CURRENCIES))
        + number
        + draw(st.sampled_from(_SCALES))
        + draw(st.sampled_from(_UNITS))
        + draw(st.sampled_from(_QUALIFIERS_AFTER))
    )


_FAMILIES = {
    "amount": (["万元", "亿元", "元", "美元", "万美元", " million yuan", " billion dollars"],
               ["", "$", "¥"]),
    "percent": (["%", "‰", "个百分点", " percent"], [""]),
    "count": (["项", "个", "户", "家", "人", "人次", "万人", "亩", "吨", "平方米"], [""]),
    "number": ([""], [""]),
}  # fmt: skip


@st.composite
def figure_texts(draw: st.DrawFn) -> str:
    """A figure as a report prints it, valid by construction (checked by ``_valid_figures``)."""
    family = draw(st.sampled_from(sorted(_FAMILIES)))
    suffixes, prefixes = _FAMILIES[family]
    prefix = draw(st.sampled_from(prefixes))
    suffix = "" if prefix else draw(st.sampled_from(suffixes))
    if prefix and draw(st.booleans()):
        suffix = draw(st.sampled_from([" million", " billion", "k"]))
    number = draw(numbers())
    if family == "count" and draw(st.booleans()):
        number = number.split(".")[0]
    if draw(st.integers(0, 7)) == 0:
        low = draw(st.integers(0, 10**6))
        return f"{prefix}{low}-{low + draw(st.integers(1, 10**6))}{suffix}"
    before, after = "", ""
    if draw(st.integers(0, 4)) == 0:
        before = draw(st.sampled_from(["超", "近", "约", "不到"]))
    elif draw(st.integers(0, 4)) == 0:
        after = draw(st.sampled_from(["以上", "左右", "多"]))
    sign = "-" if draw(st.integers(0, 9)) == 0 and not before else ""
    return f"{before}{sign}{prefix}{number}{suffix}{after}"


_NOISE = [*"0123456789.,-+%:{}[]&*!|>'\"#\t\n \\项万亿元$eE",
    "\x00", "\ufeff", "\u2028", "\x85", "NaN", "Infinity", "1e999999999", "<<", "---", "\r",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    """``base`` with one to four small edits."""
    text = draw(base)
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            text = draw(st.sampled_from(_NOISE))
            continue
        at = draw(st.integers(0, len(text) - 1))
        edit = draw(st.sampled_from(["delete", "insert", "replace", "duplicate-line", "cut"]))
        if edit == "delete":
            text = text[:at] + text[at + 1 :]
        elif edit == "insert":
            text = text[:at] + draw(st.sampled_from(_NOISE)) + text[at:]
        elif edit == "replace":
            text = text[:at] + draw(st.sampled_from(_NOISE)) + text[at + 1 :]
        elif edit == "duplicate-line":
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index])
            text = "\n".join(lines)
        else:
            text = text[:at]
    return text


# ------------------------------------------------------------------ expressions

_NAMES = ["signed", "six_new", "share", "a", "b", "total", "增长", "ｘ"]


def _extend_expression(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(inner, st.sampled_from(["+", "-", "*", "/", "×", "÷", "−"]), inner).map(
            lambda t: f"{t[0]} {t[1]} {t[2]}"
        ),
        inner.map(lambda t: f"({t})"),
        inner.map(lambda t: f"-{t}"),
        st.tuples(
            st.sampled_from(["abs", "max", "min", "sum"]),
            st.lists(inner, min_size=1, max_size=3),
        ).map(lambda t: f"{t[0]}({', '.join(t[1])})"),
    )


def expressions(names: list[str] | None = None) -> st.SearchStrategy[str]:
    """Operands joined by operators, parentheses and functions; sometimes a comparison."""
    leaf = st.one_of(
        st.sampled_from(names or _NAMES),
        st.builds(str.__add__, numbers(), st.sampled_from(["", "%", "万元", "亿元", "项", "‰"])),
    )

    return st.recursive(leaf, _extend_expression, max_leaves=12)


@st.composite
def checks(draw: st.DrawFn, names: list[str] | None = None) -> str:
    side = expressions(names)
    op = draw(st.sampled_from(["==", "!=", "<", "<=", ">", ">=", "≤", "≥"]))
    return f"{draw(side)} {op} {draw(side)}"


# ------------------------------------------------------------------ facts and rules files


_RESOLVER = Resolver()
_NOT_TEXT = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:null")


def _scalar(draw: st.DrawFn, text: str) -> str:
    """``text`` as a YAML scalar in a style drawn at random (plain only where it is safe)."""
    plain_ok = (
        re.fullmatch(r"[0-9A-Za-z_\u4e00-\u9fff][0-9A-Za-z_.%\u4e00-\u9fff]*", text)
        and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) not in _NOT_TEXT
    )
    style = draw(
        st.sampled_from(["double", "single", "plain"] if plain_ok else ["double", "single"])
    )
    if style == "plain":
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if draw(st.booleans()):
        return quote(text)  # \x.. and \u.... escapes for what YAML does not print raw
    return json.dumps(text, ensure_ascii=False)


_IDS = st.builds(
    str.__add__,
    st.sampled_from(string.ascii_lowercase),
    st.text(alphabet=string.ascii_lowercase + string.digits + "_", max_size=8),
).filter(lambda s: s not in ("yes", "no", "on", "off", "true", "false", "null", "y", "n"))
_WORDS = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters="\ufeff"
    ),
    max_size=12,
)


@st.composite
def facts_documents(draw: st.DrawFn, source: str | None = None) -> tuple[str, list[str]]:
    """A valid facts file (text) and its fact ids."""
    ids = draw(st.lists(_IDS, min_size=1, max_size=6, unique=True))
    lines = ["report:", f"  id: {_scalar(draw, draw(_IDS))}"]
    if draw(st.booleans()):
        lines.append(f"  title: {_scalar(draw, draw(_WORDS))}")
    if draw(st.booleans()):
        lines.append(f"  period: {_scalar(draw, draw(st.sampled_from(['2019', '2020', 'H1'])))}")
    if draw(st.booleans()):
        lines.append(f"  rounding: {draw(st.sampled_from(['nearest', 'truncate', 'exact']))}")
    if source is not None:
        lines.append(f"  source: {_scalar(draw, source)}")
        lines.append("  sections:")
        lines.append("    body: [1, 1000]")
    lines.append("facts:")
    for fact_id in ids:
        lines.append(f"  {fact_id}:")
        lines.append(f"    value: {_scalar(draw, draw(_valid_figures))}")
        if draw(st.booleans()):
            lines.append(f"    label: {_scalar(draw, draw(_WORDS))}")
        if draw(st.integers(0, 4)) == 0:
            lines.append(f"    decimals: {draw(st.integers(-3, 4))}")
        if draw(st.integers(0, 4)) == 0:
            lines.append("    exact: true")
        if draw(st.integers(0, 4)) == 0:
            lines.append(f"    tolerance: {{relative: {_scalar(draw, '1%')}}}")
        if draw(st.booleans()):
            lines.append("    mentions:")
            for _ in range(draw(st.integers(1, 3))):
                lines.append(f"      - section: {_scalar(draw, 'body')}")
                if draw(st.booleans()):
                    lines.append(f"        quote: {_scalar(draw, draw(_WORDS))}")
                if draw(st.booleans()):
                    lines.append(f"        line: {draw(st.integers(1, 1000))}")
    return "\n".join(lines) + "\n", ids


def _parses(text: str) -> bool:
    try:
        parse_figure(text)
    except FigureError:
        return False
    return True


_valid_figures = figure_texts().filter(_parses)


@st.composite
def rules_documents(draw: st.DrawFn, ids: list[str], facts_name: str = "x.facts.yaml") -> str:
    """A rules file over ``ids``: every kind, with generated checks."""
    lines = [f"facts: {facts_name}", "rules:"]
    for index in range(draw(st.integers(1, 5))):
        lines.append(f"  - id: rule-{index}")
        kind = draw(st.sampled_from(["check", "sum", "share", "growth", "equal", "compare"]))
        pick = st.sampled_from(ids)
        if kind == "check":
            lines.append(f"    check: {json.dumps(draw(checks(ids)), ensure_ascii=False)}")
        elif kind == "sum":
            parts = draw(st.lists(pick, min_size=1, max_size=4))
            lines.append(f"    sum: {{parts: [{', '.join(parts)}], total: {draw(pick)}}}")
        elif kind in ("share", "growth"):
            a, b, c = draw(pick), draw(pick), draw(pick)
            first, second = ("part", "whole") if kind == "share" else ("current", "previous")
            lines.append(f"    {kind}: {{{first}: {a}, {second}: {b}, is: {c}}}")
        elif kind == "equal":
            lines.append(f"    equal: [{', '.join(draw(st.lists(pick, min_size=2, max_size=3)))}]")
        else:
            op = draw(st.sampled_from(["==", "<=", ">", "!="]))
            lines.append(f"    compare: {{left: {draw(pick)}, op: '{op}', right: {draw(pick)}}}")
        if draw(st.integers(0, 3)) == 0:
            lines.append(f"    tolerance: {_scalar(draw, draw(_valid_figures))}")
        if draw(st.integers(0, 3)) == 0:
            lines.append(f"    severity: {draw(st.sampled_from(['error', 'warning', 'info']))}")
    return "\n".join(lines) + "\n"


@st.composite
def report_texts(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, int]]]:
    """A report text and (figure, quote, line) for figures printed in it."""
    lines: list[str] = []
    printed: list[tuple[str, str, int]] = []
    for number in range(1, draw(st.integers(1, 12)) + 1):
        before = draw(st.sampled_from(["全年签约", "完成投资", "Revenue was ", "同比增长", ""]))
        figure = draw(_valid_figures.filter(lambda t: t[:1].isdigit() and "-" not in t))
        after = draw(st.sampled_from(["。", "，其中", " in 2020.", ""]))
        lines.append(before + figure + after)
        printed.append((figure, before + figure, number))
    return "\n".join(lines) + "\n", printed


# ------------------------------------------------------------------ properties


def parse_figure_fails_cleanly(text: str) -> None:
    """parse_figure returns a figure or raises FigureError, nothing else; it is idempotent."""
    try:
        figure = parse_figure(text)
    except FigureError:
        return
    assert parse_figure(figure.text) == figure


def parse_check_fails_cleanly(text: str) -> None:
    """parse_check returns a tree or raises ExpressionError; unparse gives the same tree."""
    try:
        tree = parse_check(text)
    except ExpressionError:
        return
    canonical = unparse(tree)
    assert unparse(parse_check(canonical)) == canonical


def parse_yaml_fails_cleanly(text: str) -> None:
    try:
        parse_yaml(text, "fuzz.yaml")
    except FactlintError:
        return


def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="factlint-fuzz-"))


def load_fails_cleanly(facts: str | bytes, rules: str | bytes | None = None) -> None:
    """Loading facts and rules files, then checking them, raises FactlintError or nothing."""
    folder = _folder()
    facts_path, rules_path = folder / "x.facts.yaml", folder / "x.rules.yaml"
    facts_path.write_bytes(
        facts.encode("utf-8", "surrogatepass") if isinstance(facts, str) else facts
    )
    try:
        fact_set = load_facts(facts_path)
        if rules is not None:
            data = rules.encode("utf-8", "surrogatepass") if isinstance(rules, str) else rules
            rules_path.write_bytes(data)
            rule_set = load_rules(rules_path)
            check_sets(fact_set, list(rule_set.rules))
    except FactlintError:
        return
    finally:
        _remove(folder)


def _remove(folder: Path) -> None:
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()


def comparable(facts: FactSet) -> tuple[Any, ...]:
    """A fact set without where things are declared (lines move when a file is rewritten)."""
    plain = {
        fact_id: dataclasses.replace(
            fact,
            declared_at=None,
            mentions=tuple(dataclasses.replace(m, declared_at=None) for m in fact.mentions),
        )
        for fact_id, fact in facts.facts.items()
    }
    return facts.report, plain


def round_trips(facts_text: str, source: str | None = None) -> None:
    """load -> dump -> load gives the same facts, and dumping again the same text."""
    folder = _folder()
    first, second = folder / "a.facts.yaml", folder / "b.facts.yaml"
    first.write_text(facts_text, encoding="utf-8")
    if source is not None:
        (folder / "report.txt").write_text(source, encoding="utf-8")
    try:
        loaded = load_facts(first)
        dumped = dump_facts(loaded)
        second.write_text(dumped, encoding="utf-8")
        again = load_facts(second)
        assert comparable(again) == comparable(loaded), dumped
        assert dump_facts(again) == dumped
    finally:
        _remove(folder)


def json_is_stable(facts_text: str, rules_text: str) -> None:
    """Two independent loads and checks print byte-identical JSON."""
    folder = _folder()
    (folder / "x.facts.yaml").write_text(facts_text, encoding="utf-8")
    (folder / "x.rules.yaml").write_text(rules_text, encoding="utf-8")
    try:
        outputs = []
        for _ in range(2):
            try:
                fact_set = load_facts(folder / "x.facts.yaml")
                rule_set = load_rules(folder / "x.rules.yaml")
                report = check_sets(fact_set, list(rule_set.rules))
            except FactlintError as error:
                outputs.append(str(error))
                continue
            outputs.append(json_format.render(report))
        assert outputs[0] == outputs[1]
    finally:
        _remove(folder)


def quotes_are_found(text: str, printed: list[tuple[str, str, int]]) -> None:
    """A quote copied from the line that prints the figure is found on that line."""
    lines = ["report: {id: fuzz, source: report.txt}", "facts:"]
    for index, (figure, printed_as, line) in enumerate(printed):
        lines.append(f"  f{index}:")
        lines.append(f"    value: {quote(figure)}")
        lines.append(f"    mentions: [{{quote: {quote(printed_as)}, line: {line}}}]")
    folder = _folder()
    (folder / "report.txt").write_text(text, encoding="utf-8")
    (folder / "x.facts.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        report = check_sets(load_facts(folder / "x.facts.yaml"), [])
    finally:
        _remove(folder)
    missing = [f.message for f in report.findings if f.rule == "quote-in-source"]
    assert not missing, missing


# ------------------------------------------------------------------ extract on any text

_EXTRACT_PIECES = [
    *"0123456789０１２３４５６７８９",
    *"一二三四五六七八九十百千万亿萬億〇零两",
    *",.，。．、：:；;%％‰-–—~～/／（）()[]【】 \t\n\r\u3000\u00a0\u2028\x85",
    *["项", "个", "亿元", "万元", "元", "倍", "个百分点", "平方米", "户", "人", "年", "月", "日"],
    *["增长", "下降", "比上年", "同比", "其中", "占", "合计", "共", "约", "超", "以上", "分别为"],
    *["percent", "per cent", "million", "billion", "up ", "down ", "from ", " to ", "of the "],
    *["2020年", "1,234.5", "76.5%", "1.2e3", "Q3", "第一", "  ", "\n\n", "|", "---"],
]


@st.composite
def extract_texts(draw: st.DrawFn) -> str:
    """Text a report might hold, and text no report should: numerals of every script,
    separators, units, words of change, any Unicode between them."""
    pieces = st.one_of(st.sampled_from(_EXTRACT_PIECES), st.text(max_size=4))
    return "".join(draw(st.lists(pieces, max_size=80)))


def extract_fails_cleanly(text: str) -> None:
    """``factlint extract`` in process: it writes facts, or refuses with a FactlintError;
    what it writes is YAML that our loader reads."""
    from factlint.extract.pipeline import extract_text
    from factlint.extract.writer import facts_data, facts_yaml

    try:
        extraction = extract_text(text, ())
        data = facts_data(extraction, report_id="r", source="r.txt")
        written = facts_yaml(data, source="r.txt")
    except FactlintError:
        return
    parse_yaml(written, "r.facts.yaml")
