"""Write what ``factlint extract`` makes of a fixed set of texts, to compare two versions.

    python benchmarks/extract_identical.py OUT_DIR [--src SRC]

For each text (every ``benchmarks/corpus/dev/*.txt``, the first report, the annotated
texts of ``tests/data/extract`` joined, and the long series of ``extract_scaling.py``
at a small size) it writes the facts file ``factlint extract`` would write, as text, to
``OUT_DIR/<name>.facts.yaml``. Run it on two versions (``--src`` names the ``src`` folder
of the other one) and compare the folders (``diff -r``): a change for speed must leave
every file byte-identical. The held-out corpus is not read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def texts() -> dict[str, str]:
    found = {
        path.stem: path.read_text(encoding="utf-8")
        for path in sorted((HERE / "corpus" / "dev").glob("*.txt"))
    }
    first = (ROOT / "facts" / "jinzhong-2020.txt").read_text(encoding="utf-8")
    annotated = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/extract").glob("*.txt"))
    )
    found["first-report"] = first
    found["first-report-x12"] = "\n\n".join([first] * 12)
    found["annotated"] = annotated
    found["annotated-x3"] = "\n\n".join([annotated] * 3)
    found["one-comma-x3000"] = "1," * 3000
    found["date-stamps-x300"] = "2020年3月15日 12时30分 发布\n" * 300
    found["one-clause-16000"] = ("全市完成投资12.5亿元同比增长3.4%新增就业2,345人 " * 400)[:16000]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    args = parser.parse_args()
    sys.path.insert(0, str(args.src.resolve()))
    from factlint.extract.pipeline import extract_text
    from factlint.extract.writer import facts_data, facts_yaml

    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts().items():
        extraction = extract_text(text)
        data = facts_data(extraction, report_id=name, source=f"{name}.txt")
        out = facts_yaml(data, source=f"{name}.txt")
        (args.out / f"{name}.facts.yaml").write_text(out, encoding="utf-8")
        print(f"{name}: {len(out):,} characters", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
