"""English fact ids take the measure's noun phrase (``english_labels.id_words``), not the
function words and verbs the words before a figure hold; a count takes the noun it counts.
Ids stay unique, stable and valid identifiers (docs/design.md §2). Labels and sentences
written for these tests."""

from __future__ import annotations

import re

import pytest

from factlint.extract.english_labels import id_words
from factlint.extract.ids import fact_ids
from factlint.extract.pipeline import extract_text


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("GDP growth", "GDP growth"),
        ("The jobless rate was", "jobless rate"),
        ("the number of offenders caught", "offenders caught"),
        ("the number of thefts reported to police", "thefts"),
        ("burglaries in Leeds and Bradford", "burglaries"),
        ("• Adjusted operating margin", "Adjusted operating margin"),
        ("Sales of hot drinks were flat", "Sales of hot drinks"),
        ("The firm reported revenues", "revenues"),
        ("Bus passengers making journeys", "Bus passengers"),
        ("Earnings (loss) per share", "Earnings per share"),
        ("Green (Patel", "Green Patel"),
        ("Tourist visits (down", "Tourist visits"),
        ("The share of homes built since", "share of homes"),
        ("Water-related claims", "Water-related claims"),
        # nothing but function words and verbs: no noun phrase
        ("have seen", ""),
        ("as", ""),
        ("which", ""),
        ("lower", ""),
    ],
)
def test_an_english_label_gives_its_noun_phrase(label: str, words: str) -> None:
    assert id_words(label) == words


def test_a_long_phrase_keeps_its_head() -> None:
    # the head of an English noun phrase is its last word, or the word before its "of"
    assert id_words("annual adjusted operating income margin") == "operating income margin"
    assert id_words("the proportion of households renting privately from landlords") == (
        "proportion of households"
    )


def test_ids_from_english_labels_are_unique_valid_and_stable() -> None:
    facts = [
        ("Net sales rose", "percent", "8%"),
        ("net sales were", "amount", "$2.1 billion"),
        ("have seen", "percent", "54%"),
        ("as", "percent", "5.2 percent"),
        ("Sales of hot drinks were flat", "amount", "£3m"),
    ]
    ids = fact_ids(facts)
    assert ids == [
        "net_sales_8pct",
        "net_sales_usd_2_1_billion",
        "percent_54pct",
        "percent_5_2_percent",
        "sales_of_hot_drinks",
    ]
    assert fact_ids(facts) == ids
    assert all(re.fullmatch(r"[a-z_][a-z0-9_]*", i) for i in ids)


def test_a_count_is_named_by_the_noun_it_counts() -> None:
    extraction = extract_text(
        "Police recorded 4,210 burglaries last year. The number of offenders caught rose to "
        "512. Only three councils met the standard."
    )
    ids = {fact.value: fact.id for fact in extraction.facts}
    assert ids["4,210"] == "burglaries"
    assert ids["512"] == "offenders_caught"
    assert ids["three"] == "councils"


def test_a_change_in_points_is_named_by_its_kind_not_its_comparative() -> None:
    extraction = extract_text(
        "Inflation stood at 4.1 percent, lower by 0.9 percentage points as compared to "
        "5.2 percent in May."
    )
    ids = sorted(fact.id for fact in extraction.facts)
    assert not {"as", "lower"} & set(ids)
    assert "inflation" in ids
