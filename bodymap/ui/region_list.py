"""A searchable list of every region, checked when marked: the keyboard way to mark pain."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from bodymap.core.anatomy import Anatomy

_ID = QtCore.Qt.ItemDataRole.UserRole


class RegionList(QtWidgets.QWidget):
    """Type to filter; Space or a click on the box toggles a region."""

    region_toggled = QtCore.Signal(str)

    def __init__(self, anatomy: Anatomy, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText("Search regions…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search regions")
        self.list = QtWidgets.QListWidget()
        self.list.setAccessibleName("Regions")
        self.list.setUniformItemSizes(True)
        for view in anatomy.views.values():
            regions = sorted(
                (r for r in anatomy.regions.values() if r.view == view.id), key=lambda r: r.label
            )
            for region in regions:
                item = QtWidgets.QListWidgetItem(f"{region.label}  ·  {view.label}")
                item.setData(_ID, region.id)
                item.setToolTip(region.id)
                item.setFlags(
                    QtCore.Qt.ItemFlag.ItemIsEnabled
                    | QtCore.Qt.ItemFlag.ItemIsSelectable
                    | QtCore.Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(QtCore.Qt.CheckState.Unchecked)
                self.list.addItem(item)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.itemActivated.connect(self._on_list_item_activated)

    def set_marked(self, marked: set[str]) -> None:
        with QtCore.QSignalBlocker(self.list):
            for i in range(self.list.count()):
                item = self.list.item(i)
                state = item.data(_ID) in marked
                item.setCheckState(
                    QtCore.Qt.CheckState.Checked if state else QtCore.Qt.CheckState.Unchecked
                )

    def visible_ids(self) -> list[str]:
        return [
            str(self.list.item(i).data(_ID))
            for i in range(self.list.count())
            if not self.list.item(i).isHidden()
        ]

    def _on_search_text_changed(self, text: str) -> None:
        words = text.lower().split()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            haystack = f"{item.text()} {item.data(_ID)}".lower().replace("_", " ")
            hidden = not all(w in haystack for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

    def _on_search_return_pressed(self) -> None:
        self.list.setFocus()

    def _on_list_item_changed(self, item: QtWidgets.QListWidgetItem) -> None:
        self.region_toggled.emit(str(item.data(_ID)))

    def _on_list_item_activated(self, item: QtWidgets.QListWidgetItem) -> None:
        self.region_toggled.emit(str(item.data(_ID)))
