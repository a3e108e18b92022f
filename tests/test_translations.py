"""Languages: the interface's catalogues (Qt .ts/.qm) and the content's language files are
complete, the window shows German when started in German, the Language menu's choice is kept,
and a broken language file gives a one-line error and English."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from bodymap.ui.language import LANGUAGES
from tests.conftest import REGIONS, ROOT

LANGUAGE = "de"  # the one the window tests use
SHIPPED = sorted(set(LANGUAGES) - {"en"})


def _tool_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "translations_tool", ROOT / "tools" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("translations_tool", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool():  # type: ignore[no-untyped-def]
    return _tool_module()


@pytest.fixture
def german(qapp):  # type: ignore[no-untyped-def]
    """The German translators installed for one test, English again afterwards."""
    from bodymap.ui import language

    assert language.install(qapp, LANGUAGE) == LANGUAGE
    yield
    language.install(qapp, "en")


# -- the interface's catalogue ------------------------------------------------------------------


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_interface_string_is_translated(tool, lang) -> None:  # type: ignore[no-untyped-def]
    """lupdate's extraction of today's sources against the .ts: nothing untranslated, nothing
    missing, nothing left over (``python tools/translations.py check`` says the same)."""
    assert tool.ts_problems(lang) == []


def test_ts_has_no_unfinished_or_vanished_entries(tool) -> None:  # type: ignore[no-untyped-def]
    root = ET.parse(tool.ts_path(LANGUAGE)).getroot()
    kinds = [t.get("type") for t in root.iter("translation")]
    assert kinds and not [k for k in kinds if k in ("unfinished", "vanished", "obsolete")]
    assert root.get("language") == LANGUAGE
    for message in tool.read_ts(tool.ts_path(LANGUAGE)):
        # plural forms only where lupdate saw a plural (tr() with a count): elsewhere they
        # would be shown as typed
        assert message.numerus == ("%n" in message.source), message.source
        assert all(" || " not in t for t in message.translations), message.source
        assert len(message.translations) == (2 if message.numerus else 1)
    names = [c.findtext("name") for c in root.iter("context")]
    assert names == sorted(names)  # kept sorted: merges stay small


@pytest.mark.parametrize("lang", SHIPPED)
def test_shipped_qm_is_the_released_ts(tool, lang) -> None:  # type: ignore[no-untyped-def]
    assert tool.qm_problems(lang) == []


def test_check_finds_an_untranslated_string(tool, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A string a merge brings in (here: one translation blanked) is reported by name."""
    ts = tmp_path / f"bodymap_{LANGUAGE}.ts"
    shutil.copy2(tool.ts_path(LANGUAGE), ts)
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        if message.findtext("source") == "&File":
            translation = message.find("translation")
            translation.text = ""
            translation.set("type", "unfinished")
    tree.write(ts, encoding="utf-8")
    monkeypatch.setattr(tool, "TS_FOLDER", tmp_path)
    problems = tool.ts_problems(LANGUAGE)
    assert problems == ["untranslated: Actions: '&File'"]


