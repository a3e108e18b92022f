"""A searchable list of every region, checked when marked: the keyboard way to mark pain.

Regions are listed head to feet under their body areas; typing shows the regions the words
name, best match first. Ordering and matching are the core's (bodymap.core.region_search)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:  # the list is built before the core is imported (see app.py)
    from bodymap.core.anatomy import Anatomy, Region

_ID = QtCore.Qt.ItemDataRole.UserRole


def anatomy_view_label(anatomy: Anatomy | None, view: str) -> str:
    return anatomy.views[view].label if anatomy is not None and view in anatomy.views else view


class RegionList(QtWidgets.QWidget):
    """Type to filter; Down (or Enter) moves into the results, Up from the first result back
    to the search; Space or a click on the box toggles a region."""

    region_toggled = QtCore.Signal(str)

    def __init__(
        self, anatomy: Anatomy | None = None, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText(self.tr("Search regions…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search regions"))
        self.list = QtWidgets.QListWidget()
        self.list.setAccessibleName(self.tr("Regions"))
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
        self._anatomy: Anatomy | None = None
        self._marked: set[str] = set()
        if anatomy is not None:
            self.populate(anatomy)

    def populate(self, anatomy: Anatomy) -> None:
        """List the regions of ``anatomy`` head to feet under a heading per body area."""
        self._anatomy = anatomy
        self._show(self.search.text())

    def _add_region(self, region: Region) -> QtWidgets.QListWidgetItem:
        item = QtWidgets.QListWidgetItem(region.label)
        item.setData(_ID, region.id)
        item.setToolTip(f"{region.id} ({anatomy_view_label(self._anatomy, region.view)})")
        item.setFlags(
            QtCore.Qt.ItemFlag.ItemIsEnabled
            | QtCore.Qt.ItemFlag.ItemIsSelectable
            | QtCore.Qt.ItemFlag.ItemIsUserCheckable
        )
        checked = region.id in self._marked
        item.setCheckState(
            QtCore.Qt.CheckState.Checked if checked else QtCore.Qt.CheckState.Unchecked
        )
        self.list.addItem(item)
        return item

    def _show(self, text: str) -> None:
        """Fill the list: every region grouped by body area, or the matches of ``text``
        best first (the ranking is the core's)."""
        if self._anatomy is None:
            return
        from bodymap.core import region_search

        with QtCore.QSignalBlocker(self.list):
            self.list.clear()
            if not region_search.tokens(text):
                for area, regions in region_search.grouped(self._anatomy):
                    header = QtWidgets.QListWidgetItem(area.label)
                    font = header.font()
                    font.setBold(True)
                    header.setFont(font)
                    header.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)
                    self.list.addItem(header)
                    for region in regions:
                        self._add_region(region)
                return
            first = None
            for region in region_search.search(self._anatomy, text):
                item = self._add_region(region)
                first = first or item
            if first is not None:
                self.list.setCurrentItem(first)

    def set_marked(self, marked: set[str]) -> None:
        if marked == self._marked:
            return  # a brush stroke marks no region: nothing to redo at its end
        self._marked = set(marked)
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
        """The region ids listed now, top to bottom."""
        return [
            str(self.list.item(i).data(_ID))
            for i in range(self.list.count())
            if not self.list.item(i).isHidden() and self.list.item(i).data(_ID) is not None
        ]

    def _on_search_text_changed(self, text: str) -> None:
        self._show(text)

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
