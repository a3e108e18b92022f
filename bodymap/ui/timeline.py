"""The diary's timeline: pain score, pain extent and the best pattern's score over days.

Drawn with QPainter (no chart library). Two panels share the time axis: the NRS (0-10) with
the band from usual to worst pain in the last 24 hours and a line of the pain now; below, the
pain extent (% of the body, left axis) and the best-ranked pattern's score (0-1, right axis).
Each series has its own colour (Okabe-Ito), marker and line style, so it reads without
colour. Clicking a point emits ``entry_activated`` with the entry's file name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.core.diary import EntrySummary, last_days
from bodymap.io import palette
from bodymap.ui import words

NRS_COLOUR = "#D55E00"  # vermillion
BAND_COLOUR = "#E69F00"  # orange
EXTENT_COLOUR = "#0072B2"  # blue
SCORE_COLOUR = "#009E73"  # bluish green
HIT_RADIUS = 10.0  # pixels
_MARGIN_L, _MARGIN_R, _MARGIN_T, _MARGIN_B = 46.0, 46.0, 26.0, 34.0
_GAP = 30.0  # between the panels


@dataclass(frozen=True)
class _Point:
    name: str
    x: float
    nrs: QtCore.QPointF | None
    extent: QtCore.QPointF | None  # None until the entry is measured
    score: QtCore.QPointF | None
    entry: EntrySummary


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
        self._points: list[_Point] = []
        self._points_size = QtCore.QSize()
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
        self._points_size = QtCore.QSize()
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

    def _panels(self) -> tuple[QtCore.QRectF, QtCore.QRectF]:
        w, h = float(self.width()), float(self.height())
        inner = h - _MARGIN_T - _MARGIN_B - _GAP
        top_h = inner * 0.55
        top = QtCore.QRectF(_MARGIN_L, _MARGIN_T, w - _MARGIN_L - _MARGIN_R, top_h)
        low = QtCore.QRectF(top.left(), top.bottom() + _GAP, top.width(), inner - top_h)
        return top, low

    def _extent_max(self, shown: list[EntrySummary]) -> float:
        high = max((e.extent_pct for e in shown), default=0.0)
        return max(5.0, math.ceil(high * 1.15 / 5) * 5)

    def _layout(self) -> list[_Point]:
        if self._points_size == self.size():
            return self._points
        shown = self.shown()
        start, end = self._span(shown)
        top, low = self._panels()
        seconds = max(1.0, (end - start).total_seconds())
        ext_max = self._extent_max(shown)
        points = []
        for e in shown:
            assert e.date is not None
            x = top.left() + top.width() * (e.date - start).total_seconds() / seconds
            nrs = None
            if e.score.now is not None:
                nrs = QtCore.QPointF(x, top.bottom() - top.height() * e.score.now / 10)
            extent = None
            if e.measured:
                extent = QtCore.QPointF(x, low.bottom() - low.height() * e.extent_pct / ext_max)
            score = None
            if e.top is not None:
                score = QtCore.QPointF(x, low.bottom() - low.height() * e.top.score)
            points.append(_Point(e.name, x, nrs, extent, score, e))
        self._points, self._points_size = points, QtCore.QSize(self.size())
        return points

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
        entry = next((p.entry for p in self._points if p.name == name), None)
        if entry is None:
            QtWidgets.QToolTip.hideText()
            self.unsetCursor()
        else:
            self.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)
            QtWidgets.QToolTip.showText(event.globalPosition().toPoint(), describe(entry), self)
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        points = self._layout()
        top, low = self._panels()
        with QtGui.QPainter(self) as painter:
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), QtGui.QColor(palette.PAPER))
            self._draw_frames(painter, top, low)
            if not points:
                painter.setPen(QtGui.QColor(palette.MUTED))
                painter.drawText(
                    top.united(low), QtCore.Qt.AlignmentFlag.AlignCenter,
                    self.tr("No entries in this range.")
                    if self._entries
                    else self.tr("No diary entries yet."),
                )  # fmt: skip
                return
            self._draw_nrs(painter, top, points)
            self._draw_lower(painter, points)
            self._draw_current(painter, top, low, points)

    def _draw_frames(self, painter: QtGui.QPainter, top: QtCore.QRectF, low: QtCore.QRectF) -> None:
        muted, rule = QtGui.QColor(palette.MUTED), QtGui.QColor(palette.RULE)
        font = painter.font()
        font.setPixelSize(11)
        painter.setFont(font)
        for rect in (top, low):
            painter.setPen(QtGui.QPen(rule, 1))
            painter.drawRect(rect)
        align_r = QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter
        align_l = QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter
        for value in (0, 5, 10):
            y = top.bottom() - top.height() * value / 10
            painter.setPen(QtGui.QPen(rule, 1, QtCore.Qt.PenStyle.DotLine))
            painter.drawLine(QtCore.QPointF(top.left(), y), QtCore.QPointF(top.right(), y))
            painter.setPen(muted)
            painter.drawText(QtCore.QRectF(0, y - 8, top.left() - 6, 16), align_r, str(value))
        ext_max = self._extent_max(self.shown())
        for share in (0.0, 0.5, 1.0):
            y = low.bottom() - low.height() * share
            painter.setPen(QtGui.QColor(EXTENT_COLOUR))
            painter.drawText(
                QtCore.QRectF(0, y - 8, low.left() - 6, 16), align_r, f"{ext_max * share:g}%"
            )
            painter.setPen(QtGui.QColor(SCORE_COLOUR))
            painter.drawText(
                QtCore.QRectF(low.right() + 6, y - 8, _MARGIN_R - 6, 16), align_l, f"{share:g}"
            )
        painter.setPen(QtGui.QColor(palette.INK))
        nrs_title = self.tr("Pain score (NRS 0-10): ● now, bar from usual to worst")
        lower_title = self.tr("■ pain extent (% of body)   ▲ best pattern score (0-1)")
        painter.drawText(QtCore.QPointF(top.left(), top.top() - 8), nrs_title)
        painter.drawText(QtCore.QPointF(low.left(), low.top() - 8), lower_title)
        shown = self.shown()
        start, end = self._span(shown)
        painter.setPen(muted)
        for frac in (0.0, 0.5, 1.0):
            when = (start + (end - start) * frac).astimezone()
            x = low.left() + low.width() * frac
            rect = QtCore.QRectF(x - 60, low.bottom() + 4, 120, 16)
            painter.drawText(
                rect, QtCore.Qt.AlignmentFlag.AlignHCenter, words.date_time(when, "dd MMM yyyy")
            )

    def _draw_nrs(self, painter: QtGui.QPainter, top: QtCore.QRectF, points: list[_Point]) -> None:
        band = QtGui.QColor(BAND_COLOUR)
        band.setAlpha(150)
        for p in points:
            s = p.entry.score
            ends = [v for v in (s.usual, s.worst) if v is not None]
            if len(ends) == 2:
                y0 = top.bottom() - top.height() * max(ends) / 10
                y1 = top.bottom() - top.height() * min(ends) / 10
                painter.fillRect(QtCore.QRectF(p.x - 3, y0, 6, max(2.0, y1 - y0)), band)
        nrs = [p.nrs for p in points if p.nrs is not None]
        colour = QtGui.QColor(NRS_COLOUR)
        painter.setPen(QtGui.QPen(colour, 2))
        if len(nrs) > 1:
            painter.drawPolyline(nrs)
        painter.setBrush(colour)
        for q in nrs:
            painter.drawEllipse(q, 4, 4)

    def _draw_lower(self, painter: QtGui.QPainter, points: list[_Point]) -> None:
        colour = QtGui.QColor(EXTENT_COLOUR)
        painter.setPen(QtGui.QPen(colour, 2))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        extents = [p.extent for p in points if p.extent is not None]
        if len(extents) > 1:
            painter.drawPolyline(extents)
        painter.setBrush(colour)
        for q in extents:
            painter.drawRect(QtCore.QRectF(q.x() - 3.5, q.y() - 3.5, 7, 7))
        colour = QtGui.QColor(SCORE_COLOUR)
        scores = [p.score for p in points if p.score is not None]
        painter.setPen(QtGui.QPen(colour, 1.6, QtCore.Qt.PenStyle.DashLine))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        if len(scores) > 1:
            painter.drawPolyline(scores)
        painter.setPen(QtGui.QPen(colour, 1))
        painter.setBrush(colour)
        for q in scores:
            painter.drawPolygon(
                [QtCore.QPointF(q.x(), q.y() - 5), QtCore.QPointF(q.x() - 4.5, q.y() + 3.5),
                 QtCore.QPointF(q.x() + 4.5, q.y() + 3.5)]
            )  # fmt: skip

    def _draw_current(
        self, painter: QtGui.QPainter, top: QtCore.QRectF, low: QtCore.QRectF, points: list[_Point]
    ) -> None:
        """A thin vertical rule through the open entry, and rings on its points."""
        p = next((p for p in points if p.name == self._current), None)
        if p is None:
            return
        ink = QtGui.QColor(palette.INK)
        painter.setPen(QtGui.QPen(ink, 1, QtCore.Qt.PenStyle.DashLine))
        painter.drawLine(QtCore.QPointF(p.x, top.top()), QtCore.QPointF(p.x, low.bottom()))
        painter.setPen(QtGui.QPen(ink, 2))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        for q in (p.nrs, p.extent, p.score):
            if q is not None:
                painter.drawEllipse(q, 8, 8)
