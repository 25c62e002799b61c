"""factlint's benchmarks: prints a table of figures, each a median over several runs.

    python benchmarks/run.py            # everything (about 20 minutes: 1M facts included)
    python benchmarks/run.py --quick    # a subset at smaller sizes (a few minutes)
    python benchmarks/run.py --only load,kinds,startup,scale,parallel

Generated reports are cached in ``benchmarks/work/`` (gitignored). Every benchmark that
checks a generated report asserts that factlint flags exactly the planted
inconsistencies. The Arelle comparison is ``benchmarks/arelle_compare.py``.
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SRC = ROOT / "src"
WORK = HERE / "work"
sys.path.insert(0, str(SRC))
sys.path.insert(0, str(HERE))

from generate import Workload, found, generate, write  # noqa: E402

from factlint.engine.checking import check_sets  # noqa: E402
from factlint.engine.compiled import CompiledRules, compile_rules  # noqa: E402
from factlint.loading.facts_jsonl import load_facts_jsonl  # noqa: E402
from factlint.loading.facts_yaml import load_facts  # noqa: E402
from factlint.loading.gc_pause import paused_gc  # noqa: E402
from factlint.loading.rules_yaml import load_rules  # noqa: E402
from factlint.loading.yaml_parse import HAS_C_LOADER  # noqa: E402
from factlint.model import FactSet  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(SRC)}
ROWS: list[tuple[str, str, str]] = []


def row(name: str, value: str, note: str = "") -> None:
    ROWS.append((name, value, note))
    print(f"  {name:<58} {value:>16}  {note}", flush=True)


def median_time(function: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def child(argv: list[str], cwd: Path | None = None) -> tuple[float, int, int, float]:
    """Wall time, peak RSS (KiB, of the child alone), exit code and CPU time (user +
    system) of one child process.

    A fresh wrapper process runs the child, so RUSAGE_CHILDREN's maximum is this child's.
    CPU time is robust to a busy machine, where wall time also counts waiting for a core.
    """
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
        "took = time.perf_counter() - start\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(took, usage.ru_maxrss, rc, usage.ru_utime + usage.ru_stime)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *argv],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2]), float(out[3])


def median_child(
    argv: list[str], repeats: int, cwd: Path | None = None
) -> tuple[float, int, int, float]:
    """Median wall time, largest peak RSS, last exit code, median CPU time."""
    runs = [child(argv, cwd) for _ in range(repeats)]
    return (
        statistics.median(r[0] for r in runs),
        max(r[1] for r in runs),
        runs[-1][2],
        statistics.median(r[3] for r in runs),
    )


def workload_dir(facts: int, seed: int, *, yaml_facts: bool = True) -> tuple[Path, Workload | None]:
    """A generated report on disk (cached by size and seed)."""
    folder = WORK / f"report-{facts}-{seed}{'' if yaml_facts else '-jsonl'}"
    if (folder / "expected.json").exists():
        return folder, None
    work = generate(facts, seed)
    write(work, folder, yaml_facts=yaml_facts)
    return folder, work


def planted(folder: Path) -> set[str]:
    return set(json.loads((folder / "expected.json").read_text())["planted"])


def rules_of(folder: Path) -> list:
    return [rule for path in sorted(folder.glob("*.rules.yaml")) for rule in load_rules(path).rules]


# ---- loading ---------------------------------------------------------------------------


def bench_load(quick: bool) -> None:
    print("\nfacts loaded per second", flush=True)
    repeats = 3 if quick else 5
    yaml_size = 10_000 if quick else 20_000  # the YAML loader refuses more than 250k nodes
    folder, _ = workload_dir(yaml_size, 11)
    path = folder / "report.facts.yaml"
    took = median_time(lambda: load_facts(path), repeats)
    loader = "libyaml (CSafeLoader)" if HAS_C_LOADER else "pure-Python PyYAML"
    row(
        f"YAML facts, {yaml_size:,} facts",
        f"{yaml_size / took:,.0f}/s",
        f"{loader}; median of {repeats}",
    )
    for size in (yaml_size, 20_000 if quick else 100_000):
        folder, _ = workload_dir(size, 11)
        path = folder / "report.facts.jsonl"
        took = median_time(lambda path=path: load_facts_jsonl(path), repeats)
        row(f"JSON Lines facts, {size:,} facts", f"{size / took:,.0f}/s", f"median of {repeats}")


# ---- rule kinds and the bare loop ------------------------------------------------------

_DOWN = Context(prec=60, rounding=ROUND_FLOOR, Emax=10_000, Emin=-10_000)
_UP = Context(prec=60, rounding=ROUND_CEILING, Emax=10_000, Emin=-10_000)
_ONE = (Decimal(1), Decimal(1))


def _pre_parsed(fact_set: FactSet, fact_id: str) -> tuple[Decimal, Decimal]:
    """A fact as the bare loop takes it: its value and half its last place, in base units."""
    figure = fact_set.facts[fact_id].figure
    if figure.exact:
        return figure.base, Decimal(0)
    return figure.base, figure.unit_in_last_place() / 2


def _operands(rule: dict, kind: str) -> tuple[str, list[str]]:
    if kind == "sum":
        return "sum", [rule["sum"]["total"], *rule["sum"]["parts"]]
    if kind in ("share", "growth"):
        body = rule[kind]
        first = "part" if kind == "share" else "current"
        second = "whole" if kind == "share" else "previous"
        return kind, [body["is"], body[first], body[second]]
    text = rule["check"]
    names = [t for t in text.replace("(", " ").replace(")", " ").split() if t.isidentifier()]
    if "<=" in text:
        return "compare", names
    return ("difference" if "-" in text else "ratio"), names


def bare_loop(compiled: list[tuple[str, list[tuple[Decimal, Decimal]]]]) -> int:
    """The same interval arithmetic as factlint, on pre-parsed values, with nothing else."""
    down_add, up_add = _DOWN.add, _UP.add
    down_sub, up_sub = _DOWN.subtract, _UP.subtract
    down_div, up_div = _DOWN.divide, _UP.divide
    failed = 0
    for shape, values in compiled:
        ends = [(down_sub(v, h), up_add(v, h)) for v, h in values]
        if shape == "sum":
            lo, hi = ends[1]
            for a, b in ends[2:]:
                lo, hi = down_add(lo, a), up_add(hi, b)
            stated = ends[0]
            ok = stated[0] <= hi and lo <= stated[1]
        elif shape in ("share", "growth"):
            stated, part, whole = ends
            lo, hi = down_div(part[0], whole[1]), up_div(part[1], whole[0])
            if shape == "growth":
                lo, hi = down_sub(lo, 1), up_sub(hi, 1)
            ok = stated[0] <= hi and lo <= stated[1]
        elif shape == "compare":
            ok = ends[0][0] <= ends[1][1]
        elif shape == "difference":
            a, b, c, d = ends
            lo = down_sub(down_add(a[0], b[0]), c[1])
            hi = up_sub(up_add(a[1], b[1]), c[0])
            ok = d[0] <= hi and lo <= d[1]
        else:
            a, b, w, s = ends
            lo = down_div(down_add(a[0], b[0]), w[1])
            hi = up_div(up_add(a[1], b[1]), w[0])
            ok = s[0] <= hi and lo <= s[1]
        failed += not ok
    return failed


def alternating_times(
    first: Callable[[], object], second: Callable[[], object], repeats: int
) -> tuple[list[float], list[float]]:
    """Both functions timed in turn, ``repeats`` times each: load from other work on the
    machine then falls on both alike, and their ratio is steadier than either time."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for function, out in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            function()
            out.append(time.perf_counter() - start)
    return times


