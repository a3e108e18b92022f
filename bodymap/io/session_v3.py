"""Session format version 3 (the version written): version 2's marks and kept pain, plus what
a diary entry records: the pain score (``nrs``), symptom and danger-sign answers
(``answers``), the entry's ``date`` with the UTC offset of the zone it was made in, and a
pain ``quality`` per paint mark (``docs/session-format.md``)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from bodymap.core.anatomy import Anatomy
from bodymap.core.layers import PainLayers
from bodymap.core.marks import Mark, Stroke
from bodymap.core.score import NRS_FIELDS, QUALITIES, PainScore
from bodymap.core.session import Session
from bodymap.io import session_v2
from bodymap.io.session_marks import Fail, aware_time

VERSION = 3
MAX_ANSWERS = 500
ANSWER_ID = re.compile(r"[a-z0-9][a-z0-9_.\-]{0,63}")


# --- writing ------------------------------------------------------------------------------


def write(session: Session) -> dict[str, Any]:
    """The version's part of the document: ``date``, ``nrs``, ``answers``, then the marks
    (and kept pain) as version 2 writes them."""
    part: dict[str, Any] = {
        "date": session.date.isoformat() if session.date is not None else None,
        "nrs": session.score.as_dict(),
        "answers": dict(sorted(session.answers.items())),
    }
    part.update(session_v2.write(session))
    for mark, item in zip(session.marks, part["marks"], strict=True):
        if mark.quality is not None:
            item["quality"] = mark.quality
    return part


# --- reading ------------------------------------------------------------------------------


def read(doc: dict[str, Any], anatomy: Anatomy, fail: Fail) -> tuple[list[Mark], PainLayers | None]:
    """The marks and kept pain, as in version 2, each mark with its pain ``quality`` (an id
    of ``QUALITIES``, or none). Raises what ``fail`` makes."""
    marks, layers = session_v2.read(doc, anatomy, fail)
    for i, item in enumerate(doc["marks"]):
        quality = item.get("quality")
        if quality is None:
            continue
        if not isinstance(quality, str) or quality not in QUALITIES:
            raise fail(f"marks[{i}].quality", f"must be one of {', '.join(QUALITIES)}")
        mark = marks[i]
        if isinstance(mark, Stroke) and mark.erase:
            raise fail(f"marks[{i}].quality", "an erasure has no pain quality")
        # The marks were made just now by the reader: no one else holds them yet.
        object.__setattr__(mark, "quality", quality)
    return marks, layers


def read_entry(
    doc: dict[str, Any], fail: Fail
) -> tuple[PainScore, dict[str, bool], datetime | None]:
    """The score, answers and date of a version 3 document (each may be absent: no score,
    no answers, no date). Raises what ``fail`` makes for a wrong type or value."""
    raw = doc.get("nrs")
    if raw is None:
        score = PainScore()
    elif not isinstance(raw, dict):
        raise fail("nrs", "must be an object with now, usual and worst")
    else:
        values: list[int | None] = []
        for key in NRS_FIELDS:
            value = raw.get(key)
            if value is not None and (
                type(value) is not int or not 0 <= value <= 10  # bool is not int here
            ):
                raise fail(f"nrs.{key}", "must be a whole number from 0 to 10, or null")
            values.append(value)
        score = PainScore(*values)
    answers = doc.get("answers", {})
    if not isinstance(answers, dict):
        raise fail("answers", "must be an object of answer ids to true or false")
    if len(answers) > MAX_ANSWERS:
        raise fail("answers", f"more than {MAX_ANSWERS} answers")
    for key, value in answers.items():
        if not ANSWER_ID.fullmatch(key):
            raise fail(f"answers.{key[:40]}", "an answer id is lower-case letters, digits, _ . -")
        if type(value) is not bool:
            raise fail(f"answers.{key}", "must be true or false")
    date: datetime | None = None
    raw_date = doc.get("date")
    if raw_date is not None:
        date = aware_time(raw_date)
        if date is None:
            raise fail("date", "must be an ISO 8601 date and time with a time zone, or null")
    return score, dict(answers), date
