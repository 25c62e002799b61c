"""Deterministic synthetic reports for factlint's benchmarks, of any size, from a seed.

A report is built from *true* values: every printed figure is a true value rounded
half-up to the precision it is printed with (mixed: 亿元 with 1–2 decimals, 万元 with
0–2, 元, percentages with 1–2 decimals, exact counts in 项/个/户/家/人). Rules relate
the true values exactly, so every rule holds on the printed figures' intervals, except
the *planted* ones: there one printed figure is moved far outside what rounding can
explain. Each fact belongs to at most one rule, so a planted figure breaks exactly its
rule and nothing else.

Rule kinds (the labels used in the benchmark tables): ``sum`` (2–10 parts), ``share``,
``growth``, ``compare`` (``check: "a <= b"``), ``check`` (free expressions:
``a + b - c == d`` and ``(a + b) / c == s``). A few facts carry two mentions, and some of
those are planted to disagree (the implicit ``mentions-agree`` check).

``python benchmarks/generate.py --facts 10000 --seed 7 --out DIR`` writes
``DIR/report.facts.yaml``, ``DIR/report.facts.jsonl``, ``DIR/report*.rules.yaml`` and
``DIR/expected.json`` (the planted findings).
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path

# (text after the number, scale in 元, decimals printed)
AMOUNT_STYLES = (
    ("亿元", Decimal(10) ** 8, 2),
    ("亿元", Decimal(10) ** 8, 1),
    ("万元", Decimal(10) ** 4, 0),
    ("万元", Decimal(10) ** 4, 1),
    ("万元", Decimal(10) ** 4, 2),
    ("元", Decimal(1), 0),
)
COUNTERS = ("项", "个", "户", "家", "人")
KIND_WEIGHTS = (
    ("sum", 30),
    ("share", 20),
    ("growth", 15),
    ("compare", 10),
    ("check", 15),
    ("duplicate", 10),
)
RULES_PER_FILE = 10_000  # keeps each rules file under the YAML loader's node limit (250k)


@dataclass
class Workload:
    """One synthetic report: facts and rules in the plain formats, and what is planted."""

    report: dict[str, object]
    facts: list[dict[str, object]] = field(default_factory=list)
    rules: list[dict[str, object]] = field(default_factory=list)
    planted: set[str] = field(default_factory=set)
    kinds: dict[str, str] = field(default_factory=dict)  # rule id -> benchmark kind

    def add_fact(self, fact_id: str, value: str, sections: tuple[str, ...] = ("body",)) -> str:
        mentions = [{"section": s, "quote": f"{fact_id} {value}"} for s in sections]
        self.facts.append({"id": fact_id, "value": value, "mentions": mentions})
        return fact_id


def _rounded(value: Decimal, places: int) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 80
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _text(number: Decimal, suffix: str) -> str:
    return f"{number:f}{suffix}"


class _Maker:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    # ---- true values -----------------------------------------------------------------

    def amount_style(self) -> tuple[str, Decimal, int]:
        return self.rng.choice(AMOUNT_STYLES)

    def true_amount(self, style: tuple[str, Decimal, int]) -> Decimal:
        """A true amount in 元 (to the 分) that prints with 1,000 to 999,999 last places."""
        _, scale, places = style
        unit = scale * Decimal(1).scaleb(-places)
        units = self.rng.randint(1_000, 999_999)
        cents = int(unit * 100)
        return Decimal(units * cents + self.rng.randint(-cents // 2, cents // 2)) / 100

    def print_amount(self, value: Decimal, style: tuple[str, Decimal, int]) -> str:
        word, scale, places = style
        with localcontext() as ctx:
            ctx.prec = 80
            return _text(_rounded(value / scale, places), word)

    def style_for(self, value: Decimal) -> tuple[str, Decimal, int]:
        """A printing style that keeps at least 1,000 last places for ``value``."""
        options = [
            s for s in AMOUNT_STYLES if abs(value) / (s[1] * Decimal(1).scaleb(-s[2])) >= 1000
        ]
        return self.rng.choice(options or [AMOUNT_STYLES[-1]])

    def percent(self, ratio: Decimal, places: int | None = None) -> str:
        places = self.rng.choice((1, 2)) if places is None else places
        with localcontext() as ctx:
            ctx.prec = 80
            return _text(_rounded(ratio * 100, places), "%")

    def shifted(self, text: str, relative: str = "0.15", at_least: int = 5) -> str:
        """The same printed figure moved far beyond its rounding: 15% and 5 last places."""
        number = text.rstrip("亿万元%项个户家人")
        suffix = text[len(number) :]
        value = Decimal(number)
        step = Decimal(1).scaleb(value.as_tuple().exponent)  # type: ignore[arg-type]
        move = max(abs(value) * Decimal(relative), step * at_least)
        moved = (value + move).quantize(step, rounding=ROUND_HALF_UP)
        return _text(moved, suffix)


def generate(facts: int, seed: int = 1, *, planted_rate: float = 0.02) -> Workload:
    """About ``facts`` facts (the last rule may add a few more), deterministic in ``seed``."""
    maker = _Maker(seed)
    rng = maker.rng
    work = Workload(
        report={"id": f"synthetic-{seed}-{facts}", "title": "synthetic", "period": "2020"}
    )
    kinds = [k for k, _ in KIND_WEIGHTS]
    weights = [w for _, w in KIND_WEIGHTS]
    index = 0
    while len(work.facts) < facts:
        index += 1
        kind = rng.choices(kinds, weights)[0]
        plant = rng.random() < planted_rate
        _BUILDERS[kind](maker, work, index, plant)
    return work


def _rule(work: Workload, rule_id: str, kind: str, body: dict[str, object], plant: bool) -> None:
    work.rules.append({"id": rule_id, **body})
    work.kinds[rule_id] = kind
    if plant:
        work.planted.add(rule_id)


def _sum(maker: _Maker, work: Workload, index: int, plant: bool) -> None:
    rng = maker.rng
    k = rng.randint(2, 10)
    prefix = f"s{index}"
    if rng.random() < 0.25:  # counts: exact
        counter = rng.choice(COUNTERS)
        values = [rng.randint(1, 5000) for _ in range(k)]
        parts = [work.add_fact(f"{prefix}_p{i}", f"{v}{counter}") for i, v in enumerate(values)]
        total_text = f"{sum(values)}{counter}"
        if plant:
            total_text = f"{sum(values) + rng.randint(1, 3)}{counter}"
    else:
        values = [maker.true_amount(maker.amount_style()) for _ in range(k)]
        parts = [
            work.add_fact(f"{prefix}_p{i}", maker.print_amount(v, maker.style_for(v)))
            for i, v in enumerate(values)
        ]
        total = sum(values, Decimal(0))
        total_text = maker.print_amount(total, maker.style_for(total))
        if plant:
            total_text = maker.shifted(total_text)
    total_id = work.add_fact(f"{prefix}_total", total_text)
    _rule(work, f"sum-{index}", "sum", {"sum": {"parts": parts, "total": total_id}}, plant)


def _share(maker: _Maker, work: Workload, index: int, plant: bool) -> None:
    rng = maker.rng
    prefix = f"sh{index}"
    if rng.random() < 0.5:
        counter = rng.choice(COUNTERS)
        whole = rng.randint(100, 50_000)
        part = rng.randint(whole // 20, whole * 19 // 20)
        part_text, whole_text = f"{part}{counter}", f"{whole}{counter}"
        ratio = Decimal(part) / Decimal(whole)
    else:
        style = maker.amount_style()
        whole_value = maker.true_amount(style)
        part_value = (whole_value * Decimal(rng.randint(50, 950)) / 1000).quantize(Decimal("0.01"))
        part_text = maker.print_amount(part_value, maker.style_for(part_value))
        whole_text = maker.print_amount(whole_value, maker.style_for(whole_value))
        ratio = part_value / whole_value
    share_text = maker.percent(ratio)
    if plant:
        share_text = maker.shifted(share_text)
    part_id = work.add_fact(f"{prefix}_part", part_text)
    whole_id = work.add_fact(f"{prefix}_whole", whole_text)
    share_id = work.add_fact(f"{prefix}_share", share_text)
    body = {"share": {"part": part_id, "whole": whole_id, "is": share_id}}
    _rule(work, f"share-{index}", "share", body, plant)


def _growth(maker: _Maker, work: Workload, index: int, plant: bool) -> None:
    rng = maker.rng
    prefix = f"g{index}"
    previous = maker.true_amount(maker.amount_style())
    rate = Decimal(rng.randint(-3000, 6000)) / 10_000
    current = (previous * (1 + rate)).quantize(Decimal("0.01"))
    with localcontext() as ctx:
        ctx.prec = 80
        true_rate = current / previous - 1
    rate_text = maker.percent(true_rate)
    if plant:
        rate_text = maker.shifted(rate_text, relative="0", at_least=50)
    current_id = work.add_fact(
        f"{prefix}_now", maker.print_amount(current, maker.style_for(current))
    )
    previous_id = work.add_fact(
        f"{prefix}_before", maker.print_amount(previous, maker.style_for(previous))
    )
    rate_id = work.add_fact(f"{prefix}_rate", rate_text)
    body = {"growth": {"current": current_id, "previous": previous_id, "is": rate_id}}
    _rule(work, f"growth-{index}", "growth", body, plant)


def _compare(maker: _Maker, work: Workload, index: int, plant: bool) -> None:
    rng = maker.rng
    prefix = f"c{index}"
    whole = maker.true_amount(maker.amount_style())
    part = (whole * Decimal(rng.randint(100, 990)) / 1000).quantize(Decimal("0.01"))
    if plant:
        part = whole * Decimal("1.25")
    part_id = work.add_fact(f"{prefix}_part", maker.print_amount(part, maker.style_for(part)))
    whole_id = work.add_fact(f"{prefix}_whole", maker.print_amount(whole, maker.style_for(whole)))
    _rule(work, f"compare-{index}", "compare", {"check": f"{part_id} <= {whole_id}"}, plant)


def _check(maker: _Maker, work: Workload, index: int, plant: bool) -> None:
    rng = maker.rng
    prefix = f"x{index}"
    a, b = (maker.true_amount(maker.amount_style()) for _ in range(2))
    if rng.random() < 0.5:
        c = (min(a, b) * Decimal(rng.randint(10, 900)) / 1000).quantize(Decimal("0.01"))
        d = a + b - c
        ids = [
            work.add_fact(f"{prefix}_{n}", maker.print_amount(v, maker.style_for(v)))
            for n, v in zip("abc", (a, b, c), strict=True)
        ]
        d_text = maker.print_amount(d, maker.style_for(d))
        if plant:
            d_text = maker.shifted(d_text)
        d_id = work.add_fact(f"{prefix}_d", d_text)
        expression = f"{ids[0]} + {ids[1]} - {ids[2]} == {d_id}"
    else:
        whole = (a + b) * Decimal(rng.randint(1100, 5000)) / 1000
        whole = whole.quantize(Decimal("0.01"))
        ids = [
            work.add_fact(f"{prefix}_{n}", maker.print_amount(v, maker.style_for(v)))
            for n, v in zip("abw", (a, b, whole), strict=True)
        ]
        with localcontext() as ctx:
            ctx.prec = 80
            ratio = (a + b) / whole
        share_text = maker.percent(ratio)
        if plant:
            share_text = maker.shifted(share_text)
        s_id = work.add_fact(f"{prefix}_s", share_text)
        expression = f"({ids[0]} + {ids[1]}) / {ids[2]} == {s_id}"
    _rule(work, f"check-{index}", "check", {"check": expression}, plant)


def _duplicate(maker: _Maker, work: Workload, index: int, plant: bool) -> None:
    """A fact printed twice; planted: the second mention prints other digits."""
    value = maker.true_amount(maker.amount_style())
    text = maker.print_amount(value, maker.style_for(value))
    fact_id = f"d{index}"
    work.add_fact(fact_id, text, sections=("body", "sidebar"))
    if plant:
        work.facts[-1]["mentions"][1]["value"] = maker.shifted(text)  # type: ignore[index]
        work.planted.add(f"mentions-agree:{fact_id}")


_BUILDERS = {
    "sum": _sum,
    "share": _share,
    "growth": _growth,
    "compare": _compare,
    "check": _check,
    "duplicate": _duplicate,
}


# ---- writing ---------------------------------------------------------------------------


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def yaml_fact_lines(fact: dict[str, object]) -> Iterator[str]:
    yield f"  {fact['id']}:\n    value: {_q(fact['value'])}\n    mentions:\n"  # type: ignore[arg-type]
    for mention in fact["mentions"]:  # type: ignore[attr-defined]
        yield f"      - section: {mention['section']}\n        quote: {_q(mention['quote'])}\n"
        if "value" in mention:
            yield f"        value: {_q(mention['value'])}\n"


def rule_yaml(rule: dict[str, object]) -> str:
    rule_id = rule["id"]
    if "sum" in rule:
        body = rule["sum"]
        parts = ", ".join(body["parts"])  # type: ignore[index]
        return f"  - id: {rule_id}\n    sum: {{parts: [{parts}], total: {body['total']}}}\n"  # type: ignore[index]
    if "share" in rule or "growth" in rule:
        kind = "share" if "share" in rule else "growth"
        body = rule[kind]
        inner = ", ".join(f"{k}: {v}" for k, v in body.items())  # type: ignore[attr-defined]
        return f"  - id: {rule_id}\n    {kind}: {{{inner}}}\n"
    return f"  - id: {rule_id}\n    check: {_q(rule['check'])}\n"  # type: ignore[arg-type]


def write(
    work: Workload, out: Path, *, yaml_facts: bool = True, jsonl_facts: bool = True
) -> dict[str, object]:
    """Write the report into ``out``; return the paths written (and the planted set)."""
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, object] = {}
    if yaml_facts:
        path = out / "report.facts.yaml"
        with path.open("w", encoding="utf-8") as handle:
            handle.write(f'report:\n  id: {work.report["id"]}\n  period: "2020"\nfacts:\n')
            for fact in work.facts:
                handle.writelines(yaml_fact_lines(fact))
        written["facts_yaml"] = str(path)
    if jsonl_facts:
        path = out / "report.facts.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            handle.write(json.dumps({"report": work.report}, ensure_ascii=False) + "\n")
            for fact in work.facts:
                handle.write(json.dumps(fact, ensure_ascii=False) + "\n")
        written["facts_jsonl"] = str(path)
    rules_paths = []
    for start in range(0, max(len(work.rules), 1), RULES_PER_FILE):
        chunk = work.rules[start : start + RULES_PER_FILE]
        name = "report.rules.yaml" if start == 0 else f"report-{start // RULES_PER_FILE}.rules.yaml"
        path = out / name
        facts_name = "report.facts.jsonl" if jsonl_facts else "report.facts.yaml"
        with path.open("w", encoding="utf-8") as handle:
            handle.write(f"facts: {facts_name}\nrules:{'' if chunk else ' []'}\n")
            handle.writelines(rule_yaml(rule) for rule in chunk)
        rules_paths.append(str(path))
    written["rules"] = rules_paths
    expected = {"planted": sorted(work.planted), "facts": len(work.facts), "rules": len(work.rules)}
    (out / "expected.json").write_text(json.dumps(expected, indent=1), encoding="utf-8")
    written.update(expected)
    return written


def found(report: object) -> set[str]:
    """The inconsistencies a factlint ``CheckResult`` flags, in the planted set's notation."""
    out = set()
    for finding in report.findings:  # type: ignore[attr-defined]
        if finding.status != "inconsistent":
            out.add(f"{finding.status}:{finding.rule}")
        elif finding.implicit:
            out.add(f"{finding.rule}:{finding.mentions[0].fact}")
        else:
            out.add(finding.rule)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    work = generate(args.facts, args.seed)
    info = write(work, args.out)
    print(json.dumps({k: v for k, v in info.items() if k != "planted"}, ensure_ascii=False))
    print(f"planted: {len(work.planted)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
