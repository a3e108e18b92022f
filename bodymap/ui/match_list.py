"""The ranked list of muscles whose referral patterns explain the pain."""

from __future__ import annotations

import functools
from html import escape
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.ui import words
from bodymap.ui.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the list is built before the core is imported (see app.py)
    from bodymap.core.matching import Match, MatchResult

COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("MatchList", "Muscle"),
    QT_TRANSLATE_NOOP("MatchList", "Side"),
    QT_TRANSLATE_NOOP("MatchList", "Strength"),
    QT_TRANSLATE_NOOP("MatchList", "Score"),
    QT_TRANSLATE_NOOP("MatchList", "Explains"),
    QT_TRANSLATE_NOOP("MatchList", "Pattern"),
)
NOTHING_MARKED = QT_TRANSLATE_NOOP(
    "MatchList", "Mark where it hurts to see which muscles may refer pain there."
)


@functools.cache
def _swatch(hex_colour: str) -> QtGui.QIcon:
    pixmap = QtGui.QPixmap(14, 14)
    pixmap.fill(QtCore.Qt.GlobalColor.transparent)
    with QtGui.QPainter(pixmap) as painter:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        fill = QtGui.QColor(hex_colour)
        painter.setPen(QtGui.QPen(fill, 1.5))
        fill.setAlpha(120)
        painter.setBrush(fill)
        painter.drawRoundedRect(QtCore.QRectF(1.5, 1.5, 11, 11), 2, 2)
    return QtGui.QIcon(pixmap)


class MatchList(QtWidgets.QWidget):
    """Matches by rank with side, score and percentages; selecting one emits it."""

    match_selected = QtCore.Signal(str, str)  # muscle id, side; ("", "") for none

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QtWidgets.QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([self.tr(c) for c in COLUMNS])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(self.tr("Matching muscles"))
        self.tree.setToolTip(
            self.tr(
                "Strength: how closely the pain resembles the pattern, in words.\n"
                "Score: how well the pattern fits the pain (0 to 1).\n"
                "Explains: share of your pain inside this pattern.\n"
                "Pattern: share of this pattern that you marked."
            )
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        # warnings and other causes the drawing brings up, above the list (never ranked)
        self.cues = QtWidgets.QLabel()
        self.cues.setWordWrap(True)
        self.cues.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.cues.setContentsMargins(4, 2, 4, 2)
        self.cues.setAccessibleName(self.tr("Warnings and other causes to consider"))
        self.cues.hide()
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(4, 2, 4, 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.cues)
        layout.addWidget(self.tree)
        layout.addWidget(self.summary)
        self.tree.itemSelectionChanged.connect(self._on_tree_selection_changed)
        self._matches: tuple[Match, ...] = ()
        self.summary.setText(self.tr(NOTHING_MARKED))

    def set_result(self, result: MatchResult) -> None:
        # Rebuilt rather than edited: each edit of a shown row makes the header measure every
        # row again (columns sized to their contents), a rebuild does that once.
        selected = self.selected()
        blocker = QtCore.QSignalBlocker(self.tree)
        self.tree.clear()
        self._matches = result.matches
        items = []
        rows = result.rows()
        for rank, sides in enumerate(rows, 1):
            match = sides[0]  # the better side; a muscle painted on both sides is one row
            explains = min(1.0, sum(m.pain_explained for m in sides))
            item = QtWidgets.QTreeWidgetItem(
                [
                    str(rank),
                    match.name,
                    words.sides([m.side for m in sides]),
                    words.strength(match.strength),
                    f"{match.score:.2f}",
                    f"{explains:.0%}",
                    f"{match.zone_covered:.0%}",
                ]
            )
            item.setIcon(1, _swatch(match.colour))
            item.setData(0, QtCore.Qt.ItemDataRole.UserRole, (match.muscle, match.side))
            for column in (0, 4, 5, 6):
                item.setTextAlignment(column, QtCore.Qt.AlignmentFlag.AlignRight)
            items.append(item)
        self.tree.addTopLevelItems(items)
        for item, sides in zip(items, rows, strict=True):
            if selected in {(m.muscle, m.side) for m in sides}:
                item.setSelected(True)
        del blocker
        self._show_cues(result)
        if result.pain_area == 0:
            self.summary.setText(self.tr(NOTHING_MARKED))
        elif not result.matches:
            self.summary.setText(
                self.tr("No referral pattern in the guide explains a tenth of this pain or more.")
                + _touches(result)
            )
        else:
            self.summary.setText(
                self.tr("No pattern explains <b>{share}</b> of the pain.").format(
                    share=f"{result.unexplained:.0%}"
                )
                + _touches(result)
            )
        if selected is not None and self.selected() is None:
            self.match_selected.emit("", "")

    def _show_cues(self, result: MatchResult) -> None:
        lines = [f"<b>&#9888; {escape(c.label)}.</b> {escape(c.text)}" for c in result.warnings]
        if result.other_causes:
            causes = "; ".join(escape(c.label) for c in result.other_causes)
            lines.append(
                self.tr(
                    "<b>Other causes to consider</b> (not muscles, not ranked): {causes}."
                ).format(causes=causes)
            )
        self.cues.setText("<br>".join(lines))
        self.cues.setToolTip("\n\n".join(f"{c.label}: {c.text}" for c in result.other_causes))
        self.cues.setVisible(bool(lines))

    def cue_text(self) -> str:
        """The warnings and other causes shown above the list, as plain text."""
        doc = QtGui.QTextDocument()
        doc.setHtml(self.cues.text())
        return doc.toPlainText() if self.cues.isVisibleTo(self) else ""

    def rows(self) -> list[list[str]]:
        """The visible texts, row by row (what a user reads)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None:
                out.append([item.text(c) for c in range(len(COLUMNS))])
        return out

    def selected(self) -> tuple[str, str] | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        muscle, side = items[0].data(0, QtCore.Qt.ItemDataRole.UserRole)
        return str(muscle), str(side)

    def select_row(self, row: int) -> None:
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _on_tree_selection_changed(self) -> None:
        key = self.selected()
        self.match_selected.emit(*(key or ("", "")))


def _touches(result: MatchResult) -> str:
    """The "also touches" sentence: contacts explaining less than a tenth of the pain."""
    if not result.also_touches:
        return ""
    names = ", ".join(f"{escape(m.name)} ({words.side(m.side)})" for m in result.also_touches)
    return "<br>" + QtCore.QCoreApplication.translate(
        "MatchList", "Also touches, but explains little of it: {names}."
    ).format(names=names)
