"""Where one ``factlint check`` of the Arelle workload spends its CPU, phase by phase.

    python benchmarks/arelle_compare.py --repeats 1   # writes the files (once)
    python benchmarks/phases.py                       # every shape and format
    python benchmarks/phases.py --shapes plain --formats yaml

Each variant runs in a fresh process: importing factlint, loading the facts, loading the
rules, compiling them (``compile_rules``), ``check_sets`` and the JSON report are timed in
turn with ``time.process_time`` (CPU of the process: waiting for a core on a shared machine
does not count). Rules are compiled and checked as the CLI does, the garbage collector
paused (``paused_gc(promote=True)``): with it running, a full collection rescans the
110,000 facts loaded before, and compiling alone takes five times as long.
"""

from __future__ import annotations

import argparse
import compileall
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
_CODE = """
import sys, time
t0 = time.process_time()
from factlint.engine.checking import check_sets
from factlint.engine.compiled import compile_rules
from factlint.loading.facts_yaml import load_facts
from factlint.loading.gc_pause import paused_gc
from factlint.loading.rules_yaml import load_rules
from factlint.reporters import FORMATS, RenderOptions
t1 = time.process_time()
facts = load_facts(sys.argv[1]); t2 = time.process_time()
rules = load_rules(sys.argv[2]); t3 = time.process_time()
with paused_gc(promote=True):
    compiled = compile_rules(rules.rules)
t4 = time.process_time()
with paused_gc(promote=True):
    report = check_sets(facts, compiled)
t5 = time.process_time()
FORMATS["json"](report, RenderOptions()); t6 = time.process_time()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, len(report.findings))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=HERE / "work" / "arelle-10000x10-2024")
    parser.add_argument("--shapes", default="plain,decimals,mentions")
    parser.add_argument("--formats", default="jsonl,yaml")
    args = parser.parse_args(argv)
    compileall.compile_dir(str(ROOT / "src"), quiet=1)  # as installed: bytecode written once
    print(f"{'variant':20} {'import':>7} {'facts':>7} {'rules':>7} {'compile':>7} {'check':>7} "
          f"{'json':>7} {'total':>7} {'findings':>8}")  # fmt: skip
    for form in args.formats.split(","):
        for shape in args.shapes.split(","):
            facts = args.folder / f"bench-{shape}.facts.{form}"
            rules = args.folder / f"bench-{shape}-{form}.rules.yaml"
            out = subprocess.run(
                [sys.executable, "-c", _CODE, str(facts), str(rules)],
                env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            times = [float(x) for x in out[:6]]
            cells = " ".join(f"{t:6.2f}s" for t in times)
            print(f"{form + ' ' + shape:20} {cells} {sum(times):6.2f}s {out[6]:>8}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
