"""factlint against Arelle on the same sum-check workload, side by side.

    python benchmarks/arelle_compare.py              # 10,000 totals of 10 parts (110,000 facts)
    python benchmarks/arelle_compare.py --totals 500 # a quick run

1. Makes (once) a virtual environment ``benchmarks/.venv-arelle`` and installs
   ``arelle-release`` into it with pip; if that fails, prints pip's own words and stops.
2. Generates one workload from a seed: ``--totals`` totals, each of ``--parts`` parts, all
   amounts in CNY printed at mixed decimals (0.01亿元, 0.1亿元, 万元 with 0–2 decimals,
   元), about 1% of the totals planted off by far more than rounding explains. It is
   written twice, as the same numbers:

   - an XBRL 2.1 instance (one context per total), a minimal taxonomy schema and a
     calculation linkbase (``Total = Part01 + … + PartNN``), all local files;
   - a factlint JSON Lines facts file and a rules file with one ``sum`` rule per total.

3. Runs ``arelleCmdLine --validate --calc c11r --internetConnectivity=offline
   --collectProfileStats`` (Calculations 1.1, round-to-nearest) and ``factlint check``,
   each as a whole process, and checks that both flag exactly the planted totals.
4. Prints whole-process times and check-phase times (Arelle's own ``validateCalculations``
   profile statistic; factlint's ``check_sets`` timed in-process) and their ratios.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import venv
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SRC = ROOT / "src"
VENV = HERE / ".venv-arelle"
WORK = HERE / "work"
NS = "http://example.com/factlint-bench"
# decimals (XBRL) -> how factlint prints the same figure: (word, scale exponent, places)
STYLES = {-7: ("亿元", 8, 1), -6: ("亿元", 8, 2), -4: ("万元", 4, 0), -3: ("万元", 4, 1),
          -2: ("万元", 4, 2), 0: ("元", 0, 0)}  # fmt: skip
ENV = {**os.environ, "PYTHONPATH": str(SRC)}


def arelle_command() -> Path:
    """arelleCmdLine in the benchmark's own virtual environment, installed on first use."""
    command = VENV / "bin" / "arelleCmdLine"
    if command.exists():
        return command
    print(f"creating {VENV} and installing arelle-release with pip …", flush=True)
    venv.create(VENV, with_pip=True)
    result = subprocess.run(
        [str(VENV / "bin" / "pip"), "install", "--quiet", "arelle-release"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not command.exists():
        sys.stderr.write("pip could not install arelle-release:\n" + result.stdout + result.stderr)
        raise SystemExit(3)
    return command


# ---- the workload ----------------------------------------------------------------------


def _round(value: Decimal, decimals: int) -> Decimal:
    step = Decimal(1).scaleb(-decimals)
    return value.quantize(step, rounding=ROUND_HALF_UP)


def _true_amount(rng: random.Random, decimals: int) -> Decimal:
    """A true value in 元 (to the 分) printing with 1,000 to 999,999 last places."""
    unit = Decimal(1).scaleb(-decimals)
    cents = int(unit * 100)
    return Decimal(rng.randint(1_000, 999_999) * cents + rng.randint(-cents // 2, cents // 2)) / 100


def _factlint_text(value: Decimal, decimals: int) -> str:
    """The XBRL value (rounded to ``decimals``) printed as factlint reads it."""
    word, exponent, places = STYLES[decimals]
    number = value.scaleb(-exponent).quantize(Decimal(1).scaleb(-places))
    return f"{number:f}{word}"


def _xbrl_text(value: Decimal) -> str:
    return f"{value:f}"


def generate(totals: int, parts: int, seed: int, planted_rate: float = 0.01) -> dict:
    rng = random.Random(seed)
    rows = []
    planted = []
    for index in range(totals):
        items = []
        for _ in range(parts):
            decimals = rng.choice(list(STYLES))
            items.append((_round(_true_amount(rng, decimals), decimals), decimals))
        # The total is rounded from the parts as printed: true values within half a last
        # place of each printed part, so the sum holds for every unplanted total.
        true_total = sum((v for v, _ in items), Decimal(0))
        choices = [d for d in STYLES if true_total / Decimal(1).scaleb(-d) >= 1000]
        total_decimals = rng.choice(choices)
        total = _round(true_total, total_decimals)
        if rng.random() < planted_rate:
            step = Decimal(1).scaleb(-total_decimals)
            total = _round(total + max(total * Decimal("0.15"), 5 * step), total_decimals)
            planted.append(index)
        rows.append(((total, total_decimals), items))
    return {"rows": rows, "planted": planted, "parts": parts}


def write_xbrl(data: dict, folder: Path) -> Path:
    parts = data["parts"]
    names = ["Total"] + [f"Part{i:02d}" for i in range(1, parts + 1)]
    elements = "\n".join(
        f'  <xsd:element name="{n}" id="bench_{n}" type="xbrli:monetaryItemType" '
        'substitutionGroup="xbrli:item" xbrli:periodType="instant" xbrli:balance="credit" '
        'nillable="true"/>'
        for n in names
    )
    (folder / "bench.xsd").write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema targetNamespace="{NS}" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
  xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink" elementFormDefault="qualified"
  attributeFormDefault="unqualified">
  <xsd:annotation><xsd:appinfo>
    <link:linkbaseRef xlink:type="simple" xlink:href="bench-calc.xml"
      xlink:role="http://www.xbrl.org/2003/role/calculationLinkbaseRef"
      xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>
  </xsd:appinfo></xsd:annotation>
  <xsd:import namespace="http://www.xbrl.org/2003/instance"
    schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
{elements}
</xsd:schema>
""",
        encoding="utf-8",
    )
    locs = "\n".join(
        f'    <link:loc xlink:type="locator" xlink:href="bench.xsd#bench_{n}" xlink:label="{n}"/>'
        for n in names
    )
    arcs = "\n".join(
        '    <link:calculationArc xlink:type="arc" '
        'xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item" '
        f'xlink:from="Total" xlink:to="{n}" order="{i}" weight="1.0"/>'
        for i, n in enumerate(names[1:], 1)
    )
    (folder / "bench-calc.xml").write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.xbrl.org/2003/linkbase http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd">
  <link:calculationLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
{locs}
{arcs}
  </link:calculationLink>
</link:linkbase>
""",
        encoding="utf-8",
    )
    instance = folder / "bench.xbrl"
    with instance.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" '
            'xmlns:link="http://www.xbrl.org/2003/linkbase" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" '
            'xmlns:iso4217="http://www.xbrl.org/2003/iso4217" '
            f'xmlns:bench="{NS}">\n'
            '  <link:schemaRef xlink:type="simple" xlink:href="bench.xsd"/>\n'
            '  <xbrli:unit id="CNY"><xbrli:measure>iso4217:CNY</xbrli:measure></xbrli:unit>\n'
        )
        for index, ((total, total_decimals), items) in enumerate(data["rows"]):
            context = f"c{index:05d}"
            out.write(
                f'  <xbrli:context id="{context}"><xbrli:entity><xbrli:identifier '
                f'scheme="http://example.com/entity">E{index:05d}</xbrli:identifier>'
                "</xbrli:entity><xbrli:period><xbrli:instant>2020-12-31</xbrli:instant>"
                "</xbrli:period></xbrli:context>\n"
            )
            out.write(
                f'  <bench:Total contextRef="{context}" unitRef="CNY" '
                f'decimals="{total_decimals}">{_xbrl_text(total)}</bench:Total>\n'
            )
            for number, (value, decimals) in enumerate(items, 1):
                out.write(
                    f'  <bench:Part{number:02d} contextRef="{context}" unitRef="CNY" '
                    f'decimals="{decimals}">{_xbrl_text(value)}</bench:Part{number:02d}>\n'
                )
        out.write("</xbrli:xbrl>\n")
    return instance


SHAPES = ("plain", "decimals", "mentions")
"""How users write the same facts: a value only; a value and its XBRL ``decimals`` (as
converted XBRL facts carry it); a value and where the report prints it."""
FORMATS = ("jsonl", "yaml")


def _fact_fields(value: Decimal, decimals: int, shape: str, line: int) -> dict[str, object]:
    """The fields of one fact. In the ``decimals`` shape the figure is the XBRL value in 元
    with XBRL's decimals declared (``"7009900元", decimals: -2``), as a fact converted from
    XBRL reads; in the others it is printed as a report prints it (``70.10万元``)."""
    if shape == "decimals":
        return {"value": f"{_xbrl_text(value)}元", "decimals": decimals}
    fields: dict[str, object] = {"value": _factlint_text(value, decimals)}
    if shape == "mentions":
        fields["mentions"] = [{"section": "body", "line": line}]
    return fields


def _yaml_fact(fact_id: str, fields: dict[str, object]) -> str:
    """One fact in block style, as the README teaches it."""
    lines = [f"  {fact_id}:", f'    value: "{fields["value"]}"']
    if "decimals" in fields:
        lines.append(f"    decimals: {fields['decimals']}")
    for mention in fields.get("mentions", ()):  # type: ignore[attr-defined]
        lines += ["    mentions:", f"      - section: {mention['section']}"]
        lines.append(f"        line: {mention['line']}")
    return "\n".join(lines) + "\n"


def write_factlint(data: dict, folder: Path, shape: str, form: str) -> tuple[Path, Path]:
    """The facts in one shape and format, and a rules file naming them."""
    facts = folder / f"bench-{shape}.facts.{form}"
    rules = folder / f"bench-{shape}-{form}.rules.yaml"
    with facts.open("w", encoding="utf-8") as out, rules.open("w", encoding="utf-8") as rout:
        if form == "jsonl":
            out.write(json.dumps({"report": {"id": "arelle-bench"}}) + "\n")
        else:
            out.write("report:\n  id: arelle-bench\nfacts:\n")
        rout.write(f"facts: {facts.name}\nrules:\n")
        line = 0
        for index, ((total, total_decimals), items) in enumerate(data["rows"]):
            total_id = f"t{index:05d}_total"
            named = [(total_id, total, total_decimals)]
            named += [
                (f"t{index:05d}_p{number:02d}", value, decimals)
                for number, (value, decimals) in enumerate(items, 1)
            ]
            for fact_id, value, decimals in named:
                line += 1
                fields = _fact_fields(value, decimals, shape, line)
                if form == "jsonl":
                    out.write(json.dumps({"id": fact_id, **fields}, ensure_ascii=False) + "\n")
                else:
                    out.write(_yaml_fact(fact_id, fields))
            parts = ", ".join(fact_id for fact_id, _, _ in named[1:])
            rule = f"  - id: calc-{index:05d}\n    sum: {{parts: [{parts}], total: {total_id}}}\n"
            rout.write(rule)
    return facts, rules


# ---- running ---------------------------------------------------------------------------


def run_arelle(command: Path, instance: Path) -> dict:
    log = instance.with_name("arelle-log.json")
    log.unlink(missing_ok=True)
    argv = [
        str(command),
        "--file",
        str(instance),
        "--validate",
        "--calc",
        "c11r",
        "--internetConnectivity=offline",
        "--collectProfileStats",
        f"--logFile={log}",
    ]
    start, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(argv, capture_output=True, text=True)
    took, cpu = time.perf_counter() - start, _children_cpu() - cpu
    entries = json.loads(log.read_text(encoding="utf-8"))["log"] if log.exists() else []
    flagged: set[int] = set()
    calc_phase = None
    other_errors = []
    for entry in entries:
        code = entry.get("code", "")
        text = entry.get("message", {}).get("text", "")
        if code.startswith("calc11e:inconsistentCalculation"):
            context = entry.get("message", {}).get("contextID") or _context_of(text)
            flagged.add(int(context.lstrip("c")))
        elif code == "info:profileStats":
            stats = entry.get("message", {}).get("profileStats")
            calc_phase = _profile_seconds(stats, text, "validateCalculations")
        elif entry.get("level") in ("error", "warning", "critical", "inconsistency"):
            other_errors.append(f"{code}: {text[:200]}")
    return {
        "seconds": took,
        "cpu": cpu,
        "calc_phase": calc_phase,
        "flagged": flagged,
        "returncode": result.returncode,
        "other": other_errors,
        "stderr": result.stderr[-2000:],
    }


def _children_cpu() -> float:
    """User and system CPU seconds of the finished child processes (robust to a busy
    machine, where wall time also measures the other processes)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _context_of(text: str) -> str:
    import re

    match = re.search(r"\bc(\d{5})\b", text)
    return f"c{match.group(1)}" if match else "c-1"


def _profile_seconds(stats: object, text: str, name: str) -> float | None:
    import re

    match = re.search(rf"{name} ([0-9.,]+) secs", text)
    if match:
        return float(match.group(1).replace(",", ""))
    return None


_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "with open(sys.argv[1], 'w') as out:\n"
    "    rc = subprocess.run(sys.argv[2:], stdout=out).returncode\n"
    "took = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(took, usage.ru_maxrss, rc, usage.ru_utime + usage.ru_stime)\n"
)


def run_factlint(facts: Path, rules: Path) -> dict:
    """One cold ``factlint check`` as its own process, timed (and its peak memory read) by
    a fresh wrapper process, so that RUSAGE_CHILDREN is this run's alone."""
    out = facts.with_name("factlint.json")
    argv = [sys.executable, "-m", "factlint", "check", facts.name, rules.name, "--format", "json"]
    result = subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(out), *argv],
        cwd=facts.parent,
        env=ENV,
        capture_output=True,
        text=True,
    )
    took, peak_kib, returncode, cpu = result.stdout.split()
    report = json.loads(out.read_text(encoding="utf-8"))
    flagged = set()
    other = []
    for finding in report["findings"]:
        if finding["rule"].startswith("calc-") and finding["status"] == "inconsistent":
            flagged.add(int(finding["rule"].removeprefix("calc-")))
        else:
            other.append(f"{finding['rule']}: {finding['status']}")
    return {
        "seconds": float(took),
        "cpu": float(cpu),
        "peak": int(peak_kib) * 1024,
        "flagged": flagged,
        "returncode": int(returncode),
        "other": other,
        "stderr": result.stderr[-2000:],
    }


