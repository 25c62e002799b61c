"""What keeps ``factlint check`` quick to start: the modules it does not import, and the
cheaper stand-ins that give what they replace (the start-up figure itself is measured by
``benchmarks/run.py --only startup``, not here)."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.app import cli
from factlint.app.commands import COMMANDS
from factlint.engine.explaining import fingerprint
from factlint.engine.quotes import FoldedText, fold, fold_char

ROOT = Path(__file__).resolve().parents[1]

NOT_ON_THE_CHECK_PATH = (
    # OpenSSL (fingerprints come from CPython's own SHA-256), and shutil with bz2 and lzma
    "hashlib",
    "_hashlib",
    "shutil",
    "lzma",
    "bz2",
    "difflib",  # a misspelt key's suggestion only
    "tempfile",  # writing --output only
    "importlib.resources",
    "multiprocessing",
    "concurrent.futures",
    "factlint.app.commands.extract",
    "factlint.app.commands.discover",
    "factlint.app.commands.scan",
    "factlint.app.commands.schema",
    "factlint.extract",
    "factlint.reporters.sarif",
    "factlint.reporters.html",
    "factlint.reporters.junit",
)

_CHECK_AND_LIST_MODULES = """
import contextlib, io, json, sys
import factlint.app.cli
with contextlib.redirect_stdout(io.StringIO()):
    code = factlint.app.cli.main(["check", "facts", "rules", "--format", "json"])
print(json.dumps([code, sorted(sys.modules)]))
"""


def test_checking_the_first_report_imports_nothing_it_does_not_need() -> None:
    run = subprocess.run(
        [sys.executable, "-c", _CHECK_AND_LIST_MODULES],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    code, modules = json.loads(run.stdout)
    assert code == 1  # the first report has findings: their fingerprints were made
    assert "factlint.engine.explaining" in modules and "factlint.records" in modules
    imported = set(modules)
    assert [m for m in NOT_ON_THE_CHECK_PATH if m in imported] == []
    assert not [m for m in imported if m.startswith("factlint.extract.")]


def test_the_command_line_module_leaves_the_heavy_imports_to_main() -> None:
    # main imports the command's modules (the model, the engine, the loaders) with the
    # collector paused: the module itself must not import them first
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys, factlint.app.cli; print(json.dumps(sorted(sys.modules)))",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    imported = json.loads(run.stdout)
    heavy = (
        "factlint.model",
        "factlint.reporters",
        "factlint.engine",
        "factlint.loading.facts_yaml",
    )
    assert [m for m in imported if m.startswith(heavy)] == []


def test_the_program_exits_with_the_commands_code(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "factlint", "check", "facts", "rules", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert run.returncode == 1 and json.loads(run.stdout)["summary"]
    assert (
        subprocess.run(
            [sys.executable, "-m", "factlint", "check", str(tmp_path / "none.facts.yaml")],
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        ).returncode
        == 2
    )


def test_fingerprints_are_sha256() -> None:
    assert (
        fingerprint("jinzhong-2020", "rule|a|b")
        == (hashlib.sha256(b"jinzhong-2020|rule|a|b").hexdigest()[:16])
    )


@given(
    st.text(
        st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000１２．５％ab") | st.characters()
    )
)
def test_folding_is_character_by_character(text: str) -> None:
    assert fold(text) == "".join(fold_char(c) for c in text if not c.isspace())
    lines, line = [], 1
    for char in text:
        line += char == "\n"
        if not char.isspace():
            lines.append(line)
    folded = FoldedText.of(text)
    assert folded.flat == fold(text) and folded.lines == tuple(lines)


@pytest.mark.parametrize("argv", [["--help"], *([name, "--help"] for name in COMMANDS)])
def test_a_parser_built_for_one_command_helps_as_the_whole_one(argv: list[str]) -> None:
    whole, lean = cli.build_parser([]), cli.build_parser(argv)
    assert lean.format_help() == whole.format_help()
    if argv[0] in COMMANDS:
        for parser in (whole, lean):
            with pytest.raises(SystemExit):
                parser.parse_args(argv)
        subparsers = [a for a in whole._actions if isinstance(a, argparse._SubParsersAction)]
        (chosen,) = subparsers
        lean_chosen = next(a for a in lean._actions if isinstance(a, argparse._SubParsersAction))
        assert lean_chosen.choices[argv[0]].format_help() == chosen.choices[argv[0]].format_help()


@pytest.mark.parametrize("columns", [None, "0", "57", "wide", "200"])
def test_help_is_as_wide_as_argparse_makes_it(
    columns: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    text = "word " * 60
    ours = cli.HelpFormatter("factlint")
    theirs = argparse.HelpFormatter("factlint")
    ours.add_text(text)
    theirs.add_text(text)
    assert ours.format_help() == theirs.format_help()
