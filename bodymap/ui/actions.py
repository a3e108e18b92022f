"""Every command of the window as a QAction: in a menu, with a shortcut, most on the toolbar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtSvg, QtWidgets

from bodymap.ui.body_view import Tool
from bodymap.ui.legend import IntensityLegend
from bodymap.ui.shell import INK, INTENSITY_MAX, INTENSITY_MIN, PAIN, WIDTH_MAX

if TYPE_CHECKING:
    from bodymap.ui.main_window import MainWindow

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
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window
        files = w.files
        self.new = self._action("&New", files.new, Std.New)
        self.open = self._action("&Open…", files.open, Std.Open)
        self.save = self._action("&Save", files.save, Std.Save)
        self.save_as = self._action("Save &As…", files.save_as, "Ctrl+Shift+S")
        self.export = self._action("&Export PNG…", files.export, "Ctrl+E")
        self.quit = self._action("&Quit", w.close, "Ctrl+Q")

        self.undo = w.undo_stack.createUndoAction(self, "&Undo")
        _set_shortcuts(self.undo, "Ctrl+Z")
        self.redo = w.undo_stack.createRedoAction(self, "&Redo")
        _set_shortcuts(self.redo, "Ctrl+Shift+Z", "Ctrl+Y")
        self.clear = self._action("C&lear all", w.clear_all, "Ctrl+Shift+Backspace")
        self.mirror = self._action("&Mirror to the other side", w.mirror_marks, "Ctrl+M")
        self.clear.setStatusTip("Remove every mark (can be undone)")
        self.mirror.setStatusTip("Copy the marks to the patient's other side")

        group = QtGui.QActionGroup(self)
        group.setExclusive(True)
        self.tool_actions: dict[Tool, QtGui.QAction] = {}
        for tool, text, key in (
            (Tool.REGION, "&Region", "R"),
            (Tool.BRUSH, "&Brush", "B"),
            (Tool.ERASER, "&Eraser", "E"),
        ):
            action = self._action(text, lambda _=False, t=tool: w.set_tool(t), key)
            action.setCheckable(True)
            action.setIcon(_tool_icon(tool))
            group.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[Tool.REGION].setChecked(True)
        self.bigger = self._action("Larger brush", lambda: self._step_size(1.25), "]")
        self.smaller = self._action("Smaller brush", lambda: self._step_size(0.8), "[")
        self.stronger = self._action("More intense", lambda: self._step_intensity(1), ".")
        self.weaker = self._action("Less intense", lambda: self._step_intensity(-1), ",")

        self.zoom_in = self._action("Zoom &in", lambda: w.view.zoom_by(1.25), "Ctrl++")
        _set_shortcuts(self.zoom_in, "Ctrl++", "Ctrl+=")
        self.zoom_out = self._action("Zoom &out", lambda: w.view.zoom_by(0.8), "Ctrl+-")
        self.fit = self._action("&Fit to window", w.view.fit, "Ctrl+0")
        self.find_region = self._action("Find &region…", self._focus_region_search, "Ctrl+F")

        self.safety = self._action("&Safety note", w.show_safety, "F1")
        self.about = self._action("&About BodyMap", self._about, "Ctrl+F1")

        self._size_spin = QtWidgets.QSpinBox()
        self._size_spin.setRange(2, int(WIDTH_MAX))
        self._size_spin.setSuffix(" size")
        self._size_spin.setValue(round(w.view.brush_width))
        self._size_spin.setAccessibleName("Brush or eraser size")
        self._size_spin.setToolTip("Brush or eraser size in body units ( [ and ] )")
        self._intensity_spin = QtWidgets.QSpinBox()
        self._intensity_spin.setRange(INTENSITY_MIN, INTENSITY_MAX)
        self._intensity_spin.setPrefix("intensity ")
        self._intensity_spin.setValue(w.view.intensity)
        self._intensity_spin.setAccessibleName("Pain intensity")
        self._intensity_spin.setToolTip(
            "Pain intensity 1 to 10, shown by colour: the scale is in the status bar ( , and . )"
        )
        self.legend = IntensityLegend(lambda: w.view.intensity)
        w.statusBar().addPermanentWidget(self.legend)
        self._size_spin.valueChanged.connect(self._on_size_spin_value_changed)
        self._intensity_spin.valueChanged.connect(w.set_intensity)
        self._intensity_spin.valueChanged.connect(self.legend.update)
        self.legend.intensity_chosen.connect(self._intensity_spin.setValue)
        self._build_menus()
        self._build_toolbar()
        files.recent_changed.connect(self._rebuild_recent)
        self._rebuild_recent()

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: str | QtGui.QKeySequence.StandardKey,
    ) -> QtGui.QAction:
        action = QtGui.QAction(text, self.window)
        _set_shortcuts(action, shortcut)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _build_menus(self) -> None:
        w = self.window
        bar = w.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new, self.open])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        file_menu.addAction(self.export)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.mirror, self.clear])

        tools = bar.addMenu("&Tools")
        tools.addActions(list(self.tool_actions.values()))
        tools.addSeparator()
        tools.addActions([self.bigger, self.smaller, self.stronger, self.weaker])

        view = bar.addMenu("&View")
        view.addActions([self.zoom_in, self.zoom_out, self.fit])
        view.addSeparator()
        view.addAction(self.find_region)
        panels = view.addMenu("&Panels")
        for i, dock in enumerate((w.match_dock, w.panel_dock, w.region_dock, w.note_dock), 1):
            toggle = dock.toggleViewAction()
            _set_shortcuts(toggle, f"Alt+{i}")
            panels.addAction(toggle)

        self.muscles_menu = bar.addMenu("&Muscles")  # filled by add_muscles()

        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.safety, self.about])

    def add_muscles(self) -> None:
        """One entry per muscle of the anatomy (once it is loaded)."""
        w = self.window
        for i, muscle in enumerate(w.anatomy.muscles.values(), 1):
            action = QtGui.QAction(f"{muscle.name} ({muscle.short_name})", w)
            if i <= 9:
                _set_shortcuts(action, f"Ctrl+{i}")
            action.triggered.connect(lambda _=False, m=muscle.id: self._open_muscle(m))
            self.muscles_menu.addAction(action)
            w.addAction(action)

    def _build_toolbar(self) -> None:
        bar = self.window.addToolBar("Tools")
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
        stack = self.window.undo_stack
        undo = self._toolbar_twin("Undo", "Undo the last change (Ctrl+Z)", stack.canUndoChanged)
        redo = self._toolbar_twin("Redo", "Redo (Ctrl+Shift+Z)", stack.canRedoChanged)
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        bar.addActions([undo, redo])
        bar.addActions([self.mirror, self.clear])
        bar.addSeparator()
        bar.addActions([self.fit, self.export])
        for action in (*self.tool_actions.values(), self.mirror, self.clear, self.export):
            shortcut = action.shortcut().toString(QtGui.QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().replace('&', '')} ({shortcut})")

    def _toolbar_twin(self, text: str, tip: str, can: QtCore.SignalInstance) -> QtGui.QAction:
        """A toolbar button with a steady label (the menu's Undo/Redo text changes)."""
        twin = QtGui.QAction(text, self)
        twin.setToolTip(tip)
        twin.setEnabled(False)
        can.connect(twin.setEnabled)
        return twin

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.window.files.recent_files()
        for i, name in enumerate(recent, 1):
            action = self.recent_menu.addAction(f"&{i} {Path(name).name}")
            action.setToolTip(name)
            action.triggered.connect(lambda _=False, n=name: self.window.files.open_path(n))
        self.recent_menu.setEnabled(bool(recent))

    def sync_size_spin(self) -> None:
        """Show the current tool's size and the intensity (set by code or by the spins)."""
        with QtCore.QSignalBlocker(self._size_spin):
            self._size_spin.setValue(round(self.window.view.current_width()))
        with QtCore.QSignalBlocker(self._intensity_spin):
            self._intensity_spin.setValue(self.window.view.intensity)
        self.legend.update()

    def _on_size_spin_value_changed(self, value: int) -> None:
        if self.window.view.tool is Tool.ERASER:
            self.window.set_eraser_width(value)
        else:
            self.window.set_brush_width(value)

    def _step_size(self, factor: float) -> None:
        self._size_spin.setValue(max(2, round(self._size_spin.value() * factor)))

    def _step_intensity(self, delta: int) -> None:
        self._intensity_spin.setValue(self._intensity_spin.value() + delta)

    def _focus_region_search(self) -> None:
        if not self.window.is_attached():
            return
        self.window.region_dock.show()
        self.window.region_dock.raise_()
        self.window.region_list.search.setFocus()
        self.window.region_list.search.selectAll()

    def _open_muscle(self, muscle_id: str) -> None:
        self.window.panel_dock.show()
        self.window.panel_dock.raise_()
        self.window.panels.open_muscle(muscle_id)
        if not self.window.result.matches:  # nothing marked yet: show where it refers pain
            sides = sorted({zone.side for zone in self.window.anatomy.muscles[muscle_id].zones})
            self.window.scene.set_highlights([(muscle_id, side) for side in sides], None)

    def _about(self) -> None:
        from bodymap import __version__

        QtWidgets.QMessageBox.about(
            self.window,
            "About BodyMap",
            f"<h3>BodyMap {__version__}</h3><p>Mark where your back hurts and see which "
            "muscles' referral patterns may explain it. A self-help guide, not a diagnosis.</p>"
            "<p>Built on Qt and Qt for Python (PySide6), used under the GNU LGPL version 3, "
            "and other open-source components; their licences and notices are in the "
            f"<i>licenses</i> folder of the program ({_licences_folder()}).</p>",
        )


def _licences_folder() -> str:
    """Where the licence notices were installed (the package's ``licenses`` folder)."""
    return str(Path(__file__).resolve().parent.parent / "licenses")
