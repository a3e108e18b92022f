"""Muscle guide panels: what regions.yaml says about each muscle, one tab per muscle."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

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


def panel_html(muscle: Muscle, rank_note: str = "") -> str:
    p = muscle.panel

    def section(title: str, body: str) -> str:
        return f"<h3>{escape(title)}</h3><p>{escape(body)}</p>"

    def bullets(title: str, items: tuple[str, ...]) -> str:
        rows = "".join(f"<li>{escape(i)}</li>" for i in items)
        return f"<h3>{escape(title)}</h3><ul>{rows}</ul>"

    relief = "".join(
        f"<li><b>{escape(step.step.capitalize())}:</b> {escape(step.how)}"
        f"<br><span class='caution'>Caution: {escape(step.caution)}</span></li>"
        for step in p.relief
    )
    sources = "".join(f"<li>{escape(s)}</li>" for s in p.sources)
    return (
        f"{_STYLE}<h2><span style='color:{muscle.colour}'>&#9632;</span> {escape(muscle.name)}"
        f" <span class='muted'>({escape(muscle.short_name)})</span></h2>"
        + (f"<p class='muted'>{escape(rank_note)}</p>" if rank_note else "")
        + f"<p>{escape(p.summary)}</p>"
        + section("Pain pattern", p.pain_pattern)
        + bullets("Symptoms", p.symptoms)
        + bullets("Made worse by", p.aggravated_by)
        + f"<h3>Relief</h3><ol>{relief}</ol>"
        + f"<h3>When to see a clinician</h3><p class='clinician'>{escape(p.see_a_clinician)}</p>"
        + section("Anatomy", p.anatomy)
        + section("Attachments", p.attachments)
        + section("Nerve", p.nerve)
        + section("Function", p.function)
        + f"<h3>Sources</h3><ul class='muted'>{sources}</ul>"
    )


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
        self.setAccessibleName("Muscle guide")
        self._pages: dict[str, QtWidgets.QTextBrowser] = {}
        self._ranked: list[str] = []
        self._pinned: list[str] = []
        self._notes: dict[str, str] = {}
        self._stale: set[str] = set()  # pages whose note changed while not shown
        self.currentChanged.connect(self._on_tabs_current_changed)
        self.tabCloseRequested.connect(self._on_tabs_close_requested)
        self._placeholder = QtWidgets.QLabel(
            "Muscles that may explain your pain open here.\n"
            "Mark where it hurts, or pick one from the Muscles menu."
        )
        self._placeholder.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._rebuild()

    def show_matches(self, matches: tuple[Match, ...]) -> None:
        ranked: list[str] = []
        notes: dict[str, str] = {}
        for rank, match in enumerate(matches, 1):
            if match.muscle not in ranked and len(ranked) < MAX_RANKED_TABS:
                ranked.append(match.muscle)
                notes[match.muscle] = (
                    f"Match #{rank}: {match.side} side, score {match.score:.2f}, "
                    f"explains {match.pain_explained:.0%} of the pain."
                )
        for muscle_id, note in notes.items():
            if self._notes.get(muscle_id) != note:
                self._notes[muscle_id] = note
                self._stale.add(muscle_id)
        if ranked != self._ranked:
            self._ranked = ranked
            self._rebuild()
        self._refresh(self.current_muscle())

    def open_muscle(self, muscle_id: str) -> None:
        """Show a muscle's panel (kept open until closed) and bring it to the front."""
        if muscle_id not in self._ranked and muscle_id not in self._pinned:
            self._pinned.append(muscle_id)
            self._rebuild()
        self.setCurrentWidget(self._page(muscle_id))
        self._refresh(muscle_id)

    def titles(self) -> list[str]:
        return [
            self.tabText(i) for i in range(self.count()) if self.widget(i) in self._pages.values()
        ]

    def current_muscle(self) -> str | None:
        for muscle_id, page in self._pages.items():
            if page is self.currentWidget():
                return muscle_id
        return None

    def _page(self, muscle_id: str) -> QtWidgets.QTextBrowser:
        if muscle_id not in self._pages:
            page = QtWidgets.QTextBrowser()
            page.setOpenExternalLinks(True)
            page.setAccessibleName(self.anatomy.muscles[muscle_id].name)
            self._pages[muscle_id] = page
            self._stale.add(muscle_id)
        return self._pages[muscle_id]

    def _refresh(self, muscle_id: str | None) -> None:
        """Lay out a page's text only when it is shown (it is slow with many matches)."""
        if muscle_id in self._stale and muscle_id in self._pages:
            self._stale.discard(muscle_id)
            muscle = self.anatomy.muscles[muscle_id]
            self._pages[muscle_id].setHtml(panel_html(muscle, self._notes.get(muscle_id, "")))

    def _on_tabs_current_changed(self, index: int) -> None:
        self._refresh(self.current_muscle())

    def _rebuild(self) -> None:
        current = self.current_muscle()
        with QtCore.QSignalBlocker(self):
            while self.count():
                self.removeTab(0)
            order = self._ranked + [m for m in self._pinned if m not in self._ranked]
            for i, muscle_id in enumerate(order):
                name = self.anatomy.muscles[muscle_id].name
                title = f"{i + 1}. {name}" if muscle_id in self._ranked else name
                self.addTab(self._page(muscle_id), title)
            if not order:
                self.addTab(self._placeholder, "Guide")
                self.tabBar().setTabButton(0, QtWidgets.QTabBar.ButtonPosition.RightSide, None)
        if current in order:
            self.setCurrentWidget(self._pages[current])
        self._refresh(self.current_muscle())

    def _on_tabs_close_requested(self, index: int) -> None:
        widget = self.widget(index)
        for muscle_id, page in self._pages.items():
            if page is widget:
                if muscle_id in self._pinned:
                    self._pinned.remove(muscle_id)
                if muscle_id in self._ranked:
                    self._ranked.remove(muscle_id)
                self._rebuild()
                return
