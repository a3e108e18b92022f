"""The Diary dock and menu: the timeline of a diary folder, new entries, the pain score.

``attach_diary(window)`` adds them to a main window: the dock (right, below the others) and a
"Diary" menu before "Help". The diary is a folder (``bodymap.io.diary_files``); the app's own
lives in the application-data folder, another can be opened and is remembered. Entries open in
the window like any session and save back to their file; the folder is watched, so a save,
a new entry or a file copied in shows on the timeline.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.core.diary import RANGES_DAYS, EntrySummary, Summarizer, new_entry, ordered
from bodymap.core.score import PainScore
from bodymap.io.errors import BodyMapError
from bodymap.ui import dialogs
from bodymap.ui.diary_loader import DiaryLoader
from bodymap.ui.entry_list import EntryList
from bodymap.ui.quality import QualityOverlay, QualityPicker
from bodymap.ui.score_input import ScoreInput, SetScoreCommand
from bodymap.ui.settings import app_settings, data_path
from bodymap.ui.timeline import Timeline

if TYPE_CHECKING:
    from bodymap.ui.host import Host

SETTING_FOLDER = "diary/folder"
SETTING_RANGE = "diary/range"
REFRESH_MS = 300  # quiet time after a change in the folder before reading it again


def default_folder() -> Path:
    """The app's own diary (created by its first entry: the data folder may be unusable)."""
    return data_path() / "diary"


