"""factlint's pytest plugin (work in progress)."""

from __future__ import annotations
