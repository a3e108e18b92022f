"""The symptom checklist and the danger-sign screen: a dialog of yes/no items, the undo step of
one answer, and the banner a "yes" to a danger sign puts above the ranking and the guide.

The items come from the anatomy (``Anatomy.symptoms``, ``Anatomy.danger_signs``); what the
answers do is the core's (``bodymap.core.symptoms.assess``). Answers live in the document
(saved with the session, format 3 ``answers``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.ui.danger_banner import DangerBanner

if TYPE_CHECKING:
    from bodymap.core.anatomy import Anatomy
    from bodymap.core.anatomy import Anatomy as _Anatomy
    from bodymap.core.drawing import Drawing
    from bodymap.core.match_result import MatchResult
    from bodymap.ui.actions import Actions
    from bodymap.ui.canvas import BodyScene
    from bodymap.ui.document import PainDocument
    from bodymap.ui.match_list import MatchList
    from bodymap.ui.muscle_outline import MuscleOutlines
    from bodymap.ui.panels import MusclePanels

_ANSWER_ID = 2  # QUndoCommand.id(): answers are separate steps, never merged


class SetAnswerCommand(QtGui.QUndoCommand):
    """Answer one item yes (True), no (False) or not at all (None); one undo step."""

    def __init__(self, document: PainDocument, item_id: str, value: bool | None, text: str):
        super().__init__(text)
        self._document = document
        self._id = item_id
        self._before = document.answers.get(item_id)
        self._after = value

    def redo(self) -> None:
        self._document.set_answer(self._id, self._after)

    def undo(self) -> None:
        self._document.set_answer(self._id, self._before)


class ChecklistDialog(QtWidgets.QDialog):
    """The danger-sign screen above the symptom checklist, one check box per item (checked:
    yes). Not modal: the map and the list update while it is open. ``answer_changed(id,
    yes)`` reports each click; :meth:`set_answers` shows the document's answers."""

    answer_changed = QtCore.Signal(str, bool)

    def __init__(self, anatomy: Anatomy, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklist_dialog")
        self.setWindowTitle(self.tr("Symptoms and danger signs"))
        self.boxes: dict[str, QtWidgets.QCheckBox] = {}
        content = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(content)
        danger = QtWidgets.QGroupBox(self.tr("Danger signs: does any of these apply to you?"))
        danger_layout = QtWidgets.QVBoxLayout(danger)
        note = QtWidgets.QLabel(
            self.tr(
                "A yes puts a warning above the list and every self-help panel: "
                "see a clinician before any self-treatment."
            )
        )
        note.setWordWrap(True)
        danger_layout.addWidget(note)
        for sign in anatomy.danger_signs:
            danger_layout.addWidget(self._box(sign.id, sign.question, sign.source))
        layout.addWidget(danger)
        symptoms = QtWidgets.QGroupBox(self.tr("Symptoms: tick what is true for you"))
        symptom_layout = QtWidgets.QVBoxLayout(symptoms)
        note = QtWidgets.QLabel(
            self.tr(
                "Answers may only swap muscles whose scores are close; they never add or "
                "remove one. Each move says which answer caused it."
            )
        )
        note.setWordWrap(True)
        symptom_layout.addWidget(note)
        for symptom in anatomy.symptoms:
            sources = "; ".join(sorted(set(symptom.supports.values())))
            symptom_layout.addWidget(self._box(symptom.id, symptom.label, sources))
        layout.addWidget(symptoms)
        layout.addStretch(1)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        outer = QtWidgets.QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(buttons)
        self.resize(560, 640)

    def _box(self, item_id: str, text: str, source: str) -> QtWidgets.QCheckBox:
        box = QtWidgets.QCheckBox(text)
        box.setObjectName(f"answer_{item_id}")
        box.setToolTip(self.tr("Source: {source}").format(source=source))
        # long questions wrap: a check box's own text does not, so it stays short and the
        # full question is its accessible name and tooltip as well
        box.setAccessibleName(text)
        box.toggled.connect(lambda yes, i=item_id: self.answer_changed.emit(i, yes))
        self.boxes[item_id] = box
        return box

    def set_answers(self, answers: dict[str, bool]) -> None:
        """Check exactly the items answered yes in ``answers`` (no signal is emitted)."""
        for item_id, box in self.boxes.items():
            with QtCore.QSignalBlocker(box):
                box.setChecked(bool(answers.get(item_id, False)))

    def checked(self) -> list[str]:
        return [i for i, box in self.boxes.items() if box.isChecked()]


class ChecklistHost(Protocol):
    """The main window as the checklist sees it (no import of the window: no cycle)."""

    anatomy: _Anatomy
    document: PainDocument
    match_list: MatchList
    panels: MusclePanels
    panel_dock: QtWidgets.QDockWidget
    scene: BodyScene
    action_set: Actions
    undo_stack: QtGui.QUndoStack

    @property
    def drawing(self) -> Drawing: ...

    def _show_result(self, result: MatchResult, final: bool) -> None: ...


class ChecklistController(QtCore.QObject):
    """The window's checklist: the dialog (made when first opened), each answer one undo
    step on the window's stack, the dialog following the document (undo, a session
    opened), and the ranking shown again whenever the answers change."""

    def __init__(self, window: ChecklistHost, outlines: MuscleOutlines, banner: DangerBanner):
        super().__init__(window)  # type: ignore[arg-type]  # a QMainWindow
        self.window = window
        self.outlines = outlines  # where the selected muscle lies, on the map
        self.guide_banner = banner  # the danger signs above the muscle guide
        self.dialog: ChecklistDialog | None = None
        window.document.answers_changed.connect(self._on_document_answers_changed)

    def present(self, result: MatchResult) -> MatchResult:
        """Show ``result`` with the answers and the marks' qualities applied by the core
        (the danger signs above the list and the guide); return the ranking shown."""
        from bodymap.core.symptoms import assess

        document = self.window.document
        qualities = [m.quality for m in document.drawing.marks]
        assessment = assess(document.anatomy, result, document.answers, qualities)
        self.window.match_list.show_assessment(assessment)
        if assessment.dangers or not self.guide_banner.isHidden():
            self.guide_banner.set_dangers(assessment.dangers)
        return assessment.result

    def follow_selection_of(self, muscle_id: str, side: str) -> None:
        self.follow_selection((muscle_id, side) if muscle_id else None)

    def follow_selection(self, selected: tuple[str, str] | None) -> None:
        """Outline the selected (muscle, side); with none, keep a muscle opened by hand."""
        if selected is not None:
            self.outlines.show(selected[0], [selected[1]])
        elif self.outlines.shown is not None and not self.window.panels.current_muscle():
            self.outlines.show(None)

    def show(self) -> None:
        """Open (or bring up) the checklist and danger-sign screen."""
        if self.dialog is None:
            parent = self.window if isinstance(self.window, QtWidgets.QWidget) else None
            self.dialog = ChecklistDialog(self.window.anatomy, parent)
            self.dialog.answer_changed.connect(self._on_dialog_answer_changed)
        self.dialog.set_answers(self.window.document.answers)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _on_dialog_answer_changed(self, item_id: str, yes: bool) -> None:
        text = self.tr("Answer yes") if yes else self.tr("Answer no")
        self.window.undo_stack.push(SetAnswerCommand(self.window.document, item_id, yes, text))

    def _on_document_answers_changed(self) -> None:
        if self.dialog is not None:
            self.dialog.set_answers(self.window.document.answers)
        self.window._show_result(self.window.drawing.result, True)  # the new answers applied


def attach_checklist(window: ChecklistHost) -> ChecklistController:
    """Put the danger-sign banner above the muscle guide, the outline overlay on the map,
    and the checklist behind the Matches button and the Muscles menu."""
    from bodymap.ui.muscle_outline import MuscleOutlines

    banner = DangerBanner()
    guide = QtWidgets.QWidget()
    column = QtWidgets.QVBoxLayout(guide)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(banner)
    column.addWidget(window.panels, 1)
    window.panel_dock.setWidget(guide)
    outlines = MuscleOutlines(window.anatomy, dict(window.scene.roots))
    controller = ChecklistController(window, outlines, banner)
    window.match_list.match_selected.connect(controller.follow_selection_of)
    window.action_set.muscle_chosen.connect(outlines.show)  # opened by hand: both sides
    window.match_list.checklist_requested.connect(controller.show)
    menu = window.action_set.muscles_menu
    action = QtGui.QAction(
        QtCore.QCoreApplication.translate("Checklist", "Symptoms and &Danger Signs…"), menu
    )
    action.setObjectName("checklist_action")
    action.setShortcut(QtGui.QKeySequence("Ctrl+K"))
    action.triggered.connect(controller.show)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, action)  # type: ignore[arg-type]
    menu.insertSeparator(first)  # type: ignore[arg-type]
    return controller
