"""Tests for factlint.loading.yaml_nodes: located, plain-data-only YAML loading."""

from __future__ import annotations

import codecs
import gc
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.errors import FactlintError
from factlint.loading.gc_pause import paused_gc
from factlint.loading.yaml_nodes import (
    Mark,
    YamlMapping,
    YamlNode,
    YamlScalar,
    YamlSequence,
    to_plain,
)
from factlint.loading.yaml_parse import DEFAULT_MAX_DEPTH, HAS_C_LOADER, load_yaml, parse_yaml
from work import calls

LOADERS = ["python", "c"] if HAS_C_LOADER else ["python"]


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _error(call: Callable[[], object]) -> str:
    """``str()`` of the FactlintError that ``call`` raises."""
    with pytest.raises(FactlintError) as caught:
        call()
    return str(caught.value)


def _parse_error(text: str, loader: str, **limits: int) -> str:
    return _error(lambda: parse_yaml(text, "facts.yaml", loader=loader, **limits))  # type: ignore[arg-type]


def _parse(text: str, loader: str = "auto") -> YamlNode | None:
    return parse_yaml(text, "facts.yaml", loader=loader)  # type: ignore[arg-type]


def _mapping(node: YamlNode | None) -> YamlMapping:
    assert isinstance(node, YamlMapping)
    return node


def _sequence(node: YamlNode | None) -> YamlSequence:
    assert isinstance(node, YamlSequence)
    return node


def _scalar(node: YamlNode | None) -> YamlScalar:
    assert isinstance(node, YamlScalar)
    return node


# --- scalars -------------------------------------------------------------------------------


def test_plain_number_keeps_its_text_and_resolves_to_float(loader: str) -> None:
    value = _scalar(_mapping(_parse("revenue: 76.50\n", loader)).get("revenue"))
    assert value == YamlScalar("76.50", Mark(1, 10), "plain", "float")


def test_double_quoted_number_is_a_str(loader: str) -> None:
    value = _scalar(_mapping(_parse('revenue: "76.50"\n', loader)).get("revenue"))
    assert value == YamlScalar("76.50", Mark(1, 10), "double", "str")


@pytest.mark.parametrize(
    ("text", "value", "style"),
    [
        ("'it''s'", "it's", "single"),
        ('"a\\tb"', "a\tb", "double"),
        ("|\n  one\n  two\n", "one\ntwo\n", "literal"),
        (">\n  one\n  two\n", "one two\n", "folded"),
        ("!!str 12", "12", "plain"),
        ("!<tag:yaml.org,2002:str> 12", "12", "plain"),
        ("! '12'", "12", "single"),
    ],
)
def test_quoted_block_and_str_tagged_scalars_are_str(
    loader: str, text: str, value: str, style: str
) -> None:
    assert _parse(text, loader) == YamlScalar(value, Mark(1, 1), style, "str")


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("~", "null"),
        ("null", "null"),
        ("Null", "null"),
        ("yes", "bool"),
        ("No", "bool"),
        ("off", "bool"),
        ("true", "bool"),
        ("12", "int"),
        ("0x1F", "int"),
        ("017", "int"),
        ("1_000", "int"),
        ("190:20:30", "int"),
        ("+1", "int"),
        ("76.50", "float"),
        ("-1.5", "float"),
        (".inf", "float"),
        (".NaN", "float"),
        ("1.0e+3", "float"),
        ("1e3", "str"),  # YAML 1.1 wants a dot and a signed exponent
        ("-.5", "str"),
        ("0o17", "str"),
        ("2024-01-31", "str"),  # PyYAML would make a date; factlint keeps text
        ("=", "str"),
        ("EUR", "str"),
        ("! 12", "int"),  # the non-specific "!" tag is no tag to PyYAML
    ],
)
def test_plain_scalars_resolve_like_pyyaml_safe_loader(
    loader: str, text: str, resolved: str
) -> None:
    assert _scalar(_parse(text, loader)).resolved == resolved


