"""Findings of the attack session of 2026-11-30 (a new user, then an attacker), each kept as
a test: odd session files, two windows on one file, recovery at a start with a session."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bodymap import cli
from bodymap.core.marks import RegionMark, Stroke
from bodymap.core.session import Session
from bodymap.io.session_file import save_session


def _session_file(tmp_path: Path) -> tuple[Path, dict]:  # type: ignore[type-arg]
    path = tmp_path / "s.bodymap.json"
    marks = [
        RegionMark("back.left.iliac_crest", 6),
        Stroke("back", ((150.0, 300.0), (160.0, 310.0)), 14.0, 6),
    ]
    save_session(Session(marks=marks), path)
    return path, json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("value", [{"a": 1}, [1, 2], "6", 6.0, True, None])
def test_a_stroke_intensity_of_any_json_type_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: object
) -> None:
    # Found by mutating a saved session: a list or an object as a stroke's intensity raised
    # "TypeError: unhashable type" from the reader (a traceback from analyze and export).
    path, doc = _session_file(tmp_path)
    stroke = next(m for m in doc["marks"] if m["type"] == "stroke")
    stroke["intensity"] = value
    doc.pop("pain", None)
    path.write_text(json.dumps(doc), encoding="utf-8")
    for args in (["analyze", str(path)], ["export", str(path), str(tmp_path / "o.png")]):
        assert cli.main(args) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "marks[1].intensity" in err and "1 to 10" in err, err
    assert not (tmp_path / "o.png").exists()


def _point(anatomy, region_id: str) -> tuple[str, float, float]:  # type: ignore[no-untyped-def]
    region = anatomy.regions[region_id]
    p = region.polygon.representative_point()
    return region.view, p.x, p.y


def _answer_next_box(qtbot, text: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Click the button labelled ``text`` of the next message box, with the mouse."""
    from PySide6 import QtCore, QtWidgets

    def answer() -> None:
        box = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(box, QtWidgets.QMessageBox) or not box.isVisible():
            QtCore.QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
        qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)

    QtCore.QTimer.singleShot(0, answer)


