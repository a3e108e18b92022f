"""The body map's scene: both views side by side, with art, pain, zones and the draft stroke.

Scene units are SVG user units; the back view sits at x = 0, the front view to its right
after a gap. Converting a scene point to a view point is a translation (``ViewRoot``).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from shapely.geometry.base import BaseGeometry

from bodymap.core.anatomy import Anatomy
from bodymap.core.marks import Mark, Stroke
from bodymap.io import palette
from bodymap.io.qt_bridge import geometry_to_path, pattern_paths
from bodymap.io.resources import svg_path
from bodymap.ui.items import (
    BrushCursorItem,
    DraftStrokeItem,
    HoverItem,
    PainLayerItem,
    ZoneItem,
)
from bodymap.ui.shell import ViewRoot, add_art, scene_rect, svg_renderer


class BodyScene(QtWidgets.QGraphicsScene):
    """Both views with their art, pain layer, highlighted zones and the stroke in progress."""

    def __init__(self, anatomy: Anatomy, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.anatomy = anatomy
        self.setBackgroundBrush(QtGui.QColor(palette.PAPER))
        self.roots: dict[str, ViewRoot] = {}
        self.pain_layers: dict[str, PainLayerItem] = {}
        self._drafts: dict[str, DraftStrokeItem] = {}
        self._hovers: dict[str, HoverItem] = {}
        self._zones: dict[tuple[str, str], list[ZoneItem]] = {}
        self._region_paths: dict[str, QtGui.QPainterPath] = {}
        self._draft_view: str | None = None
        offsets = palette.view_offsets({v.id: v.viewbox for v in anatomy.views.values()})
        for view in anatomy.views.values():
            root = ViewRoot(view.id, view.viewbox)
            root.setPos(offsets[view.id], 0)
            self.addItem(root)
            self.roots[view.id] = root
            self._add_art(root, view.viewbox, str(svg_path(anatomy, view)))
            self._add_label(root, view.viewbox, view.label)
            self.pain_layers[view.id] = PainLayerItem(root)
            self._drafts[view.id] = DraftStrokeItem(root)
            self._hovers[view.id] = HoverItem(root)
        self.cursor_item = BrushCursorItem()
        self.addItem(self.cursor_item)
        self.setSceneRect(scene_rect(list(self.roots.values())))

    def _add_art(self, root: ViewRoot, box: tuple[float, float, float, float], path: str) -> None:
        add_art(root, box, svg_renderer(path, self))

    def _add_label(self, root: ViewRoot, box: tuple[float, float, float, float], text: str) -> None:
        label = QtWidgets.QGraphicsSimpleTextItem(text, root)
        font = QtGui.QFont()
        font.setPixelSize(16)
        font.setBold(True)
        label.setFont(font)
        label.setBrush(QtGui.QColor(palette.VIEW_LABEL))
        width = label.boundingRect().width()
        label.setPos(box[0] + (box[2] - width) / 2, box[1] - 34)

    # -- coordinates ---------------------------------------------------------------------

    def locate(self, scene_pos: QtCore.QPointF) -> tuple[str, QtCore.QPointF] | None:
        """The view under ``scene_pos`` and the point in its SVG units, if over a view."""
        for view_id, root in self.roots.items():
            local = root.mapFromScene(scene_pos)
            if root.boundingRect().contains(local):
                return view_id, local
        return None

    def to_view(self, view_id: str, scene_pos: QtCore.QPointF) -> QtCore.QPointF:
        return scene_pos - self.roots[view_id].pos()

    def to_scene(self, view_id: str, x: float, y: float) -> QtCore.QPointF:
        return QtCore.QPointF(x, y) + self.roots[view_id].pos()

    def region_at(self, view_id: str, point: QtCore.QPointF) -> str:
        """The id of the region under ``point`` (SVG units of ``view_id``), or ""."""
        region = self.anatomy.region_at(view_id, point.x(), point.y())
        return region.id if region is not None else ""

    def place_cursor(self, scene_pos: QtCore.QPointF, width: float) -> None:
        self.cursor_item.place(scene_pos, width)

    # -- pain ----------------------------------------------------------------------------

    def set_pain(self, view_id: str, bands: tuple[tuple[int, BaseGeometry], ...]) -> None:
        self.pain_layers[view_id].set_bands([(k, geometry_to_path(g)) for k, g in bands])

    def add_pain(self, view_id: str, mark: Mark, area: BaseGeometry) -> None:
        """Paint one more (non-erasing) mark over the pain of ``view_id``: a stroke as
        ``area``, what the core says it paints on the body (filling it is far cheaper than
        stroking its centre line with a wide pen, and it is exactly what the bands will show),
        a region as its outline."""
        layer = self.pain_layers[view_id]
        if isinstance(mark, Stroke):
            layer.add_mark(mark.intensity, geometry_to_path(area))
        else:
            region = self.anatomy.regions[mark.region]
            if region.id not in self._region_paths:
                self._region_paths[region.id] = geometry_to_path(region.polygon)
            layer.add_mark(mark.intensity, self._region_paths[region.id])

    def begin_draft(
        self, view_id: str, point: QtCore.QPointF, width: float, erase: bool, intensity: int
    ) -> None:
        self._draft_view = view_id
        self._drafts[view_id].begin(point, width, erase, intensity)

    def extend_draft(self, point: QtCore.QPointF) -> None:
        if self._draft_view is not None:
            self._drafts[self._draft_view].extend(point)

    def clear_draft(self) -> None:
        if self._draft_view is not None:
            self._drafts[self._draft_view].clear()
            self._draft_view = None

    # -- regions and zones ---------------------------------------------------------------

    def set_hover(self, region_id: str | None) -> None:
        for view_id, item in self._hovers.items():
            region = self.anatomy.regions.get(region_id or "")
            if region is not None and region.view == view_id:
                if region.id not in self._region_paths:
                    self._region_paths[region.id] = geometry_to_path(region.polygon)
                item.setPath(self._region_paths[region.id])
                item.setVisible(True)
            else:
                item.setVisible(False)

    def set_highlights(
        self, patterns: list[tuple[str, str]], selected: tuple[str, str] | None
    ) -> None:
        """Show the zones of ``patterns`` ((muscle, side) pairs); emphasise ``selected``."""
        wanted = set(patterns)
        for key, items in self._zones.items():
            for item in items:
                item.setVisible(key in wanted)
        for muscle_id, side in patterns:
            key = (muscle_id, side)
            if key not in self._zones:
                self._zones[key] = self._make_zone_items(muscle_id, side)
            level = 0 if selected is None else (1 if key == selected else -1)
            for item in self._zones[key]:
                item.set_emphasis(level)
                item.setVisible(True)

    def _make_zone_items(self, muscle_id: str, side: str) -> list[ZoneItem]:
        hex_colour = self.anatomy.muscles[muscle_id].colour
        items = []
        for view_id, path in pattern_paths(self.anatomy, muscle_id, side).items():
            for outline in (False, True):
                item = ZoneItem(self.roots[view_id], path, muscle_id, side, hex_colour, outline)
                items.append(item)
        return items

    def visible_zone_items(self) -> list[ZoneItem]:
        return [i for items in self._zones.values() for i in items if i.isVisible()]