# Every character some PyYAML implicit resolver starts from, and a few more.
PLAIN_SCALAR_TEXT = st.text(
    alphabet=st.sampled_from(list("0123456789+-._:eExXoOb~<= nNuUlLtTrRfFaAsSyY")), max_size=12
)
_RESOLVED_TAGS = {f"tag:yaml.org,2002:{name}": name for name in ("null", "bool", "int", "float")}


@settings(max_examples=500, deadline=None)
@given(value=PLAIN_SCALAR_TEXT)
def test_plain_scalars_resolve_as_pyyaml_composes_them(value: str) -> None:
    text = f"- {value}\n"
    try:
        composed = yaml.compose(text, Loader=yaml.SafeLoader)
        node = parse_yaml(text, "fuzz.yaml")
    except (yaml.YAMLError, FactlintError):
        return  # not a one-item sequence (or a merge key): nothing to compare
    if not isinstance(composed, yaml.SequenceNode) or not isinstance(node, YamlSequence):
        return
    for theirs, ours in zip(composed.value, node.items, strict=True):
        if isinstance(theirs, yaml.ScalarNode) and isinstance(ours, YamlScalar):
            assert ours.resolved == _RESOLVED_TAGS.get(theirs.tag, "str"), theirs.value


def test_empty_value_is_null(loader: str) -> None:
    node = _mapping(_parse("a:\nb: ''\n", loader))
    assert _scalar(node.get("a")).is_null()
    assert not _scalar(node.get("b")).is_null()
    assert to_plain(node) == {"a": None, "b": ""}


# --- structure and marks -------------------------------------------------------------------

NESTED = """\
# comment
company: Acme
periods:
  - name: Q1
    revenue: 76.50
  - name: "Q2"
    revenue: [1, 2]
notes: {a: x, b: [y, z]}
"""


def test_marks_of_nested_keys_and_sequence_items(loader: str) -> None:
    root = _mapping(_parse(NESTED, loader))
    assert root.mark == Mark(2, 1)
    assert root.keys() == ["company", "periods", "notes"]
    assert root.key_node("periods") == YamlScalar("periods", Mark(3, 1), "plain", "str")
    periods = _sequence(root.get("periods"))
    assert periods.mark == Mark(4, 3)
    first, second = (_mapping(item) for item in periods.items)
    assert first.mark == Mark(4, 5)
    assert first.key_node("revenue") == YamlScalar("revenue", Mark(5, 5), "plain", "str")
    assert first.get("revenue") == YamlScalar("76.50", Mark(5, 14), "plain", "float")
    assert second.get("name") == YamlScalar("Q2", Mark(6, 11), "double", "str")
    numbers = _sequence(second.get("revenue"))
    assert numbers.mark == Mark(7, 14)
    assert [item.mark for item in numbers.items] == [Mark(7, 15), Mark(7, 18)]
    notes = _mapping(root.get("notes"))
    assert notes.mark == Mark(8, 8)
    assert [item.mark for item in _sequence(notes.get("b")).items] == [Mark(8, 19), Mark(8, 22)]


def test_mapping_accessors(loader: str) -> None:
    root = _mapping(_parse(NESTED, loader))
    assert root.get("missing") is None
    assert root.key_node("missing") is None
    assert _scalar(root.get("company")).value == "Acme"


def test_to_plain_keeps_order_and_nesting(loader: str) -> None:
    assert to_plain(_parse(NESTED, loader)) == {
        "company": "Acme",
        "periods": [{"name": "Q1", "revenue": "76.50"}, {"name": "Q2", "revenue": ["1", "2"]}],
        "notes": {"a": "x", "b": ["y", "z"]},
    }
    plain = to_plain(_parse("z: 1\na: 2\nm: 3\n", loader))
    assert isinstance(plain, dict)
    assert list(plain) == ["z", "a", "m"]
    assert to_plain(None) is None


