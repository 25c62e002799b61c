"""Build one hostile case in a folder and run ``factlint check`` on it as a separate process.

Used by ``tests/test_hostile.py`` (which asserts) and ``scripts/hostile_stats.py`` (which
prints the worst time and memory). A case is a mapping read from ``cases.yaml``:

- ``name``: unique, kebab-case; ``about``: what it tries.
- ``files``: path -> content. A string is written as UTF-8; a mapping is one of
  ``{text, encoding, bom, newline, tail}`` (re-encoded text, ``tail`` a hex string of raw
  bytes appended), ``{parts: [[text, times], ...]}`` (generated, streamed to disk: huge
  files, deep nesting), ``{symlink: target}``, ``{fifo: true}``, ``{folder: true}``.
- ``command``: the factlint command run (default ``check``).
- ``args``: what follows ``factlint check`` (default: every ``*.rules.yaml``, else every
  ``*.facts.yaml`` and ``*.facts.jsonl`` in the case).
- ``exit``: the expected exit code (default 2).
- ``stderr``: the one expected line; ``{dir}`` stands for the case folder. Or
  ``stderr_has``: a substring of that one line.
- ``stdout_has``: substrings the output must contain (for exit 0 and 1).
- ``stdout_lacks``: substrings the output must not contain (e.g. an injected command).
- ``stderr_lacks``: substrings stderr must not contain (e.g. a line of a file it must not quote).
- ``well_formed_xml``: the output must parse as XML (``--format junit``).
- ``absent``: files that must not exist afterwards (proof that nothing was executed).
- ``xfail``: a known bug not yet fixed, with where it is.
- ``changes``: files the run must change (``extract --update``); every other file of the
  case must stay as it was. ``after_has``: file -> substrings its text (decoded by its byte
  order mark, line breaks kept) must contain afterwards; ``after_loads``: files that must
  load as facts afterwards; ``after_mentions``: file -> {fact id: how many mentions it must
  then have}. With exit 0 and 1, ``stderr_has`` is a substring of stderr.
"""

from __future__ import annotations

import codecs
import os
import resource
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import yaml

HERE = Path(__file__).resolve().parent
CASES_FILE = HERE / "cases.yaml"
REPO = HERE.parents[1]

MEMORY_LIMIT = 300 * 1024 * 1024
"""Address space of each run: a case that needs more dies with MemoryError (exit 3)."""
TIMEOUT = 120.0
"""A guard against a hang, not a measure of speed (the project has no timed tests): the
target is 2 s, which scripts/hostile_stats.py reports; 20 s was reached by cases that take
2 s alone on a machine running many suites at once."""

_CHUNK = 1 << 20


def load_cases() -> list[dict[str, Any]]:
    with CASES_FILE.open(encoding="utf-8") as handle:
        cases = yaml.safe_load(handle)
    names = [case["name"] for case in cases]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise ValueError(f"duplicate case names in {CASES_FILE}: {sorted(duplicates)}")
    return cases


