"""``extract --update`` on every layout a person writes: the result loads, keeps every
byte it had (the new text is the old one with spans inserted), its line breaks, final
newline, byte order mark and encoding, and gains exactly the new mentions and facts.
Layouts are drawn by hypothesis (tests/update_layouts.py)."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

import update_layouts as ul
from factlint.app.cli import main
from factlint.loading.facts_yaml import load_facts


def _run_update(folder: Path, layout: ul.Layout) -> tuple[bytes, bytes, str]:
    (folder / "r.txt").write_text(ul.report_text(layout.count, layout.repeated), encoding="utf-8")
    before = ul.render(layout)
    path = folder / "x.facts.yaml"
    path.write_bytes(before)
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        code = main(["extract", "r.txt", "--update", "x.facts.yaml"])
    finally:
        os.chdir(cwd)
    assert code == 0
    return before, path.read_bytes(), ul.decode(before, layout.encoding)


def _check(layout: ul.Layout, folder: Path) -> None:
    before, after, old = _run_update(folder, layout)
    new = ul.decode(after, layout.encoding)
    curated = set(layout.curated)
    gains = {i for i in layout.repeated if i in curated}
    new_facts = set(range(layout.count)) - curated
    if not gains and not new_facts:
        assert after == before
        return
    # only insertions: every byte of the old text is still there, in order and in place
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    changes = [(tag, new[j1:j2]) for tag, _i1, _i2, j1, j2 in matcher.get_opcodes()]
    assert all(tag in ("equal", "insert") for tag, _ in changes), changes
    inserted = "".join(text for tag, text in changes if tag == "insert")
    if layout.newline == "\r\n":
        assert "\n" not in inserted.replace("\r\n", "")
    else:
        assert "\r" not in inserted
    assert new.endswith(layout.newline) == layout.final_newline
    facts = load_facts(folder / "x.facts.yaml")
    assert list(facts.facts)[: len(layout.curated)] == [f"f{i}" for i in layout.curated]
    for index in layout.curated:
        fact = facts.facts[f"f{index}"]
        lines = [m.line for m in fact.mentions]
        expected = [index + 1]
        if index in gains:
            expected.append(ul.repeat_line(layout.count, layout.repeated, index))
        assert lines == expected, (index, lines)
        assert fact.value == ul.value_of(index)
    added = list(facts.facts.values())[len(layout.curated) :]
    assert sorted(f.value for f in added) == sorted(ul.value_of(i) for i in new_facts)
    for fact in added:
        index = [ul.value_of(i) for i in range(layout.count)].index(fact.value)
        lines = [m.line for m in fact.mentions]
        again = (
            [ul.repeat_line(layout.count, layout.repeated, index)]
            if index in layout.repeated
            else []
        )
        assert lines == [index + 1, *again]


EVERY_LAYOUT = [
    ul.Layout(
        count=5,
        curated=(0, 1, 2, 3),
        repeated=frozenset({0, 1, 2, 3, 4}),
        styles=(style, "question", "dash-alone", "flow-seq-lines"),
        notes=("mention", "fact", "fact", ""),
        quoted=(True, False, True, False),
        flow_facts="",
        facts_first=True,
        step=step,
        comments=(True, False, True) * 22,
        start="comment+---",
        end="...",
        newline=newline,
        final_newline=final,
        encoding=encoding,
    )
    for style, step, newline, final, encoding in [
        ("block", 2, "\r\n", False, "utf-16-le"),
        ("indentless", 4, "\n", True, "utf-8-sig"),
        ("block-items", 2, "\n", False, "utf-8"),
        ("flow-seq", 4, "\r\n", True, "utf-16-be"),
    ]
]


@pytest.mark.parametrize("layout", EVERY_LAYOUT, ids=lambda layout: layout.styles[0])
def test_every_layout_together(layout: ul.Layout, tmp_path: Path) -> None:
    _check(layout, tmp_path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(layout=ul.layouts())
@example(
    layout=ul.Layout(
        1,
        (0,),
        frozenset({0}),
        ("one-line",),
        ("",),
        (True,),
        "one-line",
        False,
        2,
        (False,) * 64,
        "",
        "",
        "\n",
        False,
        "utf-8",
    )
)
def test_an_update_inserts_only_the_new_mentions_and_facts(
    layout: ul.Layout, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _check(layout, tmp_path_factory.mktemp("layout"))
