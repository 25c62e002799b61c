"""Is ``factlint extract`` linear in the length of the text? MB/s and growth per doubling.

    python benchmarks/extract_scaling.py              # every series, up to ~3.5 MB
    python benchmarks/extract_scaling.py --max-mb 1   # a quick run
    python benchmarks/extract_scaling.py --only real --scan   # what scan finds, on real text

What is timed is the whole command in one process, as ``factlint extract REPORT.txt`` runs
it: ``extract_text`` (figures, contexts, sections, linking, ids) and the facts file written
as text (``facts_data`` and ``facts_yaml``: quotes, limits, flow mappings), with the
cyclic garbage collector paused as the command pauses it; not the interpreter's start.
With ``--scan``, what ``factlint scan`` computes before it checks: the extraction and
``discover`` on it (the detectors, the tables' relations and claims). Series, each doubled
until it passes ``--max-mb``:

- ``real report xN``: the long real report of ``long_texts.py`` (every text of the spent
  corpus sets, the annotated texts and the first report joined: 176 KB of communiqués,
  work reports, yearbook tables, news and parliamentary papers), once, twice, …;
- ``first report xN``: the first report's text (``facts/jinzhong-2020.txt``) repeated 5, 10,
  20, 40, … times: every figure, year and label restated per copy, as a long report restates
  them per chapter;
- ``annotated xN``: the 13 annotated texts of ``tests/data/extract/`` joined, repeated;
- ``"1," xN``: one figure repeated with nothing between (one endless sentence);
- ``date stamps``: a line ``2020年3月15日 12时30分 发布`` per entry (dates, counts of hours).

Growth per doubling: (time of 2N / time of N) / 2; 1.00 is linear, the target is ≤ 1.15.
Times are CPU time of this process (``time.process_time``: waiting for a core on a shared
machine does not count), the best of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from long_texts import annotated as annotated_texts  # noqa: E402
from long_texts import first_report, real_report  # noqa: E402

from factlint.extract.discover import discover  # noqa: E402
from factlint.extract.pipeline import extract_text  # noqa: E402
from factlint.extract.writer import facts_data, facts_yaml  # noqa: E402
from factlint.loading.gc_pause import paused_gc  # noqa: E402

MB = 1024 * 1024


def command(text: str) -> str:
    """What ``factlint extract`` computes for one text (reading and writing files aside),
    with the collector paused as the command pauses it."""
    with paused_gc():
        extraction = extract_text(text)
        data = facts_data(extraction, report_id="bench", source="bench.txt")
        return facts_yaml(data, source="bench.txt")


def scan_command(text: str) -> int:
    """What ``factlint scan`` computes before it checks: the facts and the relations."""
    with paused_gc():
        extraction = extract_text(text)
        facts_data(extraction, report_id="bench", source="bench.txt")
        return len(discover(extraction))


def series(max_bytes: int) -> Iterator[tuple[str, Callable[[int], str], list[int]]]:
    first = first_report()
    annotated = annotated_texts()
    real = real_report()
    stamp = "2020年3月15日 12时30分 发布\n"

    def doublings(unit: str, start: int) -> list[int]:
        counts, n = [], start
        size = len(unit.encode("utf-8"))
        while True:
            counts.append(n)
            if n * size >= max_bytes:
                return counts
            n *= 2

    yield "real report", lambda n: "\n\n".join([real] * n), doublings(real + "\n\n", 1)
    yield "first report", lambda n: "\n\n".join([first] * n), doublings(first + "\n\n", 5)
    yield "annotated", lambda n: "\n\n".join([annotated] * n), doublings(annotated + "\n\n", 1)
    yield '"1,"', lambda n: "1," * n, doublings("1,", 4096)
    yield "date stamps", lambda n: stamp * n, doublings(stamp, 512)


def best(function: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=float, default=3.5, help="largest text per series")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (best)")
    parser.add_argument("--only", help="series whose name starts with this")
    parser.add_argument("--scan", action="store_true", help="time extract and discover")
    args = parser.parse_args(argv)
    print(f"{'series':14} {'copies':>7} {'bytes':>11} {'CPU s':>9} {'MB/s':>6} {'per 2x':>7}")
    worst_rate, worst_growth = float("inf"), 0.0
    for name, make, counts in series(int(args.max_mb * MB)):
        if args.only and not name.strip('"').startswith(args.only.strip('"')):
            continue
        previous: tuple[int, float] | None = None
        for n in counts:
            text = make(n)
            size = len(text.encode("utf-8"))
            runs = args.runs if size < MB else 1
            timed = scan_command if args.scan else command
            seconds = best(lambda text=text, timed=timed: timed(text), runs)
            rate = size / MB / seconds
            growth = ""
            if previous is not None and size >= 256 * 1024:
                ratio = (seconds / previous[1]) / (size / previous[0])
                worst_growth = max(worst_growth, ratio)
                growth = f"{ratio:.2f}"
            elif previous is not None:
                growth = f"({(seconds / previous[1]) / (size / previous[0]):.2f})"
            if size >= 256 * 1024:
                worst_rate = min(worst_rate, rate)
            print(f"{name:14} {n:7,} {size:11,} {seconds:9.3f} {rate:6.2f} {growth:>7}", flush=True)
            previous = (size, seconds)
    print(
        f"\nfrom 256 KB up: slowest {worst_rate:.2f} MB/s (target >= 1), "
        f"worst growth per doubling {worst_growth:.2f} (target <= 1.15; in brackets: below "
        "256 KB, where fixed costs dominate)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
