"""What makes BodyMap a desktop application: the GUI entry point, the icon, the freedesktop
files, the licence notices, and the packaging script's pieces that run without PyInstaller."""

from __future__ import annotations

import configparser
import importlib
import importlib.util
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtSvg

from bodymap.ui.app import APP_ID, ICON_SIZES, app_icon

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "bodymap" / "icons"


def _package_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("package_tool", ROOT / "tools" / "package.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gui_entry_point_beside_the_command() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["bodymap"] == "bodymap.cli:main"
    target = project["gui-scripts"]["bodymap-gui"]
    module, name = target.split(":")
    assert callable(getattr(importlib.import_module(module), name))


def test_icon_pngs_are_the_svg_rendered(qapp) -> None:  # type: ignore[no-untyped-def]
    renderer = QtSvg.QSvgRenderer(str(ICONS / "bodymap.svg"))
    assert renderer.isValid()
    for size in ICON_SIZES:
        image = QtGui.QImage(str(ICONS / f"bodymap-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        fresh = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        fresh.fill(QtCore.Qt.GlobalColor.transparent)
        with QtGui.QPainter(fresh) as painter:
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QtCore.QRectF(0, 0, size, size))
        image = image.convertToFormat(fresh.format())
        differ = sum(
            1
            for y in range(0, size, max(1, size // 16))
            for x in range(0, size, max(1, size // 16))
            if abs(image.pixelColor(x, y).red() - fresh.pixelColor(x, y).red()) > 8
        )
        assert differ <= 2, size  # re-render with `python tools/package.py --icons`


def test_the_window_icon_is_set(qapp) -> None:  # type: ignore[no-untyped-def]
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}


def test_desktop_file_and_metainfo_name_the_app() -> None:
    desktop = LINUX / f"{APP_ID}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(desktop)
    section = entry["Desktop Entry"]
    assert section["Exec"].split()[0] == "bodymap-gui"
    assert section["Icon"] == APP_ID and section["Type"] == "Application"
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == desktop.name
    mime = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot()
    kind = mime[0].get("type")
    assert kind is not None and kind in section["MimeType"]
    manifest = (ROOT / "packaging" / "flatpak" / f"{APP_ID}.yml").read_text()
    assert f"id: {APP_ID}" in manifest and "command: bodymap-gui" in manifest


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_file_validates() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_metainfo_validates() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout


def test_licence_notices_ship_in_the_package() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    globs = data["package-data"]["bodymap"]
    assert "licenses/*.txt" in globs and "icons/*.png" in globs
    licences = ROOT / "bodymap" / "licenses"
    notice = (licences / "NOTICE.txt").read_text()
    assert "LGPL" in notice and "PySide6" in notice and "CHOIR" in notice
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licences / "LGPL-3.0.txt").read_text()
    assert "Version 3" in (licences / "GPL-3.0.txt").read_text()
    assert "Copyright (c) 2021 Eric Cramer" in (licences / "CHOIR-body-map.txt").read_text()


def test_a_build_gets_every_notice_and_the_versions(tmp_path: Path) -> None:
    tool = _package_tool()
    tool._licences(tmp_path / "licenses")
    versions = (tmp_path / "licenses" / "VERSIONS.txt").read_text()
    assert "PySide6-Essentials 6." in versions and "Qt 6." in versions
    assert (tmp_path / "licenses" / "NOTICE.txt").is_file()
    assert any((tmp_path / "licenses" / "packages" / "shapely").iterdir())
    assert sys.version.split()[0] in versions


def test_about_names_the_licences_and_where_they_are(qtbot, anatomy, errors, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6 import QtWidgets

    from bodymap.ui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(
        QtWidgets.QMessageBox, "about", lambda parent, title, text: shown.append(text)
    )
    window = MainWindow(anatomy)
    qtbot.addWidget(window)
    window.action_set.about.trigger()
    assert "LGPL" in shown[0]
    folder = shown[0].split("(")[-1].split(")")[0]
    assert (Path(folder) / "NOTICE.txt").is_file()
    window.close()
