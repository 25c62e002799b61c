"""The JSON Schemas of facts and rules files cannot drift from the loaders: their property
names are the loaders' own key tuples and the kinds' signatures, the project's files all
validate, and what the schemas reject the loaders reject too."""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factlint.app.commands.schema import schema_text
from factlint.errors import FactlintError
from factlint.loading import fact_builder
from factlint.loading import rule_builder as rules_file
from factlint.loading.facts_yaml import facts_from_dict
from factlint.loading.fields import IDENTIFIER_PATTERN
from factlint.loading.rules_yaml import rules_from_dict
from factlint.model import ROUNDINGS, Severity
from factlint.rules.kinds import KINDS

REPO = Path(__file__).resolve().parents[1]
FACTS = json.loads(schema_text("facts"))
RULES = json.loads(schema_text("rules"))
CONFORMANCE = sorted((REPO / "tests" / "data" / "xbrl21-calc").glob("*/*/case.*.yaml"))
PROJECT = [
    *sorted((REPO / "facts").glob("*.facts.yaml")),
    *sorted((REPO / "rules").glob("*.rules.yaml")),
]


def validator(schema: dict[str, Any]) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(schema)


def properties(schema: dict[str, Any], definition: str) -> set[str]:
    return set(schema["definitions"][definition]["properties"])


def test_schemas_are_valid_json_schemas() -> None:
    jsonschema.Draft7Validator.check_schema(FACTS)
    jsonschema.Draft7Validator.check_schema(RULES)


def test_facts_schema_keys_are_the_loaders() -> None:
    assert set(FACTS["properties"]) == {"report", "facts"}
    assert properties(FACTS, "report") == set(fact_builder.REPORT_KEYS)
    assert properties(FACTS, "fact") == set(fact_builder.FACT_KEYS)
    assert properties(FACTS, "mention") == set(fact_builder.MENTION_KEYS)
    assert FACTS["definitions"]["report"]["properties"]["rounding"]["enum"] == list(ROUNDINGS)


def test_rules_schema_keys_are_the_loaders() -> None:
    assert properties(RULES, "rule") == set(rules_file.COMMON_KEYS) | set(KINDS)
    assert RULES["definitions"]["rule"]["oneOf"] == [{"required": [kind]} for kind in KINDS]
    assert RULES["definitions"]["severity"]["enum"] == [s.value for s in reversed(Severity)]
    assert RULES["definitions"]["rounding"]["enum"] == list(ROUNDINGS)


def test_schemas_have_an_id_and_titles() -> None:
    assert FACTS["$id"] == "urn:factlint:schema:facts"
    assert RULES["$id"] == "urn:factlint:schema:rules"
    for schema, names in ((FACTS, ("report", "fact", "mention")), (RULES, ("rule",))):
        assert schema["title"]
        assert all(schema["definitions"][name]["title"] for name in names)


def test_fact_id_pattern_is_the_loaders() -> None:
    assert FACTS["properties"]["facts"]["propertyNames"] == {"pattern": IDENTIFIER_PATTERN}


@given(st.text(max_size=8) | st.text(st.characters(max_codepoint=127), max_size=8))
def test_fact_id_pattern_lets_every_identifier_through_and_no_other_ascii(text: str) -> None:
    matches = re.search(IDENTIFIER_PATTERN, text) is not None
    if text.isidentifier():
        assert matches
    # "$" also matches before a last newline; the loader rejects such an id all the same.
    elif text.isascii() and not text.endswith("\n"):
        assert not matches


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_takes_its_signature(kind: str) -> None:
    schema = RULES["definitions"]["kinds"][kind]
    mapping = schema["anyOf"][1] if "anyOf" in schema else schema
    parameters = [p.rstrip("_") for p in inspect.signature(KINDS[kind]).parameters]
    assert set(mapping["properties"]) == set(parameters)
    assert set(mapping["required"]) == set(parameters)


@pytest.mark.parametrize("path", PROJECT + CONFORMANCE, ids=lambda p: str(p.relative_to(REPO)))
def test_project_and_conformance_files_validate(path: Path) -> None:
    schema = FACTS if path.name.endswith((".facts.yaml", ".facts.yml")) else RULES
    validator(schema).validate(yaml.safe_load(path.read_text("utf-8")))


