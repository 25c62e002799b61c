"""Rules files read line by line equal the rules the event reader and the tree read, and
fail alike (``loading/rules_lines.py``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
import yaml.events as ev
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factlint.loading.rules_lines as lines_reader
import factlint.loading.rules_stream as stream_reader
from factlint.errors import FactlintError
from factlint.loading.rules_lines import read_rule_lines
from factlint.loading.rules_yaml import load_rules
from factlint.model import RuleSet

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files of any size go to the line reader here (by default a small file is left to
    the event reader)."""
    monkeypatch.setattr(lines_reader, "MIN_CHARS", 0)


def test_a_small_file_is_left_to_the_event_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    path = ROOT / "rules" / "jinzhong-2020.rules.yaml"
    assert _by_lines(path) is not None
    monkeypatch.setattr(lines_reader, "MIN_CHARS", path.stat().st_size + 1)
    assert _by_lines(path) is None
    assert isinstance(_assert_alike(path), RuleSet)


def _outcome(path: Path, by_lines: bool, by_events: bool) -> RuleSet | str:
    lines_reader.ENABLED, stream_reader.ENABLED = by_lines, by_events
    try:
        return load_rules(path, allow_outside_source=True)
    except FactlintError as error:
        return str(error)
    finally:
        lines_reader.ENABLED = stream_reader.ENABLED = True


def _same(mine: RuleSet | str, theirs: RuleSet | str) -> None:
    assert mine == theirs
    if isinstance(mine, RuleSet) and isinstance(theirs, RuleSet):
        assert mine.facts_at == theirs.facts_at
        for a, b in zip(mine.rules, theirs.rules, strict=True):
            assert a.declared_at == b.declared_at
            assert a.source_lines == b.source_lines
            assert a.fact_ids == b.fact_ids
            assert list(a.parameters.items()) == list(b.parameters.items())


def _assert_alike(path: Path) -> RuleSet | str:
    """The line reader's outcome is the event reader's and the tree's, field by field."""
    by_lines = _outcome(path, True, True)
    _same(by_lines, _outcome(path, False, True))
    _same(by_lines, _outcome(path, False, False))
    return by_lines


def _by_lines(path: Path) -> RuleSet | None:
    """What the line reader alone makes of the file (None: it hands the file on)."""
    text = path.read_text(encoding="utf-8")
    return read_rule_lines(text, path.name, path.parent, text.splitlines(), None)


REAL_FILES = sorted(
    [*ROOT.glob("rules/*.rules.yaml"), *ROOT.glob("tests/data/**/*.rules.yaml")],
    key=lambda p: str(p),
)


def test_there_are_real_rules_files() -> None:
    assert len(REAL_FILES) > 30


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_rules_files_are_read_by_lines_alike(path: Path) -> None:
    assert isinstance(_assert_alike(path), RuleSet)
    assert _by_lines(path) is not None  # read here, not handed on


def test_the_common_shape_is_read_here_rule_by_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The event reader reads the lines before ``rules:`` and no rule."""
    text = "facts: x.facts.yaml\nrules:\n" + "".join(
        f"  - id: calc-{i}\n    sum: {{parts: [t{i}_p1, {quote}t{i}_p2{quote}], total: t{i}}}\n"
        f"    message: sum {i}\n    tags: [calc]\n"
        for i, quote in enumerate(["", "'", '"'])
    )
    called: list[str] = []

    def counted(text: str, *args: object) -> object:
        called.append(text)
        return stream_reader.stream_top(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(lines_reader, "stream_top", counted)
    for path in (tmp_path / "x.rules.yaml", ROOT / "rules" / "jinzhong-2020.rules.yaml"):
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        called.clear()
        rules = _by_lines(path)
        assert rules is not None and len(rules.rules) >= 3
        assert len(called) == 1 and called[0].endswith("rules: []\n")


README_STYLE = """\
# A comment before everything
facts: x.facts.yaml     # one path
rounding: truncate
rules:
  - id: six-new-share                        # unique, kebab-case
    share: {part: six_new_projects, whole: signed_projects, is: six_new_share}

  - id: target-completion
    check: "signed_investment / signed_investment_target == target_completion"
    message: Signed investment as a share of the 230亿元 annual target
    tags: [a, 'b c', "d, e", 'it''s']
  # a comment between rules
  - id: industrial-within-fixed-assets
    check: 'industrial_investment <= fixed_asset_investment'
    severity: warning                        # error (default) · warning · info
    rounding: nearest
    tolerance: "0.1亿元"                      # or {relative: "1%"}
  - for_each: {row: [durham, lincs]}
    id: "{row}-under-18-share"
    share: {part: "{row}_under_18", whole: "{row}_caught", is: "{row}_under_18_pct"}
  - id: nested
    sum:
      parts: [a, b]
      total: t
  -   id: wide-dash
      equal: [a,b ,  c]
  - {id: flow, check: a == b}
  - id: last
    compare: {left: a, op: '<=', right: "b"}
