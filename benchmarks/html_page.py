"""How fast the HTML report is written and opened: a report with N findings (default 10,000).

Builds a report text of N paragraphs, each printing a count, a part and a share that is off
(so every share rule fails), checks it, writes the page, and, when Chromium is installed,
opens it headless and times what a reader waits for: the load event, and a filter click
(style recalculation and layout of the whole page). Prints a table; asserts nothing about
time.

    python benchmarks/html_page.py                 # 10,000 findings
    python benchmarks/html_page.py --findings 2000 --runs 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the DevTools client the browser tests use

import factlint  # noqa: E402
from factlint.loading.facts_yaml import facts_from_dict  # noqa: E402
from factlint.reporters.html import render_html  # noqa: E402
from headless import Browser, find_chromium  # noqa: E402


def build(findings: int, folder: Path) -> tuple[factlint.CheckResult, object]:
    lines: list[str] = []
    facts: dict[str, object] = {}
    rules = []
    for n in range(findings):
        signed, part = 40 + n % 60, 10 + n % 30
        share = f"{100 * part / signed + 3:.1f}%"  # three points off: inconsistent
        lines.append(f"第{n + 1}组签约项目{signed}项，其中六新项目{part}项，占比{share}。")
        line = len(lines)
        lines.append("")
        facts[f"signed_{n}"] = {
            "value": f"{signed}项",
            "mentions": [{"quote": f"签约项目{signed}项", "line": line, "section": "body"}],
        }
        facts[f"part_{n}"] = {
            "value": f"{part}项",
            "mentions": [{"quote": f"六新项目{part}项", "line": line, "section": "body"}],
        }
        facts[f"share_{n}"] = {
            "value": share,
            "mentions": [{"quote": f"占比{share}", "line": line, "section": "body"}],
        }
        rules.append(
            {
                "id": f"share-{n}",
                "share": {"part": f"part_{n}", "whole": f"signed_{n}", "is": f"share_{n}"},
            }
        )
    (folder / "report.txt").write_text("\n".join(lines), encoding="utf-8")
    data = {"report": {"id": "bench", "source": "report.txt"}, "facts": facts}
    fact_set = facts_from_dict(data, base_dir=folder)
    return factlint.check(fact_set, rules), fact_set


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        report, fact_set = build(args.findings, folder)
        checked = time.perf_counter() - started
        assert len(report.findings) == args.findings, len(report.findings)
        renders = []
        for _ in range(args.runs):
            started = time.perf_counter()
            page = render_html(report, (fact_set,))  # type: ignore[arg-type]
            renders.append(time.perf_counter() - started)
        path = folder / "report.html"
        path.write_text(page, encoding="utf-8")
        print(f"findings            {len(report.findings):,}")
        marked = page.count('<mark class="fig')
        print(f"figures marked      {marked:,}")
        print(f"page size           {len(page.encode()) / 1e6:.1f} MB")
        print(f"check               {checked:.2f} s")
        print(f"write the page      {statistics.median(renders):.2f} s (median of {args.runs})")
        chromium = find_chromium()
        if chromium is None:
            print("open in Chromium    skipped: Chromium is not installed")
            return
        loads, clicks = [], []
        for _ in range(args.runs):
            with Browser(chromium, timeout=300) as browser:
                loads.append(browser.open(path.as_uri()))
                clicks.append(browser.evaluate(_CLICK))
                shown = browser.evaluate("document.getElementById('shown').textContent")
        print(
            f"open in Chromium    {statistics.median(loads):.2f} s to the load event "
            f"(median of {args.runs}; {min(loads):.2f}–{max(loads):.2f})"
        )
        print(
            f"filter click        {statistics.median(clicks) * 1000:.0f} ms "
            f"(hide the errors, relayout; then: {shown})"
        )


_CLICK = """(() => {
  const started = performance.now();
  document.querySelector("input[data-toggle='hide-error']").click();
  document.body.getBoundingClientRect();  // force style and layout now
  return (performance.now() - started) / 1000;
})()"""


if __name__ == "__main__":
    main()
