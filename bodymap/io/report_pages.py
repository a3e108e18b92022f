"""The report's pages, laid out in points (1/72 inch) on a page of any size.

Page one, readable in a minute: what to look at first (danger signs answered yes, warnings),
both views with the pain, its qualities and the highlighted zones numbered as in the ranked
list, the legends, the pain score, extent and regions touched, the ranked patterns with their
strength words, "also touches" and the other causes to consider, then the note, whole,
continued on the next pages. A diary's report adds the timeline, the first entry against the
last (both maps, the difference map, the measures) and every entry of the range, the damaged
ones with their reason. Every page has a header, the words ``DISCLAIMER`` and "Page N of M".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QT_TRANSLATE_NOOP

from bodymap.core.anatomy import Anatomy
from bodymap.core.diary import EntrySummary
from bodymap.io import compare_render, palette
from bodymap.io.report_body import draw_views, views_size
from bodymap.io.report_model import DiaryReport, EntryReport, Report
from bodymap.io.report_side import (
    alert_rows,
    disclaimer,
    heading,
    legend_rows,
    match_rows,
    measure_rows,
    space,
    translate,
    word,
)
from bodymap.io.report_text import (
    Row,
    TextBox,
    metrics,
    paginate,
    paint_rows,
    stack,
    table_rows,
    text_rows,
)
from bodymap.io.report_timeline import TimelineChart

MARGIN = 40.0  # points
HEADER_H = 22.0
FOOTER_H = 22.0
TEXT = 9.5  # body text, points
VIEWS_SHARE = 0.58  # of the text width, for the body views on page one


@dataclass
class ReportPage:
    """One laid-out page: its size in points, the rows placed on it (x, y, row) and every
    line of text on it (``boxes``, header and footer included)."""

    width: float
    height: float
    rows: list[tuple[float, float, Row]] = field(default_factory=list)
    boxes: list[TextBox] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(b.text for b in self.boxes)


def _day(date: datetime) -> str:
    return date.strftime(translate("Export", "%d %B %Y"))


def _date(report: EntryReport) -> str:
    date = report.date
    return date.strftime(translate("Export", "%d %B %Y, %H:%M")) + f" (UTC{date:%z})"


def _title_rows(report: Report, width: float) -> list[Row]:
    entry = report.entry
    rows = text_rows(translate("Export", "Pain report"), width, 18, bold=True)
    if report.diary is None:
        line = translate("Export", "Drawn on {date}").format(date=_date(entry))
        rows += text_rows(line, width, TEXT + 1, colour=palette.MUTED)
    else:
        d = report.diary
        line = translate(
            "Export",
            "Diary of {count} entries, {first} to {last}. This page shows the newest entry, "
            "{date}; the timeline and the first entry against the last follow.",
        ).format(count=len(d.entries), first=_day(d.first_date), last=_day(entry.date),
                 date=_date(entry))  # fmt: skip
        rows += text_rows(line, width, TEXT + 1, colour=palette.MUTED)
    return rows


def _figure(entry: EntryReport, width: float) -> Row:
    """The views with the legends and measures beside them, as one row."""
    views_w, views_h = views_size(entry.anatomy)
    shown_w = width * VIEWS_SHARE
    k = shown_w / views_w
    side_x = shown_w + 14
    side_w = width - side_x
    side = [*legend_rows(entry.drawing, side_w, TEXT), space(TEXT)]
    side += heading(translate("Export", "Measures"), side_w, TEXT)
    side += measure_rows(entry, side_w, TEXT)
    boxes, placed, bottom = stack(side, side_x, 0.0)
    drawing = entry.drawing

    def paint(painter: QtGui.QPainter) -> None:
        painter.save()
        painter.scale(k, k)
        draw_views(painter, drawing, drawing.result, badge_radius=5.0 / k)
        painter.restore()
        paint_rows(painter, [(x, y, r.pictures()) for x, y, r in placed])

    return Row(max(views_h * k, bottom) + 6, boxes, paint, role="figure")


def entry_rows(report: Report, width: float) -> list[Row]:
    """Page one and the note: see the module."""
    entry = report.entry
    rows = _title_rows(report, width)
    rows += alert_rows(entry, width, TEXT + 0.5)
    rows.append(space(TEXT))
    rows.append(_figure(entry, width))
    rows += match_rows(entry.drawing.result, width, TEXT)
    note = entry.session.note.strip()
    rows += heading(translate("Export", "Note"), width, TEXT)
    if note:
        rows += text_rows(note, width, TEXT + 0.5, role="note")
    else:
        rows += text_rows(translate("Export", "No note."), width, TEXT, colour=palette.MUTED)
    return rows


def _timeline_row(diary: DiaryReport, width: float) -> Row:
    entries = list(diary.entries)
    dates = [e.date for e in entries if e.date is not None]
    start, end = min(dates), max(dates)
    pad = max((end - start) * 0.04, timedelta(hours=12))
    rect = QtCore.QRectF(0, 0, width, 230)
    chart = TimelineChart(entries, start - pad, end + pad, rect, text=8.5)
    return Row(rect.height() + 4, paint=lambda p: chart.paint(p), role="figure")


def _comparison_rows(diary: DiaryReport, width: float) -> list[Row]:
    result = diary.comparison
    if result is None:
        none = translate("Export", "One entry in range: nothing to compare.")
        return text_rows(none, width, TEXT,
                         colour=palette.MUTED)  # fmt: skip
    anatomy = diary.last.anatomy
    change = result.change
    gap = 12.0
    each = (width - 2 * gap) / 3
    views_w, views_h = compare_render.page_size(anatomy)
    k = each / views_w
    captions = (
        translate("Export", "First entry"),
        translate("Export", "Last entry"),
        translate("Export", "What changed"),
    )
    fm = metrics(TEXT, True)
    boxes = [
        TextBox(i * (each + gap), 0.0, fm.horizontalAdvance(c), fm.height(), c, TEXT, True)
        for i, c in enumerate(captions)
    ]
    same = change.unchanged_areas
    first_pain = {v: same[v].union(change.resolved_areas[v]) for v in anatomy.views}
    last_pain = {v: same[v].union(change.new_areas[v]) for v in anatomy.views}
    draws = (
        {v: [(g, "pain")] for v, g in first_pain.items()},
        {v: [(g, "pain")] for v, g in last_pain.items()},
        {
            v: [(change.unchanged_areas[v], "unchanged"), (change.resolved_areas[v], "resolved"),
                (change.new_areas[v], "new")]
            for v in anatomy.views
        },
    )  # fmt: skip
    top = fm.height() + 4

    def paint(painter: QtGui.QPainter) -> None:
        for i, draw in enumerate(draws):
            painter.save()
            painter.translate(i * (each + gap), top)
            painter.scale(k, k)
            compare_render.draw_views(painter, anatomy, draw)
            painter.restore()

    rows = [Row(top + views_h * k + 6, boxes, paint, role="figure")]
    rows += _kind_legend(width)
    nrs = ", ".join(f"{word(k)} {d:+d}" for k, d in result.nrs_change.items() if d is not None)
    pct = "{:.1f}".format
    lines = [
        translate("Export", "Pain extent: {first}% of the body, then {last}%.").format(
            first=pct(change.extent_a), last=pct(change.extent_b)
        ),
        translate(
            "Export",
            "New pain {new}%, resolved {resolved}%, unchanged {unchanged}% of the body; same "
            "place (Jaccard index) {jaccard}.",
        ).format(
            new=pct(change.new),
            resolved=pct(change.resolved),
            unchanged=pct(change.unchanged),
            jaccard=f"{change.jaccard:.2f}",
        ),
        translate("Export", "Pain score change (NRS): {change}.").format(
            change=nrs or translate("Export", "not given in both")
        ),
    ]
    firsts = (
        translate("Export", "Best patterns in the first entry: {patterns}."),
        translate("Export", "Best patterns in the last entry: {patterns}."),
    )
    for template, res in zip(firsts, (result.matches_a, result.matches_b), strict=True):
        best = ", ".join(f"{m.name} ({word(m.side)}, {word(m.strength)})" for m in res.matches[:3])
        lines.append(template.format(patterns=best or translate("Export", "none")))
    for line in lines:
        rows += text_rows(line, width, TEXT)
    return rows


def _kind_legend(width: float) -> list[Row]:
    fm = metrics(TEXT)
    side = fm.height()
    boxes, x = [], 0.0
    paints = []
    for kind, (label, *_rest) in compare_render.KINDS.items():
        boxes.append(TextBox(x + side + 5, 0.0, fm.horizontalAdvance(label), fm.height(), label,
                             TEXT))  # fmt: skip
        paints.append((x, kind))
        x += side + 5 + fm.horizontalAdvance(label) + 18

    def paint(painter: QtGui.QPainter) -> None:
        for px, kind in paints:
            compare_render.draw_kind_swatch(painter, kind, QtCore.QRectF(px, 0, side, side))

    return [Row(side + 6, boxes, paint, role="legend")]


ENTRY_COLUMNS = (
    str(QT_TRANSLATE_NOOP("Export", "Date")),
    str(QT_TRANSLATE_NOOP("Export", "NRS now/usual/worst")),
    str(QT_TRANSLATE_NOOP("Export", "Extent")),
    str(QT_TRANSLATE_NOOP("Export", "Regions")),
    str(QT_TRANSLATE_NOOP("Export", "Best pattern, score")),
)


def _entry_cells(entry: EntrySummary, anatomy: Anatomy) -> list[str]:
    assert entry.date is not None
    s = entry.score
    nrs = " / ".join("-" if v is None else str(v) for v in (s.now, s.usual, s.worst))
    top = translate("Export", "none")
    if entry.top is not None:
        muscle = anatomy.muscles.get(entry.top.muscle)
        name = muscle.name if muscle else entry.top.muscle
        top = f"{name} ({word(entry.top.side)}), {entry.top.score:.2f}"
    return [f"{entry.date:%d %b %Y %H:%M}", nrs, f"{entry.extent_pct:.1f}%",
            str(entry.regions_touched), top]  # fmt: skip


def diary_rows(diary: DiaryReport, width: float) -> list[Row]:
    """The diary's pages: timeline, first against last, the entries and the damaged ones."""
    rows = heading(translate("Export", "Timeline of the entries in range"), width, TEXT)
    rows.append(_timeline_row(diary, width))
    rows += heading(translate("Export", "The first entry against the last"), width, TEXT)
    rows += _comparison_rows(diary, width)
    rows += heading(translate("Export", "Entries ({count})").format(count=len(diary.entries)),
                    width, TEXT)  # fmt: skip
    size = TEXT - 0.5
    widths = [size * 11.5, size * 11, size * 5, size * 5, 0.0]
    widths[-1] = width - sum(widths) - 4 * 6.0
    cells = [_entry_cells(e, diary.last.anatomy) for e in diary.entries]
    header = [translate("Export", h) for h in ENTRY_COLUMNS]
    rows += table_rows(header, cells, widths, size, right=(2, 3))
    if diary.damaged:
        title = translate("Export", "Entries that could not be read ({count})")
        rows += heading(title.format(count=len(diary.damaged)), width, TEXT)
        for name, reason in diary.damaged:
            line = translate("Export", "{name}: damaged, left out: {reason}")
            rows += text_rows(line.format(name=name, reason=reason), width, TEXT - 0.5,
                              colour=palette.MUTED)  # fmt: skip
    return rows


