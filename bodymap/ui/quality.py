"""Pain qualities in the window: a picker for the last mark, the patterns drawn on the pain,
and their legend.

Each quality has its own line or dot pattern (drawn in ink over the pain's colour), so the
map reads without colour. The areas come from ``bodymap.core.score.quality_areas``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.core.marks import Mark, Stroke, is_erase
from bodymap.core.score import QUALITIES, quality_areas
from bodymap.io import palette
from bodymap.io.qt_bridge import geometry_to_path
from bodymap.ui import words
from bodymap.ui.commands import DrawingCommand

if TYPE_CHECKING:
    from bodymap.ui.host import Host

Z_QUALITY = 2.5  # above the pain, below the zones' outlines (bodymap.ui.items)
PATTERNS = {
    "aching": QtCore.Qt.BrushStyle.Dense6Pattern,
    "burning": QtCore.Qt.BrushStyle.DiagCrossPattern,
    "stabbing": QtCore.Qt.BrushStyle.BDiagPattern,
    "throbbing": QtCore.Qt.BrushStyle.HorPattern,
    "cramping": QtCore.Qt.BrushStyle.CrossPattern,
    "tingling": QtCore.Qt.BrushStyle.FDiagPattern,
    "numbness": QtCore.Qt.BrushStyle.VerPattern,
}
# Each ink line has a light line beside it, so the pattern reads on the palest and on the
# darkest pain colours alike; the light line goes across the pattern's lines.
HALO = {
    "aching": (1, 0),
    "burning": (1, 0),
    "stabbing": (1, 0),
    "throbbing": (0, 1),
    "cramping": (1, 1),
    "tingling": (1, 0),
    "numbness": (1, 0),
}
INK_ALPHA = 200
HALO_ALPHA = 210
TILE = 16  # pixels: a whole number of repeats of Qt's 8-pixel patterns


def brush(quality: str) -> QtGui.QBrush:
    """The quality's pattern as a brush: ink lines, each with a light line beside it."""
    tile = QtGui.QPixmap(TILE, TILE)
    tile.fill(QtCore.Qt.GlobalColor.transparent)
    ink, light = QtGui.QColor(palette.INK), QtGui.QColor(palette.PAPER)
    ink.setAlpha(INK_ALPHA)
    light.setAlpha(HALO_ALPHA)
    with QtGui.QPainter(tile) as painter:
        painter.setBrushOrigin(*HALO[quality])
        painter.fillRect(tile.rect(), QtGui.QBrush(light, PATTERNS[quality]))
        painter.setBrushOrigin(0, 0)
        painter.fillRect(tile.rect(), QtGui.QBrush(ink, PATTERNS[quality]))
    return QtGui.QBrush(tile)


def swatch(quality: str, size: int = 16) -> QtGui.QPixmap:
    """A square of pain colour with the quality's pattern, for legends."""
    pixmap = QtGui.QPixmap(size, size)
    pixmap.fill(QtGui.QColor(palette.PAIN))
    with QtGui.QPainter(pixmap) as painter:
        painter.fillRect(pixmap.rect(), brush(quality))
    return pixmap


def with_quality(mark: Mark, quality: str | None) -> Mark:
    """``mark`` with another quality; a stroke keeps the area it was already measured with."""
    changed = replace(mark, quality=quality)
    if isinstance(mark, Stroke) and mark.has_geometry():
        changed.__dict__["geometry"] = mark.geometry
    return changed


