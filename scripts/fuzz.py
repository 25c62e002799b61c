"""Fuzz factlint for a long time with the strategies of the test suite, and say what failed.

    PYTHONPATH=src python scripts/fuzz.py --seconds 600 [--seed 1] [--only load]
    PYTHONPATH=src python scripts/fuzz.py --seconds 300 --only extract   # issue 17's budget

Runs the properties of tests/test_fuzz.py (strategies in tests/hostile/strategies.py) round
robin, in rounds of ``--round`` examples each with fresh randomness, until the time is up.
Prints how many inputs it tried per property (and how many a second) and every distinct
failure (shrunk by Hypothesis) with the input that caused it. Exit 1 when anything failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from hostile import strategies as fz  # noqa: E402


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[str, str]:
    facts, ids = draw(fz.facts_documents())
    return facts, draw(fz.rules_documents(ids))


@st.composite
def _near_facts(draw: st.DrawFn) -> tuple[str, str]:
    facts, rules = draw(_pairs())
    return draw(fz.mutated(st.just(facts))), rules


@st.composite
def _near_rules(draw: st.DrawFn) -> tuple[str, str]:
    facts, rules = draw(_pairs())
    return facts, draw(fz.mutated(st.just(rules)))


@st.composite
def _stray_bytes(draw: st.DrawFn) -> tuple[bytes, str]:
    facts, rules = draw(_pairs())
    data = facts.encode("utf-8")
    at = draw(st.integers(0, len(data) - 1))
    return data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:], rules


_figures = st.one_of(
    fz.figure_texts(), fz.wild_figure_texts(), fz.mutated(fz.figure_texts()), st.text(max_size=300)
)
_checks = st.one_of(fz.checks(), fz.mutated(fz.checks()), st.text(max_size=300))

PROPERTIES: dict[str, tuple[st.SearchStrategy[Any], Callable[..., None]]] = {
    "figures": (_figures, fz.parse_figure_fails_cleanly),
    "expressions": (_checks, fz.parse_check_fails_cleanly),
    "yaml": (fz.mutated(fz.facts_documents().map(lambda d: d[0])), fz.parse_yaml_fails_cleanly),
    "load": (_pairs(), lambda pair: fz.load_fails_cleanly(*pair)),
    "load-near-facts": (_near_facts(), lambda pair: fz.load_fails_cleanly(*pair)),
    "load-near-rules": (_near_rules(), lambda pair: fz.load_fails_cleanly(*pair)),
    "load-stray-bytes": (_stray_bytes(), lambda pair: fz.load_fails_cleanly(*pair)),
    "round-trip": (fz.facts_documents(), lambda doc: fz.round_trips(doc[0])),
    "json-stable": (_pairs(), lambda pair: fz.json_is_stable(*pair)),
    "quotes": (fz.report_texts(), lambda text: fz.quotes_are_found(*text)),
    "extract": (fz.extract_texts(), fz.extract_fails_cleanly),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to run")
    parser.add_argument("--round", type=int, default=200, help="examples per property per round")
    parser.add_argument("--seed", type=int, default=None, help="seed of the first round")
    parser.add_argument("--only", nargs="*", choices=sorted(PROPERTIES), help="these properties")
    args = parser.parse_args()
    chosen = args.only or list(PROPERTIES)
    rng = random.Random(args.seed)
    tried: Counter[str] = Counter()
    failures: dict[str, str] = {}
    started = time.monotonic()
    deadline = started + args.seconds
    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        for name in chosen:
            if time.monotonic() >= deadline:
                break
            failure = _one_round(name, args.round, rng.randrange(2**32), tried)
            if failure is not None and failure[0] not in failures:
                failures[failure[0]] = f"{name}, round {rounds}:\n{failure[1]}"
                print(f"FAILED {name}: {failure[0]}", file=sys.stderr, flush=True)
    total = sum(tried.values())
    elapsed = time.monotonic() - started
    print(
        f"fuzzed {elapsed:.0f} s, {rounds} rounds, {total} inputs tried "
        f"({total / elapsed:.1f} a second):"
    )
    for name in chosen:
        print(f"  {name:18} {tried[name]:>8}  {tried[name] / elapsed:8.1f}/s")
    print(f"{len(failures)} distinct failures" + (":" if failures else ""))
    for key, failure in failures.items():
        print(f"--- {key}\n{failure}")
    return 1 if failures else 0


def _one_round(
    name: str, examples: int, round_seed: int, tried: Counter[str]
) -> tuple[str, str] | None:
    """None, or (what failed and where, the shrunk failure as Hypothesis reports it)."""
    strategy, check = PROPERTIES[name]

    def counted(value: Any) -> None:
        tried[name] += 1
        check(value)

    test = seed(round_seed)(
        settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )(given(strategy)(counted))
    )
    try:
        test()
    except Exception as error:  # a falsified property, already shrunk by Hypothesis
        frames = [f for f in traceback.extract_tb(error.__traceback__) if "factlint" in f.filename]
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
        report = "".join(traceback.format_exception(error)).strip().splitlines()
        return f"{type(error).__name__} at {where}", "\n".join(report[-30:])
    return None


if __name__ == "__main__":
    sys.exit(main())
