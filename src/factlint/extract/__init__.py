"""From a report's text to facts and rules: ``factlint extract``, ``discover`` and ``scan``.

The pipeline, one module a step: ``text`` (searchable text with a map back to lines and
columns), ``figures_in_text`` (figure spans, read by ``factlint.numbers.figures``), ``sections``
(layout), ``labels`` (measure, kind, framing), ``linking`` (mentions into facts), ``ids``,
``pipeline`` (the steps together), ``writer`` and ``update`` (facts files), ``discover``
(relations and near misses).
"""

from __future__ import annotations

from factlint.extract.discover import Relation, discover
from factlint.extract.pipeline import ExtractedFact, Extraction, Found, extract_text

__all__ = ["ExtractedFact", "Extraction", "Found", "Relation", "discover", "extract_text"]
