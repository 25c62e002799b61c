"""The largest files the limits allow load: a YAML facts file just under 16 MB, a 100 MB
JSON Lines facts file.

    python benchmarks/limits.py                 # both
    python benchmarks/limits.py --jsonl-mb 20   # a smaller JSON Lines file

Each file holds facts as users write them (a value printed with its unit, a label, one
mention with a section and a line), is loaded by ``factlint check FACTS -q`` as its own
process (the implicit checks run; there are no rules), and the wrapper prints the exit
status, wall and CPU time, peak memory (the child's maximum resident set) and memory per
fact. Files go to ``benchmarks/work/limits/``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work" / "limits"
ENV_SRC = str(ROOT / "src")
MB = 1_000_000
_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "took = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(took, usage.ru_maxrss, rc, usage.ru_utime + usage.ru_stime)\n"
)


def _fact(index: int) -> tuple[str, str, str]:
    value = f"{(index * 7919) % 99991 / 100:.2f}亿元"
    return f"f{index:07d}", value, f"指标{index % 97}"


def write_yaml(path: Path, limit: int) -> int:
    """Facts in block style, one field a line, until the next would pass ``limit`` bytes."""
    size, count = 0, 0
    with path.open("w", encoding="utf-8") as out:
        head = "report:\n  id: limits\nfacts:\n"
        out.write(head)
        size += len(head.encode())
        while True:
            fact_id, value, label = _fact(count)
            text = (
                f"  {fact_id}:\n    value: {value}\n    label: {label}\n    mentions:\n"
                f"      - section: body\n        line: {count + 1}\n"
            )
            encoded = len(text.encode())
            if size + encoded > limit:
                return count
            out.write(text)
            size += encoded
            count += 1


def write_jsonl(path: Path, limit: int) -> int:
    size, count = 0, 0
    with path.open("w", encoding="utf-8") as out:
        head = json.dumps({"report": {"id": "limits"}}) + "\n"
        out.write(head)
        size += len(head.encode())
        while size < limit:
            fact_id, value, label = _fact(count)
            line = json.dumps(
                {
                    "id": fact_id,
                    "value": value,
                    "label": label,
                    "mentions": [{"section": "body", "line": count + 1}],
                },
                ensure_ascii=False,
            )
            out.write(line + "\n")
            size += len(line.encode()) + 1
            count += 1
    return count


def load(path: Path) -> tuple[float, int, int, float]:
    argv = [sys.executable, "-m", "factlint", "check", path.name, "-q", "--jobs", "1"]
    result = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *argv],
        cwd=path.parent,
        env={"PYTHONPATH": ENV_SRC, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    took, peak, rc, cpu = result.stdout.split()
    return float(took), int(peak) * 1024, int(rc), float(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--yaml-mb", type=float, default=15.9, help="YAML file size (MB)")
    parser.add_argument("--jsonl-mb", type=float, default=100, help="JSON Lines file size (MB)")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    rows = []
    yaml_path = WORK / "limit.facts.yaml"
    rows.append((yaml_path, write_yaml(yaml_path, int(args.yaml_mb * MB))))
    jsonl_path = WORK / "limit.facts.jsonl"
    rows.append((jsonl_path, write_jsonl(jsonl_path, int(args.jsonl_mb * MB))))
    print(f"{'file':20} {'MB':>7} {'facts':>10} {'exit':>4} {'wall s':>7} {'CPU s':>7} "
          f"{'peak MiB':>9} {'B/fact':>7}")  # fmt: skip
    for path, count in rows:
        took, peak, rc, cpu = load(path)
        size = path.stat().st_size / MB
        print(
            f"{path.name:20} {size:7.1f} {count:10,} {rc:4} {took:7.1f} {cpu:7.1f} "
            f"{peak / 2**20:9,.0f} {peak / count:7,.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
