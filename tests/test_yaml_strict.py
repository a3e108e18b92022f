"""The strict YAML reader: values equal PyYAML's safe reading for every kind of scalar (its
fast paths must not change a value), positions are exact, refusals carry line and column."""

from __future__ import annotations

import pytest
import yaml

from bodymap.io import yaml_strict
from bodymap.io.errors import RegionsError

SCALARS = [
    "1", "-0", "0", "12", "01", "0x1F", "0o17", "1_000", "1.5", "-0.0", "0.25", ".5", "1.", "1e3",
    "1.5e3", ".inf", "-.inf", ".nan", "+1", "+1.5", "yes", "no", "on", "off", "true", "False",
    "y", "n", "~", "null", "Null", "", "2026-11-27", "12:30", "text", "a b", "<<x", "'1.5'",
    '"1"', '"yes"', "'no'", "!!str 1.5", "!!float 2", "!!int '3'", "! 1.5", "#x",
]  # fmt: skip


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalars_read_as_pyyaml_reads_them(scalar: str) -> None:
    text = f"a: {scalar}\nb: [{scalar if scalar and scalar[0] not in '-#' else 'x'}, 2.5]\n"
    data, _marks = yaml_strict.load(text, "t.yaml")
    expected = yaml.safe_load(text)
    assert data == expected
    assert [type(v) for v in data.values()] == [type(v) for v in expected.values()]


def test_positions_are_found_when_asked() -> None:
    text = "format: x\nviews:\n- id: back\n  box: [0, 0, 400, 720]\n- id: front\n"
    data, marks = yaml_strict.load(text, "t.yaml")
    assert data["views"][0]["box"] == [0, 0, 400, 720]
    assert marks[()] == (1, 1)
    assert marks[("views",)] == (3, 1)
    assert marks[("views", 0, "box", 3)] == (4, 20)
    assert marks[("views", 1, "id")] == (5, 7)
    assert ("views", 2) not in marks


@pytest.mark.parametrize(
    ("text", "needle", "line"),
    [
        ("a: 1\nb: &x 2\n", "anchors", 2),
        ("a: [1, 2]\nb: [3, !!python/name:os.system x]\n", "tag", 2),
        ("a: 1\na: 2\n", "duplicate key 'a'", 2),
        ("a: 1\n---\nb: 2\n", "more than one YAML document", 2),
        ("a: [1, 2\n", "not valid YAML", 2),
        ("? [1, 2]\n: x\n", "keys must be plain text", 1),
        ("1: x\n", "keys must be text", 1),
    ],
)
def test_refusals_name_line_and_column(text: str, needle: str, line: int) -> None:
    with pytest.raises(RegionsError) as info:
        yaml_strict.load(text, "t.yaml")
    message = str(info.value)
    assert needle in message and message.startswith(f"t.yaml:{line}:"), message
