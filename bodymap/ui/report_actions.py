"""File > Export PDF… and File > Print…: the report of the open session as a PDF or on a
printer, the same pages ``bodymap report`` writes (``bodymap.io.report_pdf``).

The modal questions are the module's functions ``ask_pdf`` and ``ask_print`` (the tests
replace them); every failure becomes a one-line message in a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.io.errors import BodyMapError
from bodymap.ui import dialogs

if TYPE_CHECKING:
    from PySide6 import QtPrintSupport  # ~13 ms: imported when printing, not with the window

    from bodymap.io.report_model import Report
    from bodymap.ui.host import Host

PAGE_SIZES = ("A4", "Letter")
translate = QtCore.QCoreApplication.translate  # the keys of bodymap.io.report_pdf.PAGE_SIZES


def ask_pdf(parent: QtWidgets.QWidget | None, suggested: str) -> tuple[Path, str] | None:
    """The paper size (A4 or Letter) and then the file of a PDF report; None when cancelled."""
    dialog = QtWidgets.QDialog(parent)
    dialog.setWindowTitle(translate("ReportActions", "Export PDF report"))
    about = QtWidgets.QLabel(
        translate(
            "ReportActions",
            "The report shows both views with your marks, what the pain feels like, the "
            "matching muscle patterns, your pain score and your whole note, for a clinician "
            "to read. Nothing is sent anywhere.",
        )
    )
    about.setWordWrap(True)
    combo = QtWidgets.QComboBox()
    for size in PAGE_SIZES:
        combo.addItem(size, size)
    combo.setAccessibleName(translate("ReportActions", "Paper size"))
    form = QtWidgets.QFormLayout()
    form.addRow(translate("ReportActions", "Paper size:"), combo)
    ok = QtWidgets.QDialogButtonBox.StandardButton.Ok
    cancel = QtWidgets.QDialogButtonBox.StandardButton.Cancel
    buttons = QtWidgets.QDialogButtonBox(ok | cancel)
    buttons.button(ok).setText(translate("ReportActions", "Choose file…"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QtWidgets.QVBoxLayout(dialog)
    layout.addWidget(about)
    layout.addLayout(form)
    layout.addWidget(buttons)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    size = str(combo.currentData())
    name, _ = QtWidgets.QFileDialog.getSaveFileName(
        parent,
        translate("ReportActions", "Export PDF report"),
        suggested,
        translate("ReportActions", "PDF documents (*.pdf)"),
    )
    if not name:
        return None
    if not name.lower().endswith(".pdf"):
        name += ".pdf"
    return Path(name), size


def ask_print(parent: QtWidgets.QWidget | None, printer: QtPrintSupport.QPrinter) -> bool:
    """The print dialog for ``printer`` (it sets the printer up); True to print."""
    from PySide6 import QtPrintSupport

    dialog = QtPrintSupport.QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("ReportActions", "Print report"))
    return dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted


class ReportController(QtCore.QObject):
    """The Export PDF and Print actions of ``window``, placed after Export PNG in its menu."""

    def __init__(self, window: Host) -> None:
        super().__init__(cast(QtCore.QObject, window))
        self.window = window
        main = cast(QtWidgets.QMainWindow, window)
        self.export_pdf_action = QtGui.QAction(self.tr("Export P&DF Report…"), main)
        self.export_pdf_action.setShortcuts([QtGui.QKeySequence("Ctrl+Shift+E")])
        self.export_pdf_action.setStatusTip(self.tr("Write the report for a clinician as a PDF"))
        self.print_action = QtGui.QAction(self.tr("&Print Report…"), main)
        self.print_action.setShortcuts(
            QtGui.QKeySequence.keyBindings(QtGui.QKeySequence.StandardKey.Print)
        )
        self.print_action.setStatusTip(self.tr("Print the report for a clinician"))
        self.export_pdf_action.triggered.connect(self.export_pdf)
        self.print_action.triggered.connect(self.print_report)
        for action in (self.export_pdf_action, self.print_action):
            main.addAction(action)
        export = window.action_set.export
        menu = next((o for o in export.associatedObjects() if isinstance(o, QtWidgets.QMenu)), None)
        if menu is not None:
            actions = menu.actions()
            after = actions.index(export) + 1
            before = actions[after] if after < len(actions) else None
            if before is None:
                menu.addActions([self.export_pdf_action, self.print_action])
            else:
                menu.insertActions(before, [self.export_pdf_action, self.print_action])

    def report(self) -> Report:
        """The report of the session open in the window, as it is now."""
        from bodymap.io.report_model import Report, entry_report

        document = self.window.document
        name = document.path.name if document.path else ""
        return Report(entry_report(name, document.to_session(), document.drawing))

    def _suggested(self) -> str:
        from bodymap.io.session_file import SUFFIX

        document = self.window.document
        base = document.path.name.removesuffix(SUFFIX) if document.path else "pain-map"
        folder = document.path.parent if document.path else Path.home()
        return str(folder / f"{base}-report.pdf")

    def export_pdf(self) -> bool:
        answer = ask_pdf(cast(QtWidgets.QWidget, self.window), self._suggested())
        if answer is None:
            return False
        return self.export_pdf_to(*answer)

    def export_pdf_to(self, path: Path, size: str = "A4") -> bool:
        """Write the report to ``path`` on ``size`` paper; a one-line dialog on failure."""
        from bodymap.io.report_pdf import write_report_pdf

        main = cast(QtWidgets.QMainWindow, self.window)
        try:
            pages = write_report_pdf(self.report(), path, size)
        except BodyMapError as exc:
            dialogs.show_error(main, self.tr("Could not export the report"), str(exc))
            return False
        main.statusBar().showMessage(
            self.tr("Exported {name} ({pages} pages, {size})").format(
                name=path.name, pages=pages, size=size
            ),
            6000,
        )
        return True

    def print_report(self) -> bool:
        """Ask for a printer and print the report; False when cancelled or failed."""
        from PySide6 import QtPrintSupport

        printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        printer.setDocName(self.tr("Pain report"))
        if not ask_print(cast(QtWidgets.QWidget, self.window), printer):
            return False
        return self.print_to(printer)

    def print_to(self, printer: QtPrintSupport.QPrinter) -> bool:
        from bodymap.io.report_pdf import paint_report

        main = cast(QtWidgets.QMainWindow, self.window)
        try:
            pages = paint_report(printer, self.report())
        except BodyMapError as exc:
            dialogs.show_error(main, self.tr("Could not print the report"), str(exc))
            return False
        main.statusBar().showMessage(
            self.tr("Sent {pages} pages to the printer").format(pages=len(pages)), 6000
        )
        return True


def attach_report(window: Host) -> ReportController:
    """Add File > Export PDF Report… and File > Print Report… to ``window`` (attached)."""
    return ReportController(window)
