"""Throughput of ``factlint extract``: MB of report text per second.

    python benchmarks/extract_speed.py            # the annotated texts, alone and repeated
    python benchmarks/extract_speed.py --repeat 50 --runs 3

Each row is the best of several runs over one text (on a shared machine the fastest run is
the least disturbed): the first report (a PDF text with sidebars), every annotated text of
``tests/data/extract/`` joined, and the joined texts repeated to about 1 MB (one long
report: links and sections are computed over all of it).
Extraction is pure Python; the figure parser is called once per number core.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from factlint.extract.pipeline import extract_text  # noqa: E402

MB = 1024 * 1024


def texts(repeat: int) -> list[tuple[str, str]]:
    first = (ROOT / "facts" / "jinzhong-2020.txt").read_text(encoding="utf-8")
    others = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/extract").glob("*.txt"))
    ]
    joined = "\n\n".join([first, *others])
    return [
        ("jinzhong-2020 (PDF page)", first),
        ("all annotated texts", joined),
        (f"all annotated texts x{repeat}", "\n\n".join([joined] * repeat)),
    ]


def timed(function: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40, help="copies in the long text")
    parser.add_argument("--runs", type=int, default=5, help="runs per row (best)")
    args = parser.parse_args()
    print(f"{'text':32} {'bytes':>10} {'figures':>8} {'seconds':>9} {'MB/s':>7}")
    for name, text in texts(args.repeat):
        size = len(text.encode("utf-8"))
        figures = len(extract_text(text).found)
        seconds = timed(lambda text=text: extract_text(text), args.runs if size < MB else 3)
        print(f"{name:32} {size:10,} {figures:8,} {seconds:9.3f} {size / MB / seconds:7.2f}")


if __name__ == "__main__":
    main()
