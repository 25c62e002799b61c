"""factlint's version, for the CLI's ``--version`` and the reports that name their tool."""

__version__ = "0.1.0"
