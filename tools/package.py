"""Build BodyMap as a one-folder application that runs without Python (PyInstaller).

    python tools/package.py            build dist/bodymap/ (bodymap, bodymap-gui, _internal/)
    python tools/package.py --check    build, then copy it outside the checkout and run it there:
                                       `bodymap analyze` and an offscreen `--smoke-test`
    python tools/package.py --icons    only render the PNG icons from bodymap/icons/bodymap.svg

Needs PyInstaller (`pip install pyinstaller`, or `pip install -e '.[package]'`) in the
environment that has BodyMap's dependencies. The same command builds on Linux, Windows (a
`bodymap-gui.exe` without a console window beside `bodymap.exe`) and macOS (also
`dist/BodyMap.app`); PyInstaller does not cross-compile, so build on each system. Every
build gets the licence notices (bodymap/licenses/ plus each bundled Python package's own
licence files) in `dist/bodymap/licenses/`, with the versions shipped in VERSIONS.txt.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "bodymap" / "icons"
SVG = ICONS / "bodymap.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SPEC = ROOT / "packaging" / "pyinstaller" / "bodymap.spec"
BUNDLED = ("PySide6-Essentials", "shiboken6", "shapely", "numpy", "PyYAML")


def render_icons(out: Path = ICONS) -> list[Path]:
    """Render the SVG icon to ``bodymap-<size>.png`` for every size in PNG_SIZES (Qt)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtCore, QtGui, QtSvg

    _app = QtGui.QGuiApplication.instance() or QtGui.QGuiApplication([])
    renderer = QtSvg.QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a valid SVG")
    written = []
    for size in PNG_SIZES:
        image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QtCore.Qt.GlobalColor.transparent)
        with QtGui.QPainter(image) as painter:
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QtCore.QRectF(0, 0, size, size))
        path = out / f"bodymap-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"{path}: cannot write")
        written.append(path)
    return written


def platform_icon(build: Path) -> Path | None:
    """The icon format the platform's executables take (.ico, .icns), written by Qt."""
    suffix = {"win32": ".ico", "darwin": ".icns"}.get(sys.platform)
    if suffix is None:
        return None
    from PySide6 import QtGui

    _app = QtGui.QGuiApplication.instance() or QtGui.QGuiApplication([])
    path = build / f"bodymap{suffix}"
    image = QtGui.QImage(str(ICONS / "bodymap-256.png"))
    if not image.save(str(path)):
        return None  # PyInstaller then uses its default icon
    return path


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the one-folder app's folder."""
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        raise SystemExit(
            "PyInstaller is not installed: pip install pyinstaller (or pip install -e '.[package]')"
        ) from None
    work.mkdir(parents=True, exist_ok=True)
    icon = platform_icon(work)
    os.environ["BODYMAP_ROOT"] = str(ROOT)
    os.environ["BODYMAP_ICON"] = str(icon) if icon else ""
    pyinstaller.run(
        [str(SPEC), "--noconfirm", "--clean", "--log-level=WARN",
         f"--distpath={dist}", f"--workpath={work}"]
    )  # fmt: skip
    app = dist / "bodymap"
    _licences(app / "licenses")
    return app


def _licences(target: Path) -> None:
    """Our notices, each bundled package's licence files and the versions shipped."""
    shutil.copytree(ROOT / "bodymap" / "licenses", target, dirs_exist_ok=True)
    versions = [f"Python {platform.python_version()}"]
    for name in BUNDLED:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        versions.append(f"{name} {dist.version}")
        for file in dist.files or []:
            parts = file.parts
            if any(p.lower().startswith(("license", "copying", "notice")) for p in parts[1:]):
                source = Path(str(dist.locate_file(file)))
                if source.is_file():
                    dest = target / "packages" / name / Path(*parts[1:]).name
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(source, dest)
    if "PySide6-Essentials 6" in " ".join(versions):
        from PySide6 import QtCore

        versions.append(f"Qt {QtCore.qVersion()}")
    (target / "VERSIONS.txt").write_text("\n".join(versions) + "\n", encoding="utf-8")


def check(app: Path) -> None:
    """Copy the app outside the checkout and run it there without this Python's paths:
    ``analyze`` must rank the left QL first for the left outer hip, and an offscreen
    ``--smoke-test`` must load the window and quit with 0."""
    exe = "bodymap.exe" if sys.platform == "win32" else "bodymap"
    for notice in ("NOTICE.txt", "LGPL-3.0.txt", "GPL-3.0.txt", "CHOIR-body-map.txt"):
        if not (app / "licenses" / notice).is_file():
            raise SystemExit(f"{app / 'licenses' / notice}: missing from the build")
    with tempfile.TemporaryDirectory(prefix="bodymap-check-") as tmp:
        copy = Path(tmp) / "bodymap"
        shutil.copytree(app, copy, symlinks=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["PATH"] = os.pathsep.join(
            p for p in env.get("PATH", "").split(os.pathsep) if "venv" not in p
        )
        run = [str(copy / exe), "analyze", "--mark", "back.left.outer_hip", "--json"]
        done = subprocess.run(run, cwd=tmp, env=env, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise SystemExit(f"packaged analyze failed ({done.returncode}): {done.stderr}")
        first = json.loads(done.stdout)["matches"][0]
        if (first["muscle"], first["side"]) != ("quadratus_lumborum", "left"):
            raise SystemExit(f"packaged analyze ranks {first} first")
        print(f"packaged analyze (run from {tmp}): {first['name']} {first['side']} first")
        started = time.perf_counter()
        done = subprocess.run(
            [str(copy / exe), "--smoke-test"], cwd=tmp, env=env, capture_output=True,
            text=True, timeout=300,
        )  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"packaged smoke test failed ({done.returncode}): {done.stderr}")
        took = time.perf_counter() - started
        print(f"packaged {done.stdout.strip()} in {took:.1f} s")
        # In German: the interface catalogue and regions.de.yaml were shipped (the safety
        # note, the first dialog, has the German title of regions.de.yaml).
        done = subprocess.run(
            [str(copy / exe), "--smoke-test"], cwd=tmp, env={**env, "BODYMAP_LANGUAGE": "de"},
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        if done.returncode != 0 or "Bevor Sie beginnen" not in done.stdout:
            raise SystemExit(f"packaged smoke test in German failed: {done.stdout}{done.stderr}")
        print(f"packaged, in German: {done.stdout.strip()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--icons", action="store_true", help="only render the PNG icons")
    parser.add_argument("--check", action="store_true", help="run the built app from outside")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    args = parser.parse_args()
    if args.icons:
        for path in render_icons():
            print(path.relative_to(ROOT))
        return 0
    started = time.perf_counter()
    app = build(args.dist.resolve(), ROOT / "build" / "pyinstaller")
    size = sum(f.stat().st_size for f in app.rglob("*") if f.is_file() and not f.is_symlink())
    size /= 1e6
    print(f"built {app} ({size:.0f} MB) in {time.perf_counter() - started:.0f} s")
    if args.check:
        check(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