def test_there_are_conformance_files() -> None:
    assert len(CONFORMANCE) > 100 and PROJECT


GOOD_FACTS: dict[str, Any] = {
    "report": {"id": "demo", "rounding": "nearest"},
    "facts": {
        "signed": {"value": "51项", "exact": True, "mentions": [{"quote": "51项", "line": 3}]},
        "share": {"value": "76.5%", "decimals": 3, "tolerance": {"relative": "1%"}},
    },
}
BAD_FACTS = [
    {"report": {"id": "x"}},
    {"report": {"title": "no id"}, "facts": {}},
    {"report": {"id": "x", "rounding": "up"}, "facts": {}},
    {"report": {"id": "x"}, "facts": {"a": {"valeu": "1项"}}},
    {"report": {"id": "x"}, "facts": {"a": {"value": "1项", "mentions": []}}},
    {"report": {"id": "x"}, "facts": {"a": {"value": "1项", "mentions": [{"line": 0}]}}},
    {"report": {"id": "x"}, "facts": {"a": {"value": "1项", "decimals": "two"}}},
    {"report": {"id": "x"}, "facts": {"a": {"value": "1项", "exact": "yes"}}},
    {
        "report": {"id": "x"},
        "facts": {"a": {"value": "1项", "tolerance": {"relative": "1%", "absolute": "1项"}}},
    },
    {"report": {"id": "x"}, "extra": 1, "facts": {}},
    {"report": {"id": "x"}, "facts": {"b-bad-id": {"value": "1项"}}},
    {"report": {"id": "x"}, "facts": {"2020_total": {"value": "1项"}}},
    {"report": {"id": "x"}, "facts": {"a b": {"value": "1项"}}},
]
GOOD_RULES: dict[str, Any] = {
    "facts": "demo.facts.yaml",
    "severity": "warning",
    "rules": [
        {"id": "six-new-share", "share": {"part": "six_new", "whole": "signed", "is": "share"}},
        {"id": "free", "check": "a / b == c", "rounding": "truncate", "tags": ["t"]},
        {"id": "same", "equal": ["a", "b"]},
        {"id": "order", "compare": {"left": "a", "op": "<=", "right": "b"}},
    ],
}
BAD_RULES = [
    {"rules": [{"id": "x", "share": {"part": "a", "whole": "b"}}]},
    {"rules": [{"id": "x", "share": {"part": "a", "whole": "b", "is": "c", "of": "d"}}]},
    {"rules": [{"id": "x", "check": "a == b", "sum": {"parts": ["a"], "total": "b"}}]},
    {"rules": [{"id": "x"}]},
    {"rules": [{"id": "Not_Kebab", "check": "a == b"}]},
    {"rules": [{"id": "x", "summ": {"parts": ["a"], "total": "b"}}]},
    {"rules": [{"id": "x", "check": "a == b", "severity": "fatal"}]},
    {"rules": [{"id": "x", "compare": {"left": "a", "op": "=>", "right": "b"}}]},
    {"rules": [{"id": "x", "equal": ["a"]}]},
    {"facts": "x.facts.yaml"},
]


def test_good_documents_validate_and_load() -> None:
    validator(FACTS).validate(GOOD_FACTS)
    validator(RULES).validate(GOOD_RULES)
    facts_from_dict(GOOD_FACTS)
    rules_from_dict(GOOD_RULES)


@pytest.mark.parametrize("document", BAD_FACTS)
def test_bad_facts_are_rejected_by_schema_and_loader(document: dict[str, Any]) -> None:
    assert not validator(FACTS).is_valid(document)
    with pytest.raises(FactlintError):
        facts_from_dict(document)


@pytest.mark.parametrize("document", BAD_RULES)
def test_bad_rules_are_rejected_by_schema_and_loader(document: dict[str, Any]) -> None:
    assert not validator(RULES).is_valid(document)
    with pytest.raises(FactlintError):
        rules_from_dict(document)


@pytest.mark.parametrize("which", ["facts", "rules"])
def test_schema_command_prints_the_shipped_schema(which: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "schema", which],
        env={"PYTHONPATH": str(REPO / "src"), "PATH": ""},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == (FACTS if which == "facts" else RULES)
    shipped = REPO / "src" / "factlint" / "schemas" / f"{which}.schema.json"
    assert done.stdout == shipped.read_text("utf-8")
