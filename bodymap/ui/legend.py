"""The intensity legend in the status bar: the ten pain colours, 1 to 10, the current one
framed; clicking a colour paints with that intensity.

Drawn before the anatomy is loaded, so it takes its colours from ``bodymap.ui.shell`` (copies
of ``bodymap.io.palette``) and paints without ``QtCore.Qt`` enums (see ``bodymap.ui.app``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtSvg, QtWidgets

from bodymap.ui.shell import INK, INTENSITY_MAX, INTENSITY_MIN, PAIN_SCALE

SWATCH_W, SWATCH_H, GAP = 14, 14, 2


class IntensityLegend(QtWidgets.QWidget):
    """Ten swatches with "1" before and "10" after; ``current()`` gives the intensity to
    frame. Emits ``intensity_chosen(int)`` when a swatch is clicked."""

    intensity_chosen = QtCore.Signal(int)

    def __init__(self, current: Callable[[], int], parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._current = current
        self._renderer = QtSvg.QSvgRenderer(self)
        self._rendered: tuple[int, int, int] | None = None
        self._text_w = self.fontMetrics().horizontalAdvance("10") + 6
        levels = ", ".join(f"{k} {c}" for k, c in enumerate(PAIN_SCALE, INTENSITY_MIN))
        self.setAccessibleName(self.tr("Pain intensity colours"))
        self.setAccessibleDescription(
            self.tr(
                "Pain intensity 1 (mildest, orange) to 10 (worst, darkest plum); "
                "colours by level: {levels}"
            ).format(levels=levels)
        )
        self.setToolTip(
            self.tr("Pain intensity colours, 1 (mildest) to 10 (worst): click one to paint with it")
        )

    def sizeHint(self) -> QtCore.QSize:
        count = INTENSITY_MAX - INTENSITY_MIN + 1
        return QtCore.QSize(2 * self._text_w + count * (SWATCH_W + GAP), SWATCH_H + 6)

    def minimumSizeHint(self) -> QtCore.QSize:
        return self.sizeHint()

    def swatch_rect(self, intensity: int) -> QtCore.QRect:
        """Where ``intensity``'s swatch is drawn, in the widget's pixels."""
        x = self._text_w + (intensity - INTENSITY_MIN) * (SWATCH_W + GAP)
        return QtCore.QRect(x, (self.height() - SWATCH_H) // 2, SWATCH_W, SWATCH_H)

    def level_at(self, x: float) -> int | None:
        for level in range(INTENSITY_MIN, INTENSITY_MAX + 1):
            rect = self.swatch_rect(level)
            if rect.left() - GAP / 2 <= x < rect.right() + 1 + GAP / 2:
                return level
        return None

    def svg(self, current: int) -> str:
        """The legend as an SVG the widget's size, ``current`` framed. (Drawn through SVG:
        ``QPainter.fillRect``, pens and brushes would set up PySide's ``QtCore.Qt`` enums.)"""
        w, h = self.width(), self.height()
        font = f'font-family="{self.font().family()}" font-size="{self.fontMetrics().height() - 4}"'
        baseline = (h + self.fontMetrics().ascent()) // 2 - 1
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}">',
            f'<text x="{self._text_w - 4}" y="{baseline}" text-anchor="end" fill="{INK}" '
            f"{font}>{INTENSITY_MIN}</text>",
        ]
        for level, colour in enumerate(PAIN_SCALE, INTENSITY_MIN):
            r = self.swatch_rect(level)
            if level == current:
                parts.append(
                    f'<rect x="{r.x() - 1.5}" y="{r.y() - 1.5}" width="{r.width() + 3}" '
                    f'height="{r.height() + 3}" fill="none" stroke="{INK}" stroke-width="2"/>'
                )
            parts.append(
                f'<rect x="{r.x()}" y="{r.y()}" width="{r.width()}" height="{r.height()}" '
                f'fill="{colour}"/>'
            )
        last = self.swatch_rect(INTENSITY_MAX)
        parts.append(
            f'<text x="{last.right() + 5}" y="{baseline}" fill="{INK}" {font}>'
            f"{INTENSITY_MAX}</text></svg>"
        )
        return "".join(parts)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        current = self._current()
        key = (current, self.width(), self.height())
        if self._rendered != key:
            self._renderer.load(QtCore.QByteArray(self.svg(current).encode()))
            self._rendered = key
        with QtGui.QPainter(self) as painter:
            self._renderer.render(painter, QtCore.QRectF(0, 0, self.width(), self.height()))

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        level = self.level_at(event.position().x())
        if level is not None:
            self.intensity_chosen.emit(level)
        event.accept()
