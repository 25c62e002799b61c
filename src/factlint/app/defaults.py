"""Where ``factlint check`` looks when it is given no paths."""

from __future__ import annotations

from pathlib import Path


def embedded_default() -> Path:
    """The first report's facts and rules, as shipped inside the installed package.

    In a source checkout (or an editable install) they are the project's own ``facts/``
    and ``rules/`` folders.
    """
    from importlib import resources  # only when no paths are given: it costs start-up

    packaged = Path(str(resources.files("factlint"))) / "default"
    if (packaged / "rules").is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3]
    if (checkout / "rules").is_dir() and (checkout / "facts").is_dir():
        return checkout
    raise FileNotFoundError("the embedded default report is missing from this installation")


def default_paths(cwd: Path | None = None) -> list[Path]:
    """The working directory's ``facts/`` and ``rules/`` when it has them, else the
    embedded default report."""
    here = cwd or Path.cwd()
    local = [here / name for name in ("facts", "rules") if (here / name).is_dir()]
    if (here / "rules").is_dir():
        return local
    root = embedded_default()
    return [root / "facts", root / "rules"]
