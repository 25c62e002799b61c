"""Read a PDF's text layer: lines in reading order, each with its page and line on the page.

pdfplumber (the ``pdf`` extra: ``pip install 'factlint[pdf]'``) reads the file; it gives
every character with its box, the drawn rectangles and the tables it finds, which
``pdf_layout`` turns into lines. A PDF is untrusted input like any text: the file is read
within the text's size limit, the page count is bounded, and whatever the library raises on
a broken or encrypted file becomes a :class:`FactlintError` naming the file.

>>> is_pdf(Path("report.PDF"))
True
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from factlint.errors import FactlintError
from factlint.loading.pdf_layout import Box, Char, Line, Page, Table, page_lines
from factlint.loading.textfile import DEFAULT_MAX_BYTES, read_bytes
from factlint.records import dataclass

MAX_PAGES = 2000
_PARAGRAPH_ENDS = tuple("。！？!?.:：”’」』)）")
INSTALL_HINT = "reading a PDF needs the pdf extra: pip install 'factlint[pdf]'"
OCR_HINT = "no text layer; run OCR first (for example ocrmypdf) and check the OCR'd PDF"


def is_pdf(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


@dataclass(frozen=True)
class PdfText:
    """A PDF's text layer as plain text, one printed line per text line.

    ``places[n - 1]`` is ``(page, line on that page)`` of text line ``n`` (a blank line
    takes the place of the line before it); ``sidebars`` maps ``sidebar-N`` to the text
    lines of each boxed sidebar; ``tables`` lists the text lines of each table.
    """

    text: str
    places: tuple[tuple[int, int], ...]
    pages: int
    sidebars: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    tables: tuple[tuple[int, int], ...] = ()

    def place(self, line: int) -> tuple[int, int] | None:
        """``(page, line on the page)`` of text line ``line`` (1-based), None outside."""
        return self.places[line - 1] if 1 <= line <= len(self.places) else None


def read_pdf_text(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_BYTES,
    max_pages: int = MAX_PAGES,
) -> PdfText:
    """The text layer of the PDF at ``path``; a clear error for anything unreadable.

    ``max_bytes`` bounds the file, ``max_chars`` the text read from it (as for a text
    file), ``max_pages`` its pages.
    """
    where = str(path)
    data = read_bytes(path, max_bytes=max_bytes, what="PDF")
    key = (hashlib.sha256(data).digest(), max_chars, max_pages)
    cached = _recent.get(key)
    if cached is None:
        cached = _read(data, where, max_chars, max_pages)
        _recent.clear()  # one PDF kept: scan reads its report twice (extract, then check)
        _recent[key] = cached
    return cached


_recent: dict[tuple[bytes, int, int], PdfText] = {}


def _read(data: bytes, where: str, max_chars: int, max_pages: int) -> PdfText:
    if b"%PDF-" not in data[:1024]:
        raise FactlintError("is not a PDF (no %PDF- header)", where)
    pdfplumber = _library(where)
    pages: list[Page] = []
    images = 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pdfminer warns about every odd font
            with pdfplumber.open(io.BytesIO(data)) as document:
                if len(document.pages) > max_pages:
                    raise FactlintError(
                        f"has {len(document.pages)} pages, more than the limit of {max_pages}",
                        where,
                    )
                for number, page in enumerate(document.pages, start=1):
                    pages.append(_page(number, page))
                    images += len(page.images)
    except FactlintError:
        raise
    except Exception as error:  # a third-party parser on untrusted bytes: any failure
        raise FactlintError(_why_unreadable(error), where) from None
    if not pages:
        raise FactlintError("has no pages", where)
    if not any(page.chars for page in pages):
        raise FactlintError(OCR_HINT if images else "has no text", where)
    return compose(pages, max_chars=max_chars, where=where)


def compose(pages: list[Page], *, max_chars: int = DEFAULT_MAX_BYTES, where: str = "") -> PdfText:
    """The pages' running text, then every boxed sidebar, as one text with each line's
    place and the ranges of the sidebars and tables.

    Sidebars come after the running text of all pages so that the running text (headline,
    lead, body) stays one stretch of lines that the text's layout heuristics can split.
    """
    texts: list[str] = []
    places: list[tuple[int, int]] = []
    table_keys: list[tuple[int, int] | None] = []
    boxes: dict[tuple[int, int], list[tuple[str, tuple[int, int]]]] = {}
    size = 0
    bottoms = [max((c.bottom for c in page.chars), default=0.0) for page in pages]
    sizes = sorted(c.size for page in pages for c in page.chars[:200])
    line_height = 1.2 * sizes[len(sizes) // 2] if sizes else 0.0
    ended_early = False
    for index, page in enumerate(pages):
        on_page = 0
        if texts and texts[-1] and (texts[-1].endswith(_PARAGRAPH_ENDS) or ended_early):
            # a page break after a finished sentence, or on a page that stops short of
            # the others' last line, ends a block as a blank line does; a paragraph that
            # runs on to the next page stays one
            texts.append("")
            places.append(places[-1])
            table_keys.append(None)
        for line in _trimmed(page_lines(page)):
            on_page += bool(line.text)
            size += len(line.text) + 1
            place = (page.number, max(on_page, 1))
            if line.region == "box":
                boxes.setdefault((page.number, line.region_index), []).append((line.text, place))
            elif line.text or (texts and texts[-1]):
                texts.append(line.text)
                places.append(place)
                table = line.region == "table"
                table_keys.append((page.number, line.region_index) if table else None)
        if size > max_chars:
            raise FactlintError(f"has more than {max_chars} characters of text", where)
        ended_early = max(bottoms) - bottoms[index] >= line_height
    while texts and not texts[-1]:
        texts.pop()
        places.pop()
    tables = _runs(table_keys)
    sidebars: dict[str, tuple[int, int]] = {}
    for box in boxes.values():
        if texts:
            texts.append("")
            places.append(box[0][1])
        first = len(texts) + 1
        texts += [text for text, _ in box]
        places += [place for _, place in box]
        sidebars[f"sidebar-{len(sidebars) + 1}"] = (first, len(texts))
    return PdfText("\n".join(texts) + "\n", tuple(places), len(pages), sidebars, tables)


def _runs(keys: list[tuple[int, int] | None]) -> tuple[tuple[int, int], ...]:
    """The 1-based line ranges of consecutive equal keys that are not None."""
    runs: list[tuple[int, int]] = []
    for index, key in enumerate(keys, start=1):
        if key is None:
            continue
        if index > 1 and keys[index - 2] == key:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return tuple(runs)


def _trimmed(lines: list[Line]) -> list[Line]:
    start, end = 0, len(lines)
    while start < end and not lines[start].text:
        start += 1
    while end > start and not lines[end - 1].text:
        end -= 1
    return lines[start:end]


def _library(where: str) -> Any:
    try:
        import pdfplumber  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise FactlintError(INSTALL_HINT, where) from None
    return pdfplumber


def _page(number: int, page: Any) -> Page:
    chars = tuple(
        Char(str(c["text"]), float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]))
        for c in page.chars
        if c.get("upright", True)
    )
    rects = tuple(
        Box(float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"])) for r in page.rects
    )
    tables = tuple(
        Table(Box(*(float(v) for v in t.bbox)), tuple(tuple(c or "" for c in row) for row in rows))
        for t in page.find_tables()
        if (rows := t.extract()) and len(rows) > 1 and max(len(r) for r in rows) > 1
    )
    return Page(number, float(page.width), float(page.height), chars, rects, tables)


def _why_unreadable(error: Exception) -> str:
    # pdfplumber wraps pdfminer's errors: look at the wrapped one too
    causes = [error, *(a for a in error.args if isinstance(a, Exception))]
    names = " ".join(type(e).__name__ for e in causes)
    if "Password" in names or "Encrypt" in names:
        return "is encrypted; decrypt it first (for example qpdf --decrypt) and read that copy"
    detail = str(error).strip().splitlines()[0][:200] if str(error).strip() else names
    if isinstance(error, RecursionError):
        detail = "its objects are nested too deeply"
    return f"cannot read this PDF: it is damaged or not a PDF ({detail})"