class DiaryPanel(QtWidgets.QWidget):
    """The dock's contents: the folder, new-entry buttons, the range, the timeline, the score."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QtWidgets.QVBoxLayout(self)
        head = QtWidgets.QHBoxLayout()
        self.folder_label = QtWidgets.QLabel()
        self.folder_label.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.new_button = QtWidgets.QPushButton(self.tr("New entry"))
        self.copy_button = QtWidgets.QPushButton(self.tr("Copy last entry"))
        self.copy_button.setToolTip(self.tr("A new entry starting from the last one, to adjust"))
        # The folder on its own line: the dock is often narrow (a column beside the body).
        layout.addWidget(self.folder_label)
        head.addWidget(self.new_button)
        head.addWidget(self.copy_button)
        head.addStretch(1)
        layout.addLayout(head)
        ranges = QtWidgets.QHBoxLayout()
        self.range_group = QtWidgets.QButtonGroup(self)
        for days in RANGES_DAYS:
            button = QtWidgets.QToolButton()
            button.setText(self.tr("All") if days is None else self.tr("%n days", "", days))
            button.setCheckable(True)
            self.range_group.addButton(button, days or 0)  # 0: all
            ranges.addWidget(button)
        ranges.addStretch(1)
        self.damaged_label = QtWidgets.QLabel()
        self.damaged_label.setWordWrap(True)
        self.damaged_label.hide()
        layout.addLayout(ranges)
        # Shown while entries are being measured (a new index): the timeline fills in.
        self.progress_row = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setAccessibleName(self.tr("Measuring the diary's entries"))
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop measuring; what is measured is kept, the rest is measured next time")
        )
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.progress_row.hide()
        layout.addWidget(self.progress_row)
        self.timeline = Timeline()
        layout.addWidget(self.timeline, 1)
        self.entry_list = EntryList()
        self.entry_list.setMinimumHeight(90)
        self.entry_list.setMaximumHeight(160)
        layout.addWidget(self.entry_list)
        layout.addWidget(self.damaged_label)
        score_box = QtWidgets.QGroupBox(self.tr("Pain score of the open entry (0-10)"))
        box_layout = QtWidgets.QVBoxLayout(score_box)
        self.score_input = ScoreInput()
        box_layout.addWidget(self.score_input)
        layout.addWidget(score_box)
        quality_box = QtWidgets.QGroupBox(self.tr("What the pain feels like"))
        quality_layout = QtWidgets.QVBoxLayout(quality_box)
        self.quality_picker = QualityPicker()
        quality_layout.addWidget(self.quality_picker)
        layout.addWidget(quality_box)


class DiaryController(QtCore.QObject):
    """Connects the Diary dock and menu to the window's document and file commands."""

    def __init__(self, window: Host) -> None:
        super().__init__(cast(QtCore.QObject, window))
        self.window = window
        self.main = cast(QtWidgets.QMainWindow, window)  # dialogs' parent, status bar
        self.summarizer = Summarizer(window.anatomy, window.matcher)
        self.entries: list[EntrySummary] = []
        self.loader = DiaryLoader(window.anatomy, self)
        self.panel = DiaryPanel()
        self.dock = window.diary_dock
        # In a scroll area: the dock may be small (a small screen tabs every dock together)
        # without making the window taller than the screen.
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)
        self.dock.setWidget(scroll)
        self._watcher = QtCore.QFileSystemWatcher(self)
        self._refresh_timer = QtCore.QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        saved = app_settings().value(SETTING_FOLDER, "")
        self.folder = Path(str(saved)) if saved else default_folder()
        days = str(app_settings().value(SETTING_RANGE, 30))
        self._set_range_button(int(days) if days.isdigit() else 30)

        p = self.panel
        p.new_button.clicked.connect(self.new_entry)
        p.copy_button.clicked.connect(self.copy_last_entry)
        p.range_group.idClicked.connect(self._on_range_group_id_clicked)
        p.timeline.entry_activated.connect(self._on_timeline_entry_activated)
        p.entry_list.entry_activated.connect(self._on_timeline_entry_activated)
        p.score_input.score_edited.connect(self._on_score_input_score_edited)
        window.document.score_changed.connect(self._on_document_score_changed)
        p.score_input.set_score(window.document.score)  # "–" until answered, never a 0
        self._watcher.directoryChanged.connect(self._refresh_timer.start)
        self._refresh_timer.timeout.connect(self.refresh)
        self.loader.listed.connect(self._on_loader_listed)
        self.loader.measured.connect(self._on_loader_measured)
        self.loader.progressed.connect(self._on_loader_progressed)
        self.loader.failed.connect(self._on_loader_failed)
        self.loader.finished.connect(self._on_loader_finished)
        p.cancel_button.clicked.connect(self.loader.cancel)
        p.cancel_button.clicked.connect(p.progress_row.hide)
        for view in window.scene.views():  # a stroke pauses the measuring (diary_loader)
            view.stroke_began.connect(self._on_view_stroke_began)  # type: ignore[attr-defined]
            view.stroke_released.connect(self.loader.resume)  # type: ignore[attr-defined]
            view.stroke_cancelled.connect(self.loader.resume)  # type: ignore[attr-defined]
        self.menu = self._build_menu()
        self.qualities = QualityOverlay(window, p.quality_picker)
        self.refresh()

    def _on_view_stroke_began(self, *_stroke: object) -> None:
        self.loader.pause()

    # -- menu ------------------------------------------------------------------------------

    def _build_menu(self) -> QtWidgets.QMenu:
        menu = self.window.action_set.diary_menu
        items = (
            (self.tr("&New Entry"), self.new_entry, "Ctrl+Shift+N"),
            (self.tr("New Entry from the &Last"), self.copy_last_entry, "Ctrl+Shift+L"),
            (None, None, None),
            (self.tr("&Compare Two Entries…"), self.compare, "Ctrl+Shift+C"),
            (self.tr("&Heat Map…"), self.heat_map, "Ctrl+Shift+H"),
            (None, None, None),
            (self.tr("&Open Diary Folder…"), self.choose_folder, "Ctrl+Shift+O"),
            (self.tr("Use the &App's Diary"), self.use_default_folder, "Ctrl+Shift+D"),
        )
        for text, slot, key in items:
            if text is None:
                menu.addSeparator()
                continue
            action = menu.addAction(text)
            if key:
                action.setShortcut(QtGui.QKeySequence(key))
            action.triggered.connect(slot)
        menu.addSeparator()
        toggle = self.dock.toggleViewAction()
        toggle.setShortcut(QtGui.QKeySequence("Alt+5"))  # the other panels are Alt+1 to 4
        menu.addAction(toggle)
        return menu

    # -- reading the diary -----------------------------------------------------------------

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        app_settings().setValue(SETTING_FOLDER, str(folder))
        self.refresh()
        self.show()

    def refresh(self) -> None:
        """Read the folder again (through its index, in the background) and show it."""
        p = self.panel
        own = self.folder == default_folder()
        p.folder_label.setText(
            self.tr("The app's diary")
            if own
            else self.tr("Diary: {folder}").format(folder=self.folder.name)
        )
        p.folder_label.setToolTip(str(self.folder))
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        if not self.folder.is_dir():
            self.loader.cancel()
            self._show_entries([])
            return
        self._watcher.addPath(str(self.folder))
        self.loader.load(self.folder)

    def wait(self, timeout: float = 30.0) -> bool:
        """Wait until the diary is read and measured and shown (tests, the benchmark)."""
        return self.loader.wait(timeout)

    def _show_entries(self, entries: list[EntrySummary]) -> None:
        p = self.panel
        self.entries = entries
        p.timeline.set_entries(self.entries)
        self._fill_list()
        damaged = [e for e in self.entries if not e.ok]
        p.damaged_label.setVisible(bool(damaged))
        if damaged:
            lines = [f"{e.name}: {e.error}" for e in damaged[:5]]
            more = "\n" + self.tr("… and %n more", "", len(damaged) - 5) if len(damaged) > 5 else ""
            head = (  # English has no plural rules without a translation file: say it here
                self.tr("1 entry cannot be read:")
                if len(damaged) == 1
                else self.tr("%n entries cannot be read:", "", len(damaged))
            )
            p.damaged_label.setText(head + "\n" + "\n".join(lines) + more)

    def _on_loader_listed(self, entries: list[EntrySummary]) -> None:
        self._show_entries(entries)

    def _on_loader_measured(self, done: list[EntrySummary]) -> None:
        by_name = {e.name: e for e in done}
        self._show_entries(ordered(by_name.get(e.name, e) for e in self.entries))

    def _on_loader_progressed(self, done: int, total: int) -> None:
        p = self.panel
        p.progress_row.setVisible(done < total)
        p.progress.setRange(0, total)
        p.progress.setValue(done)
        p.progress.setFormat(self.tr("Measuring entries: %v of %m"))

    def _on_loader_failed(self, message: str) -> None:
        self.panel.progress_row.hide()
        self._show_entries([])
        self.main.statusBar().showMessage(message, 8000)

    def _on_loader_finished(self, complete: bool) -> None:
        self.panel.progress_row.hide()

    def readable(self) -> list[EntrySummary]:
        return [e for e in self.entries if e.ok]

    # -- commands --------------------------------------------------------------------------

    def show(self) -> None:
        """Show the Diary dock in front."""
        self.dock.show()
        self.dock.raise_()

    def _add_and_open(self, copy_last: bool) -> Path | None:
        from bodymap.io.diary_files import add_entry, list_diary
        from bodymap.io.session_file import load_session

        if not self.window.files.maybe_save():
            return None
        previous = None
        readable = self.readable()
        if copy_last and not readable and self.folder.is_dir():  # not listed yet: list now
            try:
                readable = [e for e in list_diary(self.folder, self.window.anatomy) if e.ok]
            except BodyMapError:
                readable = []
        if copy_last and readable:
            try:
                previous = load_session(self.folder / readable[-1].name, self.window.anatomy)
            except BodyMapError as exc:
                dialogs.show_error(self.main, self.tr("Cannot copy the last entry"), str(exc))
                return None
        try:
            path = add_entry(self.folder, new_entry(previous))
        except BodyMapError as exc:
            dialogs.show_error(self.main, self.tr("Cannot add an entry"), str(exc))
            return None
        self.window.files.open_path(path, ask=False)
        self.refresh()
        self.show()
        return path

    def new_entry(self) -> Path | None:
        """Add an empty entry dated now and open it."""
        return self._add_and_open(copy_last=False)

    def copy_last_entry(self) -> Path | None:
        """Add an entry dated now starting from the last one, and open it."""
        return self._add_and_open(copy_last=True)

    def choose_folder(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self.main, self.tr("Open a diary folder"), str(self.folder)
        )
        if folder:
            self.set_folder(Path(folder))

    def use_default_folder(self) -> None:
        folder = default_folder()
        with contextlib.suppress(OSError):  # else shown empty; adding an entry says why
            folder.mkdir(parents=True, exist_ok=True)
        self.set_folder(folder)

    def compare(self) -> None:
        from bodymap.ui.compare import CompareDialog

        readable = self.readable()
        if len(readable) < 2:
            dialogs.show_info(
                self.main, self.tr("Compare"), self.tr("The diary needs two entries to compare.")
            )
            return
        CompareDialog(self.window.anatomy, self.folder, readable, self.summarizer.matcher,
                      self.main).open()  # fmt: skip

    def heat_map(self) -> None:
        from bodymap.ui.heat_view import HeatMapDialog

        shown = self.panel.timeline.shown()
        if not shown:
            dialogs.show_info(
                self.main, self.tr("Heat map"), self.tr("No entries in the range shown.")
            )
            return
        HeatMapDialog(self.window.anatomy, self.folder, shown, self.main).open()

    # -- slots -----------------------------------------------------------------------------

    def _set_range_button(self, days: int) -> None:
        days = days if days in RANGES_DAYS else 0
        self.panel.range_group.button(days).setChecked(True)
        self.panel.timeline.set_range(days or None)
        self._fill_list()

    def _on_range_group_id_clicked(self, days: int) -> None:
        app_settings().setValue(SETTING_RANGE, days)
        self.panel.timeline.set_range(days or None)
        self._fill_list()

    def _fill_list(self) -> None:
        """The list shows what the timeline shows; then the open entry is marked on both."""
        self.panel.entry_list.set_entries(self.panel.timeline.shown(), None)
        self._show_current()

    def _on_timeline_entry_activated(self, name: str) -> None:
        self.window.files.open_path(self.folder / name)

    def _on_score_input_score_edited(self, score: PainScore) -> None:
        if score != self.window.document.score:
            self.window.undo_stack.push(SetScoreCommand(self.window.document, score))

    def _on_document_score_changed(self) -> None:
        document = self.window.document
        self.panel.score_input.set_score(document.score)
        self._show_current()

    def _show_current(self) -> None:
        """Ring the open session on the timeline when it is an entry of this diary."""
        path = self.window.document.path
        inside = path is not None and path.parent == self.folder
        name = path.name if inside and path else None
        self.panel.timeline.set_current(name)
        self.panel.entry_list.set_current(name)


def attach_diary(window: Host) -> DiaryController:
    """Add the Diary dock and menu to ``window`` (already attached to its anatomy)."""
    controller = DiaryController(window)
    main = cast(QtWidgets.QMainWindow, window)
    if main.dockWidgetArea(controller.dock) == QtCore.Qt.DockWidgetArea.NoDockWidgetArea:
        # Not placed by a saved layout: a tab beside the muscle guide, which stays in front.
        main.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, controller.dock)
        main.tabifyDockWidget(window.panel_dock, controller.dock)
        controller.dock.show()
        window.panel_dock.raise_()
    return controller
