"""Render a session as a PNG page: both views with the pain, its qualities and the
highlighted referral zones, the legends, the pain score, the ranked matches with their
strength words, the other causes to consider, the date and the whole note.

Draws with a QPainter on a QImage; no window, no scene, so no hover, selection or cursor can
reach the image. The app's Export command and ``bodymap export`` both call ``export_png``.
Page coordinates are logical units (1 unit = 1 SVG unit) multiplied by ``scale``; the text
is laid out in logical units once (``layout_pages``), so every scale shows the same lines.
Nothing is cut: a note a little too long for the page makes the page longer (by up to a
third), a longer one continues on further images of the page's size, ``NAME-2.png``,
``NAME-3.png``...
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QCoreApplication

from bodymap.core.anatomy import Anatomy
from bodymap.core.drawing import Drawing
from bodymap.core.session import Session
from bodymap.io import palette
from bodymap.io.atomic import describe_os_error, write_atomic
from bodymap.io.errors import ExportError
from bodymap.io.report_body import ART_WORDS, LABEL_H, art_renderer, draw_view_art, draw_views
from bodymap.io.report_side import disclaimer, side_rows, translate
from bodymap.io.report_text import (
    Row,
    TextBox,
    draw_boxes,
    font,
    line_height,
    metrics,
    normalise,
    paginate,
    paint_rows,
    text_rows,
    wrap_spans,
)

__all__ = [
    "ART_WORDS",
    "art_renderer",
    "draw_view_art",
    "export_pages",
    "export_png",
    "layout_pages",
    "render_page",
]

SCALE_MIN = 1.0
SCALE_MAX = 4.0
MARGIN = 28.0
VIEWS_TOP = 96.0  # logical y of the top of the views
SIDE_WIDTH = 300.0
SIDE_GAP = 36.0
FOOTER_H = 22.0
GROW = 1 / 3  # of the page's height: how much longer a page may get to hold the whole note
NOTE_SIZE = 13.0

_app: QtGui.QGuiApplication | None = None


@dataclass(frozen=True)
class Page:
    """The logical layout of an export page."""

    width: float
    height: float
    view_x: dict[str, float]  # left edge of each view's viewBox on the page
    view_y: dict[str, float]  # where each view's y = 0 lands (its viewBox top at VIEWS_TOP)
    side_x: float

    def size(self, scale: float) -> tuple[int, int]:
        return round(self.width * scale), round(self.height * scale)

    def point(self, view: str, x: float, y: float, scale: float) -> tuple[float, float]:
        """Where the SVG point ``(x, y)`` of ``view`` lands in the image, in pixels."""
        return (self.view_x[view] + x) * scale, (self.view_y[view] + y) * scale


def page_layout(anatomy: Anatomy) -> Page:
    boxes = {v.id: v.viewbox for v in anatomy.views.values()}
    offsets = palette.view_offsets(boxes)
    views_width = max(offsets[v] + boxes[v][0] + boxes[v][2] for v in offsets)
    views_height = max(b[3] for b in boxes.values())
    side_x = MARGIN + views_width + SIDE_GAP
    return Page(
        width=side_x + SIDE_WIDTH + MARGIN,
        height=VIEWS_TOP + views_height + MARGIN,
        view_x={v: MARGIN + offsets[v] for v in offsets},
        view_y={v: VIEWS_TOP - boxes[v][1] for v in offsets},
        side_x=side_x,
    )


def _ensure_gui() -> None:
    """Fonts and SVG rendering need a QGuiApplication; headless, make an offscreen one."""
    global _app
    if QtGui.QGuiApplication.instance() is None:
        _app = QtGui.QGuiApplication(["bodymap", "-platform", "offscreen"])


def write_png(image: QtGui.QImage, out: Path) -> None:
    """``image`` written to ``out`` as a PNG, atomically; :class:`ExportError` with one line
    (the previous file untouched) when it cannot be."""
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    # Quality 80 is zlib's level 1: encoding takes about half the time of the default level
    # (the largest share of an export), for a file about a fifth larger.
    if not image.save(buffer, "PNG", 80):  # type: ignore[call-overload]
        raise ExportError(str(out), "could not encode the image; try a smaller scale")
    try:
        write_atomic(out, bytes(buffer.data().data()))
    except OSError as exc:
        raise ExportError(str(out), f"could not write it: {describe_os_error(exc)}") from None


def _font(size: float, bold: bool = False) -> QtGui.QFont:
    return font(size, bold)


@dataclass
class PageText:
    """One image of the export, laid out: ``boxes`` every line of text on it (logical units),
    ``rows`` the placed rows to paint, ``first`` whether it is the page with the views."""

    width: float
    height: float
    first: bool
    boxes: list[TextBox] = field(default_factory=list)
    rows: list[tuple[float, float, Row]] = field(default_factory=list)


def layout_pages(drawing: Drawing, session: Session) -> list[PageText]:
    """The export's images, laid out in logical units: the first with the views and the side
    column, then as many as the rest needs (a long note, re-wrapped to the page's width).
    Every character of the note but the spaces and line ends where its lines break is in
    exactly one box of role "note", in order."""
    _ensure_gui()
    page = page_layout(drawing.anatomy)
    bottom = page.height - MARGIN - FOOTER_H
    top = VIEWS_TOP - 22
    step = line_height(NOTE_SIZE)
    rows = side_rows(drawing, session, SIDE_WIDTH)
    first = PageText(page.width, page.height, True)
    y, placed = top, 0
    for row in rows:  # beside the views while they fit (a heading with a line after it)
        if y + row.height + (step if row.keeps else 0.0) > bottom:
            break
        first.rows.append((page.side_x, y, row))
        y += row.height
        placed += 1
    rest = rows[placed:]
    note = normalise(session.note.strip())
    start = 0  # where the part of the note still to place starts
    if not rest and note:
        fm = metrics(NOTE_SIZE)
        spans = wrap_spans(note, fm, SIDE_WIDTH)
        need = y + len(spans) * step
        limit = bottom  # a note a little too long lengthens the page rather than continue
        if bottom < need <= bottom + GROW * page.height:
            limit = need
            first.height = page.height + (need - bottom)
        for s, e in spans:
            if y + step > limit:
                break
            box = TextBox(0.0, 0.0, fm.horizontalAdvance(note[s:e]), fm.height(), note[s:e],
                          NOTE_SIZE, role="note")  # fmt: skip
            first.rows.append((page.side_x, y, Row(step, [box], role="note")))
            y += step
            start = e
    remaining = note[start:].lstrip()
    full = page.width - 2 * MARGIN
    more = list(rest)
    if remaining:
        if not rest:
            title = translate("Export", "Note (continued)")
            more += text_rows(title, full, 16, bold=True, keeps=True)
        more += text_rows(remaining, full, NOTE_SIZE, role="note")
    pages = [first]
    for on_page in paginate(more, top, bottom) if more else []:
        pages.append(
            PageText(page.width, page.height, False, [], [(MARGIN, y, r) for y, r in on_page])
        )
    for number, p in enumerate(pages, 1):
        p.boxes = [b.moved(x, y) for x, y, row in p.rows for b in row.boxes]
        p.boxes.append(_footer(page, p.height, number, len(pages)))
        p.boxes += _header(page, session, number > 1)
    return pages


def _header(page: Page, session: Session, continued: bool) -> list[TextBox]:
    title = QCoreApplication.translate("Export", "Pain map")
    title += " (…)" if continued else ""
    big, small = metrics(24, True), metrics(14)
    when = session.date or session.modified.astimezone()  # a diary entry's own date
    stamp = when.strftime(QCoreApplication.translate("Export", "%d %B %Y, %H:%M"))
    stamp_w = small.horizontalAdvance(stamp)
    return [
        TextBox(MARGIN, MARGIN, big.horizontalAdvance(title), big.height(), title, 24, True,
                role="header"),
        TextBox(page.width - MARGIN - stamp_w, MARGIN + 8, stamp_w, small.height(), stamp, 14,
                colour=palette.MUTED, role="header"),
    ]  # fmt: skip


def _footer(page: Page, height: float, number: int, count: int) -> TextBox:
    text = disclaimer()
    if count > 1:
        text += "   " + translate("Export", "Image {number} of {count}").format(
            number=number, count=count
        )
    fm = metrics(11)
    y = height - MARGIN - fm.height()
    x = page.side_x if number == 1 else MARGIN
    return TextBox(x, y, fm.horizontalAdvance(text), fm.height(), text, 11,
                   colour=palette.MUTED, role="footer")  # fmt: skip


def render_pages(drawing: Drawing, session: Session, scale: float = 1.0) -> list[QtGui.QImage]:
    """Every image of the export of ``drawing`` (``session`` gives its date and note), each
    ``page_layout(anatomy).size(scale)`` (the first longer when it holds a longer note)."""
    layouts = layout_pages(drawing, session)
    return [_paint(drawing, p, scale) for p in layouts]


def render_page(drawing: Drawing, session: Session, scale: float = 1.0) -> QtGui.QImage:
    """The first image of the export (the views and the side column)."""
    layouts = layout_pages(drawing, session)
    return _paint(drawing, layouts[0], scale)


def _paint(drawing: Drawing, layout: PageText, scale: float) -> QtGui.QImage:
    width, height = round(layout.width * scale), round(layout.height * scale)
    image = QtGui.QImage(width, height, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor(palette.PAPER))
    dots_per_metre = round(scale * 72 / 0.0254)  # one logical unit is one point
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    with QtGui.QPainter(image) as painter:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        painter.setPen(QtGui.QPen(QtGui.QColor(palette.RULE), 1))
        painter.drawLine(QtCore.QPointF(MARGIN, 66), QtCore.QPointF(layout.width - MARGIN, 66))
        if layout.first:
            painter.save()
            painter.translate(MARGIN, VIEWS_TOP - LABEL_H)
            draw_views(painter, drawing, drawing.result)
            painter.restore()
        paint_rows(painter, layout.rows)  # a row's pictures, then its text
        draw_boxes(painter, (b for b in layout.boxes if b.role in ("header", "footer")))
    return image


def continuation_path(out: Path, number: int) -> Path:
    """The file of image ``number`` (1 is ``out`` itself, 2 is ``NAME-2.png``...)."""
    if number == 1:
        return out
    return out.with_name(f"{out.name.removesuffix(out.suffix)}-{number}{out.suffix}")


def existing_continuations(out: Path, pages: int) -> list[Path]:
    """The continuation files (``NAME-2.png`` up to image ``pages``) of ``out`` that exist
    already: an export of that many images would replace them although only ``out`` was
    named, so the window asks and the command line refuses first."""
    return [p for n in range(2, pages + 1) if (p := continuation_path(out, n)).exists()]


def export_pages(
    drawing: Drawing, session: Session, out: Path, scale: float = 2.0
) -> tuple[tuple[int, int], list[Path]]:
    """Write every image of the export (see the module) to ``out`` and its continuations,
    atomically; returns the pixel size of each image and the files written, ``out`` first.
    Raises :class:`ExportError` as :func:`export_png` does."""
    if not SCALE_MIN <= scale <= SCALE_MAX:
        raise ExportError(str(out), f"scale {scale} must be from 1 to 4")
    layouts = layout_pages(drawing, session)
    written = []
    size = (0, 0)
    for number, layout in enumerate(layouts, 1):
        image = _paint(drawing, layout, scale)
        path = continuation_path(out, number)
        write_png(image, path)
        written.append(path)
        size = image.width(), image.height()
    return size, written


def export_png(
    drawing: Drawing, session: Session, out: Path, scale: float = 2.0
) -> tuple[int, int]:
    """Write the export page of ``drawing`` (with the dates and note of ``session``) to
    ``out`` as a PNG, atomically (a note too long for the page continues in ``NAME-2.png``
    and on: :func:`export_pages`).

    ``scale`` (1 to 4) multiplies the logical page size. Returns ``(width, height)`` in
    pixels. Raises :class:`ExportError` with a one-line reason when the file cannot be
    written; an existing file is then left untouched.
    """
    return export_pages(drawing, session, out, scale)[0]