"""


def test_the_readmes_style_with_other_shapes_among_it(tmp_path: Path) -> None:
    path = tmp_path / "x.rules.yaml"
    path.write_text(README_STYLE, encoding="utf-8")
    outcome = _assert_alike(path)
    assert isinstance(outcome, RuleSet)
    assert [r.id for r in outcome.rules] == [
        "six-new-share",
        "target-completion",
        "industrial-within-fixed-assets",
        "durham-under-18-share",
        "lincs-under-18-share",
        "nested",
        "wide-dash",
        "flow",
        "last",
    ]
    assert outcome.rules[1].tags == ("a", "b c", "d, e", "it's")
    assert outcome.rules[0].rounding == "truncate"
    assert _by_lines(path) is not None


def test_more_rules_of_other_shapes_than_it_reads_alone_go_to_the_event_reader(
    tmp_path: Path,
) -> None:
    many = lines_reader._MAX_OTHERS + 1
    text = "rules:\n" + "".join(f"  - {{id: r{i}, check: a == b}}\n" for i in range(many))
    path = tmp_path / "x.rules.yaml"
    path.write_text(text, encoding="utf-8")
    assert isinstance(_assert_alike(path), RuleSet)
    assert _by_lines(path) is None
    path.write_text(text.replace("  - {id: r0, check: a == b}\n", ""), encoding="utf-8")
    assert _by_lines(path) is not None


BROKEN = [
    "rules:\n  - id: x\n    summ: {parts: [a], total: t}\n",
    "rules:\n  - id: x\n    check: a == b\n    mesage: hi\n",
    "rules:\n  - id: x\n    check: a == b\n    check: a == c\n",
    "rules:\n  - id: s\n    share: {part: a, part: b, is: c}\n",
    "rules:\n  - id: s\n    share: {part: a, whole: b, is: c, is: d}\n",
    "rules:\n  - id: s\n    sum: {parts: [a, b], total: t, parts: [c, d]}\n",
    "rules:\n  - id: s\n    sum: {parts: ['a', b], total: t, parts: [c, d]}\n",
    "rules:\n  - id: x\n    check: a == b\n  - id: x\n    check: c == d\n",
    "rules:\n  - id: x\n    check: a == b\n   severity: info\n",
    "rules:\n  - id: x\n    check: a == b\n severity: info\n",
    "rules:\n  - id: x\n    check: a == b\nseverity: info\nrules: []\n",
    "rules:\n  - id: x\n    check: a == b\n---\nrules: []\n",
    'rules:\n  - id: x\n    check: "a == b\n  - id: y\n    check: a == c"\n',
    "rules:\n  - id: x\n    check: [a == b,\n  - id: y\n    check: c]\n",
    "rules:\n  - id: x\n    check: a == b\n  - id: Bad_Id\n    check: a == b\n",
    "rules:\n  - id: x\n    check: a == b\n    tags: [a, [b]]\n",
    "rules:\n  - id: x\n    check: a == b\n    message: ~\n",
    "rules:\n  - id: x\n    check: a == b\n    message:\n",
    "rules:\n  - id: x\n    check: !!str a == b\n    tolerance: true\n",
    "rules:\n  - id: x\n    check: a == b\n    <<: {message: m}\n",
    "rules:\n  - &a {id: x, check: a == b}\n  - *a\n",
    "rules:\n  - id: '{row}-x'\n    for_each: {row: [a, a]}\n    check: '{row} == b'\n",
    "rules:\n- id: x\n  check: a == b\nfacts: x.facts.yaml\nfacts: y.facts.yaml\n",
    "facts: [x.facts.yaml,\nrules:\n  - id: x\n    check: a == b\n",
    'facts: "x.facts.yaml\nrules:\n  - id: x\n    check: a == b\n',
    "rules:\n",
    "rules:\n# nothing\n",
    "rules:\n  - id: x\n    check: a == b\n\trounding: exact\n",
    "rules:\n  - id: x\n    check: a == b\n    id: y\n",
    "rules:\n  - id: x\n    check: a == b\n  -\n",
    "rules:\n  - id: x\n    check: a == b\n  - check\n",
    "rules:\n  - id: x\n    share: {part: a, whole: b, is: c}}\n",
    "rules:\n  - id: x\n    share: {part: a, whole: b, is: c} d\n",
    "rules:\n  - id: x\n    check: 'a == b'x\n",
]


@pytest.mark.parametrize("text", BROKEN)
def test_broken_files_fail_as_the_tree_says(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.rules.yaml"
    path.write_text(text, encoding="utf-8")
    outcome = _assert_alike(path)
    assert isinstance(outcome, str), outcome
    assert _by_lines(path) is None


ODD = [
    "rules:\n  - id: x\n    equal: [a, b,]\n",  # a flow list may end in a comma
    "rules:\n  - id: x\n    equal: [a, b]#c\n",  # a comment right after it
    "rules:\n  - id: x\n    equal: [a, b]  # c\n    tags: [a,b]\n",
    "rules:\n  - id: x\n    share: {part: a, whole: b, is: c,}\n",
    "rules:\n  - id: x\n    check: a == b\n  - id: y\n    check: >\n      c ==\n      d\n",
    'rules:\n  - id: x\n    check: "a == b"\n    message: "two\n      lines"\n',
    "rules:\n  - id: x\n    check: a == b\n    message: one\n      more\n",
    "rules:\n  - id: x\n    check: a == b\n    tags:\n    - a\n    - b\n",
    "rules:\n  - id: x\n    check: a == b\n    tags:\n      - a\n",
    "rules:\n  -\n    id: x\n    check: a == b\n",
    "rules:\n  - # the first\n    id: x\n    check: a == b\n",
    "rules:\n  - id: x\n    check: a == b\n    message: 'it''s'\n",
    'rules:\n  - id: x\n    check: a == b\n    message: "a\\tb"\n',
    'rules:\n  - id: x\n    "check": a == b\n',
    "rules:\n  - id: x\n    check : a == b\n",
    "rules:   \n\n\n  - id: x\n    check: a == b\n",
    "rules:\n  - id: x\n    check: a == b\n  - id: y\n    check: a == b\n...\n",
]


@pytest.mark.parametrize("text", ODD)
def test_other_writings_load_alike(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.rules.yaml"
    path.write_text(text, encoding="utf-8")
    if isinstance(_assert_alike(path), str):
        assert _by_lines(path) is None


# ---- generated files ----------------------------------------------------------------

_WORDS = [
    "a",
    "b",
    "t00001_p01",
    "x-y",
    "yes",
    "No",
    "null",
    "~",
    "12",
    "1.5",
    "-3",
    "-x",
    "a b",
    "a  b",
    "它的",
    "230亿元",
    "10%",
    "a == b",
    "a / b == c * 1.01",
    "sum(a, b) <= c",
    "a [b]",
    "a:b",
    "a # b",
    "a: b",
    "'q'",
    "it's",
    '"d"',
    "",
    "?x",
    "&x",
    "!x",
    "@x",
    "{x}",
    "[x]",
    "x,y",
    "%x",
    "|",
    ">",
]


def _quoted(draw: st.DrawFn, word: str) -> str:
    """``word`` written plain, single- or double-quoted (some writings are not YAML, or
    not the same text: so much the better)."""
    style = draw(st.sampled_from(["plain", "plain", "single", "double"]))
    if style == "single":
        return "'" + word.replace("'", "''") + "'"
    if style == "double" and ('"' not in word or draw(_NOW_AND_THEN)):
        return '"' + word + '"'
    if word[:1] in "'\"" and not draw(_NOW_AND_THEN):
        return "'" + word.replace("'", "''") + "'"
    return word


def _spaces(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(["", " ", " ", "  "]))


@st.composite
def _flow_list(draw: st.DrawFn, words: st.SearchStrategy[str]) -> str:
    least = 0 if draw(_NOW_AND_THEN) else 2
    items = [_quoted(draw, word) for word in draw(st.lists(words, min_size=least, max_size=4))]
    inner = "".join(
        (("," if i else "") + _spaces(draw) + item + _spaces(draw)) for i, item in enumerate(items)
    )
    return "[" + inner + "]"


_IDS = st.sampled_from(["a", "b", "c", "t00001_p01", "x_y", "d", "e", "f", "g", "yes"])
_TEXTS = st.sampled_from(["hi", "a b", "它的", "230亿元", "10%", "a [b]", "it's", '"d"', "x,y"])


_NOW_AND_THEN = st.sampled_from([False] * 49 + [True])


@st.composite
def _mostly(draw: st.DrawFn, good: st.SearchStrategy[str]) -> str:
    """Mostly ``good``, now and then any word (so that some files fail)."""
    return draw(st.sampled_from(_WORDS) if draw(_NOW_AND_THEN) else good)


_ANY = _mostly(_IDS)


@st.composite
def _value(draw: st.DrawFn, key: str) -> tuple[str, list[str]]:
    """A field's value: on its line, and perhaps lines below it (a block)."""
    if key in ("sum", "share", "growth", "compare", "count", "highest"):
        names = {
            "sum": ["parts", "total"],
            "share": ["part", "whole", "is"],
            "growth": ["current", "previous", "is"],
            "compare": ["left", "op", "right"],
            "count": ["of", "where", "is"],
            "highest": ["of", "is"],
        }[key]
        if draw(_NOW_AND_THEN):
            names = [*names, draw(st.sampled_from([*names, "extra"]))]
        items: list[tuple[str, str]] = []
        for name in names:
            if name in ("parts", "of"):
                items.append((name, draw(_flow_list(_mostly(_IDS)))))
            elif name == "op":
                items.append((name, repr(draw(st.sampled_from(["<=", ">", "<="])))))
            elif name == "where":
                items.append((name, repr(draw(st.sampled_from(["< 15%", "> 1"])))))
            else:
                items.append((name, _quoted(draw, draw(_ANY))))
        if draw(st.integers(0, 5)) == 0:  # a block mapping below
            return "", [f"{name}: {value}" for name, value in items]
        inner = ("," + _spaces(draw)).join(f"{name}:{_spaces(draw) or ' '}{v}" for name, v in items)
        return "{" + _spaces(draw) + inner + _spaces(draw) + "}", []
    if key in ("equal", "tags"):
        if draw(st.integers(0, 6)) == 0:  # a block list below
            return "", [f"- {_quoted(draw, draw(_ANY))}" for _ in range(draw(st.integers(1, 3)))]
        return draw(_flow_list(_ANY if key == "equal" else _mostly(_TEXTS))), []
    if key == "id":
        return _quoted(draw, draw(_mostly(st.just("r")))), []
    if key == "tolerance":
        return draw(st.sampled_from(["'1%'", "{relative: 1%}", "'1%'", "1亿元"])), []
    if key == "check":
        checks = ["a == b", "a + b - c == d", "(a + b) / c == d * 1.01", "sum(a, b) <= c"]
        return _quoted(draw, draw(_mostly(st.sampled_from(checks)))), []
    return _quoted(draw, draw(_mostly(_TEXTS))), []


