"""What a screen reader and a keyboard user get: Qt's accessibility interface and focus."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtGui

from tests.test_ui_window import _point
from tests.ui_helpers import click

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
Text = QtGui.QAccessible.Text


def _spoken(widget) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    face = QtGui.QAccessible.queryAccessibleInterface(widget)
    assert face is not None and face.isValid()
    return face.text(Text.Name), face.text(Text.Description)


def test_the_body_map_says_what_is_marked_and_what_it_resembles(window, anatomy) -> None:  # type: ignore[no-untyped-def]
    name, _ = _spoken(window.view)
    assert name == "Body map"
    click(window, *_point(anatomy, "back.left.outer_hip"))
    _, description = _spoken(window.view)
    label = anatomy.regions["back.left.outer_hip"].label
    assert f"Marked regions: {label}." in description
    assert window.result.matches[0].name in description
    window.action_set.undo.trigger()
    assert _spoken(window.view)[1] == "No region marked."


def test_the_controls_have_names(window) -> None:  # type: ignore[no-untyped-def]
    for widget, expected in (
        (window.note_edit, "Session note"),
        (window.region_list.search, "Search regions"),
        (window.match_list.tree, "Matching muscles"),
    ):
        assert _spoken(widget)[0] == expected


def test_keyboard_focus_on_the_body_map_shows(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.note_edit.setFocus()
    qtbot.waitUntil(lambda: window.note_edit.hasFocus())
    plain = window.view.grab().toImage()
    window.view.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: window.view.hasFocus())
    focused = window.view.grab().toImage()
    highlight = window.view.palette().color(QtGui.QPalette.ColorRole.Highlight)
    edge = QtCore.QPoint(window.view.width() // 2, 0)
    assert focused.pixelColor(edge) == highlight
    assert plain.pixelColor(edge) != highlight
