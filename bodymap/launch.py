"""Before the window opens: can Qt and its X11 platform plugin load on this machine?

Qt aborts the whole process (exit 134, a core dump) when its platform plugin cannot load, and
its message names at most one of the missing libraries (often the wrong one); without the
libraries Qt's widgets need, importing PySide6 fails with a traceback. On Linux,
``platform_problem()`` reads which shared libraries Qt's widget libraries ask for, and the
``xcb`` plugin too when Qt will use it (``QT_QPA_PLATFORM`` is ``xcb``, or unset outside a
Wayland session), following the bundled Qt libraries they pull in (the ``DT_NEEDED`` entries
of their ELF files). It tries to load each one the system must provide and names every one
that is missing, with the command that installs it; no display at all is reported too. It
imports nothing from Qt, the core or ``bodymap.io`` and costs a few milliseconds: a library
is looked up in the linker's cache, and loaded to find it only when it is not there.

The commands (``analyze``, ``regions``, ``validate``, ``export``) never come here: they run
without a display (``export`` renders with Qt's ``offscreen`` plugin).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import struct
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

# soname -> package for (apt: Debian/Ubuntu, dnf: Fedora/RHEL, pacman: Arch, zypper: openSUSE).
# Found with `dpkg -S` on Debian 12 for PySide6 6.11's libqxcb.so and the Qt libraries it loads.
_XCB_UTIL = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": (
        "libxcb-render-util0",
        "xcb-util-renderutil",
        "xcb-util-renderutil",
    ),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util", "xcb-util"),
}
_OTHERS = {
    "libxcb.so.1": ("libxcb1", "libxcb", "libxcb"),
    "libX11.so.6": ("libx11-6", "libX11", "libx11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libx11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx", "libglvnd"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype", "freetype2"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "dbus"),
}
for _ext in ("randr", "render", "shape", "shm", "sync", "xfixes", "xkb"):
    _num = "1" if _ext in ("sync", "xkb") else "0"
    _OTHERS[f"libxcb-{_ext}.so.{_num}"] = (f"libxcb-{_ext}{_num}", "libxcb", "libxcb")
PACKAGES: dict[str, tuple[str, str, str]] = {**_XCB_UTIL, **_OTHERS}

# (package manager, install command, column of PACKAGES); openSUSE names these like Debian.
_MANAGERS = (
    ("apt-get", "sudo apt-get install -y", 0),
    ("dnf", "sudo dnf install -y", 1),
    ("pacman", "sudo pacman -S --needed", 2),
    ("zypper", "sudo zypper install -y", 0),
)


def elf_needed(path: Path) -> list[str] | None:
    """The ``DT_NEEDED`` sonames of the 64-bit ELF file ``path``, in file order; None when it
    cannot be read or is not a 64-bit ELF shared object with a dynamic section."""
    try:
        with open(path, "rb") as f:
            ident = f.read(64)
            if len(ident) < 64 or ident[:4] != b"\x7fELF" or ident[4] != 2:
                return None
            end = "<" if ident[5] == 1 else ">"
            shoff = struct.unpack_from(end + "Q", ident, 0x28)[0]
            shentsize, shnum = struct.unpack_from(end + "HH", ident, 0x3A)
            if shentsize != 64 or shnum == 0:
                return None
            f.seek(shoff)
            table = f.read(shentsize * shnum)
            sections = [struct.unpack_from(end + "IIQQQQIIQQ", table, i * 64) for i in range(shnum)]
            for _name, kind, _fl, _addr, offset, size, link, _info, _al, _es in sections:
                if kind != 6 or link >= shnum:  # SHT_DYNAMIC; its sh_link is .dynstr
                    continue
                f.seek(offset)
                dynamic = f.read(size)
                f.seek(sections[link][4])
                strings = f.read(sections[link][5])
                names = []
                for tag, value in struct.iter_unpack(end + "qQ", dynamic[: size - size % 16]):
                    if tag == 0:
                        break
                    if tag == 1:  # DT_NEEDED: an offset into .dynstr
                        names.append(strings[value : strings.index(b"\0", value)].decode())
                return names
    except (OSError, ValueError, struct.error, UnicodeDecodeError):
        return None
    return None


def can_load(soname: str) -> bool:
    """Whether the dynamic linker finds and loads ``soname`` (as Qt's plugin loader will next:
    a library loaded here is not loaded twice)."""
    import _ctypes  # the C part only: ``ctypes`` itself takes ~4 ms to import

    try:
        _ctypes.dlopen(soname, os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError:
        return False
    return True


LINKER_CACHE = Path("/etc/ld.so.cache")


@functools.cache
def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def in_linker_cache(soname: str, cache: Path = LINKER_CACHE) -> bool:
    """Whether the dynamic linker's cache lists a file named ``soname`` (a byte search of
    its string table, where every library is a NUL-terminated path; read once, ~0.1 ms)."""
    return b"/" + soname.encode() + b"\0" in _read(cache)


def system_has(soname: str) -> bool:
    """Whether the system provides ``soname``: listed in the linker's cache, else loaded
    (a library found only through ``LD_LIBRARY_PATH``, or a system without the cache)."""
    return in_linker_cache(soname) or can_load(soname)


def _listing(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def missing_libraries(
    start: Path | Sequence[Path],
    bundled: Path | Sequence[Path],
    loadable: Callable[[str], bool] = can_load,
) -> list[str] | None:
    """The system libraries the ELF files ``start`` need, directly or through the libraries
    in the folders ``bundled`` (followed recursively), that ``loadable`` says are absent,
    sorted; None when an ELF file cannot be read (then nothing can be said)."""
    folders = [bundled] if isinstance(bundled, Path) else list(bundled)
    listed = [(folder, set(_listing(folder))) for folder in folders]  # one listing, no stats
    system: set[str] = set()
    seen: set[str] = set()
    todo = [start] if isinstance(start, Path) else list(start)
    while todo:
        needed = elf_needed(todo.pop())
        if needed is None:
            return None
        for soname in needed:
            inside = next((f / soname for f, names in listed if soname in names), None)
            if inside is None:
                system.add(soname)
            elif soname not in seen:
                seen.add(soname)
                todo.append(inside)
    return sorted(s for s in system if not loadable(s))


def install_command(
    missing: Iterable[str], which: Callable[[str], str | None] | None = None
) -> str:
    """How to install ``missing`` (sonames) with this system's package manager (found with
    ``which``, default ``shutil.which``), or a sentence when the manager or a library is
    unknown."""
    if which is None:
        import shutil  # only when something is missing: its import costs ~4 ms

        which = shutil.which
    names = list(missing)
    for manager, command, column in _MANAGERS:
        if which(manager) and all(n in PACKAGES for n in names):
            packages = dict.fromkeys(PACKAGES[n][column] for n in names)  # ordered, unique
            return f"{command} {' '.join(packages)}"
    return "install the packages of your system that provide them"


def qt_folder() -> Path | None:
    """PySide6's ``Qt`` folder (plugins/, lib/), found without importing PySide6: beside the
    frozen app when packaged, else the installed package."""
    if getattr(sys, "frozen", False):
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        return base / "PySide6" / "Qt"
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def uses_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will start its ``xcb`` plugin: on Linux when ``QT_QPA_PLATFORM`` asks for it
    (first choice of a ``;`` list), or is unset outside a Wayland session."""
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def platform_problem(
    env: Mapping[str, str] | None = None,
    qt: Path | None = None,
    loadable: Callable[[str], bool] | None = None,
    which: Callable[[str], str | None] | None = None,
    platform: str = sys.platform,
) -> str | None:
    """One line saying why the window cannot open here and what to do, or None when nothing
    is known to be wrong (not Linux, or Qt's files unreadable). Checked on Linux: the system
    libraries Qt's widget and SVG libraries load (any platform plugin needs them: without
    them PySide6 cannot even be imported), those of the ``xcb`` plugin when Qt will use it,
    and then a display. ``loadable`` defaults to ``system_has``, ``which`` to ``shutil.which``."""
    env = os.environ if env is None else env
    if not platform.startswith("linux"):
        return None
    qt = qt_folder() if qt is None else qt
    if qt is None:
        return None
    names = ("lib/libQt6Widgets.so.6", "lib/libQt6SvgWidgets.so.6")
    start = [qt / name for name in names if (qt / name).is_file()]
    xcb = uses_xcb(env, platform)
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if xcb and plugin.is_file():
        start.append(plugin)
    if not start:
        return None
    bundled = [qt / "lib"]
    if getattr(sys, "frozen", False):  # a packaged app carries more libraries beside Qt's
        bundled.append(qt.parent.parent)
    missing = missing_libraries(start, bundled, loadable or system_has)
    without = "(`bodymap analyze`, `regions`, `validate` and `export` work without it)"
    if missing:
        what = "Qt's X11 platform plugin and its libraries need" if xcb else "Qt needs"
        return (
            f"cannot open the window: {what} {', '.join(missing)}, missing on this system; "
            f"{install_command(missing, which)} {without}"
        )
    if xcb and not env.get("DISPLAY"):
        return f"cannot open the window: no display (DISPLAY is not set) {without}"
    return None
