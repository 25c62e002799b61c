"""Relations the text asserts in words (issue 11): read from the language, checked whatever
their numbers say, an error when they fail; inferred ones stay warnings. Sentences written
for these tests, in Chinese and English."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, TRUNCATION, Relation, discover
from factlint.extract.pipeline import extract_text
from scanning import scan_findings as findings


def relations(text: str) -> list[Relation]:
    return discover(extract_text(text))


def asserted(text: str) -> list[tuple[str, str, str]]:
    """(kind, status, stated figure) of each asserted relation."""
    return sorted((r.kind, r.status, r.stated) for r in relations(text) if r.is_asserted)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the whole a 其中 breaks down, the part just before 占比
        ("签约项目51项，其中新项目39项，占比75.5%。", [("share", MISMATCH, "75.5%")]),
        ("签约项目51项，其中新项目39项，占比76.5%。", [("share", HOLDS, "76.5%")]),
        ("51个项目中，六新项目39项，占比76.5%。", [("share", HOLDS, "76.5%")]),
        # rate clauses between the part and 占比 do not unbind it
        (
            "地区生产总值1000亿元。其中，第三产业增加值505亿元，增长6.1%，占比52.5%。",
            [("share", MISMATCH, "52.5%")],
        ),
        # the whole printed inside 占…的
        ("财政收入完成12655万元，占年预算30820万元的40.06%。", [("share", MISMATCH, "40.06%")]),
        ("工业投资51.7亿元，占全部投资162.24亿元的31.9%。", [("share", HOLDS, "31.9%")]),
    ],
)
def test_a_chinese_share_is_read_from_its_words(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    shares = [r for r in asserted(text) if r[0] == "share"]
    assert shares == expected


def test_a_share_the_words_assert_fails_as_an_error_with_the_words_quoted() -> None:
    text = "签约项目51项，其中新项目39项，占比75.5%。"
    (share,) = [r for r in relations(text) if r.kind == "share"]
    assert share.rule["severity"] == "error"
    assert "其中新项目39项,占比75.5%" in str(share.rule["message"])
    assert "asserted" in share.rule["tags"]  # type: ignore[operator]
    assert ("share-75-5pct", "error") in findings(text)


def test_each_share_of_a_list_is_bound_to_the_part_it_names() -> None:
    text = (
        "全年地区生产总值1000亿元。第一产业增加值100亿元，第二产业增加值400亿元，"
        "第三产业增加值500亿元。第一、第二、第三产业增加值占地区生产总值的比重分别为"
        "10.0%、40.0%、51.0%。"
    )
    shares = [r for r in relations(text) if r.kind == "share" and r.is_asserted]
    assert sorted((r.stated, r.status) for r in shares) == [
        ("10.0%", HOLDS),
        ("40.0%", HOLDS),
        ("51.0%", MISMATCH),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the subject of 占比 is named, not printed: which figure is the part?
        "全市生产总值1000亿元，第三产业增加值占比50.5%。",
        # a whole named after 占 that the text never prints
        "工业增加值120亿元，占全市规上工业的比重为30.0%。",
        # no 其中 and no named whole: whose share?
        "工业增加值120亿元，占比30.0%。",
    ],
)
def test_an_ambiguous_binding_asserts_nothing(text: str) -> None:
    assert [r for r in asserted(text) if r[0] == "share"] == []


def test_a_completion_of_a_target_is_asserted() -> None:
    text = "全年签约项目51项，投资额427.3亿元，完成230亿元目标任务的185%。"
    assert ("completion", TRUNCATION, "185%") in asserted(text)
    assert findings(text) == [("completion-185pct", "error")]


def test_a_part_listed_after_qizhong_is_within_its_whole() -> None:
    assert ("within", "exceeds", "59项") in asserted("签约项目51项，其中新项目59项。")
    # 其中 opening a sentence speaks of the first total of the one before
    text = "财政收入完成12655万元，短收187万元，增长3.8%。其中：税务部门完成6197万元。"
    within = [r for r in relations(text) if r.kind == "within"]
    assert [(r.status, r.stated) for r in within] == [(HOLDS, "6197万元")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council approved 39 of the 51 projects, or 75.5%.", (MISMATCH, "75.5%")),
        ("The council approved 39 of the 51 projects, or 76.5%.", (HOLDS, "76.5%")),
        # the part as a verb's subject counts the whole's things: exact, so 75.5% fails
        ("Of the 51 projects signed, 39 were new, or 75.5%.", (MISMATCH, "75.5%")),
        ("Of the 51 projects signed, 39 were new, or 76.5%.", (HOLDS, "76.5%")),
        (
            "Of the 291,567 burglaries recorded by police in 2019-20, offenders were caught "
            "in 95,872 – or 32 per cent.",
            (TRUNCATION, "32 per cent"),
        ),
        ("Police solved 95,872 cases, or 32.9% of the 291,567 burglaries.", (HOLDS, "32.9%")),
        ("Revenue was $50 million, or 15% of sales of $400 million.", (MISMATCH, "15%")),
    ],
)
def test_an_english_share_is_read_from_its_words(text: str, expected: tuple[str, str]) -> None:
    assert [(status, stated) for kind, status, stated in asserted(text)] == [expected]


def test_an_earlier_share_in_the_sentence_unbinds_a_later_whole() -> None:
    text = "Operating income was $55.0 million or 8.1% of sales, compared to $36.3 million or 5.2%."
    assert all(r.stated != "5.2%" for r in relations(text) if r.is_asserted)


def test_a_bare_number_counts_things_only_after_a_count() -> None:
    (new,) = [f for f in extract_text("Of the 51 projects, 39 were new.").facts if f.value == "39"]
    assert new.kind == "count" and new.exact
    (score,) = [f for f in extract_text("The index rose to 39 and was steady.").facts]
    assert not score.exact


def test_an_english_count_is_exact() -> None:
    (projects,) = [f for f in extract_text("They approved 51 projects.").facts]
    assert projects.kind == "count" and projects.exact
    (miles,) = [f for f in extract_text("They walked 12 miles.").facts]
    assert not miles.exact


def test_a_relation_inferred_from_the_numbers_alone_is_a_warning() -> None:
    # (the three industries of a GDP are its parts by definition: asserted, see
    # test_extract_chinese_relations; revenue lines are not)
    text = "全年财政总收入1000.0亿元，税收收入100.0亿元、非税收入400.0亿元、基金收入500.3亿元。"
    (total,) = [r for r in relations(text) if r.kind == "sum"]
    assert not total.is_asserted and total.rule["severity"] == "warning"
    assert "inferred" in total.rule["tags"]  # type: ignore[operator]


def test_a_sentence_without_figures_gives_no_relation() -> None:
    assert relations("没有数字。Nothing to count here.") == []


def test_a_change_is_no_part_and_a_qizhong_breaks_down_its_own_clause_group() -> None:
    text = "全市331家企业中，亏损企业共计73家，比去年同期减少了13家。"
    assert [r.stated for r in relations(text) if r.kind == "within"] == ["73家"]
    text = (
        "原煤产量1657.8万吨，同比下降14.3%；其中，县属企业完成1094.2万吨，同比下降17.1%；"
        "精煤产量947.5万吨，同比下降25.1%；其中，县属企业完成711.1万吨，同比下降25.2%。"
    )
    within = sorted(r.evidence.split(" (")[0] for r in relations(text) if r.kind == "within")
    assert within == ["1094.2万吨 is part of 1657.8万吨", "711.1万吨 is part of 947.5万吨"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("营业收入120亿元，比上年增加20亿元，增长20.0%。", ("growth-from-increase", HOLDS)),
        ("营业收入120亿元，比上年增加20亿元，增长25.0%。", ("growth-from-increase", MISMATCH)),
        ("常住人口218.7万人，比上年减少8630人，下降0.4%。", ("growth-from-increase", HOLDS)),
        (
            "Households will number 27.5 million in 2033, an increase of 5.8 million "
            "(37 per cent) over 2008.",
            ("growth-from-increase", MISMATCH),
        ),
        ("Revenue rose 5% to $1.05 billion from $1.00 billion.", ("growth", HOLDS)),
        ("Sales fell 10% from $100 million to $90 million.", ("growth", HOLDS)),
        ("Sales went from $100 million to $90 million, down 20%.", ("growth", MISMATCH)),
        (
            "Sales were $1.05 billion, up 9% from $1.00 billion a year earlier.",
            ("growth", MISMATCH),
        ),
        ("签约额427.3亿元，是上年200亿元的2.1倍。", ("times", HOLDS)),
        ("签约额427.3亿元，是上年200亿元的2.5倍。", ("times", MISMATCH)),
        ("Sales were $31 million, 3.0 times the $10 million of 2019.", ("times", HOLDS)),
    ],
)
def test_a_change_is_read_from_its_words(text: str, expected: tuple[str, str]) -> None:
    assert [(kind, status) for kind, status, _ in asserted(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # the words disagree with themselves (增加 … 下降): no reading is safe
        "营业收入120亿元，比上年增加20亿元，下降20.0%。",
        # "three times more than": three or four times as much? (a multiple in words with
        # "as many as" or "the" is read as a whole number of times: test_extract_english)
        "Sales were $31 million, three times more than the $10 million of 2019.",
        # a rate between two rates: points or a relative change?
        "The rate went from 3.0% to 5.1%, up 2.1%.",
    ],
)
def test_a_change_in_doubt_asserts_nothing(text: str) -> None:
    assert asserted(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一产业100亿元、第二产业400亿元、第三产业500亿元，合计1000亿元。", [HOLDS]),
        ("第一产业100亿元、第二产业400亿元、第三产业500亿元，合计1100亿元。", [MISMATCH]),
        ("新签项目中，工业项目12个、服务业项目8个，共25个。", [MISMATCH]),
        (
            "The fund paid $10 million in Europe, $20 million in Asia and $5 million "
            "elsewhere, a total of $45 million.",
            [MISMATCH],
        ),
        # a comma may end a clause about something else: the list is 100 and 400 only
        ("地区生产总值1000亿元，第一产业100亿元、第二产业400亿元，合计500亿元。", [HOLDS]),
        # 共 before a 其中 lists some parts, not all; a rate clause ends a list
        ("全年签约项目51项，共计投资427亿元。", []),
        ("工业投资10亿元，增长5%，服务业投资20亿元，累计完成30亿元。", []),
    ],
)
def test_a_total_is_read_from_its_words(text: str, expected: list[str]) -> None:
    assert [status for kind, status, _ in asserted(text) if kind == "sum"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Of the 51 projects, 39, or 75.5%, were new.",
        "Of the 51 projects, 39 (75.5%) were new.",
        "The council approved 51 projects, of which 39, or 75.5 per cent, were new.",
    ],
)
def test_a_counted_part_stays_exact_behind_an_aside_giving_its_share(text: str) -> None:
    (new,) = [f for f in extract_text(text).facts if f.value == "39"]
    assert new.kind == "count" and new.exact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Of the 51 projects, 39 (75.5%) were new.", (MISMATCH, "75.5%")),
        ("Of the 51 projects, 39 (76.5%) were new.", (HOLDS, "76.5%")),
        ("Of the 51 projects, 39, or 75.5%, were new.", (MISMATCH, "75.5%")),
        ("The board approved 51 projects, of which 39, or 75.5 per cent, were new.",
         (MISMATCH, "75.5 per cent")),
        ("The board approved 51 projects, of which 39 (76.5%) were new.", (HOLDS, "76.5%")),
    ],
)  # fmt: skip
def test_an_english_share_in_an_aside_is_read_from_its_words(
    text: str, expected: tuple[str, str]
) -> None:
    shares = [(status, stated) for kind, status, stated in asserted(text) if kind == "share"]
    assert shares == [expected]


def test_a_bracketed_figure_that_is_not_a_share_of_the_part_is_not_read_as_one() -> None:
    # the bracket holds a change, not the part's share of a whole
    assert asserted("Sales were 39 (up 5.5%) against 51 last year.") == []
