"""Run every hostile case once, one at a time, and print its wall time and peak memory.

    PYTHONPATH=src python scripts/hostile_stats.py [--top 15] [CASE ...]

The test suite (tests/test_hostile.py) only asserts generous limits (300 MB address space,
a 120 s guard against hangs) so it never flakes; this script measures what the targets are
about: each case under 2 s and 300 MB. Peak memory is the child's own maximum resident set
size (wait4), time is wall-clock from spawn to exit, both including the interpreter's
start-up.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from hostile import harness  # noqa: E402

TARGET_SECONDS, TARGET_BYTES = 2.0, 300 * 1024 * 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="only these cases (default: all)")
    parser.add_argument("--top", type=int, default=15, help="list the N slowest and largest")
    args = parser.parse_args()
    cases = [c for c in harness.load_cases() if not args.cases or c["name"] in args.cases]
    rows = []
    root = Path(tempfile.mkdtemp(prefix="factlint-hostile-"))
    try:
        for case in cases:
            folder = root / case["name"]
            folder.mkdir()
            harness.build(case, folder)
            outcome = harness.run(case, folder)
            problems = harness.problems(case, outcome, folder)
            status = "xfail" if "xfail" in case else ("FAIL" if problems else "ok")
            rows.append((case["name"], outcome.seconds, outcome.peak_bytes, outcome.exit, status))
            shutil.rmtree(folder)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    _table("slowest", sorted(rows, key=lambda r: -r[1])[: args.top])
    _table("largest", sorted(rows, key=lambda r: -r[2])[: args.top])
    slowest, largest = max(rows, key=lambda r: r[1]), max(rows, key=lambda r: r[2])
    over = [r[0] for r in rows if r[1] > TARGET_SECONDS or r[2] > TARGET_BYTES]
    failed = [r[0] for r in rows if r[4] == "FAIL"]
    print(
        f"\n{len(rows)} cases; worst time {slowest[1]:.2f} s ({slowest[0]}), "
        f"worst peak memory {largest[2] / 2**20:.0f} MB ({largest[0]}); "
        f"over 2 s or 300 MB: {', '.join(over) or 'none'}; failing: {', '.join(failed) or 'none'}"
    )
    return 1 if over or failed else 0


def _table(title: str, rows: list[tuple[str, float, int, int, str]]) -> None:
    print(f"\n{title}:")
    print(f"  {'case':48} {'seconds':>8} {'peak MB':>8} {'exit':>5}  status")
    for name, seconds, peak, code, status in rows:
        print(f"  {name:48} {seconds:8.2f} {peak / 2**20:8.0f} {code:5d}  {status}")


if __name__ == "__main__":
    sys.exit(main())