def checked(facts: FactSet, rules: CompiledRules) -> None:
    """The check phase as the CLI runs it: rules compiled when loaded, the collector
    paused around the check."""
    with paused_gc(promote=True):
        check_sets(facts, rules)


def bench_kinds(quick: bool) -> None:
    print("\nrule evaluations per second, by kind (check phase, in-process)", flush=True)
    size = 20_000 if quick else 100_000
    repeats = 5 if quick else 9
    work = generate(size, 21)
    folder = WORK / f"kinds-{size}"
    if not (folder / "expected.json").exists():
        write(work, folder, yaml_facts=False)
    fact_set = load_facts_jsonl(folder / "report.facts.jsonl")
    rules = rules_of(folder)
    report = check_sets(fact_set, rules)
    assert found(report) == work.planted, "factlint did not flag exactly the planted set"
    by_id = {rule.id: rule for rule in rules}
    total_factlint = total_bare = 0.0
    total_rules = 0
    for kind in ("sum", "share", "growth", "compare", "check"):
        plain = [r for r in work.rules if work.kinds[r["id"]] == kind]
        chosen = [by_id[r["id"]] for r in plain]
        used = {name for r in plain for name in _operands(r, kind)[1]}
        subset = FactSet(fact_set.report, {k: fact_set.facts[k] for k in used}, fact_set.path)
        compiled = []
        for r in plain:
            shape, names = _operands(r, kind)
            compiled.append((shape, [_pre_parsed(fact_set, n) for n in names]))
        expected_failures = sum(r["id"] in work.planted for r in plain)
        assert bare_loop(compiled) == expected_failures, f"bare loop disagrees on {kind}"
        ours, bare = alternating_times(
            lambda subset=subset, rules=compile_rules(chosen): checked(subset, rules),  # noqa: B008
            lambda compiled=compiled: bare_loop(compiled),
            repeats,
        )
        took, bare_took = statistics.median(ours), statistics.median(bare)
        fraction = statistics.median(b / f for f, b in zip(ours, bare, strict=True))
        total_factlint += took
        total_bare += bare_took
        total_rules += len(chosen)
        row(
            f"{kind} ({len(chosen):,} rules)",
            f"{len(chosen) / took:,.0f}/s",
            f"bare loop {len(chosen) / bare_took:,.0f}/s; fraction {fraction:.2f}",
        )
    row(
        f"all kinds ({total_rules:,} rules)",
        f"{total_rules / total_factlint:,.0f}/s",
        f"throughput fraction of the bare loop {total_bare / total_factlint:.2f} (target >= 0.3);"
        f" medians of {repeats}, the two timed in turn",
    )


