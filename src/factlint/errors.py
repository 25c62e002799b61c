"""The one error type that escapes factlint's loaders and parsers.

Only broken inputs raise; findings about the report are values, never exceptions.
"""

from __future__ import annotations

from factlint.clip import one_line


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
        # A path may hold a line break or ESC (a file name found in a folder): escaped.
        where = [
            one_line(str(part)) for part in (self.path, self.line, self.column) if part is not None
        ]
        return ":".join([*where, " " + self.message]) if where else self.message


MAX_PROBLEMS = 50
"""How many problems one broken file reports at most."""


class FactlintErrors(FactlintError):
    """Several broken inputs found in one run, sorted by where they are (a linter reports
    every mistake at once). ``str()`` is one ``path:line:col: message`` line per problem;
    ``path``, ``line`` and ``column`` are the first one's, and ``message`` is the rest of
    the text after that first location, so the error survives being rebuilt from those
    four fields (as worker processes do).

    >>> b, a = FactlintError("b", "x.yaml", 9, 1), FactlintError("a", "x.yaml", 2, 5)
    >>> print(FactlintErrors([b, a]))
    x.yaml:2:5: a
    x.yaml:9:1: b
    """

    def __init__(self, errors: list[FactlintError], more: int = 0) -> None:
        ordered = sorted(errors, key=_position)
        first = ordered[0]
        lines = [str(error) for error in ordered[1:]]
        if more:
            lines.append(f"… and more problems: only the first {len(ordered)} are shown")
        super().__init__("\n".join([first.message, *lines]), first.path, first.line, first.column)
        self.errors = tuple(ordered)


def _position(error: FactlintError) -> tuple[str, int, int]:
    return (error.path or "", error.line or 0, error.column or 0)


class Problems:
    """Collects the problems of one file, to report them all: a loader ``add``s each
    error and goes on with the next fact or rule; ``raise_if_any`` raises them together
    (one error as itself)."""

    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        self.limit = limit
        self.found: list[FactlintError] = []
        self.more = 0

    def add(self, error: FactlintError) -> None:
        parts = error.errors if isinstance(error, FactlintErrors) else (error,)
        for part in parts:
            if len(self.found) < self.limit:
                self.found.append(part)
            else:
                self.more += 1

    def raise_if_any(self) -> None:
        if len(self.found) == 1 and not self.more:
            raise self.found[0]
        if self.found:
            raise FactlintErrors(self.found, self.more)
