"""The core's fixed English words as the window shows them, in the interface's language.

The core returns ids and English for the command line (``"strong"``, ``"left"``, a quality's
``"Aching"``); the window looks each up here. The tables are marked with
``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` extracts them; an id missing here is shown as
the core gave it (``tests/test_translations.py`` checks every core id has an entry).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
        """Marks ``source`` for lupdate under ``context`` and returns it unchanged."""
        ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "Words"

STRENGTHS = {
    "strong": QT_TRANSLATE_NOOP("Words", "strong"),
    "moderate": QT_TRANSLATE_NOOP("Words", "moderate"),
    "weak": QT_TRANSLATE_NOOP("Words", "weak"),
}
SIDES = {
    "left": QT_TRANSLATE_NOOP("Words", "left"),
    "right": QT_TRANSLATE_NOOP("Words", "right"),
    "midline": QT_TRANSLATE_NOOP("Words", "midline"),
}
QUALITIES = {
    "aching": QT_TRANSLATE_NOOP("Words", "Aching"),
    "burning": QT_TRANSLATE_NOOP("Words", "Burning"),
    "stabbing": QT_TRANSLATE_NOOP("Words", "Stabbing, sharp"),
    "throbbing": QT_TRANSLATE_NOOP("Words", "Throbbing"),
    "cramping": QT_TRANSLATE_NOOP("Words", "Cramping"),
    "tingling": QT_TRANSLATE_NOOP("Words", "Tingling, pins and needles"),
    "numbness": QT_TRANSLATE_NOOP("Words", "Numbness"),
}
CHANGES = {  # the kinds of a difference map (bodymap.io.compare_render.KINDS)
    "new": QT_TRANSLATE_NOOP("Words", "New pain"),
    "resolved": QT_TRANSLATE_NOOP("Words", "Resolved (gone)"),
    "unchanged": QT_TRANSLATE_NOOP("Words", "Unchanged"),
}
TOOL_HINTS = {  # the status bar's line for each tool (bodymap.ui.body_view.Tool values)
    "region": QT_TRANSLATE_NOOP(
        "MainWindow",
        "Region: click a part of the body to mark it as painful; click again to unmark.",
    ),
    "brush": QT_TRANSLATE_NOOP(
        "MainWindow", "Brush (size {size}, intensity {intensity}): drag to paint where it hurts."
    ),
    "eraser": QT_TRANSLATE_NOOP(
        "MainWindow", "Eraser (size {size}): drag over painted pain to remove it."
    ),
}
NRS = {  # the three pain scores of a diary entry
    "now": QT_TRANSLATE_NOOP("Words", "now"),
    "usual": QT_TRANSLATE_NOOP("Words", "usual"),
    "worst": QT_TRANSLATE_NOOP("Words", "worst"),
}


REFUSALS = {  # why the drawing refused a mark (bodymap.core.marks.over_limits), by limit
    "marks": QT_TRANSLATE_NOOP("Words", "a map may hold at most {count} marks"),
    "points": QT_TRANSLATE_NOOP("Words", "a map may hold at most {count} stroke points in all"),
}


def refusal(why: str) -> str:
    """The core's reason for refusing a mark (English) in the interface's language."""
    from bodymap.core.marks import MAX_MARKS, MAX_TOTAL_POINTS

    for key, limit in (("marks", MAX_MARKS), ("points", MAX_TOTAL_POINTS)):
        if why == REFUSALS[key].format(count=limit):
            return QCoreApplication.translate("Words", REFUSALS[key]).format(count=limit)
    return why


def _look_up(table: dict[str, str], key: str) -> str:
    text = table.get(key)
    return QCoreApplication.translate(CONTEXT, text) if text is not None else key


def strength(word: str) -> str:
    """``"strong"``, ``"moderate"`` or ``"weak"`` (``bodymap.core.match_result``)."""
    return _look_up(STRENGTHS, word)


def side(word: str) -> str:
    """The patient's side: ``"left"``, ``"right"`` or ``"midline"``."""
    return _look_up(SIDES, word)


def sides(words: list[str]) -> str:
    """Two sides of one row (``"left and right"``), or one."""
    if len(words) == 2:
        return QCoreApplication.translate("Words", "{first} and {second}").format(
            first=side(words[0]), second=side(words[1])
        )
    return ", ".join(side(w) for w in words)


def quality(quality_id: str) -> str:
    """A pain quality's label (``bodymap.core.score.QUALITIES``)."""
    return _look_up(QUALITIES, quality_id)


def change(kind: str) -> str:
    """A kind of change on a difference map: ``"new"``, ``"resolved"``, ``"unchanged"``."""
    return _look_up(CHANGES, kind)


def nrs(key: str) -> str:
    """``"now"``, ``"usual"`` or ``"worst"``."""
    return _look_up(NRS, key)


def date_time(when: datetime.datetime, pattern: str = "d MMMM yyyy, HH:mm") -> str:
    """``when``'s wall-clock date and time as the interface's language writes it
    (``30 November 2026, 14:05``); ``pattern`` in Qt's date format."""
    moment = QDateTime(
        QDate(when.year, when.month, when.day), QTime(when.hour, when.minute, when.second)
    )
    return QLocale().toString(moment, pattern)
