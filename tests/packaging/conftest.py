"""Fixtures for the packaging tests: the source tree, a virtual X display, the frozen app.

The frozen-app smoke test runs only when NEWSDESK_FROZEN_APP names the folder that
packaging/build.sh made (dist/newsdesk); building it takes minutes, so the default run
skips it. `NEWSDESK_PACKAGING=1 bash .ci/run` builds the app and runs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desktop import private_x_server

ROOT = Path(__file__).resolve().parents[2]
FROZEN_ENV = "NEWSDESK_FROZEN_APP"


def need_tool(name: str) -> str:
    """The tool's path; skips the test (naming the Debian package) when it is absent."""
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (NEWSDESK_PACKAGING=1 .ci/run installs it)")
    return found


@pytest.fixture(scope="session")
def frozen_app() -> Path:
    """The built app's executable, when asked for; a named folder without it fails."""
    folder = os.environ.get(FROZEN_ENV)
    if not folder:
        pytest.skip(f"set {FROZEN_ENV}=dist/newsdesk after packaging/build.sh to smoke-test it")
    executable = Path(folder).resolve() / "newsdesk"
    assert executable.is_file(), f"{FROZEN_ENV}={folder} holds no newsdesk executable"
    return executable


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    """A private Xvfb server (an X display in memory): the app gets the xcb platform a
    desktop uses, and xdotool can type into it as a person would."""
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        pytest.fail("the frozen-app smoke needs Xvfb and xdotool: apt-get install xvfb xdotool")
    with private_x_server() as display:
        yield display
