"""``--format html``: the report's text with its figures marked, read as a person would:
parsed, and (when Chromium is installed) loaded in a headless browser."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlint
from factlint.loading.facts_yaml import facts_from_dict
from factlint.reporters.html import render_html
from factlint.reporters.html.places import SourceText
from headless import Browser, find_chromium

ROOT = Path(__file__).resolve().parents[1]


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def first_report_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "report.html"
    result = subprocess.run(
        [sys.executable, "-m", "factlint", "check", "--format", "html", "--output", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr  # the first report has an error
    assert "4 findings (1 error, 3 warnings)" in result.stdout  # the text report, as ever
    return out


def test_every_figure_is_marked_with_its_state(first_report_page: Path) -> None:
    page = _parse(first_report_page.read_text(encoding="utf-8"))
    marks = [a for tag, a in page.tags if tag == "mark" and "id" in a]
    assert len(marks) == 137  # every mention of the 64 facts, each once
    states = {a["id"]: a["class"].split()[1] for a in marks}
    assert set(states.values()) == {"consistent", "inconsistent", "not-checked"}
    titles = {a["title"]: a["class"].split()[1] for a in marks}
    assert titles["inconsistent: target_completion (完成目标任务的比例) = 185%"] == "inconsistent"
    assert any(t.startswith("consistent: six_new_share") for t in titles)
    assert any(t.startswith("not checked: ") for t in titles)


def test_findings_and_the_figures_they_cite_link_both_ways(first_report_page: Path) -> None:
    page = _parse(first_report_page.read_text(encoding="utf-8"))
    ids = {a["id"] for _, a in page.tags if "id" in a}
    links = [a["href"] for tag, a in page.tags if tag == "a" and "href" in a]
    assert links and all(href.startswith("#") and href[1:] in ids for href in links)
    to_findings = {h for h in links if h.startswith("#f")}
    to_figures = {h for h in links if h.startswith("#m")}
    assert to_findings == {"#f1", "#f2", "#f3", "#f4"}
    assert len(to_figures) >= 10


def test_a_finding_shows_its_arithmetic(first_report_page: Path) -> None:
    text = " ".join(_parse(first_report_page.read_text(encoding="utf-8")).text)
    for expected in (
        "427.3亿元 / 230亿元 = 185.78…%",
        "185% = [184.5%, 185.5%]",
        "[185.76…%, 185.80…%] (nearest rounding)",
        "would read",
        "186%",
    ):
        assert expected in text


def test_the_page_loads_nothing_from_anywhere(first_report_page: Path) -> None:
    page_text = first_report_page.read_text(encoding="utf-8")
    page = _parse(page_text)
    for tag, attributes in page.tags:
        assert "src" not in attributes, tag
        assert tag not in ("link", "iframe", "img", "object", "embed")
        assert attributes.get("href", "#").startswith("#")
    assert "url(" not in page_text and "@import" not in page_text
    policy = next(
        a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy.startswith("default-src 'none'")


def _hostile(tmp_path: Path) -> factlint.CheckResult:
    (tmp_path / "report.txt").write_text(
        "<script>alert(1)</script> 签约项目51项，其中六新项目39项，占比75.5%。\n", encoding="utf-8"
    )
    data = {
        "report": {"id": "x<script>alert(2)</script>", "source": "report.txt"},
        "facts": {
            "signed": {"value": "51项", "label": "<img src=x onerror=alert(3)>"},
            "six_new": {"value": "39项"},
            "share": {
                "value": "75.5%",
                "mentions": [{"quote": "占比75.5%", "line": 1, "section": "</pre><u>"}],
            },
        },
    }
    facts = facts_from_dict(data, base_dir=tmp_path)
    rules = [
        {
            "id": "six-new-share",
            "share": {"part": "six_new", "whole": "signed", "is": "share"},
            "message": "</li><script>alert(4)</script>",
        }
    ]
    return factlint.check(facts, rules), facts


@given(
    before=st.text(alphabet="签约项目，。 \n", max_size=12),
    gaps=st.lists(st.sampled_from(["", " ", "\n", " \n "]), min_size=6, max_size=6),
)
def test_a_figure_is_found_however_print_breaks_it(before: str, gaps: list[str]) -> None:
    figure = "427.3亿元"
    broken = "".join(c + g for c, g in zip(figure, [*gaps, ""], strict=True))
    source = f"{before}投资额{broken}，完成"
    line = source[: source.index("4")].count("\n") + 1
    span = SourceText.of(source).locate("投资额427.3亿元", figure, line)
    assert span is not None
    assert "".join(source[span[0] : span[1]].split()) == figure


def test_user_text_stays_text(tmp_path: Path) -> None:
    report, facts = _hostile(tmp_path)
    page = render_html(report, (facts,))
    assert page.count("<script") == 1  # the page's own
    assert "<img" not in page and "<u>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;/li&gt;&lt;script&gt;alert(4)&lt;/script&gt;" in page
    text = "".join(_parse(page).text)
    assert "<script>alert(1)</script>" in text and "x<script>alert(2)</script>" in text


# ---- in a real browser --------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is not installed: .ci/run installs it (apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    return found


_DOM_SUMMARY = """(() => {
  const byState = {};
  for (const mark of document.querySelectorAll("mark.fig[id]")) {
    const state = mark.classList[1];
    byState[state] = (byState[state] || 0) + 1;
  }
  const broken = [...document.querySelectorAll("a[href^='#']")]
    .filter(a => !document.getElementById(a.getAttribute("href").slice(1)))
    .map(a => a.getAttribute("href"));
  const symbols = [...document.querySelectorAll("mark.fig[id] .sym")].map(s => s.textContent);
  const error = document.querySelector("article.finding.sev-error");
  return {
    byState, broken, symbols: [...new Set(symbols)].sort(),
    findings: document.querySelectorAll("article.finding").length,
    shown: document.getElementById("shown").textContent,
    errorVisible: error.offsetParent !== null,
    errorCites: [...error.querySelectorAll("ul.cites a")].map(a => a.getAttribute("href")),
    lang: document.querySelector(".text").lang,
  };
})()"""


def test_the_first_report_in_a_browser(
    chromium: str, first_report_page: Path, tmp_path: Path
) -> None:
    with Browser(chromium) as browser:
        browser.open(first_report_page.as_uri())
        dom = browser.evaluate(_DOM_SUMMARY)
        assert dom["byState"] == {"consistent": 112, "inconsistent": 12, "not-checked": 13}
        assert dom["broken"] == []
        assert dom["symbols"] == ["○", "✓", "✗"]
        assert dom["findings"] == 4 and dom["shown"] == "4 of 4 findings shown"
        assert dom["errorVisible"] and len(dom["errorCites"]) == 6
        assert dom["lang"] == "zh"
        # a cited figure links back to the finding, which is where the link goes
        target = dom["errorCites"][0]
        back = browser.evaluate(
            f"[...document.querySelector('{target}').nextElementSibling.querySelectorAll('a')]"
            ".map(a => a.getAttribute('href'))"
        )
        assert "#f3" in back
        # the severity filter hides the error and counts what is left
        browser.evaluate("document.querySelector(\"input[data-toggle='hide-error']\").click()")
        after = browser.evaluate(_DOM_SUMMARY)
        assert not after["errorVisible"] and after["shown"] == "3 of 4 findings shown"
        browser.evaluate("document.querySelector(\"input[data-toggle='hide-error']\").click()")
        png = browser.screenshot(tmp_path / "first-report.png")
        assert png.startswith(b"\x89PNG") and len(png) > 20_000
        log = browser.log
    assert log.console_errors == [] and log.exceptions == []
    assert log.requests == [first_report_page.as_uri()]  # the page itself, nothing else


def test_hostile_text_in_a_browser(chromium: str, tmp_path: Path) -> None:
    report, facts = _hostile(tmp_path)
    page = tmp_path / "hostile.html"
    page.write_text(render_html(report, (facts,)), encoding="utf-8")
    with Browser(chromium) as browser:
        browser.open(page.as_uri())
        # innerText reflects layout, which a loaded machine may not have finished at the load
        # event: read it again until the report text is laid out (a bounded wait, not a timing).
        for _ in range(50):
            text = browser.evaluate("document.body.innerText")
            if "alert(1)" in text:
                break
            time.sleep(0.2)
        scripts = browser.evaluate("document.scripts.length")
        log = browser.log
    assert "<script>alert(1)</script>" in text and "</li><script>alert(4)</script>" in text
    assert scripts == 1
    assert log.dialogs == [] and log.exceptions == [] and log.console_errors == []
    assert log.requests == [page.as_uri()]


def test_scan_writes_a_page_for_a_text(chromium: str, tmp_path: Path) -> None:
    out = tmp_path / "scan.html"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "factlint",
            "scan",
            str(ROOT / "facts" / "jinzhong-2020.txt"),
            "--format",
            "html",
            "--output",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    with Browser(chromium) as browser:
        browser.open(out.as_uri())
        marks = browser.evaluate("document.querySelectorAll('mark.fig[id]').length")
        log = browser.log
    assert marks == 137
    assert log.console_errors == [] and log.exceptions == []