@pytest.mark.skipif(not HAS_C_LOADER, reason="libyaml is not installed")
def test_nodes_are_values() -> None:
    scalar = YamlScalar("1", Mark(1, 2), "plain", "int")
    assert scalar == YamlScalar("1", Mark(1, 2), "plain", "int")
    assert hash(scalar) == hash(YamlScalar("1", Mark(1, 2), "plain", "int"))
    assert scalar != YamlScalar("1", Mark(1, 2), "double", "str")
    assert scalar != ("1", Mark(1, 2), "plain", "int")
    assert YamlMapping((), Mark(1, 1)) != YamlSequence((), Mark(1, 1))
    assert repr(scalar) == (
        "YamlScalar(value='1', mark=Mark(line=1, column=2), style='plain', resolved='int')"
    )
    sequence = YamlSequence((scalar,), Mark(1, 1))
    assert repr(sequence) == f"YamlSequence(items=({scalar!r},), mark=Mark(line=1, column=1))"
    assert repr(YamlMapping((), Mark(3, 4))) == "YamlMapping(items=(), mark=Mark(line=3, column=4))"


def test_built_trees_equal_trees_made_by_hand_and_pickle(loader: str) -> None:
    root = _mapping(_parse(NESTED, loader))
    by_hand = YamlMapping(root.items, root.mark)
    assert by_hand == root
    assert hash(by_hand) == hash(root)
    keys = root.keys()
    assert [by_hand.get(key) for key in keys] == [root.get(key) for key in keys]
    copy = _mapping(pickle.loads(pickle.dumps(root)))
    assert copy == root
    assert copy.get("notes") == root.get("notes")
    assert copy.key_node("periods") == root.key_node("periods")


def test_event_subclasses_are_handled_as_their_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    real_parse = yaml.parse
    subclasses: dict[type, type] = {}

    def subclassing_parse(text: str, Loader: type) -> Iterator[object]:
        for event in real_parse(text, Loader=Loader):
            parent = type(event)
            event.__class__ = subclasses.setdefault(parent, type("Sub", (parent,), {}))
            yield event

    expected = _parse(NESTED)
    alias = _parse_error("a: &x 1\nb: *x\n", "auto")
    monkeypatch.setattr(yaml, "parse", subclassing_parse)
    assert _parse(NESTED) == expected
    assert _parse_error("a: &x 1\nb: *x\n", "auto") == alias
    assert len(subclasses) >= 9


def test_c_and_python_loaders_give_identical_trees() -> None:
    text = NESTED + (
        "unicode: é😀 ü\n"
        "block: |\n  a\n  b\n"
        "folded: >-\n  a\n  b\n"
        "? complex\n: key\n"
        "'quoted key': \"esc\\u00e9\"\n"
        "empty: []\n"
        "nothing:\n"
        "deep: [[[[{a: [1]}]]]]\n"
    )
    assert _parse(text, "c") == _parse(text, "python")


def test_empty_documents_are_none(loader: str) -> None:
    assert _parse("", loader) is None
    assert _parse("# only a comment\n\n", loader) is None


def test_explicit_empty_document_is_a_null_scalar(loader: str) -> None:
    assert _parse("---\n", loader) == YamlScalar("", Mark(2, 1), "plain", "null")


def test_leading_bom_and_crlf_in_text(loader: str) -> None:
    root = _mapping(_parse("\ufeffa: 1\r\nb: 2\rc: 3\r\n", loader))
    assert [key.mark for key, _ in root.items] == [Mark(1, 1), Mark(2, 1), Mark(3, 1)]


def test_byte_order_mark_inside_the_text_is_refused(loader: str) -> None:
    message = _parse_error("\ufeffa: 1\n\ufeffb: 2\n", loader)
    assert message == "facts.yaml:2:1: byte order mark (U+FEFF) in the middle of the file"


