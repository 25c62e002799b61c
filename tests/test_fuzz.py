"""Fuzzing with a bounded budget: generated valid and near-valid inputs never crash factlint.

Properties (strategies in tests/hostile/strategies.py, long runs in scripts/fuzz.py):
only the documented error types escape the loaders and parsers; a valid facts file
round-trips through load -> dump -> load; JSON output is byte-identical between runs and
between processes; arithmetic on figures stays exact and bounded.
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal, localcontext
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.clip import clip, clip_message
from factlint.loading.facts_writer import dump_facts
from factlint.loading.facts_yaml import facts_from_dict, load_facts
from factlint.numbers.figures import MAX_CHARS, FigureError, parse_figure
from factlint.numbers.intervals import EXPONENT_LIMIT, PRECISION, ArithmeticLimit, Interval
from hostile import strategies as fz
from hostile.harness import factlint_env
from work import calls

BUDGET = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI stays reproducible
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
SMALL_BUDGET = settings(BUDGET, max_examples=60)
REPO = Path(__file__).resolve().parents[1]

# ------------------------------------------------------------------ parsers


@BUDGET
@given(
    st.one_of(
        fz.figure_texts(),
        fz.wild_figure_texts(),
        fz.mutated(fz.figure_texts()),
        st.text(max_size=300),
    )
)
def test_parse_figure_raises_only_figure_error(text: str) -> None:
    fz.parse_figure_fails_cleanly(text)


@BUDGET
@given(st.one_of(fz.checks(), fz.mutated(fz.checks()), st.text(max_size=300)))
def test_parse_check_raises_only_expression_error(text: str) -> None:
    fz.parse_check_fails_cleanly(text)


@BUDGET
@given(st.one_of(fz.mutated(fz.facts_documents().map(lambda d: d[0])), st.text(max_size=500)))
def test_parse_yaml_raises_only_factlint_error(text: str) -> None:
    fz.parse_yaml_fails_cleanly(text)


# ------------------------------------------------------------------ loaders


@st.composite
def valid_pairs(draw: st.DrawFn) -> tuple[str, str]:
    facts, ids = draw(fz.facts_documents())
    return facts, draw(fz.rules_documents(ids))


@BUDGET
@given(valid_pairs())
def test_valid_files_load_and_check(pair: tuple[str, str]) -> None:
    fz.load_fails_cleanly(*pair)


@BUDGET
@given(valid_pairs(), st.data())
def test_near_valid_facts_files_fail_cleanly(pair: tuple[str, str], data: st.DataObject) -> None:
    facts = data.draw(fz.mutated(st.just(pair[0])))
    fz.load_fails_cleanly(facts, pair[1])


@BUDGET
@given(valid_pairs(), st.data())
def test_near_valid_rules_files_fail_cleanly(pair: tuple[str, str], data: st.DataObject) -> None:
    rules = data.draw(fz.mutated(st.just(pair[1])))
    fz.load_fails_cleanly(pair[0], rules)


@SMALL_BUDGET
@given(valid_pairs(), st.binary(min_size=1, max_size=8), st.integers(0, 10_000))
def test_stray_bytes_fail_cleanly(pair: tuple[str, str], junk: bytes, at: int) -> None:
    data = pair[0].encode("utf-8")
    at %= len(data)
    fz.load_fails_cleanly(data[:at] + junk + data[at:], pair[1])


# ------------------------------------------------------------------ round trip and stable output


@BUDGET
@given(fz.facts_documents())
def test_facts_round_trip_through_dump(document: tuple[str, list[str]]) -> None:
    fz.round_trips(document[0])


@SMALL_BUDGET
@given(fz.facts_documents(source="report.txt"), fz.report_texts())
def test_facts_with_a_source_round_trip(document: tuple[str, list[str]], text: tuple) -> None:
    fz.round_trips(document[0], source=text[0])


def test_dump_quotes_what_yaml_would_change(tmp_path: Path) -> None:
    awkward = 'tab\t, NEL\x85, LS\u2028, BOM\ufeff, NUL\x00, DEL\x7f, "quoted" \\ 🎉 \''
    facts = facts_from_dict(
        {
            "report": {
                "id": "on",
                "title": awkward,
                "period": "2020",
                "sections": {"a: b": [1, 2]},
            },
            "facts": {
                "增长": {"value": "76.50%", "label": awkward, "aspects": {"yes": "no"}},
                "off_": {"value": "-0", "decimals": "INF", "tolerance": {"relative": "1%"}},
                "x": {"value": "51项", "period": "2019", "mentions": [{}, {"value": "51 项"}]},
            },
        }
    )
    path = tmp_path / "d.facts.yaml"
    path.write_text(dump_facts(facts), encoding="utf-8")
    again = load_facts(path)
    assert fz.comparable(again) == fz.comparable(facts)
    assert again.facts["增长"].figure.places == 2


@BUDGET
@given(valid_pairs())
def test_json_output_is_identical_between_runs(pair: tuple[str, str]) -> None:
    fz.json_is_stable(*pair)


@BUDGET
@given(fz.report_texts())
def test_a_quote_copied_from_the_text_is_found(text: tuple) -> None:
    fz.quotes_are_found(*text)


@SMALL_BUDGET
@given(fz.extract_texts())
def test_extract_on_any_text_writes_loadable_facts_or_a_factlint_error(text: str) -> None:
    """Issue 17: numerals of every script, separators, units and any Unicode between them;
    ``python scripts/fuzz.py --only extract --seconds 300`` runs the same for longer."""
    fz.extract_fails_cleanly(text)


def test_json_output_is_identical_between_processes_and_jobs() -> None:
    """Different hash seeds (set and dict orders) and --jobs settings must not change a byte."""
    reports = REPO / "tests" / "data" / "xbrl21-calc" / "cases"
    paths = [str(reports)] if reports.is_dir() else ["facts", "rules"]
    outputs = set()
    for seed, jobs in (("0", "1"), ("1", "2"), ("12345", "2")):
        env = {**factlint_env(), "PYTHONHASHSEED": seed}
        command = [sys.executable, "-P", "-m", "factlint", "check", "--format", "json"]
        done = subprocess.run(
            [*command, "--jobs", jobs, *paths],
            cwd=REPO,
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


# ------------------------------------------------------------------ bounded arithmetic

_DIGITS = st.integers(-(10**60) + 1, 10**60 - 1)
_EXPONENTS = st.integers(-60, 12)


@st.composite
def decimals(draw: st.DrawFn) -> Decimal:
    """Values a figure can stand for: up to 60 digits, scaled like 亿 or ‰."""
    return Decimal(draw(_DIGITS)).scaleb(draw(_EXPONENTS))


def _exact(operation: str, a: Decimal, b: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 400
        return {"+": a + b, "-": a - b, "*": a * b}[operation]


@BUDGET
@given(decimals(), decimals(), st.sampled_from(["+", "-", "*"]))
def test_interval_arithmetic_contains_the_exact_result(a: Decimal, b: Decimal, op: str) -> None:
    """Beyond 28 digits too: no step may round with the thread's default context."""
    x, y = Interval.point(a), Interval.point(b)
    result = {"+": x + y, "-": x - y, "*": x * y}[op]
    assert result.contains(_exact(op, a, b))
    assert x.__neg__().__neg__() == x
    assert (x - x).contains(Decimal(0))


