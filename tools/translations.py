"""The interface's and the content's translations: update, check, fill in, release.

    python tools/translations.py update [LANG ...]    pyside6-lupdate over bodymap/ into
                                                      translations/bodymap_LANG.ts (sorted,
                                                      no line numbers: stable under edits)
    python tools/translations.py check [LANG ...]     list what is untranslated, missing from
                                                      the .ts, no longer in the sources, or
                                                      missing from regions.LANG.yaml; exit 1
                                                      if anything is
    python tools/translations.py todo LANG > todo.tsv the unfinished messages as
                                                      CONTEXT<TAB>SOURCE<TAB> lines
    python tools/translations.py import LANG FILE.tsv fill in CONTEXT<TAB>SOURCE<TAB>TRANSLATION
                                                      lines (plurals: forms joined by " || ")
    python tools/translations.py release [LANG ...]   pyside6-lrelease to bodymap/translations/
    python tools/translations.py add LANG             start a new language (an empty .ts and a
                                                      regions.LANG.yaml naming its format)

Without LANG every language that has a .ts file. After merging code with new ``tr()``
strings: ``update``, then ``todo``/``import`` (or Qt Linguist: ``pyside6-linguist``), then
``release``; ``check`` (and ``tests/test_translations.py``) says what is left. Content
translations are edited in ``regions.LANG.yaml`` by hand; ``check`` names every missing key.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FOLDER = ROOT / "translations"
QM_FOLDER = ROOT / "bodymap" / "translations"
SOURCES = [ROOT / "bodymap"]  # every .py under it (the core has no tr(): lupdate finds none)
PLURAL_JOIN = " || "


def ts_path(language: str) -> Path:
    return TS_FOLDER / f"bodymap_{language}.ts"


def languages() -> list[str]:
    return sorted(p.stem.removeprefix("bodymap_") for p in TS_FOLDER.glob("bodymap_*.ts"))


def _tool(name: str) -> str:
    """A Qt tool shipped with PySide6 (``pyside6-lupdate``), beside this Python if need be."""
    found = shutil.which(f"pyside6-{name}") or shutil.which(
        f"pyside6-{name}", path=str(Path(sys.executable).parent)
    )
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 (pip install -e .)")
    return found


def _python_files() -> list[str]:
    files: list[Path] = []
    for source in SOURCES:
        files += sorted(source.rglob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files]


def lupdate(ts: Path, obsolete: bool = False) -> None:
    """Run lupdate over the sources into ``ts`` (created if missing), then sort it."""
    args = [_tool("lupdate"), *_python_files(), "-locations", "none", "-ts", str(ts)]
    if not obsolete:
        args.insert(-2, "-no-obsolete")
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"lupdate failed: {proc.stderr.strip() or proc.stdout.strip()}")
    sort_ts(ts)


def sort_ts(ts: Path) -> None:
    """Contexts by name, messages by source (then comment): one order, whatever the order
    the strings were added in, so merges of two branches' .ts files stay small."""
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = root.findall("context")
    for context in contexts:
        root.remove(context)
        messages = context.findall("message")
        for message in messages:
            context.remove(message)
        messages.sort(key=lambda m: (m.findtext("source") or "", m.findtext("comment") or ""))
        context.extend(messages)
    contexts.sort(key=lambda c: c.findtext("name") or "")
    root.extend(contexts)
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    kind: str  # "" finished, "unfinished", "vanished", "obsolete"
    translations: tuple[str, ...]
    numerus: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def read_ts(ts: Path) -> list[Message]:
    """The messages of a .ts file (parsed with xml.etree)."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ()
            elif numerus:
                texts = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            out.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    kind,
                    texts,
                    numerus,
                )
            )
    return out


def extracted(language: str) -> list[Message]:
    """What lupdate extracts from today's sources, merged into a copy of the .ts."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts_path(language).name
        if ts_path(language).exists():
            shutil.copy2(ts_path(language), copy)
        lupdate(copy, obsolete=True)
        return read_ts(copy)


def ts_problems(language: str) -> list[str]:
    """Every message of the interface that is not translated and shipped as it should be."""
    ts = ts_path(language)
    if not ts.exists():
        return [
            f"{ts.relative_to(ROOT)}: missing; run: python tools/translations.py add {language}"
        ]
    have = {m.key: m for m in read_ts(ts)}
    problems = []
    for m in extracted(language):
        where = f"{m.context}: {m.source!r}"
        if m.kind in ("vanished", "obsolete"):
            if m.key in have:
                problems.append(f"no longer in the sources (run update): {where}")
        elif m.key not in have:
            problems.append(f"not in the .ts (run update, then translate): {where}")
        elif m.kind == "unfinished" or not all(t.strip() for t in m.translations):
            problems.append(f"untranslated: {where}")
    return problems


