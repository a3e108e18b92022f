"""The report as a vector PDF (QPdfWriter) or on a printer (QPrinter): the same pages.

``report_pdf_bytes`` is the one call for other exports (the FHIR bundle attaches its bytes);
``write_report_pdf`` writes a file atomically; ``paint_report`` draws on any paged device
(the window's Print command gives it the printer the print dialog set up).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6 import QtCore, QtGui

from bodymap.core.anatomy import Anatomy
from bodymap.core.session import Session
from bodymap.io.atomic import describe_os_error, write_atomic
from bodymap.io.errors import ExportError
from bodymap.io.export import _ensure_gui
from bodymap.io.report_model import Report, load_report, session_report
from bodymap.io.report_pages import ReportPage, layout_report
from bodymap.io.report_text import draw_boxes, paint_rows

PAGE_SIZES = {
    "A4": QtGui.QPageSize.PageSizeId.A4,
    "Letter": QtGui.QPageSize.PageSizeId.Letter,
}
DEFAULT_PAGE_SIZE = "A4"
MARGIN_ROLES = ("header", "footer")  # the boxes of a page that are in no row
TITLE = "Pain report"


def page_size(name: str) -> QtGui.QPageSize:
    """The portrait page size ``name`` (a key of ``PAGE_SIZES``); ValueError otherwise."""
    if name not in PAGE_SIZES:
        raise ValueError(f"page size {name!r}: use one of {', '.join(PAGE_SIZES)}")
    return QtGui.QPageSize(PAGE_SIZES[name])


def paint_report(device: QtGui.QPagedPaintDevice, report: Report) -> list[ReportPage]:
    """Lay ``report`` out on ``device``'s page size and paint every page; returns the pages.

    The device's own margins are set to zero (the layout keeps its own); a printer should be
    in full-page mode. One layout unit is one point, scaled to the device's resolution."""
    _ensure_gui()
    device.setPageMargins(QtCore.QMarginsF(0, 0, 0, 0), QtGui.QPageLayout.Unit.Point)
    rect = device.pageLayout().fullRectPoints()
    pages = layout_report(report, float(rect.width()), float(rect.height()))
    dots = device.logicalDpiX() / 72.0
    painter = QtGui.QPainter()
    if not painter.begin(device):
        raise ExportError("the report", "could not start its pages; check the printer or file")
    try:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
        for number, page in enumerate(pages):
            if number:
                device.newPage()
            painter.save()
            painter.scale(dots, dots)
            paint_rows(painter, page.rows)  # in reading order: a row's pictures, its text
            draw_boxes(painter, (b for b in page.boxes if b.role in MARGIN_ROLES))
            painter.restore()
    finally:
        painter.end()
    return pages


def render_pdf(report: Report, size: str = DEFAULT_PAGE_SIZE) -> tuple[bytes, list[ReportPage]]:
    """The PDF of ``report`` on ``size`` paper (``"A4"`` or ``"Letter"``, portrait), and its
    laid-out pages."""
    _ensure_gui()
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    writer = QtGui.QPdfWriter(buffer)
    writer.setResolution(72)
    writer.setPageSize(page_size(size))
    writer.setPageOrientation(QtGui.QPageLayout.Orientation.Portrait)
    writer.setTitle(TITLE)
    writer.setCreator("BodyMap")
    pages = paint_report(writer, report)
    del writer  # finishes the file
    buffer.close()
    return bytes(buffer.data().data()), pages


def report_pdf_bytes(
    anatomy: Anatomy,
    source: str | Path | Session,
    *,
    page_size: str = DEFAULT_PAGE_SIZE,
    start: datetime | None = None,
    end: datetime | None = None,
) -> bytes:
    """The PDF report of one entry or of a diary, as bytes.

    ``source`` is a session file, a diary folder, or a :class:`Session` already read
    (analysed against ``anatomy``). ``page_size`` is ``"A4"`` (default) or ``"Letter"``;
    ``start`` and ``end`` (aware datetimes, inclusive) limit a diary's entries. Raises
    ``SessionError`` when the file or folder cannot be read, ``UsageError`` when a diary has
    no readable entry in range, ``ValueError`` for another page size. A damaged diary entry
    does not stop it: the report lists it (use :func:`load_report` to see which)."""
    if isinstance(source, Session):
        report = session_report(anatomy, source)
    else:
        report = load_report(anatomy, source, start, end)
    return render_pdf(report, page_size)[0]


def write_report_pdf(report: Report, out: Path, size: str = DEFAULT_PAGE_SIZE) -> int:
    """Write the PDF of ``report`` to ``out`` atomically; returns its page count. Raises
    :class:`ExportError` with one line (the previous file untouched) when it cannot."""
    data, pages = render_pdf(report, size)
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise ExportError(str(out), f"could not write it: {describe_os_error(exc)}") from None
    return len(pages)
