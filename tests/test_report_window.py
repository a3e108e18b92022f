"""File > Export PDF Report… and File > Print Report… in the window, triggered from the File
menu; the modal questions are replaced through their seams (``report_actions.ask_pdf`` and
``ask_print``)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6 import QtGui, QtPrintSupport, QtWidgets

from bodymap.ui import report_actions

DISCLAIMER = "Self-reported; educational, not a diagnosis"


def _menu_action(window, menu_title: str, text: str) -> QtGui.QAction:  # type: ignore[no-untyped-def]
    """The action of the window's menu bar whose text (without &) starts with ``text``."""
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu_title:
            menu = top.menu()
            assert isinstance(menu, QtWidgets.QMenu)
            for action in menu.actions():
                if action.text().replace("&", "").startswith(text):
                    return action
    raise AssertionError(f"no {menu_title} > {text}")


def _texts(path: Path) -> list[str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return [p.extract_text().replace("\t", " ") for p in reader.pages]


def _paint_and_note(window) -> str:  # type: ignore[no-untyped-def]
    window.toggle_region("back.left.outer_hip")
    note = "\n".join(f"Line {i:02d} of a long note from the window." for i in range(70))
    window.note_edit.setPlainText(note)
    return note


def test_export_pdf_from_the_file_menu_writes_the_report(
    window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    note = _paint_and_note(window)
    out = tmp_path / "report.pdf"
    asked: list[str] = []

    def ask(parent, suggested):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return out, "Letter"

    monkeypatch.setattr(report_actions, "ask_pdf", ask)
    action = _menu_action(window, "File", "Export PDF Report")
    menu = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert menu.index(action.text()) == menu.index(window.action_set.export.text()) + 1
    action.trigger()
    assert asked and asked[0].endswith("pain-map-report.pdf")
    pages = _texts(out)
    assert len(pages) >= 2
    box = PdfReader(io.BytesIO(out.read_bytes())).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter
    for number, text in enumerate(pages, 1):
        assert DISCLAIMER in text and f"Page {number} of {len(pages)}" in text
    everything = "\n".join(pages)
    for line in note.splitlines():
        assert line in everything
    best = window.drawing.result.matches[0]
    assert f"{best.name} {best.side} {best.strength}" in " ".join(pages[0].split())
    assert "Exported report.pdf" in window.statusBar().currentMessage()


def test_export_pdf_cancelled_or_failing(window, asked, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.toggle_region("back.left.outer_hip")
    monkeypatch.setattr(report_actions, "ask_pdf", lambda parent, suggested: None)
    action = _menu_action(window, "File", "Export PDF Report")
    action.trigger()
    assert not list(tmp_path.iterdir()) and not asked["error"]
    bad = tmp_path / "missing" / "r.pdf"
    monkeypatch.setattr(report_actions, "ask_pdf", lambda parent, suggested: (bad, "A4"))
    action.trigger()
    assert len(asked["error"]) == 1 and "\n" not in asked["error"][0]
    assert "could not write it" in asked["error"][0]
    assert not bad.exists()


def test_print_from_the_file_menu_prints_the_same_pages(
    window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    note = _paint_and_note(window)
    printed = tmp_path / "printed.pdf"
    seen: list[QtPrintSupport.QPrinter] = []

    def ask(parent, printer):  # type: ignore[no-untyped-def]
        # what a print dialog does: the user picks a printer (here, a PDF file) and A4
        printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
        seen.append(printer)
        return True

    monkeypatch.setattr(report_actions, "ask_print", ask)
    _menu_action(window, "File", "Print Report").trigger()
    assert seen and seen[0].fullPage()
    exported = tmp_path / "exported.pdf"
    assert window.report.export_pdf_to(exported, "A4")
    printed_pages, exported_pages = _texts(printed), _texts(exported)
    assert len(printed_pages) == len(exported_pages) >= 2
    assert [p.split() for p in printed_pages] == [p.split() for p in exported_pages]
    assert note.splitlines()[-1] in printed_pages[-1]


def test_print_cancelled_prints_nothing(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(report_actions, "ask_print", lambda parent, printer: False)
    assert not window.report.print_report()


@pytest.mark.parametrize("text", ["Export PDF Report", "Print Report"])
def test_report_actions_have_shortcuts(window, text: str) -> None:  # type: ignore[no-untyped-def]
    action = _menu_action(window, "File", text)
    assert not action.shortcut().isEmpty()
