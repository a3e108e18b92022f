"""Where the shipped anatomy data lives.

An installed wheel carries ``bodymap/data/regions.yaml`` and ``bodymap/data/svg/``; a source
checkout (or an editable install) uses the top-level ``regions.yaml`` and ``assets/svg/``.
"""

from __future__ import annotations

from pathlib import Path

from bodymap.core.anatomy import Anatomy, View

_PACKAGE = Path(__file__).resolve().parent.parent
_CHECKOUT = _PACKAGE.parent


def default_regions_path() -> Path:
    """The regions file the app uses when none is given."""
    packaged = _PACKAGE / "data" / "regions.yaml"
    return packaged if packaged.is_file() else _CHECKOUT / "regions.yaml"


def svg_path(anatomy: Anatomy, view: View) -> Path:
    """The SVG file of ``view``: beside the regions file, else the packaged copy."""
    beside = Path(anatomy.source).resolve().parent / view.svg
    if beside.is_file():
        return beside
    return _PACKAGE / "data" / "svg" / Path(view.svg).name
