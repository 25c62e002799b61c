"""Relation discovery, measured on annotated texts, and its pieces on small examples.

A text's relation key (``*.relations.tsv``: kind, the printed figures separated by `` | ``,
the expected status) lists the relations an editor would check among the figures the
text ties together. A discovered relation matches a key row when the kind and the printed
figures agree. Print the table with:

    PYTHONPATH=src python tests/test_extract_discover.py
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from factlint import check, facts_from_dict, rules_from_dict
from factlint.extract.discover import HOLDS, Relation, discover
from factlint.extract.pipeline import Extraction, extract_text
from factlint.extract.writer import facts_data
from factlint.numbers.figures import figure_digits

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data" / "extract"
TEXTS = [("jinzhong-2020", ROOT.parent / "facts" / "jinzhong-2020.txt")] + [
    (path.stem, path) for path in sorted(DATA.glob("*.txt"))
]

Signature = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class Tally:
    name: str
    key: int
    found: int  # key relations discovered, with the expected status
    spurious: int  # discovered relations that hold but are no relation of the key
    findings: int  # near misses reported
    false_alarms: int  # near misses that are not in the key


def read_relations(name: str) -> dict[Signature, str]:
    path = DATA / f"{name}.relations.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    return {_signature(kind, values.split(" | ")): status for kind, values, status in rows}


def _signature(kind: str, values: list[str]) -> Signature:
    return kind, tuple(sorted(figure_digits(v) for v in values))


def signature(relation: Relation, extraction: Extraction) -> Signature:
    values = {f.id: f.mentions[0].text for f in extraction.facts}  # as printed: 下降2.7% is 2.7%
    return _signature(relation.kind, [values[i] for i in relation.facts])


def tally(name: str, path: Path) -> tuple[Tally, list[Relation], Extraction]:
    key = read_relations(name)
    extraction = extract_text(path.read_text(encoding="utf-8"))
    relations = discover(extraction)
    found = spurious = false_alarms = 0
    for relation in relations:
        expected = key.get(signature(relation, extraction))
        if expected == relation.status:
            found += 1
        elif relation.is_finding:
            false_alarms += 1
        else:
            spurious += 1
    findings = sum(r.is_finding for r in relations)
    return Tally(name, len(key), found, spurious, findings, false_alarms), relations, extraction


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    return {name: tally(name, path)[0] for name, path in TEXTS}


def test_the_first_report_gives_back_its_three_relations_and_no_false_alarm(
    tallies: dict[str, Tally],
) -> None:
    first = tallies["jinzhong-2020"]
    assert first.found == first.key == 5
    assert first.findings == 1 and first.false_alarms == 0 and first.spurious == 0


def test_no_false_alarm_on_any_annotated_text(tallies: dict[str, Tally]) -> None:
    assert sum(t.false_alarms for t in tallies.values()) == 0
    assert sum(t.spurious for t in tallies.values()) <= 1


def test_the_completion_of_the_first_report_holds_only_under_truncation() -> None:
    _, relations, _ = tally(*TEXTS[0])
    completion = next(r for r in relations if r.kind == "completion")
    assert completion.status == "truncation-only"
    assert completion.suggestion == "186%"
    assert "consistent only if the figures were truncated" in str(completion.rule["message"])


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("全年签约项目51项。其中，六新项目39项，占比76.5%。", HOLDS),
        ("全年签约项目51项。其中，六新项目39项，占比76.6%。", "off-by-one"),
        ("全年签约项目51项。其中，六新项目39项，占比0.765%。", "off-by-scale"),
    ],
)
def test_a_share_and_its_near_misses(text: str, status: str) -> None:
    relations = [r for r in discover(extract_text(text)) if r.kind == "share"]
    assert [r.status for r in relations] == [status]


def test_a_sum_after_its_total() -> None:
    text = (
        "全年地区生产总值1077.9亿元。其中第一产业增加值72.8亿元；"
        "第二产业增加值460.6亿元；第三产业增加值544.5亿元。"
    )
    (relation,) = [r for r in discover(extract_text(text)) if r.kind == "sum"]
    assert relation.status == HOLDS
    assert relation.rule["sum"] == {
        "parts": ["第一产业增加值", "第二产业增加值", "第三产业增加值"],
        "total": "地区生产总值",
    }


def test_growth_from_two_periods_and_a_decline() -> None:
    rose = discover(extract_text("Sales rose 2% to $11.1bn from $10.9bn."))
    assert [(r.kind, r.status) for r in rose] == [("growth", HOLDS)]
    fell = discover(extract_text("Sales fell 2% to $10.9bn from $11.1bn."))
    assert [(r.kind, r.status) for r in fell] == [("growth", HOLDS)]
    # the decline is read with its sign (fell 2% is -2%): a plain growth rule
    assert set(fell[0].rule) >= {"growth"} and fell[0].stated == "-2%"


def test_equal_numbers_far_apart_are_no_relation() -> None:
    text = "金科引进78户，北方引进57户。今年新增企业20户。占地面积76.5%。"
    assert discover(extract_text(text)) == []


def test_discovered_rules_load_and_check_in_the_public_format() -> None:
    extraction = extract_text(TEXTS[0][1].read_text(encoding="utf-8"))
    relations = discover(extraction)
    facts = facts_from_dict(facts_data(extraction, report_id="jinzhong-2020", source="x.txt"))
    rules = rules_from_dict([r.rule for r in relations])
    report = check(facts, rules)
    failed = Counter(f.rule for f in report.findings if f.rule in {r.rule["id"] for r in relations})
    assert failed == {"completion-185pct": 1}


STRUCTURE = (
    "全年地区生产总值1077.9亿元。其中第一产业增加值72.8亿元；第二产业增加值460.6亿元；"
    "第三产业增加值544.5亿元。三次产业结构{}。"
)


def _kinds(text: str) -> list[tuple[str, str, str]]:
    return sorted((r.kind, r.status, r.stated) for r in discover(extract_text(text)))


def test_a_structure_adds_up_to_100_and_each_part_is_a_share_of_the_total() -> None:
    found = [k for k in _kinds(STRUCTURE.format("6.8:42.7:50.5")) if k[0] != "sum"]
    assert found == [
        ("share", HOLDS, "42.7"),
        ("share", HOLDS, "50.5"),
        ("share", HOLDS, "6.8"),
        ("structure", HOLDS, "6.8:42.7:50.5"),
    ]


def test_a_structure_that_misses_100_is_a_finding() -> None:
    found = [k for k in _kinds(STRUCTURE.format("6.8:42.7:51.5")) if k[0] == "structure"]
    assert found == [("structure", "mismatch", "6.8:42.7:51.5")]


def test_scores_and_two_part_ratios_without_a_cue_are_no_structure() -> None:
    assert _kinds("比分3:2，两队打成1:1。Arsenal won 60:40 on the night.") == []


@pytest.mark.parametrize(
    ("text", "status", "stated"),
    [
        ("It was revised down by 72,000, from +336,000 to +264,000.", HOLDS, "72,000"),
        ("It was revised down by 87,000, from -140,000 to -227,000.", HOLDS, "87,000"),
        ("It was revised down by 72,000, from +336,000 to +246,000.", "mismatch", "72,000"),
        ("城镇化率由60.2%提高到61.5%，提高1.3个百分点。", HOLDS, "1.3个百分点"),
        ("粮食产量从5.2万吨增加到5.5万吨，增加了3000吨。", HOLDS, "3000吨"),
    ],
)
def test_a_change_from_one_value_to_another(text: str, status: str, stated: str) -> None:
    assert _kinds(text) == [("difference", status, stated)]


def test_a_relative_change_of_a_rate_is_no_difference() -> None:
    assert _kinds("The rate rose by 70 percent, from 3.0 percent to 5.1 percent.") == []


def test_the_gaps_between_rates_and_the_rate_named_after_bi() -> None:
    text = (
        "全国规模以上工业增加值同比增长6.0%。高技术产业和装备制造业增加值同比分别增长10.6%和9.1%，"
        "增速分别比规模以上工业快4.6和3.1个百分点。"
    )
    assert _kinds(text) == [("difference", HOLDS, "3.1个百分点"), ("difference", HOLDS, "4.6")]
    # the rate compared with is found by its name only: a gap that does not hold is left
    # unsaid rather than called a mismatch
    wrong = text.replace("快4.6和", "快4.9和")
    assert [k for k in _kinds(wrong) if k[2] == "4.9"] == []


@pytest.mark.parametrize(
    "name", ["cn-communique-city", "cn-fl-gov-2025q3", "cn-nbs-2016q3", "en-bls-employment-2021-01"]
)
def test_structures_and_differences_check_in_the_public_format(name: str) -> None:
    extraction = extract_text((DATA / f"{name}.txt").read_text(encoding="utf-8"))
    relations = [r for r in discover(extraction) if r.kind in ("structure", "difference", "share")]
    assert relations
    facts = facts_from_dict(facts_data(extraction, report_id=name, source="x.txt"))
    report = check(facts, rules_from_dict([r.rule for r in relations]))
    assert [f for f in report.findings if f.rule in {r.rule["id"] for r in relations}] == []


def main() -> None:
    rows = [tally(name, path) for name, path in TEXTS]
    print(
        f"{'text':28} {'key':>4} {'found':>6} {'spurious':>9} {'findings':>9} {'false alarms':>13}"
    )
    for t, relations, extraction in rows:
        print(
            f"{t.name:28} {t.key:4} {t.found:6} {t.spurious:9} {t.findings:9} {t.false_alarms:13}"
        )
        for relation in relations:
            print(f"    [{relation.status}] {relation.rule['message']}")
        del extraction
    totals = [
        sum(getattr(t, f) for t, _, _ in rows)
        for f in ("key", "found", "spurious", "findings", "false_alarms")
    ]
    print(f"{'all':28} {totals[0]:4} {totals[1]:6} {totals[2]:9} {totals[3]:9} {totals[4]:13}")


if __name__ == "__main__":
    main()
