"""Reading a PDF's text layer: real PDFs written in the test, read back as text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.errors import FactlintError
from factlint.extract.pipeline import Extraction, extract_text
from factlint.extract.report_source import read_report
from factlint.extract.text import is_wide
from factlint.loading.facts_yaml import load_facts
from factlint.loading.pdf_layout import Char, Page, join_spaced, page_lines
from factlint.loading.pdf_text import OCR_HINT, read_pdf_text
from pdfs import image_only_pdf, layout_pdf, lines_pdf, need

ROOT = Path(__file__).resolve().parents[1]
FIRST_REPORT = ROOT / "facts" / "jinzhong-2020.txt"


# ---- the layout, from characters alone ----------------------------------------------


def _chars(text: str, x: float, top: float, size: float = 10, gap: float = 0) -> list[Char]:
    out = []
    for char in text:
        width = size if ord(char) > 0x2E80 else size / 2
        out.append(Char(char, x, top, x + width, top + size))
        x += width + gap
    return out


def test_spaced_out_cjk_and_letter_spaced_digits_are_joined() -> None:
    assert join_spaced("投 资 额 427.3 亿元") == "投资额427.3亿元"
    assert join_spaced("增长 2 0 . 5 %") == "增长20.5%"
    assert join_spaced("5 million and 3 units") == "5 million and 3 units"


_PRINTED = st.text(alphabet="投资额亿元占比 0123456789.%,abc", max_size=40)


@settings(max_examples=500)
@given(_PRINTED)
def test_joining_only_drops_spaces(text: str) -> None:
    joined = join_spaced(text)
    assert joined.replace(" ", "") == text.replace(" ", "")
    for index, char in enumerate(joined):
        if char == " ":  # what is left stands between two narrow characters
            assert 0 < index < len(joined) - 1
            assert not is_wide(joined[index - 1]) and not is_wide(joined[index + 1])
    assert join_spaced(joined) == joined


def test_characters_set_wide_apart_are_joined() -> None:
    # justified CJK: every character a full size apart, no space characters at all
    page = Page(1, 600, 800, tuple(_chars("投资额427.3亿元", 40, 100, gap=8)))
    assert [line.text for line in page_lines(page)] == ["投资额427.3亿元"]


def test_two_columns_are_read_one_after_the_other() -> None:
    chars = _chars("示范区晋中开发区2020年经济答卷", 40, 40, size=16)
    for row in range(6):
        chars += _chars(f"左栏第{row}行文字", 40, 100 + 14 * row)
        chars += _chars(f"右栏第{row}行文字", 320, 100 + 14 * row)
    lines = [line.text for line in page_lines(Page(1, 600, 800, tuple(chars)))]
    assert lines[0] == "示范区晋中开发区2020年经济答卷"
    texts = [t for t in lines[1:] if t]
    assert texts == [f"左栏第{r}行文字" for r in range(6)] + [f"右栏第{r}行文字" for r in range(6)]


def test_vertical_space_becomes_blank_lines() -> None:
    chars = _chars("第一段", 40, 100) + _chars("接着", 40, 114) + _chars("第二段", 40, 142)
    lines = [line.text for line in page_lines(Page(1, 600, 800, tuple(chars)))]
    assert lines == ["第一段", "接着", "", "第二段"]


# ---- real PDFs ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def first_report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first report's text set on A4 pages."""
    need("pdfplumber")
    folder = tmp_path_factory.mktemp("first-report")
    lines = FIRST_REPORT.read_text(encoding="utf-8").split("\n")
    return lines_pdf(folder / "jinzhong-2020.pdf", lines)


def test_the_first_reports_figures_round_trip_through_a_pdf(tmp_path: Path) -> None:
    need("pdfplumber")
    text = FIRST_REPORT.read_text(encoding="utf-8")
    path = lines_pdf(tmp_path / "page.pdf", text.split("\n"), one_page=True)
    pdf = read_pdf_text(path)
    # the PDF's text is the text, less the spaces next to CJK characters and the blank
    # lines before the first line and after the last
    expected = [join_spaced(line) for line in text.strip("\n").split("\n")]
    assert pdf.text.splitlines() == expected
    from_pdf, from_text = extract_text(pdf.text), extract_text(text)
    assert len(from_text.facts) == 64
    assert _facts(from_pdf) == _facts(from_text)
    # each figure on the same line (less the first, blank, line)
    assert [m.line + 1 for m in from_pdf.found] == [m.line for m in from_text.found]


