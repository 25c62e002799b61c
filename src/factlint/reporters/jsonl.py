"""JSON Lines: one finding per line, the JSON format's finding object, for pipelines.

An empty report prints nothing, so ``wc -l`` counts findings.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from factlint.model import CheckResult
from factlint.reporters.escape import defuse_json
from factlint.reporters.json_format import finding_dict

if TYPE_CHECKING:
    from factlint.reporters.options import RenderOptions


def render(report: CheckResult, options: RenderOptions | None = None) -> str:
    return defuse_json(
        "".join(json.dumps(finding_dict(f), ensure_ascii=False) + "\n" for f in report.findings)
    )
