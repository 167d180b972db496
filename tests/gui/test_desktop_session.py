"""The app as a reporter meets it on a Linux desktop: its own process, a real X server
(Xvfb) with a window manager (openbox), and keys typed through X (xdotool), at the two
window sizes reporters use, 900×600 and 1,360×800.

Offscreen tests send Qt key events straight to a widget; here every key goes through
the X server, the window manager's focus and Qt's xcb input, as a keyboard's do. The
article written is then read back with the command line, in another process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desktop import fresh_user_env, private_x_server, wait_for_window

ROOT = Path(__file__).resolve().parents[2]
REPORTER = "Mei Lin"
TOOLS = ("Xvfb", "openbox", "xdotool")


def _missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@pytest.fixture(scope="module")
def desktop(tmp_path_factory) -> Iterator[str]:
    """An X display with a window manager running on it."""
    if missing := _missing_tools():
        message = f"needs {', '.join(missing)} (apt-get install xvfb openbox xdotool)"
        if os.environ.get("CI"):
            pytest.fail(message)  # .ci/run installs them: a missing one is a broken CI
        pytest.skip(message)
    ready = tmp_path_factory.mktemp("openbox") / "ready"
    with private_x_server("1600x1000x24") as display:
        manager = subprocess.Popen(
            ["openbox", "--sm-disable", "--startup", f"touch {ready}"],
            env={**os.environ, "DISPLAY": display},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for_window_manager(ready)
            yield display
        finally:
            manager.terminate()
            manager.wait(10)


def _wait_for_window_manager(ready: Path) -> None:
    # Openbox runs its --startup command once it manages the screen.
    deadline = time.monotonic() + 20
    while not ready.exists():
        assert time.monotonic() < deadline, "openbox did not start"
        time.sleep(0.1)


def _env(home: Path, display: str | None = None) -> dict[str, str]:
    env = fresh_user_env(home, PYTHONPATH=str(ROOT))
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("XDG_CURRENT_DESKTOP", None)
    if display is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
    return env


def _cli(home: Path, db: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", *args, "--db", str(db)],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


class Desk:
    """The app's window on the X display, driven through xdotool."""

    def __init__(self, display: str, process: subprocess.Popen, title: str) -> None:
        self.env = {**os.environ, "DISPLAY": display}
        self.process = process
        self.window = wait_for_window(display, title, process)

    def _xdotool(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def size(self) -> tuple[int, int]:
        shape = dict(
            line.split("=", 1)
            for line in self._xdotool("getwindowgeometry", "--shell", self.window).split()
        )
        return int(shape["WIDTH"]), int(shape["HEIGHT"])

    def resize(self, width: int, height: int) -> None:
        self._xdotool("windowsize", "--sync", self.window, str(width), str(height))
        self.activate()

    def activate(self) -> None:
        self._xdotool("windowactivate", "--sync", self.window)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._xdotool("key", "--clearmodifiers", key)
            time.sleep(0.05)

    def type(self, text: str) -> None:
        self._xdotool("type", "--delay", "15", text)


@pytest.fixture
def newsroom(tmp_path: Path) -> tuple[Path, Path]:
    """A reporter's computer: a newsroom file with her login, a home that has run the
    app before (no first-run question)."""
    home = tmp_path / "home"
    (home / "config" / "newsdesk").mkdir(parents=True)
    db = tmp_path / "desk.db"
    _cli(home, db, "users", "add", REPORTER, "--role", "reporter")
    (home / "config" / "newsdesk" / "newsdesk.conf").write_text(
        f"[user]\nname={REPORTER}\n", encoding="utf-8"
    )
    return home, db


def _open_app(desktop: str, home: Path, db: Path) -> Desk:
    process = subprocess.Popen(
        [sys.executable, "-m", "newsdesk", "--db", str(db)],
        env=_env(home, desktop),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return Desk(desktop, process, f"{REPORTER} — {db.name} — newsdesk")


def _wait_until(condition, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def _quit(desk: Desk) -> None:
    desk.activate()
    desk.keys("ctrl+q")
    try:
        _out, err = desk.process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        desk.process.kill()
        raise
    assert desk.process.returncode == 0, err[-2000:]


@pytest.mark.parametrize("size", [(900, 600), (1360, 800)], ids=["900x600", "1360x800"])
def test_a_reporter_writes_an_article_with_the_keyboard_on_a_desktop(desktop, newsroom, size):
    home, db = newsroom
    desk = _open_app(desktop, home, db)
    try:
        desk.resize(*size)
        assert desk.size() == size
        desk.keys("ctrl+n")  # a new draft, stored at once, its headline field focused
        _wait_until(lambda: _cli(home, db, "list", "--json") != "[]\n")
        desk.type("Ferry back on Monday")
        # Tab through the fields to the body: section, date, calendar, source, language,
        # the address's Change…, then the body (the formatting bar takes no Tab stop).
        desk.keys(*["Tab"] * 7)
        desk.type("The pier reopened. ")
        desk.keys("ctrl+b")
        desk.type("Tickets")
        desk.keys("ctrl+b")
        desk.type(" online.")
        # Alt+A: a new credit row, its role focused; Tab to its names; Return keeps one.
        desk.keys("alt+a")
        desk.type("Photography")
        desk.keys("Tab")
        desk.type("Li Ting")
        desk.keys("Return", "ctrl+s")
        # The store has it once the save lands; then Ctrl+Q quits cleanly.
        listed: list[dict] = []

        def saved() -> bool:
            listed[:] = json.loads(_cli(home, db, "list", "--json"))
            return bool(listed) and listed[0]["revision"] >= 2

        _wait_until(saved)
    finally:
        if desk.process.poll() is None:
            _quit(desk)
    shown = json.loads(_cli(home, db, "show", str(listed[0]["id"]), "--json"))
    assert shown["headline"] == "Ferry back on Monday"
    assert shown["body"].strip() == "The pier reopened. **Tickets** online."
    assert shown["status"] == "draft"
    assert shown["credits"] == [
        {"role": "Reporter", "names": [REPORTER]},
        {"role": "Photography", "names": ["Li Ting"]},
    ]
