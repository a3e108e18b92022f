"""Change the interface's language while the app runs.

Every text of the window is set when the window is built, and the content (labels, the
muscle guide, the cues) comes from ``regions.LANG.yaml`` when the anatomy is loaded. So a new
language builds the window again rather than re-setting each text on ``LanguageChange``: the
new translators are installed, the anatomy is read in the new language, a new window takes
over the open work (the marks, the note, the diary score, the file it belongs to and whether
it is unsaved; an unsaved one is autosaved by the new window first) and the old window closes.
The undo history starts afresh, and the status bar says so.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6 import QtCore, QtWidgets

from bodymap.ui import dialogs, language

_windows: list[QtWidgets.QMainWindow] = []  # windows made here (no parent keeps them alive)


def switch(old: Any, target: str) -> Any:
    """Show the work of ``old`` (a loaded ``MainWindow``; typed loosely, as importing the
    window here would make an import cycle) in a new window in ``target``'s language and
    close ``old``; the new window, or None (``old`` unchanged) when the regions file cannot be
    read again."""
    from bodymap.io.content_language import in_language
    from bodymap.io.errors import BodyMapError
    from bodymap.io.regions_file import load_regions

    app = QtWidgets.QApplication.instance()
    assert isinstance(app, QtWidgets.QApplication)
    old.editor.finish_stroke()
    try:
        english = load_regions(old.anatomy.source)
    except BodyMapError as exc:
        translate = QtCore.QCoreApplication.translate
        dialogs.show_error(old, translate("Language", "Cannot change the language"), str(exc))
        return None
    QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
    try:
        installed = language.install(app, target)
        anatomy, problem = in_language(english, installed)
        new = type(old)(anatomy)
        new.restoreGeometry(old.saveGeometry())
        new.restoreState(old.saveState())
        new.files.adopt(old.document.to_session(), old.document.path, not old.undo_stack.isClean())
    finally:
        QtWidgets.QApplication.restoreOverrideCursor()
    new.show()
    _windows.append(new)
    old.undo_stack.setClean()  # the work is the new window's now: closing asks nothing
    old.close()
    if old in _windows:  # made here: let it go (the first window is the app's to keep)
        _windows.remove(old)
    hook = sys.excepthook  # bodymap.ui.crash's hook reports errors in the new window now
    if getattr(hook, "window", None) is old:
        hook.window = new  # type: ignore[attr-defined]
    new.statusBar().showMessage(
        QtCore.QCoreApplication.translate(
            "Language", "{language}: the undo history starts afresh."
        ).format(language=language.LANGUAGES[installed]),
        8000,
    )
    if problem is not None:
        dialogs.show_error(
            new,
            QtCore.QCoreApplication.translate("App", "Texts shown in English"),
            QtCore.QCoreApplication.translate(
                "App", "The body map's texts are shown in English: {problem}"
            ).format(problem=problem),
        )
    return new
