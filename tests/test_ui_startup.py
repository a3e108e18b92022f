"""Start-up: the window's shell is shown first, the anatomy is loaded right after its first
frame (``bodymap.ui.app.start``)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from tests.conftest import REGIONS, ROOT
from tests.ui_helpers import click

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _start(qtbot, session: str | None = None, regions: str | None = None):  # type: ignore[no-untyped-def]
    from bodymap.ui.app import application, start

    application()
    failed: list[bool] = []
    frames: list[bool] = []

    def first_frame() -> None:  # what a user sees before anything heavy happens
        frames.append(window.isVisible() and not window.is_attached())

    window = start(session, regions, lambda: failed.append(True), first_frame)
    qtbot.addWidget(window)
    return window, failed, frames


def test_shell_imports_nothing_heavy() -> None:
    """Everything the first frame needs comes without shapely, numpy, yaml or the core."""
    code = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from bodymap.ui.app import application
        from bodymap.ui.main_window import MainWindow
        from bodymap.ui.shell import shipped_art
        application()
        window = MainWindow(art=shipped_art())
        window.show()
        heavy = [m for m in sys.modules if m.split(".")[0] in ("shapely", "numpy", "yaml")
                 or m.startswith(("bodymap.core", "bodymap.io."))
                 and m not in ("bodymap.io.errors", "bodymap.io.file_names")]  # stdlib only
        print(" ".join(heavy))
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ), capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_shell_shows_the_art_then_the_loaded_window_works(qtbot, anatomy, errors) -> None:  # type: ignore[no-untyped-def]
    window, failed, frames = _start(qtbot)
    assert not window.is_attached()
    assert "Loading" in window.tool_label.text()
    art = [i for i in window.view.scene().items() if i.__class__.__name__ == "QGraphicsSvgItem"]
    assert len(art) == 2
    qtbot.waitUntil(window.is_attached, timeout=10_000)
    assert frames == [True] and failed == [] and errors == []
    assert "Region" in window.tool_label.text()
    assert window.region_list.visible_ids()
    region = anatomy.regions["back.left.outer_hip"]
    p = region.polygon.representative_point()
    click(window, region.view, p.x, p.y)
    assert window.match_list.rows()[0][1] == "Quadratus lumborum"
    qtbot.waitUntil(lambda: not window.panels.is_waiting())  # the guide follows the list
    assert window.panels.titles()[0] == "1. Quadratus lumborum"
    window.undo_stack.setClean()
    window.close()


def test_loaded_art_sits_where_the_shell_drew_it(qtbot, errors) -> None:  # type: ignore[no-untyped-def]
    window, _, _ = _start(qtbot)
    shell_rect = window.view.scene().sceneRect()
    qtbot.waitUntil(window.is_attached, timeout=10_000)
    assert window.scene.sceneRect() == shell_rect
    window.close()


def test_input_on_the_shell_is_ignored(qtbot, anatomy, errors) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.main_window import MainWindow
    from bodymap.ui.shell import shipped_art

    window = MainWindow(art=shipped_art())
    qtbot.addWidget(window)
    window.show()
    for kind in (QtCore.QEvent.Type.MouseButtonPress, QtCore.QEvent.Type.MouseButtonRelease):
        pos = QtCore.QPointF(window.view.viewport().rect().center())
        event = QtGui.QMouseEvent(
            kind, pos, pos, QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.LeftButton,
            QtCore.Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QtWidgets.QApplication.sendEvent(window.view.viewport(), event)
    window.clear_all()
    window.mirror_marks()
    assert not window.is_attached() and errors == []
    window.attach(anatomy)
    assert window.document.marks == ()
    window.close()


def test_session_is_opened_after_loading(qtbot, anatomy, errors, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.marks import RegionMark
    from bodymap.core.session import Session
    from bodymap.io.session_file import save_session

    path = tmp_path / "hip.bodymap.json"
    save_session(
        Session(
            marks=[RegionMark("back.left.outer_hip")],
            regions_version=anatomy.version,
            regions_sha256=anatomy.sha256,
        ),
        path,
    )
    window, failed, _ = _start(qtbot, session=str(path))
    qtbot.waitUntil(lambda: window.is_attached() and bool(window.document.marks), timeout=10_000)
    assert window.document.drawing.pain.region_marked("back.left.outer_hip")
    assert window.match_list.rows()[0][1] == "Quadratus lumborum"
    assert window.windowTitle().startswith("hip.bodymap.json") and failed == []
    window.close()


def test_broken_regions_file_gives_a_one_line_error(qtbot, errors, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "regions.yaml"
    broken.write_text(
        "format: bodymap-regions\nversion: 1\nviews: 7\nregions: []\nmuscles: []\nsafety: {}\n",
        encoding="utf-8",
    )
    window, failed, frames = _start(qtbot, regions=str(broken))
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert frames == [True] and not window.is_attached()
    assert len(errors) == 1 and "\n" not in errors[0] and "regions.yaml" in errors[0]
    assert "Traceback" not in errors[0]
    window.close()


def test_shell_copies_match_the_palette_and_the_core(anatomy) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core import marks as pain
    from bodymap.io import palette
    from bodymap.io.resources import svg_path
    from bodymap.ui import shell

    assert (shell.PAPER, shell.INK, shell.PAIN) == (palette.PAPER, palette.INK, palette.PAIN)
    assert shell.VIEW_GAP == palette.VIEW_GAP
    assert (shell.INTENSITY_MIN, shell.INTENSITY_MAX) == (pain.INTENSITY_MIN, pain.INTENSITY_MAX)
    assert shell.WIDTH_MAX == pain.WIDTH_MAX
    guessed = {a.view_id: a.svg for a in shell.shipped_art(str(REGIONS))}
    shipped = {a.view_id: a.svg for a in shell.shipped_art()}
    real = {v.id: svg_path(anatomy, v) for v in anatomy.views.values()}
    assert guessed == shipped == real


def _first_frame_report(settings: Path, data: Path) -> list[str]:
    """Start the app in a fresh process (as ``python main.py`` does), print at its first frame
    whether PySide has set up the ``QtCore.Qt`` enums, then save the layout and quit."""
    code = textwrap.dedent(
        """
        from PySide6 import QtCore, QtWidgets
        from bodymap.ui.app import application, start

        app = application()

        def first_frame():
            print("qt-enums", "Qt" in vars(QtCore), flush=True)

        def loaded():
            window.save_layout()
            app.quit()

        window = start(None, None, lambda: app.exit(2), first_frame, loaded)
        raise SystemExit(app.exec())
        """
    )
    env = {**os.environ, "BODYMAP_SETTINGS_DIR": str(settings), "BODYMAP_DATA_DIR": str(data)}
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_first_frame_needs_no_qt_namespace_enums(tmp_path: Path) -> None:
    """The first use of any ``QtCore.Qt`` enum costs ~15 ms of PySide set-up: a start with a
    saved layout draws its first frame without one (the first start ever places the docks by
    hand, with them)."""
    settings = tmp_path / "settings"
    settings.mkdir()
    (settings / "BodyMap.ini").write_text("[safety]\nseen=true\n", encoding="utf-8")
    assert _first_frame_report(settings, tmp_path) == ["qt-enums", "True"]
    assert _first_frame_report(settings, tmp_path) == ["qt-enums", "False"]


def test_the_shell_becomes_the_same_window_as_a_loaded_one(qtbot, anatomy, errors) -> None:  # type: ignore[no-untyped-def]
    """What the first frame goes without arrives by ``attach()``: every menu action and
    shortcut, the toolbar, the docks, the tool's cursor."""
    from bodymap.ui.main_window import MainWindow

    def summary(window: MainWindow) -> dict[str, object]:
        bar = window.findChild(QtWidgets.QToolBar, "toolbar_tools")
        return {
            "menus": [
                (menu.title(), [(a.text(), a.shortcuts()) for a in menu.actions()])
                for menu in window.menuBar().findChildren(QtWidgets.QMenu)
            ],
            "window actions": [(a.text(), a.shortcuts()) for a in window.actions()],
            "toolbar": [a.text() for a in bar.actions()],
            "docks": sorted(  # by name: the order of Qt's children list is not what shows
                (d.objectName(), window.dockWidgetArea(d), d.isVisible(), type(d.widget()))
                for d in window.findChildren(QtWidgets.QDockWidget)
            ),
            "cursor": window.view.viewport().cursor().shape(),
        }

    window, _, _ = _start(qtbot)
    qtbot.waitUntil(window.is_attached, timeout=10_000)
    loaded = MainWindow(anatomy)
    qtbot.addWidget(loaded)
    loaded.show()
    shown = summary(window)
    assert shown == summary(loaded)
    assert any(title == "&Muscles" and actions for title, actions in shown["menus"])  # type: ignore[union-attr]
    assert shown["cursor"] == QtCore.Qt.CursorShape.PointingHandCursor
    window.set_tool(window.view.tool.__class__.BRUSH)
    assert window.view.viewport().cursor().shape() == QtCore.Qt.CursorShape.CrossCursor
    window.close()
    loaded.close()