def test_unusual_line_breaks_do_not_shift_line_numbers(loader: str) -> None:
    """PyYAML counts U+2028 as a line break; editors and factlint do not."""
    root = _mapping(_parse("a: 'x\u2028y'\nbé: [1, 2]\n", loader))
    assert _scalar(root.get("a")).value == "x\u2028y"
    assert root.key_node("bé") == YamlScalar("bé", Mark(2, 1), "plain", "str")
    assert [item.mark for item in _sequence(root.get("bé")).items] == [Mark(2, 6), Mark(2, 9)]
    assert _parse_error("a: 'x\u2029y'\nb: [1,\n", loader).startswith("facts.yaml:3:1: ")


# --- syntax errors -------------------------------------------------------------------------


def test_tab_indentation_is_a_located_error(loader: str) -> None:
    message = _parse_error("company: Acme\nperiods:\n\t- Q1\n", loader)
    assert message == "facts.yaml:3:1: found character '\\t' that cannot start any token"


def test_unclosed_quote_names_where_it_began(loader: str) -> None:
    message = _parse_error("a: 1\nb: 'abc\n", loader)
    assert message == (
        "facts.yaml:3:1: found unexpected end of stream"
        " (while scanning a quoted scalar that began at line 2, column 4)"
    )


def test_unclosed_flow_sequence(loader: str) -> None:
    expected = {
        "c": "did not find expected ',' or ']'",
        "python": "expected ',' or ']', but got '<stream end>'",
    }[loader]
    message = _parse_error("a: [1, 2\n", loader)
    assert message == (
        f"facts.yaml:2:1: {expected} (while parsing a flow sequence that began at line 1, column 4)"
    )


def test_bad_indentation(loader: str) -> None:
    expected = {
        "c": "mapping values are not allowed in this context",
        "python": "mapping values are not allowed here",
    }[loader]
    assert _parse_error("a: 1\n  b: 2\n", loader) == f"facts.yaml:2:4: {expected}"


@pytest.mark.parametrize(
    ("text", "position", "code"),
    [
        ("a: b\x07\n", "1:5", "0007"),
        ("é😀: x\nb: \x00\n", "2:4", "0000"),
        ("a: x\ud800\n", "1:5", "D800"),
        ("a: \ufffe\n", "1:4", "FFFE"),
    ],
)
def test_unacceptable_characters(loader: str, text: str, position: str, code: str) -> None:
    message = _parse_error(text, loader)
    assert message == f"facts.yaml:{position}: character U+{code} is not allowed in YAML"


# --- refused constructs --------------------------------------------------------------------


def test_second_document_is_refused(loader: str) -> None:
    message = _parse_error("a: 1\n---\nb: 2\n", loader)
    assert message == "facts.yaml:2:1: more than one YAML document (only one is allowed)"


def test_alias_is_refused(loader: str) -> None:
    message = _parse_error("base: &b 10\ncopy: *b\n", loader)
    assert message == (
        "facts.yaml:2:7: YAML aliases are not supported (anchors and aliases are refused"
        " so a small file cannot expand into a huge one)"
    )


def test_anchor_alone_is_ignored(loader: str) -> None:
    assert to_plain(_parse("base: &b 10\n", loader)) == {"base": "10"}


