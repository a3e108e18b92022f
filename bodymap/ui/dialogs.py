"""Every modal question the window asks, in one place (the tests replace these functions)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets

if TYPE_CHECKING:
    from bodymap.core.anatomy import Safety

SESSION_FILTER = "Pain map sessions (*.bodymap.json);;All files (*)"
PNG_FILTER = "PNG images (*.png)"


def show_error(parent: QtWidgets.QWidget | None, title: str, message: str) -> None:
    QtWidgets.QMessageBox.warning(parent, title, message)


def show_info(parent: QtWidgets.QWidget | None, title: str, message: str) -> None:
    QtWidgets.QMessageBox.information(parent, title, message)


def ask_unsaved(parent: QtWidgets.QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    buttons = QtWidgets.QMessageBox.StandardButton
    answer = QtWidgets.QMessageBox.question(
        parent,
        "Unsaved changes",
        f"Save the changes to {name} before closing it?",
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


def ask_restore(parent: QtWidgets.QWidget | None, when: str) -> bool:
    buttons = QtWidgets.QMessageBox.StandardButton
    answer = QtWidgets.QMessageBox.question(
        parent,
        "Restore unsaved work?",
        f"The app did not close properly last time. Restore the work autosaved {when}?",
        buttons.Yes | buttons.No,
        buttons.Yes,
    )
    return answer == buttons.Yes


def ask_open_path(parent: QtWidgets.QWidget | None, folder: str) -> Path | None:
    name, _ = QtWidgets.QFileDialog.getOpenFileName(parent, "Open session", folder, SESSION_FILTER)
    return Path(name) if name else None


def ask_save_path(parent: QtWidgets.QWidget | None, suggested: str) -> Path | None:
    name, _ = QtWidgets.QFileDialog.getSaveFileName(
        parent, "Save session", suggested, SESSION_FILTER
    )
    if not name:
        return None
    if not name.endswith(".bodymap.json"):
        name = name.removesuffix(".json") + ".bodymap.json"
    return Path(name)


def ask_export(
    parent: QtWidgets.QWidget | None,
    suggested: str,
    page_size: tuple[float, float] | None = None,
) -> tuple[Path, float] | None:
    """The scale (explained: ``ExportDialog``; ``page_size`` is the page at 1x, to show each
    scale's pixels) and then the file of a PNG export; None when cancelled."""
    from bodymap.ui.export_dialog import ExportDialog

    dialog = ExportDialog(page_size, parent)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    scale = dialog.scale()
    name, _ = QtWidgets.QFileDialog.getSaveFileName(parent, "Export PNG", suggested, PNG_FILTER)
    if not name:
        return None
    if not name.lower().endswith(".png"):
        name += ".png"
    return Path(name), float(scale)


def safety_html(safety: Safety) -> str:
    from html import escape  # html.entities is large: not on the way to the first frame

    flags = "".join(f"<li>{escape(f)}</li>" for f in safety.red_flags)
    return f"<p>{escape(safety.text)}</p><p><b>Seek urgent medical care if:</b></p><ul>{flags}</ul>"


def show_safety(parent: QtWidgets.QWidget | None, safety: Safety) -> None:
    from html import escape

    box = QtWidgets.QMessageBox(parent)
    box.setWindowTitle(safety.title)
    box.setIcon(QtWidgets.QMessageBox.Icon.Information)
    box.setText(f"<h3>{escape(safety.title)}</h3>")
    box.setInformativeText(safety_html(safety))
    box.exec()
