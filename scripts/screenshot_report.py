"""Write the README's screenshot of the first report's HTML page (docs/img/first-report.png).

Renders the page with ``factlint check --format html``, opens it in headless Chromium,
scrolls the text to the figure of the error (185%) and the findings to that error, and saves
the window.

    python scripts/screenshot_report.py [--out docs/img/first-report.png]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the DevTools client the browser tests use

from headless import Browser, find_chromium  # noqa: E402

_SCROLL = """(() => {
  const error = document.querySelector("article.finding.sev-error");
  const figure = document.getElementById(
    error.querySelector("ul.cites a").getAttribute("href").slice(1));
  figure.scrollIntoView({block: "center"});
  error.scrollIntoView({block: "start"});
  return error.id;
})()"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img" / "first-report.png")
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        sys.exit("Chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        subprocess.run(
            [sys.executable, "-m", "factlint", "check", "--format", "html", "-o", str(page)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            check=False,
        )
        with Browser(chromium, width=1400, height=900) as browser:
            browser.open(page.as_uri())
            browser.evaluate(_SCROLL)
            browser.evaluate("new Promise(done => requestAnimationFrame(() => done(1)))")
            args.out.parent.mkdir(parents=True, exist_ok=True)
            browser.screenshot(args.out)
    print(f"{args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