def test_actions_keep_their_shortcuts_and_the_toolbar_its_style(qtbot, anatomy, errors) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.main_window import MainWindow

    window = MainWindow(anatomy)
    qtbot.addWidget(window)
    c = window.action_set
    std = QtGui.QKeySequence.StandardKey

    def keys(action: QtGui.QAction) -> list[str]:
        return [k.toString() for k in action.shortcuts()]

    assert keys(c.new) == [QtGui.QKeySequence(std.New).toString()]
    assert keys(c.open) == [QtGui.QKeySequence(std.Open).toString()]
    assert keys(c.quit) == ["Ctrl+Q"] and keys(c.undo) == ["Ctrl+Z"]
    assert keys(c.redo) == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert keys(c.zoom_in) == ["Ctrl++", "Ctrl+="]
    assert keys(c.tool_actions[window.view.tool]) == ["R"] and keys(c.export) == ["Ctrl+E"]
    assert keys(window.match_dock.toggleViewAction()) == ["Alt+1"]
    bar = window.findChild(QtWidgets.QToolBar, "toolbar_tools")
    assert bar.toolButtonStyle() == QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert all(not a.icon().isNull() for a in c.tool_actions.values())
    assert c.export.toolTip() == "Export PNG… (Ctrl+E)"
    assert window.view.focusPolicy() == QtCore.Qt.FocusPolicy.StrongFocus
    policy = QtGui.QGuiApplication.highDpiScaleFactorRoundingPolicy()
    assert policy == QtCore.Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    window.close()


