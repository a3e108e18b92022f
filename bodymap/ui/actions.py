"""Every command of the window as a QAction: in a menu, with a shortcut, most on the toolbar.

The actions receive what they act on (the file controller, the body view, the docks); the
editing actions (undo, tools, mirror, …) are connected by the window, which owns the drawing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6 import QtCore, QtGui, QtSvg, QtWidgets

from bodymap.ui import language
from bodymap.ui.body_view import BodyView, Tool
from bodymap.ui.files import FileController
from bodymap.ui.legend import IntensityLegend
from bodymap.ui.shell import INK, INTENSITY_MAX, INTENSITY_MIN, PAIN, WIDTH_MAX

Std = QtGui.QKeySequence.StandardKey


# The toolbar's icons, drawn as small SVGs (48 x 48), so the toolbar needs no image files.
# (Drawn with QPainter, pens and brushes would set up PySide's ``QtCore.Qt`` enums, ~15 ms
# that the first frame does without: see app.py.)
_ICONS = {
    Tool.REGION: f'<rect x="8" y="8" width="32" height="32" rx="6" fill="{PAIN}" '
    f'fill-opacity="0.588" stroke="{INK}" stroke-width="3"/>',
    Tool.BRUSH: f'<path d="M9 36 C16 10 30 42 39 12" fill="none" stroke="{PAIN}" '
    'stroke-width="10" stroke-linecap="round"/>',
    Tool.ERASER: f'<g transform="translate(24 24) rotate(-35)" stroke="{INK}" stroke-width="3">'
    '<rect x="-16" y="-9" width="32" height="18" rx="3" fill="#FFFFFF"/>'
    '<path d="M-4 -9 V9" stroke-linecap="square"/></g>',
}


def _tool_icon(tool: Tool) -> QtGui.QIcon:
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">{_ICONS[tool]}</svg>'
    renderer = QtSvg.QSvgRenderer(QtCore.QByteArray(svg.encode()))
    pixmap = QtGui.QPixmap(48, 48)
    pixmap.fill(QtGui.QColor(0, 0, 0, 0))
    with QtGui.QPainter(pixmap) as p:
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        renderer.render(p)
    return QtGui.QIcon(pixmap)


def _set_shortcuts(action: QtGui.QAction, *keys: str | QtGui.QKeySequence.StandardKey) -> None:
    """``action``'s shortcuts (the first is the one menus show). Through ``setShortcuts``:
    ``setShortcut`` tries implicit conversions that set up the ``QtCore.Qt`` enums."""
    sequences = [QtGui.QKeySequence(key) for key in keys]
    action.setShortcuts([s for s in sequences if not s.isEmpty()])


class Actions(QtCore.QObject):
    """The window's actions, menus and toolbar; ``size_changed`` and ``intensity_changed``
    report the toolbar's spin boxes."""

    size_changed = QtCore.Signal(int)
    intensity_changed = QtCore.Signal(int)
    muscle_chosen = QtCore.Signal(str)

    def __init__(
        self,
        host: QtWidgets.QMainWindow,
        files: FileController,
        view: BodyView,
        docks: Sequence[QtWidgets.QDockWidget],
    ) -> None:
        super().__init__(host)
        self.host, self.files, self._docks = host, files, docks
        self.new = self._action(self.tr("&New"), Std.New, files.new)
        self.open = self._action(self.tr("&Open…"), Std.Open, files.open)
        self.save = self._action(self.tr("&Save"), Std.Save, files.save)
        self.save_as = self._action(self.tr("Save &As…"), "Ctrl+Shift+S", files.save_as)
        self.export = self._action(self.tr("&Export PNG…"), "Ctrl+E", files.export)
        self.quit = self._action(self.tr("&Quit"), "Ctrl+Q", host.close)

        # Undo and redo end a stroke being drawn first: the window connects them.
        self.undo = self._action(self.tr("&Undo"), "Ctrl+Z")
        self.redo = self._action(self.tr("&Redo"), "Ctrl+Shift+Z")
        _set_shortcuts(self.redo, "Ctrl+Shift+Z", "Ctrl+Y")
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        self.clear = self._action(self.tr("C&lear all"), "Ctrl+Shift+Backspace")
        self.mirror = self._action(self.tr("&Mirror to the other side"), "Ctrl+M")
        self.clear.setStatusTip(self.tr("Remove every mark (can be undone)"))
        self.mirror.setStatusTip(self.tr("Copy the marks to the patient's other side"))

        group = QtGui.QActionGroup(self)
        group.setExclusive(True)
        self.tool_actions: dict[Tool, QtGui.QAction] = {}
        for tool, text, key in (
            (Tool.REGION, self.tr("&Region"), "R"),
            (Tool.BRUSH, self.tr("&Brush"), "B"),
            (Tool.ERASER, self.tr("&Eraser"), "E"),
        ):
            action = self._action(text, key)
            action.setCheckable(True)
            action.setIcon(_tool_icon(tool))
            group.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[Tool.REGION].setChecked(True)
        self.bigger = self._action(self.tr("Larger brush"), "]", lambda: self._step_size(1.25))
        self.smaller = self._action(self.tr("Smaller brush"), "[", lambda: self._step_size(0.8))
        self.stronger = self._action(self.tr("More intense"), ".", lambda: self._step_intensity(1))
        self.weaker = self._action(self.tr("Less intense"), ",", lambda: self._step_intensity(-1))

        self.zoom_in = self._action(self.tr("Zoom &in"), "Ctrl++", lambda: view.zoom_by(1.25))
        _set_shortcuts(self.zoom_in, "Ctrl++", "Ctrl+=")
        self.zoom_out = self._action(self.tr("Zoom &out"), "Ctrl+-", lambda: view.zoom_by(0.8))
        self.fit = self._action(self.tr("&Fit to window"), "Ctrl+0", view.fit)
        self.find_region = self._action(self.tr("Find &region…"), "Ctrl+F")

        self.safety = self._action(self.tr("&Safety note"), "F1")
        self.about = self._action(self.tr("&About BodyMap"), "Ctrl+F1", self._about)

        self._size_spin = QtWidgets.QSpinBox()
        self._size_spin.setRange(2, int(WIDTH_MAX))
        self._size_spin.setSuffix(self.tr(" size"))
        self._size_spin.setValue(round(view.brush_width))
        self._size_spin.setAccessibleName(self.tr("Brush or eraser size"))
        self._size_spin.setToolTip(self.tr("Brush or eraser size in body units ( [ and ] )"))
        self._intensity_spin = QtWidgets.QSpinBox()
        self._intensity_spin.setRange(INTENSITY_MIN, INTENSITY_MAX)
        self._intensity_spin.setPrefix(self.tr("intensity "))
        self._intensity_spin.setValue(view.intensity)
        self._intensity_spin.setAccessibleName(self.tr("Pain intensity"))
        self._intensity_spin.setToolTip(
            self.tr(
                "Pain intensity 1 to 10, shown by colour: the scale is in the status bar "
                "( , and . )"
            )
        )
        self.legend = IntensityLegend(lambda: self._intensity_spin.value())
        host.statusBar().addPermanentWidget(self.legend)
        self._size_spin.valueChanged.connect(self.size_changed)
        self._intensity_spin.valueChanged.connect(self.intensity_changed)
        self._intensity_spin.valueChanged.connect(self.legend.update)
        self.legend.intensity_chosen.connect(self._intensity_spin.setValue)
        self._build_menus()
        self._build_toolbar()
        files.recent_changed.connect(self._rebuild_recent)
        self._rebuild_recent()

    def _action(
        self,
        text: str,
        shortcut: str | QtGui.QKeySequence.StandardKey,
        slot: Callable[..., object] | None = None,
    ) -> QtGui.QAction:
        action = QtGui.QAction(text, self.host)
        _set_shortcuts(action, shortcut)
        if slot is not None:
            action.triggered.connect(slot)
        self.host.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.host.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new, self.open])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        file_menu.addAction(self.export)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.mirror, self.clear])

        tools = bar.addMenu(self.tr("&Tools"))
        tools.addActions(list(self.tool_actions.values()))
        tools.addSeparator()
        tools.addActions([self.bigger, self.smaller, self.stronger, self.weaker])

        view = bar.addMenu(self.tr("&View"))
        view.addActions([self.zoom_in, self.zoom_out, self.fit])
        view.addSeparator()
        view.addAction(self.find_region)
        panels = view.addMenu(self.tr("&Panels"))
        for i, dock in enumerate(self._docks, 1):
            toggle = dock.toggleViewAction()
            _set_shortcuts(toggle, f"Alt+{i}")
            panels.addAction(toggle)
        self.language_menu = language.add_menu(view, self.host, self._switch_language)

        self.muscles_menu = bar.addMenu(self.tr("&Muscles"))  # filled by add_muscles()
        self.diary_menu = bar.addMenu(self.tr("&Diary"))  # filled by ui/diary_dock.attach_diary

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.safety, self.about])

    def _switch_language(self, target: str) -> None:
        from bodymap.ui import language_switch

        language_switch.switch(self.host, target)

    def add_muscles(self, muscles: Sequence[tuple[str, str]]) -> None:
        """One entry per muscle ``(id, menu text)`` of the anatomy (once it is loaded)."""
        for i, (muscle_id, text) in enumerate(muscles, 1):
            action = QtGui.QAction(text, self.host)
            if i <= 9:
                _set_shortcuts(action, f"Ctrl+{i}")
            elif i <= 18:  # Ctrl+0 is "fit to window"
                _set_shortcuts(action, f"Ctrl+Shift+{i - 9}")
            action.triggered.connect(lambda _=False, m=muscle_id: self.muscle_chosen.emit(m))
            self.muscles_menu.addAction(action)
            self.host.addAction(action)

    def _build_toolbar(self) -> None:
        bar = self.host.addToolBar(self.tr("Tools"))
        bar.setObjectName("toolbar_tools")
        bar.setMovable(False)
        # As the property, by name: setToolButtonStyle() takes a QtCore.Qt enum (see _ICONS).
        bar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")
        bar.setIconSize(QtCore.QSize(20, 20))
        bar.addActions(list(self.tool_actions.values()))
        bar.addSeparator()
        bar.addWidget(self._size_spin)
        bar.addWidget(self._intensity_spin)
        bar.addSeparator()
        undo = self._toolbar_twin(
            self.tr("Undo"), self.tr("Undo the last change (Ctrl+Z)"), self.undo
        )
        redo = self._toolbar_twin(self.tr("Redo"), self.tr("Redo (Ctrl+Shift+Z)"), self.redo)
        bar.addActions([undo, redo])
        bar.addActions([self.mirror, self.clear])
        bar.addSeparator()
        bar.addActions([self.fit, self.export])
        for action in (*self.tool_actions.values(), self.mirror, self.clear, self.export):
            shortcut = action.shortcut().toString(QtGui.QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().replace('&', '')} ({shortcut})")

    def _toolbar_twin(self, text: str, tip: str, action: QtGui.QAction) -> QtGui.QAction:
        """A toolbar button with a steady label (the menu's Undo/Redo text changes)."""
        twin = QtGui.QAction(text, self)
        twin.setToolTip(tip)
        twin.setEnabled(False)
        action.changed.connect(lambda: twin.setEnabled(action.isEnabled()))
        twin.triggered.connect(action.trigger)
        return twin

    def set_undo_state(self, undo_text: str, redo_text: str) -> None:
        """Name the next undo and redo steps; "" disables the action."""
        steps = ((self.undo, self.tr("&Undo"), undo_text), (self.redo, self.tr("&Redo"), redo_text))
        for action, verb, text in steps:
            action.setText(f"{verb} {text}" if text else verb)
            action.setEnabled(bool(text))

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.files.recent_files()
        for i, name in enumerate(recent, 1):
            action = self.recent_menu.addAction(f"&{i} {Path(name).name}")
            action.setToolTip(name)
            action.triggered.connect(lambda _=False, n=name: self.files.open_path(n))
        self.recent_menu.setEnabled(bool(recent))

    def sync_spins(self, size: float, intensity: int) -> None:
        """Show the current tool's size and the intensity (set by code or by the spins)."""
        with QtCore.QSignalBlocker(self._size_spin):
            self._size_spin.setValue(round(size))
        with QtCore.QSignalBlocker(self._intensity_spin):
            self._intensity_spin.setValue(intensity)
        self.legend.update()

    def _step_size(self, factor: float) -> None:
        self._size_spin.setValue(max(2, round(self._size_spin.value() * factor)))

    def _step_intensity(self, delta: int) -> None:
        self._intensity_spin.setValue(self._intensity_spin.value() + delta)

    def _about(self) -> None:
        from bodymap import __version__

        QtWidgets.QMessageBox.about(
            self.host,
            self.tr("About BodyMap"),
            f"<h3>BodyMap {__version__}</h3>"
            + self.tr(
                "<p>Mark where your back hurts and see which muscles' referral patterns may "
                "explain it. A self-help guide, not a diagnosis.</p><p>Built on Qt and Qt for "
                "Python (PySide6), used under the GNU LGPL version 3, and other open-source "
                "components; their licences and notices are in the <i>licenses</i> folder of "
                "the program ({folder}).</p>"
            ).format(folder=_licences_folder()),
        )


def _licences_folder() -> str:
    """Where the licence notices were installed (the package's ``licenses`` folder)."""
    return str(Path(__file__).resolve().parent.parent / "licenses")
