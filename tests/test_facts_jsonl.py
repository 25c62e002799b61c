"""JSON Lines facts files (``*.facts.jsonl``): the YAML format's facts, errors at their line."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import check
from factlint.app.commands.check import run_check
from factlint.app.inputs import classify, expand
from factlint.errors import FactlintError
from factlint.loading.facts_jsonl import load_facts_jsonl
from factlint.loading.facts_yaml import load_facts

REPORT = {"report": {"id": "demo", "period": "2020", "entity": "示范区"}}
FACTS = [
    {
        "id": "signed",
        "label": "签约项目",
        "value": "51项",
        "mentions": [
            {"section": "body", "quote": "签约项目51项", "line": 3},
            {"section": "sidebar", "value": "51项", "quote": "51项"},
        ],
    },
    {"id": "six_new", "value": "39项"},
    {"id": "share", "value": "76.5%", "decimals": 1, "tolerance": {"relative": "1%"}},
    {"id": "investment", "value": "162.24亿元", "aspects": {"segment": "industry"}},
]


def write_jsonl(folder: Path, lines: list[object], name: str = "demo.facts.jsonl") -> Path:
    path = folder / name
    text = "".join(
        (line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
        for line in lines
    )
    path.write_text(text, encoding="utf-8")
    return path


def write_yaml(folder: Path) -> Path:
    lines = ["report:", "  id: demo", '  period: "2020"', "  entity: 示范区", "facts:"]
    for fact in FACTS:
        lines.append(f"  {fact['id']}:")
        for key, value in fact.items():
            if key != "id":
                lines.append(f"    {key}: {json.dumps(value, ensure_ascii=False)}")
    path = folder / "demo.facts.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def error_of(tmp_path: Path, lines: list[object]) -> FactlintError:
    path = write_jsonl(tmp_path, lines)
    with pytest.raises(FactlintError) as caught:
        load_facts_jsonl(path)
    return caught.value


def test_loads_the_same_facts_as_the_yaml_format(tmp_path: Path) -> None:
    from_jsonl = load_facts_jsonl(write_jsonl(tmp_path, [REPORT, *FACTS]))
    from_yaml = load_facts(write_yaml(tmp_path))
    assert list(from_jsonl.facts) == list(from_yaml.facts)
    assert from_jsonl.report == from_yaml.report
    for fact_id, fact in from_jsonl.facts.items():
        other = from_yaml.facts[fact_id]
        assert fact.figure == other.figure
        assert (fact.label, fact.exact, fact.decimals, fact.tolerance) == (
            other.label,
            other.exact,
            other.decimals,
            other.tolerance,
        )
        assert dict(fact.aspects) == dict(other.aspects)
        assert [(m.figure, m.section, m.quote, m.line) for m in fact.mentions] == [
            (m.figure, m.section, m.quote, m.line) for m in other.mentions
        ]


def test_facts_and_their_mentions_point_at_their_line(tmp_path: Path) -> None:
    facts = load_facts_jsonl(write_jsonl(tmp_path, [REPORT, "", *FACTS]))
    signed = facts.facts["signed"]
    assert signed.declared_at is not None
    assert (signed.declared_at.path.endswith("demo.facts.jsonl"), signed.declared_at.line) == (
        True,
        3,
    )
    assert all(m.declared_at == signed.declared_at for m in signed.mentions)
    assert facts.facts["investment"].declared_at.line == 6  # type: ignore[union-attr]


def test_load_facts_dispatches_on_the_suffix(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path, [REPORT, *FACTS])
    assert load_facts(path).facts["share"].figure.places == 1
    assert classify(path) == "facts"
    facts_files, rules_files = expand([tmp_path])
    assert facts_files == [path] and rules_files == []


def test_check_runs_rules_against_jsonl_facts(tmp_path: Path) -> None:
    lines = [REPORT, {"id": "signed", "value": "51项"}, {"id": "part", "value": "39项"}]
    write_jsonl(tmp_path, [*lines, {"id": "share", "value": "76.4%"}])
    (tmp_path / "demo.rules.yaml").write_text(
        "facts: demo.facts.jsonl\nrules:\n"
        "  - id: six-new-share\n    share: {part: part, whole: signed, is: share}\n",
        encoding="utf-8",
    )
    report = run_check([tmp_path])
    assert [(f.rule, f.status) for f in report.findings] == [("six-new-share", "inconsistent")]
    # a stated share that rounds right passes
    write_jsonl(tmp_path, [*lines, {"id": "share", "value": "76.5%"}])
    assert run_check([tmp_path]).findings == ()


def test_a_json_number_as_a_figure_is_refused_with_its_line(tmp_path: Path) -> None:
    error = error_of(tmp_path, [REPORT, {"id": "a", "value": "1项"}, {"id": "b", "value": 76.50}])
    assert error.line == 3
    assert "JSON number" in error.message and "'b'" in error.message
    assert "strings" in error.message


@pytest.mark.parametrize(
    "fact",
    [
        {"id": "b", "value": 51},
        {"id": "b", "value": "51项", "mentions": [{"value": 51}]},
        {"id": "b", "value": "51项", "tolerance": 1},
        {"id": "b", "value": "51项", "tolerance": {"absolute": 0.5}},
    ],
)
def test_every_figure_field_refuses_json_numbers(tmp_path: Path, fact: dict) -> None:
    error = error_of(tmp_path, [REPORT, fact])
    assert error.line == 2 and "JSON number" in error.message


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    error = error_of(tmp_path, [REPORT, '{"id": "a", "value": "1项"', {"id": "b", "value": "2项"}])
    assert (error.line, error.message.startswith("invalid JSON")) == (2, True)
    assert error.column is not None and error.column > 1


def test_duplicate_fact_ids_and_keys_are_refused(tmp_path: Path) -> None:
    error = error_of(tmp_path, [REPORT, {"id": "a", "value": "1项"}, {"id": "a", "value": "2项"}])
    assert error.line == 3 and "duplicate fact id 'a' (first at line 2)" in error.message
    error = error_of(tmp_path, [REPORT, '{"id": "a", "value": "1项", "value": "2项"}'])
    assert (error.line, error.column) == (2, 28)
    assert error.message == "duplicate key 'value' (first at column 13)"


def test_the_shared_validation_reports_the_line(tmp_path: Path) -> None:
    error = error_of(tmp_path, [REPORT, {"id": "a", "valeu": "1项"}])
    assert error.line == 2 and "did you mean 'value'" in error.message
    error = error_of(tmp_path, [REPORT, {"id": "a", "value": "1x项"}])
    assert error.line == 2 and "in figure '1x项'" in error.message
    error = error_of(tmp_path, [REPORT, {"id": "not an id", "value": "1项"}])
    assert error.line == 2 and "identifier" in error.message
    error = error_of(tmp_path, [REPORT, {"value": "1项"}])
    assert error.line == 2 and "no 'id'" in error.message
    error = error_of(tmp_path, [REPORT, ["a", "b"]])
    assert error.line == 2 and "a JSON object" in error.message
    error = error_of(tmp_path, [REPORT, {"id": "a", "value": "1项", "decimals": 1.5}])
    assert error.line == 2 and "float" in error.message


def test_the_report_line(tmp_path: Path) -> None:
    error = error_of(tmp_path, [{"id": "a", "value": "1项"}])
    assert error.line == 1 and '{"report"' in error.message
    error = error_of(tmp_path, [{"report": {"id": "x"}, "facts": []}])
    assert error.line == 1 and "unknown key 'facts'" in error.message
    error = error_of(tmp_path, [{"report": {"title": "no id"}}])
    assert error.line == 1 and "has no 'id'" in error.message
    error = error_of(tmp_path, [{"report": {"id": "x", "rounding": "up"}}])
    assert error.line == 1 and "unknown rounding" in error.message
    path = tmp_path / "empty.facts.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(FactlintError, match="empty"):
        load_facts_jsonl(path)


def test_encoding_blank_lines_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "demo.facts.jsonl"
    text = json.dumps(REPORT) + "\r\n\r\n" + json.dumps({"id": "a", "value": "1项"}) + "\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert list(load_facts_jsonl(path).facts) == ["a"]
    path.write_bytes(json.dumps(REPORT).encode() + b'\n{"id": "a", "value": "\xff"}\n')
    with pytest.raises(FactlintError) as caught:
        load_facts_jsonl(path)
    assert caught.value.line == 2 and "UTF-8" in caught.value.message


def test_a_line_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path, [REPORT, {"id": "a", "value": "1项", "note": "x" * 500}])
    with pytest.raises(FactlintError) as caught:
        load_facts_jsonl(path, max_line_bytes=200)
    assert caught.value.line == 2 and "longer than 200 bytes" in caught.value.message
    assert list(load_facts_jsonl(path, max_line_bytes=2000).facts) == ["a"]


def test_missing_file_and_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(FactlintError, match="cannot read"):
        load_facts_jsonl(tmp_path / "nothing.facts.jsonl")
    fifo = tmp_path / "pipe.facts.jsonl"
    os.mkfifo(fifo)  # opening it would block: refused before
    with pytest.raises(FactlintError, match="not a regular file"):
        load_facts_jsonl(fifo)


def test_quotes_are_checked_against_the_source_text(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("全年签约项目51项。\n", encoding="utf-8")
    report = {"report": {"id": "demo", "source": "report.txt"}}
    good = {"id": "signed", "value": "51项", "mentions": [{"quote": "签约项目51项"}]}
    facts = load_facts_jsonl(write_jsonl(tmp_path, [report, good]))
    assert facts.report.source_text is not None
    assert check(facts).findings == ()
    bad = {"id": "signed", "value": "51项", "mentions": [{"quote": "签约项目52项"}]}
    facts = load_facts_jsonl(write_jsonl(tmp_path, [report, bad]))
    assert [f.rule for f in check(facts).findings] == ["quote-in-source"]


def test_loaded_facts_pickle(tmp_path: Path) -> None:
    facts = load_facts_jsonl(write_jsonl(tmp_path, [REPORT, *FACTS]))
    again = pickle.loads(pickle.dumps(facts))
    assert again == facts


# ---- the fast path gives exactly what the general path gives -----------------------------

NUMBERS = ("0", "1", "7", "12", "13", "99", "1000", "2020", "19999", "0.5", "12.34", "1000.000")


def suffixes() -> list[str]:
    from factlint.numbers.vocabulary import SUFFIXES

    words = [w for w in SUFFIXES if " " not in w]
    combos = ["万元", "亿元", "万美元", "%以上", "多万元", "万人次", "余万元", "万亩", "亿元以上"]
    return ["", *words, *combos, "x", "万万", "元元", "%%", "-5万元", "–"]


@pytest.mark.parametrize("suffix", suffixes())
def test_plain_figure_equals_parse_figure(suffix: str) -> None:
    from factlint.loading.facts_jsonl_plain import plain_figure
    from factlint.numbers.figures import FigureError, parse_figure

    for number in NUMBERS:
        text = number + suffix
        try:
            expected = parse_figure(text)
        except FigureError:
            expected = None
        assert plain_figure(text) == expected, text


def test_the_fast_path_builds_the_facts_the_general_path_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factlint.loading.facts_jsonl as module

    lines: list[object] = [REPORT, *FACTS]
    for index, suffix in enumerate(("亿元", "万元", "%", "项", "人", "万人次", "年", "月")):
        number = "3" if suffix in "年月" else f"{index + 3}.5"
        lines.append({"id": f"plain_{index}", "value": f"{number}{suffix}"})
        lines.append({"id": f"labelled_{index}", "value": f"{index + 1}{suffix}", "label": "x"})
        lines.append({"id": f"declared_{index}", "value": f"{number}{suffix}", "decimals": -2})
        lines.append(
            {
                "id": f"mentioned_{index}",
                "value": f"{index}{suffix}",
                "note": "n",
                "mentions": [{"section": "body", "quote": "q", "line": 9}, {"note": "n"}],
            }
        )
    path = write_jsonl(tmp_path, lines)
    fast = load_facts_jsonl(path)
    monkeypatch.setattr(module, "FAST_PATH", False)
    general = load_facts_jsonl(path)
    assert list(fast.repeated) == list(general.repeated)  # before any mention is read
    assert {f"mentioned_{i}" for i in range(8)} <= set(fast.repeated)
    assert list(fast.repeated) == [key for key, f in fast.facts.items() if len(f.mentions) > 1]
    assert fast == general
    assert [f.declared_at for f in fast.facts.values()] == [
        f.declared_at for f in general.facts.values()
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a", "value": "1元"} x', "invalid JSON: Extra data"),
        ('{"id": "a", "value": "1元"}\u00a0', "invalid JSON: Extra data"),
        ('{"id": "a", "value": "1元"} {"id": "b"}', "invalid JSON: Extra data"),
        ('{"id": "a", "value": "1元"', "invalid JSON: Expecting ',' delimiter"),
    ],
)
def test_a_line_is_one_json_value_and_only_json_whitespace_after_it(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "r.facts.jsonl"
    path.write_text('{"report": {"id": "r"}}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(FactlintError) as error:
        load_facts_jsonl(path)
    assert error.value.line == 2
    assert message in error.value.message


def test_json_whitespace_around_a_line_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "r.facts.jsonl"
    body = '  {"id": "a", "value": "1元"} \t\r\n{"id": "b", "value": "2元"}\t\n'
    path.write_text('{"report": {"id": "r"}}\n' + body, encoding="utf-8")
    assert list(load_facts_jsonl(path).facts) == ["a", "b"]


def _lines_by_readline(file: Path, shown: str, limit: int) -> Iterator[tuple[int, object]]:
    """The loader's reading before it read blocks: ``readline(limit + 1)``, one line at
    a time (the reference its block reader is held to)."""
    from factlint.loading import facts_jsonl

    with file.open("rb") as handle:
        for number, raw in enumerate(iter(lambda: handle.readline(limit + 1), b""), 1):
            if len(raw) > limit and not raw.endswith(b"\n"):
                raise FactlintError(f"line is longer than {limit} bytes", shown, number)
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise FactlintError(
                    "not valid UTF-8 (JSON Lines files are UTF-8)", shown, number, error.start + 1
                ) from None
            text = text.rstrip("\r\n")
            if not text.strip():
                continue
            yield number, facts_jsonl._data(text, shown, number)


def _outcome(lines: Iterator[tuple[int, object]]) -> list[object]:
    def plain(value: object) -> object:
        if isinstance(value, FactlintError):
            return ("error", value.message, value.line, value.column)
        return value

    out: list[object] = []
    try:
        for number, data in lines:
            out.append((number, plain(data)))
    except FactlintError as error:
        out.append(plain(error))
    return out


_LINE_PIECES = [
    '{"id": "a", "value": "1项"}',
    '{"report": {"id": "r"}}',
    "",
    "   ",
    "\r",
    '{"id": "b", "value": "7009900元", "decimals": -2}',
    '{"id": "c", "value": "x", "value": "y"}',
    '{"id": "d"} extra',
    "[1, 2]",
    '{"id": "e", "note": "' + "长" * 40 + '"}',
    '{"id": "f", "quote": "\\ud800"}',
    "\u2028",
    "not json",
]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    pieces=st.lists(
        st.sampled_from(_LINE_PIECES).map(lambda t: t.encode("utf-8"))
        | st.sampled_from([b"\xff", b"\xef\xbb\xbf", b'{"id": "g", "value": "\xe4\xb8"}']),
        max_size=12,
    ),
    endings=st.lists(st.sampled_from([b"\n", b"\r\n", b"\n\n"]), min_size=12, max_size=12),
    last_newline=st.booleans(),
    bom=st.booleans(),
    limit=st.sampled_from([1, 5, 30, 60, 200, 1 << 20]),
    block=st.sampled_from([1, 2, 7, 64, 1 << 18]),
)
def test_the_block_reader_reads_what_readline_reads(
    tmp_path_factory: pytest.TempPathFactory,
    pieces: list[bytes],
    endings: list[bytes],
    last_newline: bool,
    bom: bool,
    limit: int,
    block: int,
) -> None:
    """Line numbers, decoded objects, every error (a line too long, no UTF-8, no JSON) at
    the same line and column, and nothing read past a line that stops the reading."""
    from factlint.loading import facts_jsonl

    body = b"".join(piece + end for piece, end in zip(pieces, endings, strict=False))
    if not last_newline:
        body = body.rstrip(b"\n")
    path = tmp_path_factory.mktemp("lines") / "x.facts.jsonl"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body)
    expected = _outcome(_lines_by_readline(path, "x", limit))
    assert _outcome(facts_jsonl._lines(path, "x", limit, block)) == expected


# ---- lines decoded without the duplicate-key hook (facts_jsonl_plain) -------------------


def _object_text(pairs: list[tuple[str, object]]) -> str:
    """A JSON object written pair by pair, repeated keys and all."""
    members = (f"{json.dumps(key, ensure_ascii=False)}: {_json(value)}" for key, value in pairs)
    return "{" + ", ".join(members) + "}"


def _json(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_json(item) for item in value) + "]"
    if isinstance(value, tuple):  # an object as its pairs
        return _object_text(list(value))
    return json.dumps(value, ensure_ascii=False)


_texts = st.sampled_from(["", "body", "1项", "2.5亿元", "注", 'a "quoted" word', "back\\slash"])
_scalars = st.one_of(_texts, st.integers(min_value=-3, max_value=12), st.none())
_mention_pairs = st.lists(
    st.tuples(st.sampled_from(["section", "quote", "line", "note", "value"]), _scalars),
    min_size=1,
    max_size=5,
).map(tuple)
_fact_pairs = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(["value", "label", "note", "decimals", "id"]), _scalars),
        st.tuples(st.just("value"), st.sampled_from(["1项", "7009900元", "76.5%"])),
        st.tuples(st.just("mentions"), st.lists(_mention_pairs, max_size=3)),
        st.tuples(st.just("mentions"), _mention_pairs),
    ),
    max_size=7,
)


@settings(max_examples=400, deadline=None)
@given(facts=st.lists(_fact_pairs, min_size=1, max_size=4))
def test_the_unhooked_fast_path_reads_every_line_as_the_general_path(
    tmp_path_factory: pytest.TempPathFactory, facts: list[list[tuple[str, object]]]
) -> None:
    """Lines of plain facts with repeated keys (at the top, in a mention, a repeated
    mentions list), quotes and backslashes in their strings: the loader with its fast
    path gives the fact set, or the error (message, line, column), of the general path,
    which decodes every line with the duplicate-key hook."""
    import factlint.loading.facts_jsonl as module

    lines: list[object] = [REPORT]
    for index, pairs in enumerate(facts):
        lines.append(_object_text([("id", f"f{index}"), *pairs]))
    path = write_jsonl(tmp_path_factory.mktemp("unhooked"), lines)

    def outcome() -> object:
        try:
            loaded = load_facts_jsonl(path)
        except FactlintError as error:
            return (str(error), error.line, error.column)
        repeated = list(loaded.repeated.items())  # before the mentions are read
        return loaded, [f.declared_at for f in loaded.facts.values()], repeated

    fast = outcome()
    try:
        module.FAST_PATH = False
        general = outcome()
    finally:
        module.FAST_PATH = True
    assert fast == general


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "a", "value": "1项", "value": "2项"}',
        '{"id": "a", "id": "a", "value": "1项"}',
        '{"id": "a", "value": "1项", "label": "x", "label": "x"}',
        '{"id": "a", "value": "1项", "decimals": 0, "decimals": 0}',
        '{"id": "a", "mentions": [{"line": 1}], "value": "1项", "mentions": [{"line": 2}]}',
        '{"id": "a", "value": "1项", "mentions": [{"section": "s", "line": 1, "line": 2}]}',
        '{"id": "a", "value": "1项", "mentions": [{"quote": "q"}, {"note": "", "note": ""}]}',
    ],
)
def test_a_repeated_key_is_refused_on_the_unhooked_path(tmp_path: Path, line: str) -> None:
    from factlint.loading.facts_jsonl_plain import plain_fact

    data = json.loads(line)  # the last value of each repeated key, as decoded unhooked
    fact_id = data["id"]
    assert plain_fact(fact_id, data, "x", 2, {}, -1, {}) is not None  # plain but for it
    assert plain_fact(fact_id, data, "x", 2, {}, line.count('"'), {}) is None
    error = error_of(tmp_path, [REPORT, line])
    assert error.line == 2 and error.column is not None
    key = error.message.split("'")[1]
    assert line[error.column - 1 :].startswith(f'"{key}"')
    assert error.message.startswith(f"duplicate key '{key}' (first at column ")


def test_plain_lines_are_decoded_without_the_hook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the report line (and a line with a backslash) goes through ``_data``."""
    from factlint.loading import facts_jsonl

    decoded: list[str] = []
    hooked = facts_jsonl._data

    def spy(text: str, shown: str, number: int) -> object:
        decoded.append(text)
        return hooked(text, shown, number)

    monkeypatch.setattr(facts_jsonl, "_data", spy)
    path = write_jsonl(
        tmp_path,
        [
            REPORT,
            {"id": "a", "value": "1项"},
            {"id": "b", "value": "2项", "decimals": 0, "mentions": [{"line": 1, "quote": "q"}]},
            {"id": "c", "value": "3项", "note": 'a "word"'},
        ],
    )
    assert list(load_facts_jsonl(path).facts) == ["a", "b", "c"]
    assert len(decoded) == 2 and "report" in decoded[0] and '\\"word' in decoded[1]


@pytest.mark.parametrize(
    ("fact", "message"),
    [
        ({"id": "a", "value": "1项", "decimals": None}, "'decimals' must be a whole number"),
        ({"id": "a", "value": "1项", "mentions": [{"line": None}]}, "'line' must be a whole"),
    ],
)
def test_a_null_decimals_or_line_is_refused_as_in_yaml(
    tmp_path: Path, fact: dict[str, object], message: str
) -> None:
    """The fast path once took null for no decimals or no line; the general path (and an
    empty value in YAML) refuses it."""
    error = error_of(tmp_path, [REPORT, fact])
    assert error.line == 2 and message in error.message
