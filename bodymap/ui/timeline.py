"""The diary's timeline: pain score, pain extent and the best pattern's score over days.

The chart is laid out and painted by ``bodymap.io.report_timeline`` (the PDF report draws the
same one): two panels sharing the time axis, the NRS with the band from usual to worst pain,
then the pain extent and the best pattern's score. Clicking a point emits
``entry_activated`` with the entry's file name.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.core.diary import EntrySummary, last_days
from bodymap.io import palette
from bodymap.io.report_timeline import ChartPoint, TimelineChart
from bodymap.ui import words

HIT_RADIUS = 10.0  # pixels


def describe(entry: EntrySummary) -> str:
    """The entry's date in this computer's zone, with the entry's own zone when it differs,
    and its measures, for a tooltip."""
    assert entry.date is not None
    translate = QtCore.QCoreApplication.translate
    local = entry.date.astimezone()
    text = words.date_time(local, "ddd dd MMM yyyy, HH:mm")
    if local.utcoffset() != entry.date.utcoffset():
        text += " " + translate("Timeline", "(made at {time} UTC{offset})").format(
            time=f"{entry.date:%H:%M}", offset=f"{entry.date:%z}"
        )
    s = entry.score
    if not s.is_empty():
        parts = [f"{words.nrs(k)} {v}"
                 for k, v in (("now", s.now), ("usual", s.usual), ("worst", s.worst))
                 if v is not None]  # fmt: skip
        text += "\n" + translate("Timeline", "Pain score: {scores}").format(scores=", ".join(parts))
    if entry.measured:  # else not known yet (being measured)
        text += "\n" + translate("Timeline", "Pain extent: {extent}% of the body").format(
            extent=f"{entry.extent_pct:.1f}"
        )
    if entry.top is not None:
        text += "\n" + translate("Timeline", "Best pattern score: {score}").format(
            score=f"{entry.top.score:.2f}"
        )
    return text


class Timeline(QtWidgets.QWidget):
    """The timeline of a diary's readable entries over a range of days."""

    entry_activated = QtCore.Signal(str)  # file name of the entry clicked

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[EntrySummary] = []
        self._days: int | None = 30
        self._now: datetime | None = None  # fixed "now" (tests); None: the clock
        self._current: str | None = None  # the entry open in the window, ringed
        self._chart: TimelineChart | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(250, 220)  # fits a narrow dock
        self.setAccessibleName(self.tr("Diary timeline"))

    def set_entries(self, entries: list[EntrySummary], now: datetime | None = None) -> None:
        self._entries = [e for e in entries if e.date is not None]
        self._now = now
        self._invalidate()

    def set_current(self, name: str | None) -> None:
        """Ring the entry ``name`` (the one open in the window); None for none."""
        if name != self._current:
            self._current = name
            self.update()

    def current(self) -> str | None:
        return self._current

    def set_range(self, days: int | None) -> None:
        """Show the last ``days`` days (None: every entry)."""
        self._days = days
        self._invalidate()

    def range_days(self) -> int | None:
        return self._days

    def shown(self) -> list[EntrySummary]:
        now = self._now or datetime.now().astimezone()
        return last_days(self._entries, self._days, now)

    def point_of(self, name: str) -> QtCore.QPointF | None:
        """Where the entry ``name`` is drawn (its NRS point, else its extent point)."""
        for p in self._layout():
            if p.name == name:
                return p.nrs or p.extent
        return None

    def _invalidate(self) -> None:
        self._chart = None
        self.update()

    # -- layout ----------------------------------------------------------------------------

    def _span(self, shown: list[EntrySummary]) -> tuple[datetime, datetime]:
        now = self._now or datetime.now().astimezone()
        dates = [e.date for e in shown if e.date is not None]
        if self._days is not None:
            return now - timedelta(days=self._days), now
        if not dates:
            return now - timedelta(days=7), now
        start, end = min(dates), max(dates)
        pad = max(timedelta(hours=12), (end - start) * 0.03)
        return start - pad, end + pad

    def chart(self) -> TimelineChart:
        """The chart at the widget's size (laid out again after a resize or new entries)."""
        if self._chart is None or self._chart.rect != QtCore.QRectF(self.rect()):
            shown = self.shown()
            start, end = self._span(shown)
            titles = (
                self.tr("Pain score (NRS 0-10): ● now, bar from usual to worst"),
                self.tr("■ pain extent (% of body)   ▲ best pattern score (0-1)"),
            )
            self._chart = TimelineChart(
                shown, start, end, QtCore.QRectF(self.rect()), titles=titles,
                date_text=lambda when: words.date_time(when, "dd MMM yyyy"),
            )  # fmt: skip
        return self._chart

    def _layout(self) -> list[ChartPoint]:
        return self.chart().points

    def hit(self, pos: QtCore.QPointF) -> str | None:
        """The entry whose point is nearest ``pos`` within ``HIT_RADIUS`` pixels."""
        best, name = HIT_RADIUS, None
        for p in self._layout():
            for q in (p.nrs, p.extent, p.score):
                if q is not None:
                    d = math.hypot(q.x() - pos.x(), q.y() - pos.y())
                    if d <= best:
                        best, name = d, p.name
        return name

    # -- events ----------------------------------------------------------------------------

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        self._invalidate()
        super().resizeEvent(event)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        if event.button() == QtCore.Qt.MouseButton.LeftButton:
            name = self.hit(event.position())
            if name is not None:
                self.entry_activated.emit(name)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        name = self.hit(event.position())
        entry = next((p.entry for p in self._layout() if p.name == name), None)
        if entry is None:
            QtWidgets.QToolTip.hideText()
            self.unsetCursor()
        else:
            self.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)
            QtWidgets.QToolTip.showText(event.globalPosition().toPoint(), describe(entry), self)
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        chart = self.chart()
        with QtGui.QPainter(self) as painter:
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), QtGui.QColor(palette.PAPER))
            if self._entries:
                empty = self.tr("No entries in this range.")
            else:
                empty = self.tr("No diary entries yet.")
            chart.paint(painter, self._current, empty)
