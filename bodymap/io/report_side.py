"""The sections of text both exported pages show, as rows (``bodymap.io.report_text``):
what to look at first (danger signs answered yes, the drawing's warnings), the pain score and
measures, the legends, the ranked patterns with their strength words, "also touches" and the
other causes to consider. The window's list says the same (``bodymap.ui.match_list``).

``size`` is the body text's font size in the page's logical units; headings are larger.
"""

from __future__ import annotations

import functools

from PySide6 import QtGui
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bodymap.core.drawing import Drawing
from bodymap.core.match_result import Match, MatchResult
from bodymap.core.score import QUALITIES
from bodymap.core.session import Session
from bodymap.io import palette
from bodymap.io.report_body import (
    draw_badge,
    draw_intensity_scale,
    draw_quality_swatch,
    qualities_on_map,
)
from bodymap.io.report_model import (
    EntryReport,
    alerts,
    entry_report,
    region_labels,
    symptoms_yes,
)
from bodymap.io.report_text import Row, TextBox, line_height, metrics, table_rows, text_rows

translate = QCoreApplication.translate
# The patient's side as the PNG page names it (translated when the window installed a language).
SIDES = {
    "left": str(QT_TRANSLATE_NOOP("Export", "left")),
    "right": str(QT_TRANSLATE_NOOP("Export", "right")),
}
# The words every exported page carries (a reader and a test can find them).
DISCLAIMER = "Self-reported; educational, not a diagnosis."


def disclaimer() -> str:
    """``DISCLAIMER`` in the installed language (English on the command line)."""
    return translate("Export", "Self-reported; educational, not a diagnosis.")


def word(text: str) -> str:
    """A core word (strength, side, quality, NRS) as the window's words table translates it
    (``bodymap.ui.words``, context "Words"); itself on the command line."""
    return translate("Words", text)


ALERT_INK = "#8A1C00"


def heading(text: str, width: float, size: float, colour: str = palette.INK) -> list[Row]:
    """A heading that stays with what follows it, a little space above."""
    rows = [Row(size * 0.5, role="space")]
    return rows + text_rows(text, width, size * 1.25, bold=True, colour=colour, keeps=True)


def space(size: float) -> Row:
    return Row(size * 0.6, role="space")


def alert_rows(report: EntryReport, width: float, size: float) -> list[Row]:
    """Danger signs answered yes, then the drawing's warnings; none when there are none."""
    found = alerts(report)
    if not found:
        return []
    rows = heading(translate("Export", "Look at these first"), width, size, ALERT_INK)
    for alert in found:
        if alert.kind == "danger":
            line = translate("Export", "Danger sign answered yes: {sign}.").format(sign=alert.label)
            rows += text_rows(line, width, size, bold=True, colour=ALERT_INK, role="alert")
        else:
            line = translate("Export", "Warning: {warning}.").format(warning=alert.label)
            rows += text_rows(line, width, size, bold=True, colour=ALERT_INK, role="alert")
            rows += text_rows(alert.text, width, size * 0.92, indent=size, role="alert")
    if any(a.kind == "danger" for a in found):
        rows += text_rows(
            translate(
                "Export", "A danger sign answered yes needs a clinician soon, before any self-help."
            ),
            width, size * 0.92, colour=ALERT_INK, role="alert",
        )  # fmt: skip
    return rows


