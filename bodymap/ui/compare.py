"""Compare two diary entries: both maps side by side, the difference map and what changed.

The measures come from ``bodymap.core.compare``; the pictures from
``bodymap.io.compare_render``. The widget only picks the entries and lays the results out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication

from bodymap.core.anatomy import Anatomy
from bodymap.core.compare import Comparison, compare_sessions
from bodymap.core.diary import EntrySummary
from bodymap.core.matching import Matcher, MatchResult
from bodymap.io.compare_render import KINDS, legend_swatch, render_difference, render_pain
from bodymap.io.errors import BodyMapError
from bodymap.ui import words
from bodymap.ui.timeline import describe

MAP_SCALE = 0.5  # logical units per SVG unit of each small map
TOP_RANKS = 5


def _label(entry: EntrySummary) -> str:
    return describe(entry).split("\n", 1)[0]


def ranked_changes(a: MatchResult, b: MatchResult, anatomy: Anatomy) -> list[str]:
    """One line per pattern in the top ranks of A or B: its rank and score in each."""
    rank_a = {(m.muscle, m.side): (i, m.score) for i, m in enumerate(a.matches, 1)}
    rank_b = {(m.muscle, m.side): (i, m.score) for i, m in enumerate(b.matches, 1)}
    keys = [(m.muscle, m.side) for m in b.matches[:TOP_RANKS]]
    keys += [(m.muscle, m.side) for m in a.matches[:TOP_RANKS] if (m.muscle, m.side) not in keys]
    lines = []
    for key in keys:
        name = anatomy.muscles[key[0]].name if key[0] in anatomy.muscles else key[0]
        not_ranked = QCoreApplication.translate("Compare", "not ranked")
        before = f"#{rank_a[key][0]} ({rank_a[key][1]:.2f})" if key in rank_a else not_ranked
        after = f"#{rank_b[key][0]} ({rank_b[key][1]:.2f})" if key in rank_b else not_ranked
        lines.append(f"{name} ({words.side(key[1])}): {before} → {after}")
    return lines


def summary_lines(result: Comparison, anatomy: Anatomy) -> list[str]:
    """The changes in words: NRS, extent, place (Jaccard), areas, ranked muscles."""
    c = result.change
    lines = []
    translate = QCoreApplication.translate
    deltas = [f"{words.nrs(k)} {d:+d}" for k, d in result.nrs_change.items() if d is not None]
    lines.append(
        translate("Compare", "Pain score: {changes}").format(
            changes=", ".join(deltas) if deltas else translate("Compare", "not given in both")
        )
    )
    lines.append(
        translate("Compare", "Pain extent: {a}% → {b}% of the body").format(
            a=f"{c.extent_a:.1f}", b=f"{c.extent_b:.1f}"
        )
    )
    lines.append(
        translate("Compare", "Same place (Jaccard index, 1 = identical): {jaccard}").format(
            jaccard=f"{c.jaccard:.2f}"
        )
    )
    lines.append(
        translate(
            "Compare", "New {new}%, resolved {resolved}%, unchanged {unchanged}% of the body"
        ).format(new=f"{c.new:.1f}", resolved=f"{c.resolved:.1f}", unchanged=f"{c.unchanged:.1f}")
    )
    lines.append("")
    lines.append(translate("Compare", "Patterns, rank (score) A → B:"))
    lines += ranked_changes(result.matches_a, result.matches_b, anatomy) or [
        translate("Compare", "none ranked")
    ]
    return lines


class CompareDialog(QtWidgets.QDialog):
    """Pick entries A (earlier) and B (later) of a diary and see how the pain changed."""

    def __init__(
        self,
        anatomy: Anatomy,
        folder: Path,
        entries: list[EntrySummary],
        matcher: Matcher,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare two entries"))
        self.anatomy, self.folder, self.matcher = anatomy, folder, matcher
        self.entries = [e for e in entries if e.ok]
        self.comparison: Comparison | None = None
        layout = QtWidgets.QVBoxLayout(self)
        pick = QtWidgets.QHBoxLayout()
        self.combo_a, self.combo_b = QtWidgets.QComboBox(), QtWidgets.QComboBox()
        for combo, text in ((self.combo_a, "A"), (self.combo_b, "B")):
            for entry in self.entries:
                combo.addItem(_label(entry), entry.name)
            combo.setAccessibleName(self.tr("Entry {letter}").format(letter=text))
            label = QtWidgets.QLabel(self.tr("Entry {letter}:").format(letter=text))
            label.setBuddy(combo)
            pick.addWidget(label)
            pick.addWidget(combo, 1)
        layout.addLayout(pick)
        maps = QtWidgets.QGridLayout()
        self.map_a, self.map_b, self.map_diff = (QtWidgets.QLabel() for _ in range(3))
        for col, (title, label) in enumerate(
            (("A", self.map_a), ("B", self.map_b), (self.tr("What changed"), self.map_diff))
        ):
            maps.addWidget(QtWidgets.QLabel(f"<b>{title}</b>"), 0, col)
            maps.addWidget(label, 1, col)
        layout.addLayout(maps)
        legend = QtWidgets.QHBoxLayout()
        for kind in KINDS:
            swatch = QtWidgets.QLabel()
            swatch.setPixmap(legend_swatch(kind))
            legend.addWidget(swatch)
            legend.addWidget(QtWidgets.QLabel(words.change(kind)))
            legend.addSpacing(14)
        legend.addStretch(1)
        layout.addLayout(legend)
        self.summary = QtWidgets.QLabel()
        self.summary.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.combo_a.setCurrentIndex(max(0, len(self.entries) - 2))
        self.combo_b.setCurrentIndex(len(self.entries) - 1)
        self.combo_a.currentIndexChanged.connect(self._on_combo_current_index_changed)
        self.combo_b.currentIndexChanged.connect(self._on_combo_current_index_changed)
        self.update_comparison()

    def _on_combo_current_index_changed(self, _index: int) -> None:
        self.update_comparison()

    def update_comparison(self) -> None:
        from bodymap.core.metrics import session_pain
        from bodymap.io.session_file import load_session

        try:
            a = load_session(self.folder / self.combo_a.currentData(), self.anatomy)
            b = load_session(self.folder / self.combo_b.currentData(), self.anatomy)
        except BodyMapError as exc:
            self.summary.setText(str(exc))
            return
        self.comparison = compare_sessions(self.anatomy, a, b, self.matcher)
        ratio = self.devicePixelRatioF()
        scale = MAP_SCALE * ratio
        for label, image in (
            (self.map_a, render_pain(self.anatomy, session_pain(self.anatomy, a), scale)),
            (self.map_b, render_pain(self.anatomy, session_pain(self.anatomy, b), scale)),
            (self.map_diff, render_difference(self.anatomy, self.comparison.change, scale)),
        ):
            pixmap = QtGui.QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
        self.summary.setText("\n".join(summary_lines(self.comparison, self.anatomy)))
