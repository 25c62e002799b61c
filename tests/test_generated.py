"""What ships and is generated from the code (the rules JSON Schema, the README's table of
rule kinds) is what the generator makes from the code now."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Annotated, Any

import pytest

from factlint.loading.rules_schema import rules_schema
from factlint.rules.expressions import Comparison
from factlint.rules.kinds import KINDS
from factlint.rules.signatures import Schema, kinds_table, signature_of

REPO = Path(__file__).resolve().parents[1]


def _regenerate() -> Any:
    spec = importlib.util.spec_from_file_location("regenerate", REPO / "scripts" / "regenerate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REGENERATE = _regenerate()


def between(
    low: str, value: str, high: Annotated[str, Schema(pattern="^h")]
) -> tuple[Comparison, ...]:
    """The value lies between ``low`` and ``high``.

    More words that stay out of the table."""
    return ()


@pytest.mark.parametrize(
    "path", list(REGENERATE.expected_files()), ids=lambda p: str(p.relative_to(REPO))
)
def test_shipped_file_is_generated(path: Path) -> None:
    expected = REGENERATE.expected_files()[path]
    assert path.read_text(encoding="utf-8") == expected, (
        f"{path.relative_to(REPO)} differs from what the code generates. It is generated from "
        "src/factlint/rules/kinds.py (signatures and docstrings) and "
        "src/factlint/loading/rules_schema.py: make a change there (a hand edit is overwritten), "
        f"then run `{REGENERATE.COMMAND}`"
    )


def test_a_new_kind_reaches_the_schema_and_the_table_from_its_function_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(KINDS, "between", between)
    schema = rules_schema()
    assert schema["definitions"]["rule"]["properties"]["between"] == {
        "$ref": "#/definitions/kinds/between"
    }
    assert {"required": ["between"]} in schema["definitions"]["rule"]["oneOf"]
    assert schema["definitions"]["kinds"]["between"] == {
        "description": "The value lies between ``low`` and ``high``.",
        "type": "object",
        "additionalProperties": False,
        "required": ["low", "value", "high"],
        "properties": {
            "low": {"$ref": "#/definitions/text"},
            "value": {"$ref": "#/definitions/text"},
            "high": {"type": ["string", "number"], "pattern": "^h"},
        },
    }
    assert kinds_table(KINDS).splitlines()[-1] == (
        "| `between` | `low`, `value`, `high` | The value lies between `low` and `high`. |"
    )


def test_kinds_sharing_a_function_share_a_row() -> None:
    assert KINDS["share"] is KINDS["ratio"]
    rows = kinds_table(KINDS).splitlines()[2:]
    assert len(rows) == len(set(KINDS.values()))
    assert any(row.startswith("| `share` (or `ratio`) |") for row in rows)


def test_one_parameter_kinds_take_it_alone_or_in_a_mapping() -> None:
    for function in set(KINDS.values()):
        parameters = signature_of(function).parameters
        row = next(r for r in kinds_table({"k": function}).splitlines()[2:])
        assert (" alone " in row) == (len(parameters) == 1), row


def test_out_of_date_files_are_named_and_rewritten(tmp_path: Path) -> None:
    (tmp_path / "src" / "factlint" / "schemas").mkdir(parents=True)
    (tmp_path / "README.md").write_text(
        f"# x\n\n{REGENERATE.TABLE_START}\n| old |\n{REGENERATE.TABLE_END}\n\nafter\n",
        encoding="utf-8",
    )
    stale = REGENERATE.out_of_date(tmp_path)
    assert {p.name for p in stale} == {"README.md", "rules.schema.json"}
    for path, text in REGENERATE.expected_files(tmp_path).items():
        path.write_text(text, encoding="utf-8")
    assert REGENERATE.out_of_date(tmp_path) == []
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "| old |" not in readme and readme.endswith(f"{REGENERATE.TABLE_END}\n\nafter\n")


def test_a_readme_without_the_markers_is_an_error() -> None:
    with pytest.raises(SystemExit, match="lacks the lines"):
        REGENERATE.with_table("# no table here\n", "| t |")


def test_the_script_checks_from_the_command_line() -> None:
    import subprocess

    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "regenerate.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


def test_a_rule_key_the_schema_does_not_describe_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from factlint.loading import rules_schema

    monkeypatch.setattr(rules_schema, "COMMON_KEYS", (*rules_schema.COMMON_KEYS, "for_every"))
    with pytest.raises(LookupError, match=r"reads for_every .* COMMON_PROPERTIES"):
        rules_schema.rules_schema()
