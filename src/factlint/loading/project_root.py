"""The folder a rules file's ``facts:`` paths must stay inside: its project.

A rules file is often changed by a pull request whose CI log is public, so ``facts:`` must
not reach a file elsewhere on the machine (``/home/runner/.git-credentials``, ``../../..``,
a committed symlink). The project is the nearest folder at or above the rules file that
holds ``.git``, ``pyproject.toml`` or ``factlint.toml``; without one, the working directory
when the rules file is inside it, else the rules file's own folder.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

PROJECT_MARKERS = (".git", "pyproject.toml", "factlint.toml")


def project_root(rules_folder: Path) -> Path:
    """The resolved project folder of a rules file in ``rules_folder``."""
    return _root(rules_folder.resolve(), Path.cwd().resolve())


@lru_cache(maxsize=256)
def _root(folder: Path, cwd: Path) -> Path:
    for candidate in (folder, *folder.parents):
        if any(os.path.lexists(candidate / marker) for marker in PROJECT_MARKERS):
            return candidate
    return cwd if folder.is_relative_to(cwd) else folder
