"""The diary's entries as a list beside the timeline: newest first, each with its date in this
computer's time (and the time it was made, where that zone differs), its pain score and
extent. Enter or a double-click opens the entry; the keyboard's way to the timeline's
points."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from bodymap.core.diary import EntrySummary
from bodymap.ui.timeline import describe

_NAME = QtCore.Qt.ItemDataRole.UserRole


def entry_line(entry: EntrySummary) -> str:
    """One line: the local date (with the entry's own time and zone when they differ), the
    pain score now and the pain extent (once measured)."""
    text = describe(entry).split("\n", 1)[0]
    if entry.score.now is not None:
        text += " · " + QtCore.QCoreApplication.translate("EntryList", "pain {0}/10").format(
            entry.score.now
        )
    if entry.measured:
        text += " · " + QtCore.QCoreApplication.translate(
            "EntryList", "{0:.1f}% of the body"
        ).format(entry.extent_pct)
    return text


class EntryList(QtWidgets.QListWidget):
    """The entries shown on the timeline, newest first."""

    entry_activated = QtCore.Signal(str)  # file name of the entry opened

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Diary entries, newest first"))
        self.setToolTip(self.tr("Enter or double-click opens the entry"))
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(True)  # a thousand rows lay out at once
        self.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)  # narrow dock: "…", tooltip
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemActivated.connect(self._on_item_activated)

    def set_entries(self, entries: list[EntrySummary], current: str | None) -> None:
        """Show ``entries`` (readable ones, oldest first as the diary lists them) newest
        first; ``current`` (the open entry) is selected."""
        self.clear()
        for entry in reversed(entries):
            item = QtWidgets.QListWidgetItem(entry_line(entry))
            item.setData(_NAME, entry.name)
            item.setToolTip(describe(entry))
            self.addItem(item)
        self.set_current(current)

    def set_current(self, name: str | None) -> None:
        blocked = self.blockSignals(True)
        try:
            self.clearSelection()
            for row in range(self.count()):
                item = self.item(row)
                if item.data(_NAME) == name:
                    self.setCurrentItem(item)
                    break
        finally:
            self.blockSignals(blocked)

    def names(self) -> list[str]:
        return [str(self.item(row).data(_NAME)) for row in range(self.count())]

    def _on_item_activated(self, item: QtWidgets.QListWidgetItem) -> None:
        self.entry_activated.emit(str(item.data(_NAME)))