def _laughs(levels: int) -> str:
    lines = ['lol0: &l0 "lol"']
    lines += [f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_billion_laughs_fails_on_the_first_alias(loader: str) -> None:
    message = _parse_error(_laughs(10), loader)
    assert message.startswith("facts.yaml:2:12: YAML aliases are not supported")
    # Nothing after the first alias is read: as much work for 100 levels as for 3.
    work = [calls(_parse, _laughs(levels), loader) for levels in (3, 100)]
    assert work[1] == work[0], work


@pytest.mark.parametrize(
    ("text", "tag", "position"),
    [
        ("- !!python/object:os.system x\n", "!!python/object:os.system", "1:3"),
        ("- !!python/object/apply:os.system ['ls']\n", "!!python/object/apply:os.system", "1:3"),
        ("a: !!binary aGk=\n", "!!binary", "1:4"),
        ("a: !custom x\n", "!custom", "1:4"),
        ("a: !!int '3'\n", "!!int", "1:4"),
        ("a: !!float 3\n", "!!float", "1:4"),
        ("!!map {a: 1}\n", "!!map", "1:1"),
        ("a: !!seq [1]\n", "!!seq", "1:4"),
        ("a: !!set {x}\n", "!!set", "1:4"),
        ("!local {a: 1}\n", "!local", "1:1"),
        ("? !!int 1\n: x\n", "!!int", "1:3"),
        ("%TAG !e! tag:example.com,2000:\n--- !e!thing x\n", "tag:example.com,2000:thing", "2:5"),
    ],
)
def test_tags_other_than_str_are_refused(loader: str, text: str, tag: str, position: str) -> None:
    message = _parse_error(text, loader)
    assert message == f"facts.yaml:{position}: YAML tag '{tag}' is not allowed"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\nvalue: 2\nvalue: 3\n", "3:1: duplicate key 'value' (first at line 2)"),
        ("{a: 1, a: 2}\n", "1:8: duplicate key 'a' (first at line 1)"),
        ("x:\n  k: 1\n  k: 2\n", "3:3: duplicate key 'k' (first at line 2)"),
        ("1: a\n'1': b\n", "2:1: duplicate key '1' (first at line 1)"),
        ("? a\n: 1\na: 2\n", "3:1: duplicate key 'a' (first at line 1)"),
    ],
)
def test_duplicate_keys_are_refused(loader: str, text: str, message: str) -> None:
    assert _parse_error(text, loader) == f"facts.yaml:{message}"


def test_same_key_in_different_mappings_is_fine(loader: str) -> None:
    assert to_plain(_parse("- k: 1\n- k: 2\n", loader)) == [{"k": "1"}, {"k": "2"}]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("? [a, b]\n: c\n", "1:3: a mapping key must be a scalar, not a sequence"),
        ("? {a: b}\n: c\n", "1:3: a mapping key must be a scalar, not a mapping"),
        ("{[a]: b}\n", "1:2: a mapping key must be a scalar, not a sequence"),
    ],
)
def test_non_scalar_keys_are_refused(loader: str, text: str, message: str) -> None:
    assert _parse_error(text, loader) == f"facts.yaml:{message}"


def test_merge_keys_are_refused(loader: str) -> None:
    message = _parse_error("base: {a: 1}\nchild:\n  <<: {a: 1}\n", loader)
    assert message == "facts.yaml:3:3: merge keys (<<) are not supported"


def test_quoted_double_angle_is_an_ordinary_key(loader: str) -> None:
    assert to_plain(_parse("'<<': 1\nx: <<\n", loader)) == {"<<": "1", "x": "<<"}


# --- limits --------------------------------------------------------------------------------


def test_deep_flow_nesting_fails_fast(loader: str) -> None:
    text = "[" * 10_000 + "]" * 10_000
    message = _parse_error(text, loader)
    assert message == f"facts.yaml:1:{DEFAULT_MAX_DEPTH + 1}: nesting deeper than 64 levels"
    # Refused at the limit: ten times the depth is no more work (counted, not timed).
    deeper = "[" * 100_000 + "]" * 100_000
    assert calls(_parse, deeper, loader) == calls(_parse, text, loader)


def test_deep_block_sequence_nesting_fails_fast(loader: str) -> None:
    text = "- " * 10_000 + "x\n"
    message = _parse_error(text, loader)
    assert message == "facts.yaml:1:129: nesting deeper than 64 levels"
    assert calls(_parse, "- " * 100_000 + "x\n", loader) == calls(_parse, text, loader)


