"""A session: the marks a person drew, a note, and what they were drawn against.

Plain data; reading and writing ``*.bodymap.json`` lives in ``bodymap.io.session_file``.
Times are timezone-aware UTC datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bodymap import __version__
from bodymap.core.marks import Mark

if TYPE_CHECKING:
    from bodymap.core.layers import PainLayers


def now_utc() -> datetime:
    """The current time in UTC, to the second (what a session file stores)."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class Session:
    """The marks in drawing order, plus provenance.

    ``regions_version`` and ``regions_sha256`` identify the ``regions.yaml`` the marks were
    drawn against; ``app_version`` is the version that last wrote the session.

    ``pain``, when known, is the pain computed from exactly these marks (what a session file
    keeps so that loading it needs no refolding; see ``IntensityBands.layers`` and ``seed``).
    It is derived data: it takes no part in comparing sessions.
    """

    marks: list[Mark] = field(default_factory=list)
    note: str = ""
    created: datetime = field(default_factory=now_utc)
    modified: datetime = field(default_factory=now_utc)
    regions_version: int | None = None
    regions_sha256: str | None = None
    app_version: str = __version__
    pain: PainLayers | None = field(default=None, compare=False, repr=False)
