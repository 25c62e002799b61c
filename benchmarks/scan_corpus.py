#!/usr/bin/env python3
"""Score `factlint scan` against the hand-made keys of benchmarks/corpus/ (issue 11).

Standard library only. For every text NAME.txt of the chosen set, runs

    <factlint> scan NAME.txt --format json --fail-on error

and compares its findings with NAME.key.tsv (one checkable claim per row:
id, kind, asserted, lines, figures, verdict, note; see benchmarks/corpus/README.md).

Sets: `dev` (default), `dev2`, `heldout`, `heldout2`, `heldout3`, `heldout4`, `heldout5`,
`heldout6` and `heldout7` are folders of benchmarks/corpus/; `develop` is `dev`, `dev2` (a second
development set of 30 real texts chosen for their real inconsistencies) and the six spent held-out
sets `heldout` to `heldout6` (each scored once, then opened for development); `all` is every
folder. A new held-out set is added to SETS (not to DEVELOP) and scored only when asked for by
name: never tune on it. `heldout6` is spent; `heldout7` is the unspent one: the lead scores it
once, at the end of the round of 3 December 2026 (night); do not open it, and do not run
`--set heldout7` or `--set all`, while writing detectors.

Matching rule (the same as in benchmarks/corpus/README.md):

* Only findings of severity `error` or `warning` are scored; `info` findings are
  counted apart.
* A finding's *stated figures* are the mentions of its stated fact: the fact on the
  left of its `claim` (`fact == …`, `fact <= …`), printed with the figure of its
  `stated.figure`. A finding with no stated side (e.g. `mentions-agree`) offers all
  its mentions.
* A finding matches a key row when one of its stated figures is printed on one of
  the row's `lines` and has the same figure text as the row's stated figure (the
  first of `figures`). For rows of kind equal, count, highest and lowest — where no
  single figure is "the" claim — any figure of the row will do.
* Figure text is compared after normalisation: Unicode NFKC (full-width digits,
  letters and punctuation to ASCII), no whitespace, `·` read as a decimal point,
  thousands separators dropped, lower case. If the texts still differ, the figures
  match when their numeric cores agree (the first number, without sign, brackets,
  currency or unit): `(22,271` matches `-22,271`, `4.1%` matches `4.1`.
* A key row with verdict `fails` or `truncation-only` is a *real problem*; it is
  *flagged* when at least one scored finding matches it.
* A scored finding that matches no problem row is a *false alarm* (whether it
  matches a `holds` row or nothing at all).
* Exit code: with `--fail-on error`, factlint should exit 1 when the text has a
  failing relation asserted in words (`asserted` = words, verdict not holds); the
  report shows, per text, the exit code and whether it is the expected one (1 for
  such texts, 0 for the others).

Usage:
    python benchmarks/scan_corpus.py                  # dev set, table
    python benchmarks/scan_corpus.py --json           # machine output
    python benchmarks/scan_corpus.py --factlint "python -m factlint"
    python benchmarks/scan_corpus.py --set develop    # dev, dev2 and the spent held-out sets
    python benchmarks/scan_corpus.py --set heldout4   # spent: scored once (see the corpus README)
    python benchmarks/scan_corpus.py --set heldout7   # unspent: the lead only, once, at the end
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
DEVELOP = ("dev", "dev2", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6")
SETS = (*DEVELOP, "heldout7")
PROBLEM = {"fails", "truncation-only"}
ANY_FIGURE_KINDS = {"equal", "count", "highest", "lowest"}
KINDS = {
    "sum",
    "share",
    "growth",
    "ratio",
    "difference",
    "equal",
    "count",
    "highest",
    "lowest",
    "structure",
    "target",
    "times",
}
SCORED = {"error", "warning"}
COLUMNS = ["id", "kind", "asserted", "lines", "figures", "verdict", "note"]
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def normalise(figure: str) -> str:
    s = unicodedata.normalize("NFKC", figure or "")
    s = s.replace("·", ".").replace("\u2212", "-")
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", s)
    return s.lower()


def numeric_core(figure: str) -> str | None:
    m = NUMBER.search(normalise(figure))
    if not m:
        return None
    core = m.group(0)
    if "." in core:
        core = core.rstrip("0").rstrip(".") or "0"
    return core.lstrip("0") or "0"


def same_figure(a: str, b: str) -> bool:
    na, nb = normalise(a), normalise(b)
    if na == nb:
        return True
    ca, cb = numeric_core(a), numeric_core(b)
    return ca is not None and ca == cb


def load_key(path: Path) -> tuple[list[dict], list[str]]:
    rows, errors = [], []
    if not path.exists():
        return rows, [f"{path.name}: missing"]
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != COLUMNS:
        errors.append(f"{path.name}: header must be {' '.join(COLUMNS)}")
        return rows, errors
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            errors.append(f"{path.name}:{n}: {len(cells)} columns")
            continue
        row = dict(zip(COLUMNS, cells, strict=False))
        try:
            row["lines"] = [int(x) for x in row["lines"].split(",") if x.strip()]
        except ValueError:
            errors.append(f"{path.name}:{n}: bad lines {row['lines']!r}")
            continue
        row["figures"] = [f.strip() for f in row["figures"].split(" | ")]
        if row["kind"] not in KINDS:
            errors.append(f"{path.name}:{n}: unknown kind {row['kind']!r}")
        if row["asserted"] not in ("words", "numbers"):
            errors.append(f"{path.name}:{n}: asserted must be words or numbers")
        if row["verdict"] not in ("holds", "fails", "truncation-only"):
            errors.append(f"{path.name}:{n}: unknown verdict {row['verdict']!r}")
        rows.append(row)
    return rows, errors


def stated_figures(finding: dict) -> list[tuple[str, int | None]]:
    mentions = finding.get("mentions") or []
    stated = finding.get("stated") or {}
    figure = stated.get("figure") if isinstance(stated, dict) else None
    claim = finding.get("claim") or ""
    fact = re.split(r"\s*(?:==|!=|<=|>=|<|>|=)\s*", claim, maxsplit=1)[0].strip() if claim else ""
    out = []
    if figure:
        for m in mentions:
            if fact and m.get("fact") != fact:
                continue
            if same_figure(m.get("figure") or "", figure):
                out.append((m.get("figure") or figure, m.get("line")))
        if not out:  # the stated fact's mentions were not found by id: any mention printing it
            out = [
                (m.get("figure") or figure, m.get("line"))
                for m in mentions
                if same_figure(m.get("figure") or "", figure)
            ]
        if out:
            return out
    return [(m.get("figure") or "", m.get("line")) for m in mentions]


def matches(finding_figs: list[tuple[str, int | None]], row: dict) -> bool:
    targets = row["figures"] if row["kind"] in ANY_FIGURE_KINDS else row["figures"][:1]
    for fig, line in finding_figs:
        if line not in row["lines"]:
            continue
        if any(same_figure(fig, t) for t in targets):
            return True
    return False


def factlint_command(arg: str | None) -> list[str]:
    if arg:
        return shlex.split(arg)
    exe = shutil.which("factlint")
    return [exe] if exe else [sys.executable, "-m", "factlint"]


def scan(cmd: list[str], text: Path, timeout: float) -> tuple[int, dict | None, str]:
    try:
        proc = subprocess.run(
            [*cmd, "scan", str(text), "--format", "json", "--fail-on", "error"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            env={**os.environ, "NO_COLOR": "1"},
        )
    except subprocess.TimeoutExpired:
        return -1, None, f"timeout after {timeout:.0f}s"
    except OSError as exc:
        return -1, None, str(exc)
    try:
        return proc.returncode, json.loads(proc.stdout), proc.stderr.strip()
    except json.JSONDecodeError:
        return proc.returncode, None, (proc.stderr or proc.stdout).strip()[:500]


def score_text(cmd: list[str], text: Path, timeout: float) -> dict:
    rows, key_errors = load_key(text.with_name(text.stem + ".key.tsv"))
    rc, report, err = scan(cmd, text, timeout)
    findings = (report or {}).get("findings") or []
    scored = [f for f in findings if f.get("severity") in SCORED]
    problems = [r for r in rows if r["verdict"] in PROBLEM]
    words_fail = [r for r in problems if r["asserted"] == "words"]
    flagged, false_alarms, on_holds, finding_out = set(), 0, 0, []
    for f in scored:
        figs = stated_figures(f)
        hit = [r["id"] for r in rows if matches(figs, r)]
        hit_problem = [i for i in hit if i in {p["id"] for p in problems}]
        flagged.update(hit_problem)
        if not hit_problem:
            false_alarms += 1
            if hit:
                on_holds += 1
        finding_out.append(
            {
                "rule": f.get("rule"),
                "kind": f.get("kind"),
                "severity": f.get("severity"),
                "stated": figs[:3],
                "rows": hit,
                "problem_rows": hit_problem,
            }
        )
    expected_rc = 1 if words_fail else 0
    return {
        "text": text.stem,
        "set": text.parent.name,
        "rows": len(rows),
        "problems": len(problems),
        "words_problems": len(words_fail),
        "flagged": len(flagged),
        "flagged_rows": sorted(flagged, key=lambda x: int(x[1:])),
        "missed_rows": [p["id"] for p in problems if p["id"] not in flagged],
        "findings": len(scored),
        "info_findings": len(findings) - len(scored),
        "false_alarms": false_alarms,
        "false_alarms_on_holds_rows": on_holds,
        "exit_code": rc,
        "expected_exit_code": expected_rc,
        "exit_ok": rc == expected_rc,
        "error": None if report is not None else (err or "no JSON output"),
        "key_errors": key_errors,
        "finding_matches": finding_out,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--set",
        choices=(*SETS, "develop", "all"),
        default="dev",
        help="which texts to score (default dev; develop = every spent set)",
    )
    ap.add_argument(
        "--factlint",
        metavar="CMD",
        default=None,
        help="command that runs factlint (default: the factlint on PATH, "
        'else "python -m factlint")',
    )
    ap.add_argument("--json", action="store_true", help="print machine-readable JSON")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help=argparse.SUPPRESS)
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per scan")
    args = ap.parse_args(argv)

    named = {"all": SETS, "develop": DEVELOP}
    sets = named.get(args.set, (args.set,))
    texts = sorted(p for s in sets for p in (args.corpus / s).glob("*.txt"))
    if not texts:
        print(f"no texts under {args.corpus} for set {args.set}", file=sys.stderr)
        return 2
    cmd = factlint_command(args.factlint)
    results = [score_text(cmd, t, args.timeout) for t in texts]

    keys = (
        "rows",
        "problems",
        "words_problems",
        "flagged",
        "findings",
        "info_findings",
        "false_alarms",
        "false_alarms_on_holds_rows",
    )
    total = {k: sum(r[k] for r in results) for k in keys}
    total["texts"] = len(results)
    total["exit_ok"] = sum(r["exit_ok"] for r in results)
    total["words_problem_texts"] = sum(1 for r in results if r["words_problems"])
    total["exit_1_on_words_problem_texts"] = sum(
        1 for r in results if r["words_problems"] and r["exit_code"] == 1
    )
    total["exit_1_on_other_texts"] = sum(
        1 for r in results if not r["words_problems"] and r["exit_code"] == 1
    )
    total["errors"] = sum(1 for r in results if r["error"])
    total["recall"] = round(total["flagged"] / total["problems"], 3) if total["problems"] else None

    if args.json:
        json.dump(
            {"set": args.set, "factlint": cmd, "texts": results, "total": total},
            sys.stdout,
            ensure_ascii=False,
            indent=1,
        )
        print()
    else:
        head = (
            f"{'text':42} {'rows':>4} {'prob':>4} {'flag':>4} {'find':>4} {'f.a.':>4} "
            f"{'exit':>4} {'ok':>3}"
        )
        print(head)
        print("-" * len(head))
        for r in results:
            note = f"  ERROR {r['error']}" if r["error"] else ""
            if r["key_errors"]:
                note += "  KEY " + "; ".join(r["key_errors"])
            print(
                f"{r['text'][:42]:42} {r['rows']:4} {r['problems']:4} {r['flagged']:4} "
                f"{r['findings']:4} {r['false_alarms']:4} {r['exit_code']:4} "
                f"{'yes' if r['exit_ok'] else 'NO':>3}{note}"
            )
        print("-" * len(head))
        print(
            f"{'total (' + str(total['texts']) + ' texts)':42} {total['rows']:4} "
            f"{total['problems']:4} "
            f"{total['flagged']:4} {total['findings']:4} {total['false_alarms']:4} "
            f"{'':4} {total['exit_ok']:3}"
        )
        print()
        print(
            f"real problems {total['problems']}, flagged {total['flagged']}"
            + (f" (recall {total['recall']:.0%})" if total["recall"] is not None else "")
        )
        print(
            f"false alarms {total['false_alarms']} (of them on `holds` rows: "
            f"{total['false_alarms_on_holds_rows']}); "
            f"info findings not scored: {total['info_findings']}"
        )
        print(
            f"exit 1 on texts with a failing words-asserted relation: "
            f"{total['exit_1_on_words_problem_texts']}/{total['words_problem_texts']}; "
            f"exit 1 on the other texts: {total['exit_1_on_other_texts']}/"
            f"{total['texts'] - total['words_problem_texts']}"
        )
        if total["errors"]:
            print(f"scan errors: {total['errors']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
