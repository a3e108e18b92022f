"""The diary's entries as a list beside the timeline: newest first, each with its date in this
computer's time (and the time it was made, where that zone differs), its pain score and
extent. Enter or a double-click opens the entry; the keyboard's way to the timeline's
points.

A list view over a small model: a row's text is made only when the row is shown (a
thousand entries list at once; formatting every date up front took seconds).
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore, QtWidgets

from bodymap.core.diary import EntrySummary
from bodymap.ui.timeline import describe

_Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex


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


class EntryModel(QtCore.QAbstractListModel):
    """Entries newest first; each row's text made when first asked for, then kept."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[EntrySummary] = []
        self._lines: dict[int, str] = {}

    def set_entries(self, entries: list[EntrySummary]) -> None:
        self.beginResetModel()
        self.entries = list(reversed(entries))
        self._lines = {}
        self.endResetModel()

    def rowCount(self, parent: _Index = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: _Index, role: int = QtCore.Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == QtCore.Qt.ItemDataRole.DisplayRole:
            line = self._lines.get(index.row())
            if line is None:
                line = self._lines[index.row()] = entry_line(entry)
            return line
        if role == QtCore.Qt.ItemDataRole.ToolTipRole:
            return describe(entry)
        if role == QtCore.Qt.ItemDataRole.UserRole:
            return entry.name
        return None


class EntryList(QtWidgets.QListView):
    """The entries shown on the timeline, newest first."""

    entry_activated = QtCore.Signal(str)  # file name of the entry opened

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = EntryModel(self)
        self.setModel(self.entries)
        self.setAccessibleName(self.tr("Diary entries, newest first"))
        self.setToolTip(self.tr("Enter or double-click opens the entry"))
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(True)  # only the rows in view are laid out
        self.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)  # narrow dock: "…", tooltip
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.activated.connect(self._on_activated)

    def set_entries(self, entries: list[EntrySummary], current: str | None) -> None:
        """Show ``entries`` (readable ones, oldest first as the diary lists them) newest
        first; ``current`` (the open entry) is selected."""
        self.entries.set_entries(entries)
        self.set_current(current)

    def set_current(self, name: str | None) -> None:
        blocked = self.blockSignals(True)
        try:
            self.clearSelection()
            row = next((i for i, e in enumerate(self.entries.entries) if e.name == name), None)
            if row is not None:
                self.setCurrentIndex(self.entries.index(row))
        finally:
            self.blockSignals(blocked)

    def count(self) -> int:
        return self.entries.rowCount()

    def text(self, row: int) -> str:
        return str(self.entries.data(self.entries.index(row)))

    def current_name(self) -> str | None:
        index = self.currentIndex()
        return str(index.data(QtCore.Qt.ItemDataRole.UserRole)) if index.isValid() else None

    def names(self) -> list[str]:
        return [e.name for e in self.entries.entries]

    def _on_activated(self, index: QtCore.QModelIndex) -> None:
        self.entry_activated.emit(str(index.data(QtCore.Qt.ItemDataRole.UserRole)))
