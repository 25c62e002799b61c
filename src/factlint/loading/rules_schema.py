"""The JSON Schema of a rules file, generated from the rule kinds and the loader's own keys.

What ships as ``factlint/schemas/rules.schema.json`` is ``schema_json(rules_schema())``;
``tests/test_generated.py`` holds the two equal and ``python scripts/regenerate.py`` writes
the file. Each kind's part comes from its function (see ``factlint.rules.signatures``), so
a new kind needs no edit here.

>>> schema = rules_schema()
>>> schema["definitions"]["kinds"]["sum"]["required"]
['parts', 'total']
"""

from __future__ import annotations

import json
from typing import Any

from factlint.loading.rules_yaml import COMMON_KEYS, RULE_ID
from factlint.model import ROUNDINGS, Severity
from factlint.rules.kinds import KINDS, KindFunction
from factlint.rules.signatures import Parameter, signature_of

SCHEMA_BASE = "urn:factlint:schema:"
"""The schemas' ``$id``: a name, not an address (they ship in the package and are printed by
``factlint schema``), so that no tool ever tries to fetch them."""

TEXT = {"$ref": "#/definitions/text"}
_ONE_OR_MORE_PATHS = {
    "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
}
_FIGURE = {
    "type": ["string", "number"],
    "description": 'A figure as printed, with its unit: "162.24亿元", "76.5%", "51项".',
}
_TOLERANCE = {
    "description": (
        "How far apart the two sides may be: a figure (absolute), "
        'or {relative: "1%"} / {absolute: "0.1亿元"}.'
    ),
    "oneOf": [
        {"$ref": "#/definitions/figure"},
        {
            "type": "object",
            "additionalProperties": False,
            "minProperties": 1,
            "maxProperties": 1,
            "properties": {
                "relative": {"$ref": "#/definitions/figure"},
                "absolute": {"$ref": "#/definitions/figure"},
            },
        },
    ],
}
COMMON_PROPERTIES: dict[str, dict[str, Any]] = {
    "id": {
        "type": "string",
        "pattern": RULE_ID.pattern,
        "description": "A stable kebab-case id.",
    },
    "severity": {"$ref": "#/definitions/severity"},
    "rounding": {"$ref": "#/definitions/rounding"},
    "tolerance": {"$ref": "#/definitions/tolerance"},
    "message": {
        "$ref": "#/definitions/text",
        "description": "What the rule holds, for the people reading the findings.",
    },
    "tags": {"type": "array", "items": TEXT},
    "description": {"description": "A longer note for people; factlint does not read it."},
}
"""The keys every rule may have besides its kind, as the schema describes them."""


def rules_schema() -> dict[str, Any]:
    """The schema document of a ``*.rules.yaml`` file."""
    undescribed = [key for key in COMMON_KEYS if key not in COMMON_PROPERTIES]
    if undescribed:
        raise LookupError(
            f"the rules loader reads {', '.join(undescribed)} (rules_yaml.COMMON_KEYS) but "
            "loading/rules_schema.py's COMMON_PROPERTIES does not describe it"
        )
    common = {key: COMMON_PROPERTIES[key] for key in COMMON_KEYS}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_BASE + "rules",
        "title": "factlint rules file (*.rules.yaml)",
        "description": "Relations between the facts of a report, each a rule of one kind.",
        "type": "object",
        "additionalProperties": False,
        "required": ["rules"],
        "properties": {
            "facts": {
                "title": "Facts files",
                "description": "The facts file(s) these rules check, relative to this file.",
                **_ONE_OR_MORE_PATHS,
            },
            "rounding": {"$ref": "#/definitions/rounding"},
            "severity": {"$ref": "#/definitions/severity"},
            "rules": {"title": "Rules", "type": "array", "items": {"$ref": "#/definitions/rule"}},
        },
        "definitions": {
            "text": {"type": ["string", "number"]},
            "figure": _FIGURE,
            "tolerance": _TOLERANCE,
            "rounding": {"title": "Rounding", "enum": list(ROUNDINGS)},
            "severity": {"title": "Severity", "enum": [s.value for s in reversed(Severity)]},
            "rule": {
                "title": "Rule",
                "description": (
                    "One rule: an id, exactly one kind with its parameters, and optional settings."
                ),
                "type": "object",
                "additionalProperties": False,
                "required": ["id"],
                "properties": {
                    **common,
                    **{kind: {"$ref": f"#/definitions/kinds/{kind}"} for kind in KINDS},
                },
                "oneOf": [{"required": [kind]} for kind in KINDS],
            },
            "kinds": {kind: kind_schema(function) for kind, function in KINDS.items()},
        },
    }


def kind_schema(function: KindFunction) -> dict[str, Any]:
    """What a rule may write under a kind: a mapping of its parameters, or for a kind of one
    parameter that parameter's value alone."""
    signature = signature_of(function)
    mapping = {
        "type": "object",
        "additionalProperties": False,
        "required": [p.name for p in signature.parameters],
        "properties": {p.name: parameter_schema(p) for p in signature.parameters},
    }
    if len(signature.parameters) == 1:
        only = parameter_schema(signature.parameters[0])
        return {"description": signature.summary, "anyOf": [only, mapping]}
    return {"description": signature.summary, **mapping}


def parameter_schema(parameter: Parameter) -> dict[str, Any]:
    if parameter.takes_list:
        return {"type": "array", "items": TEXT, **parameter.schema}
    if parameter.schema:
        return {"type": ["string", "number"], **parameter.schema}
    return dict(TEXT)


def schema_json(schema: dict[str, Any]) -> str:
    """The text a schema file holds: indented, non-ASCII as written, one final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
