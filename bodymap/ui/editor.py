"""The body map's editing: forwards the view's clicks and strokes and the edit commands to
the core's ``Drawing``, pushes the undo steps, and draws on the scene what each reported
``Change`` says. It receives what it acts on; the window only shows the ranking it reports.
"""

from __future__ import annotations

import shiboken6
from PySide6 import QtCore, QtGui

from bodymap.core.drawing import Change, Drawing
from bodymap.core.matching import MatchResult
from bodymap.ui.body_view import BodyView
from bodymap.ui.canvas import BodyScene
from bodymap.ui.commands import DrawingCommand
from bodymap.ui.document import PainDocument

LIVE_MATCH_MS = 100  # matching while a stroke is drawn, at most this often
BANDS_IDLE_MS = 1500  # quiet time before recently painted marks are merged into the bands
MAX_RECENT_MARKS = 64  # beyond this the pain layer is rebuilt from the bands at once


class Editor(QtCore.QObject):
    """Edits ``document``'s drawing from ``view``'s input, on ``undo_stack``, drawn on
    ``scene``. ``result_shown(result, final)`` reports every ranking to show (``final``
    False for the live preview of a stroke being drawn); ``marks_changed`` follows every
    change of the marks; ``undo_state_changed(undo, redo)`` names the next undo and redo
    steps ("" when there is none); ``refused`` says why an edit could not be made."""

    result_shown = QtCore.Signal(object, bool)
    marks_changed = QtCore.Signal()
    undo_state_changed = QtCore.Signal(str, str)
    refused = QtCore.Signal(str)  # why an edit was not made (the session's limits)

    def __init__(
        self,
        document: PainDocument,
        view: BodyView,
        scene: BodyScene,
        undo_stack: QtGui.QUndoStack,
    ) -> None:
        super().__init__(document)
        self.document, self.view, self.scene, self.undo_stack = document, view, scene, undo_stack
        self._live_timer = QtCore.QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_MATCH_MS)
        self._bands_timer = QtCore.QTimer(self)
        self._bands_timer.setSingleShot(True)
        self._bands_timer.setInterval(BANDS_IDLE_MS)
        self._stroke_text = ""  # the undo text of the stroke being drawn
        view.region_clicked.connect(self._on_view_region_clicked)
        view.stroke_began.connect(self._on_view_stroke_began)
        view.stroke_extended.connect(self._on_view_stroke_extended)
        view.stroke_released.connect(self._on_view_stroke_released)
        view.stroke_cancelled.connect(self.cancel_stroke)
        self._live_timer.timeout.connect(self._on_live_timer_timeout)
        self._bands_timer.timeout.connect(self.merge_recent_paint)
        document.drawing_changed.connect(self._on_document_drawing_changed)
        undo_stack.indexChanged.connect(self._sync_undo)

    @property
    def drawing(self) -> Drawing:
        return self.document.drawing

    # -- edits: each verb is the drawing's, each edit one undo step ------------------------

    def _edit(self, change: Change | None, text: str) -> None:
        if change is not None:
            self.document.publish(change)
            if not change.refused:
                self.undo_stack.push(DrawingCommand(self.document, text))

    def toggle_region(self, region_id: str) -> None:
        label = self.drawing.anatomy.regions[region_id].label
        text = self.tr("Unmark {region}") if self.drawing.region_marked(region_id) else None
        text = (text or self.tr("Mark {region}")).format(region=label)
        self._edit(self.drawing.toggle_region(region_id, self.view.intensity), text)

    def clear_all(self) -> None:
        self._edit(self.drawing.clear(), self.tr("Clear all"))

    def mirror_marks(self) -> bool:
        """Mirror the marks to the other side; False when there was nothing to mirror."""
        change = self.drawing.mirror()
        self._edit(change, self.tr("Mirror to the other side"))
        return change is not None

    def undo(self) -> None:
        """Cancel the stroke being drawn, if any; else take back the last step."""
        if self.drawing.drawing_stroke:
            self.cancel_stroke()
        else:
            self.undo_stack.undo()

    def redo(self) -> None:
        if not self.drawing.drawing_stroke:
            self.undo_stack.redo()

    def cancel_stroke(self) -> None:
        self.document.publish(self.drawing.cancel_stroke())

    def finish_stroke(self) -> None:
        """End the stroke being drawn as if the button were released (focus lost, closing)."""
        if self.drawing.drawing_stroke:
            self._on_view_stroke_released()

    def stop(self) -> None:
        """Stop the timers (the window is closing): nothing is measured or drawn any more."""
        self._live_timer.stop()
        self._bands_timer.stop()

    # -- the view's input ------------------------------------------------------------------

    def _on_view_region_clicked(self, region_id: str) -> None:
        self.toggle_region(region_id)

    def _on_view_stroke_began(
        self, view_id: str, x: float, y: float, width: float, intensity: int, erase: bool
    ) -> None:
        self._stroke_text = self.tr("Erase") if erase else self.tr("Paint")
        self.document.publish(self.drawing.begin_stroke(view_id, (x, y), width, intensity, erase))
        self._sync_undo()

    def _on_view_stroke_extended(self, x: float, y: float) -> None:
        self.drawing.extend_stroke([(x, y)])
        if not self._live_timer.isActive():
            self._live_timer.start()

    def _on_live_timer_timeout(self) -> None:
        result = self.drawing.preview()
        if result is not None:
            self.result_shown.emit(result, False)

    def _on_view_stroke_released(self) -> None:
        change = self.drawing.finish_stroke()
        if change is not None and change.views:
            self._edit(change, self._stroke_text)
        else:
            self.document.publish(change)

    # -- drawing what changed -------------------------------------------------------------

    def _on_document_drawing_changed(self, change: Change) -> None:
        if change.stroke_ended:
            self._live_timer.stop()
            self.view.end_stroke()
        if change.refused:
            self.refused.emit(change.refused)
        for view_id in change.views:
            self._show_pain(view_id, change)
        if change.views:
            self.marks_changed.emit()
        self.result_shown.emit(change.result, True)
        self._sync_undo()

    def _show_pain(self, view_id: str, change: Change) -> None:
        """Draw the pain of one view: paint marks just appended go on top (cheap, what ending
        a stroke needs); anything else redraws the layer from the bands."""
        pain = self.drawing.pain
        painted = [(m, a) for m, a in change.painted if pain.view_of(m) == view_id]
        layer = self.scene.pain_layers[view_id]
        if painted and layer.recent_count() + len(painted) <= MAX_RECENT_MARKS:
            for mark, area in painted:
                self.scene.add_pain(view_id, mark, area)
            self._bands_timer.start()  # merge them into the bands once the user pauses
        else:
            self.scene.set_pain(view_id, self.drawing.bands(view_id))

    def merge_recent_paint(self) -> None:
        """Redraw from the bands the views that show recently painted marks on top."""
        if self.view.is_drawing():  # never stall the ink; try again at the next pause
            self._bands_timer.start()
            return
        for view_id, layer in self.scene.pain_layers.items():
            if layer.recent_count():
                self.scene.set_pain(view_id, self.drawing.bands(view_id))

    def _sync_undo(self) -> None:
        stack = self.undo_stack
        if not shiboken6.isValid(stack):
            return  # the window is being destroyed: its stack clears itself on the way out
        if self.drawing.drawing_stroke:
            self.undo_state_changed.emit(self.tr("(cancel the stroke)"), "")
            return
        undo = (stack.undoText() or self.tr("step")) if stack.canUndo() else ""
        redo = (stack.redoText() or self.tr("step")) if stack.canRedo() else ""
        self.undo_state_changed.emit(undo, redo)


__all__ = ["MAX_RECENT_MARKS", "Editor", "MatchResult"]