def layout_report(report: Report, width: float, height: float) -> list[ReportPage]:
    """The report on pages of ``width`` x ``height`` points, each with header and footer."""
    text_w = width - 2 * MARGIN
    rows = entry_rows(report, text_w)
    if report.diary is not None:
        rows += diary_rows(report.diary, text_w)
    top, bottom = MARGIN + HEADER_H, height - MARGIN - FOOTER_H
    pages = []
    for placed in paginate(rows, top, bottom):
        page = ReportPage(width, height, [(MARGIN, y, r) for y, r in placed])
        page.boxes = [b.moved(x, y) for x, y, r in page.rows for b in r.boxes]
        pages.append(page)
    for number, page in enumerate(pages, 1):
        page.boxes += _margins(report, width, height, number, len(pages))
    return pages


def _margins(report: Report, width: float, height: float, number: int, count: int) -> list[TextBox]:
    """The header (what and when) and the footer (the disclaimer, the page number)."""
    fm = metrics(8)
    entry = report.entry
    what = (
        translate("Export", "Pain report, diary")
        if report.diary
        else translate("Export", "Pain report")
    )
    head = f"{what}: {_day(entry.date)}"
    page_text = translate("Export", "Page {number} of {count}").format(number=number, count=count)
    y_foot = height - MARGIN - fm.height()
    return [
        TextBox(MARGIN, MARGIN, fm.horizontalAdvance(head), fm.height(), head, 8,
                colour=palette.MUTED, role="header"),
        TextBox(MARGIN, y_foot, fm.horizontalAdvance(disclaimer()), fm.height(), disclaimer(), 8,
                colour=palette.MUTED, role="footer"),
        TextBox(width - MARGIN - fm.horizontalAdvance(page_text), y_foot,
                fm.horizontalAdvance(page_text), fm.height(), page_text, 8,
                colour=palette.MUTED, role="footer"),
    ]  # fmt: skip
