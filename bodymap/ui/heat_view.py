"""The heat map of the diary's entries in the range shown: how often each spot was painful.

Counting and drawing are ``bodymap.io.heatmap``'s; this dialog shows the page and saves it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtGui, QtWidgets

from bodymap.core.anatomy import Anatomy
from bodymap.core.diary import EntrySummary
from bodymap.io.errors import BodyMapError
from bodymap.io.heatmap import FrequencyGrid, export_heatmap, grid_of_entries, render_heatmap
from bodymap.ui import dialogs

VIEW_SCALE = 0.8


class HeatMapDialog(QtWidgets.QDialog):
    def __init__(
        self,
        anatomy: Anatomy,
        folder: Path,
        entries: list[EntrySummary],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Heat map"))
        self.folder = folder
        self.grid: FrequencyGrid
        self.grid, self.title = grid_of_entries(anatomy, folder, entries)
        layout = QtWidgets.QVBoxLayout(self)
        ratio = self.devicePixelRatioF()
        image = render_heatmap(self.grid, self.title, VIEW_SCALE * ratio)
        screen = parent.screen() if parent else QtGui.QGuiApplication.primaryScreen()
        room = screen.availableGeometry().height() - 120  # the buttons and the frame
        if image.height() / ratio > room > 200:  # smaller, so the legend shows too
            image = render_heatmap(self.grid, self.title, VIEW_SCALE * ratio * room * ratio
                                   / image.height())  # fmt: skip
        pixmap = QtGui.QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.image = QtWidgets.QLabel()
        self.image.setPixmap(pixmap)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidget(self.image)
        layout.addWidget(scroll, 1)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(
            self.tr("Save as PNG…"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        save.clicked.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(
            min(900, round(pixmap.width() / ratio) + 40), round(pixmap.height() / ratio) + 70
        )

    def _on_save_clicked(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Save the heat map"),
            str(self.folder.parent / "heat-map.png"),
            self.tr("PNG images (*.png)"),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            export_heatmap(self.grid, self.title, path, page_scale=1.5)
        except BodyMapError as exc:
            dialogs.show_error(self, self.tr("Could not save the heat map"), str(exc))
            return False
        return True
