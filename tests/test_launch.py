"""Before the window: the check that names missing Qt platform libraries (bodymap.launch), and
the commands that must run without any display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bodymap import launch

ROOT = Path(__file__).resolve().parent.parent
QT = launch.qt_folder()
PLUGIN = None if QT is None else QT / "plugins" / "platforms" / "libqxcb.so"
needs_xcb_plugin = pytest.mark.skipif(
    PLUGIN is None or not PLUGIN.is_file(), reason="PySide6's xcb plugin (Linux wheels only)"
)
APT = {"apt-get": "/usr/bin/apt-get"}


def without(*missing: str):  # type: ignore[no-untyped-def]
    """A loader that finds every library except ``missing``."""
    return lambda soname: soname not in missing


@needs_xcb_plugin
def test_plugin_needs_are_read_from_its_elf_file() -> None:
    assert PLUGIN is not None
    needed = launch.elf_needed(PLUGIN)
    assert needed is not None
    assert {"libxcb.so.1", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"} <= set(needed)
    assert "libQt6XcbQpa.so.6" in needed


def test_a_file_that_is_not_elf_gives_none(tmp_path: Path) -> None:
    text = tmp_path / "libfake.so"
    text.write_text("not a library")
    assert launch.elf_needed(text) is None
    assert launch.elf_needed(tmp_path / "absent.so") is None
    real = Path(sys.executable).resolve().read_bytes()
    (tmp_path / "cut.so").write_bytes(real[:200])  # header promising sections it lacks
    assert launch.elf_needed(tmp_path / "cut.so") in (None, [])


@needs_xcb_plugin
def test_missing_libraries_are_all_named_through_the_bundled_qt_libraries() -> None:
    assert QT is not None and PLUGIN is not None
    missing = launch.missing_libraries(
        PLUGIN, QT / "lib", without("libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libEGL.so.1")
    )
    # libEGL is needed by libQt6Gui only: found through the bundled libraries
    assert missing == ["libEGL.so.1", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert launch.missing_libraries(PLUGIN, QT / "lib", without()) == []


@needs_xcb_plugin
def test_the_message_is_one_line_with_the_install_command() -> None:
    problem = launch.platform_problem(
        {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"},
        QT,
        without("libxcb-icccm.so.4", "libxcb-keysyms.so.1"),
        APT.get,
    )
    assert problem is not None and "\n" not in problem
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in problem
    assert "sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1" in problem
    assert "analyze" in problem


def test_the_linker_cache_is_searched_by_file_name(tmp_path: Path) -> None:
    cache = tmp_path / "ld.so.cache"
    cache.write_bytes(b"glibc-ld.so.cache1.1\0/lib/x86_64-linux-gnu/libxcb-util.so.1\0")
    assert launch.in_linker_cache("libxcb-util.so.1", cache)
    assert not launch.in_linker_cache("libxcb.so.1", cache)  # a prefix of another name
    assert not launch.in_linker_cache("libxcb-util.so.1", tmp_path / "absent")
    if launch.LINKER_CACHE.is_file():
        assert launch.in_linker_cache("libc.so.6")


def test_install_command_per_package_manager() -> None:
    missing = ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-randr.so.0", "libxcb-xkb.so.1"]
    assert launch.install_command(missing, APT.get) == (
        "sudo apt-get install -y libxcb-cursor0 libxcb-icccm4 libxcb-randr0 libxcb-xkb1"
    )
    assert launch.install_command(missing, {"dnf": "/usr/bin/dnf"}.get) == (
        "sudo dnf install -y xcb-util-cursor xcb-util-wm libxcb"
    )
    assert launch.install_command(missing, {"pacman": "/usr/bin/pacman"}.get) == (
        "sudo pacman -S --needed xcb-util-cursor xcb-util-wm libxcb"
    )
    assert "provide them" in launch.install_command(missing, {}.get)
    assert "provide them" in launch.install_command(["libunknown.so.9"], APT.get)


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb;wayland"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_only_the_xcb_platform_is_checked(
    env: dict[str, str], platform: str, expected: bool
) -> None:
    assert launch.uses_xcb(env, platform) is expected


@needs_xcb_plugin
def test_no_display_is_one_line_and_other_platforms_pass() -> None:
    problem = launch.platform_problem({}, QT, without(), APT.get)
    assert problem is not None and "DISPLAY is not set" in problem and "\n" not in problem
    assert launch.platform_problem({"DISPLAY": ":0"}, QT, without(), APT.get) is None
    assert launch.platform_problem({"QT_QPA_PLATFORM": "offscreen"}, QT, without("x")) is None
    assert launch.platform_problem({}, QT, without("libGL.so.1"), APT.get, "win32") is None


@needs_xcb_plugin
def test_libraries_every_platform_needs_are_checked_offscreen_too() -> None:
    """Without libGL, importing PySide6's widgets fails whatever the platform plugin."""
    problem = launch.platform_problem(
        {"QT_QPA_PLATFORM": "offscreen"},
        QT,
        without("libGL.so.1", "libxcb-icccm.so.4"),  # the xcb plugin's is not looked at
        APT.get,
    )
    assert problem is not None
    assert "Qt needs libGL.so.1, missing" in problem and "sudo apt-get install -y libgl1" in problem


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env.pop("WAYLAND_DISPLAY", None)
    env["PYTHONPATH"] = str(ROOT)
    return env


@needs_xcb_plugin
def test_bodymap_exits_2_before_qt_can_abort(tmp_path: Path) -> None:
    """The real entry point with two libraries made to look absent: one line, exit 2 (Qt
    itself would abort with 134 if it tried to load the plugin)."""
    env = _clean_env() | {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}
    code = (
        "import sys; from bodymap import launch; real = launch.system_has\n"
        "launch.system_has = lambda s: s not in ('libxcb-icccm.so.4', 'libxcb-keysyms.so.1')"
        " and real(s)\n"
        "from bodymap.cli import main; sys.exit(main([]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("bodymap: cannot open the window")
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in lines[0]
    assert "Traceback" not in done.stderr


def test_commands_need_no_display(tmp_path: Path) -> None:
    env = _clean_env()
    session = ROOT / "tests" / "fixtures" / "session-v2.bodymap.json"
    out = tmp_path / "map.png"
    for args in (
        ["analyze", "--mark", "back.left.outer_hip", "--json"],
        ["regions"],
        ["validate"],
        ["export", str(session), str(out), "--scale", "1"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "bodymap", *args],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, (args, done.stderr)
    assert out.stat().st_size > 10_000


def test_smoke_test_starts_the_window_and_quits_by_itself(tmp_path: Path) -> None:
    env = _clean_env() | {"QT_QPA_PLATFORM": "offscreen"}
    settings = tmp_path / "settings"
    env["BODYMAP_SETTINGS_DIR"] = str(settings)
    done = subprocess.run(
        [sys.executable, "-m", "bodymap", "--smoke-test"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "smoke test: window loaded on offscreen with" in done.stdout
    assert "Before you start" in done.stdout  # the safety note came and was answered
    assert not settings.exists()  # the user's settings were never touched