def build(case: dict[str, Any], folder: Path) -> None:
    """Write the case's files into ``folder`` (which exists)."""
    for name, spec in case.get("files", {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(path, spec)


def _write(path: Path, spec: str | dict[str, Any]) -> None:
    if isinstance(spec, str):
        path.write_bytes(spec.encode("utf-8"))
    elif "symlink" in spec:
        os.symlink(spec["symlink"], path)
    elif spec.get("fifo"):
        os.mkfifo(path)
    elif spec.get("folder"):
        path.mkdir()
    elif "parts" in spec:
        with path.open("wb") as handle:
            for text, times in spec["parts"]:
                _write_repeated(handle, text.encode("utf-8"), times)
    else:
        text: str = spec["text"]
        if spec.get("newline") == "crlf":
            text = text.replace("\n", "\r\n")
        encoding = spec.get("encoding", "utf-8")
        data = text.encode(encoding)
        if spec.get("bom"):
            data = _BOMS[encoding] + data
        path.write_bytes(data + bytes.fromhex(spec.get("tail", "")))


_BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
}


def _write_repeated(handle: Any, piece: bytes, times: int) -> None:
    per_chunk = max(1, _CHUNK // max(len(piece), 1))
    while times > 0:
        count = min(times, per_chunk)
        handle.write(piece * count)
        times -= count


def arguments(case: dict[str, Any], folder: Path) -> list[str]:
    if "args" in case:
        return [str(arg) for arg in case["args"]]
    names = sorted(case.get("files", {}))
    rules = [n for n in names if n.endswith(".rules.yaml")]
    return rules or [n for n in names if n.endswith((".facts.yaml", ".facts.jsonl"))]


@dataclass(frozen=True)
class Outcome:
    exit: int
    stdout: str
    stderr: str
    seconds: float
    peak_bytes: int
    timed_out: bool
    changed: tuple[str, ...] = ()
    """Files of the case created, removed or modified by the run (check must only read)."""


def factlint_env() -> dict[str, str]:
    """The environment of each run: the factlint this interpreter imports, no colour."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    try:
        import factlint

        src = str(Path(factlint.__file__).resolve().parents[1])
    except ImportError:
        src = str(REPO / "src")
    env["PYTHONPATH"] = src
    env["NO_COLOR"] = "1"
    return env


# ``python -P -m factlint`` with the memory limit set first. -P keeps the working folder
# off sys.path (a case plants a yaml.py there); the limit is set in the child itself, as
# preexec_fn is unsafe while the tests run cases on several threads.
_BOOT = (
    "import resource, runpy, sys; "
    f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT})); "
    "resource.setrlimit(resource.RLIMIT_CORE, (0, 0)); "
    "runpy.run_module('factlint', run_name='__main__', alter_sys=True)"
)


def run(case: dict[str, Any], folder: Path) -> Outcome:
    """Run ``factlint check`` in ``folder`` under the memory limit; time and measure it."""
    subcommand = case.get("command", "check")
    command = [sys.executable, "-P", "-c", _BOOT, subcommand, *arguments(case, folder)]
    out_path, err_path = folder.parent / f"{folder.name}.out", folder.parent / f"{folder.name}.err"
    before = snapshot(folder)
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=folder,
            env=factlint_env(),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
        )
        status, usage, timed_out = _wait(process.pid, start + TIMEOUT)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return Outcome(
        exit=process.returncode,
        stdout=out_path.read_text(encoding="utf-8", errors="replace"),
        stderr=err_path.read_text(encoding="utf-8", errors="replace"),
        seconds=seconds,
        peak_bytes=usage.ru_maxrss * 1024,  # kilobytes on Linux
        timed_out=timed_out,
        changed=_differences(before, snapshot(folder)),
    )


def snapshot(folder: Path) -> dict[str, tuple[Any, ...]]:
    """Every entry under ``folder`` (symlinks not followed): kind, size, mtime, small contents."""
    entries: dict[str, tuple[Any, ...]] = {}
    for path in folder.rglob("*"):
        info = path.lstat()
        small = path.is_file() and not path.is_symlink() and info.st_size <= 1 << 16
        content = path.read_bytes() if small else None
        entries[str(path.relative_to(folder))] = (
            info.st_mode,
            info.st_size,
            info.st_mtime_ns,
            content,
        )
    return entries


def _differences(
    before: dict[str, tuple[Any, ...]], after: dict[str, tuple[Any, ...]]
) -> tuple[str, ...]:
    names = sorted(set(before) | set(after))
    return tuple(name for name in names if before.get(name) != after.get(name))


def _wait(pid: int, deadline: float) -> tuple[int, resource.struct_rusage, bool]:
    """wait4 the child (its own peak memory, unlike RUSAGE_CHILDREN); kill it at deadline."""
    delay = 0.001
    while True:
        reaped, status, usage = os.wait4(pid, os.WNOHANG)
        if reaped:
            return status, usage, False
        if time.perf_counter() > deadline:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            return status, usage, True
        time.sleep(delay)
        delay = min(delay * 2, 0.02)


def problems(case: dict[str, Any], outcome: Outcome, folder: Path) -> list[str]:
    """Everything wrong with an outcome, as readable lines (empty when the case passes)."""
    found: list[str] = []
    if outcome.timed_out:
        return [f"still running after {TIMEOUT:.0f} s"]
    if "Traceback" in outcome.stderr or "Traceback" in outcome.stdout:
        found.append("printed a traceback")
    expected_exit = case.get("exit", 2)
    if outcome.exit != expected_exit:
        found.append(f"exit {outcome.exit}, expected {expected_exit}")
    lines = outcome.stderr.splitlines()
    if expected_exit == 2:
        if len(lines) != 1:
            found.append(f"{len(lines)} lines on stderr, expected exactly one")
        line = lines[0] if lines else ""
        if "stderr" in case:
            expected = case["stderr"].replace("{dir}", str(folder.resolve()))
            if line != expected:
                found.append(f"stderr {line!r}\n   expected {expected!r}")
        elif case.get("stderr_has", "") not in line:
            found.append(f"stderr {line!r}\n   lacks {case['stderr_has']!r}")
        if not _is_located(line):
            found.append(f"stderr {line!r} is not 'path:line:col: message' or 'path: message'")
    elif "stderr_has" in case:
        if case["stderr_has"] not in outcome.stderr:
            found.append(f"stderr {outcome.stderr[:300]!r}\n   lacks {case['stderr_has']!r}")
    elif outcome.stderr:
        found.append(f"unexpected stderr {outcome.stderr[:300]!r}")
    for piece in case.get("stdout_has", []):
        if piece not in outcome.stdout:
            found.append(f"stdout lacks {piece!r}")
    expected_changes = case.get("changes", [])
    unexpected = [name for name in outcome.changed if name not in expected_changes]
    if unexpected:
        found.append(f"the run created, removed or changed {', '.join(unexpected)}")
    found += [
        f"the run left {name} as it was" for name in expected_changes if name not in outcome.changed
    ]
    found += _after(case, folder)
    if case.get("well_formed_xml"):
        try:
            ElementTree.fromstring(outcome.stdout.encode("utf-8"))
        except ElementTree.ParseError as error:
            found.append(f"the output is not well-formed XML: {error}")
    for piece in case.get("stdout_lacks", []):
        if piece in outcome.stdout:
            found.append(f"stdout contains {piece!r}")
    for piece in case.get("stderr_lacks", []):
        if piece in outcome.stderr:
            found.append(f"stderr contains {piece!r}")
    for name in case.get("absent", []):
        if (folder / name).exists():
            found.append(f"{name} exists: something in the input was executed")
    return found


def _after(case: dict[str, Any], folder: Path) -> list[str]:
    """What is wrong with the files the run wrote (``after_has``, ``after_loads``)."""
    found: list[str] = []
    for name, pieces in case.get("after_has", {}).items():
        data = (folder / name).read_bytes()
        encoding, skip = "utf-8", 0
        for codec, bom in _BOMS.items():
            if data.startswith(bom):
                encoding, skip = codec, len(bom)
                break
        decoded = data[skip:].decode(encoding, errors="replace")
        found += [f"{name} lacks {piece!r}" for piece in pieces if piece not in decoded]
    counts: dict[str, dict[str, int]] = case.get("after_mentions", {})
    for name in [*case.get("after_loads", []), *counts]:
        from factlint.errors import FactlintError
        from factlint.loading.facts_yaml import load_facts

        try:
            facts = load_facts(folder / name)
        except FactlintError as error:
            found.append(f"{name} no longer loads: {error}")
            continue
        for fact_id, count in counts.get(name, {}).items():
            fact = facts.facts.get(fact_id)
            got = len(fact.mentions) if fact is not None else 0
            if got != count:
                found.append(f"{name}: {fact_id} has {got} mentions, expected {count}")
    return found


def _is_located(line: str) -> bool:
    """``path:line:col: message`` or ``path: message``, with a non-empty message."""
    head, separator, message = line.partition(": ")
    if not separator or not message.strip() or not head:
        return False
    parts = head.split(":")
    if len(parts) == 1:
        return True
    return len(parts) in (2, 3) and all(part.isdigit() for part in parts[1:])