def test_fit_is_fit_in_view_keeping_the_aspect_ratio(qtbot, anatomy, errors) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.main_window import MainWindow

    window = MainWindow(anatomy)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.view
    for size in ((1400, 900), (700, 900), (1400, 500)):
        window.resize(*size)
        QtWidgets.QApplication.processEvents()
        view.fit()
        ours, our_centre = view.transform(), view.mapFromScene(view.sceneRect().center())
        view.fitInView(view.sceneRect(), QtCore.Qt.AspectRatioMode.KeepAspectRatio)
        assert abs(ours.m11() - view.transform().m11()) < 1e-9
        assert ours.m11() == ours.m22()
        centre = view.mapFromScene(view.sceneRect().center())
        assert (our_centre - centre).manhattanLength() <= 1
    window.close()


def test_a_dock_left_out_of_a_saved_layout_is_placed_on_attach(qtbot, anatomy, errors) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.main_window import MainWindow
    from bodymap.ui.shell import shipped_art

    first = MainWindow(anatomy)
    qtbot.addWidget(first)
    first.removeDockWidget(first.note_dock)  # as a layout saved before the note existed
    first.save_layout()
    first.close()
    shell = MainWindow(art=shipped_art())
    qtbot.addWidget(shell)
    assert shell.dockWidgetArea(shell.region_dock) == QtCore.Qt.DockWidgetArea.LeftDockWidgetArea
    shell.attach(anatomy)
    assert shell.dockWidgetArea(shell.note_dock) == QtCore.Qt.DockWidgetArea.LeftDockWidgetArea
    assert shell.dockWidgetArea(shell.match_dock) == QtCore.Qt.DockWidgetArea.RightDockWidgetArea
    shell.close()
