"""The consumers of factlint's outputs, ported where they cannot be installed: the GitHub
Actions runner's command parsers and the SARIF multitool's GitHub rules.

``runner_commands`` ports ``ActionCommand.TryParseV2`` and ``TryParse`` (actions/runner):
every line of a log read the way the runner reads a step's output. ``ghas_problems`` ports
the rules that ``sarif validate --rule-kinds Ghas`` runs (microsoft/sarif-sdk,
``Sarif.Multitool.Library/Rules``: Base1013-1018, GH1001-1007, GH2012), plus SARIF1004,
SARIF1010 and SARIF2012 of the default set, each problem named by its rule id.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema

SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "data/sarif-schema-2.1.0.json").read_text("utf-8")
)

# The runner's registered commands (ActionCommandManager's extensions).
REGISTERED = {
    "add-mask", "add-matcher", "remove-matcher", "debug", "notice", "warning", "error",
    "group", "endgroup", "echo", "save-state", "set-output", "set-env", "add-path",
    "stop-commands", "internal-set-repo-path",
}  # fmt: skip


def runner_commands(log: str) -> list[str]:
    """The commands a runner would obey in ``log``, as ``name`` strings."""
    found = []
    for line in re.split(r"\r\n|\r|\n", log):
        trimmed = line.lstrip()
        if trimmed.startswith("::"):  # TryParseV2
            end = trimmed.find("::", 2)
            if end > 0:
                name = trimmed[2:end].split(" ", 1)[0]
                if name.lower() in REGISTERED:
                    found.append(name.lower())
                    continue
        start = line.find("##[")  # TryParse, the older syntax: anywhere in the line
        if start >= 0:
            close = line.find("]", start)
            if close > 0 and line[start + 3 : close].split(" ", 1)[0] in REGISTERED:
                found.append(line[start + 3 : close].split(" ", 1)[0])
    return found


def ghas_problems(log: dict[str, Any]) -> list[str]:
    """What the multitool's GitHub rules would report about ``log``."""
    problems: list[str] = []
    if "$schema" not in log or log.get("version") != "2.1.0" or "runs" not in log:
        problems.append("Base1013: $schema, version 2.1.0 and runs are required")
    if len(log.get("runs", [])) > 5:
        problems.append("GH1004: more than 5 runs")
    for run in log.get("runs", []):
        driver = run.get("tool", {}).get("driver")
        if "results" not in run or driver is None:
            problems.append("Base1014: a run needs results and tool")
            continue
        if not driver.get("name") or "rules" not in driver:
            problems.append("Base1018: the driver needs a name and a rules array")
        rules = driver.get("rules", [])
        if len(rules) > 1000 or len(run["results"]) > 1000:
            problems.append("GH1004: more than 1000 rules or results")
        for rule in rules:
            problems += _descriptor_problems(rule)
        bases = run.get("originalUriBaseIds", {})
        for name, base in bases.items():
            uri = base.get("uri", "")
            if not (uri.endswith("/") and urlsplit(uri).scheme == "file"):
                problems.append(f"SARIF1004: base {name} must be an absolute URI ending in /")
        absolute_files = False
        for result in run["results"]:
            found, absolute = _result_problems(result, rules, bases)
            problems += found
            absolute_files |= absolute
        if absolute_files and not any(
            i.get("workingDirectory") for i in run.get("invocations", [])
        ):
            problems.append("GH1006: absolute file URIs need the checkout path")
    return problems


def _descriptor_problems(rule: dict[str, Any]) -> list[str]:
    problems = []
    if not rule.get("shortDescription", {}).get("text", "").strip():
        problems.append(f"GH2012: {rule['id']} has no shortDescription")
    if not rule.get("fullDescription", {}).get("text", "").strip():
        problems.append(f"GH2012: {rule['id']} has no fullDescription")
    if not rule.get("help", {}).get("text", "").strip():
        problems.append(f"GH2012: {rule['id']} has no help text")
    if "name" in rule and (rule["name"] == rule["id"] or not rule["name"][:1].isupper()):
        problems.append(f"SARIF2012: {rule['id']} has a name that is not a PascalCase identifier")
    if urlsplit(rule.get("helpUri", "")).scheme not in ("http", "https"):
        problems.append(f"SARIF2012: {rule['id']} has no helpUri")
    return problems


def _result_problems(
    result: dict[str, Any], rules: list[dict[str, Any]], bases: dict[str, Any]
) -> tuple[list[str], bool]:
    problems = []
    if not result.get("message", {}).get("text", "").strip():
        problems.append("Base1015: a result needs message.text")
    if not result.get("locations"):
        problems.append("Base1015: a result needs a non-empty locations array")
    if "partialFingerprints" not in result:
        problems.append("Base1015: a result needs partialFingerprints")
    index = result.get("ruleIndex")
    if index is not None and rules[index]["id"] != result.get("ruleId"):
        problems.append("SARIF1010: ruleId differs from the id at ruleIndex")
    if len(result.get("locations", [])) > 10:
        problems.append("GH1004: more than 10 locations")
    absolute = False
    for location in result.get("locations", []) + result.get("relatedLocations", []):
        physical = location.get("physicalLocation")
        if physical is None or "uri" not in physical.get("artifactLocation", {}):
            problems.append("GH1001: a location needs physicalLocation.artifactLocation.uri")
            continue
        if "startLine" not in physical.get("region", {}):
            problems.append("GH1003: a location needs a region with startLine")
        artifact = physical["artifactLocation"]
        scheme = urlsplit(artifact["uri"]).scheme
        if scheme and scheme != "file":
            problems.append(f"GH1005: {artifact['uri']} is not a file path")
        absolute |= scheme == "file"
        if "uriBaseId" in artifact and (scheme or artifact["uriBaseId"] not in bases):
            problems.append("SARIF1004: uriBaseId with an absolute or unknown base")
    for related in result.get("relatedLocations", []):
        if "message" not in related:
            problems.append("GH1007: a related location needs a message")
    return problems, absolute


def validate_sarif(log: dict[str, Any]) -> dict[str, Any]:
    jsonschema.Draft4Validator(
        SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    ).validate(log)
    assert ghas_problems(log) == []
    return log
