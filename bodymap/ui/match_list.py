"""The ranked list of muscles whose referral patterns explain the pain."""

from __future__ import annotations

import functools
from html import escape
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.ui import words
from bodymap.ui.danger_banner import DangerBanner
from bodymap.ui.muscle_outline import legend_icon
from bodymap.ui.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the list is built before the core is imported (see app.py)
    from bodymap.core.matching import Match, MatchResult
    from bodymap.core.symptoms import Assessment

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


CUES_SHARE = 0.35  # the part below the list takes at most this share of the height at first
# list widths (pixels) below which Pattern, then Score, then Explains are hidden
NARROW, NARROWER, NARROWEST = 460, 400, 330


class MatchList(QtWidgets.QWidget):
    """Matches by rank with side, score and percentages; selecting one emits it.

    From the top: the danger signs answered yes (above everything), the ranked list (it
    keeps the room), the summary and any moves the answers made, the warnings and other
    causes in a section that folds away and never takes more than ``CUES_SHARE`` of the
    height, the map's legend and the button opening the checklist."""

    match_selected = QtCore.Signal(str, str)  # muscle id, side; ("", "") for none
    checklist_requested = QtCore.Signal()

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
        # the muscle's name takes what the other columns leave (elided, whole in its tooltip),
        # so the strength word is never pushed out of sight
        header.setSectionResizeMode(
            COLUMNS.index("Muscle"), QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        self.tree.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)
        self.tree.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the ranked list keeps room for its header and five rows whatever else shows (and
        # the whole window still fits a 1024 x 600 screen)
        self.tree.setMinimumHeight(int(self.fontMetrics().height() * 1.25 * 7) + 8)
        self.danger = DangerBanner()  # danger signs answered yes: above everything
        # warnings and other causes the drawing brings up, below the list (never ranked), in
        # a section that folds away
        self.cues = QtWidgets.QLabel()
        self.cues.setWordWrap(True)
        self.cues.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.cues.setContentsMargins(4, 2, 4, 2)
        self.cues.setAccessibleName(self.tr("Warnings and other causes to consider"))
        self.cues.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
        self.cues.hide()
        self.cues_toggle = QtWidgets.QToolButton()
        self.cues_toggle.setObjectName("cues_toggle")
        self.cues_toggle.setCheckable(True)
        self.cues_toggle.setChecked(True)
        self.cues_toggle.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cues_toggle.setArrowType(QtCore.Qt.ArrowType.DownArrow)
        self.cues_toggle.setAutoRaise(True)
        self.cues_toggle.toggled.connect(self._on_cues_toggle_toggled)
        self.cues_toggle.hide()
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(4, 2, 4, 2)
        self.moves = QtWidgets.QLabel()  # what the symptom answers moved, and why
        self.moves.setObjectName("symptom_moves")
        self.moves.setWordWrap(True)
        self.moves.setContentsMargins(4, 0, 4, 2)
        self.moves.hide()
        self.checklist_button = QtWidgets.QPushButton(self.tr("Symptoms and danger signs…"))
        self.checklist_button.setObjectName("checklist_button")
        self.checklist_button.clicked.connect(self.checklist_requested)
        # below the list, what it says about the list: scrolls, and a splitter gives the
        # list the room first (at most CUES_SHARE of the height goes to this part at first)
        details = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(details)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.cues_toggle)  # safety first: the warnings, then the rest
        column.addWidget(self.cues)
        column.addWidget(self.moves)
        column.addWidget(self.summary)
        column.addLayout(self._legend())
        column.addStretch(1)
        self.details = QtWidgets.QScrollArea()
        self.details.setObjectName("match_details")
        self.details.setWidgetResizable(True)
        self.details.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.details.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details.setWidget(details)
        self.details.setMinimumHeight(int(self.fontMetrics().height() * 3.5))
        self.splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self._split_set = False
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.danger)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.checklist_button)
        self.tree.itemSelectionChanged.connect(self._on_tree_selection_changed)
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        self._matches: tuple[Match, ...] = ()
        self.summary.setText(self.tr(NOTHING_MARKED))

    def _legend(self) -> QtWidgets.QGridLayout:
        """What the map shows for a muscle: where it refers pain, where it lies (the one
        selected) and its usual trigger points. One entry a row, so the legend is never wider
        than a narrow dock (a wider one would push the warnings' text past its right edge)."""
        grid = QtWidgets.QGridLayout()
        grid.setContentsMargins(4, 0, 4, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(0)
        self.legend_texts: list[str] = []
        for row, (kind, text) in enumerate(
            (
                ("zone", self.tr("refers pain")),
                ("outline", self.tr("where it lies")),
                ("trigger_point", self.tr("trigger point")),
            )
        ):
            icon = QtWidgets.QLabel()
            icon.setPixmap(legend_icon(kind))
            grid.addWidget(icon, row, 0)
            label = QtWidgets.QLabel(text)
            label.setObjectName(f"legend_{kind}")
            grid.addWidget(label, row, 1)
            self.legend_texts.append(text)
        grid.setColumnStretch(1, 1)
        return grid

    def show_assessment(self, assessment: Assessment) -> None:
        """Show the core's assessment: the danger signs on top, the ranking, the moves."""
        if assessment.dangers or not self.danger.isHidden():
            self.danger.set_dangers(assessment.dangers)
        self.set_result(assessment.result)
        names = {m.muscle: m.name for m in assessment.result.matches}
        moves = "<br>".join(
            f"{escape(names.get(m.muscle, m.muscle))} ({escape(m.side)}) {escape(m.reason)}"
            for m in assessment.moves
        )
        if moves != self.moves.text():
            self.moves.setText(moves)
            self.moves.setVisible(bool(moves))

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()
        self._fit_cues()

    def _fit_columns(self) -> None:
        """Narrow: the muscle's name keeps its room, the figures the strength word sums up go.
        Measured as if the vertical scroll bar showed, so rows arriving (which bring it) never
        leave the columns fitted to a width the list no longer has."""
        bar = self.tree.verticalScrollBar().sizeHint().width()
        width = self.tree.width() - 2 * self.tree.frameWidth() - bar
        self.tree.setColumnHidden(COLUMNS.index("Pattern"), width < NARROW)
        self.tree.setColumnHidden(COLUMNS.index("Score"), width < NARROWER)
        self.tree.setColumnHidden(COLUMNS.index("Explains"), width < NARROWEST)

    def _fit_cues(self) -> None:
        """The part below the list takes what it needs up to ``CUES_SHARE`` of the height
        (until the user moves the splitter), the list the rest."""
        if self._split_set or self.splitter.height() <= 0:
            return
        total = sum(self.splitter.sizes())
        inner = self.details.widget()
        wanted = (inner.sizeHint().height() if inner is not None else 0) + 4
        below = max(self.details.minimumHeight(), min(wanted, int(total * CUES_SHARE)))
        self.splitter.setSizes([total - below, below])

    def _on_splitter_moved(self, pos: int, index: int) -> None:
        self._split_set = True  # the user chose the split: keep it

    def _on_cues_toggle_toggled(self, shown: bool) -> None:
        self.cues_toggle.setArrowType(
            QtCore.Qt.ArrowType.DownArrow if shown else QtCore.Qt.ArrowType.RightArrow
        )
        self.cues.setVisible(shown and not self.cues_toggle.isHidden())
        self._fit_cues()

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
            item.setToolTip(1, match.name)  # whole, when the column elides it
            item.setData(0, QtCore.Qt.ItemDataRole.UserRole, (match.muscle, match.side))
            for column in (0, 4, 5, 6):
                item.setTextAlignment(column, QtCore.Qt.AlignmentFlag.AlignRight)
            items.append(item)
        self.tree.addTopLevelItems(items)
        for item, sides in zip(items, rows, strict=True):
            if selected in {(m.muscle, m.side) for m in sides}:
                item.setSelected(True)
        del blocker
        self._fit_columns()
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
        text = "<br>".join(lines)
        if text == self.cues.text():
            return  # most strokes: the same cues, no relayout (a stroke end stays cheap)
        self.cues.setText(text)
        self.cues.setToolTip("\n\n".join(f"{c.label}: {c.text}" for c in result.other_causes))
        count = len(result.warnings) + len(result.other_causes)
        self.cues_toggle.setText(self.tr("Warnings and other causes ({count})").format(count=count))
        self.cues_toggle.setVisible(bool(lines))
        self.cues.setVisible(bool(lines) and self.cues_toggle.isChecked())
        self._fit_cues()

    def cue_text(self) -> str:
        """The warnings and other causes shown above the list, as plain text."""
        doc = QtGui.QTextDocument()
        doc.setHtml(self.cues.text())
        return doc.toPlainText() if not self.cues_toggle.isHidden() else ""

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