def test_the_first_report_on_a4_pages_gives_the_same_facts(first_report_pdf: Path) -> None:
    pdf = read_pdf_text(first_report_pdf)
    assert pdf.pages == 10
    from_text = extract_text(FIRST_REPORT.read_text(encoding="utf-8"))
    assert _facts(extract_text(pdf.text)) == _facts(from_text)


def _facts(extraction: Extraction) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.id, f.value, tuple(m.context.label for m in f.mentions)) for f in extraction.facts]


def test_each_line_knows_its_page_and_its_line_on_the_page(first_report_pdf: Path) -> None:
    pdf = read_pdf_text(first_report_pdf)
    lines = pdf.text.splitlines()
    number = next(i for i, t in enumerate(lines, start=1) if "427.3亿元" in t)
    page, on_page = pdf.place(number)  # type: ignore[misc]
    pdfplumber = need("pdfplumber")
    with pdfplumber.open(first_report_pdf) as document:
        printed = "".join(document.pages[page - 1].extract_text().split())
    assert "".join(lines[number - 1].split()) in printed
    # the page's own lines, counted as a reader counts them (blank lines are not lines)
    page_text = [lines[i - 1] for i in range(1, len(lines) + 1) if pdf.places[i - 1][0] == page]
    assert [t for t in page_text if t].index(lines[number - 1]) + 1 == on_page


def test_columns_sidebars_and_tables(tmp_path: Path) -> None:
    need("pdfplumber")
    column = ["全年签约项目51项，", "投 资 额 427.3亿元，", "完成230亿元目标任务的185%。"]
    path = layout_pdf(
        tmp_path / "page.pdf",
        headline="示范区晋中开发区2020年“经济答卷”",
        columns=[column * 2, ["固定资产投资累计", "完成162.24亿元，同比增长", "10.6%。"] * 2],
        box=["数看晋中开发区", "新签约项目51项", "投资额427.3亿元"],
        table=[["指标", "2019年", "2020年"], ["签约项目", "40项", "51项"]],
    )
    pdf = read_pdf_text(path)
    lines = pdf.text.split("\n")
    assert lines[0] == "示范区晋中开发区2020年“经济答卷”"
    body = [t for t in lines[1:] if t]
    assert body[:6] == [c.replace(" ", "") for c in column * 2]  # left column first
    assert body[6] == "固定资产投资累计"
    # the table as whitespace-aligned rows, cells padded to their column's width
    first, last = pdf.tables[0]
    assert lines[first - 1 : last] == ["指标      2019年  2020年", "签约项目  40项    51项"]
    # the framed box: a sidebar section of its own, after the running text
    assert pdf.sidebars == {"sidebar-1": (len(lines) - 3, len(lines) - 1)}
    assert lines[-4:-1] == ["数看晋中开发区", "新签约项目51项", "投资额427.3亿元"]
    source = read_report(path)
    assert source.sections is not None
    assert [s.name for s in source.sections][-1] == "sidebar-1"
    extraction = extract_text(source.text, source.sections)
    signed = next(f for f in extraction.facts if f.value == "427.3亿元")
    assert {m.section for m in signed.mentions} == {"body", "sidebar-1"}


def test_a_pdf_table_is_text_the_table_reader_reads(tmp_path: Path) -> None:
    need("pdfplumber")
    reading = pytest.importorskip(
        "factlint.extract.tables.reading", reason="the table reader (extract/tables) is absent"
    )
    rows = [
        ["指标", "2019年", "2020年", "增长"],
        ["签约项目(项)", "40", "51", "27.5%"],
        ["投资额(亿元)", "300", "427.3", "42.4%"],
        ["六新项目(项)", "30", "39", "30.0%"],
    ]
    path = layout_pdf(tmp_path / "t.pdf", headline="主要指标", columns=[["正文。"]], table=rows)
    (table,) = reading.read_tables(read_pdf_text(path).text)
    assert [c.header for c in table.columns] == rows[0][1:]
    assert [(r.label, [c.figure.text for c in r.cells if c]) for r in table.rows] == [
        (row[0], row[1:]) for row in rows[1:]
    ]


