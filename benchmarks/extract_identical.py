"""Write what ``factlint extract`` and ``scan`` make of a fixed set of texts, to compare two
versions.

    python benchmarks/extract_identical.py OUT_DIR [--src SRC] [--no-rules] [--long]

For each text (every text of the spent corpus sets ``dev``, ``heldout``, ``heldout2``,
``heldout3``, the first report, the annotated texts of ``tests/data/extract`` joined, the
long real report of ``long_texts.py`` and the series of ``extract_scaling.py`` at a small
size) it writes the facts file ``factlint extract`` would write, as text, to
``OUT_DIR/<name>.facts.yaml``, and the rules ``scan`` discovers (``discover`` on the same
extraction, written as ``--emit`` writes them) to ``OUT_DIR/<name>.rules.yaml``: with the
facts, they decide every finding ``scan`` prints. Run it on two versions (``--src`` names
the ``src`` folder of the other one) and compare the folders (``diff -r``): a change for
speed must leave every file byte-identical. ``--long`` adds the long real report twice over.
The sets spent later (``heldout4``, ``heldout5``) are not read: the files compared stay the same.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from long_texts import annotated, corpus_texts, first_report, real_report

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def texts(long: bool = False) -> dict[str, str]:
    found = {name.replace("/", "-"): text for name, text in corpus_texts().items()}
    first = first_report()
    joined = annotated()
    found["first-report"] = first
    found["first-report-x12"] = "\n\n".join([first] * 12)
    found["annotated"] = joined
    found["annotated-x3"] = "\n\n".join([joined] * 3)
    found["real-report"] = real_report()
    if long:
        found["real-report-x2"] = "\n\n".join([real_report()] * 2)
    found["one-comma-x3000"] = "1," * 3000
    found["date-stamps-x300"] = "2020年3月15日 12时30分 发布\n" * 300
    found["one-clause-16000"] = ("全市完成投资12.5亿元同比增长3.4%新增就业2,345人 " * 400)[:16000]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    parser.add_argument("--no-rules", action="store_true", help="the facts files only")
    parser.add_argument("--long", action="store_true", help="also the long real report x2")
    parser.add_argument("--skip", action="append", default=[], help="texts named with this")
    args = parser.parse_args()
    sys.path.insert(0, str(args.src.resolve()))
    from factlint.extract.discover import discover
    from factlint.extract.pipeline import extract_text
    from factlint.extract.writer import facts_data, facts_yaml, rules_yaml

    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts(args.long).items():
        if any(part in name for part in args.skip):
            continue
        extraction = extract_text(text)
        data = facts_data(extraction, report_id=name, source=f"{name}.txt")
        out = facts_yaml(data, source=f"{name}.txt")
        (args.out / f"{name}.facts.yaml").write_text(out, encoding="utf-8")
        rules = ""
        if not args.no_rules:
            rules = rules_yaml(f"{name}.facts.yaml", [r.rule for r in discover(extraction)])
            (args.out / f"{name}.rules.yaml").write_text(rules, encoding="utf-8")
        print(f"{name}: {len(out):,} + {len(rules):,} characters", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
