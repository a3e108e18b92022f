"""The view that paints on the body map: region clicks, brush and eraser strokes, zoom, pan.

Importing it is cheap (no core, no shapely): the window shows this view over the bare art
(``shell.ArtScene``) before the anatomy is loaded, and ignores input on it until then.
"""

from __future__ import annotations

import enum
import math
from typing import TYPE_CHECKING, Protocol

from PySide6 import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from bodymap.core.drawing import Drawing
    from bodymap.core.matching import MatchResult

MIN_POINT_STEP = 0.6  # SVG units; closer pointer samples add nothing visible
ZOOM_MIN, ZOOM_MAX = 0.2, 12.0
FIT_MARGIN = 2  # pixels around the fitted scene, as QGraphicsView.fitInView leaves


def describe_map(drawing: Drawing, result: MatchResult) -> str:
    """What a screen reader says of the body map: the marks and the closest patterns."""
    from bodymap.ui import words

    translate = QtCore.QCoreApplication.translate
    anatomy = drawing.anatomy
    regions = [anatomy.regions[r].label for r in drawing.pain.marked_regions()]
    strokes = sum(1 for m in drawing.marks if not hasattr(m, "region"))
    parts = [
        translate("BodyView", "Marked regions: {regions}.").format(regions=", ".join(regions))
        if regions
        else translate("BodyView", "No region marked.")
    ]
    if strokes:
        parts.append(
            translate("BodyView", "1 painted stroke.")
            if strokes == 1
            else translate("BodyView", "{count} painted strokes.").format(count=strokes)
        )
    best = [f"{m.name} ({words.side(m.side)})" for m in result.matches[:3]]
    if best:
        parts.append(
            translate("BodyView", "Patterns that resemble the drawing: {names}.").format(
                names=", ".join(best)
            )
        )
    return " ".join(parts)


