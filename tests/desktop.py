"""A desktop for the tests that run the app as its own process: a private X server in
memory (Xvfb), and a user's environment with nothing of their own yet."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def private_x_server(screen: str = "1400x900x24") -> Iterator[str]:
    """An Xvfb server on a display number it picks itself; yields ":N"."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", screen, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()
        assert number, "Xvfb did not report its display"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def fresh_user_env(home: Path, **extra: str) -> dict[str, str]:
    """This environment for a user with every per-user folder under `home`, no
    NEWSDESK_ settings, no Qt platform chosen, and `extra` on top."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSDESK_")}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        LANG="C.UTF-8",
    )
    env.pop("QT_QPA_PLATFORM", None)
    env.update(extra)
    return env


def windows_titled(display: str, title: str) -> list[str]:
    """The ids of the shown windows on `display` whose title starts with `title`."""
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", f"^{title}"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
    )
    return found.stdout.split()


def wait_for_window(display: str, title: str, process: subprocess.Popen | None) -> str:
    """The window's id once it is mapped; `process` (when we own it) must not die first."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process is not None:
            assert process.poll() is None, f"the app exited early: {process.communicate()}"
        if windows := windows_titled(display, title):
            return windows[0]
        time.sleep(0.2)
    raise AssertionError(f"no window titled {title!r} within 60 s")
