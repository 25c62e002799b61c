"""Settings for the whole suite.

Hypothesis fails an example that takes longer than its deadline (200 ms by default): a
wall-clock assertion, which the project does not have (a loaded CI machine would fail it).
Every property runs without one; where speed is the property, the test bounds the work
instead (``tests/work.py`` counts calls) and benchmarks/ measures the time.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("factlint", deadline=None)
settings.load_profile("factlint")
