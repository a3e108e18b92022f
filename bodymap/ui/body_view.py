"""The view that paints on the body map: region clicks, brush and eraser strokes, zoom, pan.

Importing it is cheap (no core, no shapely): the window shows this view over the bare art
(``shell.ArtScene``) before the anatomy is loaded, and ignores input on it until then.
"""

from __future__ import annotations

import enum
from typing import Protocol

from PySide6 import QtCore, QtGui, QtWidgets

MIN_POINT_STEP = 0.6  # SVG units; closer pointer samples add nothing visible
ZOOM_MIN, ZOOM_MAX = 0.2, 12.0
FIT_MARGIN = 2  # pixels around the fitted scene, as QGraphicsView.fitInView leaves


class Tool(enum.Enum):
    REGION = "region"
    BRUSH = "brush"
    ERASER = "eraser"


class Surface(Protocol):
    """What the view needs of the scene it paints on (``canvas.BodyScene``)."""

    @property
    def cursor_item(self) -> QtWidgets.QGraphicsItem: ...

    def locate(self, scene_pos: QtCore.QPointF) -> tuple[str, QtCore.QPointF] | None: ...
    def to_view(self, view_id: str, scene_pos: QtCore.QPointF) -> QtCore.QPointF: ...
    def region_at(self, view_id: str, point: QtCore.QPointF) -> str: ...
    def place_cursor(self, scene_pos: QtCore.QPointF, width: float) -> None: ...
    def set_hover(self, region_id: str | None) -> None: ...
    def begin_draft(
        self, view_id: str, point: QtCore.QPointF, width: float, erase: bool, intensity: int
    ) -> None: ...
    def extend_draft(self, point: QtCore.QPointF) -> None: ...
    def clear_draft(self) -> None: ...


class BodyView(QtWidgets.QGraphicsView):
    """Mouse and wheel handling: region clicks, brush and eraser strokes, zoom and pan.

    A drag is one thing from press to release: what the press began (a region click, a
    stroke, a pan) is what the release ends, whatever tool is chosen meanwhile. A stroke is
    reported as it goes (``stroke_began``, ``stroke_extended``, ``stroke_released``, points in
    the SVG units of its view); the window may end it early with :meth:`end_stroke`.
    """

    region_clicked = QtCore.Signal(str)
    region_hovered = QtCore.Signal(str)  # "" when the pointer leaves every region
    # view id, x, y, width, intensity, erase: what the stroke keeps until it ends
    stroke_began = QtCore.Signal(str, float, float, float, int, bool)
    stroke_extended = QtCore.Signal(float, float)
    stroke_released = QtCore.Signal()
    stroke_cancelled = QtCore.Signal()  # Escape during a stroke

    body: Surface  # set by set_body(); until then the view shows art and ignores input

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
        self._stroke_view: str | None = None  # the view of the stroke being drawn
        self._stroke_last = QtCore.QPointF()
        self._region_press: str | None = None  # the region a region-tool press was on
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

    def set_body(self, scene: Surface) -> None:
        """Show ``scene`` (laid out like the art shown before) and take input on it."""
        assert isinstance(scene, QtWidgets.QGraphicsScene)
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

    def hovered_region(self) -> str:
        """The id of the region under the pointer with the region tool, or ""."""
        return self._hover

    def end_stroke(self) -> None:
        """Forget the stroke being drawn (the window ended it) and take its ink away."""
        if self._stroke_view is not None:
            self._stroke_view = None
            self.body.clear_draft()

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
        if button != QtCore.Qt.MouseButton.LeftButton or not self._has_body:
            event.accept()
            return
        hit = self.body.locate(self.mapToScene(event.position().toPoint()))
        if self.tool is Tool.REGION:
            self._region_press = self.body.region_at(*hit) if hit else ""
            event.accept()
            return
        if hit is None:
            event.accept()
            return
        view_id, point = hit
        self._stroke_view, self._stroke_last = view_id, point
        width, erase = self.current_width(), self.tool is Tool.ERASER
        self.body.begin_draft(view_id, point, width, erase, self.intensity)
        self.stroke_began.emit(view_id, point.x(), point.y(), width, self.intensity, erase)
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
        if self.tool is Tool.REGION and self._stroke_view is None:
            hit = self.body.locate(scene_pos)
            self._set_hover(self.body.region_at(*hit) if hit else "")
        else:
            self.body.place_cursor(scene_pos, self.current_width())
        if self._stroke_view is not None:
            point = self.body.to_view(self._stroke_view, scene_pos)
            last = self._stroke_last
            if abs(point.x() - last.x()) + abs(point.y() - last.y()) >= MIN_POINT_STEP:
                self._stroke_last = point
                self.body.extend_draft(point)
                self.stroke_extended.emit(point.x(), point.y())
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
        if self._region_press is not None:
            # A click marks the region it was on; a drag from one region to another, nothing.
            pressed, self._region_press = self._region_press, None
            hit = self.body.locate(self.mapToScene(event.position().toPoint()))
            if pressed and hit and self.body.region_at(*hit) == pressed:
                self.region_clicked.emit(pressed)
        elif self._stroke_view is not None:
            # The draft stays visible until the window has drawn the finished stroke.
            self.stroke_released.emit()
            self.end_stroke()
        event.accept()

    def leaveEvent(self, event: QtCore.QEvent) -> None:
        if self._has_body:
            self._set_hover("")
            self.body.cursor_item.setVisible(False)
        super().leaveEvent(event)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.key() == QtCore.Qt.Key.Key_Escape and self._stroke_view is not None:
            self.stroke_cancelled.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _set_hover(self, region_id: str) -> None:
        if region_id != self._hover and self._has_body:
            self._hover = region_id
            self.body.set_hover(region_id or None)
            self.region_hovered.emit(region_id)
