"""Text on the exported pages (the PNG page and the PDF report): wrapped so that every
character is kept, and laid out as boxes so that a test can see nothing overprints anything.

Units are the page's logical units (SVG units on the PNG page, points in the PDF); a font's
size is its pixel size in those units. A :class:`Row` is one unbreakable piece of a page (a
line of text, a picture, a space) with the text boxes it holds, relative to its top-left
corner; pages are filled with rows from top to bottom.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from PySide6 import QtCore, QtGui

from bodymap.io import palette

_SPLIT = re.compile(r"\S+|[^\S\n]+")


def font(size: float, bold: bool = False) -> QtGui.QFont:
    """A font of ``size`` logical units (its pixel size), bold or not."""
    f = QtGui.QFont()
    f.setPixelSize(max(1, round(size)))
    f.setBold(bold)
    # No ligatures: "fi" drawn as one glyph reads back from a PDF as "ﬁ", and a search for
    # "first" would miss it.
    f.setFeature(QtGui.QFont.Tag("liga"), 0)
    return f


def metrics(size: float, bold: bool = False) -> QtGui.QFontMetricsF:
    return QtGui.QFontMetricsF(font(size, bold))


def normalise(text: str) -> str:
    """``text`` with line ends made ``\\n`` and tabs made four spaces (what the lines show)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")


def _fit(word: str, fm: QtGui.QFontMetricsF, width: float) -> int:
    """How many leading characters of ``word`` fit in ``width`` (at least one character,
    never splitting a character from the combining marks after it)."""
    low, high = 1, len(word)
    while low < high:  # the longest prefix that fits
        mid = (low + high + 1) // 2
        if fm.horizontalAdvance(word[:mid]) <= width:
            low = mid
        else:
            high = mid - 1
    while 1 < low < len(word) and unicodedata.combining(word[low]):
        low -= 1
    return low


def wrap_spans(text: str, fm: QtGui.QFontMetricsF, width: float) -> list[tuple[int, int]]:
    """The lines of ``text`` (normalised, see :func:`normalise`) at most ``width`` wide in the
    font of ``fm``, as ``(start, end)`` slices of it, in order.

    Paragraphs end at ``\\n`` (an empty one is an empty line); lines break at spaces, and a
    word wider than a line is broken between characters. Only the spaces (and line ends)
    where a line breaks are left out of the slices: every other character is in exactly one
    line."""
    spans: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        end_of_paragraph = start + len(paragraph)
        line_start: int | None = None  # the current line: text[line_start:line_end]
        line_end = start
        for match in _SPLIT.finditer(paragraph):
            s, e = start + match.start(), start + match.end()
            token = match.group()
            if token.isspace():
                if line_start is None and s == start:  # the paragraph's indent
                    line_start, line_end = s, s
                continue  # kept only if a word follows on the same line
            candidate = text[line_start:e] if line_start is not None else token
            if fm.horizontalAdvance(candidate) <= width:
                if line_start is None:
                    line_start = s
                line_end = e
                continue
            if line_start is not None and line_end > line_start:
                spans.append((line_start, line_end))
            while fm.horizontalAdvance(text[s:e]) > width:
                cut = s + _fit(text[s:e], fm, width)
                spans.append((s, cut))
                s = cut
            line_start, line_end = s, e
        if line_start is None or line_end <= line_start:
            spans.append((start, start))  # an empty (or blank) line keeps its place
        else:
            spans.append((line_start, line_end))
        start = end_of_paragraph + 1
    return spans


def wrap(text: str, fm: QtGui.QFontMetricsF, width: float) -> list[str]:
    """The lines of :func:`wrap_spans` as strings."""
    text = normalise(text)
    return [text[s:e] for s, e in wrap_spans(text, fm, width)]


@dataclass(frozen=True)
class TextBox:
    """One line of text drawn at ``(x, y)`` (its top-left; ``w`` x ``h`` logical units is the
    box its glyphs stay in). ``role`` names what it is ("note", "footer", ...)."""

    x: float
    y: float
    w: float
    h: float
    text: str
    size: float
    bold: bool = False
    colour: str = palette.INK
    role: str = "text"

    def moved(self, dx: float, dy: float) -> TextBox:
        return replace(self, x=self.x + dx, y=self.y + dy)

    def rect(self) -> tuple[float, float, float, float]:
        return self.x, self.y, self.x + self.w, self.y + self.h


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether two ``(x0, y0, x1, y1)`` rectangles share some area (touching edges do not)."""
    eps = 1e-6
    return a[0] < b[2] - eps and b[0] < a[2] - eps and a[1] < b[3] - eps and b[1] < a[3] - eps


def draw_boxes(painter: QtGui.QPainter, boxes: Iterable[TextBox]) -> None:
    """Draw each box's text on one line at its place (no wrapping here: the layout did it)."""
    for box in boxes:
        f = font(box.size, box.bold)
        painter.setFont(f)
        painter.setPen(QtGui.QColor(box.colour))
        ascent = QtGui.QFontMetricsF(f).ascent()
        painter.drawText(QtCore.QPointF(box.x, box.y + ascent), box.text)


