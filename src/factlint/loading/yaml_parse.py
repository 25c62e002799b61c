"""Load untrusted YAML as plain, located data: mappings, sequences and scalar text.

The text is normalised and handed to PyYAML's parser (libyaml's when installed); its
events become nodes in ``loading.yaml_builder``, which refuses aliases, merge keys,
duplicate keys, tags other than ``!!str`` and extra documents. Every error, the parser's
own included, is a :class:`FactlintError` at ``path:line:col``. Scalars keep the text as
written (``76.50`` stays ``"76.50"``) plus what YAML 1.1 would have made of it.

>>> node = parse_yaml("revenue: 76.50\\nunit: 'EUR'\\n", "facts.yaml")
>>> node.get("revenue").value, node.get("revenue").resolved, node.get("revenue").mark
('76.50', 'float', Mark(line=1, column=10))
>>> from factlint.loading.yaml_nodes import to_plain
>>> to_plain(node)
{'revenue': '76.50', 'unit': 'EUR'}
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Literal, TypeAlias

import yaml
import yaml.events as ev

from factlint.clip import clip_message
from factlint.errors import FactlintError
from factlint.loading.textfile import (
    DEFAULT_MAX_BYTES,
    line_and_column,
    normalise_newlines,
    read_text,
)
from factlint.loading.yaml_builder import UNUSUAL_BREAKS, Locator, TreeBuilder
from factlint.loading.yaml_nodes import YamlNode

DEFAULT_MAX_DEPTH = 64
# No count of nodes by default: with aliases refused every node costs at least a byte of
# input, so the byte limit bounds the nodes (a tree costs at most ~200 bytes of memory per
# byte of YAML, for a file of one-character scalars; SECURITY.md: bounded resources).
# A caller who wants a tighter bound passes max_nodes.
DEFAULT_MAX_NODES: int | None = None

LoaderName: TypeAlias = Literal["auto", "c", "python"]

_CLoader: type | None = getattr(yaml, "CSafeLoader", None)
HAS_C_LOADER = _CLoader is not None


def load_yaml(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    display_path: str | None = None,
    what: str = "YAML file",
    loader: LoaderName = "auto",
) -> YamlNode | None:
    """Read and parse one YAML file; errors name ``display_path`` (default ``str(path)``)."""
    shown = str(path) if display_path is None else display_path
    try:
        text = read_text(path, max_bytes=max_bytes, what=what)
    except FactlintError as error:
        raise FactlintError(error.message, shown, error.line, error.column) from None
    return parse_yaml(text, shown, max_depth=max_depth, max_nodes=max_nodes, loader=loader)


def parse_yaml(
    text: str,
    path: str,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    loader: LoaderName = "auto",
) -> YamlNode | None:
    """The one document in ``text`` as a located tree, or None when there is none.

    ``loader`` picks libyaml ("c"), PyYAML's pure-Python parser ("python") or the C one
    when it is installed ("auto"). Both give the same trees and marks for ordinary YAML;
    their syntax-error wording differs, and libyaml accepts some tabs PyYAML refuses.
    """
    loader_class = _loader_class(loader)
    text = normalise_newlines(text.removeprefix("\ufeff"))
    _refuse_inner_bom(text, path)
    locator = Locator(text)
    builder = TreeBuilder(path, locator, max_depth, max_nodes)
    events = yaml.parse(text, Loader=loader_class)
    try:
        return builder.build(events)
    except FactlintError:
        raise
    except yaml.MarkedYAMLError as error:
        if loader_class is _CLoader and "maximum nesting depth" in str(error.problem):
            # Newer libyaml stops deep nesting before we see it; the Python parser lets our
            # own depth limit speak, at the node that crosses it, as on every other install.
            return parse_yaml(text, path, max_depth=max_depth, max_nodes=max_nodes, loader="python")
        raise _syntax_error(error, text, path, locator) from None
    except yaml.reader.ReaderError as error:
        index = _reader_index(error.position, text, loader_class is _CLoader)
        raise _bad_character(text, index, path) from None
    except UnicodeEncodeError as error:  # libyaml is handed UTF-8: lone surrogates fail here
        raise _bad_character(text, error.start, path) from None
    except (RecursionError, MemoryError):
        raise FactlintError("YAML document is too large or too deeply nested", path) from None
    except Exception as error:  # never let a parser quirk escape as a crash
        raise FactlintError(f"could not parse YAML: {_one_line(str(error))}", path) from None
    finally:
        if isinstance(events, Generator):  # the stubs say Iterator; PyYAML's is a generator
            events.close()


def yaml_events(text: str) -> Iterator[ev.Event] | None:
    """libyaml's events for ``text`` (normalised as ``parse_yaml`` normalises it), for
    loaders that build their objects straight from events; None when libyaml is missing or
    the text needs what only ``parse_yaml`` does (unusual line breaks, an inner BOM). The
    events are not checked: a loader refuses what it does not expect and then calls
    ``parse_yaml``, which words the error.

    The events come from the C parser's ``get_event`` itself, not through ``yaml.parse``'s
    generator (a Python frame resumed and ``check_event`` called for every event): 110,000
    facts are 550,000 events, and this is about 15% cheaper per event (each is still a
    Python object with two marks, made by PyYAML). The C parser holds nothing to release."""
    if _CLoader is None:
        return None
    text = normalise_newlines(text.removeprefix("\ufeff"))
    if "\ufeff" in text or any(brk in text for brk in UNUSUAL_BREAKS):
        return None
    events: Iterator[ev.Event] = iter(_CLoader(text).get_event, None)
    return events


def _loader_class(loader: LoaderName) -> type:
    if loader == "python" or (loader == "auto" and _CLoader is None):
        return yaml.SafeLoader
    if loader in ("c", "auto") and _CLoader is not None:
        return _CLoader
    raise ValueError(f"YAML loader {loader!r} is not available")


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _syntax_error(
    error: yaml.MarkedYAMLError, text: str, path: str, locator: Locator
) -> FactlintError:
    mark = error.problem_mark or error.context_mark
    problem = _one_line(error.problem or error.context or "invalid YAML")
    if problem == "found character that cannot start any token" and mark is not None:
        # libyaml leaves the character out; PyYAML's wording is more helpful.
        character = text[mark.index : mark.index + 1]
        problem = f"found character {character!r} that cannot start any token"
    context = error.context_mark
    if error.context and context is not None and context.index != getattr(mark, "index", None):
        where = locator.mark(context)
        began = f"line {where.line}, column {where.column}"
        problem = f"{problem} ({_one_line(error.context)} that began at {began})"
    problem = clip_message(problem)
    if mark is None:
        return FactlintError(problem, path)
    where = locator.mark(mark)
    return FactlintError(problem, path, where.line, where.column)


def _refuse_inner_bom(text: str, path: str) -> None:
    # libyaml skips U+FEFF at the start of any line while PyYAML keeps it as text, so the
    # two would build different trees; it is never intended in a facts or rules file.
    index = text.find("\ufeff")
    if index >= 0:
        line, column = line_and_column(text, index)
        message = "byte order mark (U+FEFF) in the middle of the file"
        raise FactlintError(message, path, line, column)


def _reader_index(position: int, text: str, from_libyaml: bool) -> int:
    """libyaml reports a byte offset into UTF-8; PyYAML a character index."""
    if not from_libyaml:
        return position
    encoded = text.encode("utf-8", errors="surrogatepass")
    return len(encoded[:position].decode("utf-8", errors="ignore"))


def _bad_character(text: str, index: int, path: str) -> FactlintError:
    line, column = line_and_column(text, index)
    code = ord(text[index]) if index < len(text) else 0
    return FactlintError(f"character U+{code:04X} is not allowed in YAML", path, line, column)
