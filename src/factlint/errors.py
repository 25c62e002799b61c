"""The one error type that escapes factlint's loaders and parsers.

Only broken inputs raise; findings about the report are values, never exceptions.
"""

from __future__ import annotations


class FactlintError(Exception):
    """A broken input, located as precisely as it can be.

    ``str(error)`` is the line a user sees: ``path:line:col: message`` (parts that are not
    known are left out). Lines and columns are 1-based.

    >>> str(FactlintError("unknown rule kind 'summ'", "rules/a.rules.yaml", 12, 5))
    "rules/a.rules.yaml:12:5: unknown rule kind 'summ'"
    """

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def located(
        self, path: str, line: int | None = None, column: int | None = None
    ) -> FactlintError:
        """The same error, stamped with where it is when the raiser did not know."""
        return FactlintError(
            self.message,
            self.path or path,
            self.line if self.line is not None else line,
            self.column if self.column is not None else column,
        )

    def __str__(self) -> str:
        where = [str(part) for part in (self.path, self.line, self.column) if part is not None]
        return ":".join([*where, " " + self.message]) if where else self.message
