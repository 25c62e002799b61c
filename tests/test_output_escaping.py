"""User text in every output: shown, never obeyed (issue 17, one escaping policy).

A report's author writes labels, quotes, sections, titles, messages and file names. Each
may hold terminal escapes (ESC, OSC 8 links), bidirectional controls, a line break followed
by a CI workflow command, Markdown images and links, characters XML cannot hold, and lone
surrogates (a file name that is not UTF-8). Every format must stay valid, keep data as
data (JSON: the same strings once decoded) and show the rest escaped.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
import xmlschema

import factlint
from factlint.clip import one_line, printable
from factlint.reporters.escape import defuse_json, markdown_text
from hostile.text import EVIL, NAME, RAW, write_hostile

REPO = Path(__file__).resolve().parents[1]
JUNIT = xmlschema.XMLSchema10(REPO / "tests/data/junit/junit-10.xsd")

FORMATS = ("text", "json", "jsonl", "junit", "sarif", "github", "gitlab", "html")


def run(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "factlint", "check", ".", *args],
        cwd=folder,
        capture_output=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1", **env},
    )


def assert_safe(output: str, fmt: str) -> None:
    raw = RAW.search(output)
    assert raw is None, f"{fmt}: raw {raw.group()!r} in {output[max(0, raw.start() - 40) :][:80]!r}"
    for number, line in enumerate(re.split(r"\r\n|\r|\n", output)):
        command = line.lstrip().startswith("::")
        ours = fmt == "github" and re.match(r"::(error|warning|notice) (file|title)=", line)
        assert not command or ours, f"{fmt}: line {number} is a workflow command: {line[:80]!r}"
    assert "##[" not in output, f"{fmt}: a '##[' command"


def strings(data: object) -> list[str]:
    """Every string in a decoded JSON document."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [*data, *(s for value in data.values() for s in strings(value))]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return []


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    write_hostile(folder)
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_hostile_user_text_escaped(hostile: Path, fmt: str) -> None:
    result = run(hostile, "--format", fmt)
    assert result.returncode == 1, result.stderr
    assert result.stderr == b""
    output = result.stdout.decode("utf-8")  # strict: valid UTF-8
    assert_safe(output, fmt)
    if fmt in ("json", "sarif", "gitlab"):
        assert any(EVIL in text for text in strings(json.loads(output)))  # data unchanged
    elif fmt == "jsonl":
        lines = output.split("\n")[:-1]
        assert lines and all(json.loads(line) for line in lines)
        assert any(EVIL in text for line in lines for text in strings(json.loads(line)))
    elif fmt == "junit":
        JUNIT.validate(ElementTree.fromstring(result.stdout))
        assert "\\x1b]8;;" in output and "\\u202e" in output  # shown, as the text format does
    elif fmt == "html":
        assert 'src="http' not in output and 'href="javascript' not in output
        assert "\\x1b]8;;" in output and "\\u202e" in output
    else:
        assert "\\x1b]8;;" in output and "\\u202e" in output


def test_the_step_summary_renders_no_image_link_or_command(hostile: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = run(hostile, "--format", "github", GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 1
    markdown = summary.read_text(encoding="utf-8")
    assert_safe(markdown, "summary")
    # No Markdown link or image, no autolink, no HTML of the author's: only <br> is a tag.
    assert "](" not in markdown and "![" not in markdown
    assert "http://" not in markdown and "javascript:" not in markdown
    assert set(re.findall(r"<[^>]*>", markdown)) <= {"<br>"}
    rows = [line for line in markdown.splitlines() if line.startswith("| error")]
    assert rows and all(len(re.findall(r"(?<!\\)\|", row)) == 6 for row in rows)


def test_stderr_escapes_a_hostile_error(tmp_path: Path) -> None:
    write_hostile(tmp_path)
    rules = tmp_path / f"{NAME}.rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "  - {id: BAD ID}\n", encoding="utf-8")
    result = run(tmp_path)
    assert result.returncode == 2
    error = result.stderr.decode("utf-8")
    assert len(error.splitlines()) == 1
    assert_safe(error, "stderr")
    assert "\\x1b[31m\\u202e\\u2066\\n::error file=y::f.rules.yaml:" in error


def test_a_file_name_that_is_not_utf8_is_shown_escaped_in_every_format(tmp_path: Path) -> None:
    """os.fsdecode gives lone surrogates (\\udcff) for such names; no output could hold them."""
    write_hostile(tmp_path, name="x", text="plain")
    os.rename(tmp_path / "x.rules.yaml", os.fsencode(tmp_path) + b"/r\xff\xfe.rules.yaml")
    (Path(os.fsdecode(os.fsencode(tmp_path) + b"/f\xff.facts.yaml"))).write_text(
        "report: {id: other}\nfacts:\n"
        '  a: {value: "51项", mentions: [{value: "51项"}, {value: "52项"}]}\n',
        encoding="utf-8",
    )
    for fmt in FORMATS:
        result = run(tmp_path, "--format", fmt)
        assert result.returncode == 1, (fmt, result.stderr)
        output = result.stdout.decode("utf-8")
        assert_safe(output, fmt)
        shown = output.replace("&#92;", "\\").replace("\\\\", "\\")
        assert "f\\udcff" in shown or "f%FF" in shown, fmt


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_lone_surrogate_from_a_library_caller_is_rendered_not_crashed(fmt: str) -> None:
    facts = factlint.facts_from_dict(
        {
            "report": {"id": "demo"},
            "facts": {
                "a": {"value": "5", "label": "x\ud800", "mentions": [{"section": "s\udfff"}]}
            },
        }
    )
    rules = factlint.rules_from_dict([{"id": "small", "check": "a <= 3", "message": "m\ud800"}])
    report = factlint.check(facts, rules)
    output = factlint.render(report, fmt)
    output.encode("utf-8")  # strict: no surrogate left
    assert_safe(output, fmt)


def test_json_keeps_the_data_and_escapes_the_bytes() -> None:
    data = {"s": "a\u202eb\u2028c\x85d\ud800e\x1bf"}
    document = defuse_json(json.dumps(data, ensure_ascii=False))
    assert RAW.search(document) is None
    assert json.loads(document) == data


def test_markdown_text_shows_what_it_is_given() -> None:
    shown = markdown_text("![i](http://e.x/p.png) [l](javascript:x) <img src=x> `c` www.e.x | *")
    assert "](" not in shown and "<" not in shown and "`" not in shown and "|" not in shown
    assert "http:" not in shown and "www." not in shown and "*" not in shown


def test_the_text_policy_escapes_lone_surrogates() -> None:
    assert one_line("a\udcff") == "a\\udcff"
    assert printable("a\ud800\nb") == "a\\ud800\nb"