def measure_rows(report: EntryReport, width: float, size: float) -> list[Row]:
    """The pain score (NRS), pain extent and the regions touched."""
    session, extent = report.session, report.extent
    rows: list[Row] = []
    s = session.score
    nrs = (
        ""
        if s.is_empty()
        else ", ".join(
            f"{word(k)} {'-' if v is None else v}"
            for k, v in (("now", s.now), ("usual", s.usual), ("worst", s.worst))
        )
    )
    rows += text_rows(
        translate("Export", "Pain score (NRS 0-10): {scores}").format(scores=nrs)
        if nrs
        else translate("Export", "Pain score (NRS 0-10): not given"),
        width, size, bold=bool(nrs),
    )  # fmt: skip
    views = ", ".join(f"{translate('Export', VIEWS.get(v, v))} {p:.1f}%"
                      for v, p in extent.per_view.items())  # fmt: skip
    line = translate("Export", "Pain extent: {total}% of the body ({views})")
    rows += text_rows(line.format(total=f"{extent.total:.1f}", views=views), width, size)
    labels = region_labels(report)
    touched = translate("Export", "Regions touched: {count}").format(count=len(labels))
    touched += f" ({', '.join(labels)})" if labels else ""
    rows += text_rows(touched, width, size)
    said = symptoms_yes(report)
    if said:
        line = translate("Export", "Said yes to: {items}.").format(items="; ".join(said))
        rows += text_rows(line, width, size)
    return rows


def legend_rows(drawing: Drawing, width: float, size: float, detail: bool = True) -> list[Row]:
    """The intensity scale, and the pattern of each quality on the map; the heading says
    which end is which with ``detail`` (the PNG page's scale shows it by its numbers)."""
    small = size * 0.85
    if detail:
        rows = heading(translate("Export", "Pain intensity (1 mildest, 10 worst)"), width, size)
    else:
        rows = heading(translate("Export", "Pain intensity"), width, size)
    scale_w = min(width, size * 22)

    def scale(painter: QtGui.QPainter) -> None:
        draw_intensity_scale(painter, scale_w, small)

    rows.append(Row(small * 2.6 + 4, paint=scale, role="legend"))
    qualities = qualities_on_map(drawing)
    if qualities:
        rows += heading(translate("Export", "What the pain feels like"), width, size)
        fm = metrics(small)
        side = fm.height() + 2
        for quality in qualities:
            label = word(QUALITIES[quality].label)
            box = TextBox(side + 6, 1.0, fm.horizontalAdvance(label), fm.height(), label, small,
                          role="legend")  # fmt: skip
            paint = functools.partial(draw_quality_swatch, quality=quality, side=side)
            rows.append(Row(side + 4, [box], paint=paint, role="legend"))
    return rows


def match_rows(result: MatchResult, width: float, size: float, detail: bool = True) -> list[Row]:
    """The ranked patterns (a muscle painted on both sides is one row), each with its strength
    word, score and shares, its highlighted zones' badge; then how much no pattern explains,
    "also touches" and the other causes to consider (not ranked), with what each says when
    ``detail``, else by name as the window's list has them."""
    if detail:
        rows = heading(translate("Export", "Muscle patterns that match, best first"), width, size)
        none = translate("Export", "No referral pattern explains a tenth of this pain or more.")
    else:
        rows = heading(translate("Export", "Matching muscles"), width, size)
        none = translate("Export", "No referral pattern overlaps.")
    if not result.matches:
        text = translate("Export", "No pain marked.") if result.pain_area == 0 else none
        rows += text_rows(text, width, size, colour=palette.MUTED)
    if detail:
        rows += _match_table(result, width, size)
    else:
        rows += _match_list(result, width, size)
    if result.pain_area > 0:
        rows.append(space(size))
        share = f"{result.unexplained:.0%}"
        line = translate("Export", "No pattern explains {share} of the pain.").format(share=share)
        rows += text_rows(line, width, size)
    if result.also_touches:
        names = ", ".join(f"{m.name} ({word(m.side)})" for m in result.also_touches)
        line = translate("Export", "Also touches, but explains little of it: {names}.")
        rows += text_rows(line.format(names=names), width, size)
    if result.other_causes and not detail:
        causes = "; ".join(c.label for c in result.other_causes)
        line = translate("Export", "Other causes to consider (not muscles, not ranked): {causes}.")
        rows += text_rows(line.format(causes=causes), width, size)
    elif result.other_causes:
        title = translate("Export", "Other causes to consider (not muscles, not ranked)")
        rows += heading(title, width, size)
        for cue in result.other_causes:
            rows += text_rows(cue.label, width, size, bold=True, keeps=True)
            rows += text_rows(cue.text, width, size * 0.92, indent=size)
    return rows