def factlint_check_phase(facts: Path, rules: Path, repeats: int) -> float:
    code = (
        "import sys, time, statistics\n"
        "from factlint.loading.facts_yaml import load_facts\n"
        "from factlint.loading.rules_yaml import load_rules\n"
        "from factlint.engine.checking import check_sets\n"
        "from factlint.engine.compiled import compile_rules\n"
        "from factlint.loading.gc_pause import paused_gc\n"
        "facts = load_facts(sys.argv[1]); rules = compile_rules(load_rules(sys.argv[2]).rules)\n"
        "times = []\n"
        "for _ in range(int(sys.argv[3])):\n"
        "    start = time.perf_counter()\n"
        "    with paused_gc(promote=True):  # as the CLI checks\n"
        "        check_sets(facts, rules)\n"
        "    times.append(time.perf_counter() - start)\n"
        "print(statistics.median(times))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(facts), str(rules), str(repeats)],
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="factlint against Arelle (Calculations 1.1)")
    parser.add_argument("--totals", type=int, default=10_000)
    parser.add_argument("--parts", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each tool (median)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="of " + ", ".join(SHAPES))
    parser.add_argument("--formats", default=",".join(FORMATS), help="of " + ", ".join(FORMATS))
    args = parser.parse_args(argv)
    variants = [(s, f) for f in args.formats.split(",") for s in args.shapes.split(",")]

    command = arelle_command()
    version = subprocess.run(
        [str(VENV / "bin" / "pip"), "show", "arelle-release"], capture_output=True, text=True
    ).stdout
    version = next(
        (x.split(":", 1)[1].strip() for x in version.splitlines() if x.startswith("Version")), "?"
    )
    folder = WORK / f"arelle-{args.totals}x{args.parts}-{args.seed}"
    folder.mkdir(parents=True, exist_ok=True)
    data = generate(args.totals, args.parts, args.seed)
    instance = write_xbrl(data, folder)
    files = {variant: write_factlint(data, folder, *variant) for variant in variants}
    planted = set(data["planted"])
    count = args.totals * (args.parts + 1)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average before: {load}; nproc {os.cpu_count()}")
    print(
        f"workload: {args.totals:,} totals x {args.parts} parts = {count:,} facts, "
        f"{len(planted)} planted; Arelle {version}; {folder}"
    )

    # Bytecode written once, as an installed factlint (and Arelle, by pip) has it: with
    # PYTHONDONTWRITEBYTECODE set, every run would otherwise compile every module.
    compileall.compile_dir(str(SRC), quiet=1)
    # The tools alternate, so load from other work falls on all of them alike.
    arelle_runs: list[dict] = []
    factlint_runs: dict[tuple[str, str], list[dict]] = {variant: [] for variant in variants}
    for _ in range(args.repeats):
        arelle_runs.append(run_arelle(command, instance))
        for variant, (facts, rules) in files.items():
            factlint_runs[variant].append(run_factlint(facts, rules))
    first = variants[0]
    check_phase = factlint_check_phase(*files[first], args.repeats)

    ok = True
    named = [("Arelle", arelle_runs[-1])]
    named += [(f"factlint {f} {s}", runs[-1]) for (s, f), runs in factlint_runs.items()]
    for name, run in named:
        missing, extra = planted - run["flagged"], run["flagged"] - planted
        agree = not missing and not extra
        ok &= agree
        print(
            f"{name:<26} flags {len(run['flagged'])} totals: "
            + (
                "exactly the planted ones"
                if agree
                else f"missing {sorted(missing)[:10]}, extra {sorted(extra)[:10]}"
            )
        )
        for line in run["other"][:5]:
            print(f"          other message: {line}")
        if run["returncode"] not in (0, 1):
            print(f"          exit {run['returncode']}: {run['stderr']}")
    arelle_whole = statistics.median(r["seconds"] for r in arelle_runs)
    arelle_cpu = statistics.median(r["cpu"] for r in arelle_runs)
    calc_phases = [r["calc_phase"] for r in arelle_runs if r["calc_phase"] is not None]
    arelle_calc = statistics.median(calc_phases) if calc_phases else float("nan")
    targets = {"jsonl": 0.1, "yaml": 0.2}
    print()
    print(
        f"  {'factlint (whole process)':<26} {'MB':>6} {'wall s':>7} {'ratio':>6} "
        f"{'CPU s':>6} {'ratio':>6} {'peak MiB':>8} {'B/fact':>7}  target"
    )
    print(
        f"  {'Arelle ' + version:<26} {instance.stat().st_size / 1e6:6.1f} {arelle_whole:7.2f} "
        f"{'':>6} {arelle_cpu:6.2f}"
    )
    for (shape, form), runs in factlint_runs.items():
        wall = statistics.median(r["seconds"] for r in runs)
        cpu = statistics.median(r["cpu"] for r in runs)
        peak = statistics.median(r["peak"] for r in runs)
        size = files[(shape, form)][0].stat().st_size / 1e6
        target = targets[form]
        # Judged on CPU: on a shared machine wall time also measures the other work.
        met = "met" if cpu / arelle_cpu <= target else "NOT met"
        print(
            f"  {form + ' ' + shape:<26} {size:6.1f} {wall:7.2f} {wall / arelle_whole:6.3f} "
            f"{cpu:6.2f} {cpu / arelle_cpu:6.3f} {peak / 2**20:8.0f} {peak / count:7,.0f}  "
            f"<= {target} {met}"
        )
    print(
        f"  {'check phase (' + first[1] + ' ' + first[0] + ')':<26} {'':>6} {check_phase:7.3f} "
        f"{check_phase / arelle_calc:6.3f}   (Arelle's validateCalculations {arelle_calc:.3f} s;"
        " target <= 0.5)"
    )
    print(
        f"  (medians of {args.repeats}; wall and CPU of whole processes, cold; targets judged "
        "on the CPU ratio; peak: the factlint process's maximum resident set)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
