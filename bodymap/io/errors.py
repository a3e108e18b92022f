"""Errors a user can cause with a file, each with a one-line message.

The message reads ``FILE:LINE:COLUMN: what is wrong; what to do`` (line and column when they
are known). The CLI prints it and exits with code 2; the app shows it in a dialog.
"""

from __future__ import annotations


class BodyMapError(Exception):
    """Base of the errors a user can cause; ``str()`` is the one-line message."""

    def __init__(
        self, path: str, reason: str, line: int | None = None, column: int | None = None
    ) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        self.column = column
        where = path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {reason}")


class RegionsError(BodyMapError):
    """``regions.yaml`` could not be read or is not valid."""


class SessionError(BodyMapError):
    """A session file could not be read, is corrupt, or could not be written."""


class ExportError(BodyMapError):
    """A PNG export could not be written."""


class UsageError(Exception):
    """A bad command-line argument (unknown region id, bad scale...)."""
