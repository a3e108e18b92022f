"""The diary's timeline, laid out and painted in any rectangle: the window's Diary tab
(``bodymap.ui.timeline``) and the PDF report draw the same chart.

Two panels share the time axis: the NRS (0-10) with the band from usual to worst pain in the
last 24 hours and a line of the pain now; below, the pain extent (% of the body, left axis)
and the best-ranked pattern's score (0-1, right axis). Each series has its own colour
(Okabe-Ito), marker and line style, so it reads without colour. Units are the painter's
(pixels in the window, points in the PDF); ``text`` is the font size in those units.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6 import QtCore, QtGui

from bodymap.core.diary import EntrySummary
from bodymap.io import palette
from bodymap.io.report_text import font

NRS_COLOUR = "#D55E00"  # vermillion
BAND_COLOUR = "#E69F00"  # orange
EXTENT_COLOUR = "#0072B2"  # blue
SCORE_COLOUR = "#009E73"  # bluish green
TITLES = (
    "Pain score (NRS 0-10): ● now, bar from usual to worst",
    "■ pain extent (% of body)   ▲ best pattern score (0-1)",
)
# margins and the gap between the panels at a text size of 11
_MARGIN_L, _MARGIN_R, _MARGIN_T, _MARGIN_B, _GAP = 46.0, 46.0, 26.0, 34.0, 30.0


@dataclass(frozen=True)
class ChartPoint:
    """Where one entry is drawn: its x, and its NRS, extent and score points (None when it
    has no NRS now, is not measured yet, or has no ranked pattern)."""

    name: str
    x: float
    nrs: QtCore.QPointF | None
    extent: QtCore.QPointF | None
    score: QtCore.QPointF | None
    entry: EntrySummary


class TimelineChart:
    """The timeline of ``entries`` (readable ones, dated) from ``start`` to ``end`` (aware
    times) in ``rect``; ``titles`` above the two panels and ``date_text`` writing the dates
    under the axis (the window passes them in its language)."""

    def __init__(
        self,
        entries: Sequence[EntrySummary],
        start: datetime,
        end: datetime,
        rect: QtCore.QRectF,
        text: float = 11.0,
        titles: tuple[str, str] = TITLES,
        date_text: Callable[[datetime], str] | None = None,
    ) -> None:
        self.titles = titles
        self.date_text = date_text or (lambda when: f"{when:%d %b %Y}")
        self.entries = [e for e in entries if e.date is not None]
        self.start, self.end, self.rect, self.text = start, end, QtCore.QRectF(rect), text
        k = text / 11.0
        inner = rect.height() - (_MARGIN_T + _MARGIN_B + _GAP) * k
        top_h = inner * 0.55
        self.top = QtCore.QRectF(
            rect.left() + _MARGIN_L * k, rect.top() + _MARGIN_T * k,
            rect.width() - (_MARGIN_L + _MARGIN_R) * k, top_h,
        )  # fmt: skip
        self.low = QtCore.QRectF(
            self.top.left(), self.top.bottom() + _GAP * k, self.top.width(), inner - top_h
        )
        high = max((e.extent_pct for e in self.entries), default=0.0)
        self.extent_max = max(5.0, math.ceil(high * 1.15 / 5) * 5)
        self.points = self._layout()

    def _layout(self) -> list[ChartPoint]:
        top, low = self.top, self.low
        seconds = max(1.0, (self.end - self.start).total_seconds())
        points = []
        for e in self.entries:
            assert e.date is not None
            x = top.left() + top.width() * (e.date - self.start).total_seconds() / seconds
            nrs = None
            if e.score.now is not None:
                nrs = QtCore.QPointF(x, top.bottom() - top.height() * e.score.now / 10)
            extent = None  # until the diary has measured the entry (bodymap.io.diary_files)
            if e.measured:
                extent = QtCore.QPointF(
                    x, low.bottom() - low.height() * e.extent_pct / self.extent_max
                )
            score = None
            if e.top is not None:
                score = QtCore.QPointF(x, low.bottom() - low.height() * e.top.score)
            points.append(ChartPoint(e.name, x, nrs, extent, score, e))
        return points

    def paint(self, painter: QtGui.QPainter, current: str | None = None, empty: str = "") -> None:
        """The frames, axes and series; ``current`` (an entry's name) ringed; ``empty`` said
        in the middle when there is no entry."""
        self._draw_frames(painter)
        if not self.points:
            painter.setPen(QtGui.QColor(palette.MUTED))
            painter.drawText(self.top.united(self.low), QtCore.Qt.AlignmentFlag.AlignCenter, empty)
            return
        self._draw_nrs(painter)
        self._draw_lower(painter)
        self._draw_current(painter, current)

    def _draw_frames(self, painter: QtGui.QPainter) -> None:
        top, low, k = self.top, self.low, self.text / 11.0
        muted, rule = QtGui.QColor(palette.MUTED), QtGui.QColor(palette.RULE)
        painter.setFont(font(self.text))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        for rect in (top, low):
            painter.setPen(QtGui.QPen(rule, k))
            painter.drawRect(rect)
        align_r = QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter
        align_l = QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter
        left = self.rect.left()
        for value in (0, 5, 10):
            y = top.bottom() - top.height() * value / 10
            painter.setPen(QtGui.QPen(rule, k, QtCore.Qt.PenStyle.DotLine))
            painter.drawLine(QtCore.QPointF(top.left(), y), QtCore.QPointF(top.right(), y))
            painter.setPen(muted)
            label = QtCore.QRectF(left, y - 8 * k, top.left() - left - 6 * k, 16 * k)
            painter.drawText(label, align_r, str(value))
        for share in (0.0, 0.5, 1.0):
            y = low.bottom() - low.height() * share
            painter.setPen(QtGui.QColor(EXTENT_COLOUR))
            label = QtCore.QRectF(left, y - 8 * k, low.left() - left - 6 * k, 16 * k)
            painter.drawText(label, align_r, f"{self.extent_max * share:g}%")
            painter.setPen(QtGui.QColor(SCORE_COLOUR))
            right = QtCore.QRectF(low.right() + 6 * k, y - 8 * k, (_MARGIN_R - 6) * k, 16 * k)
            painter.drawText(right, align_l, f"{share:g}")
        painter.setPen(QtGui.QColor(palette.INK))
        painter.drawText(QtCore.QPointF(top.left(), top.top() - 8 * k), self.titles[0])
        painter.drawText(QtCore.QPointF(low.left(), low.top() - 8 * k), self.titles[1])
        painter.setPen(muted)
        for frac in (0.0, 0.5, 1.0):
            when = (self.start + (self.end - self.start) * frac).astimezone()
            x = low.left() + low.width() * frac
            rect = QtCore.QRectF(x - 60 * k, low.bottom() + 4 * k, 120 * k, 16 * k)
            painter.drawText(rect, QtCore.Qt.AlignmentFlag.AlignHCenter, self.date_text(when))

    def _draw_nrs(self, painter: QtGui.QPainter) -> None:
        top, k = self.top, self.text / 11.0
        band = QtGui.QColor(BAND_COLOUR)
        band.setAlpha(150)
        for p in self.points:
            s = p.entry.score
            ends = [v for v in (s.usual, s.worst) if v is not None]
            if len(ends) == 2:
                y0 = top.bottom() - top.height() * max(ends) / 10
                y1 = top.bottom() - top.height() * min(ends) / 10
                painter.fillRect(QtCore.QRectF(p.x - 3 * k, y0, 6 * k, max(2.0 * k, y1 - y0)), band)
        nrs = [p.nrs for p in self.points if p.nrs is not None]
        colour = QtGui.QColor(NRS_COLOUR)
        painter.setPen(QtGui.QPen(colour, 2 * k))
        if len(nrs) > 1:
            painter.drawPolyline(nrs)
        painter.setBrush(colour)
        for q in nrs:
            painter.drawEllipse(q, 4 * k, 4 * k)

    def _draw_lower(self, painter: QtGui.QPainter) -> None:
        k = self.text / 11.0
        colour = QtGui.QColor(EXTENT_COLOUR)
        painter.setPen(QtGui.QPen(colour, 2 * k))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        extents = [p.extent for p in self.points if p.extent is not None]
        if len(extents) > 1:
            painter.drawPolyline(extents)
        painter.setBrush(colour)
        for e in extents:
            painter.drawRect(QtCore.QRectF(e.x() - 3.5 * k, e.y() - 3.5 * k, 7 * k, 7 * k))
        colour = QtGui.QColor(SCORE_COLOUR)
        scores = [p.score for p in self.points if p.score is not None]
        painter.setPen(QtGui.QPen(colour, 1.6 * k, QtCore.Qt.PenStyle.DashLine))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        if len(scores) > 1:
            painter.drawPolyline(scores)
        painter.setPen(QtGui.QPen(colour, k))
        painter.setBrush(colour)
        for q in scores:
            x, y = q.x(), q.y()
            painter.drawPolygon(
                [QtCore.QPointF(x, y - 5 * k), QtCore.QPointF(x - 4.5 * k, y + 3.5 * k),
                 QtCore.QPointF(x + 4.5 * k, y + 3.5 * k)]
            )  # fmt: skip

    def _draw_current(self, painter: QtGui.QPainter, current: str | None) -> None:
        """A thin vertical rule through the open entry, and rings on its points."""
        p = next((p for p in self.points if p.name == current), None)
        if p is None:
            return
        k = self.text / 11.0
        ink = QtGui.QColor(palette.INK)
        painter.setPen(QtGui.QPen(ink, k, QtCore.Qt.PenStyle.DashLine))
        painter.drawLine(
            QtCore.QPointF(p.x, self.top.top()), QtCore.QPointF(p.x, self.low.bottom())
        )
        painter.setPen(QtGui.QPen(ink, 2 * k))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        for q in (p.nrs, p.extent, p.score):
            if q is not None:
                painter.drawEllipse(q, 8 * k, 8 * k)
