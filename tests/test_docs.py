"""The design document the code cites is in the project, and every section cited exists."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DESIGN = REPO / "docs" / "design.md"
CITATION = re.compile(r"docs/design\.md((?:,? ?§\d+)+)")
SEARCHED = [REPO / "src", REPO / "tests", REPO / "docs", REPO / "scripts", REPO / "benchmarks"]


def _texts() -> dict[Path, str]:
    files = [REPO / "README.md"]
    for folder in SEARCHED:
        files += [p for p in folder.rglob("*") if p.suffix in (".py", ".md", ".yaml", ".txt")]
    return {p: p.read_text(encoding="utf-8", errors="replace") for p in files if p.is_file()}


def test_every_cited_section_exists() -> None:
    sections = set(re.findall(r"^## (\d+)\. ", DESIGN.read_text(encoding="utf-8"), re.M))
    cited = {
        (path.relative_to(REPO), number)
        for path, text in _texts().items()
        for match in CITATION.finditer(text)
        for number in re.findall(r"\d+", match.group(1))
    }
    assert cited, "nothing cites docs/design.md"
    assert {(path, n) for path, n in cited if n not in sections} == set()


def test_nothing_cites_a_design_outside_the_project() -> None:
    outside = re.compile(r"DESIGN\.md|\.\./shared|shared/(?:DESIGN|STYLE|conformance)")
    assert [str(p.relative_to(REPO)) for p, text in _texts().items() if outside.search(text)] == []
