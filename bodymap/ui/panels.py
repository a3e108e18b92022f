"""Muscle guide panels: what regions.yaml says about each muscle, one tab per muscle."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.ui import words
from bodymap.ui.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the panels are built before the core is imported (see app.py)
    from bodymap.core.anatomy import Anatomy, Muscle
    from bodymap.core.matching import Match

_STYLE = """
<style>
h2 { margin: 0 0 2px 0; }
h3 { margin: 14px 0 4px 0; font-size: 11pt; }
p, li { line-height: 135%; }
.muted { color: #5d5d5d; }
.caution { color: #7a3d00; }
.clinician { background: #fff4e5; padding: 6px; }
</style>
"""


MAX_RANKED_TABS = 12  # the best matches get a tab; the Muscles menu opens any other


STEPS = {  # the relief steps' ids (regions.yaml) as headings
    "massage": QT_TRANSLATE_NOOP("Panels", "Massage"),
    "stretch": QT_TRANSLATE_NOOP("Panels", "Stretch"),
    "strengthen": QT_TRANSLATE_NOOP("Panels", "Strengthen"),
}


def _t(text: str) -> str:
    return QtCore.QCoreApplication.translate("Panels", text)


def panel_html(muscle: Muscle) -> str:
    p = muscle.panel
    translate = QtCore.QCoreApplication.translate

    def section(title: str, body: str) -> str:
        return f"<h3>{escape(title)}</h3><p>{escape(body)}</p>"

    def bullets(title: str, items: tuple[str, ...]) -> str:
        rows = "".join(f"<li>{escape(i)}</li>" for i in items)
        return f"<h3>{escape(title)}</h3><ul>{rows}</ul>"

    relief = "".join(
        f"<li><b>{escape(_t(STEPS.get(step.step, step.step.capitalize())))}:</b> "
        f"{escape(step.how)}<br><span class='caution'>"
        + translate("Panels", "Caution: {text}").format(text=escape(step.caution))
        + "</span></li>"
        for step in p.relief
    )
    sources = "".join(f"<li>{escape(s)}</li>" for s in p.sources)
    relief_title = translate("Panels", "Relief")
    clinician_title = translate("Panels", "When to see a clinician")
    sources_title = translate("Panels", "Sources")
    return (
        f"{_STYLE}<h2><span style='color:{muscle.colour}'>&#9632;</span> {escape(muscle.name)}"
        f" <span class='muted'>({escape(muscle.short_name)})</span></h2>"
        + f"<p>{escape(p.summary)}</p>"
        + section(translate("Panels", "Pain pattern"), p.pain_pattern)
        + bullets(translate("Panels", "Symptoms"), p.symptoms)
        + bullets(translate("Panels", "Made worse by"), p.aggravated_by)
        + f"<h3>{escape(relief_title)}</h3><ol>{relief}</ol>"
        + f"<h3>{escape(clinician_title)}</h3>"
        + f"<p class='clinician'>{escape(p.see_a_clinician)}</p>"
        + section(translate("Panels", "Anatomy"), p.anatomy)
        + section(translate("Panels", "Attachments"), p.attachments)
        + section(translate("Panels", "Nerve"), p.nerve)
        + section(translate("Panels", "Function"), p.function)
        + f"<h3>{escape(sources_title)}</h3><ul class='muted'>{sources}</ul>"
    )


GUIDE_DELAY_MS = 40  # after a stroke's end: the list and the map first


class MusclePage(QtWidgets.QWidget):
    """One muscle's tab: how it matches the pain now (a line that changes with every stroke)
    above the guide text (laid out once, when the tab is first shown).

    The two are placed by hand rather than by a layout: a new match line would otherwise ask
    every layout up to the tab widget to run again, and the tab widget repaints the whole
    guide text after each stroke."""

    def __init__(self, muscle: Muscle) -> None:
        super().__init__()
        self.muscle = muscle
        self.note = QtWidgets.QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setContentsMargins(6, 4, 6, 2)
        self.text = QtWidgets.QTextBrowser(self)
        self.text.setOpenExternalLinks(True)
        self.text.setAccessibleName(muscle.name)
        self._laid_out = False
        self._place()

    def set_note(self, note: str) -> None:
        if note != self.note.text():
            self.note.setText(note)
            if self.isVisible():  # a hidden page is placed when it is shown
                self._place()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        self._place()

    def _place(self) -> None:
        width = self.width()
        height = self.note.heightForWidth(width) if self.note.text() else 0
        if self.note.geometry() != QtCore.QRect(0, 0, width, height):
            self.note.setGeometry(0, 0, width, height)
            self.note.setVisible(height > 0)
            self.text.setGeometry(0, height, width, max(0, self.height() - height))

    def lay_out(self) -> None:
        """Fill in the guide text, once: it never changes, and laying it out is slow."""
        if not self._laid_out:
            self._laid_out = True
            self.text.setHtml(panel_html(self.muscle))

    def toPlainText(self) -> str:
        """What the page says, as plain text: the match line, then the guide."""
        return "\n".join(t for t in (self.note.text(), self.text.toPlainText()) if t)


class MusclePanels(QtWidgets.QTabWidget):
    """Matched muscles by rank first, then muscles opened by hand from the Muscles menu."""

    anatomy: Anatomy  # given to the constructor or set once loaded; no tab needs it before

    def __init__(
        self, anatomy: Anatomy | None = None, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if anatomy is not None:
            self.anatomy = anatomy
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(False)
        self.setUsesScrollButtons(True)
        self.setAccessibleName(self.tr("Muscle guide"))
        self._pages: dict[str, MusclePage] = {}
        self._ranked: list[str] = []
        self._pinned: list[str] = []
        self.currentChanged.connect(self._on_tabs_current_changed)
        self._pending: tuple[Match, ...] = ()
        self._pending_timer = QtCore.QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(GUIDE_DELAY_MS)
        self._pending_timer.timeout.connect(self._show_pending)
        self.tabCloseRequested.connect(self._on_tabs_close_requested)
        self._placeholder = QtWidgets.QLabel(
            self.tr(
                "Muscles that may explain your pain open here.\n"
                "Mark where it hurts, or pick one from the Muscles menu."
            )
        )
        self._placeholder.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._sync_tabs()

    def show_matches(self, matches: tuple[Match, ...]) -> None:
        """Show ``matches`` a moment later (``GUIDE_DELAY_MS``): the list, the highlights and
        the pain are drawn first, and a quick run of strokes rebuilds the tabs once."""
        self._pending = matches
        self._pending_timer.start()

    def _show_pending(self) -> None:
        matches = self._pending
        ranked: list[str] = []
        for rank, match in enumerate(matches, 1):
            if match.muscle not in ranked and len(ranked) < MAX_RANKED_TABS:
                ranked.append(match.muscle)
                self._page(match.muscle).set_note(
                    self.tr(
                        "Match #{rank}: {side} side, score {score}, explains {share} of the pain."
                    ).format(
                        rank=rank,
                        side=words.side(match.side),
                        score=f"{match.score:.2f}",
                        share=f"{match.pain_explained:.0%}",
                    )
                )
        for muscle_id in self._ranked:
            if muscle_id not in ranked:
                self._pages[muscle_id].set_note("")
        if ranked != self._ranked:
            self._ranked = ranked
            self._sync_tabs()

    def open_muscle(self, muscle_id: str) -> None:
        """Show a muscle's panel (kept open until closed) and bring it to the front."""
        if muscle_id not in self._ranked and muscle_id not in self._pinned:
            self._pinned.append(muscle_id)
            self._sync_tabs()
        self.setCurrentWidget(self._page(muscle_id))
        self._pages[muscle_id].lay_out()

    def is_waiting(self) -> bool:
        """Whether matches given are still to be shown (see :meth:`show_matches`)."""
        return self._pending_timer.isActive()

    def reset(self) -> None:
        """Close every tab, ranked or opened by hand: a new or opened session starts with the
        guide empty until its own matches arrive."""
        self._pending_timer.stop()
        for muscle_id in self._ranked:
            self._pages[muscle_id].set_note("")
        self._ranked, self._pinned = [], []
        self._sync_tabs()

    def titles(self) -> list[str]:
        return [
            self.tabText(i) for i in range(self.count()) if self.widget(i) in self._pages.values()
        ]

    def current_muscle(self) -> str | None:
        page = self.currentWidget()
        return page.muscle.id if isinstance(page, MusclePage) else None

    def prepare_pages(self) -> None:
        """Build the muscles' pages one at a time while the window is idle (~5 ms each, the
        text laid out), so that a muscle first listed at a stroke's end costs nothing more."""
        todo = [m for m in self.anatomy.muscles if m not in self._pages]
        if todo:
            self._page(todo[0])
            QtCore.QTimer.singleShot(0, self.prepare_pages)

    def _page(self, muscle_id: str) -> MusclePage:
        if muscle_id not in self._pages:
            self._pages[muscle_id] = MusclePage(self.anatomy.muscles[muscle_id])
        return self._pages[muscle_id]

    def _on_tabs_current_changed(self, index: int) -> None:
        page = self.widget(index)
        if isinstance(page, MusclePage):
            page.lay_out()

    def _sync_tabs(self) -> None:
        """Tabs in order, ranked then pinned, touching only the tabs that change: a new
        ranking after each stroke mostly renames a tab or two."""
        current = self.currentWidget()
        order = self._ranked + [m for m in self._pinned if m not in self._ranked]
        wanted: list[tuple[QtWidgets.QWidget, str]] = [
            (self._page(m), f"{i + 1}. {self._pages[m].muscle.name}")
            if m in self._ranked
            else (self._page(m), self._pages[m].muscle.name)
            for i, m in enumerate(order)
        ] or [(self._placeholder, self.tr("Guide"))]
        with QtCore.QSignalBlocker(self):
            for i, (page, title) in enumerate(wanted):
                at = self.indexOf(page)
                if at != i:
                    if at >= 0:
                        self.removeTab(at)
                    self.insertTab(i, page, title)
                elif self.tabText(i) != title:
                    self.setTabText(i, title)
            while self.count() > len(wanted):
                self.removeTab(len(wanted))
            if not order:
                self.tabBar().setTabButton(0, QtWidgets.QTabBar.ButtonPosition.RightSide, None)
            if isinstance(current, MusclePage) and self.indexOf(current) >= 0:
                self.setCurrentWidget(current)  # the page the user is reading stays
            else:
                self.setCurrentIndex(0)  # the best match
        self._on_tabs_current_changed(self.currentIndex())

    def _on_tabs_close_requested(self, index: int) -> None:
        page = self.widget(index)
        if isinstance(page, MusclePage):
            muscle_id = page.muscle.id
            if muscle_id in self._pinned:
                self._pinned.remove(muscle_id)
            if muscle_id in self._ranked:
                self._ranked.remove(muscle_id)
            self._sync_tabs()
