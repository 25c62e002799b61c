"""The first report (jinzhong-2020): its expected findings, asserted exactly."""

from __future__ import annotations

from pathlib import Path

from factlint.app.commands.check import run_check
from factlint.loading.facts_yaml import load_facts
from factlint.model import CheckOptions

ROOT = Path(__file__).resolve().parents[1]
PATHS = [ROOT / "facts", ROOT / "rules"]


def findings(rounding: str | None = None) -> list[tuple[str, str, str, str | None]]:
    report = run_check(PATHS, CheckOptions(rounding=rounding))
    return [(f.rule, f.status, f.severity.value, f.suggestion) for f in report.findings]


def test_expected_findings_under_nearest_rounding() -> None:
    assert findings() == [
        ("mentions-framing", "inconsistent", "warning", None),
        ("mentions-framing", "inconsistent", "warning", None),
        ("target-completion", "inconsistent", "error", "186%"),
        ("campaign-signed-investment-within-year", "inconsistent", "warning", None),
    ]


def test_the_target_completion_finding_explains_the_arithmetic() -> None:
    report = run_check(PATHS)
    finding = next(f for f in report.findings if f.rule == "target-completion")
    assert finding.arithmetic == "427.3亿元 / 230亿元 = 185.78…%"
    assert finding.stated is not None and finding.stated.text == "[184.5%, 185.5%]"
    assert finding.computed is not None and finding.computed.text == "[185.76…%, 185.80…%]"
    assert finding.rounding == "nearest"
    assert {(m.fact, m.line) for m in finding.mentions} == {
        ("signed_investment", 197),
        ("signed_investment", 334),
        ("signed_investment_target", 198),
        ("signed_investment_target", 334),
        ("target_completion", 199),
        ("target_completion", 336),
    }


def test_framing_findings_name_the_sections() -> None:
    report = run_check(PATHS)
    messages = [f.message for f in report.findings if f.rule == "mentions-framing"]
    assert messages[0] == (
        "fixed_asset_investment is framed as 累计完成 in sidebar-5 but as 预计 in body"
    )


def test_truncation_explains_185_but_not_76_5() -> None:
    assert [(rule, status) for rule, status, _, _ in findings("truncate")] == [
        ("mentions-framing", "inconsistent"),
        ("mentions-framing", "inconsistent"),
        ("six-new-share", "inconsistent"),
        ("campaign-signed-investment-within-year", "inconsistent"),
    ]


def test_every_quote_is_in_the_source_text_and_coverage_is_listed() -> None:
    report = run_check(PATHS)
    assert not [f for f in report.findings if f.rule in ("quote-in-source", "mention-section")]
    summary = report.summary
    assert (summary.rules, summary.passed, summary.failed, summary.cannot_check) == (10, 8, 2, 0)
    assert "assessment_weight" in report.unchecked
    assert "six_new_share" not in report.unchecked


def test_the_figures_key_matches_the_facts_file() -> None:
    """The annotated key (every figure on the page) and the facts file name the same places."""
    rows = (ROOT / "tests/data/jinzhong-2020-figures.tsv").read_text(encoding="utf-8").splitlines()
    key = sorted(
        (int(line), fact, section)
        for line, _column, _figure, section, fact in (
            r.split("\t") for r in rows if r[:1].isdigit()
        )
    )
    facts = load_facts(ROOT / "facts/jinzhong-2020.facts.yaml")
    mentions = sorted(
        (m.line or 0, m.fact, m.section) for fact in facts.facts.values() for m in fact.mentions
    )
    assert key == mentions
