"""The main window: the body map in the middle, matches, muscle guide, regions and note in
docks. Menus and files live in ``actions.py`` and ``files.py``.

The window is built in two steps so the app can show it before the heavy work: the frame
(menus, toolbar, docks, the body art) needs neither the core nor ``bodymap.io``, and
``attach()`` adds the anatomy, the matcher, the document and the scene. This module therefore
imports the core (shapely, numpy) only inside the methods that run once it is attached.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.ui import dialogs
from bodymap.ui.actions import Actions
from bodymap.ui.body_view import BodyView, Tool
from bodymap.ui.files import FileController
from bodymap.ui.screen_fit import restore_layout
from bodymap.ui.settings import app_settings
from bodymap.ui.shell import ArtScene, ViewArt, on_paper

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from bodymap.core.anatomy import Anatomy
    from bodymap.core.matching import Matcher, MatchResult, MatchState, Overlaps
    from bodymap.core.pain import Mark, StrokeBuilder
    from bodymap.ui.autosave import Autosaver
    from bodymap.ui.canvas import BodyScene
    from bodymap.ui.document import PainDocument
    from bodymap.ui.match_list import MatchList
    from bodymap.ui.panels import MusclePanels
    from bodymap.ui.region_list import RegionList

LIVE_MATCH_MS = 100  # matching while a stroke is drawn, at most this often
BANDS_IDLE_MS = 1500  # quiet time before recently painted marks are merged into the bands
MAX_RECENT_MARKS = 64  # beyond this the pain layer is rebuilt from the bands at once
LOADING = "Loading the body map…"

_TOOL_HINTS = {
    Tool.REGION: "Region: click a part of the body to mark it as painful; click again to unmark.",
    Tool.BRUSH: "Brush (size {size}, intensity {intensity}): drag to paint where it hurts.",
    Tool.ERASER: "Eraser (size {size}): drag over painted pain to remove it.",
}


class MainWindow(QtWidgets.QMainWindow):
    # Set by attach(): the window before it is a shell that shows the art and takes no input.
    match_list: MatchList
    panels: MusclePanels
    region_list: RegionList
    note_edit: QtWidgets.QPlainTextEdit
    anatomy: Anatomy
    matcher: Matcher
    document: PainDocument
    scene: BodyScene
    autosaver: Autosaver
    result: MatchResult

    def __init__(
        self,
        anatomy: Anatomy | None = None,
        matcher: Matcher | None = None,
        *,
        art: list[ViewArt] | None = None,
    ) -> None:
        """A window for ``anatomy``; without one, the shell of the window showing ``art``
        ("Loading…" in the status bar) until ``attach()`` is called."""
        super().__init__()
        self._attached = False
        self.undo_stack = QtGui.QUndoStack(self)
        self.view = BodyView(ArtScene(art or [], self), self)
        on_paper(self.view)
        self.view.setMinimumSize(420, 360)  # docks give way before the body map does
        self.setCentralWidget(self.view)
        self.setDockNestingEnabled(True)
        self.setDocumentMode(True)

        # The docks' contents come with the anatomy (attach): item views cost the first frame
        # ~10 ms of PySide type set-up, and none of them has anything to show before.
        self.match_dock = self._dock("Matches", "matches")
        self.panel_dock = self._dock("Muscle guide", "guide")
        self.region_dock = self._dock("Regions", "regions")
        self.note_dock = self._dock("Note", "note")
        # Placed by _restore_layout(): left the regions over the note, right the matches over
        # the muscle guide, unless the saved layout says otherwise.
        self._left_docks = (self.region_dock, self.note_dock)
        self._right_docks = (self.match_dock, self.panel_dock)

        self.tool_label = QtWidgets.QLabel()
        self.hover_label = QtWidgets.QLabel()
        self.statusBar().addWidget(self.tool_label, 1)
        self.statusBar().addPermanentWidget(self.hover_label)

        self._live_timer = QtCore.QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_MATCH_MS)
        # Marks already drawn by each pain layer (in order), to draw only what was added.
        self._shown_marks: dict[str, list[Mark]] = {}
        self._builder: StrokeBuilder | None = None  # the stroke being drawn
        # (builder, its complete chunks, marks version, their new paint, its overlaps with the
        # zones), measured at the last live-matching tick
        self._known: tuple[StrokeBuilder, int, int, BaseGeometry, Overlaps] | None = None
        self._bands_timer = QtCore.QTimer(self)
        self._bands_timer.setSingleShot(True)
        self._bands_timer.setInterval(BANDS_IDLE_MS)
        self.files = FileController(self)
        self.commands = Actions(self)

        self.view.region_clicked.connect(self._on_view_region_clicked)
        self.view.region_hovered.connect(self._on_view_region_hovered)
        self.view.stroke_moved.connect(self._on_view_stroke_moved)
        self.view.stroke_finished.connect(self._on_view_stroke_finished)
        self._live_timer.timeout.connect(self._on_live_timer_timeout)
        self._bands_timer.timeout.connect(self._on_bands_timer_timeout)
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)

        self.set_tool(Tool.REGION)
        self.files.update_title()
        self.resize(1400, 900)
        self._restore_layout()
        if anatomy is None:
            self.tool_label.setText(LOADING)
        else:
            self.attach(anatomy, matcher)

    def attach(self, anatomy: Anatomy, matcher: Matcher | None = None) -> None:
        """Load ``anatomy`` into the shell: from here on the window is the full app."""
        from bodymap.core.matching import Matcher, MatchResult
        from bodymap.ui.autosave import Autosaver
        from bodymap.ui.canvas import BodyScene
        from bodymap.ui.document import PainDocument
        from bodymap.ui.match_list import MatchList
        from bodymap.ui.panels import MusclePanels
        from bodymap.ui.region_list import RegionList

        self.anatomy = anatomy
        self.matcher = matcher or Matcher(anatomy)
        self.document = PainDocument(anatomy, self)
        self.result = MatchResult((), 0.0, 0.0)
        self._match_state: MatchState | None = None  # follows the pain for Matcher.update
        shell_scene = self.view.scene()
        self.scene = BodyScene(anatomy, self)
        self.view.set_body(self.scene)
        shell_scene.deleteLater()
        self.match_list = MatchList()
        self.panels = MusclePanels(anatomy)
        self.region_list = RegionList(anatomy)
        self.note_edit = QtWidgets.QPlainTextEdit()
        self.note_edit.setPlaceholderText("A note for this session: when it started, what helps…")
        self.note_edit.setTabChangesFocus(True)  # Tab leaves the note; a note needs no tabs
        self.note_edit.setAccessibleName("Session note")
        self.match_dock.setWidget(self.match_list)
        self.panel_dock.setWidget(self.panels)
        self.region_dock.setWidget(self.region_list)
        self.note_dock.setWidget(self.note_edit)
        self.commands.add_muscles()
        self.autosaver = Autosaver(self.document.to_session, self)
        self.document.pain_changed.connect(self._on_document_pain_changed)
        self.document.note_changed.connect(self._on_document_note_changed)
        self.note_edit.textChanged.connect(self._on_note_text_changed)
        self.match_list.match_selected.connect(self._on_match_list_match_selected)
        self.region_list.region_toggled.connect(self.toggle_region)
        area = QtCore.Qt.DockWidgetArea
        for side, docks in ((area.LeftDockWidgetArea, self._left_docks),
                            (area.RightDockWidgetArea, self._right_docks)):  # fmt: skip
            for dock in docks:  # one a saved layout left out (saved before it existed)
                if self.dockWidgetArea(dock) == area.NoDockWidgetArea:
                    self.addDockWidget(side, dock)
        self._attached = True
        self.files.update_title()
        self.update_tool_hint()

    def is_attached(self) -> bool:
        return self._attached

    def _dock(self, title: str, name: str) -> QtWidgets.QDockWidget:
        dock = QtWidgets.QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(QtWidgets.QWidget())  # replaced by attach()
        dock.setFeatures(
            QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        return dock

    # -- tools -----------------------------------------------------------------------------

    def set_tool(self, tool: Tool) -> None:
        self.view.set_tool(tool)
        action = self.commands.tool_actions[tool]
        if not action.isChecked():
            action.setChecked(True)
        self.update_tool_hint()

    def update_tool_hint(self) -> None:
        self.commands.sync_size_spin()
        if not self._attached:
            return  # the status bar says "Loading…"
        tool = self.view.tool
        self.tool_label.setText(
            _TOOL_HINTS[tool].format(
                size=round(self.view.current_width()), intensity=self.view.intensity
            )
        )

    def set_brush_width(self, width: float) -> None:
        self.view.brush_width = float(width)
        self.update_tool_hint()

    def set_eraser_width(self, width: float) -> None:
        self.view.eraser_width = float(width)
        self.update_tool_hint()

    def set_intensity(self, intensity: int) -> None:
        self.view.intensity = int(intensity)
        self.update_tool_hint()

    # -- editing ---------------------------------------------------------------------------

    def toggle_region(self, region_id: str) -> None:
        from bodymap.core.pain import RegionMark
        from bodymap.ui.commands import AddMarkCommand, SetMarksCommand

        if not self._attached:
            return
        region = self.anatomy.regions[region_id]
        if self.document.pain.region_marked(region_id):
            keep = [
                m
                for m in self.document.marks
                if not (isinstance(m, RegionMark) and m.region == region_id)
            ]
            self.undo_stack.push(SetMarksCommand(self.document, keep, f"Unmark {region.label}"))
        else:
            mark = RegionMark(region_id, self.view.intensity)
            self.undo_stack.push(AddMarkCommand(self.document, mark, f"Mark {region.label}"))

    def clear_all(self) -> None:
        from bodymap.ui.commands import SetMarksCommand

        if not self._attached:
            return
        if self.document.marks:
            self.undo_stack.push(SetMarksCommand(self.document, [], "Clear all"))

    def mirror_marks(self) -> None:
        from bodymap.core.pain import RegionMark, mirrored
        from bodymap.ui.commands import SetMarksCommand

        if not self._attached:
            return
        marks = list(self.document.marks)
        marked = set(self.document.pain.marked_regions())
        added = []
        for mark in marks:
            twin = mirrored(mark, self.anatomy)
            if twin is None or (isinstance(twin, RegionMark) and twin.region in marked):
                continue
            if isinstance(twin, RegionMark):
                marked.add(twin.region)
            added.append(twin)
        if added:
            self.undo_stack.push(
                SetMarksCommand(self.document, marks + added, "Mirror to the other side")
            )
        else:
            self.statusBar().showMessage("Nothing to mirror: mark pain on one side first.", 4000)

    # -- slots -----------------------------------------------------------------------------

    def _on_view_region_clicked(self, region_id: str) -> None:
        self.toggle_region(region_id)

    def _on_view_region_hovered(self, region_id: str) -> None:
        region = self.anatomy.regions.get(region_id)
        if region is None:
            self.hover_label.setText("")
            self.view.viewport().setToolTip("")
            return
        state = "marked" if self.document.pain.region_marked(region_id) else "click to mark"
        self.hover_label.setText(f"{region.label} ({state})")
        self.view.viewport().setToolTip(region.label)

    def _on_view_stroke_moved(self) -> None:
        if not self._live_timer.isActive():
            self._live_timer.start()

    def _on_live_timer_timeout(self) -> None:
        from bodymap.core.pain import EMPTY

        draft = self.view.draft_points()
        if draft is None:
            return
        builder = self._draft_builder(*draft, self.view.current_width())
        if self.view.tool is not Tool.BRUSH:
            return
        marks, known = self.document.pain, self._known
        marks.geometry(builder.view)  # merges the paint of earlier strokes, off the release path
        merged, area, overlaps = builder.merged, EMPTY, {}
        if merged:  # measure the complete chunks now, so the release has only the rest to measure
            if known is None or (known[0], known[1], known[2]) != (builder, merged, marks.version):
                area, _ = marks.new_paint(builder.view, builder.merged_area())
                overlaps = self.matcher.measure(builder.view, area)
                self._known = (builder, merged, marks.version, area, overlaps)
            else:
                area, overlaps = known[3], known[4]
        # The preview: the stroke so far on a copy of the match state; of its new paint, only
        # what lies outside the complete chunks measured above is measured now.
        added, rest = marks.new_paint(builder.view, builder.area_since(merged), area)
        pain = marks.views(builder.view, added)
        if self._match_state is None:
            result = self.matcher.match(pain)
        else:
            result = self.matcher.update(
                self._match_state.copy(), pain, builder.view, added, 1.0,
                pain_area=marks.area(added), measured=(overlaps, rest),
            )  # fmt: skip
        self._show_result(result, False)

    def _draft_builder(
        self, view_id: str, points: list[tuple[float, float]], width: float
    ) -> StrokeBuilder:
        """The stroke being drawn, its area built up chunk by chunk at each live-matching
        tick so that ending even a long stroke costs about one chunk."""
        from bodymap.core.pain import StrokeBuilder

        builder = self._builder
        if (
            builder is None
            or (builder.view, builder.width) != (view_id, width)
            or len(builder.points) > len(points)
            or (builder.points and builder.points[0] != tuple(round(c, 2) for c in points[0]))
        ):
            builder = self._builder = StrokeBuilder(view_id, width)
        builder.extend(points[len(builder.points) :])
        return builder

    def _on_view_stroke_finished(
        self, view_id: str, points: list[tuple[float, float]], erase: bool
    ) -> None:
        from bodymap.core.pain import validate_mark
        from bodymap.ui.commands import AddMarkCommand

        self._live_timer.stop()
        width = self.view.eraser_width if erase else self.view.brush_width
        # Points are rounded as the session file stores them: a saved session reloads identical.
        builder = self._draft_builder(view_id, points, width)
        stroke = builder.stroke(self.view.intensity, erase)
        self._builder = None
        if validate_mark(stroke, self.anatomy) is not None:
            return
        known = self._known  # kept for refresh_matches, which reuses its overlaps
        if known is not None and known[0] is builder and not erase:
            _, merged, version, area, _ = known
            self.document.pain.hint(stroke, version, area, builder.area_since(merged))
        text = "Erase" if erase else "Paint"
        self.undo_stack.push(AddMarkCommand(self.document, stroke, text))

    def _on_document_pain_changed(self, views: list[str]) -> None:
        for view_id in views:
            self._show_pain(view_id)
        self.region_list.set_marked(set(self.document.pain.marked_regions()))
        self.refresh_matches()

    def _show_pain(self, view_id: str) -> None:
        """Draw the pain of one view: marks appended since the last call are painted on top
        (cheap, what ending a stroke needs); anything else rebuilds the layer from the bands.
        """
        from bodymap.core.pain import is_erase

        pain = self.document.pain
        marks = [m for m in pain.marks if pain.view_of(m) == view_id]
        shown = self._shown_marks.get(view_id, [])
        new = marks[len(shown) :]
        layer = self.scene.pain_layers[view_id]
        if (
            new
            and len(shown) < len(marks)
            and all(a is b for a, b in zip(shown, marks, strict=False))
            and not any(is_erase(m) for m in new)
            and layer.recent_count() + len(new) <= MAX_RECENT_MARKS
        ):
            for mark in new:
                self.scene.add_pain(view_id, mark, pain.mark_on_body(mark))
            self._bands_timer.start()  # merge them into the bands once the user pauses
        else:
            self.scene.set_pain(view_id, self.document.bands.bands(view_id))
        self._shown_marks[view_id] = marks

    def _on_bands_timer_timeout(self) -> None:
        if self.view.is_drawing():  # never stall the ink; try again at the next pause
            self._bands_timer.start()
            return
        for view_id, layer in self.scene.pain_layers.items():
            if layer.recent_count():
                self.scene.set_pain(view_id, self.document.bands.bands(view_id))

    def refresh_matches(self) -> None:
        """Rank the muscles for the current pain: after one appended mark only what it
        changed is measured (``Matcher.update``); anything else is matched anew."""
        pain = self.document.pain.views()  # looked up (new paint merged) only if needed
        change = self.document.take_change()
        parts, known = self.document.pain.last_parts, self._known
        if change is not None and self._match_state is not None:
            area = self.document.pain.area()
            reuse = None  # the overlaps measured while the stroke was drawn, if they apply
            if parts is not None and known is not None and parts[0] is known[3]:
                reuse = (known[4], parts[1])
            result = self.matcher.update(
                self._match_state, pain, *change, pain_area=area, measured=reuse
            )
        else:
            result, self._match_state = self.matcher.start(pain)
        self._show_result(result, True)

    def _show_result(self, result: MatchResult, final: bool) -> None:
        self.result = result
        self.match_list.set_result(result)
        self._update_highlights()
        if final:
            self.panels.show_matches(result.matches)

    def _update_highlights(self) -> None:
        from bodymap.io import palette

        selected = self.match_list.selected()
        shown = [(m.muscle, m.side) for m in self.result.matches[: palette.MAX_HIGHLIGHTS]]
        if selected is not None and selected not in shown:
            shown.append(selected)
        self.scene.set_highlights(shown, selected)

    def _on_match_list_match_selected(self, muscle_id: str, side: str) -> None:
        self._update_highlights()
        if muscle_id:
            self.panels.open_muscle(muscle_id)

    def _on_note_text_changed(self) -> None:
        from bodymap.ui.commands import SetNoteCommand

        text = self.note_edit.toPlainText()
        if text != self.document.note:
            self.undo_stack.push(SetNoteCommand(self.document, text))

    def _on_document_note_changed(self, note: str) -> None:
        if self.note_edit.toPlainText() != note:
            with QtCore.QSignalBlocker(self.note_edit):
                self.note_edit.setPlainText(note)
                self.note_edit.moveCursor(QtGui.QTextCursor.MoveOperation.End)

    def _on_undo_stack_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _on_undo_stack_index_changed(self, index: int) -> None:
        if self.undo_stack.isClean():
            self.autosaver.discard_file()
        else:
            self.autosaver.schedule()

    # -- window ------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        """The geometry and the docks as the user left them, else the default dock layout.
        A saved state places the docks by itself, so a start with one uses no ``QtCore.Qt``
        enum before its first frame (their PySide set-up costs ~15 ms); ``attach()`` places
        any dock a saved state left out."""
        settings = app_settings()
        # Brought onto this screen if need be; the docks laid out for the screen's size.
        restore_layout(
            self,
            settings.value("window/geometry"),
            settings.value("window/state"),
            self._left_docks,
            self._right_docks,
        )

    def save_layout(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if not self._attached:  # closed while loading: nothing to save or clean up
            event.accept()
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        self.save_layout()
        self.autosaver.close()
        event.accept()

    def show_safety(self) -> None:
        if self._attached:
            dialogs.show_safety(self, self.anatomy.safety)

    def startup(self, session_path: str | None) -> None:
        """After the window is shown: safety note once, crash recovery, the given session."""
        settings = app_settings()
        if not settings.value("safety/seen", False, type=bool):
            self.show_safety()
            settings.setValue("safety/seen", True)
        self.files.offer_recovery()
        if session_path:
            self.files.open_path(session_path)