class QualityPicker(QtWidgets.QWidget):
    """The quality of the last paint mark (each choice one undo step), and the legend of the
    qualities on the map."""

    quality_chosen = QtCore.Signal(object)  # a quality id or None

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QtWidgets.QVBoxLayout()  # the label above the list: fits a narrow dock
        self.combo = QtWidgets.QComboBox()
        self.combo.addItem(self.tr("not said"), None)
        for quality in QUALITIES.values():
            self.combo.addItem(
                QtGui.QIcon(swatch(quality.id)), words.quality(quality.id), quality.id
            )
        self.combo.setAccessibleName(self.tr("Pain quality of the last mark"))
        label = QtWidgets.QLabel(self.tr("Quality of the last mark:"))
        label.setBuddy(self.combo)
        row.addWidget(label)
        row.addWidget(self.combo, 1)
        layout.addLayout(row)
        self.legend = QtWidgets.QLabel()  # which qualities the map shows, in words
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        swatches = QtWidgets.QGridLayout()  # and their patterns
        self._rows: dict[str, tuple[QtWidgets.QLabel, QtWidgets.QLabel]] = {}
        for i, quality in enumerate(QUALITIES.values()):
            icon = QtWidgets.QLabel()
            icon.setPixmap(swatch(quality.id))
            text = QtWidgets.QLabel(words.quality(quality.id))
            swatches.addWidget(icon, i, 0)
            swatches.addWidget(text, i, 1)
            icon.hide()
            text.hide()
            self._rows[quality.id] = (icon, text)
        swatches.setColumnStretch(1, 1)
        layout.addLayout(swatches)
        self.combo.activated.connect(self._on_combo_activated)

    def show_legend(self, qualities: list[str]) -> None:
        """Show the patterns of ``qualities`` (those on the map) and hide the rest."""
        self.legend.setText(self.tr("On the map:") if qualities else "")
        for quality, (icon, text) in self._rows.items():
            icon.setVisible(quality in qualities)
            text.setVisible(quality in qualities)

    def legend_shown(self) -> list[str]:
        return [q for q, (_, text) in self._rows.items() if not text.isHidden()]

    def show_mark(self, mark: Mark | None) -> None:
        self.combo.setEnabled(mark is not None)
        index = self.combo.findData(mark.quality if mark else None)
        self.combo.setCurrentIndex(max(0, index))

    def _on_combo_activated(self, index: int) -> None:
        self.quality_chosen.emit(self.combo.itemData(index))


class QualityOverlay(QtCore.QObject):
    """Keeps one patterned path item per view and quality over the window's pain."""

    def __init__(self, window: Host, picker: QualityPicker) -> None:
        super().__init__(cast(QtCore.QObject, window))
        self.window, self.picker = window, picker
        self.items: dict[tuple[str, str], QtWidgets.QGraphicsPathItem] = {}
        window.document.drawing_changed.connect(self._on_document_drawing_changed)
        picker.quality_chosen.connect(self._on_picker_quality_chosen)
        self.refresh()

    def last_paint_mark(self) -> Mark | None:
        index = self._last_paint_index()
        return None if index is None else self.window.document.marks[index]

    def _last_paint_index(self) -> int | None:
        marks = self.window.document.marks
        return next((i for i in range(len(marks) - 1, -1, -1) if not is_erase(marks[i])), None)

    def refresh(self) -> None:
        areas = quality_areas(self.window.document.drawing.pain)
        wanted = {(v, q) for v, qs in areas.items() for q in qs}
        for key in list(self.items):
            if key not in wanted:
                gone = self.items.pop(key)
                if gone.scene() is not None:
                    gone.scene().removeItem(gone)
        scene = self.window.scene
        for view, qualities in areas.items():
            for quality, geom in qualities.items():
                item = self.items.get((view, quality))
                if item is None:
                    item = QtWidgets.QGraphicsPathItem(scene.roots[view])
                    item.setZValue(Z_QUALITY)
                    item.setPen(QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
                    b = brush(quality)
                    b.setTransform(QtGui.QTransform())  # patterns in pixels at any zoom
                    item.setBrush(b)
                    item.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresParentOpacity)
                    self.items[(view, quality)] = item
                item.setPath(geometry_to_path(geom))
        used = sorted({q for _, q in wanted}, key=list(QUALITIES).index)
        self.picker.show_legend(used)
        self.picker.show_mark(self.last_paint_mark())

    def _on_document_drawing_changed(self, _change: object) -> None:
        self.refresh()

    def _on_picker_quality_chosen(self, quality: str | None) -> None:
        marks = list(self.window.document.marks)
        index = self._last_paint_index()
        if index is None or marks[index].quality == quality:
            return
        marks[index] = with_quality(marks[index], quality)
        document = self.window.document
        document.publish(document.drawing.set_marks(marks))
        label = words.quality(quality).lower() if quality else self.tr("not said")
        text = self.tr("Pain quality: {quality}").format(quality=label)
        self.window.undo_stack.push(DrawingCommand(document, text))