_KINDS = ["sum", "share", "growth", "equal", "compare", "check", "count", "highest"]
_KINDS = [*_KINDS, *_KINDS, "summ"]
_EXTRAS = ["severity", "rounding", "message", "tags", "description", "tolerance"]
_EXTRA_WORDS = {"severity": ["error", "warning", "info"], "rounding": ["exact", "truncate"]}


@st.composite
def _rule(draw: st.DrawFn, index: int, dash: str, indent: int) -> str:
    keys = ["id", draw(st.sampled_from(_KINDS))]
    keys += sorted(draw(st.sets(st.sampled_from(_EXTRAS), max_size=3)))
    if draw(_NOW_AND_THEN):
        keys.remove("id")
    keys = draw(st.permutations(keys))
    field_indent = " " * (indent + len(dash))
    out: list[str] = []
    for position, key in enumerate(keys):
        if key in _EXTRA_WORDS:
            value, below = _quoted(draw, draw(_mostly(st.sampled_from(_EXTRA_WORDS[key])))), []
        else:
            value, below = draw(_value(key))
        if key == "id" and value == "r":
            value = f"r{index}"
        comment = draw(st.sampled_from(["", "", "", "  # note", " #"]))
        trailing = draw(st.sampled_from(["", "", " "]))
        first = (" " * indent + dash) if position == 0 else field_indent
        out.append(f"{first}{key}:{' ' if value else ''}{value}{comment}{trailing}\n")
        deeper = field_indent + draw(st.sampled_from(["  ", "    "]))
        out += [deeper + line + "\n" for line in below]
        if draw(st.integers(0, 9)) == 0:
            out.append(draw(st.sampled_from(["\n", "  # a comment\n", "#\n", "   \n"])))
        if draw(_NOW_AND_THEN) and draw(_NOW_AND_THEN):  # a line out of place
            out.append(draw(st.sampled_from([" x: y\n", field_indent[:-1] + "z: 1\n", "- w\n"])))
    return "".join(out)


