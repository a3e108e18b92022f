"""The view that paints on the body map: region clicks, brush and eraser strokes, zoom, pan.

Importing it is cheap (no core, no shapely): the window shows this view over the bare art
(``shell.ArtScene``) before the anatomy is loaded, and ignores input on it until then.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from bodymap.ui.canvas import BodyScene

MIN_POINT_STEP = 0.6  # SVG units; closer pointer samples add nothing visible
ZOOM_MIN, ZOOM_MAX = 0.2, 12.0
FIT_MARGIN = 2  # pixels around the fitted scene, as QGraphicsView.fitInView leaves


class Tool(enum.Enum):
    REGION = "region"
    BRUSH = "brush"
    ERASER = "eraser"


class BodyView(QtWidgets.QGraphicsView):
    """Mouse and wheel handling: region clicks, brush and eraser strokes, zoom and pan."""

    region_clicked = QtCore.Signal(str)
    region_hovered = QtCore.Signal(str)  # "" when the pointer leaves every region
    stroke_moved = QtCore.Signal()
    stroke_finished = QtCore.Signal(str, list, bool)  # view id, [(x, y)], erase

    body: BodyScene  # set by set_body(); until then the view shows art and ignores input

    def __init__(
        self, scene: QtWidgets.QGraphicsScene, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(scene, parent)
        self._has_body = False
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
        self.setAccessibleName("Body map")
        self.set_tool(Tool.REGION)

    def set_body(self, scene: BodyScene) -> None:
        """Show ``scene`` (laid out like the art shown before) and take input on it."""
        self.setScene(scene)
        self.body = scene
        self._has_body = True
        if self.fit_mode:
            self.fit()
        self.set_tool(self.tool)

    # -- tools ---------------------------------------------------------------------------

    def set_tool(self, tool: Tool) -> None:
        """Use ``tool``; its cursor shows once there is a body to use it on (the shell keeps
        the arrow: it takes no input, and the first ``viewport()`` call costs the first frame
        ~10 ms of PySide type discovery)."""
        self.tool = tool
        if tool is not Tool.REGION:
            self._set_hover("")
        if not self._has_body:
            return
        cursor = QtCore.Qt.CursorShape.PointingHandCursor
        if tool is not Tool.REGION:
            cursor = QtCore.Qt.CursorShape.CrossCursor
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
        """Show the whole scene, as large as it fits with a 2-pixel margin: what
        ``fitInView(rect, KeepAspectRatio)`` does, computed here because that enum lives in
        ``QtCore.Qt``, whose PySide set-up would cost the first frame ~15 ms."""
        self.fit_mode = True
        rect = self.sceneRect()
        size = self.maximumViewportSize()  # the viewport without scroll bars
        width, height = size.width() - 2 * FIT_MARGIN, size.height() - 2 * FIT_MARGIN
        if rect.isEmpty() or width <= 0 or height <= 0:
            return
        scale = min(width / rect.width(), height / rect.height())
        self.setTransform(QtGui.QTransform.fromScale(scale, scale))
        self.centerOn(rect.center())

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
        if (
            button != QtCore.Qt.MouseButton.LeftButton
            or self.tool is Tool.REGION
            or not self._has_body
        ):
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
        if not self._has_body:
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
        if button != QtCore.Qt.MouseButton.LeftButton or not self._has_body:
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
        if self._has_body:
            self._set_hover("")
            self.body.cursor_item.setVisible(False)
        super().leaveEvent(event)

    def _set_hover(self, region_id: str) -> None:
        if region_id != self._hover and self._has_body:
            self._hover = region_id
            self.body.set_hover(region_id or None)
            self.region_hovered.emit(region_id)
