"""Every modal question the window asks, in one place (the tests replace these functions)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication

from bodymap.ui.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from bodymap.core.anatomy import Safety
    from bodymap.ui.recovery import Orphan

SESSION_FILTER = QT_TRANSLATE_NOOP("Dialogs", "Pain map sessions (*.bodymap.json);;All files (*)")
PNG_FILTER = QT_TRANSLATE_NOOP("Dialogs", "PNG images (*.png)")


def _t(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def show_error(parent: QtWidgets.QWidget | None, title: str, message: str) -> None:
    QtWidgets.QMessageBox.warning(parent, title, message)


def show_info(parent: QtWidgets.QWidget | None, title: str, message: str) -> None:
    QtWidgets.QMessageBox.information(parent, title, message)


def ask_unsaved(parent: QtWidgets.QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    buttons = QtWidgets.QMessageBox.StandardButton
    answer = QtWidgets.QMessageBox.question(
        parent,
        QCoreApplication.translate("Dialogs", "Unsaved changes"),
        QCoreApplication.translate(
            "Dialogs", "Save the changes to {name} before closing it?"
        ).format(name=name),
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


RESTORE, KEEP, DISCARD = "restore", "keep", "discard"
_CHOICES = (
    (RESTORE, QT_TRANSLATE_NOOP("Dialogs", "Restore")),
    (KEEP, QT_TRANSLATE_NOOP("Dialogs", "Keep for later")),
    (DISCARD, QT_TRANSLATE_NOOP("Dialogs", "Discard")),
)


def ask_recovery(
    parent: QtWidgets.QWidget | None,
    orphans: Sequence[Orphan],
    set_aside: Sequence[str],
    previews: Mapping[Path, QtGui.QImage],
    here: bool = True,
) -> dict[Path, str]:
    """What to do with each orphaned autosave: ``{orphan.path: RESTORE | KEEP | DISCARD}``.
    Every orphan is listed with its date, what it holds and a preview when one is given;
    ``set_aside`` lines say what could not be read. Closing the dialog keeps everything.
    ``here``: the first restored opens in ``parent``'s window (else each in its own)."""
    from html import escape

    dialog = QtWidgets.QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("Dialogs", "Restore unsaved work?"))
    layout = QtWidgets.QVBoxLayout(dialog)
    intro = QtWidgets.QLabel(
        QCoreApplication.translate(
            "Dialogs",
            "The app did not close properly last time. Choose what to do with each piece of "
            "unsaved work it autosaved: the first you restore opens here, any other in a window "
            "of its own. Work kept for later is offered again at the next start.",
        )
        if here
        else QCoreApplication.translate(
            "Dialogs",
            "The app did not close properly last time. Choose what to do with each piece "
            "of unsaved work it autosaved: each you restore opens in a window of its own, "
            "beside the session you asked to open. Work kept for later is offered again at "
            "the next start.",
        )
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    grid = QtWidgets.QGridLayout()
    combos: dict[Path, QtWidgets.QComboBox] = {}
    for row, orphan in enumerate(orphans):
        image = previews.get(orphan.path)
        if image is not None and not image.isNull():
            thumb = QtWidgets.QLabel()
            thumb.setPixmap(QtGui.QPixmap.fromImage(image))
            grid.addWidget(thumb, row, 0)
        from bodymap.ui.words import date_time

        when = date_time(orphan.saved)
        text = QtWidgets.QLabel(f"<b>{escape(when)}</b><br>{escape(orphan.summary())}")
        grid.addWidget(text, row, 1)
        combo = QtWidgets.QComboBox()
        combo.setAccessibleName(
            QCoreApplication.translate(
                "Dialogs", "What to do with the work autosaved {when}"
            ).format(when=when)
        )
        for key, label in _CHOICES:
            combo.addItem(_t(label), key)
        grid.addWidget(combo, row, 2)
        combos[orphan.path] = combo
    rows = QtWidgets.QWidget()
    rows.setLayout(grid)
    scroll = QtWidgets.QScrollArea()  # many orphans scroll instead of growing off screen
    scroll.setWidget(rows)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    scroll.setMinimumSize(
        min(rows.sizeHint().width() + 24, 900), min(rows.sizeHint().height() + 4, 520)
    )
    layout.addWidget(scroll)
    if set_aside:
        aside = QtWidgets.QLabel(
            QCoreApplication.translate(
                "Dialogs",
                "Could not be read, kept aside (open them with a newer version or the right "
                "regions file):",
            )
            + "<br>"
            + "<br>".join(escape(line) for line in set_aside)
        )
        aside.setWordWrap(True)
        layout.addWidget(aside)
    buttons = QtWidgets.QDialogButtonBox(
        QtWidgets.QDialogButtonBox.StandardButton.Ok
        | QtWidgets.QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return {orphan.path: KEEP for orphan in orphans}
    return {path: str(combo.currentData()) for path, combo in combos.items()}


def ask_open_path(parent: QtWidgets.QWidget | None, folder: str) -> Path | None:
    name, _ = QtWidgets.QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("Dialogs", "Open session"), folder, _t(SESSION_FILTER)
    )
    return Path(name) if name else None


def ask_save_path(parent: QtWidgets.QWidget | None, suggested: str) -> Path | None:
    name, _ = QtWidgets.QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Dialogs", "Save session"), suggested, _t(SESSION_FILTER)
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
    name, _ = QtWidgets.QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Dialogs", "Export PNG"), suggested, _t(PNG_FILTER)
    )
    if not name:
        return None
    if not name.lower().endswith(".png"):
        name += ".png"
    return Path(name), float(scale)


def confirm_continuations(parent: QtWidgets.QWidget | None, pages: int, out: Path) -> bool:
    """Whether an export of ``pages`` images may write ``out``'s continuations (``NAME-2.png``
    and on; the file dialog asked about ``out`` only): none exists yet, or the user agrees
    to replace those that do (Cancel is the default)."""
    from bodymap.io.export import existing_continuations

    found = existing_continuations(out, pages)
    if not found:
        return True
    names = ", ".join(p.name for p in found[:4]) + (" …" if len(found) > 4 else "")
    buttons = QtWidgets.QMessageBox.StandardButton
    answer = QtWidgets.QMessageBox.question(
        parent,
        QCoreApplication.translate("Dialogs", "Replace files?"),
        QCoreApplication.translate(
            "Dialogs",
            "The note continues on {count} more images, and {names} already exist. Replace them?",
        ).format(count=pages - 1, names=names),
        buttons.Yes | buttons.Cancel,
        buttons.Cancel,
    )
    return answer == buttons.Yes


def safety_html(safety: Safety) -> str:
    from html import escape  # html.entities is large: not on the way to the first frame

    flags = "".join(f"<li>{escape(f)}</li>" for f in safety.red_flags)
    urgent = QCoreApplication.translate("Dialogs", "Seek urgent medical care if:")
    return f"<p>{escape(safety.text)}</p><p><b>{escape(urgent)}</b></p><ul>{flags}</ul>"


def show_safety(parent: QtWidgets.QWidget | None, safety: Safety) -> None:
    from html import escape

    box = QtWidgets.QMessageBox(parent)
    box.setWindowTitle(safety.title)
    box.setIcon(QtWidgets.QMessageBox.Icon.Information)
    box.setText(f"<h3>{escape(safety.title)}</h3>")
    box.setInformativeText(safety_html(safety))
    box.exec()
