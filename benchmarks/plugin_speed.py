"""``pytest --factlint --junitxml`` against ``factlint check`` on one rules file of N passing rules.

    python benchmarks/plugin_speed.py [--rules 10000] [--repeats 3] [--profile]

Writes a facts file of N+1 facts and a rules file of N passing rules (``f_i <= total``) to a
temporary folder, then times, each in a fresh process, ``factlint check RULES`` and
``pytest --factlint RULES --junitxml=x.xml -q`` (without the cache and Hypothesis's
plugin), and prints both (the
best of ``--repeats``, CPU time of the child: user + system, so waiting for a core on a
shared machine does not count) and the ratio plugin/check. Issue 17 measured 17 s against
0.9 s (a ratio of about 19); the plugin now checks each rules file once, at collection,
looks each item's findings up, and runs its items without the setup and teardown hooks
they have nothing in (``pytest_runtest_protocol``).
``--profile`` prints the 25 most expensive functions of one plugin run (cProfile).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_inputs(folder: Path, count: int) -> Path:
    facts = ["report: {id: bench}", "facts:", '  total: {value: "1000000项"}']
    facts += [f'  f{i}: {{value: "{i % 97 + 1}项"}}' for i in range(count)]
    (folder / "bench.facts.yaml").write_text("\n".join(facts) + "\n", encoding="utf-8")
    rules = ["facts: bench.facts.yaml", "rules:"]
    rules += [f'  - {{id: r{i}, check: "f{i} <= total"}}' for i in range(count)]
    path = folder / "bench.rules.yaml"
    path.write_text("\n".join(rules) + "\n", encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")  # the rootdir
    return path


def cpu_seconds(command: list[str], cwd: Path) -> tuple[float, int]:
    """CPU time (user + system) of the command and its exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, cwd=cwd, capture_output=True, check=False, env=_env())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode not in (0,):
        sys.stderr.write(result.stdout.decode()[-2000:] + result.stderr.decode()[-2000:])
    return used, result.returncode


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTEST_ADDOPTS", None)
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factlint-plugin-") as name:
        folder = Path(name)
        rules = write_inputs(folder, args.rules)
        check = [sys.executable, "-m", "factlint", "check", rules.name]
        plugin = [sys.executable, "-m", "pytest", "--factlint", rules.name, "-q"]
        # Hypothesis's own pytest plugin (installed with the test extras) imports Hypothesis
        # at the end of every session, a second of start-up unrelated to factlint.
        plugin += ["-p", "no:cacheprovider", "-p", "no:hypothesispytest", "--junitxml", "x.xml"]
        if args.profile:
            subprocess.run(
                [sys.executable, "-m", "cProfile", "-s", "cumulative", *plugin[1:]],
                cwd=folder,
                check=False,
                env=_env(),
                stdout=sys.stdout,
            )
            return 0
        times: dict[str, list[float]] = {"check": [], "plugin": []}
        for _ in range(args.repeats):
            for label, command in (("check", check), ("plugin", plugin)):
                seconds, code = cpu_seconds(command, folder)
                if code != 0:
                    print(f"{label} exited {code}", file=sys.stderr)
                    return 1
                times[label].append(seconds)
    best = {label: min(values) for label, values in times.items()}
    print(f"{args.rules} passing rules, best of {args.repeats}, CPU seconds:")
    print(f"  factlint check              {best['check']:7.2f}")
    print(f"  pytest --factlint --junitxml {best['plugin']:6.2f}")
    print(f"  ratio plugin/check          {best['plugin'] / best['check']:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
