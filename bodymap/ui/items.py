"""Graphics items of the body map. Each view's items are children of a ``ViewRoot`` placed at
the view's scene offset, so inside them every coordinate is an SVG user unit of that view.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.io import palette

Z_ZONE_FILL = 1.0
Z_PAIN = 2.0
Z_ZONE_OUTLINE = 3.0
Z_DRAFT = 4.0
Z_HOVER = 5.0
Z_CURSOR = 6.0


def colour(hex_colour: str, alpha: int = 255) -> QtGui.QColor:
    c = QtGui.QColor(hex_colour)
    c.setAlpha(alpha)
    return c


class PainLayerItem(QtWidgets.QGraphicsItem):
    """All finished pain of one view: one path per intensity band, plus the marks painted
    since the bands were last built ("recent"), each a path of its own.

    A new stroke is added as a recent mark, so ending a stroke costs one small path and a
    repaint of its rectangle, not a rebuild of the bands. Levels are drawn in ascending order
    with the Source composition mode into the item's own cache, so where marks overlap the
    strongest intensity shows, exactly as the core's bands draw it.
    """

    def __init__(self, parent: QtWidgets.QGraphicsItem) -> None:
        super().__init__(parent)
        self.setZValue(Z_PAIN)
        # Rendered once per change or zoom; drawing a new stroke on top only blits it.
        self.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._bands: list[tuple[int, QtGui.QPainterPath]] = []
        # (intensity, filled area) of the marks painted since the bands were built
        self._recent: list[tuple[int, QtGui.QPainterPath]] = []
        self._fills: dict[int, QtGui.QColor] = {}
        self._rect = QtCore.QRectF()

    def set_bands(self, bands: list[tuple[int, QtGui.QPainterPath]]) -> None:
        """Replace everything with ``bands`` (disjoint areas, one per intensity)."""
        self.prepareGeometryChange()
        self._bands = list(bands)
        self._recent = []
        rect = QtCore.QRectF()
        for _, path in self._bands:
            rect = rect.united(path.boundingRect())
        self._rect = rect
        self.update()

    def add_mark(self, intensity: int, path: QtGui.QPainterPath) -> None:
        """Paint one more (non-erasing) mark on top, ``path`` filled. Only its rectangle is
        repainted."""
        self._recent.append((intensity, path))
        rect = path.boundingRect()
        if not self._rect.contains(rect):
            self.prepareGeometryChange()
            self._rect = self._rect.united(rect)
        self.update(rect)

    def recent_count(self) -> int:
        return len(self._recent)

    def is_empty(self) -> bool:
        return not self._bands and not self._recent

    def boundingRect(self) -> QtCore.QRectF:
        return self._rect

    def _fill(self, intensity: int) -> QtGui.QColor:
        if intensity not in self._fills:
            self._fills[intensity] = colour(palette.pain_colour(intensity), palette.PAIN_ALPHA)
        return self._fills[intensity]

    def _draw(self, painter: QtGui.QPainter) -> None:
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        for intensity, path in sorted([*self._bands, *self._recent], key=lambda kp: kp[0]):
            painter.setBrush(self._fill(intensity))
            painter.drawPath(path)

    def paint(self, painter: QtGui.QPainter, option: object, widget: object = None) -> None:
        if not self._recent:  # disjoint bands: plain drawing is exact
            self._draw(painter)
            return
        device = painter.device()
        if device is not None and device.devType() == _PIXMAP_DEVICE:
            # Our own cache pixmap, transparent below us: later (stronger) levels replace.
            painter.setCompositionMode(QtGui.QPainter.CompositionMode.CompositionMode_Source)
            self._draw(painter)
            return
        # Not cached (e.g. rendered elsewhere): compose the levels in an image first.
        transform = painter.worldTransform()
        target = transform.mapRect(self._rect).toAlignedRect()
        if device is not None:
            target = target.intersected(QtCore.QRect(0, 0, device.width(), device.height()))
        if target.isEmpty():
            return
        image = QtGui.QImage(target.size(), QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QtCore.Qt.GlobalColor.transparent)
        with QtGui.QPainter(image) as layer:
            layer.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            layer.setTransform(transform * QtGui.QTransform.fromTranslate(-target.x(), -target.y()))
            layer.setCompositionMode(QtGui.QPainter.CompositionMode.CompositionMode_Source)
            self._draw(layer)
        painter.save()
        painter.resetTransform()
        painter.drawImage(target.topLeft(), image)
        painter.restore()


_PIXMAP_DEVICE = 2  # QPaintDevice.devType() of a QPixmap (QInternal::Pixmap)


class ZoneItem(QtWidgets.QGraphicsPathItem):
    """The referral pattern of one muscle side on one view: a fill or an outline."""

    def __init__(
        self,
        parent: QtWidgets.QGraphicsItem,
        path: QtGui.QPainterPath,
        muscle: str,
        side: str,
        hex_colour: str,
        outline: bool,
    ) -> None:
        super().__init__(path, parent)
        self.muscle = muscle
        self.side = side
        self.outline = outline
        self._hex = hex_colour
        self.setZValue(Z_ZONE_OUTLINE if outline else Z_ZONE_FILL)
        # Rendered once per zoom or emphasis: repainting under a new stroke only blits it.
        self.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.set_emphasis(0)

    def set_emphasis(self, level: int) -> None:
        """-1 dimmed (another match is selected), 0 normal, 1 emphasised (selected)."""
        if self.outline:
            width = (
                palette.ZONE_OUTLINE_WIDTH_EMPHASISED if level > 0 else palette.ZONE_OUTLINE_WIDTH
            )
            pen = QtGui.QPen(colour(self._hex, 110 if level < 0 else 255), width)
            pen.setCosmetic(False)
            pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
            self.setPen(pen)
            self.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        else:
            alpha = {
                -1: palette.ZONE_FILL_ALPHA_DIMMED,
                0: palette.ZONE_FILL_ALPHA,
                1: palette.ZONE_FILL_ALPHA_EMPHASISED,
            }[max(-1, min(1, level))]
            self.setPen(QtCore.Qt.PenStyle.NoPen)
            self.setBrush(colour(self._hex, alpha))


class DraftStrokeItem(QtWidgets.QGraphicsItem):
    """The stroke being drawn: a polyline with round caps, grown point by point.

    Only the new segment's rectangle is repainted per mouse move; the geometry of the stroke
    is built by the core when the stroke ends.
    """

    def __init__(self, parent: QtWidgets.QGraphicsItem) -> None:
        super().__init__(parent)
        self.setZValue(Z_DRAFT)
        self._path = QtGui.QPainterPath()
        self._pen = QtGui.QPen()
        self._rect = QtCore.QRectF()
        self._last: QtCore.QPointF | None = None
        self.setVisible(False)

    def begin(self, point: QtCore.QPointF, width: float, erase: bool, intensity: int) -> None:
        fill = (
            colour("#FFFFFF", 190)
            if erase
            else colour(palette.pain_colour(intensity), palette.PAIN_ALPHA)
        )
        self._pen = QtGui.QPen(
            fill, width, QtCore.Qt.PenStyle.SolidLine, QtCore.Qt.PenCapStyle.RoundCap,
            QtCore.Qt.PenJoinStyle.RoundJoin,
        )  # fmt: skip
        self.prepareGeometryChange()
        self._path = QtGui.QPainterPath(point)
        self._path.lineTo(point)  # a zero-length segment draws a dot with a round cap
        self._last = point
        self._rect = self._segment_rect(point, point)
        self.setVisible(True)
        self.update()

    def extend(self, point: QtCore.QPointF) -> None:
        if self._last is None:
            return
        segment = self._segment_rect(self._last, point)
        if not self._rect.contains(segment):
            self.prepareGeometryChange()
            # Grow generously so most moves do not change the bounding rect.
            margin = 4 * self._pen.widthF()
            self._rect = self._rect.united(segment.adjusted(-margin, -margin, margin, margin))
        self._path.lineTo(point)
        self._last = point
        self.update(segment)

    def clear(self) -> None:
        self.prepareGeometryChange()
        self._path = QtGui.QPainterPath()
        self._rect = QtCore.QRectF()
        self._last = None
        self.setVisible(False)

    def _segment_rect(self, a: QtCore.QPointF, b: QtCore.QPointF) -> QtCore.QRectF:
        half = self._pen.widthF() / 2 + 1
        return QtCore.QRectF(a, b).normalized().adjusted(-half, -half, half, half)

    def boundingRect(self) -> QtCore.QRectF:
        return self._rect

    def paint(self, painter: QtGui.QPainter, option: object, widget: object = None) -> None:
        painter.setPen(self._pen)
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)


class HoverItem(QtWidgets.QGraphicsPathItem):
    """A quiet outline of the region under the pointer (Region tool only)."""

    def __init__(self, parent: QtWidgets.QGraphicsItem) -> None:
        super().__init__(parent)
        self.setZValue(Z_HOVER)
        pen = QtGui.QPen(colour(palette.INK, 170), 1.4)
        pen.setStyle(QtCore.Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setBrush(colour("#FFFFFF", 60))
        self.setVisible(False)


class BrushCursorItem(QtWidgets.QGraphicsEllipseItem):
    """A circle the size of the brush or eraser, following the pointer."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_CURSOR)
        pen = QtGui.QPen(colour(palette.INK, 180), 1.0)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
        self.setVisible(False)

    def place(self, scene_pos: QtCore.QPointF, width: float) -> None:
        r = width / 2
        self.setRect(QtCore.QRectF(scene_pos.x() - r, scene_pos.y() - r, width, width))
        self.setVisible(True)