def test_deep_block_mapping_nesting(loader: str) -> None:
    text = "\n".join("  " * level + "k:" for level in range(100)) + " v\n"
    assert _parse_error(text, loader) == "facts.yaml:65:129: nesting deeper than 64 levels"


def test_nesting_exactly_at_the_limit_is_accepted(loader: str) -> None:
    assert to_plain(_parse_error_free("[" * 3 + "]" * 3, loader, max_depth=3)) == [[[]]]
    assert _parse_error("[[[[]]]]", loader, max_depth=3) == (
        "facts.yaml:1:4: nesting deeper than 3 levels"
    )


def _parse_error_free(text: str, loader: str, **limits: int) -> YamlNode | None:
    return parse_yaml(text, "facts.yaml", loader=loader, **limits)  # type: ignore[arg-type]


def test_too_many_nodes(loader: str) -> None:
    assert to_plain(_parse_error_free("[a, b]", loader, max_nodes=3)) == ["a", "b"]
    assert _parse_error("[a, b, c]", loader, max_nodes=3) == (
        "facts.yaml:1:8: more than 3 YAML nodes"
    )


# --- pausing the collector ------------------------------------------------------------------


@pytest.mark.skipif(not gc.isenabled(), reason="the collector is off for this run")
def test_paused_gc_can_promote_what_was_built_to_the_oldest_generation() -> None:
    with paused_gc(promote=True):
        assert not gc.isenabled()
        built = [[index] for index in range(3)]
    assert gc.isenabled()
    oldest = {id(item) for item in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in built)


@pytest.mark.skipif(not gc.isenabled(), reason="the collector is off for this run")
def test_paused_gc_nests_and_leaves_frozen_objects_frozen() -> None:
    with paused_gc(promote=True):
        with paused_gc(promote=True):
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused_gc(promote=True):
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


# --- failures inside the parser ------------------------------------------------------------


@pytest.mark.parametrize(
    ("raised", "message"),
    [
        (RuntimeError("boom\nagain"), "facts.yaml: could not parse YAML: boom again"),
        (RecursionError(), "facts.yaml: YAML document is too large or too deeply nested"),
        (MemoryError(), "facts.yaml: YAML document is too large or too deeply nested"),
        (yaml.YAMLError("odd"), "facts.yaml: could not parse YAML: odd"),
    ],
)
def test_unexpected_parser_exceptions_become_factlint_errors(
    monkeypatch: pytest.MonkeyPatch, raised: BaseException, message: str
) -> None:
    def failing_parse(text: str, Loader: type) -> Iterator[object]:
        yield from ()
        raise raised

    monkeypatch.setattr(yaml, "parse", failing_parse)
    assert _parse_error("a: 1\n", "python") == message


def test_unknown_loader_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        parse_yaml("a: 1", "x.yaml", loader="rust")  # type: ignore[arg-type]


# --- load_yaml -----------------------------------------------------------------------------


def test_load_yaml_reads_and_parses(tmp_path: Path, loader: str) -> None:
    path = tmp_path / "facts.yaml"
    path.write_bytes(codecs.BOM_UTF8 + b"a: 1\r\nb:\r\n  - 2\r\n")
    root = _mapping(load_yaml(path, loader=loader))  # type: ignore[arg-type]
    assert to_plain(root) == {"a": "1", "b": ["2"]}
    assert _sequence(root.get("b")).items[0] == YamlScalar("2", Mark(3, 5), "plain", "int")