def _badge(
    rows: list[Row], result: MatchResult, rank: int, sides: tuple[Match, ...], size: float
) -> None:
    """Put the highlighted zones' numbered badge at the left of ``rows[0]``."""
    if rows and any(m in result.matches[: palette.MAX_HIGHLIGHTS] for m in sides):
        radius, y = size * 0.62, line_height(size, True) * 0.42
        rows[0].paint = functools.partial(
            draw_badge, x=radius + 1, y=y, rank=rank, colour=sides[0].colour, radius=radius
        )


def _match_list(result: MatchResult, width: float, size: float) -> list[Row]:
    """Two lines a match: rank, name, side and strength word; score and shares."""
    rows: list[Row] = []
    indent = size * 1.7
    for rank, sides in enumerate(result.rows(), 1):
        match = sides[0]
        explains = min(1.0, sum(m.pain_explained for m in sides))
        side_words = " + ".join(translate("Export", SIDES.get(m.side, m.side)) for m in sides)
        title = f"{rank}. {match.name} ({side_words}): {word(match.strength)}"
        first = text_rows(title, width, size, bold=True, indent=indent, keeps=True)
        _badge(first, result, rank, sides, size)
        rows += first
        shares = translate("Export", "score {score} · {pain} of pain · {pattern} of pattern")
        rows += text_rows(
            shares.format(score=f"{match.score:.2f}", pain=f"{explains:.0%}",
                          pattern=f"{match.zone_covered:.0%}"),
            width, size * 0.9, colour=palette.MUTED, indent=indent,
        )  # fmt: skip
    return rows


MATCH_COLUMNS = (
    "#",
    str(QT_TRANSLATE_NOOP("Export", "Muscle")),
    str(QT_TRANSLATE_NOOP("Export", "Side")),
    str(QT_TRANSLATE_NOOP("Export", "Strength")),
    str(QT_TRANSLATE_NOOP("Export", "Score")),
    str(QT_TRANSLATE_NOOP("Export", "Explains")),
    str(QT_TRANSLATE_NOOP("Export", "Pattern")),
)
VIEWS = {
    "back": str(QT_TRANSLATE_NOOP("Export", "back")),
    "front": str(QT_TRANSLATE_NOOP("Export", "front")),
}


def _match_table(result: MatchResult, width: float, size: float) -> list[Row]:
    """The window list's columns, one row a muscle, its badge before the rank."""
    cells = []
    for rank, sides in enumerate(result.rows(), 1):
        match = sides[0]
        explains = min(1.0, sum(m.pain_explained for m in sides))
        side_words = " + ".join(word(m.side) for m in sides)
        cells.append([str(rank), match.name, side_words,
                      word(match.strength), f"{match.score:.2f}", f"{explains:.0%}",
                      f"{match.zone_covered:.0%}"])  # fmt: skip
    if not cells:
        return []
    fixed = [size * 3.2, 0.0, size * 7, size * 5.5, size * 3.5, size * 5.4, size * 5.4]
    fixed[1] = width - sum(fixed) - 6 * 6.0
    header = [translate("Export", h) for h in MATCH_COLUMNS]
    rows = table_rows(header, cells, fixed, size, right=(0, 4, 5, 6))
    for rank, (row, sides) in enumerate(zip(rows[1:], result.rows(), strict=True), 1):
        _badge([row], result, rank, sides, size)
    return rows


def side_rows(drawing: Drawing, session: Session, width: float) -> list[Row]:
    """The PNG page's column beside the views, down to the note's heading (the note itself
    is laid out by the page, which continues it on further images)."""
    size = 13.0
    report = entry_report("", session, drawing)
    rows = alert_rows(report, width, size)
    rows += legend_rows(drawing, width, size, detail=False)
    rows.append(space(size))
    rows += measure_rows(report, width, size)
    rows += match_rows(drawing.result, width, size, detail=False)
    rows.append(space(size))
    rows += heading(translate("Export", "Note"), width, size)
    if not session.note.strip():
        rows += text_rows(translate("Export", "No note."), width, size, colour=palette.MUTED)
    return rows
