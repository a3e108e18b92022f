"""Shared fixtures. Qt runs offscreen; settings and autosaves go to a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Offscreen on a desktop-sized screen: Qt's offscreen default (800 x 600) would give every
# window test the small-screen layout (tests/test_screen_fit.py covers the small screens).
if os.environ.setdefault("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = ROOT / "tests" / "fixtures" / "screen-1920x1080.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
REGIONS = ROOT / "regions.yaml"


@pytest.fixture(scope="session")
def anatomy():  # type: ignore[no-untyped-def]
    from bodymap.io.regions_file import load_regions

    return load_regions(REGIONS)


@pytest.fixture(scope="session")
def matcher(anatomy):  # type: ignore[no-untyped-def]
    from bodymap.core.matching import Matcher

    return Matcher(anatomy)


@pytest.fixture(autouse=True)
def _isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep QSettings and application data (autosaves) out of the user's folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("BODYMAP_DATA_DIR", str(home / "appdata"))
    monkeypatch.setenv("BODYMAP_FALLBACK_DIR", str(home / "fallback"))
    monkeypatch.setenv("BODYMAP_SETTINGS_DIR", str(home / "settings"))


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Dialogs answered without a screen: errors recorded, the safety note skipped, unsaved
    work discarded."""
    from bodymap.ui import dialogs

    found: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda p, t, m: found.append(m))
    monkeypatch.setattr(dialogs, "show_safety", lambda p, s: None)
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda p, n: "discard")
    return found


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Replace every modal dialog with a recorder (answers can be set per test)."""
    from bodymap.ui import dialogs

    calls: dict[str, list] = {"error": [], "info": [], "safety": [], "unsaved": [], "restore": []}
    answers = {"unsaved": "discard", "restore": True}
    monkeypatch.setattr(dialogs, "show_error", lambda p, t, m: calls["error"].append(m))
    monkeypatch.setattr(dialogs, "show_info", lambda p, t, m: calls["info"].append(m))
    monkeypatch.setattr(dialogs, "show_safety", lambda p, s: calls["safety"].append(s.title))

    def unsaved(parent, name):  # type: ignore[no-untyped-def]
        calls["unsaved"].append(name)
        return answers["unsaved"]

    def restore(parent, orphans, aside, previews):  # type: ignore[no-untyped-def]
        calls["restore"].append(orphans)
        choice = dialogs.RESTORE if answers["restore"] else dialogs.KEEP
        return {orphan.path: choice for orphan in orphans}

    monkeypatch.setattr(dialogs, "ask_unsaved", unsaved)
    monkeypatch.setattr(dialogs, "ask_recovery", restore)
    calls["answers"] = answers  # type: ignore[assignment]
    return calls


@pytest.fixture
def window(qtbot, anatomy, matcher, asked):  # type: ignore[no-untyped-def]
    """The whole window, shown at 1400 x 900, every dialog replaced (see ``asked``)."""
    from bodymap.ui.app import application
    from bodymap.ui.main_window import MainWindow

    application()
    win = MainWindow(anatomy, matcher)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.undo_stack.setClean()
    win.close()


@pytest.fixture(autouse=True, scope="session")
def _one_application(qapp):  # type: ignore[no-untyped-def]
    """The QApplication, made before any test runs: a headless export in an earlier test
    would otherwise make a QGuiApplication, and no window could be made after it."""
    return qapp


def outlines_as_lists(value: Any) -> Any:
    """The document with every outline written as text (version 3) turned into a list of
    [x, y] pairs, the other spelling the format allows, so tests can change one point."""
    if isinstance(value, dict):
        return {
            k: [[float(n) for n in p.split(",")] for p in v.split()]
            if k in ("polygon", "silhouette") and isinstance(v, str)
            else outlines_as_lists(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [outlines_as_lists(v) for v in value]
    return value
