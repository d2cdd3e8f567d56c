"""A first start that works: no display, or a Qt platform library missing, gives a message
and exit status 2 before Qt is started, never Qt's abort (a core dump, exit status 134)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clausediff.__main__ import main_app
from clausediff.gui.display import PACKAGES, XCB_LIBRARIES, display_problem, xcb_plugin

_NO_DISPLAY = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}


def _start(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in _NO_DISPLAY}
    return subprocess.run(
        [sys.executable, "-m", "clausediff", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**clean, **env},
    )


def test_no_display_is_one_line_and_status_2() -> None:
    result = _start()
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("clausediff: no display to open the window on")
    assert "DISPLAY and WAYLAND_DISPLAY are unset" in lines[0]


def test_no_display_with_x11_asked_for() -> None:
    result = _start("WT/L/843", "WT/L/907", QT_QPA_PLATFORM="xcb")
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        "clausediff: no display to open the window on (QT_QPA_PLATFORM is xcb and DISPLAY "
        "is unset); the subcommands and --screenshot work without one"
    ]


def test_an_unreachable_display_is_a_message_too() -> None:
    """A display that no X server answers: Qt would abort; the check says so first."""
    result = _start(DISPLAY=":987", QT_QPA_PLATFORM="xcb")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("clausediff: ")
    if all(_loads(name) for name in XCB_LIBRARIES):
        assert result.stderr.splitlines() == [
            "clausediff: cannot connect to the X11 display ':987' (is it running, may you use it?)"
        ]
    else:  # (this machine lacks some of Qt's X11 libraries: they are named instead)
        assert "sudo apt install" in result.stderr and len(result.stderr.splitlines()) == 1


def test_the_commands_and_the_screenshot_need_no_display(tmp_path: Path) -> None:
    assert _start("segments", "WT/L/274").returncode == 0
    out = tmp_path / "shot.png"
    result = _start("--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000


def test_the_app_entry_point_never_runs_a_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``clausediff-app library`` opens the window on a version named "library"."""
    for name in _NO_DISPLAY:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "argv", ["clausediff-app", "library"])
    assert main_app() == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # (the library command would have printed its table)
    assert captured.err.startswith("clausediff: no display")


def test_without_a_console_the_app_shows_why_it_cannot_start(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Windows' clausediff-app.exe and a macOS .app have no stderr: the error is a message box."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    for name in _NO_DISPLAY:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "argv", ["clausediff-app"])
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        shown.append(f"{box.windowTitle()}: {box.text()}")
        box.done(0)

    QTimer.singleShot(0, read_and_close)
    assert main_app() == 2
    assert len(shown) == 1
    assert shown[0].startswith("ClauseDiff could not start: clausediff: no display")


# ------------------------------------------------------------------ the check itself


def _loads(name: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def _without(*missing: str):  # type: ignore[no-untyped-def]
    return lambda name: name not in missing


X11 = {"DISPLAY": ":0"}


def test_missing_x11_libraries_are_named_with_their_packages() -> None:
    """What a fresh Debian lacked: Qt blamed libxcb-cursor0, which was installed."""
    message = display_problem(
        X11,
        loadable=_without("libxcb-icccm.so.4", "libxcb-keysyms.so.1"),
        plugin_missing=list,
    )
    assert message == (
        "Qt cannot open a window on X11: the system libraries libxcb-icccm.so.4, "
        "libxcb-keysyms.so.1 are missing; install them with 'sudo apt install libxcb-icccm4 "
        "libxcb-keysyms1' (Debian, Ubuntu) or 'sudo dnf install xcb-util-wm xcb-util-keysyms' "
        "(Fedora)."
    )
    assert "cursor" not in message


def test_a_library_only_ldd_knows_of_is_named_as_is() -> None:
    message = display_problem(X11, loadable=_without(), plugin_missing=lambda: ["libxcb-foo.so.9"])
    assert message == (
        "Qt cannot open a window on X11: the system library libxcb-foo.so.9 is missing; "
        "install the package that provides each library your system lacks."
    )


def test_missing_qt_gui_libraries_are_named_on_any_platform() -> None:
    message = display_problem(
        {"WAYLAND_DISPLAY": "wayland-0"}, loadable=_without("libEGL.so.1"), plugin_missing=list
    )
    assert message == (
        "Qt cannot start: the system library libEGL.so.1 is missing; install it with "
        "'sudo apt install libegl1' (Debian, Ubuntu) or 'sudo dnf install libglvnd-egl' (Fedora)."
    )


@pytest.mark.parametrize(
    ("env", "headless"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "minimal"}, False),
        ({}, True),  # --screenshot: offscreen unless a platform is named
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),  # Qt uses Wayland: X11's libraries not needed
        ({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, False),
    ],
)
def test_no_check_where_no_x11_window_is_opened(env: dict[str, str], headless: bool) -> None:
    nothing_loads = _without(*PACKAGES)

    def no_ldd() -> list[str]:
        raise AssertionError("the X11 plugin was looked at")

    if "WAYLAND_DISPLAY" in env:  # (Qt's own libraries are still needed there)
        nothing_loads = _without()
    assert (
        display_problem(env, headless=headless, loadable=nothing_loads, plugin_missing=no_ldd) == ""
    )


def test_a_named_platform_is_checked_even_for_a_screenshot() -> None:
    assert "QT_QPA_PLATFORM is xcb" in display_problem({"QT_QPA_PLATFORM": "xcb"}, headless=True)


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd")
def test_every_x11_library_of_this_qt_plugin_has_its_packages() -> None:
    """The table follows the libqxcb.so this PySide6 ships (found or not on this machine)."""
    plugin = xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    needed = {line.split()[0] for line in out.splitlines() if "=>" in line}
    x11 = {n for n in needed if "xcb" in n or "xkb" in n or n.startswith("libX11")}
    assert {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"} <= x11
    assert x11 - set(PACKAGES) == set()
    assert x11 - {"libxkbcommon.so.0"} <= set(XCB_LIBRARIES)  # (QtGui's, checked everywhere)
