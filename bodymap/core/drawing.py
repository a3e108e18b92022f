"""The drawing a person makes, as one model: its marks, the stroke being drawn, the pain and
the ranking, changed only through the user's verbs.

Qt-free. The window forwards pointer events and menu commands to a :class:`Drawing` and
draws what each verb reports (a :class:`Change`); the command line and the exports build one
from a session to analyse it. Everything that makes a stroke's end cheap (the area built up
while it is drawn, the new paint and zone overlaps measured at live-matching ticks) is kept
here and checks its own validity. Geometry is in the SVG user units of each view.

Rules of a drag: it keeps the view, width, intensity and kind (paint or erase) it began with,
whatever tool is chosen meanwhile; undo while a stroke is being drawn cancels that stroke and
nothing else; every other edit first cancels it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy
from bodymap.core.draft import StrokeBuilder
from bodymap.core.geometry import EMPTY
from bodymap.core.layers import Band, IntensityBands, PainLayers
from bodymap.core.marks import (
    Mark,
    RegionMark,
    Stroke,
    is_erase,
    mirrored,
    over_limits,
    validate_mark,
)
from bodymap.core.matching import Matcher, MatchResult, MatchState, Overlaps
from bodymap.core.pain import NewPaint, PainMap
from bodymap.core.session import Session


@dataclass(frozen=True)
class Change:
    """What a verb changed.

    ``views`` are the views whose pain changed. ``painted`` is set when the change only
    appended paint marks: each with its area on the body, so a view can draw them over what
    it showed; otherwise the changed views are to be drawn anew from :meth:`Drawing.bands`.
    ``added`` is the new paint a finished stroke added (SVG units of its view; empty for
    anything else). ``result`` is the ranking after the change. ``stroke_ended`` says that
    the stroke being drawn was finished or cancelled. ``refused`` says why a finished stroke
    was not added (the session's limits), "" otherwise.
    """

    views: tuple[str, ...]
    result: MatchResult
    painted: tuple[tuple[Mark, BaseGeometry], ...] = ()
    added: BaseGeometry = EMPTY
    stroke_ended: bool = False
    refused: str = ""


@dataclass(frozen=True)
class _Step:
    """One undo step: the marks before and after, and the mark appended (redone cheaply)."""

    before: tuple[Mark, ...]
    after: tuple[Mark, ...]
    appended: Mark | None = None


@dataclass
class _Draft:
    """A stroke being drawn: what it began with, its points not yet given to the builder,
    and what the last live-matching tick measured of its complete chunks."""

    builder: StrokeBuilder
    intensity: int
    erase: bool
    waiting: list[tuple[float, float]] = field(default_factory=list)
    tick: tuple[int, NewPaint, Overlaps] | None = None  # (chunks, their new paint, overlaps)

    def catch_up(self) -> StrokeBuilder:
        if self.waiting:
            self.builder.extend(self.waiting)
            self.waiting = []
        return self.builder


class Drawing:
    """Marks in drawing order, the stroke being drawn, the pain and its ranking.

    ``marks`` may come with ``layers``, the pain a session file keeps for exactly those marks
    (see :class:`bodymap.core.layers.PainLayers`); stale layers are ignored.
    """

    def __init__(
        self,
        anatomy: Anatomy,
        matcher: Matcher | None = None,
        marks: Iterable[Mark] = (),
        layers: PainLayers | None = None,
    ) -> None:
        self.anatomy = anatomy
        self.matcher = matcher or Matcher(anatomy)
        self.pain = PainMap(anatomy)
        self._bands = IntensityBands(self.pain)
        self._draft: _Draft | None = None
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._state: MatchState | None = None
        self.result = MatchResult((), 0.0, 0.0)
        self._set(tuple(marks), layers)

    @classmethod
    def of_session(
        cls, session: Session, anatomy: Anatomy, matcher: Matcher | None = None
    ) -> Drawing:
        """The drawing a saved session holds, its kept pain used when current: the one way
        the command line, the exports and the window analyse a session."""
        return cls(anatomy, matcher, session.marks, session.pain)

    # -- reading -----------------------------------------------------------------------

    @property
    def marks(self) -> tuple[Mark, ...]:
        return self.pain.marks

    def bands(self, view: str) -> tuple[Band, ...]:
        """The pain of ``view`` by intensity, to draw (see ``IntensityBands.bands``)."""
        return self._bands.bands(view)

    def layers(self) -> PainLayers:
        """The computed pain to keep beside the marks in a session file."""
        return self._bands.layers()

    def region_marked(self, region_id: str) -> bool:
        return self.pain.region_marked(region_id)

    def can_undo(self) -> bool:
        return bool(self._undo) or self._draft is not None

    def can_redo(self) -> bool:
        return bool(self._redo) and self._draft is None

    # -- the stroke being drawn --------------------------------------------------------

    @property
    def drawing_stroke(self) -> bool:
        return self._draft is not None

    def begin_stroke(
        self, view: str, point: tuple[float, float], width: float, intensity: int, erase: bool
    ) -> Change | None:
        """Start a stroke at ``point``; a stroke still being drawn is cancelled first (its
        change is returned)."""
        ended = self.cancel_stroke()
        self._draft = _Draft(StrokeBuilder(view, width), intensity, erase, [point])
        return ended

    def stroke_so_far(self) -> Stroke | None:
        """The stroke being drawn as it would be finished now, or None."""
        if self._draft is None:
            return None
        return self._draft.catch_up().stroke(self._draft.intensity, self._draft.erase)

    def extend_stroke(self, points: Sequence[tuple[float, float]]) -> None:
        """Add pointer samples to the stroke being drawn (cheap: measured later)."""
        if self._draft is not None:
            self._draft.waiting.extend(points)

    def preview(self) -> MatchResult | None:
        """The ranking as if the stroke so far were finished (the live-matching tick),
        changing nothing. None when there is nothing to preview: no stroke, an erasure, or a
        path long enough to be rasterised (measured once, at its end)."""
        draft = self._draft
        if draft is None or draft.erase:
            return None
        builder = draft.catch_up()
        if builder.rasterised:
            return None
        view, pain = builder.view, self.pain
        pain.geometry(view)  # merges the paint of earlier strokes, off the release path
        merged = builder.merged
        known: NewPaint | None = None
        overlaps: Overlaps = {}
        if merged:  # measure the complete chunks now: the release measures only the rest
            tick = draft.tick
            if tick is None or tick[0] != merged or tick[1].version != pain.version:
                paint = pain.new_paint(view, builder.merged_area())
                tick = draft.tick = (merged, paint, self.matcher.measure(view, paint.area))
            _, known, overlaps = tick
        paint = pain.new_paint(view, builder.area_since(merged), known)
        views = pain.views(view, paint.area)
        if self._state is None:
            return self.matcher.match(views)
        return self.matcher.update(
            self._state.copy(), views, view, paint.area, 1.0,
            pain_area=pain.area(paint.area), measured=(overlaps, paint.fresh),
        )  # fmt: skip

    def finish_stroke(self) -> Change | None:
        """End the stroke being drawn and add it (one undo step); None without one. A
        stroke the anatomy cannot take (an empty one), and an erasure that touches no pain,
        end with nothing added."""
        draft, self._draft = self._draft, None
        if draft is None:
            return None
        builder = draft.catch_up()
        stroke = builder.stroke(draft.intensity, draft.erase)
        reason = validate_mark(stroke, self.anatomy)
        if reason is not None or (draft.erase and not self._erases_pain(stroke)):
            return Change((), self.result, stroke_ended=True)
        full = over_limits((*self.marks, stroke))
        if full is not None:
            return Change((), self.result, stroke_ended=True, refused=full)
        paint, measured = None, None
        tick = draft.tick
        if tick is not None and not draft.erase and tick[1].version == self.pain.version:
            paint = self.pain.new_paint(builder.view, builder.area_since(tick[0]), tick[1])
            measured = (tick[2], paint.fresh)
        return self._append(stroke, paint, measured, stroke_ended=True)

    def _erases_pain(self, stroke: Stroke) -> bool:
        pain = self.pain.geometry(stroke.view)
        return not pain.is_empty and pain.intersects(stroke.geometry)

    def cancel_stroke(self) -> Change | None:
        """Drop the stroke being drawn; None without one."""
        if self._draft is None:
            return None
        self._draft = None
        return Change((), self.result, stroke_ended=True)

    # -- edits (each one undo step; each cancels a stroke being drawn) ----------------

    def add(self, mark: Mark) -> Change:
        """Append ``mark`` (``ValueError`` if :func:`validate_mark` finds it unusable or the
        session's limits leave no room for it)."""
        reason = validate_mark(mark, self.anatomy) or over_limits((*self.marks, mark))
        if reason is not None:
            raise ValueError(reason)
        ended = self.cancel_stroke()
        return _ending(self._append(mark), ended)

    def toggle_region(self, region_id: str, intensity: int) -> Change:
        """Mark ``region_id`` painful, or unmark it when it is marked."""
        if self.pain.region_marked(region_id):
            keep = [
                m for m in self.marks if not (isinstance(m, RegionMark) and m.region == region_id)
            ]
            return self.set_marks(keep)
        mark = RegionMark(region_id, intensity)
        full = over_limits((*self.marks, mark))
        return Change((), self.result, refused=full) if full else self.add(mark)

    def mirror(self) -> Change | None:
        """Copy every mark to the patient's other side (regions already marked there are not
        marked twice); None when there is nothing to mirror."""
        marked = set(self.pain.marked_regions())
        added: list[Mark] = []
        for mark in self.marks:
            twin = mirrored(mark, self.anatomy)
            if twin is None or (isinstance(twin, RegionMark) and twin.region in marked):
                continue
            if isinstance(twin, RegionMark):
                marked.add(twin.region)
            added.append(twin)
        if not added:
            return None
        full = over_limits((*self.marks, *added))
        return (
            Change((), self.result, refused=full) if full else self.set_marks([*self.marks, *added])
        )

    def clear(self) -> Change | None:
        """Remove every mark; None when there are none."""
        return self.set_marks([]) if self.marks else None

    def set_marks(self, marks: Iterable[Mark]) -> Change:
        """Replace the marks with ``marks`` as one undo step."""
        ended = self.cancel_stroke()
        before, after = self.marks, tuple(marks)
        self._push(_Step(before, after))
        return _ending(self._set(after), ended)

    def replace(self, marks: Iterable[Mark] = (), layers: PainLayers | None = None) -> Change:
        """Start over with ``marks`` (open, recover, new): no undo history, no stroke."""
        ended = self.cancel_stroke()
        self._undo.clear()
        self._redo.clear()
        return _ending(self._set(tuple(marks), layers), ended)

    def undo(self) -> Change | None:
        """Cancel the stroke being drawn if there is one, else take back the last edit."""
        ended = self.cancel_stroke()
        if ended is not None or not self._undo:
            return ended
        step = self._undo.pop()
        self._redo.append(step)
        return self._set(step.before)

    def redo(self) -> Change | None:
        """Do again the last edit taken back; None when there is none (or a stroke is being
        drawn: it would be lost)."""
        if self._draft is not None or not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(step)
        if step.appended is not None and _same(self.marks, step.before):
            return self._append(step.appended, record=False)
        return self._set(step.after)

    # -- inside --------------------------------------------------------------------------

    def _push(self, step: _Step) -> None:
        self._undo.append(step)
        self._redo.clear()

    def _append(
        self,
        mark: Mark,
        paint: NewPaint | None = None,
        measured: tuple[Overlaps, BaseGeometry] | None = None,
        stroke_ended: bool = False,
        record: bool = True,
    ) -> Change:
        if record:
            before = self.marks
            self._push(_Step(before, (*before, mark), mark))
        view = self.pain.view_of(mark)
        area = self.pain.append(mark, paint)
        erase = is_erase(mark)
        if area is None or self._state is None:
            self.result, self._state = self.matcher.start(self.pain.views())
        else:
            self.result = self.matcher.update(
                self._state, self.pain.views(), view, area, -1.0 if erase else 1.0,
                pain_area=self.pain.area(), measured=measured,
            )  # fmt: skip
        painted = () if erase else ((mark, self.pain.mark_on_body(mark)),)
        added = area if area is not None and not erase else EMPTY
        return Change((view,), self.result, painted, added, stroke_ended)

    def _set(self, marks: tuple[Mark, ...], layers: PainLayers | None = None) -> Change:
        old = self.marks
        changed = tuple(
            view
            for view in self.anatomy.views
            if not _same(
                [m for m in old if self.pain.view_of(m) == view],
                [m for m in marks if self.pain.view_of(m) == view],
            )
        )
        self.pain.set_marks(marks)
        if layers is not None:
            changed = tuple(self.anatomy.views)
        if layers is None or not self._bands.seed(layers):  # the pain a file keeps, if current
            for view in changed:
                self._bands.bands(view)  # folds the view once, for the map and the pain alike
        self.result, self._state = self.matcher.start(self.pain.views())
        return Change(changed, self.result)


def _same(a: Sequence[Mark], b: Sequence[Mark]) -> bool:
    """The same marks, object for object (marks are immutable: comparing their points would
    cost more than redrawing)."""
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def _ending(change: Change, ended: Change | None) -> Change:
    """``change``, saying that it also ended the stroke being drawn when ``ended`` did."""
    if ended is None or change.stroke_ended:
        return change
    return Change(change.views, change.result, change.painted, change.added, True, change.refused)
