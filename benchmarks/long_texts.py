"""Long texts for the extraction benchmarks, built from real reports already in the repository.

``real_report()`` joins, in a fixed order, every text of the spent corpus sets
(``benchmarks/corpus/dev``, ``heldout``, ``heldout2``, ``heldout3``: excerpts of statistical
communiqués, government work reports, yearbook tables, news and parliamentary papers; their
sources are listed in ``benchmarks/corpus/SOURCES.md``), the annotated texts of
``tests/data/extract`` and the first report (``facts/jinzhong-2020.txt``): about 176 KB of
real text, in which no figure, label or table is repeated by construction. Doubled, it is a
long report whose chapters restate each other. The held-out set (``heldout4``) is never read.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPENT_SETS = ("dev", "heldout", "heldout2", "heldout3")


def corpus_texts() -> dict[str, str]:
    """Every text of the spent corpus sets, by ``set/name``."""
    return {
        f"{name}/{path.stem}": path.read_text(encoding="utf-8")
        for name in SPENT_SETS
        for path in sorted((HERE / "corpus" / name).glob("*.txt"))
    }


def first_report() -> str:
    return (ROOT / "facts" / "jinzhong-2020.txt").read_text(encoding="utf-8")


def annotated() -> str:
    """The annotated texts of ``tests/data/extract``, joined."""
    return "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/extract").glob("*.txt"))
    )


def real_report() -> str:
    """The spent corpus texts, the annotated texts and the first report, joined."""
    return "\n\n".join([*corpus_texts().values(), annotated(), first_report()])
