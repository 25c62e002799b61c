"""factlint's version, written here and nowhere else (``pyproject.toml`` reads it when the
package is built, so the installed metadata says the same)."""

from __future__ import annotations

__version__ = "0.1.0"
