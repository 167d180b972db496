"""Runs x11/keys_under_x11.py on a real X server (Xvfb), where Qt uses X11's keys."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.desktop import private_x_server

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def x_display():
    if shutil.which("Xvfb") is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is not installed: .ci/run installs it")
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    with private_x_server() as display:
        yield display


def test_keys_under_x11(x_display):
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display, "PYTHONPATH": str(ROOT)}
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("XDG_CURRENT_DESKTOP", None)  # no desktop: Qt's plain X11 key bindings
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(Path(__file__).parent / "x11" / "keys_under_x11.py"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "passed" in result.stdout and "skipped" not in result.stdout