# ---- start-up --------------------------------------------------------------------------


def bench_startup(quick: bool) -> None:
    print("\nwhole-process time, the first report (the two alternate)", flush=True)
    repeats = 5 if quick else 11
    compileall.compile_dir(str(SRC), quiet=1)  # as installed: bytecode written once
    check_argv = [sys.executable, "-m", "factlint", "check", "facts", "rules", "--format", "json"]
    bare_argv = [sys.executable, "-c", "import yaml, decimal"]
    checks, bares = [], []
    for _ in range(repeats):
        checks.append(child(check_argv, ROOT))
        bares.append(child(bare_argv))
    check, check_cpu = (statistics.median(r[i] for r in checks) for i in (0, 3))
    bare, bare_cpu = (statistics.median(r[i] for r in bares) for i in (0, 3))
    row(
        "factlint check facts rules (jinzhong-2020)",
        f"{check * 1000:.0f} ms",
        f"CPU {check_cpu * 1000:.0f} ms; median of {repeats}",
    )
    row(
        'python -c "import yaml, decimal"',
        f"{bare * 1000:.0f} ms",
        f"CPU {bare_cpu * 1000:.0f} ms; median of {repeats}",
    )
    row(
        "start-up ratio",
        f"{check / bare:.2f}x",
        f"in CPU time {check_cpu / bare_cpu:.2f}x; target <= 3x",
    )


# ---- scale -----------------------------------------------------------------------------


def _scale_folder(size: int, form: str) -> Path:
    """A generated report whose rules name its facts in ``form`` (cached)."""
    folder = WORK / f"scale-{size}-31-{form}"
    if not (folder / "expected.json").exists():
        work = generate(size, 31)
        write(work, folder, yaml_facts=form == "yaml", jsonl_facts=form == "jsonl")
    return folder