def test_load_yaml_errors_use_the_display_path(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text("a: 1\na: 2\n")
    message = _error(lambda: load_yaml(path, display_path="facts/q1.yaml"))
    assert message == "facts/q1.yaml:2:1: duplicate key 'a' (first at line 1)"
    assert _error(lambda: load_yaml(path)) == f"{path}:2:1: duplicate key 'a' (first at line 1)"


def test_load_yaml_read_errors_use_the_display_path(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    assert _error(lambda: load_yaml(missing, display_path="m.yaml")) == "m.yaml: no such YAML file"
    nul = tmp_path / "nul.yaml"
    nul.write_bytes(b"a: 1\nb: \x00\n")
    message = _error(lambda: load_yaml(nul, display_path="n.yaml", what="rules file"))
    assert message == "n.yaml:2:4: contains a NUL byte: is this a binary file?"


def test_load_yaml_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: 12345\n")
    assert to_plain(load_yaml(path, max_bytes=9)) == {"a": "12345"}
    message = _error(lambda: load_yaml(path, max_bytes=8, display_path="big.yaml"))
    assert message == "big.yaml: is 9 bytes, more than the limit of 8 bytes for a YAML file"


def test_load_yaml_refuses_devices() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    assert _error(lambda: load_yaml(Path("/dev/zero"))) == "/dev/zero: is not a regular file"


# --- properties ----------------------------------------------------------------------------

YAMLISH = st.text(
    alphabet=st.sampled_from(list("[]{}:,-?&*!|>'\"#%@` \t\n\r\\abc01.~<=\x00\ufeff\u2028é")),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(text=st.text() | YAMLISH, loader=st.sampled_from(LOADERS))
def test_any_text_gives_a_tree_or_a_factlint_error(text: str, loader: str) -> None:
    try:
        node = parse_yaml(text, "fuzz.yaml", loader=loader)  # type: ignore[arg-type]
    except FactlintError as error:
        assert str(error).startswith("fuzz.yaml")
        return
    assert node is None or isinstance(node, YamlScalar | YamlMapping | YamlSequence)
    to_plain(node)


PLAIN_DATA = st.recursive(
    st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(data=PLAIN_DATA, loader=st.sampled_from(LOADERS))
def test_safe_dump_round_trips_through_to_plain(data: object, loader: str) -> None:
    dumped = yaml.safe_dump(data)
    assert to_plain(parse_yaml(dumped, "dump.yaml", loader=loader)) == data  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(data=PLAIN_DATA, loader=st.sampled_from(LOADERS))
def test_unescaped_unicode_dump_reads_as_safe_load_reads_it(data: object, loader: str) -> None:
    # With allow_unicode PyYAML's emitter writes e.g. a raw U+0085 that reads back as a
    # line break, so the oracle here is safe_load of the same text, not the data.
    dumped = yaml.safe_dump(data, allow_unicode=True)
    node = parse_yaml(dumped, "dump.yaml", loader=loader)  # type: ignore[arg-type]
    assert to_plain(node) == yaml.safe_load(dumped)


def test_the_resolver_shortcuts_hold_for_pyyaml_s_tables() -> None:
    """``yaml_builder._resolve`` takes a long word starting with a letter as a string
    without trying the resolvers: for those letters PyYAML's tables hold only the bool and
    null words, none longer than ``LONGEST_WORD`` (the regex's own widest match)."""
    import re._parser as sre_parse  # type: ignore[import-not-found]

    from yaml.resolver import Resolver

    from factlint.loading import yaml_builder

    assert set("tTfFyYnNoO") <= yaml_builder.WORD_FIRST
    for first in yaml_builder.WORD_FIRST:
        for _, regexp in Resolver.yaml_implicit_resolvers[first]:
            width = sre_parse.parse(regexp.pattern, regexp.flags).getwidth()[1]
            assert width <= yaml_builder.LONGEST_WORD
    assert None not in Resolver.yaml_implicit_resolvers  # no resolver for every character
    for value in ["t00001_total", "Yesterday", "nullable", "offset", "1", "907", "10_0", "09"]:
        composed = yaml.compose(f"- {value}\n", Loader=yaml.SafeLoader).value[0]
        assert yaml_builder.resolve_plain(value) == _RESOLVED_TAGS.get(composed.tag, "str")
