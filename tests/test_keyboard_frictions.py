"""Small keyboard frictions, fixed: Down from the region search into its results, Tab out of
the note, and an export dialog that explains its choices."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets
from PySide6.QtTest import QTest

Key = QtCore.Qt.Key


def _focus(qtbot, widget: QtWidgets.QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.window().show()
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def test_down_moves_from_the_region_search_into_its_results(qtbot, anatomy) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.region_list import RegionList

    regions = RegionList(anatomy)
    qtbot.addWidget(regions)
    _focus(qtbot, regions.search)
    QTest.keyClicks(regions.search, "outer hip")
    QTest.keyClick(regions.search, Key.Key_Down)
    assert regions.list.hasFocus()
    current = regions.list.currentItem()
    assert current is not None and "outer hip" in current.text().lower()
    assert regions.visible_ids()[0] == current.data(QtCore.Qt.ItemDataRole.UserRole)
    QTest.keyClick(regions.list, Key.Key_Up)  # from the first result, back to the search
    assert regions.search.hasFocus()
    QTest.keyClick(regions.search, Key.Key_Down)
    QTest.keyClick(regions.list, Key.Key_Down)  # the second result: Up stays in the list
    QTest.keyClick(regions.list, Key.Key_Up)
    assert regions.list.hasFocus()


def test_down_without_a_search_goes_to_the_first_region(qtbot, anatomy) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.region_list import RegionList

    regions = RegionList(anatomy)
    qtbot.addWidget(regions)
    _focus(qtbot, regions.search)
    QTest.keyClick(regions.search, Key.Key_Down)
    assert regions.list.hasFocus()
    current = regions.list.currentItem()
    assert current is not None and current.data(QtCore.Qt.ItemDataRole.UserRole)  # not a heading


def test_tab_leaves_the_note(qtbot, anatomy, errors) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.main_window import MainWindow

    window = MainWindow(anatomy)
    qtbot.addWidget(window)
    window.note_dock.show()
    window.note_dock.raise_()
    _focus(qtbot, window.note_edit)
    QTest.keyClicks(window.note_edit, "worse when sitting")
    QTest.keyClick(window.note_edit, Key.Key_Tab)
    assert window.note_edit.toPlainText() == "worse when sitting"
    assert not window.note_edit.hasFocus()
    window.close()


def test_the_export_dialog_explains_its_choices(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui import dialogs
    from bodymap.ui.export_dialog import ExportDialog, scale_text

    assert scale_text(2, (1232.0, 844.0)).startswith("2×: 2464 × 1688 pixels, 211 dpi on A4")
    dialog = ExportDialog((1232.0, 844.0))
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.findChildren(QtWidgets.QRadioButton)]
    assert len(texts) == 4 and all("pixels" in t and "dpi" in t for t in texts)
    about = " ".join(label.text() for label in dialog.findChildren(QtWidgets.QLabel))
    assert "both views" in about and "note" in about
    assert dialog.scale() == 2  # the default

    def choose_four(self: ExportDialog) -> int:
        self.findChildren(QtWidgets.QRadioButton)[3].setChecked(True)
        return int(QtWidgets.QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(ExportDialog, "exec", choose_four)
    out = tmp_path / "map"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert dialogs.ask_export(None, str(out), (1232.0, 844.0)) == (tmp_path / "map.png", 4.0)
    monkeypatch.setattr(ExportDialog, "exec", lambda self: 0)
    assert dialogs.ask_export(None, str(out)) is None


def test_a_new_session_resets_the_guide(qtbot, anatomy, errors) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.main_window import MainWindow

    window = MainWindow(anatomy)
    qtbot.addWidget(window)
    window.show()
    muscle = next(iter(anatomy.muscles.values()))
    window.action_set.muscle_chosen.emit(muscle.id)  # as the Muscles menu does
    window.toggle_region("back.left.outer_hip")
    qtbot.waitUntil(lambda: any(t.startswith("1. ") for t in window.panels.titles()))
    assert muscle.name in " ".join(window.panels.titles())
    window.files.new()
    qtbot.wait(300)  # any live matching of the empty map has run
    assert window.panels.titles() == []
    assert window.document.is_empty()
    window.undo_stack.setClean()
    window.close()


def test_the_muscles_menu_shows_the_zones_on_an_empty_map(qtbot, anatomy, errors) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.main_window import MainWindow

    window = MainWindow(anatomy)
    qtbot.addWidget(window)
    window.show()

    def shown() -> set[tuple[str, str]]:
        return {k for k, items in window.scene._zones.items() if any(i.isVisible() for i in items)}

    assert shown() == set()
    menu = [a for a in window.action_set.muscles_menu.actions() if "Psoas" in a.text()]
    menu[0].trigger()
    assert shown() == {("psoas", "left"), ("psoas", "right")}
    window.close()