def bench_scale(quick: bool) -> None:
    print("\ntime and peak memory by size (whole process, cold)", flush=True)
    sizes = (1_000, 10_000, 100_000) if quick else (1_000, 10_000, 100_000, 1_000_000)
    repeats = 2 if quick else 3
    for form in ("jsonl", "yaml"):
        times: dict[int, float] = {}
        cpu_times: dict[int, float] = {}
        facts_name = f"report.facts.{form}"
        for size in sizes:
            folder = _scale_folder(size, form)
            megabytes = (folder / facts_name).stat().st_size / 1e6
            if form == "yaml" and megabytes > 16:
                row(f"{form}: {size:,} facts", "-", f"{megabytes:.0f} MB: over the 16 MB limit")
                continue
            rules = sorted(p.name for p in folder.glob("*.rules.yaml"))
            argv = [sys.executable, "-m", "factlint", "check", facts_name, *rules]
            took, rss, rc, cpu = median_child(
                [*argv, "--format", "text", "--quiet", "--jobs", "1"], repeats, folder
            )
            assert rc == (1 if planted(folder) else 0), f"unexpected exit {rc}"
            load_argv = [
                sys.executable,
                "-c",
                "import sys; from factlint.loading.facts_yaml import load_facts; "
                "load_facts(sys.argv[1])",
                facts_name,
            ]
            load_took, load_rss, _, load_cpu = median_child(load_argv, repeats, folder)
            times[size], cpu_times[size] = took, cpu
            row(
                f"{form}: check {size:,} facts ({megabytes:.1f} MB, {len(rules)} rules files)",
                f"{took:.2f} s",
                f"CPU {cpu:.2f} s; peak RSS {rss / 1024:,.0f} MiB = "
                f"{rss * 1024 / size:,.0f} B/fact",
            )
            row(
                f"  {form}: load the facts only, {size:,} facts",
                f"{load_took:.2f} s",
                f"CPU {load_cpu:.2f} s; peak RSS {load_rss / 1024:,.0f} MiB = "
                f"{load_rss * 1024 / size:,.0f} B/fact",
            )
        measured = [size for size in sizes if size in times]
        for small, large in itertools.pairwise(measured):
            factor = times[large] / times[small] / (large / small)
            cpu_factor = cpu_times[large] / cpu_times[small] / (large / small)
            row(
                f"{form}: growth {small:,} -> {large:,} per 10x, of linear",
                f"{factor:.2f}x",
                f"in CPU time {cpu_factor:.2f}x; target <= 1.15x",
            )


# ---- processes -------------------------------------------------------------------------


def bench_parallel(quick: bool) -> None:
    count = 200 if quick else 1_000
    print(f"\n1 -> 2 processes over {count:,} generated reports", flush=True)
    archive = WORK / f"archive-{count}"
    if not (archive / "done").exists():
        for index in range(count):
            write(generate(300, 1000 + index), archive / f"r{index:04d}", jsonl_facts=False)
        (archive / "done").write_text("")
    repeats = 3
    base = [sys.executable, "-m", "factlint", "check", str(archive), "--format", "text", "-q"]
    one, _, _, one_cpu = median_child([*base, "--jobs", "1"], repeats)
    two, _, _, two_cpu = median_child([*base, "--jobs", "2"], repeats)
    row(
        f"factlint check --jobs 1, {count:,} reports",
        f"{one:.2f} s",
        f"CPU {one_cpu:.2f} s; median of {repeats}",
    )
    row(
        f"factlint check --jobs 2, {count:,} reports",
        f"{two:.2f} s",
        f"CPU {two_cpu:.2f} s (all processes); median of {repeats}",
    )
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    row(
        "speed-up 1 -> 2 processes",
        f"{one / two:.2f}x",
        f"target >= 1.8x; nproc {os.cpu_count()}; load average after {load}",
    )


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs ({model}), {memory:.0f} GiB RAM, "
        f"Python {platform.python_version()}, {platform.system()}; load average now {load}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="factlint benchmarks")
    parser.add_argument("--quick", action="store_true", help="a smaller, faster subset")
    parser.add_argument(
        "--only", default="load,kinds,startup,scale,parallel", help="comma-separated sections"
    )
    args = parser.parse_args(argv)
    WORK.mkdir(exist_ok=True)
    print(f"machine: {machine()}")
    print(f"command: python benchmarks/run.py {' '.join(argv or sys.argv[1:])}".rstrip())
    sections = {
        "load": bench_load,
        "kinds": bench_kinds,
        "startup": bench_startup,
        "scale": bench_scale,
        "parallel": bench_parallel,
    }
    for name in args.only.split(","):
        sections[name.strip()](args.quick)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
