"""``factlint extract --update`` as a process: what it adds, what it refuses (exit 2, the file
untouched) and what it leaves alone."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.app.cli import main
from factlint.extract import update
from factlint.loading.facts_edit import Insertion
from factlint.loading.facts_yaml import load_facts

ROOT = Path(__file__).resolve().parent.parent
REPORT = (
    "全年固定资产投资完成162.24亿元，其中新签约39项。\n说明。\n全年固定资产投资完成162.24亿元。\n"
)
CURATED = (
    "report: {id: r, source: r.txt}\n"
    "facts:\n"
    '  inv: {value: "162.24亿元", mentions: [{line: 1, quote: "投资完成162.24亿元"}]}\n'
    '  new: {value: "39项", mentions: [{line: 1, quote: "新签约39项"}]}\n'
)
POINTS = (
    "一、综合\n"
    "上半年，工业拉动经济增长1.3个百分点，增速比一季度提高1.3个百分点。\n"
    "规模以上工业增加值增长8.2%，增速比一季度提高1.3个百分点。\n"
)


def _factlint(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def test_a_new_mention_is_added_and_the_file_loads(folder: Path) -> None:
    (folder / "x.facts.yaml").write_text(CURATED, encoding="utf-8")
    done = _factlint(folder, "extract", "r.txt", "--update", "x.facts.yaml")
    assert done.returncode == 0, done.stderr
    assert "new mention of inv at line 3" in done.stderr
    facts = load_facts(folder / "x.facts.yaml")
    assert [m.line for m in facts.facts["inv"].mentions] == [1, 3]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_written_back_in_utf16_with_its_bom(folder: Path, codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    path = folder / "x.facts.yaml"
    path.write_bytes(bom + CURATED.replace("\n", "\r\n").encode(codec))
    done = _factlint(folder, "extract", "r.txt", "--update", "x.facts.yaml")
    assert done.returncode == 0, done.stderr
    data = path.read_bytes()
    assert data.startswith(bom)
    text = data[len(bom) :].decode(codec)
    assert text.startswith(CURATED.replace("\n", "\r\n")[:40]) and "\n" not in text.replace(
        "\r\n", ""
    )
    assert len(load_facts(path).facts["inv"].mentions) == 2


def test_an_unchanged_file_is_not_rewritten(folder: Path) -> None:
    (folder / "r.txt").write_text(
        "全年固定资产投资完成162.24亿元，其中新签约39项。\n", encoding="utf-8"
    )
    path = folder / "x.facts.yaml"
    path.write_text(CURATED, encoding="utf-8")
    before = path.stat()
    done = _factlint(folder, "extract", "r.txt", "--update", "x.facts.yaml")
    assert done.returncode == 0, done.stderr
    assert "0 new facts, 0 new mentions" in done.stderr
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_percentage_point_change_is_not_added_to_the_pull_in_points_beside_it(
    folder: Path,
) -> None:
    """The issue's case: 增速比一季度提高1.3个百分点 on the line of the curated 拉动…1.3个百分点
    has the same digits; it is another quantity, so it becomes a fact of its own."""
    (folder / "r.txt").write_text(POINTS, encoding="utf-8")
    path = folder / "x.facts.yaml"
    path.write_text(
        "report: {id: r, source: r.txt}\nfacts:\n  pull:\n"
        '    value: "1.3个百分点"\n    mentions:\n'
        '      - {line: 2, quote: "拉动经济增长1.3个百分点"}\n',
        encoding="utf-8",
    )
    done = _factlint(folder, "extract", "r.txt", "--update", "x.facts.yaml")
    assert done.returncode == 0, done.stderr
    assert "new mention" not in done.stderr.replace("0 new mentions", "")
    facts = load_facts(path)
    assert [m.line for m in facts.facts["pull"].mentions] == [2]
    assert [m.line for m in facts.facts["增速比一季度提高"].mentions] == [2, 3]


def test_a_mention_of_another_kind_of_quantity_is_reported_not_added(folder: Path) -> None:
    """The curator placed a percentage-point figure under a percent fact: the extractor's
    other mention of that change is not added to the percent."""
    (folder / "r.txt").write_text(POINTS, encoding="utf-8")
    path = folder / "x.facts.yaml"
    path.write_text(
        'report: {id: r, source: r.txt}\nfacts:\n  rate:\n    value: "1.3%"\n    mentions:\n'
        '      - {line: 2, value: "1.3个百分点", quote: "增速比一季度提高1.3个百分点"}\n',
        encoding="utf-8",
    )
    done = _factlint(folder, "extract", "r.txt", "--update", "x.facts.yaml")
    assert done.returncode == 0, done.stderr
    assert (
        "not added: the mention at line 3 near rate (it is a percentage-point change and rate "
        "is a percentage (1.3%): not the same quantity)" in done.stderr
    )
    assert len(load_facts(path).facts["rate"].mentions) == 1


def test_a_json_lines_facts_file_is_refused(folder: Path) -> None:
    path = folder / "x.facts.jsonl"
    path.write_text('{"report": {"id": "r", "source": "r.txt"}}\n', encoding="utf-8")
    done = _factlint(folder, "extract", "r.txt", "--update", "x.facts.jsonl")
    assert (done.returncode, done.stderr) == (
        2,
        "x.facts.jsonl: --update edits YAML facts files, not JSON Lines\n",
    )


def test_a_file_that_does_not_load_is_refused_and_kept(folder: Path) -> None:
    path = folder / "x.facts.yaml"
    path.write_text(CURATED + "  inv: {value: 1}\n", encoding="utf-8")
    done = _factlint(folder, "extract", "r.txt", "--update", "x.facts.yaml")
    assert done.returncode == 2
    assert done.stderr.startswith("x.facts.yaml:5:3: duplicate key 'inv'")
    assert path.read_text(encoding="utf-8") == CURATED + "  inv: {value: 1}\n"


def test_an_edit_that_would_not_load_is_refused_and_nothing_is_written(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The last guard: the merged text is loaded again before it is written. An editor
    defect (here: text that breaks the flow mapping) ends in exit 2 at the spot."""

    def broken(self: object, fact_id: str, mentions: object) -> list[Insertion]:
        return [Insertion(CURATED.index("}]}"), "]]")]

    monkeypatch.setattr(update.FactsDocument, "add_mentions", broken)
    path = folder / "x.facts.yaml"
    path.write_text(CURATED, encoding="utf-8")
    monkeypatch.chdir(folder)
    assert main(["extract", "r.txt", "--update", "x.facts.yaml"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("x.facts.yaml:3:70: cannot update: the merged file would not load (")
    assert error.rstrip().endswith("nothing was written")
    assert path.read_text(encoding="utf-8") == CURATED


def test_an_edit_that_changes_a_fact_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def wrong(self: object, fact_id: str, mentions: object) -> list[Insertion]:
        return [Insertion(CURATED.index('value: "162.24'), 'label: "x", ')]

    monkeypatch.setattr(update.FactsDocument, "add_mentions", wrong)
    path = folder / "x.facts.yaml"
    path.write_text(CURATED, encoding="utf-8")
    monkeypatch.chdir(folder)
    assert main(["extract", "r.txt", "--update", "x.facts.yaml"]) == 2
    assert capsys.readouterr().err == (
        "x.facts.yaml:3:9: cannot update: fact 'inv' would change; nothing was written\n"
    )
    assert path.read_text(encoding="utf-8") == CURATED