def test_two_windows_on_one_file_never_overwrite_each_other_silently(
    qtbot, anatomy, matcher, errors, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # Found with two instances open on one session: the second window's Save replaced what
    # the first had saved a moment before, without a word (the first window's mark was lost).
    from bodymap.io.session_file import load_session
    from tests.ui_helpers import click, new_window

    path = tmp_path / "monday hip.bodymap.json"
    save_session(Session(marks=[RegionMark("back.left.iliac_crest", 6)]), path)
    first, second = new_window(qtbot, anatomy, matcher), new_window(qtbot, anatomy, matcher)
    assert first.files.open_path(path) and second.files.open_path(path)
    click(second, *_point(anatomy, "front.left.groin"))
    assert second.files.save()
    theirs = path.read_bytes()

    click(first, *_point(anatomy, "back.right.outer_hip"))
    seen: list[str] = []
    _answer_next_box(qtbot, "Cancel", seen)
    assert not first.files.save()
    assert seen and "monday hip.bodymap.json has been changed" in seen[0]
    assert path.read_bytes() == theirs and first.isWindowModified()

    _answer_next_box(qtbot, "Replace Them", seen)
    assert first.files.save() and len(seen) == 2
    regions = {m.region for m in load_session(path, anatomy).marks}  # type: ignore[union-attr]
    assert regions == {"back.left.iliac_crest", "back.right.outer_hip"}
    assert not first.isWindowModified()

    click(first, *_point(anatomy, "front.right.groin"))  # its own save is no change on disk
    assert first.files.save() and len(seen) == 2
    for win in (first, second):
        win.undo_stack.setClean()
        win.close()


def test_recovery_at_a_start_with_a_session_opens_both(
    qtbot, anatomy, matcher, errors, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # Found starting `bodymap SESSION` after a crash: the restored work came into the window,
    # which then asked at once whether to save it or throw it away to open SESSION; Cancel
    # left SESSION unopened without a word.
    import os

    from PySide6 import QtCore, QtWidgets

    from bodymap.ui import dialogs
    from tests.ui_helpers import click, new_window

    session = tmp_path / "monday hip.bodymap.json"
    save_session(Session(marks=[RegionMark("back.left.iliac_crest", 6)]), session)
    crashed = new_window(qtbot, anatomy, matcher)
    click(crashed, *_point(anatomy, "front.left.groin"))
    assert crashed.autosaver.save_now() is not None
    crashed.autosaver._timer.stop()  # the process dies: its lock goes stale
    crashed.autosaver._lock.unlock()
    crashed.autosaver._lock = None
    crashed.autosaver.path = Path(os.devnull + ".unused")
    crashed.undo_stack.setClean()
    crashed.hide()

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda p, n: asked.append(n) or "discard")
    shown: list[str] = []

    def answer() -> None:  # the real dialog, answered with the mouse: Restore is preselected
        box = QtWidgets.QApplication.activeModalWidget()
        if box is None:
            QtCore.QTimer.singleShot(20, answer)
            return
        shown.append(" ".join(label.text() for label in box.findChildren(QtWidgets.QLabel)))
        ok = next(b for b in box.findChildren(QtWidgets.QPushButton) if b.text() == "OK")
        qtbot.mouseClick(ok, QtCore.Qt.MouseButton.LeftButton)

    win = new_window(qtbot, anatomy, matcher)
    QtCore.QTimer.singleShot(0, answer)
    win.startup(str(session))
    assert shown and "in a window of its own" in shown[0] and "opens here" not in shown[0]
    assert asked == []  # nothing restored is put at risk by opening the session
    assert win.document.path == session and not win.isWindowModified()
    [other] = win.files.others
    assert other.isWindowModified() and other.document.drawing.region_marked("front.left.groin")
    for w in (other, win):
        w.undo_stack.setClean()
        w.close()


@pytest.mark.skipif(os.name == "nt", reason="file names are UTF-16 text on Windows")
def test_a_recent_file_whose_name_is_not_utf8_opens_again(
    qtbot, anatomy, matcher, errors, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # Found opening `bad\\xff\\xfename.bodymap.json`: it opened and saved, but File > Open
    # Recent listed it as "badname.bodymap.json" (twice) and said "no such file".
    from tests.ui_helpers import new_window

    path = tmp_path / os.fsdecode(b"bad\xff\xfename.bodymap.json")
    save_session(Session(marks=[RegionMark("back.left.iliac_crest", 6)]), path)
    win = new_window(qtbot, anatomy, matcher)
    assert win.files.open_path(path) and win.files.save()
    other = new_window(qtbot, anatomy, matcher)  # reads the recent list from the settings
    actions = [a for a in other.action_set.recent_menu.actions() if a.text()]
    assert len(actions) == 1
    actions[0].trigger()
    assert errors == [] and other.document.path == path
    assert other.document.drawing.region_marked("back.left.iliac_crest")
    for w in (win, other):
        w.close()


def test_the_readme_example_of_analyze_is_what_analyze_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Found following the README: its example output (score 0.2667, extent 0.702) was that
    # of an older anatomy; the command printed 0.5917 and 0.45.
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert cli.main(["analyze", "--mark", "back.left.outer_hip", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    top = result["matches"][0]
    start = readme.index("`bodymap analyze --mark back.left.outer_hip --json` prints")
    example = readme[start : readme.index("regions_touched", start)]
    for key, value in (
        ("muscle", top["muscle"]),
        ("side", top["side"]),
        ("score", top["score"]),
        ("pain_explained", top["pain_explained"]),
        ("zone_covered", top["zone_covered"]),
        ("unexplained", result["unexplained"]),
        ("extent_pct", result["extent_pct"]),
    ):
        assert f'"{key}": {json.dumps(value)}' in example, (key, value)


def test_a_heat_map_of_one_entry_says_1_entry_and_one_date(
    anatomy, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    # Found with a diary of one entry: "1 entries, 30 November 2026 to 30 November 2026".
    from datetime import UTC, datetime

    from bodymap.core.diary import new_entry
    from bodymap.io.diary_files import add_entry, read_diary
    from bodymap.io.heatmap import grid_of_entries

    folder = tmp_path / "diary"
    for day in (1, 3):
        entry = new_entry(date=datetime(2026, 11, day, 8, 30, tzinfo=UTC))
        entry.marks = [RegionMark("back.left.outer_hip", 5)]
        add_entry(folder, entry)
    entries = read_diary(folder, anatomy)
    assert grid_of_entries(anatomy, folder, entries[:1])[1] == "1 entry, 01 November 2026"
    both = grid_of_entries(anatomy, folder, entries)[1]
    assert both == "2 entries, 01 November 2026 to 03 November 2026"
    out = tmp_path / "heat.png"
    assert cli.main(["heatmap", str(folder), str(out), "--to", "2026-11-02"]) == 0
    assert capsys.readouterr().out == f"{out}: 1 entry, 2026-11-01\n"


def test_a_folder_that_refuses_new_files_is_not_called_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found exporting to /proc/x.png: "the folder does not exist", though /proc exists (the
    # kernel answers a create there with ENOENT).
    import errno

    from bodymap.io.atomic import describe_os_error

    there = FileNotFoundError(errno.ENOENT, "No such file or directory", str(tmp_path / "x.png"))
    gone = FileNotFoundError(errno.ENOENT, "No such file", str(tmp_path / "no" / "x.png"))
    assert describe_os_error(there).startswith("that folder does not take new files")
    assert describe_os_error(gone).startswith("the folder does not exist")
    if Path("/proc/self").is_dir():  # Linux
        path, _ = _session_file(tmp_path)
        assert cli.main(["export", str(path), "/proc/x.png"]) == 2
        assert "does not take new files" in capsys.readouterr().err


def test_a_data_folder_that_is_a_file_still_gives_a_whole_window(
    qtbot, anatomy, matcher, errors, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # Found with BODYMAP_DATA_DIR naming a file (README: autosave then falls back): the
    # Diary dock made its folder while the window was built, FileExistsError stopped it half
    # way ("Unexpected error"), with no Diary, no recovery offer and no session opened.
    from PySide6 import QtCore

    from tests.ui_helpers import click, new_window

    blocker = tmp_path / "data"
    blocker.write_bytes(b"not a folder")
    monkeypatch.setenv("BODYMAP_DATA_DIR", str(blocker))
    session = tmp_path / "s.bodymap.json"
    save_session(Session(marks=[RegionMark("back.left.iliac_crest", 6)]), session)
    win = new_window(qtbot, anatomy, matcher)
    assert win.is_attached() and win.diary is not None
    win.startup(str(session))
    assert win.document.path == session and errors == []
    click(win, *_point(anatomy, "back.right.iliac_crest"))
    saved = win.autosaver.save_now()
    assert saved is not None and blocker not in saved.parents  # the fallback folder
    qtbot.mouseClick(win.diary.panel.new_button, QtCore.Qt.MouseButton.LeftButton)
    assert len(errors) == 1 and "diary folder" in errors[0] and "\n" not in errors[0]
    assert blocker.read_bytes() == b"not a folder"
    win.undo_stack.setClean()
    win.close()


def test_an_export_never_replaces_a_continuation_file_without_asking(
    qtbot, anatomy, matcher, errors, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # Found exporting report.png with a long note: the note's next image, report-2.png,
    # silently replaced a file of that name already in the folder (the file dialog had
    # asked about report.png only).
    from bodymap.ui import dialogs
    from tests.ui_helpers import click, new_window

    out = tmp_path / "report.png"
    other = tmp_path / "report-2.png"
    other.write_bytes(b"precious")
    monkeypatch.setattr(dialogs, "ask_export", lambda *a: (out, 1.0))
    win = new_window(qtbot, anatomy, matcher)
    click(win, *_point(anatomy, "back.left.iliac_crest"))
    win.note_edit.setPlainText("\n".join(f"worse when sitting, day {i}" for i in range(120)))
    seen: list[str] = []
    _answer_next_box(qtbot, "Cancel", seen)
    assert not win.files.export()
    assert "report-2.png already exist" in seen[0]
    assert other.read_bytes() == b"precious" and not out.exists()
    _answer_next_box(qtbot, "Yes", seen)
    assert win.files.export() and len(seen) == 2
    assert other.read_bytes()[:4] == b"\x89PNG" and out.exists()
    for page in tmp_path.glob("report-*.png"):  # nothing in the way: no question
        page.unlink()
    assert win.files.export() and len(seen) == 2 and other.exists()
    win.undo_stack.setClean()
    win.close()


def test_the_readme_example_names_the_matches_it_leaves_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The example is shortened: its words must still say how many matches follow.
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert cli.main(["analyze", "--mark", "back.left.outer_hip", "--json"]) == 0
    names = [m["name"].lower() for m in json.loads(capsys.readouterr().out)["matches"][1:]]
    start = readme.index("`bodymap analyze --mark back.left.outer_hip --json` prints")
    intro = " ".join(readme[start : readme.index("{", start)].split())
    words = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}
    assert f"{words.get(len(names), len(names))} more matches" in intro, (names, intro)
    for name in names:
        assert name.split()[-1] in intro, (name, intro)
