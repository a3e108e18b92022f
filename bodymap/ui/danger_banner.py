"""The banner a "yes" to a danger sign puts above the ranked list and the muscle guide."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from bodymap.core.anatomy import DangerSign


class DangerBanner(QtWidgets.QLabel):
    """The warnings of the danger signs answered yes, red on pale, above what it tops;
    hidden while there is none."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("danger_banner")
        self.setWordWrap(True)
        self.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.setContentsMargins(6, 4, 6, 4)
        self.setStyleSheet(
            "QLabel#danger_banner { background: #fde8e8; color: #7a0000;"
            " border: 1px solid #b00020; border-radius: 3px; }"
        )
        self.setAccessibleName(self.tr("See a clinician"))
        self.hide()

    def set_dangers(self, dangers: tuple[DangerSign, ...]) -> None:
        if not dangers:
            self.clear()
            self.hide()
            return
        urgent = any(d.urgent for d in dangers)
        head = (
            self.tr("See a clinician now, before any self-help below.")
            if urgent
            else self.tr("See a clinician soon, before any self-help below.")
        )
        lines = "".join(f"<li>{escape(d.warning)}</li>" for d in dangers)
        self.setText(f"<b>&#9888; {escape(head)}</b><ul style='margin:2px 0'>{lines}</ul>")
        self.show()
        self._fit()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Claim the whole height the text needs at this width: a danger sign's warning is
        never cut off (what is below it gives way)."""
        doc = QtGui.QTextDocument()
        doc.setDefaultFont(self.font())
        doc.setHtml(self.text())
        margins = self.contentsMargins()
        doc.setTextWidth(max(1, self.width() - margins.left() - margins.right() - 4))
        need = int(doc.size().height()) + margins.top() + margins.bottom() + 4
        if need != self.minimumHeight():
            self.setMinimumHeight(need)

    def plain_text(self) -> str:
        doc = QtGui.QTextDocument()
        doc.setHtml(self.text())
        return doc.toPlainText() if not self.isHidden() else ""
