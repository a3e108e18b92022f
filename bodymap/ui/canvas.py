"""The body map: both views side by side on one scene, and the view that paints on it.

Scene units are SVG user units; the back view sits at x = 0, the front view to its right
after a gap. Converting a scene point to a view point is a translation (``ViewRoot``).
"""

from __future__ import annotations

import enum

from PySide6 import QtCore, QtGui, QtSvg, QtSvgWidgets, QtWidgets
from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy
from bodymap.core.pain import Mark, Stroke
from bodymap.io import palette
from bodymap.io.qt_bridge import geometry_to_path, pattern_paths, polyline_path
from bodymap.io.resources import svg_path
from bodymap.ui.items import (
    BrushCursorItem,
    DraftStrokeItem,
    HoverItem,
    PainLayerItem,
    ViewRoot,
    ZoneItem,
)

MIN_POINT_STEP = 0.6  # SVG units; closer pointer samples add nothing visible
ZOOM_MIN, ZOOM_MAX = 0.2, 12.0


class Tool(enum.Enum):
    REGION = "region"
    BRUSH = "brush"
    ERASER = "eraser"


class BodyScene(QtWidgets.QGraphicsScene):
    """Both views with their art, pain layer, highlighted zones and the stroke in progress."""

    def __init__(self, anatomy: Anatomy, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.anatomy = anatomy
        self.setBackgroundBrush(QtGui.QColor(palette.PAPER))
        self.roots: dict[str, ViewRoot] = {}
        self.pain_layers: dict[str, PainLayerItem] = {}
        self._drafts: dict[str, DraftStrokeItem] = {}
        self._hovers: dict[str, HoverItem] = {}
        self._zones: dict[tuple[str, str], list[ZoneItem]] = {}
        self._region_paths: dict[str, QtGui.QPainterPath] = {}
        self._draft_view: str | None = None
        offsets = palette.view_offsets({v.id: v.viewbox for v in anatomy.views.values()})
        for view in anatomy.views.values():
            root = ViewRoot(view.id, view.viewbox)
            root.setPos(offsets[view.id], 0)
            self.addItem(root)
            self.roots[view.id] = root
            self._add_art(root, view.viewbox, str(svg_path(anatomy, view)))
            self._add_label(root, view.viewbox, view.label)
            self.pain_layers[view.id] = PainLayerItem(root)
            self._drafts[view.id] = DraftStrokeItem(root)
            self._hovers[view.id] = HoverItem(root)
        self.cursor_item = BrushCursorItem()
        self.addItem(self.cursor_item)
        bounds = QtCore.QRectF()
        for root in self.roots.values():
            bounds = bounds.united(root.sceneBoundingRect())
        self.setSceneRect(bounds.adjusted(-24, -48, 24, 24))

    def _add_art(self, root: ViewRoot, box: tuple[float, float, float, float], path: str) -> None:
        renderer = QtSvg.QSvgRenderer(path, self)
        item = QtSvgWidgets.QGraphicsSvgItem()
        item.setSharedRenderer(renderer)
        item.setParentItem(root)
        size = item.boundingRect().size()
        if size.width() > 0 and size.height() > 0:
            item.setTransform(
                QtGui.QTransform.fromScale(box[2] / size.width(), box[3] / size.height())
            )
        item.setPos(box[0], box[1])
        # Device-coordinate cache: re-rendered when the zoom changes, so it stays sharp, and a
        # stroke being drawn only blits the cached art under the new segment.
        item.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def _add_label(self, root: ViewRoot, box: tuple[float, float, float, float], text: str) -> None:
        label = QtWidgets.QGraphicsSimpleTextItem(text, root)
        font = QtGui.QFont()
        font.setPixelSize(16)
        font.setBold(True)
        label.setFont(font)
        label.setBrush(QtGui.QColor(palette.VIEW_LABEL))
        width = label.boundingRect().width()
        label.setPos(box[0] + (box[2] - width) / 2, box[1] - 34)

    # -- coordinates ---------------------------------------------------------------------

    def locate(self, scene_pos: QtCore.QPointF) -> tuple[str, QtCore.QPointF] | None:
        """The view under ``scene_pos`` and the point in its SVG units, if over a view."""
        for view_id, root in self.roots.items():
            local = root.mapFromScene(scene_pos)
            if root.boundingRect().contains(local):
                return view_id, local
        return None

    def to_view(self, view_id: str, scene_pos: QtCore.QPointF) -> QtCore.QPointF:
        return scene_pos - self.roots[view_id].pos()

    def to_scene(self, view_id: str, x: float, y: float) -> QtCore.QPointF:
        return QtCore.QPointF(x, y) + self.roots[view_id].pos()

    # -- pain ----------------------------------------------------------------------------

    def set_pain(self, view_id: str, bands: tuple[tuple[int, BaseGeometry], ...]) -> None:
        self.pain_layers[view_id].set_bands([(k, geometry_to_path(g)) for k, g in bands])

    def add_pain(self, view_id: str, mark: Mark) -> None:
        """Paint one more (non-erasing) mark over the pain of ``view_id``: a stroke as its
        centre line with a round pen (no polygon to convert), a region as its outline."""
        layer = self.pain_layers[view_id]
        if isinstance(mark, Stroke):
            layer.add_mark(mark.intensity, polyline_path(mark.points), mark.width)
        else:
            region = self.anatomy.regions[mark.region]
            if region.id not in self._region_paths:
                self._region_paths[region.id] = geometry_to_path(region.polygon)
            layer.add_mark(mark.intensity, self._region_paths[region.id])

    def begin_draft(
        self, view_id: str, point: QtCore.QPointF, width: float, erase: bool, intensity: int
    ) -> None:
        self._draft_view = view_id
        self._drafts[view_id].begin(point, width, erase, intensity)

    def extend_draft(self, point: QtCore.QPointF) -> None:
        if self._draft_view is not None:
            self._drafts[self._draft_view].extend(point)

    def clear_draft(self) -> None:
        if self._draft_view is not None:
            self._drafts[self._draft_view].clear()
            self._draft_view = None

    # -- regions and zones ---------------------------------------------------------------

    def set_hover(self, region_id: str | None) -> None:
        for view_id, item in self._hovers.items():
            region = self.anatomy.regions.get(region_id or "")
            if region is not None and region.view == view_id:
                if region.id not in self._region_paths:
                    self._region_paths[region.id] = geometry_to_path(region.polygon)
                item.setPath(self._region_paths[region.id])
                item.setVisible(True)
            else:
                item.setVisible(False)

    def set_highlights(
        self, patterns: list[tuple[str, str]], selected: tuple[str, str] | None
    ) -> None:
        """Show the zones of ``patterns`` ((muscle, side) pairs); emphasise ``selected``."""
        wanted = set(patterns)
        for key, items in self._zones.items():
            for item in items:
                item.setVisible(key in wanted)
        for muscle_id, side in patterns:
            key = (muscle_id, side)
            if key not in self._zones:
                self._zones[key] = self._make_zone_items(muscle_id, side)
            level = 0 if selected is None else (1 if key == selected else -1)
            for item in self._zones[key]:
                item.set_emphasis(level)
                item.setVisible(True)

    def _make_zone_items(self, muscle_id: str, side: str) -> list[ZoneItem]:
        hex_colour = self.anatomy.muscles[muscle_id].colour
        items = []
        for view_id, path in pattern_paths(self.anatomy, muscle_id, side).items():
            for outline in (False, True):
                item = ZoneItem(self.roots[view_id], path, muscle_id, side, hex_colour, outline)
                items.append(item)
        return items

    def visible_zone_items(self) -> list[ZoneItem]:
        return [i for items in self._zones.values() for i in items if i.isVisible()]


class BodyView(QtWidgets.QGraphicsView):
    """Mouse and wheel handling: region clicks, brush and eraser strokes, zoom and pan."""

    region_clicked = QtCore.Signal(str)
    region_hovered = QtCore.Signal(str)  # "" when the pointer leaves every region
    stroke_moved = QtCore.Signal()
    stroke_finished = QtCore.Signal(str, list, bool)  # view id, [(x, y)], erase

    def __init__(self, scene: BodyScene, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.body = scene
        self.tool = Tool.REGION
        self.brush_width = 14.0
        self.eraser_width = 24.0
        self.intensity = 6
        self.fit_mode = True
        self._stroke: list[tuple[float, float]] = []
        self._stroke_view: str | None = None
        self._pan_from: QtCore.QPointF | None = None
        self._hover = ""
        self.setRenderHints(
            QtGui.QPainter.RenderHint.Antialiasing | QtGui.QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setTransformationAnchor(QtWidgets.QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QtWidgets.QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QtWidgets.QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setMouseTracking(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Body map")
        self.set_tool(Tool.REGION)

    # -- tools ---------------------------------------------------------------------------

    def set_tool(self, tool: Tool) -> None:
        self.tool = tool
        cursor = QtCore.Qt.CursorShape.PointingHandCursor
        if tool is not Tool.REGION:
            cursor = QtCore.Qt.CursorShape.CrossCursor
            self._set_hover("")
        self.viewport().setCursor(cursor)
        self.body.cursor_item.setVisible(False)

    def current_width(self) -> float:
        return self.eraser_width if self.tool is Tool.ERASER else self.brush_width

    def is_drawing(self) -> bool:
        return self._stroke_view is not None

    def draft_points(self) -> tuple[str, list[tuple[float, float]]] | None:
        if self._stroke_view is None:
            return None
        return self._stroke_view, list(self._stroke)

    # -- zoom ----------------------------------------------------------------------------

    def zoom_by(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(ZOOM_MIN / current, min(ZOOM_MAX / current, factor))
        self.fit_mode = False
        self.scale(factor, factor)

    def fit(self) -> None:
        self.fit_mode = True
        self.fitInView(self.sceneRect(), QtCore.Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_mode:
            self.fit()

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if delta:
            self.zoom_by(1.0015**delta)
        event.accept()

    # -- mouse ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        button = event.button()
        if button == QtCore.Qt.MouseButton.MiddleButton or (
            button == QtCore.Qt.MouseButton.LeftButton
            and event.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier
        ):
            self._pan_from = event.position()
            self.viewport().setCursor(QtCore.Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button != QtCore.Qt.MouseButton.LeftButton or self.tool is Tool.REGION:
            event.accept()
            return
        hit = self.body.locate(self.mapToScene(event.position().toPoint()))
        if hit is None:
            event.accept()
            return
        view_id, point = hit
        self._stroke_view = view_id
        self._stroke = [(point.x(), point.y())]
        erase = self.tool is Tool.ERASER
        self.body.begin_draft(view_id, point, self.current_width(), erase, self.intensity)
        event.accept()

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        pos = event.position()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - round(delta.x()))
            v.setValue(v.value() - round(delta.y()))
            event.accept()
            return
        scene_pos = self.mapToScene(pos.toPoint())
        if self.tool is Tool.REGION:
            hit = self.body.locate(scene_pos)
            region = self.body.anatomy.region_at(hit[0], hit[1].x(), hit[1].y()) if hit else None
            self._set_hover(region.id if region else "")
        else:
            self.body.cursor_item.place(scene_pos, self.current_width())
        if self._stroke_view is not None:
            point = self.body.to_view(self._stroke_view, scene_pos)
            last = self._stroke[-1]
            if abs(point.x() - last[0]) + abs(point.y() - last[1]) >= MIN_POINT_STEP:
                self._stroke.append((point.x(), point.y()))
                self.body.extend_draft(point)
                self.stroke_moved.emit()
        event.accept()

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        button = event.button()
        if self._pan_from is not None and button in (
            QtCore.Qt.MouseButton.MiddleButton,
            QtCore.Qt.MouseButton.LeftButton,
        ):
            self._pan_from = None
            self.set_tool(self.tool)
            event.accept()
            return
        if button != QtCore.Qt.MouseButton.LeftButton:
            event.accept()
            return
        if self.tool is Tool.REGION:
            hit = self.body.locate(self.mapToScene(event.position().toPoint()))
            region = self.body.anatomy.region_at(hit[0], hit[1].x(), hit[1].y()) if hit else None
            if region is not None:
                self.region_clicked.emit(region.id)
        elif self._stroke_view is not None:
            view_id, points = self._stroke_view, self._stroke
            self._stroke_view, self._stroke = None, []
            # The draft stays visible until the window has drawn the finished stroke.
            self.stroke_finished.emit(view_id, points, self.tool is Tool.ERASER)
            self.body.clear_draft()
        event.accept()

    def leaveEvent(self, event: QtCore.QEvent) -> None:
        self._set_hover("")
        self.body.cursor_item.setVisible(False)
        super().leaveEvent(event)

    def _set_hover(self, region_id: str) -> None:
        if region_id != self._hover:
            self._hover = region_id
            self.body.set_hover(region_id or None)
            self.region_hovered.emit(region_id)