@BUDGET
@given(decimals(), decimals().filter(lambda d: d != 0))
def test_interval_division_contains_the_quotient(a: Decimal, b: Decimal) -> None:
    quotient = Interval.point(a) / Interval.point(b)
    assert quotient.lo is not None and quotient.hi is not None
    with localcontext() as ctx:
        ctx.prec = 400
        assert quotient.lo * b <= a <= quotient.hi * b or quotient.lo * b >= a >= quotient.hi * b


def test_results_beyond_the_exponent_limit_are_refused() -> None:
    big = Interval.point(Decimal(10) ** (EXPONENT_LIMIT // 2 + 1))
    with pytest.raises(ArithmeticLimit):
        big * big
    assert PRECISION == 60


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1" * 100_000, f"a figure may have at most {MAX_CHARS} characters"),
        ("1" * 61, "a figure may have at most 60 digits"),
        ("1e999999999", "scientific notation is not a printed figure"),
        ("1E+999999999万", "scientific notation is not a printed figure"),
        ("NaN", "'NaN' is not a printed figure"),
        ("-Infinity", "'Infinity' is not a printed figure"),
        ("sNaN%", "'sNaN' is not a printed figure"),
    ],
)
def test_figures_outside_the_range_are_refused(text: str, message: str) -> None:
    with pytest.raises(FigureError, match=message.replace("(", r"\(")):
        parse_figure(text)


def test_parse_figure_does_no_more_work_on_huge_inputs() -> None:
    """Refused (or read) with as many calls for a million characters as for a thousand: no
    step per character in Python (work counted, not timed: benchmarks/ has the speeds)."""

    def texts(size: int) -> tuple[str, ...]:
        return ("1" * size, " " * size + "1", "1" + " " * size + "项", "一" * size, "," * size)

    for small, huge in zip(texts(10**3), texts(10**6), strict=True):
        assert calls(parse_figure, huge) <= calls(parse_figure, small) + 10, huge[:10]


def test_minus_zero_reads_as_zero() -> None:
    figure = parse_figure("-0")
    assert figure.number == 0 and not figure.number.is_signed()


# ------------------------------------------------------------------ messages


@BUDGET
@given(st.text(max_size=2000))
def test_clipped_text_is_one_short_line(text: str) -> None:
    assert len(clip(text)) <= 80 and len(clip(text).splitlines()) <= 1
    message = clip_message(f"unknown key '{text}' in fact 'x'")
    assert len(message) <= 500 and len(message.splitlines()) == 1


def test_the_environment_of_child_processes_finds_factlint() -> None:
    assert Path(factlint_env()["PYTHONPATH"], "factlint", "__init__.py").is_file()
    assert os.environ.get("PYTHONPATH") is None or factlint_env()["PYTHONPATH"]