def pen_intensity(event: QtGui.QTabletEvent) -> int:
    """The intensity a pen's pressure (0 to 1) at the start of a stroke gives: 1 to 10."""
    return max(1, min(10, 1 + round(9 * event.pressure())))


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
        self._pinch: tuple[QtCore.QPointF, float] | None = None  # scene point, finger span
        self._hover = ""
        self.setRenderHints(
            QtGui.QPainter.RenderHint.Antialiasing | QtGui.QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setTransformationAnchor(QtWidgets.QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QtWidgets.QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QtWidgets.QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setMouseTracking(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Body map"))
        self.set_tool(Tool.REGION)

    def set_body(self, scene: Surface) -> None:
        """Show ``scene`` (laid out like the art shown before) and take input on it."""
        assert isinstance(scene, QtWidgets.QGraphicsScene)
        self.setScene(scene)
        self.body = scene
        self._has_body = True
        self.viewport().setAttribute(QtCore.Qt.WidgetAttribute.WA_AcceptTouchEvents)
        # Keyboard focus shows as a frame in the highlight colour (Tab reaches the map).
        self.setStyleSheet("BodyView { border: 2px solid transparent; }"
                           "BodyView:focus { border: 2px solid palette(highlight); }")  # fmt: skip
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
        self._press(event.position(), event.button(), event.modifiers(), self.intensity)
        event.accept()

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        self._move(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        self._release(event.position(), event.button())
        event.accept()

    def viewportEvent(self, event: QtCore.QEvent) -> bool:
        """A pen is a brush whose pressure sets the stroke's intensity; on a touch screen one
        finger paints and two fingers pinch to zoom and drag to pan."""
        kind, types = event.type(), QtCore.QEvent.Type
        if kind in (types.TabletPress, types.TabletMove, types.TabletRelease):
            assert isinstance(event, QtGui.QTabletEvent)
            left = QtCore.Qt.MouseButton.LeftButton
            if kind == types.TabletPress:
                self._press(event.position(), left, event.modifiers(), pen_intensity(event))
            elif kind == types.TabletMove:
                self._move(event.position())
            else:
                self._release(event.position(), left)
            event.accept()
            return True
        if kind in (types.TouchBegin, types.TouchUpdate, types.TouchEnd, types.TouchCancel):
            assert isinstance(event, QtGui.QTouchEvent)
            self._touch(event)
            return True
        return super().viewportEvent(event)

    def _press(
        self,
        pos: QtCore.QPointF,
        button: QtCore.Qt.MouseButton,
        modifiers: QtCore.Qt.KeyboardModifier,
        intensity: int,
    ) -> None:
        if button == QtCore.Qt.MouseButton.MiddleButton or (
            button == QtCore.Qt.MouseButton.LeftButton
            and modifiers & QtCore.Qt.KeyboardModifier.ShiftModifier
        ):
            self._pan_from = pos
            self.viewport().setCursor(QtCore.Qt.CursorShape.ClosedHandCursor)
            return
        if button != QtCore.Qt.MouseButton.LeftButton or not self._has_body:
            return
        hit = self.body.locate(self.mapToScene(pos.toPoint()))
        if self.tool is Tool.REGION:
            self._region_press = self.body.region_at(*hit) if hit else ""
            return
        if hit is None:
            return
        view_id, point = hit
        self._stroke_view, self._stroke_last = view_id, point
        width, erase = self.current_width(), self.tool is Tool.ERASER
        self.body.begin_draft(view_id, point, width, erase, intensity)
        self.stroke_began.emit(view_id, point.x(), point.y(), width, intensity, erase)

    def _move(self, pos: QtCore.QPointF) -> None:
        if self._pan_from is not None:
            self._scroll_by(pos - self._pan_from)
            self._pan_from = pos
            return
        if not self._has_body:
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

    def _release(self, pos: QtCore.QPointF, button: QtCore.Qt.MouseButton) -> None:
        if self._pan_from is not None and button in (
            QtCore.Qt.MouseButton.MiddleButton,
            QtCore.Qt.MouseButton.LeftButton,
        ):
            self._pan_from = None
            self.set_tool(self.tool)
            return
        if button != QtCore.Qt.MouseButton.LeftButton or not self._has_body:
            return
        if self._region_press is not None:
            # A click marks the region it was on; a drag from one region to another, nothing.
            pressed, self._region_press = self._region_press, None
            hit = self.body.locate(self.mapToScene(pos.toPoint()))
            if pressed and hit and self.body.region_at(*hit) == pressed:
                self.region_clicked.emit(pressed)
        elif self._stroke_view is not None:
            # The draft stays visible until the window has drawn the finished stroke.
            self.stroke_released.emit()
            self.end_stroke()

    def _scroll_by(self, delta: QtCore.QPointF) -> None:
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() - round(delta.x()))
        v.setValue(v.value() - round(delta.y()))

    def _touch(self, event: QtGui.QTouchEvent) -> None:
        viewport = self.viewport()
        points = [viewport.mapFromGlobal(p.globalPosition()) for p in event.points()]
        left = QtCore.Qt.MouseButton.LeftButton
        ended = event.type() in (QtCore.QEvent.Type.TouchEnd, QtCore.QEvent.Type.TouchCancel)
        if len(points) >= 2 and not ended:
            if self._stroke_view is not None or self._region_press is not None:
                self._region_press = None  # the second finger makes it a gesture
                if self._stroke_view is not None:
                    self.stroke_cancelled.emit()
                    self.end_stroke()
            a, b = points[0], points[1]
            centre, span = (a + b) / 2, math.hypot(a.x() - b.x(), a.y() - b.y())
            if self._pinch is not None:
                anchor, before = self._pinch
                if before > 0 and span > 0:
                    self.zoom_by(span / before)
                self._scroll_by(centre - self.mapFromScene(anchor).toPointF())
            self._pinch = (self.mapToScene(centre.toPoint()), span)
            event.accept()
            return
        if self._pinch is not None:  # the fingers lift after a gesture: nothing to paint
            if ended:
                self._pinch = None
            event.accept()
            return
        if points:
            pos = points[0]
            if event.type() == QtCore.QEvent.Type.TouchBegin:
                self._press(pos, left, event.modifiers(), self.intensity)
            elif ended:
                self._release(pos, left)
            else:
                self._move(pos)
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
