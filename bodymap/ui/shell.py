"""What the window shows before the anatomy is loaded: the body art on paper.

The app shows its window first and loads ``regions.yaml`` (shapely, numpy, the matcher) right
after the first frame, so nothing here may import the core or ``bodymap.io`` (both pull in
shapely). The few values the first frame needs from them are copied below; a test keeps each
copy equal to its source (``tests/test_ui_startup.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6 import QtCore, QtGui, QtSvg, QtSvgWidgets, QtWidgets

from bodymap.ui.words import QT_TRANSLATE_NOOP

# Copies of bodymap.io.palette and bodymap.core.marks (see the module docstring).
PAPER = "#FAFAF7"
INK = "#2B2B2B"
PAIN = "#D55E00"
VIEW_GAP = 40.0
INTENSITY_MIN, INTENSITY_MAX = 1, 10
PAIN_SCALE = (  # the pain colour of each intensity, 1 to 10
    "#C05F00", "#BE4504", "#B92612", "#AC0020", "#94002C",
    "#7D0032", "#660032", "#510031", "#3C002C", "#270024",
)  # fmt: skip
WIDTH_MAX = 200.0

_PACKAGE = Path(__file__).resolve().parent.parent
_VIEWS = ("back", "front")


class ViewArt(NamedTuple):
    """One view's SVG file."""

    view_id: str
    svg: Path


# The words written in the body art (assets/svg): shown in the interface's language.
ART_WORDS = (
    QT_TRANSLATE_NOOP("Art", "left"),
    QT_TRANSLATE_NOOP("Art", "right"),
    QT_TRANSLATE_NOOP("Art", "BACK"),
    QT_TRANSLATE_NOOP("Art", "FRONT"),
    QT_TRANSLATE_NOOP("Art", "L"),
    QT_TRANSLATE_NOOP("Art", "R"),
)


def svg_renderer(path: Path | str, parent: QtCore.QObject | None = None) -> QtSvg.QSvgRenderer:
    """The art of ``path``, its words (``ART_WORDS``) in the interface's language."""
    translate = QtCore.QCoreApplication.translate
    swaps = [(w, translate("Art", w)) for w in ART_WORDS]
    swaps = [(w, t) for w, t in swaps if t != w]
    if not swaps:
        return QtSvg.QSvgRenderer(str(path), parent)
    text = Path(path).read_text(encoding="utf-8")
    for word, translated in swaps:  # (html.escape would import html.entities: ~5 ms)
        safe = translated.replace("&", "&amp;").replace("<", "&lt;")
        text = text.replace(f">{word}</text>", f">{safe}</text>")
    return QtSvg.QSvgRenderer(QtCore.QByteArray(text.encode("utf-8")), parent)


def add_art(
    root: QtWidgets.QGraphicsItem,
    box: tuple[float, float, float, float],
    renderer: QtSvg.QSvgRenderer,
) -> QtSvgWidgets.QGraphicsSvgItem:
    """The SVG drawn over ``box`` (SVG units of ``root``), cached in device coordinates: it is
    re-rendered when the zoom changes, so it stays sharp, and a stroke being drawn only blits
    the cached art under the new segment."""
    item = QtSvgWidgets.QGraphicsSvgItem()
    item.setSharedRenderer(renderer)
    item.setParentItem(root)
    size = item.boundingRect().size()
    if size.width() > 0 and size.height() > 0:
        item.setTransform(QtGui.QTransform.fromScale(box[2] / size.width(), box[3] / size.height()))
    item.setPos(box[0], box[1])
    item.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return item


def scene_rect(roots: list[QtWidgets.QGraphicsItem]) -> QtCore.QRectF:
    """The scene rectangle around the views, with room for their labels above."""
    bounds = QtCore.QRectF()
    for root in roots:
        bounds = bounds.united(root.sceneBoundingRect())
    return bounds.adjusted(-24, -48, 24, 24)


def shipped_art(regions_path: str | None = None) -> list[ViewArt]:
    """The back and front SVGs the anatomy will most likely use, found without reading
    ``regions.yaml``: ``assets/svg`` beside the regions file (a checkout, or a custom file
    with its art), else the packaged copies. A guess for the first frame only: the loaded
    window draws what the regions file names."""
    if regions_path:
        folders = [Path(regions_path).resolve().parent / "assets" / "svg"]
    else:
        packaged = _PACKAGE / "data" / "regions.yaml"
        base = _PACKAGE if packaged.is_file() else _PACKAGE.parent
        folders = [base / "assets" / "svg"]
    folders.append(_PACKAGE / "data" / "svg")
    art = []
    for view_id in _VIEWS:
        for folder in folders:
            path = folder / f"{view_id}.svg"
            if path.is_file():
                art.append(ViewArt(view_id, path))
                break
    return art


class ViewRoot(QtWidgets.QGraphicsItem):
    """An invisible parent spanning one view's viewBox; its position is the view's offset."""

    def __init__(self, view_id: str, viewbox: tuple[float, float, float, float]) -> None:
        super().__init__()
        self.view_id = view_id
        self._rect = QtCore.QRectF(*viewbox)
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)

    def boundingRect(self) -> QtCore.QRectF:
        return self._rect

    def paint(self, painter: QtGui.QPainter, option: object, widget: object = None) -> None:
        pass


def make_dock(window: QtWidgets.QMainWindow, title: str, name: str) -> QtWidgets.QDockWidget:
    """An empty dock of ``window`` (its content comes with the anatomy), movable, floatable
    and closable, named for saved layouts ``dock_<name>``."""
    dock = QtWidgets.QDockWidget(title, window)
    dock.setObjectName(f"dock_{name}")
    dock.setWidget(QtWidgets.QWidget())
    dock.setFeatures(
        QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QtWidgets.QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    return dock


def on_paper(view: QtWidgets.QGraphicsView) -> None:
    """Paper behind the view's scene: its viewport's own background (the palette's Base).
    The shell's scene has no background brush: making a QBrush from a colour would set up
    PySide's ``QtCore.Qt`` enums, ~15 ms the first frame does without."""
    palette = view.palette()
    palette.setColor(QtGui.QPalette.ColorRole.Base, QtGui.QColor(PAPER))
    view.setPalette(palette)


class ArtScene(QtWidgets.QGraphicsScene):
    """The views' art laid out exactly as ``BodyScene`` lays it out (back first, then the
    front after a gap), without labels, pain or zones, and without a background: show it in a
    view that is ``on_paper()``."""

    def __init__(self, art: list[ViewArt], parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        roots: list[QtWidgets.QGraphicsItem] = []
        x = 0.0
        for view in art:
            renderer = svg_renderer(view.svg, self)
            box = renderer.viewBoxF()
            viewbox = (box.x(), box.y(), box.width(), box.height())
            root = ViewRoot(view.view_id, viewbox)
            root.setPos(x - viewbox[0], 0)
            x += viewbox[2] + VIEW_GAP
            self.addItem(root)
            add_art(root, viewbox, renderer)
            roots.append(root)
        if roots:
            self.setSceneRect(scene_rect(roots))
