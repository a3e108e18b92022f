"""The pain score of the open entry: three spin boxes (NRS 0-10 now, usual and worst in the
last 24 hours) and the undoable command that sets it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication

from bodymap.core.score import NRS_FIELDS, PainScore
from bodymap.ui.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from bodymap.ui.document import PainDocument

_SCORE_ID = 2
_NRS_LABELS = {  # translated in the context of the dock they were first written for
    "now": QT_TRANSLATE_NOOP("DiaryDock", "Now"),
    "usual": QT_TRANSLATE_NOOP("DiaryDock", "Usual (24 h)"),
    "worst": QT_TRANSLATE_NOOP("DiaryDock", "Worst (24 h)"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("DiaryDock", text)


class SetScoreCommand(QtGui.QUndoCommand):
    """Change the entry's pain score; consecutive changes merge into one step."""

    def __init__(self, document: PainDocument, score: PainScore) -> None:
        super().__init__(QCoreApplication.translate("DiaryDock", "Change pain score"))
        self._document = document
        self._before = document.score
        self._after = score

    def id(self) -> int:
        return _SCORE_ID

    def mergeWith(self, other: QtGui.QUndoCommand) -> bool:
        if not isinstance(other, SetScoreCommand):
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        self._document.set_score(self._after)

    def undo(self) -> None:
        self._document.set_score(self._before)


class ScoreInput(QtWidgets.QWidget):
    """Three spin boxes, NRS 0-10 now / usual / worst; "–" is not answered."""

    score_edited = QtCore.Signal(object)  # PainScore

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        # Each label above its box: three narrow columns fit a narrow dock.
        layout = QtWidgets.QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.spins: dict[str, QtWidgets.QSpinBox] = {}
        for column, key in enumerate(NRS_FIELDS):
            spin = QtWidgets.QSpinBox()
            spin.setRange(-1, 10)
            spin.setSpecialValueText("–")
            spin.setAccessibleName(
                self.tr("Pain score {which}, 0 to 10").format(which=_t(_NRS_LABELS[key]).lower())
            )
            spin.setToolTip(self.tr("0 no pain, 10 the worst pain imaginable"))
            spin.valueChanged.connect(self._on_spin_value_changed)
            label = QtWidgets.QLabel(_t(_NRS_LABELS[key]))
            label.setBuddy(spin)
            layout.addWidget(label, 0, column)
            layout.addWidget(spin, 1, column)
            self.spins[key] = spin
        layout.setColumnStretch(len(NRS_FIELDS), 1)
        self._updating = False

    def score(self) -> PainScore:
        values = [self.spins[k].value() for k in NRS_FIELDS]
        now, usual, worst = (None if v < 0 else v for v in values)
        return PainScore(now, usual, worst)

    def set_score(self, score: PainScore) -> None:
        self._updating = True  # no echo back into the document
        try:
            for key in NRS_FIELDS:
                value = getattr(score, key)
                self.spins[key].setValue(-1 if value is None else value)
        finally:
            self._updating = False

    def _on_spin_value_changed(self, _value: int) -> None:
        if not self._updating:
            self.score_edited.emit(self.score())