def qm_problems(language: str) -> list[str]:
    """The shipped .qm must be what lrelease makes of the .ts."""
    qm = QM_FOLDER / f"bodymap_{language}.qm"
    if not qm.exists():
        return [f"{qm.relative_to(ROOT)}: missing; run: python tools/translations.py release"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / qm.name
        lrelease(ts_path(language), fresh)
        if fresh.read_bytes() != qm.read_bytes():
            return [
                f"{qm.relative_to(ROOT)}: older than its .ts; "
                "run: python tools/translations.py release"
            ]
    return []


def content_problems(language: str) -> list[str]:
    """What ``regions.LANG.yaml`` lacks against ``regions.yaml`` (or why it cannot be read)."""
    sys.path.insert(0, str(ROOT))
    from bodymap.io.content_language import language_path, read_language, untranslated
    from bodymap.io.errors import BodyMapError
    from bodymap.io.regions_file import load_regions

    regions = ROOT / "regions.yaml"
    path = language_path(regions, language)
    if not path.exists():
        return [f"{path.name}: missing; every content string is shown in English"]
    try:
        texts = read_language(path, language)
    except BodyMapError as exc:
        return [str(exc)]
    return [f"{path.name}: {line}" for line in untranslated(load_regions(regions), texts)]


def lrelease(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(f"lrelease failed: {proc.stderr.strip() or proc.stdout.strip()}")


def todo(language: str) -> list[str]:
    return [
        f"{m.context}\t{m.source}\t".replace("\n", "\\n")
        for m in read_ts(ts_path(language))
        if m.kind == "unfinished"
    ]


def import_tsv(language: str, tsv: Path) -> int:
    """Fill in translations from ``tsv`` (CONTEXT, SOURCE, TRANSLATION; ``\\n`` for a line
    break; plural forms joined by `` || ``); returns how many were filled in."""
    table = {}
    for n, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].strip():
            raise SystemExit(f"{tsv}:{n}: need CONTEXT<TAB>SOURCE<TAB>TRANSLATION")
        context, source, text = (p.replace("\\n", "\n") for p in parts)
        table[(context, source)] = text
    ts = ts_path(language)
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            text = table.pop((name, message.findtext("source") or ""), None)
            translation = message.find("translation")
            if text is None or translation is None:
                continue
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                for part in text.split(PLURAL_JOIN):
                    ET.SubElement(translation, "numerusform").text = part
            else:
                translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(ts, encoding="utf-8")
    sort_ts(ts)
    for context, source in table:
        print(f"not in the .ts: {context}: {source!r}", file=sys.stderr)
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "check", "todo", "import", "release", "add"))
    parser.add_argument("args", nargs="*")
    ns = parser.parse_args(argv)
    if ns.command == "import":
        if len(ns.args) != 2:
            parser.error("import LANG FILE.tsv")
        print(f"{import_tsv(ns.args[0], Path(ns.args[1]))} translations filled in")
        return 0
    if ns.command == "add":
        for language in ns.args:
            TS_FOLDER.mkdir(exist_ok=True)
            lupdate(ts_path(language))
            tree = ET.parse(ts_path(language))
            tree.getroot().set("language", language)
            tree.write(ts_path(language), encoding="utf-8")
            sort_ts(ts_path(language))
            content = ROOT / f"regions.{language}.yaml"
            if not content.exists():
                content.write_text(
                    f"format: bodymap-regions-language\nlanguage: {language}\n", encoding="utf-8"
                )
            print(f"added {ts_path(language).relative_to(ROOT)} and {content.name}")
        return 0
    chosen = ns.args or languages()
    if ns.command == "todo":
        for language in chosen:
            print("\n".join(todo(language)))
        return 0
    failed = False
    for language in chosen:
        if ns.command == "update":
            lupdate(ts_path(language))
            print(f"updated {ts_path(language).relative_to(ROOT)}")
        elif ns.command == "release":
            lrelease(ts_path(language), QM_FOLDER / f"bodymap_{language}.qm")
            print(f"released bodymap/translations/bodymap_{language}.qm")
        else:
            problems = ts_problems(language) + qm_problems(language)
            problems += content_problems(language)
            for line in problems:
                print(f"{language}: {line}")
            failed = failed or bool(problems)
            if not problems:
                print(f"{language}: complete")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
