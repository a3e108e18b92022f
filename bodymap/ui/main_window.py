"""The main window: the body map in the middle, matches, muscle guide, regions and note in
docks. Menus and files live in ``actions.py`` and ``files.py``, the checklist in
``checklist.py``. The window forwards pointer events and commands to the core's ``Drawing``
(through the document) and draws what each reported ``Change`` says; it holds no geometry.

It is built in two steps so the app can show it before the heavy work: the frame (menus,
toolbar, docks, the body art) needs neither the core nor ``bodymap.io``, and ``attach()`` adds
the anatomy, the matcher, the document and the scene. This module therefore imports the core
(shapely, numpy) only inside the methods that run once it is attached."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.ui import dialogs, words
from bodymap.ui.actions import Actions
from bodymap.ui.body_view import BodyView, Tool, describe_map
from bodymap.ui.checklist import attach_checklist
from bodymap.ui.files import FileController
from bodymap.ui.screen_fit import restore_layout
from bodymap.ui.settings import app_settings
from bodymap.ui.shell import ArtScene, ViewArt, make_dock, on_paper
from bodymap.ui.words import QT_TRANSLATE_NOOP, TOOL_HINTS

if TYPE_CHECKING:
    from bodymap.core.anatomy import Anatomy
    from bodymap.core.drawing import Drawing
    from bodymap.core.matching import Matcher, MatchResult
    from bodymap.ui.autosave import Autosaver
    from bodymap.ui.canvas import BodyScene
    from bodymap.ui.document import PainDocument
    from bodymap.ui.editor import Editor
    from bodymap.ui.match_list import MatchList
    from bodymap.ui.panels import MusclePanels
    from bodymap.ui.region_list import RegionList

LOADING = QT_TRANSLATE_NOOP("MainWindow", "Loading the body map…")


class MainWindow(QtWidgets.QMainWindow):
    # Set by attach(): the window before it is a shell that shows the art and takes no input.
    editor: Editor
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
        self.match_dock = make_dock(self, self.tr("Matches"), "matches")
        self.panel_dock = make_dock(self, self.tr("Muscle guide"), "guide")
        self.region_dock = make_dock(self, self.tr("Regions"), "regions")
        self.note_dock = make_dock(self, self.tr("Note"), "note")
        self.diary_dock = make_dock(
            self, self.tr("Diary"), "diary"
        )  # filled by ui/diary_dock.attach_diary
        # Placed by _restore_layout(): left the regions over the note, right the matches over
        # the muscle guide, unless the saved layout says otherwise.
        self._left_docks = (self.region_dock, self.note_dock)
        self._right_docks = (self.match_dock, self.panel_dock)

        self.tool_label = QtWidgets.QLabel()
        self.hover_label = QtWidgets.QLabel()
        self.statusBar().addWidget(self.tool_label, 1)
        self.statusBar().addPermanentWidget(self.hover_label)

        self.files = FileController(self, self.undo_stack)
        docks = (self.match_dock, self.panel_dock, self.region_dock, self.note_dock)
        self.action_set = Actions(self, self.files, self.view, docks)
        self._connect_actions()

        self.view.region_hovered.connect(self._on_view_region_hovered)
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)

        self.set_tool(Tool.REGION)
        self.files.update_title()
        self.resize(1400, 900)
        self._restore_layout()
        if anatomy is None:
            self.tool_label.setText(self.tr(LOADING))
        else:
            self.attach(anatomy, matcher)

    def _connect_actions(self) -> None:
        a = self.action_set
        a.undo.triggered.connect(self.undo)
        a.redo.triggered.connect(self.redo)
        a.clear.triggered.connect(self.clear_all)
        a.mirror.triggered.connect(self.mirror_marks)
        for tool, action in a.tool_actions.items():
            action.triggered.connect(lambda _=False, t=tool: self.set_tool(t))
        a.find_region.triggered.connect(self._focus_region_search)
        a.safety.triggered.connect(self.show_safety)
        a.size_changed.connect(self._on_action_set_size_changed)
        a.intensity_changed.connect(self.set_intensity)
        a.muscle_chosen.connect(self._open_muscle)

    def attach(self, anatomy: Anatomy, matcher: Matcher | None = None) -> None:
        """Load ``anatomy`` into the shell: from here on the window is the full app."""
        from bodymap.core.matching import Matcher
        from bodymap.ui.autosave import Autosaver
        from bodymap.ui.canvas import BodyScene
        from bodymap.ui.document import PainDocument
        from bodymap.ui.editor import Editor
        from bodymap.ui.match_list import MatchList
        from bodymap.ui.panels import MusclePanels
        from bodymap.ui.region_list import RegionList

        self.anatomy = anatomy
        self.matcher = matcher or Matcher(anatomy)
        self.document = PainDocument(anatomy, self.matcher, self)
        self.result = self.document.drawing.result
        shell_scene = self.view.scene()
        self.scene = BodyScene(anatomy, self)
        self.view.set_body(self.scene)
        shell_scene.deleteLater()
        self.match_list = MatchList()
        self.panels = MusclePanels(anatomy)
        self.region_list = RegionList(anatomy)
        self.note_edit = QtWidgets.QPlainTextEdit()
        self.note_edit.setPlaceholderText(
            self.tr("A note for this session: when it started, what helps…")
        )
        self.note_edit.setTabChangesFocus(True)  # Tab leaves the note; a note needs no tabs
        self.note_edit.setAccessibleName(self.tr("Session note"))
        self.match_dock.setWidget(self.match_list)
        self.checklist_ui = attach_checklist(self)  # the guide's banner, outlines, checklist
        self.region_dock.setWidget(self.region_list)
        self.note_dock.setWidget(self.note_edit)
        self.action_set.add_muscles(
            [(m.id, f"{m.name} ({m.short_name})") for m in anatomy.muscles.values()]
        )
        self.autosaver = Autosaver(self.document.to_session, self)
        self.autosaver.show_in(self.statusBar())  # says so while work is not protected
        self.files.attach(self.document, self.autosaver)
        self.files.session_replaced.connect(self.panels.reset)
        self.editor = Editor(self.document, self.view, self.scene, self.undo_stack)
        self.editor.result_shown.connect(self._show_result)
        self.editor.marks_changed.connect(self._on_editor_marks_changed)
        self.editor.undo_state_changed.connect(self.action_set.set_undo_state)
        self.editor.refused.connect(
            lambda why: self.statusBar().showMessage(
                self.tr("Not added: {why}.").format(why=words.refusal(why)), 6000
            )
        )
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
        from bodymap.ui.diary_dock import attach_diary

        self.diary = attach_diary(self)  # the Diary dock and menu
        from bodymap.ui.report_actions import attach_report

        self.report = attach_report(self)  # File > Export PDF Report, Print Report
        self._attached = True
        QtCore.QTimer.singleShot(300, self.panels.prepare_pages)  # idle, after the first frame
        self.files.update_title()
        self.update_tool_hint()

    @property
    def drawing(self) -> Drawing:
        return self.document.drawing

    def is_attached(self) -> bool:
        return self._attached

    # -- tools -----------------------------------------------------------------------------

    def set_tool(self, tool: Tool) -> None:
        """Use ``tool`` for the next drag (a drag under way keeps the tool it began with)."""
        self.view.set_tool(tool)
        action = self.action_set.tool_actions[tool]
        if not action.isChecked():
            action.setChecked(True)
        self.update_tool_hint()

    def update_tool_hint(self) -> None:
        self.action_set.sync_spins(self.view.current_width(), self.view.intensity)
        if not self._attached:
            return  # the status bar says "Loading…"
        tool = self.view.tool
        self.tool_label.setText(
            self.tr(TOOL_HINTS[tool.value]).format(
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

    def _on_action_set_size_changed(self, value: int) -> None:
        if self.view.tool is Tool.ERASER:
            self.set_eraser_width(value)
        else:
            self.set_brush_width(value)

    # -- editing (the editor's, once attached) ------------------------------------------------

    def toggle_region(self, region_id: str) -> None:
        if self._attached:
            self.editor.toggle_region(region_id)

    def clear_all(self) -> None:
        if self._attached:
            self.editor.clear_all()

    def mirror_marks(self) -> None:
        if self._attached and not self.editor.mirror_marks():
            self.statusBar().showMessage(
                self.tr("Nothing to mirror: mark pain on one side first."), 4000
            )

    def undo(self) -> None:
        if self._attached:
            self.editor.undo()

    def redo(self) -> None:
        if self._attached:
            self.editor.redo()

    # -- slots -----------------------------------------------------------------------------

    def _on_view_region_hovered(self, region_id: str) -> None:
        region = self.anatomy.regions.get(region_id)
        if region is None:
            self.hover_label.setText("")
            self.view.viewport().setToolTip("")
            return
        state = (
            self.tr("marked") if self.drawing.region_marked(region_id) else self.tr("click to mark")
        )
        self.hover_label.setText(f"{region.label} ({state})")
        self.view.viewport().setToolTip(region.label)

    def _on_editor_marks_changed(self) -> None:
        self.region_list.set_marked(set(self.drawing.pain.marked_regions()))
        self._on_view_region_hovered(self.view.hovered_region())  # "marked" or not now

    def _show_result(self, result: MatchResult, final: bool) -> None:
        # the answers and the marks' qualities applied by the core; danger signs on top
        result = self.result = self.checklist_ui.present(result)
        self._update_highlights()
        if final:
            self.panels.show_matches(result.matches)
            self.view.setAccessibleDescription(describe_map(self.drawing, result))

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

    def _open_muscle(self, muscle_id: str) -> None:
        if self._attached:
            self.panel_dock.show()
            self.panel_dock.raise_()
            self.panels.open_muscle(muscle_id)
            if not self.result.matches:  # nothing marked yet: show where it refers pain
                sides = sorted({zone.side for zone in self.anatomy.muscles[muscle_id].zones})
                self.scene.set_highlights([(muscle_id, side) for side in sides], None)

    def _focus_region_search(self) -> None:
        if self._attached:
            self.region_dock.show()
            self.region_dock.raise_()
            self.region_list.search.setFocus()
            self.region_list.search.selectAll()

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
        """The geometry and docks as the user left them, else the default layout. A saved state
        places the docks by itself, so a start with one uses no ``QtCore.Qt`` enum before its
        first frame (~15 ms of PySide set-up); ``attach()`` places any dock it left out."""
        settings = app_settings()  # brought onto this screen, the docks laid out for its size
        restore_layout(self, settings.value("window/geometry"), settings.value("window/state"),
                       self._left_docks, self._right_docks)  # fmt: skip

    def save_layout(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if not self._attached:  # closed while loading: nothing to save or clean up
            event.accept()
            return
        self.editor.finish_stroke()  # a stroke being drawn is kept (and asked about)
        if not self.files.maybe_save():
            event.ignore()
            return
        self.save_layout()
        self.autosaver.close()
        self.editor.stop()
        event.accept()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        # Losing the focus mid-drag (another window popped up) may swallow the release:
        # the stroke ends where it is, as drawn (one undo step takes it back).
        activation = event.type() == QtCore.QEvent.Type.ActivationChange
        if activation and self._attached and not self.isActiveWindow():
            self.editor.finish_stroke()
        super().changeEvent(event)

    def show_safety(self) -> None:
        if self._attached:
            dialogs.show_safety(self, self.anatomy.safety)

    def startup(self, session_path: str | None) -> None:
        """After the window is shown: safety note once, crash recovery, the given session."""
        settings = app_settings()
        if not settings.value("safety/seen", False, type=bool):
            self.show_safety()
            settings.setValue("safety/seen", True)
        self.files.offer_recovery(here=not session_path)  # the session asked for opens here
        if session_path:
            self.files.open_path(session_path)
