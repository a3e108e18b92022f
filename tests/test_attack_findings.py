"""Findings of the attack session of 2026-11-30 (a new user, then an attacker), each kept as
a test: odd session files, two windows on one file, recovery at a start with a session."""

from __future__ import annotations

import json
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
