"""Errors a user can cause with a file, each with a one-line message.

The message reads ``FILE:LINE:COLUMN: what is wrong; what to do`` (line and column when they
are known). The CLI prints it and exits with code 2; the app shows it in a dialog.
"""

from __future__ import annotations


def one_line(text: str) -> str:
    """``text`` safe to print on one line: line breaks and other control characters as
    escapes (``\\n``), bytes of a file name that are not UTF-8 (kept by Python as lone
    surrogates) as ``\\xNN``. Printable text, accents included, is unchanged."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable():
            out.append(char)
        elif "\udc80" <= char <= "\udcff":  # os.fsdecode's stand-in for a byte
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        else:
            out.append(char.encode("unicode_escape").decode("ascii"))
    return "".join(out)


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
        super().__init__(one_line(f"{where}: {reason}"))


class RegionsError(BodyMapError):
    """``regions.yaml`` could not be read or is not valid."""


class SessionError(BodyMapError):
    """A session file could not be read, is corrupt, or could not be written."""


class ExportError(BodyMapError):
    """A PNG export could not be written."""


class UsageError(Exception):
    """A bad command-line argument (unknown region id, bad scale...)."""

    def __str__(self) -> str:
        return one_line(super().__str__())