@st.composite
def _rules_file(draw: st.DrawFn) -> str:
    indent = draw(st.sampled_from([0, 2, 2, 4]))
    dash = draw(st.sampled_from(["- ", "- ", "-   "]))
    count = draw(st.integers(1, 5))
    rules = "".join(draw(_rule(i, dash, indent)) for i in range(count))
    head = [draw(st.sampled_from(["facts: x.facts.yaml\n", "facts: [a.yaml, b.yaml]\n", ""]))]
    head.append(draw(st.sampled_from(["", "", "rounding: truncate\n", "severity: warning\n"])))
    head.append(draw(st.sampled_from(["", "# a comment\n"])))
    head = draw(st.permutations(head))
    head.insert(0, draw(st.sampled_from(["", "", "---\n"])))
    tail = draw(st.sampled_from(["", "", "", "rounding: exact\n", "# the end\n"]))
    key = draw(st.sampled_from(["rules:\n", "rules:\n", "rules:  # all\n", "rules: \n"]))
    return "".join(head) + key + rules + tail


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=_rules_file())
def test_generated_rules_files_load_alike_or_fail_alike(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.rules.yaml"
        path.write_text(text, encoding="utf-8")
        _assert_alike(path)


# ---- one line against libyaml ---------------------------------------------------------

_CHARACTERS = st.sampled_from([*"ab -?:,[]{}#&*!|>'\"%@`~.1它\\", "''", ": ", " #", "  "])


@st.composite
def _line_value(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(["text", "list", "mapping"]))
    text = lambda: "".join(draw(st.lists(_CHARACTERS, max_size=8)))  # noqa: E731
    if shape == "text":
        return text()
    if shape == "list":
        return "[" + ",".join(text() for _ in range(draw(st.integers(0, 3)))) + "]"
    items = [f"{draw(st.sampled_from(['a', 'is', 'a', 'b-c']))}:{text()}" for _ in range(3)]
    return "{" + ",".join(items[: draw(st.integers(1, 3))]) + "}"


def _read(events: list[ev.Event]) -> object:
    """What the event reader makes of a value's events: (text, plain) for a scalar, a
    list of those, a dict of those (or lists); None for anything else."""

    def scalar(event: ev.Event) -> object:
        if type(event) is not ev.ScalarEvent or event.tag or event.anchor:
            return None
        return (event.value, event.style in (None, ""))

    def listed(items: list[ev.Event]) -> object:
        found = [scalar(e) for e in items]
        return None if None in found else found

    first = events[0]
    if type(first) is ev.ScalarEvent:
        return scalar(first) if len(events) == 1 else None
    if type(first) is ev.SequenceStartEvent and type(events[-1]) is ev.SequenceEndEvent:
        return listed(events[1:-1])
    if type(first) is ev.MappingStartEvent and type(events[-1]) is ev.MappingEndEvent:
        mapping: dict[str, object] = {}
        inner = events[1:-1]
        while inner:
            key = scalar(inner[0])
            if not isinstance(key, tuple) or key[0] in mapping:
                return None
            if type(inner[1]) is ev.SequenceStartEvent:
                end = next(i for i, e in enumerate(inner) if type(e) is ev.SequenceEndEvent)
                mapping[key[0]] = listed(inner[2:end])
                inner = inner[end + 1 :]
            else:
                mapping[key[0]] = scalar(inner[1])
                inner = inner[2:]
        return mapping
    return None


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(value=_line_value(), dash=st.booleans())
def test_a_line_read_here_is_what_libyaml_reads(value: str, dash: bool) -> None:
    """Where the line's pattern takes a value, libyaml reads the line as a mapping of that
    key to the same value: the same texts, plain or quoted, in the same lists and
    mappings."""
    line = ("- " if dash else "") + f"key: {value}\n"
    match = lines_reader.patterns().line.match(line)
    if match is None or match.group(3) != "key":
        return
    taken = lines_reader._value(match)
    if taken is None:
        return  # no value on the line, or a key twice: the rule goes to the event reader
    try:
        events = list(yaml.parse(line, Loader=yaml.CSafeLoader))
    except yaml.YAMLError:
        pytest.fail(f"the line reader takes {line!r}, which libyaml refuses")
    opening = [ev.SequenceStartEvent, ev.MappingStartEvent] if dash else [ev.MappingStartEvent]
    start = 2 + len(opening)
    assert [type(e) for e in events[2:start]] == opening
    assert events[start].value == "key" and events[start].style in (None, "")
    assert [type(e) for e in events[len(events) - len(opening) - 2 :]] == [
        *(ev.MappingEndEvent, ev.SequenceEndEvent)[: len(opening)],
        ev.DocumentEndEvent,
        ev.StreamEndEvent,
    ]
    assert _read(events[start + 1 : len(events) - len(opening) - 2]) == taken
