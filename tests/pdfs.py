"""Real PDFs for the tests, written with reportlab (a test dependency).

Chinese text is set in reportlab's built-in ``STSong-Light`` (an Adobe CID font every PDF
reader knows), so no font file is needed; the text layer maps each glyph to Unicode as in
a published PDF.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest

FONT = "STSong-Light"
A4 = (595.0, 842.0)


def need(module: str) -> ModuleType:
    """Import ``module``; skip the test without it, except in CI (``CI=true``), where a
    missing optional dependency is a broken install and must fail."""
    if os.environ.get("CI") == "true":
        return importlib.import_module(module)
    return pytest.importorskip(module, reason=f"{module} is not installed")


def _canvas(path: Path, pagesize: tuple[float, float] = A4, **options: object):  # type: ignore[no-untyped-def]
    need("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(str(path), pagesize=pagesize, **options)


def lines_pdf(
    path: Path,
    lines: Sequence[str],
    *,
    size: float = 10,
    leading: float = 14,
    per_page: int | None = None,
    one_page: bool = False,
    **options: object,
) -> Path:
    """Each line of ``lines`` on its own printed line (a blank line leaves its space),
    top to bottom, on as many pages as they need: a page ends between paragraphs once it
    is nearly full, as a typesetter breaks pages. ``one_page``: one page as long as the
    text (a newspaper page, where no page break can hide a blank line)."""
    height = len(lines) * leading + 82 if one_page else A4[1]
    pdf = _canvas(path, (A4[0], height), **options)
    top, bottom = height - 42, 40
    y = top
    count = 0
    previous = previous_line = ""
    for line in lines:
        # a page ends at a blank line after a finished sentence once it is nearly full
        finished = previous.rstrip().endswith(("。", "！", "？", ".", "”"))
        full = not one_page and y < bottom + 25 * leading and not line.strip() and finished
        previous_line, previous = previous, line
        # past the foot of the page, break inside a paragraph (no blank line to lose)
        forced = (y < bottom and bool(line.strip()) and bool(previous_line.strip())) or y < 12
        if full or forced or (per_page is not None and count == per_page):
            pdf.showPage()
            y, count = top, 0
            if full:
                continue
        pdf.setFont(FONT, size)
        pdf.drawString(40, y, line)
        y -= leading
        count += 1
    pdf.save()
    return path


def layout_pdf(
    path: Path,
    *,
    headline: str,
    columns: Sequence[Sequence[str]],
    box: Sequence[str] = (),
    table: Sequence[Sequence[str]] = (),
) -> Path:
    """A newspaper-like page: a headline across the page, columns of text under it, a
    framed sidebar at the bottom right and a ruled table at the bottom left."""
    pdf = _canvas(path)
    pdf.setFont(FONT, 16)
    pdf.drawString(40, 790, headline)
    width = (A4[0] - 80 - 20 * (len(columns) - 1)) / len(columns)
    for index, column in enumerate(columns):
        x = 40 + index * (width + 20)
        y = 750
        for line in column:
            pdf.setFont(FONT, 10)
            pdf.drawString(x, y, line)
            y -= 14
    if box:
        pdf.rect(330, 120, 225, 18 * len(box) + 20, stroke=1, fill=0)
        y = 120 + 18 * len(box)
        for line in box:
            pdf.setFont(FONT, 10)
            pdf.drawString(340, y, line)
            y -= 18
    if table:
        row_height, column_width = 20, 80
        x0, y_top = 40, 300
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                x, y = x0 + c * column_width, y_top - r * row_height
                pdf.rect(x, y - row_height, column_width, row_height, stroke=1, fill=0)
                pdf.setFont(FONT, 10)
                pdf.drawString(x + 4, y - 14, cell)
    pdf.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """A scanned page: one image, no text."""
    need("PIL")
    from PIL import Image

    picture = path.with_suffix(".png")
    Image.new("RGB", (200, 100), "white").save(picture)
    pdf = _canvas(path)
    pdf.drawImage(str(picture), 100, 500, width=200, height=100)
    pdf.save()
    return path