Painter = Callable[[QtGui.QPainter], None]


@dataclass
class Row:
    """An unbreakable piece of a page, ``height`` tall: its text ``boxes`` and a ``paint``
    of its pictures, both relative to the row's top-left corner. A row that ``keeps`` stays
    on the page of the row after it (a heading)."""

    height: float
    boxes: list[TextBox] = field(default_factory=list)
    paint: Painter | None = None
    keeps: bool = False
    role: str = "text"

    def pictures(self) -> Row:
        """This row without its text (to paint pictures under text drawn elsewhere)."""
        return Row(self.height, [], self.paint, self.keeps, self.role)


LINE_GAP = 0.25  # of the font size, between wrapped lines


def line_height(size: float, bold: bool = False) -> float:
    return metrics(size, bold).height() + LINE_GAP * size


def text_rows(
    text: str,
    width: float,
    size: float,
    *,
    bold: bool = False,
    colour: str = palette.INK,
    indent: float = 0.0,
    role: str = "text",
    keeps: bool = False,
) -> list[Row]:
    """``text`` wrapped to ``width`` (less ``indent``), one row per line."""
    fm = metrics(size, bold)
    step = line_height(size, bold)
    rows = []
    for line in wrap(text, fm, width - indent):
        w = min(width - indent, fm.horizontalAdvance(line))
        box = TextBox(indent, 0.0, w, fm.height(), line, size, bold, colour, role)
        rows.append(Row(step, [box], keeps=keeps, role=role))
    return rows


def stack(
    rows: Sequence[Row], x: float, y: float
) -> tuple[list[TextBox], list[tuple[float, float, Row]], float]:
    """Place ``rows`` one under the other from ``(x, y)``: their boxes on the page, where each
    row went, and the y under the last."""
    boxes: list[TextBox] = []
    placed = []
    for row in rows:
        boxes.extend(b.moved(x, y) for b in row.boxes)
        placed.append((x, y, row))
        y += row.height
    return boxes, placed, y


def paint_rows(painter: QtGui.QPainter, placed: Iterable[tuple[float, float, Row]]) -> None:
    """Paint placed rows: each row's pictures, then its text."""
    for x, y, row in placed:
        if row.paint is not None:
            painter.save()
            painter.translate(x, y)
            row.paint(painter)
            painter.restore()
        draw_boxes(painter, (b.moved(x, y) for b in row.boxes))


def paginate(rows: Sequence[Row], top: float, bottom: float) -> list[list[tuple[float, Row]]]:
    """``rows`` placed on pages from ``top`` to ``bottom`` (logical y): a row goes on the next
    page when it does not fit, a heading (``keeps``) with the row after it; space rows
    (role "space") at the top of a page are dropped; a row taller than a page gets one."""
    pages: list[list[tuple[float, Row]]] = [[]]
    y = top
    for i, row in enumerate(rows):
        need, j = row.height, i
        while rows[j].keeps and j + 1 < len(rows):  # a heading, with all it keeps with
            j += 1
            need += rows[j].height
        if y + need > bottom and pages[-1]:
            pages.append([])
            y = top
        if not pages[-1] and row.role == "space":
            continue
        pages[-1].append((y, row))
        y += row.height
    return pages


def table_rows(
    header: Sequence[str],
    cells: Sequence[Sequence[str]],
    widths: Sequence[float],
    size: float,
    *,
    right: Sequence[int] = (),
    gap: float = 6.0,
) -> list[Row]:
    """A table: a bold header row, then one row per line of ``cells``, each cell wrapped in
    its column (``widths``, logical units, ``gap`` between columns), the columns in ``right``
    aligned right. A row is as tall as its tallest cell; the header keeps with the first row."""
    out: list[Row] = []
    for n, line in enumerate([header, *cells]):
        bold = n == 0
        fm = metrics(size, bold)
        step = line_height(size, bold)
        boxes: list[TextBox] = []
        x, lines_max = 0.0, 1
        for column, (text, width) in enumerate(zip(line, widths, strict=True)):
            wrapped = wrap(text, fm, width)
            lines_max = max(lines_max, len(wrapped))
            for k, part in enumerate(wrapped):
                w = min(width, fm.horizontalAdvance(part))
                at = x + width - w if column in right else x
                colour = palette.MUTED if bold else palette.INK
                boxes.append(TextBox(at, k * step, w, fm.height(), part, size, bold, colour))
            x += width + gap
        out.append(Row(lines_max * step, boxes, keeps=bold, role="table"))
    return out
