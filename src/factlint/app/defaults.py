"""Where ``factlint check`` looks when it is given no paths, and the bundled example report."""

from __future__ import annotations

from pathlib import Path

from factlint.errors import FactlintError


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


def default_paths(cwd: Path | None = None, config_file: Path | None = None) -> list[Path]:
    """The working directory's ``facts/`` and ``rules/`` folders, those of them that exist.

    With neither, there is nothing to check: the error says what was looked for and where,
    and how to check the bundled example on purpose (``--example``). The example is never
    checked silently: annotations pointing into site-packages help no one.
    """
    here = cwd or Path.cwd()
    local = [here / name for name in ("facts", "rules") if (here / name).is_dir()]
    if local:
        return local
    where = (
        f"{config_file} sets no 'paths'"
        if config_file is not None
        else f"no factlint.toml or pyproject.toml with [tool.factlint] in {here} or above"
    )
    raise FactlintError(
        f"nothing to check: no paths given, {where}, and no facts/ or rules/ folder in "
        f"{here}. Name the files or folders (factlint check reports/), set 'paths' in "
        "[tool.factlint], or run 'factlint check --example' for the bundled example report"
    )