def test_a_facts_file_may_name_a_pdf_as_its_source(first_report_pdf: Path) -> None:
    folder = first_report_pdf.parent
    facts = folder / "jinzhong-2020.facts.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "factlint", "extract", str(first_report_pdf), "-o", str(facts)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert 'source: "jinzhong-2020.pdf"' in facts.read_text(encoding="utf-8")
    loaded = load_facts(facts)
    assert loaded.report.source_places  # read from the PDF
    # a quote edited away from the text is found missing, at its page and line
    text = facts.read_text(encoding="utf-8").replace("投资额427.3亿元", "投资额472.3亿元", 1)
    facts.write_text(text.replace("427.3亿元", "472.3亿元", 1), encoding="utf-8")
    check = subprocess.run(
        [sys.executable, "-m", "factlint", "check", str(facts), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 1, check.stderr
    assert '"rule": "quote-in-source"' in check.stdout
    number = next(
        i for i, t in enumerate(loaded.report.source_text.split("\n"), 1) if "427.3亿元" in t
    )  # type: ignore[union-attr]
    page, on_page = loaded.report.source_places[number - 1]
    assert f'"page": {page}, "page_line": {on_page}' in check.stdout
    plain = subprocess.run(
        [sys.executable, "-m", "factlint", "check", str(facts)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert f"jinzhong-2020.pdf:{number} (page {page}, line {on_page})" in plain.stdout


def test_scan_reads_a_pdf(first_report_pdf: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "factlint", "scan", str(first_report_pdf), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert '"reports": ["jinzhong-2020"]' in result.stdout


def test_the_html_page_of_a_pdf_shows_its_pages(first_report_pdf: Path, tmp_path: Path) -> None:
    page = tmp_path / "scan.html"
    command = ["scan", str(first_report_pdf), "--format", "html", "--output", str(page)]
    result = subprocess.run(
        [sys.executable, "-m", "factlint", *command],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    html = page.read_text(encoding="utf-8")
    assert all(f'<span class="pg" id="r0-p{n}">page {n}</span>' in html for n in range(1, 11))
    assert html.count('<mark class="fig') >= 137  # every mention (some broken across lines)
    assert " · " in result.stdout.splitlines()[-1]  # the text report's summary, as ever


# ---- what is not a readable PDF -------------------------------------------------------


def _error(path: Path) -> str:
    with pytest.raises(FactlintError) as caught:
        read_pdf_text(path)
    return str(caught.value)


def test_an_encrypted_pdf_is_a_clear_error(tmp_path: Path) -> None:
    need("pdfplumber")
    path = lines_pdf(tmp_path / "locked.pdf", ["加密 12%"], encrypt="secret")
    assert _error(path) == (
        f"{path}: is encrypted; decrypt it first (for example qpdf --decrypt) and read that copy"
    )


def test_an_image_only_pdf_asks_for_ocr(tmp_path: Path) -> None:
    need("pdfplumber")
    path = image_only_pdf(tmp_path / "scan.pdf")
    assert _error(path) == f"{path}: {OCR_HINT}"


def test_a_broken_pdf_is_a_clear_error(tmp_path: Path, first_report_pdf: Path) -> None:
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(first_report_pdf.read_bytes()[:3000])
    assert _error(cut).startswith(f"{cut}: cannot read this PDF: it is damaged")
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert "cannot read this PDF" in _error(garbage) or "has no" in _error(garbage)
    text = tmp_path / "renamed.pdf"
    text.write_text("not a pdf at all", encoding="utf-8")
    assert _error(text) == f"{text}: is not a PDF (no %PDF- header)"


def test_size_and_page_limits(tmp_path: Path) -> None:
    need("pdfplumber")
    path = lines_pdf(tmp_path / "long.pdf", [f"第{n}页 12%" for n in range(5)], per_page=1)
    with pytest.raises(FactlintError, match="has 5 pages, more than the limit of 4"):
        read_pdf_text(path, max_pages=4)
    with pytest.raises(FactlintError, match="more than the limit of 100 bytes for a PDF"):
        read_pdf_text(path, max_bytes=100)
    with pytest.raises(FactlintError, match="more than 10 characters of text"):
        read_pdf_text(path, max_chars=10)


def test_the_cli_says_so_without_a_traceback(tmp_path: Path) -> None:
    need("pdfplumber")
    path = image_only_pdf(tmp_path / "scan.pdf")
    for command in ("extract", "scan"):
        result = subprocess.run(
            [sys.executable, "-m", "factlint", command, str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 2
        assert result.stderr.strip() == f"{path}: {OCR_HINT}"


def test_without_the_pdf_extra_the_message_says_how_to_install_it(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    blocked = (
        "import sys; sys.modules['pdfplumber'] = None; "
        "from factlint.app.cli import main; sys.exit(main(['extract', sys.argv[1]]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", blocked, str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"{path}: reading a PDF needs the pdf extra: pip install 'factlint[pdf]'"
    )
