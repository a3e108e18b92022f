"""The window fits the screen it opens on (bodymap.ui.screen_fit): pure decisions first,
then the real window on offscreen screens of several sizes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bodymap.ui.screen_fit import FRAME, PREFERRED, Rect, dock_plan, window_rect

ROOT = Path(__file__).resolve().parent.parent

# Available areas in logical pixels: small laptops, a panel at the top, high DPI at 1.5x and
# 2x (a 2560 x 1440 screen at scale 2 is 1280 x 720 logical pixels), 4K.
SCREENS = [
    Rect(0, 0, 1024, 600),
    Rect(0, 27, 1024, 573),
    Rect(0, 0, 1280, 720),
    Rect(0, 0, 1366, 768),
    Rect(0, 0, 1920 * 2 // 3, 1080 * 2 // 3),
    Rect(0, 0, 2560 // 2, 1440 // 2),
    Rect(0, 0, 1920, 1080),
    Rect(0, 0, 3840, 2160),
    Rect(1920, 0, 1280, 1024),  # a second monitor to the right
]


def inside(window: Rect, available: Rect) -> bool:
    left, top, right, bottom = FRAME
    return (
        window.x - left >= available.x
        and window.y - top >= available.y
        and window.x + window.w + right <= available.x + available.w
        and window.y + window.h + bottom <= available.y + available.h
    )


@pytest.mark.parametrize("available", SCREENS)
def test_first_start_fits_and_is_centred(available: Rect) -> None:
    rect = window_rect(available, None)
    assert inside(rect, available)
    assert rect.w == min(PREFERRED[0], available.w - FRAME[0] - FRAME[2])
    assert rect.h == min(PREFERRED[1], available.h - FRAME[1] - FRAME[3])
    centre_x = rect.x + rect.w / 2 - (FRAME[2] - FRAME[0]) / 2
    assert abs(centre_x - (available.x + available.w / 2)) <= 1


def test_a_saved_geometry_that_fits_is_kept() -> None:
    saved = Rect(100, 80, 1200, 700)
    assert window_rect(Rect(0, 0, 1920, 1080), saved) == saved


@pytest.mark.parametrize("available", SCREENS)
@pytest.mark.parametrize(
    "saved",
    [
        Rect(40, 40, 1400, 900),  # made on a larger screen
        Rect(2000, 1200, 800, 600),  # on a monitor that is gone
        Rect(-900, -300, 1000, 700),  # partly off the top left
        Rect(5000, 100, 3800, 2100),  # 4K layout on a laptop
    ],
)
def test_a_saved_geometry_is_brought_back_onto_a_smaller_screen(
    available: Rect, saved: Rect
) -> None:
    rect = window_rect(available, saved)
    assert inside(rect, available)
    room_w = available.w - FRAME[0] - FRAME[2]
    room_h = available.h - FRAME[1] - FRAME[3]
    assert rect.w == min(saved.w, room_w) and rect.h == min(saved.h, room_h)


def test_dock_plan_keeps_the_body_map_wide() -> None:
    for width, height in [(1016, 562), (1272, 682), (1400, 900), (1900, 1000), (3832, 2122)]:
        plan = dock_plan(width, height)
        docks = plan.left_width + plan.right_width
        assert width - docks >= width * 0.55, (width, plan)
        assert plan.one_column is (width < 1280)
    small = dock_plan(1016, 562)
    assert small.left_width == 0 and 240 <= small.right_width <= 320
    assert small.matches_height <= 562 // 3


# The real window, each screen in its own process (Qt reads the screen set-up once).
PROBE = """
import json, sys
from bodymap.ui.app import application
from bodymap.ui.main_window import MainWindow
from bodymap.io.regions_file import load_regions
app = application()
window = MainWindow(load_regions(sys.argv[1]))
window.show()
app.processEvents()
area = window.dockWidgetArea
docks = [window.region_dock, window.note_dock, window.match_dock, window.panel_dock]
print(json.dumps({
    "available": window.screen().availableGeometry().getRect(),
    "window": window.geometry().getRect(),
    "view_width": window.view.width(),
    "areas": [area(d).name for d in docks],
    "tabbed_with_guide": [d.windowTitle() for d in window.tabifiedDockWidgets(window.panel_dock)],
}))
if sys.argv[2] == "save":
    window.save_layout()
"""


def probe(tmp_path: Path, size: tuple[int, int], dpr: float, action: str = "") -> dict[str, Any]:
    screen = {"name": "s", "x": 0, "y": 0, "width": size[0], "height": size[1]}
    config = tmp_path / f"screen-{size[0]}x{size[1]}@{dpr}.json"
    config.write_text(json.dumps({"screens": [screen | {"logicalDpi": 96, "dpr": 1}]}))
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_SCALE_FACTOR=str(dpr),
        PYTHONPATH=str(ROOT),
        BODYMAP_SETTINGS_DIR=str(tmp_path / "settings"),
        BODYMAP_DATA_DIR=str(tmp_path / "data"),
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT / "regions.yaml"), action],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def window_inside(result: dict[str, Any]) -> bool:
    ax, ay, aw, ah = result["available"]
    x, y, w, h = result["window"]
    return ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah


@pytest.mark.parametrize(
    ("size", "dpr"), [((1024, 600), 1.0), ((1920, 1080), 1.5), ((2560, 1440), 2.0)]
)
def test_the_window_fits_small_and_high_dpi_screens(
    tmp_path: Path, size: tuple[int, int], dpr: float
) -> None:
    result = probe(tmp_path, size, dpr)
    assert window_inside(result), result
    assert result["available"][2] == round(size[0] / dpr)  # Qt's logical pixels
    assert result["view_width"] >= 0.55 * result["window"][2], result
    # under 1280 logical pixels wide every dock shares the right column, as tabs
    assert result["areas"] == ["RightDockWidgetArea"] * 4
    assert sorted(result["tabbed_with_guide"]) == ["Diary", "Note", "Regions"]


def test_a_saved_large_layout_comes_back_onto_a_small_screen(tmp_path: Path) -> None:
    large = probe(tmp_path, (2560, 1440), 1.0, "save")
    assert large["window"][2:] == [1400, 900]
    assert large["areas"][0] == "LeftDockWidgetArea"
    small = probe(tmp_path, (1024, 600), 1.0)
    assert window_inside(small), small
    assert small["view_width"] >= 0.55 * small["window"][2], small
    assert small["areas"] == ["RightDockWidgetArea"] * 4


def test_saved_geometry_bytes_are_read(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6 import QtWidgets

    from bodymap.ui.screen_fit import saved_normal_geometry

    window = QtWidgets.QMainWindow()
    qtbot.addWidget(window)
    window.setGeometry(30, 60, 700, 500)
    window.show()
    assert saved_normal_geometry(window.saveGeometry().data()) == (Rect(30, 60, 700, 500), False)
    assert saved_normal_geometry(b"\x00" * 66) is None
    assert saved_normal_geometry(b"") is None
