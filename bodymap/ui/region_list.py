"""A searchable list of every region, checked when marked: the keyboard way to mark pain."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:  # the list is built before the core is imported (see app.py)
    from bodymap.core.anatomy import Anatomy

_ID = QtCore.Qt.ItemDataRole.UserRole


class RegionList(QtWidgets.QWidget):
    """Type to filter; Down (or Enter) moves into the results, Up from the first result back
    to the search; Space or a click on the box toggles a region."""

    region_toggled = QtCore.Signal(str)

    def __init__(
        self, anatomy: Anatomy | None = None, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText("Search regions…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search regions")
        self.list = QtWidgets.QListWidget()
        self.list.setAccessibleName("Regions")
        self.list.setUniformItemSizes(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.search.installEventFilter(self)
        self.list.installEventFilter(self)
        if anatomy is not None:
            self.populate(anatomy)

    def populate(self, anatomy: Anatomy) -> None:
        """List the regions of ``anatomy`` under a heading per view."""
        blocker = QtCore.QSignalBlocker(self.list)
        for view in anatomy.views.values():
            header = QtWidgets.QListWidgetItem(view.label)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            header.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(header)
            regions = sorted(
                (r for r in anatomy.regions.values() if r.view == view.id), key=lambda r: r.label
            )
            for region in regions:
                item = QtWidgets.QListWidgetItem(region.label)
                item.setData(_ID, region.id)
                item.setToolTip(region.id)
                item.setFlags(
                    QtCore.Qt.ItemFlag.ItemIsEnabled
                    | QtCore.Qt.ItemFlag.ItemIsSelectable
                    | QtCore.Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(QtCore.Qt.CheckState.Unchecked)
                self.list.addItem(item)
        del blocker

    def set_marked(self, marked: set[str]) -> None:
        with QtCore.QSignalBlocker(self.list):
            for i in range(self.list.count()):
                item = self.list.item(i)
                if item.data(_ID) is None:
                    continue
                state = item.data(_ID) in marked
                item.setCheckState(
                    QtCore.Qt.CheckState.Checked if state else QtCore.Qt.CheckState.Unchecked
                )

    def visible_ids(self) -> list[str]:
        return [
            str(self.list.item(i).data(_ID))
            for i in range(self.list.count())
            if not self.list.item(i).isHidden() and self.list.item(i).data(_ID) is not None
        ]

    def _on_search_text_changed(self, text: str) -> None:
        words = text.lower().split()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            region_id = item.data(_ID)
            if region_id is None:  # a view heading: shown only without a search
                item.setHidden(bool(words))
                continue
            haystack = f"{item.text()} {region_id}".lower().replace("_", " ").replace(".", " ")
            hidden = not all(w in haystack for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

    def _on_search_return_pressed(self) -> None:
        self._enter_results()

    def _enter_results(self) -> None:
        """Focus the list on its current result, else the first one shown."""
        current = self.list.currentItem()
        if current is None or current.isHidden() or current.data(_ID) is None:
            shown = [
                self.list.item(i)
                for i in range(self.list.count())
                if not self.list.item(i).isHidden() and self.list.item(i).data(_ID) is not None
            ]
            if shown:
                self.list.setCurrentItem(shown[0])
        self.list.setFocus()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() != QtCore.QEvent.Type.KeyPress or not isinstance(event, QtGui.QKeyEvent):
            return False
        key = event.key()
        if watched is self.search and key == QtCore.Qt.Key.Key_Down:
            self._enter_results()
            return True
        if watched is self.list and key == QtCore.Qt.Key.Key_Up:
            shown = [i for i in range(self.list.count()) if not self.list.item(i).isHidden()]
            first = next((i for i in shown if self.list.item(i).data(_ID) is not None), None)
            if first is not None and self.list.currentRow() == first:
                self.search.setFocus()
                return True
        return False

    def _on_list_item_changed(self, item: QtWidgets.QListWidgetItem) -> None:
        if item.data(_ID) is not None:
            self.region_toggled.emit(str(item.data(_ID)))

    def _on_list_item_activated(self, item: QtWidgets.QListWidgetItem) -> None:
        if item.data(_ID) is not None:
            self.region_toggled.emit(str(item.data(_ID)))
