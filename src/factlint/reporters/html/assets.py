"""The page's style sheet and script, inlined: the page loads nothing from anywhere."""

from __future__ import annotations

import base64
import hashlib

STYLE = """
:root { --ok: #1a7f37; --bad: #cf222e; --unsure: #9a6700; --none: #6e7781; }
* { box-sizing: border-box; }
body { margin: 0; display: flex; flex-direction: column; height: 100vh;
  font: 15px/1.55 system-ui, "Noto Sans", "Noto Sans CJK SC", "DejaVu Sans",
  sans-serif; color: #1f2328; background: #fff; }
header { padding: 12px 20px; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
h1 { font-size: 20px; margin: 0 0 6px; } h2 { font-size: 16px; margin: 12px 0 6px; }
.counts span { margin-right: 14px; white-space: nowrap; }
fieldset { display: inline-block; border: 1px solid #d0d7de; margin: 6px 10px 0 0;
  padding: 4px 10px; } legend { font-size: 13px; color: #57606a; }
label { margin-right: 10px; white-space: nowrap; cursor: pointer; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr);
  flex: 1; min-height: 0; }
#text, #findings { overflow: auto; padding: 0 20px 40px; }
#findings { border-left: 1px solid #d0d7de; background: #fbfbfc; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.chunk { content-visibility: auto; contain-intrinsic-size: auto 2400px; }
.n { display: inline-block; width: 3.6em; color: #8c959f; user-select: none;
  font-variant-numeric: tabular-nums; }
.pg { display: block; color: #57606a; border-top: 1px dashed #d0d7de; margin-top: 8px;
  font-size: 12px; user-select: none; }
mark.fig { padding: 0 2px; border-radius: 3px; border-bottom: 2px solid; color: inherit; }
mark.consistent { background: #dafbe1; border-color: var(--ok); }
mark.inconsistent { background: #ffebe9; border-color: var(--bad); font-weight: 600; }
mark.cannot-check { background: #fff8c5; border-color: var(--unsure); }
mark.not-checked { background: #f6f8fa; border-color: var(--none); border-bottom-style: dotted; }
.sym { font-weight: 700; margin-right: 1px; }
.consistent .sym { color: var(--ok); } .inconsistent .sym { color: var(--bad); }
.cannot-check .sym { color: var(--unsure); } .not-checked .sym { color: var(--none); }
sup.cite a { margin-left: 2px; font-size: 11px; text-decoration: none; color: #0969da; }
:target { outline: 3px solid #0969da; outline-offset: 2px; }
article.finding { content-visibility: auto; contain-intrinsic-size: auto 180px;
  border: 1px solid #d0d7de; border-left: 5px solid var(--none); margin: 10px 0;
  padding: 8px 12px; background: #fff; border-radius: 4px; }
article.finding.inconsistent { border-left-color: var(--bad); }
article.finding.cannot-check { border-left-color: var(--unsure); }
.head { font-size: 14px; } .head .no { color: #57606a; margin-right: 6px; }
.sev { text-transform: uppercase; font-size: 11px; font-weight: 700; padding: 1px 5px;
  border-radius: 3px; border: 1px solid; margin: 0 4px; }
.sev.error { color: var(--bad); } .sev.warning { color: var(--unsure); }
.sev.info { color: var(--none); }
.msg { margin: 6px 0; }
dl.math { display: grid; grid-template-columns: max-content 1fr; gap: 1px 10px; margin: 6px 0;
  font-size: 13px; } dl.math dt { color: #57606a; } dl.math dd { margin: 0; }
ul.cites { margin: 6px 0 0; padding-left: 18px; font-size: 13px; }
.where { font-size: 12px; color: #57606a; margin-top: 4px; }
.shown { color: #57606a; font-size: 13px; }
body.hide-error .sev-error, body.hide-warning .sev-warning, body.hide-info .sev-info,
body.hide-inconsistent .st-inconsistent, body.hide-cannot-check .st-cannot-check
  { display: none; }
body.dim-consistent mark.consistent, body.dim-inconsistent mark.inconsistent,
body.dim-cannot-check mark.cannot-check, body.dim-not-checked mark.not-checked
  { background: none; border-bottom-color: transparent; font-weight: inherit; }
body.dim-consistent mark.consistent .sym, body.dim-inconsistent mark.inconsistent .sym,
body.dim-cannot-check mark.cannot-check .sym, body.dim-not-checked mark.not-checked .sym
  { display: none; }
@media (max-width: 900px) { body { display: block; height: auto; } main { display: block; }
  #findings { border: 0; } }
"""

# Filters toggle one class on <body>; the style sheet hides or dims what it names, so a
# click costs the same for ten findings or ten thousand.
SCRIPT = """
(function () {
  var body = document.body;
  var shown = document.getElementById("shown");
  // findings by "severity status", counted when the page was written: no need to look
  // at ten thousand elements to say how many are shown
  var counts = JSON.parse(shown.getAttribute("data-counts"));
  function count() {
    var visible = 0, total = 0;
    for (var key in counts) {
      var parts = key.split(" ");
      total += counts[key];
      if (!body.classList.contains("hide-" + parts[0]) &&
          !body.classList.contains("hide-" + parts[1])) {
        visible += counts[key];
      }
    }
    shown.textContent = visible + " of " + total + " findings shown";
  }
  // No inline handler (the policy allows this script only): the filters never submit.
  document.getElementById("filters").addEventListener("submit", function (event) {
    event.preventDefault();
  });
  var boxes = document.querySelectorAll("input[data-toggle]");
  for (var i = 0; i < boxes.length; i++) {
    boxes[i].addEventListener("change", function (event) {
      var box = event.target;
      body.classList.toggle(box.getAttribute("data-toggle"), !box.checked);
      count();
    });
  }
  count();
})();
"""


def script_hash() -> str:
    """The script's CSP source: only this script may run on the page."""
    digest = hashlib.sha256(SCRIPT.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
