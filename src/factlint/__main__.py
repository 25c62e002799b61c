"""``python -m factlint`` runs the command line."""

from factlint.app.cli import entry

entry()
