from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

# Qt must never try to open a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the user's real newsroom, settings or logs: every per-user
# folder (platformdirs and QSettings follow XDG on Linux) points into a scratch dir.
_SCRATCH = tempfile.mkdtemp(prefix="newsdesk-tests-")
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_SCRATCH, _var.lower())
os.environ.pop("NEWSDESK_DB", None)
os.environ.pop("NEWSDESK_USER", None)

# Property tests explore new examples on developers' machines; in CI they replay a
# fixed set (derandomize), so a landing never depends on the luck of one run. What
# exploration finds locally becomes a regular test.
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def read_only():
    """`read_only(*paths)` makes files refuse writes as a read-only disk does, even to
    a process that has them open: `chattr +i` as root (root ignores permissions),
    else the permission bits (which bind new opens only). Undone after the test."""
    changed: list[tuple[Path, str]] = []

    def make(*paths: Path, running: bool = False) -> None:
        for path in paths:
            if os.geteuid() == 0:
                done = shutil.which("chattr") and subprocess.run(
                    ["chattr", "+i", str(path)], capture_output=True
                )
                if not done or done.returncode != 0:
                    pytest.skip("running as root without chattr +i on this file system")
                changed.append((path, "chattr"))
            elif running:
                pytest.skip("only root can take write access from an open file (chattr +i)")
            else:
                changed.append((path, oct(path.stat().st_mode)))
                path.chmod(0o444)

    yield make
    for path, how in reversed(changed):
        if how == "chattr":
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        else:
            path.chmod(int(how, 8))
