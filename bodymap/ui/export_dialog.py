"""The export's choices, explained: what the image shows and what each scale gives."""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication

from bodymap.ui.words import QT_TRANSLATE_NOOP

SCALES = (1, 2, 3, 4)
DEFAULT_SCALE = 2
A4_LONG_SIDE_IN = 297 / 25.4  # inches: the page's width fills a landscape A4 sheet
USES = {
    1: QT_TRANSLATE_NOOP("ExportDialog", "for the screen or a message"),
    2: QT_TRANSLATE_NOOP("ExportDialog", "sharp on any screen, good on paper"),
    3: QT_TRANSLATE_NOOP("ExportDialog", "for a detailed print"),
    4: QT_TRANSLATE_NOOP("ExportDialog", "for a large print or zooming in"),
}


def scale_text(scale: int, page_size: tuple[float, float] | None) -> str:
    """What ``scale`` gives: its pixels (``page_size`` is the page at 1x, logical units) and
    the resolution across a landscape A4 sheet."""
    use = QCoreApplication.translate("ExportDialog", USES[scale])
    if page_size is None:
        return f"{scale}×: {use}"
    width, height = round(page_size[0] * scale), round(page_size[1] * scale)
    dpi = round(width / A4_LONG_SIDE_IN)
    return QCoreApplication.translate(
        "ExportDialog", "{scale}×: {width} × {height} pixels, {dpi} dpi on A4 ({use})"
    ).format(scale=scale, width=width, height=height, dpi=dpi, use=use)


class ExportDialog(QtWidgets.QDialog):
    """Choose the scale of a PNG export, with what the image contains and what each scale
    gives; ``scale()`` is the choice."""

    def __init__(
        self, page_size: tuple[float, float] | None, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export PNG"))
        about = QtWidgets.QLabel(
            self.tr(
                "The image shows both views with your marks and the highlighted patterns, the "
                "intensity scale, the ranked muscles with their percentages, the date and your "
                "note. Nothing is sent anywhere: you choose where the file goes next."
            )
        )
        about.setWordWrap(True)
        self._buttons: dict[int, QtWidgets.QRadioButton] = {}
        box = QtWidgets.QGroupBox(self.tr("Image size"))
        column = QtWidgets.QVBoxLayout(box)
        for scale in SCALES:
            button = QtWidgets.QRadioButton(scale_text(scale, page_size))
            button.setChecked(scale == DEFAULT_SCALE)
            self._buttons[scale] = button
            column.addWidget(button)
        ok = QtWidgets.QDialogButtonBox.StandardButton.Ok
        cancel = QtWidgets.QDialogButtonBox.StandardButton.Cancel
        buttons = QtWidgets.QDialogButtonBox(ok | cancel)
        buttons.button(ok).setText(self.tr("Choose file…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(box)
        layout.addWidget(buttons)

    def scale(self) -> int:
        return next(s for s, b in self._buttons.items() if b.isChecked())
