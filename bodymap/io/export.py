"""Render a session as a PNG page: both views with the pain and the highlighted referral
zones, a legend, the ranked matches, the date and the note.

Draws with a QPainter on a QImage; no window, no scene, so no hover, selection or cursor can
reach the image. The app's Export command and ``bodymap export`` both call ``export_png``.
Page coordinates are logical units (1 unit = 1 SVG unit) multiplied by ``scale``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6 import QtCore, QtGui, QtSvg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bodymap.core.anatomy import Anatomy, View
from bodymap.core.drawing import Drawing
from bodymap.core.matching import MatchResult
from bodymap.core.session import Session
from bodymap.io import palette
from bodymap.io.atomic import describe_os_error, write_atomic
from bodymap.io.errors import ExportError
from bodymap.io.qt_bridge import geometry_to_path, pattern_paths
from bodymap.io.resources import svg_path

# The patient's side as the page names it (translated when the window installed a language).
SIDES = {
    "left": str(QT_TRANSLATE_NOOP("Export", "left")),
    "right": str(QT_TRANSLATE_NOOP("Export", "right")),
}
SCALE_MIN = 1.0
SCALE_MAX = 4.0
MARGIN = 28.0
VIEWS_TOP = 96.0  # logical y of the top of the views
SIDE_WIDTH = 300.0
SIDE_GAP = 36.0

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


def draw_view_art(painter: QtGui.QPainter, anatomy: Anatomy, view: View) -> None:
    """A view's label above its box and its body art in it, in the view's SVG units (the
    painter translated to where the view goes on the page)."""
    x0, y0, w, h = view.viewbox
    painter.setFont(_font(15, bold=True))
    painter.setPen(QtGui.QColor(palette.VIEW_LABEL))
    painter.drawText(
        QtCore.QRectF(x0, y0 - 26, w, 22), QtCore.Qt.AlignmentFlag.AlignHCenter, view.label
    )
    art_renderer(svg_path(anatomy, view)).render(painter, QtCore.QRectF(x0, y0, w, h))


# The words written in the body art, translated as the window's art is (bodymap.ui.shell, where
# lupdate finds them; a test keeps the two lists equal).
ART_WORDS = ("left", "right", "BACK", "FRONT", "L", "R")


def art_renderer(path: Path) -> QtSvg.QSvgRenderer:
    """The SVG at ``path`` with its words (``ART_WORDS``) in the installed language."""
    swaps = [(w, QCoreApplication.translate("Art", w)) for w in ART_WORDS]
    swaps = [(w, t) for w, t in swaps if t != w]
    if not swaps:
        return QtSvg.QSvgRenderer(str(path))
    text = path.read_text(encoding="utf-8")
    for word, translated in swaps:
        safe = translated.replace("&", "&amp;").replace("<", "&lt;")
        text = text.replace(f">{word}</text>", f">{safe}</text>")
    return QtSvg.QSvgRenderer(QtCore.QByteArray(text.encode("utf-8")))


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
    font = QtGui.QFont()
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


def _colour(hex_colour: str, alpha: int = 255) -> QtGui.QColor:
    colour = QtGui.QColor(hex_colour)
    colour.setAlpha(alpha)
    return colour


def render_page(drawing: Drawing, session: Session, scale: float = 1.0) -> QtGui.QImage:
    """The export page of ``drawing`` (``session`` gives its dates and note) as an image
    ``page_layout(anatomy).size(scale)``."""
    _ensure_gui()
    anatomy, result = drawing.anatomy, drawing.result
    page = page_layout(anatomy)
    width, height = page.size(scale)
    image = QtGui.QImage(width, height, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor(palette.PAPER))
    with QtGui.QPainter(image) as painter:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        _draw_header(painter, page, session)
        _draw_views(painter, anatomy, page, drawing, result)
        _draw_side(painter, page, anatomy, result, session)
    return image


def _draw_header(painter: QtGui.QPainter, page: Page, session: Session) -> None:
    painter.setPen(QtGui.QColor(palette.INK))
    painter.setFont(_font(24, bold=True))
    painter.drawText(
        QtCore.QPointF(MARGIN, MARGIN + 22), QCoreApplication.translate("Export", "Pain map")
    )
    painter.setFont(_font(14))
    painter.setPen(QtGui.QColor(palette.MUTED))
    pattern = QCoreApplication.translate("Export", "%d %B %Y, %H:%M")  # strftime, translated
    stamp = session.modified.astimezone().strftime(pattern)
    rect = QtCore.QRectF(MARGIN, MARGIN, page.width - 2 * MARGIN, 30)
    painter.drawText(
        rect, QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter, stamp
    )
    painter.setPen(QtGui.QPen(QtGui.QColor(palette.RULE), 1))
    painter.drawLine(QtCore.QPointF(MARGIN, 66), QtCore.QPointF(page.width - MARGIN, 66))


def _draw_views(
    painter: QtGui.QPainter,
    anatomy: Anatomy,
    page: Page,
    drawing: Drawing,
    result: MatchResult,
) -> None:
    highlights = [pattern_paths(anatomy, m.muscle, m.side) for m in result.matches]
    highlights = highlights[: palette.MAX_HIGHLIGHTS]
    colours = [m.colour for m in result.matches[: palette.MAX_HIGHLIGHTS]]
    for view in anatomy.views.values():
        painter.save()
        painter.translate(page.view_x[view.id], page.view_y[view.id])
        draw_view_art(painter, anatomy, view)
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        for paths, colour in zip(highlights, colours, strict=True):
            if view.id in paths:
                painter.setBrush(_colour(colour, palette.ZONE_FILL_ALPHA))
                painter.drawPath(paths[view.id])
        for intensity, geom in drawing.bands(view.id):
            painter.setBrush(_colour(palette.pain_colour(intensity), palette.PAIN_ALPHA))
            painter.drawPath(geometry_to_path(geom))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        for paths, colour in zip(highlights, colours, strict=True):
            if view.id in paths:
                painter.setPen(QtGui.QPen(_colour(colour), palette.ZONE_OUTLINE_WIDTH))
                painter.drawPath(paths[view.id])
        painter.restore()


def _draw_side(
    painter: QtGui.QPainter, page: Page, anatomy: Anatomy, result: MatchResult, session: Session
) -> None:
    x, y, w = page.side_x, VIEWS_TOP - 22, SIDE_WIDTH
    ink, muted = QtGui.QColor(palette.INK), QtGui.QColor(palette.MUTED)

    def heading(text: str) -> None:
        nonlocal y
        painter.setFont(_font(16, bold=True))
        painter.setPen(ink)
        painter.drawText(QtCore.QPointF(x, y + 16), text)
        y += 28

    def line(text: str, colour: QtGui.QColor = ink, size: float = 13, indent: float = 0) -> None:
        nonlocal y
        painter.setFont(_font(size))
        painter.setPen(colour)
        metrics = QtGui.QFontMetricsF(painter.font())
        shown = metrics.elidedText(text, QtCore.Qt.TextElideMode.ElideRight, w - indent)
        painter.drawText(QtCore.QPointF(x + indent, y + size), shown)
        y += size + 7

    # The page's words: English, or the window's language once it installed its translators
    # (the command line installs none).
    translate = QCoreApplication.translate
    heading(translate("Export", "Pain intensity"))
    swatch, gap = 24.0, 3.0  # every level, 1 (mildest) to 10 (worst), its number below
    painter.setPen(muted)
    painter.setFont(_font(11))
    for i, colour in enumerate(palette.PAIN_SCALE):
        rect = QtCore.QRectF(x + i * (swatch + gap), y, swatch, 16)
        painter.fillRect(rect, _colour(colour, palette.PAIN_ALPHA))
        below = QtCore.QRectF(rect.x(), y + 17, swatch, 14)
        painter.drawText(below, QtCore.Qt.AlignmentFlag.AlignHCenter, str(i + 1))
    y += 40

    heading(translate("Export", "Matching muscles"))
    if not result.matches:
        line(
            translate("Export", "No pain marked.")
            if result.pain_area == 0
            else translate("Export", "No referral pattern overlaps."),
            muted,
        )
    for rank, match in enumerate(result.matches[:12], 1):
        if rank <= palette.MAX_HIGHLIGHTS:
            rect = QtCore.QRectF(x, y + 2, 12, 12)
            painter.fillRect(rect, _colour(match.colour, palette.ZONE_FILL_ALPHA_EMPHASISED))
            painter.setPen(QtGui.QPen(_colour(match.colour), 1.5))
            painter.drawRect(rect)
        side = translate("Export", SIDES.get(match.side, match.side))
        line(f"{rank}. {match.name} ({side})", size=14, indent=20)
        line(
            translate("Export", "score {score} · {pain} of pain · {pattern} of pattern").format(
                score=f"{match.score:.2f}", pain=f"{match.pain_explained:.0%}",
                pattern=f"{match.zone_covered:.0%}",
            ),
            muted, size=12, indent=20,
        )  # fmt: skip
    if len(result.matches) > 12:
        line(
            translate("Export", "… and {count} more").format(count=len(result.matches) - 12), muted
        )
    if result.pain_area > 0:
        y += 4
        share = f"{result.unexplained:.0%}"
        line(
            translate("Export", "No pattern explains {share} of the pain.").format(share=share), ink
        )
    y += 14

    heading(translate("Export", "Note"))
    painter.setFont(_font(13))
    painter.setPen(ink if session.note.strip() else muted)
    bottom = page.height - MARGIN
    if bottom - y > 20:
        note_rect = QtCore.QRectF(x, y, w, bottom - y)
        text = session.note.strip() or translate("Export", "No note.")
        flags = QtCore.Qt.TextFlag.TextWordWrap | QtCore.Qt.AlignmentFlag.AlignTop
        painter.drawText(note_rect, int(flags.value), text)  # clipped at the page bottom
    painter.setPen(muted)
    painter.setFont(_font(11))
    painter.drawText(
        QtCore.QRectF(x, bottom - 14, w, 16), QtCore.Qt.AlignmentFlag.AlignLeft,
        translate("Export", "A self-help guide, not a diagnosis."),
    )  # fmt: skip


def export_png(
    drawing: Drawing, session: Session, out: Path, scale: float = 2.0
) -> tuple[int, int]:
    """Write the export page of ``drawing`` (with the dates and note of ``session``) to
    ``out`` as a PNG, atomically.

    ``scale`` (1 to 4) multiplies the logical page size. Returns ``(width, height)`` in
    pixels. Raises :class:`ExportError` with a one-line reason when the file cannot be
    written; an existing file is then left untouched.
    """
    if not SCALE_MIN <= scale <= SCALE_MAX:
        raise ExportError(str(out), f"scale {scale} must be from 1 to 4")
    image = render_page(drawing, session, scale)
    write_png(image, out)
    return image.width(), image.height()
