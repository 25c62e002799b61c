"""Write the files generated from the code: the rules JSON Schema and the README's kinds table.

    python scripts/regenerate.py            # rewrite what is out of date
    python scripts/regenerate.py --check    # exit 1 and name what is out of date

Both come from the rule kinds (``factlint/rules/kinds.py``: signatures and docstrings) and
the rules loader's keys; ``tests/test_generated.py`` fails while what ships differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from factlint.loading.rules_schema import rules_schema, schema_json  # noqa: E402
from factlint.rules.kinds import KINDS  # noqa: E402
from factlint.rules.signatures import kinds_table  # noqa: E402

COMMAND = "python scripts/regenerate.py"
TABLE_START = (
    "<!-- kinds table: generated from src/factlint/rules/kinds.py by scripts/regenerate.py -->"
)
TABLE_END = "<!-- end of kinds table -->"


def expected_files(root: Path = ROOT) -> dict[Path, str]:
    """Each generated file and the text it should hold."""
    readme = root / "README.md"
    return {
        root / "src" / "factlint" / "schemas" / "rules.schema.json": schema_json(rules_schema()),
        readme: with_table(readme.read_text(encoding="utf-8"), kinds_table(KINDS)),
    }


def with_table(readme: str, table: str) -> str:
    """``readme`` with the text between the table's markers replaced by ``table``."""
    head, found, rest = readme.partition(TABLE_START + "\n")
    _, found_end, tail = rest.partition(TABLE_END)
    if not found or not found_end:
        raise SystemExit(f"README.md lacks the lines {TABLE_START!r} … {TABLE_END!r}")
    return f"{head}{TABLE_START}\n{table}\n{TABLE_END}{tail}"


def out_of_date(root: Path = ROOT) -> list[Path]:
    return [
        path
        for path, text in expected_files(root).items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say what is out of date")
    args = parser.parse_args(argv)
    stale = out_of_date()
    for path in stale:
        print(f"{'out of date' if args.check else 'writing'}: {path.relative_to(ROOT)}")
        if not args.check:
            path.write_text(expected_files()[path], encoding="utf-8")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
