"""A report to extract from, as text: a plain text file, or the text layer of a PDF.

A PDF's boxed sidebars are sections already (``sidebar-1``, …); the running text before
them is split by the same layout heuristics as a text file.
"""

from __future__ import annotations

from pathlib import Path

from factlint.extract.sections import Section, detect_sections
from factlint.loading.pdf_text import PdfText, is_pdf, read_pdf_text
from factlint.loading.textfile import read_text
from factlint.records import dataclass


@dataclass(frozen=True)
class ReportSource:
    text: str
    sections: tuple[Section, ...] | None = None
    """The layout the file itself shows (a PDF's boxes), None to detect it from the text."""
    pdf: PdfText | None = None


def read_report(path: Path) -> ReportSource:
    if not is_pdf(path):
        return ReportSource(read_text(path, what="report text"))
    pdf = read_pdf_text(path)
    return ReportSource(pdf.text, pdf_sections(pdf), pdf)


def pdf_sections(pdf: PdfText) -> tuple[Section, ...] | None:
    """The sidebars the PDF draws, and the heuristics' sections for the text before them."""
    if not pdf.sidebars:
        return None
    first = min(start for start, _ in pdf.sidebars.values())
    running = "".join(pdf.text.splitlines(keepends=True)[: first - 1])
    boxes = (Section(name, start, end) for name, (start, end) in pdf.sidebars.items())
    return (*detect_sections(running), *boxes)
