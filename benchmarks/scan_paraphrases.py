#!/usr/bin/env python3
"""Does `factlint scan` read a relation however it is worded? (issue 11)

The corpus (benchmarks/corpus/) measures scan on real texts; this measures it on short texts of
our own that say one relation in many wordings and layouts, each printed once right and once
with a planted slip. A reader fitted to one report's phrasing catches the slip in one wording
and misses it in the next; this shows where.

Cases live in benchmarks/paraphrases/NAME.tsv: tab-separated, a header line, one case a row:

    id       a name, unique in the file (`share-zh-07-slip`)
    kind     the relation (`share`, `sum`, `growth`, `change`, `times`, …), to group the scores
    expect   `error`: the text asserts the relation in words and it fails, so scan must report an
                      error on `figure`;
             `flag`:  scan must report an error or a warning on `figure` (a relation only
                      the numbers imply);
             `clean`: the relation holds, so scan must report no error and no warning
    figure   the stated figure as printed (`75.5%`), or `-` for a clean case
    text     the text, with `\\n` for a line break and `\\t` for a tab

A file whose name ends in `.heldback.tsv` is written before the readers it measures and scored
only with `--heldback`, once, at the end of the round: the other files are for development.

Usage:
    python benchmarks/scan_paraphrases.py                 # every development file
    python benchmarks/scan_paraphrases.py --show          # and each miss and false alarm
    python benchmarks/scan_paraphrases.py FILE.tsv …      # these files only
    python benchmarks/scan_paraphrases.py --heldback      # the held-back files only
    python benchmarks/scan_paraphrases.py --json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scan_corpus import SCORED, same_figure, stated_figures

from factlint.app.commands.scan import scan_text
from factlint.reporters import FORMATS, RenderOptions

CASES = Path(__file__).resolve().parent / "paraphrases"
COLUMNS = ["id", "kind", "expect", "figure", "text"]
EXPECTS = {"error", "flag", "clean"}


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in "nt\\":
            out.append({"n": "\n", "t": "\t", "\\": "\\"}[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def load_cases(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    cases: list[dict[str, str]] = []
    errors: list[str] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != COLUMNS:
        return cases, [f"{path.name}: header must be {' '.join(COLUMNS)}"]
    seen: set[str] = set()
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            errors.append(f"{path.name}:{n}: {len(cells)} columns, not {len(COLUMNS)}")
            continue
        case = dict(zip(COLUMNS, cells, strict=True))
        if case["expect"] not in EXPECTS:
            errors.append(f"{path.name}:{n}: expect must be one of {sorted(EXPECTS)}")
            continue
        if case["id"] in seen:
            errors.append(f"{path.name}:{n}: id {case['id']} repeated")
            continue
        seen.add(case["id"])
        case["text"] = unescape(case["text"])
        case["file"] = path.name
        cases.append(case)
    return cases, errors


def scanned_findings(text: str, workdir: Path) -> list[dict[str, object]]:
    path = workdir / "case.txt"
    path.write_text(text, encoding="utf-8")
    report, facts = scan_text(path).check()
    rendered = FORMATS["json"](report, RenderOptions(color=False, fact_sets=(facts,)))
    findings = json.loads(rendered).get("findings") or []
    return [f for f in findings if f.get("severity") in SCORED]


def score_case(case: dict[str, str], workdir: Path) -> dict[str, object]:
    findings = scanned_findings(case["text"], workdir)
    on_figure = [
        f
        for f in findings
        if case["expect"] != "clean"
        and any(same_figure(fig, case["figure"]) for fig, _ in stated_figures(f))
    ]
    errors = [f for f in on_figure if f.get("severity") == "error"]
    if case["expect"] == "error":
        verdict = "caught" if errors else ("warned" if on_figure else "missed")
    elif case["expect"] == "flag":
        verdict = "caught" if on_figure else "missed"
    else:
        verdict = "clean" if not findings else "false alarm"
    others = [f for f in findings if f not in on_figure]
    return {
        "file": case["file"],
        "id": case["id"],
        "kind": case["kind"],
        "expect": case["expect"],
        "verdict": verdict,
        "other_findings": len(others) if case["expect"] != "clean" else 0,
        "findings": [
            {"rule": f.get("rule"), "severity": f.get("severity"), "message": f.get("message")}
            for f in findings
        ],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path, help="case files (default: every one)")
    ap.add_argument("--heldback", action="store_true", help="score the held-back files only")
    ap.add_argument("--show", action="store_true", help="print each miss and false alarm")
    ap.add_argument("--json", action="store_true", help="print machine-readable JSON")
    args = ap.parse_args(argv)

    if args.files:
        files = args.files
    else:
        every = sorted(CASES.glob("*.tsv"))
        held = [p for p in every if p.name.endswith(".heldback.tsv")]
        files = held if args.heldback else [p for p in every if p not in held]
    if not files:
        print(f"no case files under {CASES}", file=sys.stderr)
        return 2
    cases: list[dict[str, str]] = []
    for path in files:
        loaded, errors = load_cases(path)
        for error in errors:
            print(error, file=sys.stderr)
        if errors:
            return 2
        cases.extend(loaded)

    with tempfile.TemporaryDirectory() as tmp:
        results = [score_case(case, Path(tmp)) for case in cases]

    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    by_group: dict[tuple[str, str], Counter[str]] = {}
    for r in results:
        by_group.setdefault((str(r["file"]), str(r["kind"])), Counter())[str(r["verdict"])] += 1
    head = (
        f"{'file':34} {'kind':12} {'slips':>5} {'caught':>6} {'warned':>6} {'clean':>5} {'f.a.':>4}"
    )
    print(head)
    print("-" * len(head))
    total: Counter[str] = Counter()
    for (name, kind), counts in sorted(by_group.items()):
        slips = counts["caught"] + counts["warned"] + counts["missed"]
        print(
            f"{name[:34]:34} {kind[:12]:12} {slips:5} {counts['caught']:6} {counts['warned']:6} "
            f"{counts['clean'] + counts['false alarm']:5} {counts['false alarm']:4}"
        )
        total.update(counts)
    slips = total["caught"] + total["warned"] + total["missed"]
    print("-" * len(head))
    print(
        f"{'total (' + str(len(results)) + ' cases)':47} {slips:5} {total['caught']:6} "
        f"{total['warned']:6} {total['clean'] + total['false alarm']:5} {total['false alarm']:4}"
    )
    if slips:
        flagged = total["caught"] + total["warned"]
        print(
            f"slips flagged: {flagged}/{slips} ({flagged / slips:.0%}), "
            f"as errors: {total['caught']}"
        )
    if args.show:
        for r in results:
            if r["verdict"] in ("missed", "warned", "false alarm"):
                found = r["findings"]
                assert isinstance(found, list)
                shown = "; ".join(f"{f['severity']} {f['rule']}" for f in found)
                print(f"{r['verdict']:11} {r['file']}:{r['id']}  {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
