"""factlint against the exact oracle, at a longer budget than CI's.

    python scripts/oracle.py --examples 2000          # per property, random seeds
    python scripts/oracle.py --examples 500 --seed 1  # reproducible

Runs the differential properties of tests/test_oracle.py (sums, shares and growth, equal,
compare, free expressions, repeated facts; the three modes) with the given number of
examples each, and prints how many claims were compared and how long it took.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROPERTIES = 7  # the @given tests in tests/test_oracle.py


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per property")
    parser.add_argument("--seed", type=int, help="a hypothesis seed (default: random)")
    args = parser.parse_args()
    env = {**os.environ, "FACTLINT_ORACLE_EXAMPLES": str(args.examples)}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/test_oracle.py",
    ]
    if args.seed is None:
        env["FACTLINT_ORACLE_RANDOM"] = "1"
    else:
        command.append(f"--hypothesis-seed={args.seed}")
        env["FACTLINT_ORACLE_RANDOM"] = "1"
    started = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, env=env, check=False)
    elapsed = time.perf_counter() - started
    print(
        f"oracle: up to {args.examples} examples x {PROPERTIES} properties "
        f"({args.examples * PROPERTIES} claims), {elapsed:.0f} s, "
        f"{'all agree' if result.returncode == 0 else 'DISAGREEMENT (see above)'}"
    )
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
