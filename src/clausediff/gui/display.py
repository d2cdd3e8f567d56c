"""Can a window open here? Checked before any QApplication exists.

Qt aborts the process (a core dump, exit status 134) when it cannot load its platform
plugin or reach a display, and its message names the wrong library ("xcb-cursor0 or
libxcb-cursor0 is needed" whatever is missing). :func:`ensure_display` finds out first and
raises a :class:`ClauseDiffError` with a one-line message a user can act on: no display at
all, the display named but unreachable, or the system libraries Qt needs (its X11 plugin's
among them), each with its Debian/Ubuntu and Fedora package.

Only Linux (and the BSDs) is checked, and only for the platforms that need a display
(``xcb``, ``wayland``, or none named); ``offscreen`` and the other headless platforms are
left to Qt. Nothing here imports QtGui before the libraries it needs are known to load.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from clausediff.core.errors import ClauseDiffError

# A shared library Qt needs on Linux -> (Debian/Ubuntu package, Fedora package).
PACKAGES: dict[str, tuple[str, str]] = {
    # Qt's X11 platform plugin (libqxcb.so and libQt6XcbQpa.so)
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    # QtGui itself, whatever the platform
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
}
XCB_LIBRARIES = tuple(name for name in PACKAGES if "xcb" in name or "x11" in name.lower())
_HEADLESS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")


def _no_display(unset: str) -> str:
    return (
        f"no display to open the window on ({unset}); the subcommands and --screenshot "
        "work without one"
    )


def ensure_display(*, headless: bool = False) -> None:
    """Raise :class:`ClauseDiffError` if Qt could not open a window here.

    ``headless`` is true when the caller renders offscreen (``--screenshot``): then only a
    platform named in ``QT_QPA_PLATFORM`` is checked.
    """
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return
    problem = display_problem(os.environ, headless=headless)
    if problem:
        raise ClauseDiffError(problem)


def display_problem(
    env: Mapping[str, str],
    *,
    headless: bool = False,
    loadable: Callable[[str], bool] | None = None,
    plugin_missing: Callable[[], Iterable[str]] | None = None,
) -> str:
    """Why no window can open under ``env`` (empty if it can), without starting Qt.

    ``loadable`` says whether a shared library loads (by default, :func:`ctypes.CDLL`);
    ``plugin_missing`` lists what the X11 plugin's dependencies lack (by default, ``ldd``
    on it). Both are parameters so that a missing library can be tried without removing it.
    """
    loadable = loadable or _loads
    platform = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if platform in _HEADLESS or (headless and not platform):
        return ""
    if platform not in ("", "xcb", "wayland"):
        return ""  # a platform we do not know: Qt says what it lacks
    x11, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if platform == "xcb" and not x11:
        return _no_display("QT_QPA_PLATFORM is xcb and DISPLAY is unset")
    if platform == "wayland" and not wayland:
        return _no_display("QT_QPA_PLATFORM is wayland and WAYLAND_DISPLAY is unset")
    if not x11 and not wayland:
        return _no_display("DISPLAY and WAYLAND_DISPLAY are unset")
    gui_missing = [name for name in _GUI_LIBRARIES if not loadable(name)]
    if gui_missing:
        return missing_message(gui_missing, "Qt cannot start")
    if platform == "wayland" or (not platform and wayland):
        return ""  # (Qt prefers Wayland where it runs; its plugin needs no extra libraries)
    missing = [name for name in XCB_LIBRARIES if not loadable(name)]
    missing += [m for m in (plugin_missing or _plugin_missing)() if m not in missing]
    if missing:
        return missing_message(missing, "Qt cannot open a window on X11")
    if not _x11_reachable(x11):
        return f"cannot connect to the X11 display {x11!r} (is it running, may you use it?)"
    return ""


_GUI_LIBRARIES = (
    "libEGL.so.1",
    "libGL.so.1",
    "libfontconfig.so.1",
    "libxkbcommon.so.0",
    "libglib-2.0.so.0",
)


def missing_message(missing: Iterable[str], what: str) -> str:
    """One line naming the missing libraries and the packages that hold them."""
    names = list(dict.fromkeys(missing))
    debian = " ".join(dict.fromkeys(PACKAGES[n][0] for n in names if n in PACKAGES))
    fedora = " ".join(dict.fromkeys(PACKAGES[n][1] for n in names if n in PACKAGES))
    several = len(names) > 1
    libraries = f"the system {'libraries' if several else 'library'} {', '.join(names)}"
    message = f"{what}: {libraries} {'are' if several else 'is'} missing"
    if debian:
        message += (
            f"; install {'them' if several else 'it'} with 'sudo apt install {debian}' "
            f"(Debian, Ubuntu) or 'sudo dnf install {fedora}' (Fedora)"
        )
    if any(n not in PACKAGES for n in names):
        message += "; install the package that provides each library your system lacks"
    return message + "."


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def xcb_plugin() -> Path | None:
    """Qt's X11 platform plugin, where this Qt looks for its plugins (a bundle included)."""
    from PySide6.QtCore import QLibraryInfo  # (QtCore needs no display library)

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    path = plugins / "platforms" / "libqxcb.so"
    return path if path.is_file() else None


def _plugin_missing() -> list[str]:
    """The libraries ``ldd`` finds missing for the X11 plugin, Qt's own left out."""
    plugin, ldd = xcb_plugin(), shutil.which("ldd")
    if plugin is None or ldd is None:
        return []
    try:
        out = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = re.findall(r"^\s*(\S+) => not found", out, re.MULTILINE)
    return [name for name in found if not name.startswith(("libQt6", "libpyside", "libshiboken"))]


def _x11_reachable(display: str) -> bool:
    """Whether libxcb connects to ``display`` (as Qt will, a moment later)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # (reported as missing above)
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    conn = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(conn) and xcb.xcb_connection_has_error(conn) == 0
    finally:
        if conn:
            xcb.xcb_disconnect(conn)
