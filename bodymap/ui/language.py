"""The interface's language: Qt translators chosen from the system locale or the user's choice.

The choice is kept in QSettings (``ui/language``: ``system``, ``en`` or a shipped language);
``BODYMAP_LANGUAGE`` overrides it (tests, screenshots). The catalogue of a language is
``bodymap/translations/bodymap_<lang>.qm`` (compiled from ``translations/bodymap_<lang>.ts`` by
``python tools/translations.py release``), and Qt's own ``qtbase_<lang>.qm`` (standard buttons
and dialogs) comes from the Qt install. A new choice applies at once: the window is built
again in that language and takes over the open work (``bodymap.ui.language_switch``); chosen
while the app is still loading, it applies at the next start and the window says so.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.ui.settings import app_settings
from bodymap.ui.words import QT_TRANSLATE_NOOP

SETTING = "ui/language"
SYSTEM = "system"
SOURCE_LANGUAGE = "en"
# Each language by its own name (a menu of languages is read by someone who may not know ours).
LANGUAGES = {"en": "English", "de": "Deutsch"}
FOLDER = Path(__file__).resolve().parent.parent / "translations"
_NOTICE_TITLE = QT_TRANSLATE_NOOP("Language", "Language")
_NOTICE = QT_TRANSLATE_NOOP(
    "Language", "BodyMap will use {language} from the next start. Close it and start it again."
)

_installed: list[QtCore.QTranslator] = []
_current = SOURCE_LANGUAGE


def catalogue(language: str) -> Path:
    """The compiled catalogue of ``language`` shipped with the app."""
    return FOLDER / f"bodymap_{language}.qm"


def system_language(ui_languages: list[str] | None = None) -> str:
    """The first of the system's preferred languages the app ships, else English.
    ``ui_languages`` as ``QLocale.uiLanguages()`` gives them (``de-DE``, ``de``, ...)."""
    if ui_languages is None:
        ui_languages = QtCore.QLocale.system().uiLanguages()
    for name in ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def saved_choice() -> str:
    """What the user chose in View > Language (``system`` when nothing or something unknown)."""
    value = str(app_settings().value(SETTING, SYSTEM))
    return value if value in LANGUAGES else SYSTEM


def chosen_language() -> str:
    """The language to start in: ``BODYMAP_LANGUAGE``, else the saved choice, else the
    system's."""
    forced = os.environ.get("BODYMAP_LANGUAGE", "").strip().lower()
    if forced in LANGUAGES:
        return forced
    choice = saved_choice()
    return system_language() if choice == SYSTEM else choice


def current_language() -> str:
    """The language whose translators are installed (English when none is)."""
    return _current


def install(app: QtCore.QCoreApplication, language: str) -> str:
    """Install the translators of ``language`` (removing any installed before) and return the
    language now in use: English when its catalogue is missing or unreadable."""
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = SOURCE_LANGUAGE
    QtCore.QLocale.setDefault(QtCore.QLocale("en_GB"))  # dates as the English text writes them
    if language == SOURCE_LANGUAGE or language not in LANGUAGES:
        return _current
    ours = QtCore.QTranslator(app)
    if not ours.load(str(catalogue(language))):
        return _current
    qt_folder = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QtCore.QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    app.installTranslator(ours)
    _installed.append(ours)
    _current = language
    QtCore.QLocale.setDefault(QtCore.QLocale(language))  # numbers and dates in that language
    return _current


def add_menu(
    menu: QtWidgets.QMenu, parent: QtWidgets.QWidget, switch: Callable[[str], object]
) -> QtWidgets.QMenu:
    """The Language submenu of ``menu``: System, then every shipped language by its own name.
    Choosing one saves it and calls ``switch(language)`` (``bodymap.ui.language_switch``)."""
    translate = QtCore.QCoreApplication.translate
    sub = menu.addMenu(translate("Language", "&Language"))
    group = QtGui.QActionGroup(sub)
    choice = saved_choice()
    system_name = LANGUAGES[system_language()]
    entries = [(SYSTEM, translate("Language", "System ({language})").format(language=system_name))]
    entries += list(LANGUAGES.items())
    for code, text in entries:
        action = sub.addAction(text)
        action.setCheckable(True)
        action.setChecked(code == choice)
        action.setData(code)
        group.addAction(action)
        action.triggered.connect(lambda _=False, c=code: _choose(parent, c, switch))
    return sub


def _choose(parent: QtWidgets.QWidget, code: str, switch: Callable[[str], object]) -> None:
    app_settings().setValue(SETTING, code)
    target = system_language() if code == SYSTEM else code
    if target == _current:
        return
    is_attached = getattr(parent, "is_attached", None)
    if callable(is_attached) and is_attached():
        # After the menu's signal returns: the switch closes the window the menu is in.
        QtCore.QTimer.singleShot(0, lambda: switch(target))
        return
    from bodymap.ui import dialogs  # still loading: the choice is used at the next start

    dialogs.show_info(parent, *restart_notice(target))


def restart_notice(target: str) -> tuple[str, str]:
    """The title and text saying that ``target`` applies at the next start: in the current
    language, followed by the same sentence in ``target`` (read with its own catalogue)."""
    translate = QtCore.QCoreApplication.translate
    title = translate("Language", _NOTICE_TITLE)
    text = translate("Language", _NOTICE).format(language=LANGUAGES[target])
    if target != SOURCE_LANGUAGE:
        other = QtCore.QTranslator()
        if other.load(str(catalogue(target))):
            said = other.translate("Language", _NOTICE) or _NOTICE
            text += "\n\n" + said.format(language=LANGUAGES[target])
    elif _current != SOURCE_LANGUAGE:
        text += "\n\n" + _NOTICE.format(language=LANGUAGES[target])
    return title, text