def test_check_finds_a_string_missing_from_the_ts(tool, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ts = tmp_path / f"bodymap_{LANGUAGE}.ts"
    shutil.copy2(tool.ts_path(LANGUAGE), ts)
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        for message in list(context.iter("message")):
            if message.findtext("source") == "&Quit":
                context.remove(message)
    tree.write(ts, encoding="utf-8")
    monkeypatch.setattr(tool, "TS_FOLDER", tmp_path)
    assert tool.ts_problems(LANGUAGE) == [
        "not in the .ts (run update, then translate): Actions: '&Quit'"
    ]


def test_import_fills_in_a_tsv(tool, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ts = tmp_path / f"bodymap_{LANGUAGE}.ts"
    shutil.copy2(tool.ts_path(LANGUAGE), ts)
    monkeypatch.setattr(tool, "TS_FOLDER", tmp_path)
    tsv = tmp_path / "fill.tsv"
    tsv.write_text(
        "Actions\t&Quit\t&Schließen\nDiaryPanel\t%n days\tein Tag || %n viele\n", "utf-8"
    )
    assert tool.import_tsv(LANGUAGE, tsv) == 2
    found = {m.source: m.translations for m in tool.read_ts(ts)}
    assert found["&Quit"] == ("&Schließen",)
    assert found["%n days"] == ("ein Tag", "%n viele")


def test_every_core_word_has_a_translation_entry() -> None:
    """The core's fixed English words the window shows all have an entry in the tables."""
    from bodymap.core.score import QUALITIES
    from bodymap.io.compare_render import KINDS
    from bodymap.io.regions_file import RELIEF_STEPS
    from bodymap.ui import panels, words

    assert set(words.STRENGTHS) == {"strong", "moderate", "weak"}
    assert set(words.QUALITIES) == set(QUALITIES)
    assert set(words.CHANGES) == set(KINDS)
    assert set(panels.STEPS) == set(RELIEF_STEPS)
    from bodymap.ui.body_view import Tool

    assert set(words.TOOL_HINTS) == {t.value for t in Tool}


# -- the content's language file ----------------------------------------------------------------


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_content_string_is_translated(anatomy, lang) -> None:  # type: ignore[no-untyped-def]
    """regions.LANG.yaml has every label, panel, cue, symptom and safety text regions.yaml
    has (a muscle added to regions.yaml without its texts fails here, by name)."""
    from bodymap.io.content_language import language_path, read_language, untranslated

    texts = read_language(language_path(REGIONS, lang), lang)
    assert untranslated(anatomy, texts) == []


def test_a_new_muscle_without_translation_is_named(anatomy) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from bodymap.io.content_language import language_path, read_language, untranslated

    texts = read_language(language_path(REGIONS, LANGUAGE), LANGUAGE)
    psoas = anatomy.muscles["psoas"]
    grown = dataclasses.replace(
        anatomy,
        muscles={**anatomy.muscles, "soleus": dataclasses.replace(psoas, id="soleus")},
    )
    missing = untranslated(grown, texts)
    assert "missing muscles.soleus.name" in missing
    assert "missing muscles.soleus.relief.stretch.how" in missing
    assert all("soleus" in line for line in missing)


def test_language_file_falls_back_to_english_per_string(anatomy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bodymap.io.content_language import read_language, translate

    path = tmp_path / "regions.de.yaml"
    path.write_text(
        "format: bodymap-regions-language\nlanguage: de\n"
        "regions:\n  back.left.outer_hip: {label: Hüfte außen links, words: [Hüfte]}\n"
        "muscles:\n  psoas:\n    symptoms: [nur eins]\n",
        encoding="utf-8",
    )
    german = translate(anatomy, read_language(path, "de"))
    assert german.regions["back.left.outer_hip"].label == "Hüfte außen links"
    assert "Hüfte" in german.regions["back.left.outer_hip"].words
    assert "outer hip" in german.regions["back.left.outer_hip"].words  # English still found
    assert german.regions["back.right.outer_hip"].label == "Right outer hip"
    # a list of another length than the English one stays English as a whole
    assert german.muscles["psoas"].panel.symptoms == anatomy.muscles["psoas"].panel.symptoms
    assert german.sha256 == anatomy.sha256  # sessions do not depend on the language
    assert (
        german.region_at(
            "back", *anatomy.regions["back.left.outer_hip"].polygon.representative_point().coords[0]
        ).id
        == "back.left.outer_hip"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "format: bodymap-regions-language\nlanguage: de\nregions: [1, 2\n",
            ":4:1: not valid YAML",
        ),
        ("format: bodymap-regions-language\nlanguage: de\ncues:\n  organs: {label: 3}\n", ":4:"),
        ("format: bodymap-regions-language\nlanguage: es\n", "language is 'es'"),
        ("format: bodymap-regions\nlanguage: de\n", "format must be"),
        (
            "format: bodymap-regions-language\nlanguage: de\nmuscles:\n  psoas: {colour: red}\n",
            "unknown key 'colour'",
        ),
        (
            "format: bodymap-regions-language\nlanguage: de\nviews: {back: x, back: y}\n",
            "regions.de.yaml:3:",
        ),
    ],
)
def test_a_broken_language_file_is_one_line(anatomy, tmp_path, text, expected) -> None:  # type: ignore[no-untyped-def]
    from bodymap.io.content_language import in_language
    from bodymap.io.errors import RegionsError

    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy2(REGIONS, folder / "regions.yaml")
    (folder / "regions.de.yaml").write_text(text, encoding="utf-8")
    from bodymap.io.regions_file import load_regions

    english = load_regions(folder / "regions.yaml")
    result, problem = in_language(english, "de")
    assert result is english  # nothing translated: English throughout
    assert problem is not None and "\n" not in problem and expected in problem
    assert str(folder / "regions.de.yaml") in problem
    with pytest.raises(RegionsError):
        from bodymap.io.content_language import read_language

        read_language(folder / "regions.de.yaml", "de")


# -- the window in German ----------------------------------------------------------------------


def _menu_titles(window: QtWidgets.QMainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_window_started_in_german_shows_german(qtbot, asked, german) -> None:  # type: ignore[no-untyped-def]
    """Through the app's own start (translators, then the content in German): menus, docks,
    the list, the guide's headings and the content are German."""
    from bodymap.ui.app import start

    failed: list[bool] = []
    window = start(None, None, lambda: failed.append(True))
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_attached, timeout=20000)
    assert not failed
    assert _menu_titles(window)[:4] == ["&Datei", "&Bearbeiten", "&Werkzeuge", "&Ansicht"]
    assert window.match_dock.windowTitle() == "Treffer"
    assert window.region_dock.windowTitle() == "Regionen"
    header = window.match_list.tree.headerItem()
    assert [header.text(i) for i in range(1, 4)] == ["Muskel", "Seite", "Stärke"]
    assert window.match_list.summary.text().startswith("Markieren Sie, wo es schmerzt")
    assert window.tool_label.text().startswith("Region: Klicken Sie")
    assert asked["safety"] == ["Bevor Sie beginnen"]  # the content's safety note

    window.toggle_region("back.left.outer_hip")
    qtbot.waitUntil(lambda: bool(window.match_list.rows()), timeout=10000)
    row = window.match_list.rows()[0]
    assert (
        row[1] == "Quadratus lumborum"
        and row[2] == "links"
        and row[3] in ("stark", "mittel", "schwach")
    )
    assert "Andere mögliche Ursachen" in window.match_list.cue_text()
    assert "Die Glutealsehnen an der äußeren Hüfte" in window.match_list.cue_text()
    window.panels.open_muscle("psoas")
    page = window.panels.currentWidget()
    text = page.toPlainText()
    for heading in (
        "Schmerzmuster",
        "Beschwerden",
        "Linderung",
        "Ursprung und Ansatz",
        "Innervation",
    ):
        assert heading in text
    assert "Der wichtigste Hüftbeuger" in text
    assert window.panels.tabText(window.panels.currentIndex()).endswith("Psoas (Iliopsoas)")
    labels = [
        window.region_list.list.item(i).text() for i in range(window.region_list.list.count())
    ]
    assert "Hüfte außen links" in labels and "Left outer hip" not in labels
    assert window.view.accessibleName() == "Körperkarte"
    window.undo_stack.setClean()
    window.close()


def _entries(window) -> dict[str, QtGui.QAction]:  # type: ignore[no-untyped-def]
    return {a.text(): a for a in window.action_set.language_menu.actions() if a.isCheckable()}


def test_language_menu_switches_the_window_and_keeps_the_work(
    qtbot, window, asked, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """View > Language > Deutsch: the choice is saved and a window in German takes over the
    open work (marks, note, file, unsaved state, autosaved at once); the old one closes
    without asking. English brings it back."""
    from bodymap.ui import language, language_switch

    entries = _entries(window)
    system = f"System ({language.LANGUAGES[language.system_language()]})"
    assert set(entries) == {system, "English", "Deutsch"}
    assert entries[system].isChecked()
    path = tmp_path / "mine.bodymap.json"
    assert window.files.save_to(path)
    window.toggle_region("back.left.outer_hip")
    window.note_edit.setPlainText("since Monday")
    marks = window.document.marks
    entries["Deutsch"].trigger()
    qtbot.waitUntil(lambda: bool(language_switch._windows), timeout=20000)
    german = language_switch._windows[-1]
    qtbot.addWidget(german)
    try:
        assert language.saved_choice() == "de" and language.current_language() == "de"
        assert not window.isVisible() and german.isVisible()
        assert [a.text() for a in german.menuBar().actions()][:2] == ["&Datei", "&Bearbeiten"]
        assert german.match_dock.windowTitle() == "Treffer"
        assert german.document.marks == marks and german.document.path == path
        assert german.note_edit.toPlainText() == "since Monday"
        assert german.isWindowModified() and not german.undo_stack.isClean()
        assert german.autosaver.path.is_file()  # the unsaved work is protected at once
        qtbot.waitUntil(lambda: bool(german.match_list.rows()), timeout=10000)
        assert german.match_list.rows()[0][2] == "links"
        assert german.anatomy.regions["back.left.outer_hip"].label == "Hüfte außen links"
        assert german.statusBar().currentMessage() == (
            "Deutsch: Der Verlauf zum Rückgängigmachen beginnt neu."
        )
        assert asked["unsaved"] == []  # nothing was asked: the work moved
        _entries(german)["English"].trigger()
        qtbot.waitUntil(lambda: language_switch._windows[-1] is not german, timeout=20000)
        english = language_switch._windows[-1]
        qtbot.addWidget(english)
        assert language.current_language() == "en" and language.saved_choice() == "en"
        assert english.menuBar().actions()[0].text() == "&File"
        assert english.document.marks == marks and english.isWindowModified()
        english.undo_stack.setClean()
        english.close()
    finally:
        language.install(QtWidgets.QApplication.instance(), "en")
        german.undo_stack.setClean()
        german.close()


def test_system_language(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui import language

    assert language.system_language(["de-DE", "en-US"]) == "de"
    assert language.system_language(["fr-FR", "de"]) == "de"
    assert language.system_language(["fr-FR", "it"]) == "en"
    assert language.system_language(["en-GB", "de-DE"]) == "en"
    monkeypatch.setenv("BODYMAP_LANGUAGE", "de")
    assert language.chosen_language() == "de"


def test_broken_language_file_starts_in_english_with_one_line(
    qtbot, asked, german, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.app import start

    folder = tmp_path / "data"
    shutil.copytree(ROOT / "assets", folder / "assets")
    shutil.copy2(REGIONS, folder / "regions.yaml")
    (folder / "regions.de.yaml").write_text(
        "format: bodymap-regions-language\nlanguage: de\nregions: [\n", "utf-8"
    )
    window = start(None, str(folder / "regions.yaml"), lambda: None)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_attached, timeout=20000)
    qtbot.waitUntil(lambda: bool(asked["error"]), timeout=5000)
    [message] = asked["error"]
    assert "\n" not in message and "regions.de.yaml:4" in message
    assert window.anatomy.regions["back.left.outer_hip"].label == "Left outer hip"
    assert _menu_titles(window)[0] == "&Datei"  # the interface's catalogue is fine
    window.undo_stack.setClean()
    window.close()


def test_core_refusals_are_translated(german) -> None:  # type: ignore[no-untyped-def]
    """The drawing's limits, said by the core in English, are shown in German."""
    from bodymap.core.marks import MAX_MARKS, RegionMark, over_limits
    from bodymap.ui import words

    why = over_limits(tuple(RegionMark("back.sacrum") for _ in range(MAX_MARKS + 1)))
    assert why is not None
    assert words.refusal(why) == f"eine Karte fasst höchstens {MAX_MARKS} Markierungen"
    assert words.refusal("something else") == "something else"


def test_art_words_follow_the_language(german) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui.shell import svg_renderer

    svg = Path(ROOT / "assets" / "svg" / "back.svg")
    renderer = svg_renderer(svg)
    assert renderer.isValid()
    assert QtCore.QCoreApplication.translate("Art", "BACK") == "RÜCKSEITE"
    from bodymap.io import export
    from bodymap.ui import shell

    assert export.ART_WORDS == shell.ART_WORDS
    assert export.art_renderer(svg).isValid()


def test_region_search_finds_german_and_english_words(anatomy) -> None:  # type: ignore[no-untyped-def]
    """The German words are added to the English ones; umlauts make words and "links" and
    "rechts" name the patient's side."""
    from bodymap.core.region_search import search, tokens
    from bodymap.io.content_language import in_language

    german, problem = in_language(anatomy, LANGUAGE)
    assert problem is None
    assert tokens("Hüfte außen") == ["hüfte", "außen"]
    assert search(german, "kreuz links")[0].id == "back.left.low_back"
    assert {r.id for r in search(german, "ISG")} == {
        "back.left.sacroiliac",
        "back.right.sacroiliac",
    }
    assert [r.id for r in search(german, "hüfte außen rechts")] == ["back.right.outer_hip"]
    assert search(german, "lower back")[0].id == "back.left.low_back"  # English still works


def test_a_choice_made_while_loading_applies_at_the_next_start(qtbot, asked) -> None:  # type: ignore[no-untyped-def]
    """Before the anatomy is loaded there is no work to hand over: the choice is saved and
    the window says, in both languages, that it applies at the next start."""
    from bodymap.ui import language

    shell = QtWidgets.QWidget()
    qtbot.addWidget(shell)
    switched: list[str] = []
    language._choose(shell, "de", switched.append)
    assert language.saved_choice() == "de" and switched == []
    [notice] = asked["info"]
    assert "from the next start" in notice and "ab dem nächsten Start" in notice
