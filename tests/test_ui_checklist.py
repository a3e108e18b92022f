"""The checklist and the danger-sign screen in the window (issue 15), driven with real clicks:
answers feed the near-tie rule as `bodymap analyze --symptom` does, a danger sign goes above
the list and the guide, answers are undone, saved and restored; the selected muscle's
outline; the Matches dock on a small screen."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets
from PySide6.QtTest import QTest

from bodymap.core.symptoms import reorder
from bodymap.ui.match_list import COLUMNS
from tests.ui_helpers import click, drag

LEFT = QtCore.Qt.MouseButton.LeftButton


def _point(anatomy, region_id: str) -> tuple[str, float, float]:  # type: ignore[no-untyped-def]
    region = anatomy.regions[region_id]
    p = region.polygon.representative_point()
    return region.view, p.x, p.y


def _open_checklist(window, qtbot):  # type: ignore[no-untyped-def]
    button = window.match_list.checklist_button
    QTest.mouseClick(button, LEFT)
    dialog = window.checklist_ui.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _tick(qtbot, box: QtWidgets.QCheckBox) -> None:
    """A real click on the check box's indicator (it must be on screen)."""
    box.ensurePolished()
    dialog = box.window()
    scroll = dialog.findChild(QtWidgets.QScrollArea)
    scroll.ensureWidgetVisible(box)
    QTest.mouseClick(box, LEFT, pos=QtCore.QPoint(8, box.height() // 2))


def _groin_drawing(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    click(window, *_point(anatomy, "front.left.groin"))


def test_a_symptom_answer_reorders_near_ties_as_the_cli_does(window, anatomy, qtbot) -> None:  # type: ignore[no-untyped-def]
    _groin_drawing(window, anatomy)
    before = [r[1] for r in window.match_list.rows()]
    dialog = _open_checklist(window, qtbot)
    _tick(qtbot, dialog.boxes["legs_apart"])
    assert window.document.answers == {"legs_apart": True}
    expected, moves = reorder(anatomy, window.drawing.result, ["legs_apart"])
    rows = [r[1] for r in window.match_list.rows()]
    assert rows == [sides[0].name for sides in expected.rows()]
    assert rows != before and moves  # the adductors moved up past the external oblique
    assert "legs apart" in window.match_list.moves.text()
    assert window.isWindowModified()
    # one undo step (Edit > Undo) takes it back
    window.action_set.undo.trigger()
    assert window.document.answers == {}
    assert not dialog.boxes["legs_apart"].isChecked()
    assert [r[1] for r in window.match_list.rows()] == before


def test_a_danger_sign_goes_above_the_list_and_every_self_help_panel(
    window, anatomy, qtbot
) -> None:  # type: ignore[no-untyped-def]
    click(window, *_point(anatomy, "back.left.outer_hip"))
    dialog = _open_checklist(window, qtbot)
    _tick(qtbot, dialog.boxes["aneurysm"])
    qtbot.waitUntil(lambda: window.match_list.danger.isVisible())
    banner = window.match_list.danger
    assert "See a clinician now" in banner.plain_text()
    assert "aortic aneurysm" in banner.plain_text()
    # above the ranked list in the Matches dock, and above the muscle guide's panels
    tree = window.match_list.tree
    assert (
        banner.mapTo(window, QtCore.QPoint(0, 0)).y() < tree.mapTo(window, QtCore.QPoint(0, 0)).y()
    )
    guide = window.checklist_ui.guide_banner
    assert guide.isVisible() and "aortic aneurysm" in guide.plain_text()
    assert (
        guide.mapTo(window, QtCore.QPoint(0, 0)).y()
        < window.panels.mapTo(window, QtCore.QPoint(0, 0)).y()
    )
    assert window.match_list.rows()  # the list is still there, below it
    _tick(qtbot, dialog.boxes["aneurysm"])  # answered no again: the banner goes
    assert not banner.isVisible() and not guide.isVisible()


def test_answers_are_saved_and_restored_on_open(window, anatomy, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _groin_drawing(window, anatomy)
    dialog = _open_checklist(window, qtbot)
    _tick(qtbot, dialog.boxes["legs_apart"])
    _tick(qtbot, dialog.boxes["calf_swelling"])
    rows = window.match_list.rows()
    path = tmp_path / "answers.bodymap.json"
    assert window.files.save_to(path)
    window.files.new()
    assert window.document.answers == {}
    assert not dialog.boxes["legs_apart"].isChecked()
    assert not window.match_list.danger.isVisible()
    assert window.files.open_path(path)
    assert window.document.answers == {"legs_apart": True, "calf_swelling": True}
    assert dialog.boxes["legs_apart"].isChecked() and dialog.boxes["calf_swelling"].isChecked()
    assert window.match_list.rows() == rows  # reordered again by the restored answers
    assert "blood clot" in window.match_list.danger.plain_text()
    assert not window.isWindowModified()


def test_a_tingling_stroke_brings_up_nerve_root_pain_in_the_window(window, anatomy, qtbot) -> None:  # type: ignore[no-untyped-def]
    from bodymap.core.marks import Stroke
    from bodymap.ui.commands import DrawingCommand

    change = window.drawing.add(
        Stroke("back", ((150.0, 380.0), (170.0, 400.0)), 14.0, 5, quality="tingling")
    )
    window.document.publish(change)
    window.undo_stack.push(DrawingCommand(window.document, "Paint"))
    assert "A nerve root in the low back" in window.match_list.cue_text()


def test_selecting_a_match_outlines_where_the_muscle_lies(window, anatomy, qtbot) -> None:  # type: ignore[no-untyped-def]
    click(window, *_point(anatomy, "back.left.outer_hip"))
    window.match_list.select_row(0)
    muscle, side = window.match_list.selected()
    kinds = [i.data(0) for i in window.checklist_ui.outlines.items()]
    assert "muscle_outline" in kinds and "trigger_point" in kinds
    assert window.checklist_ui.outlines.shown == (muscle, (side,))
    labels = [w.text() for w in window.match_list.findChildren(QtWidgets.QLabel)]
    assert {"refers pain", "where it lies", "trigger point"} <= set(labels)
    window.match_list.tree.clearSelection()  # its panel stays open: so does its outline
    assert window.checklist_ui.outlines.shown[0] == window.panels.current_muscle() == muscle
    window.checklist_ui.outlines.show(None)
    assert window.checklist_ui.outlines.items() == []


def test_the_list_keeps_its_room_on_a_1280_by_720_screen(window, anatomy, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1280, 720)
    for region in ("front.left.groin", "back.left.calf", "back.right.calf", "back.left.outer_hip"):
        click(window, *_point(anatomy, region))
    drag(window, "back", [(150.0, 380.0), (170.0, 400.0)])
    qtbot.wait(50)
    ml = window.match_list
    assert ml.cue_text()  # warnings and other causes are there
    row_height = ml.tree.sizeHintForRow(0)
    assert ml.tree.viewport().height() >= 5 * row_height  # at least five rows show
    # the strength word shows in full, right of the (elided) muscle name, without scrolling,
    # in the narrowest dock the layout gives (Xvfb's fonts at 1280 x 720: about 300 pixels)
    window.resizeDocks([window.match_dock], [280], QtCore.Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: ml.width() <= 300)
    strength = COLUMNS.index("Strength")
    header = ml.tree.header()
    assert not ml.tree.isColumnHidden(strength)
    right = header.sectionViewportPosition(strength) + header.sectionSize(strength)
    assert right <= ml.tree.viewport().width()
    assert header.sectionSize(strength) >= ml.tree.sizeHintForColumn(strength)
    assert header.sectionSize(COLUMNS.index("Muscle")) >= 80  # names readable, not a swatch
    # and what is said below the list wraps inside the dock, never past its right edge
    qtbot.waitUntil(lambda: ml.details.widget().width() <= ml.details.viewport().width())
    # the part below the list never takes more than its share at first, and folds away
    assert ml.splitter.sizes()[1] <= ml.splitter.sizes()[0]
    QTest.mouseClick(ml.cues_toggle, LEFT)
    assert not ml.cues.isVisible()
    QTest.mouseClick(ml.cues_toggle, LEFT)
    assert ml.cues.isVisible()
