"""Fields of the facts and rules formats that hold figures: a figure as printed, XBRL's
decimals, a tolerance, optional text. Each is read with errors that say where and what."""

from __future__ import annotations

from factlint.clip import quoted
from factlint.errors import FactlintError
from factlint.loading.fields import Reader
from factlint.loading.yaml_nodes import YamlMapping, YamlNode, YamlScalar
from factlint.model import Tolerance
from factlint.numbers.figures import Figure, FigureError, parse_figure

MAX_DECIMALS = 60


def optional_text(reader: Reader, node: YamlMapping, key: str) -> str:
    """``node[key]`` as a string, "" when absent or empty."""
    value = node.get(key)
    if value is None or (isinstance(value, YamlScalar) and value.is_null()):
        return ""
    return reader.text(value, f"'{key}'")


def figure_field(reader: Reader, node: YamlNode, what: str) -> Figure:
    """A figure as printed (``"162.24亿元"``); never a YAML number or boolean."""
    if isinstance(node, YamlScalar) and node.resolved in ("bool", "null"):
        raise reader.error(
            f'{what} must be a figure as printed, e.g. "162.24亿元", not {node.value or "empty"}',
            node,
        )
    text = reader.text(node, what)
    try:
        return parse_figure(text)
    except FigureError as error:
        raise figure_error(reader, node, text, error) from None


def figure_error(reader: Reader, node: YamlNode, text: str, error: FigureError) -> FactlintError:
    """The parser's error at its column inside the scalar, when the scalar is on one line."""
    located = reader.error(f"{error.message} in figure {quoted(text)}", node)
    if isinstance(node, YamlScalar) and located.column is not None and "\n" not in text:
        quote = 1 if node.style in ("single", "double") else 0
        located.column += quote + error.column
    return located


def decimals_field(reader: Reader, node: YamlNode | None) -> tuple[int | None, bool]:
    """XBRL's decimals: a whole number, or INF for an exact figure."""
    if node is None:
        return None, False
    if isinstance(node, YamlScalar) and node.value.upper() == "INF":
        return None, True
    return reader.integer(node, "'decimals'", low=-MAX_DECIMALS, high=MAX_DECIMALS), False


def tolerance_field(reader: Reader, node: YamlNode | None) -> Tolerance | None:
    """A tolerance: a figure (absolute), or ``{relative: "1%"}`` / ``{absolute: …}``."""
    if node is None:
        return None
    if isinstance(node, YamlMapping):
        reader.known_keys(node, ("relative", "absolute"), "'tolerance'")
        if len(node.items) != 1:
            raise reader.error("'tolerance' takes one of 'relative' or 'absolute'", node)
        key, value = node.items[0]
        relative = key.value == "relative"
        return _checked_tolerance(
            reader, value, figure_field(reader, value, "a tolerance"), relative
        )
    return _checked_tolerance(reader, node, figure_field(reader, node, "a tolerance"), False)


def _checked_tolerance(reader: Reader, node: YamlNode, figure: Figure, relative: bool) -> Tolerance:
    """A tolerance is a plain non-negative figure; a relative one is below 100% (from
    there on, "within t of each other" no longer widens each side by t of itself)."""
    if figure.qualifier:
        raise reader.error(f"a tolerance is a plain figure, not '{figure.text}'", node)
    if figure.base < 0:
        raise reader.error(f"a tolerance is not negative: '{figure.text}'", node)
    if relative and figure.base >= 1:
        raise reader.error(
            f"a relative tolerance is below 100% (here '{figure.text}'); "
            "for a wider one give an absolute tolerance",
            node,
        )
    return Tolerance(figure, relative=relative)
