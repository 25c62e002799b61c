"""``factlint extract`` before and after a change, in one run: MB/s of each, side by side.

    git worktree add /tmp/before <commit>      # or any checkout of the older code
    python benchmarks/extract_ab.py --before /tmp/before/src --max-mb 1

The texts are ``extract_scaling.py``'s series (``--only`` picks some). For every size the
two versions run in turn, each in a fresh process (``extract_text`` and the facts file
written as text, after one small warm-up text), ``--runs`` times; the best CPU time
(``time.process_time`` in the child: waiting for a core does not count) is printed for
each, and their ratio. "per 2x" is the after version's growth per doubling, as in
``extract_scaling.py``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from extract_scaling import MB, series  # noqa: E402

_CHILD = """
import gc, sys, time
sys.path.insert(0, sys.argv[1])
from factlint.extract.pipeline import extract_text
from factlint.extract.writer import facts_data, facts_yaml

def command(text):  # as extract_scaling.command: the collector paused, as the CLI does
    gc.disable()
    try:
        extraction = extract_text(text)
        data = facts_data(extraction, report_id="bench", source="bench.txt")
        return facts_yaml(data, source="bench.txt")
    finally:
        gc.enable()

command("全年完成投资12.5亿元，增长3.4%。Sales rose 5% to $12 million.")
text = open(sys.argv[2], encoding="utf-8").read()
start = time.process_time()
command(text)
print(time.process_time() - start)
"""


def cpu(src: Path, path: Path) -> float:
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, str(src), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(run.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="src folder of the old code")
    parser.add_argument("--after", type=Path, default=HERE.parent / "src")
    parser.add_argument("--max-mb", type=float, default=1.0, help="largest text per series")
    parser.add_argument("--runs", type=int, default=2, help="runs per size and version (best)")
    parser.add_argument("--only", help="series whose name starts with this")
    args = parser.parse_args()
    print(
        f"{'series':14} {'copies':>7} {'bytes':>11} {'before s':>9} {'MB/s':>6} "
        f"{'after s':>9} {'MB/s':>6} {'speed-up':>8} {'per 2x':>7}"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "text.txt"
        for name, make, counts in series(int(args.max_mb * MB)):
            if args.only and not name.strip('"').startswith(args.only.strip('"')):
                continue
            previous: tuple[int, float] | None = None
            for n in counts:
                text = make(n)
                path.write_text(text, encoding="utf-8")
                size = len(text.encode("utf-8"))
                before, after = [], []
                for _ in range(args.runs):
                    before.append(cpu(args.before, path))
                    after.append(cpu(args.after, path))
                old, new = min(before), min(after)
                growth = ""
                if previous is not None:
                    ratio = (new / previous[1]) / (size / previous[0])
                    growth = f"{ratio:.2f}" if size >= 256 * 1024 else f"({ratio:.2f})"
                print(
                    f"{name:14} {n:7,} {size:11,} {old:9.3f} {size / MB / old:6.2f} "
                    f"{new:9.3f} {size / MB / new:6.2f} {old / new:7.2f}x {growth:>7}",
                    flush=True,
                )
                previous = (size, new)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
