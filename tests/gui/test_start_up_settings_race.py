"""Overlapping launches (bench_launches --overlap): the next launch still knows its user.

The launch harness (tests/gui/app_process.py) writes each launch's settings file,
which names the user, just before starting it, while the previous window may still
be closing. Closing saves the window's shape: QSettings reads the file again when it
changed on disk and writes the merged result over it. Written in place (truncated,
then filled), a file read between the two was empty to the closing window, which
wrote back its window keys alone; the harness's own bytes went to the file it had
replaced. The next launch then knew no user, asked with the first-run dialog, which
the harness never answers (it answers message boxes only): a launch that never shows
its window, with nothing on stderr. (On 8 s of rewrites racing syncs, 18 files came
out without the user.)
"""

from __future__ import annotations

import pathlib
import subprocess

import pytest

from tests.gui import app_process
from tests.gui.app_process import AppProcess


@pytest.fixture
def started(monkeypatch):
    """Every process the harness starts; any left running is killed after the test."""
    children: list[subprocess.Popen] = []
    real_popen = subprocess.Popen

    class Recorded(real_popen):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            children.append(self)

    monkeypatch.setattr(app_process.subprocess, "Popen", Recorded)
    yield children
    for child in children:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=10)


def test_a_launch_started_while_the_last_window_closes_still_knows_its_user(
    desk_db, tmp_path, monkeypatch, started
):
    home = tmp_path / "home"
    closing = AppProcess(desk_db, "Mei Lin", home)
    conf = home / "config" / "newsdesk" / "newsdesk.conf"
    real_write_text = pathlib.Path.write_text

    def write_while_the_window_closes(path, data, *args, **kwargs):
        # The harness begins writing the next launch's settings; the closing window
        # saves its own right then (as under load, with --overlap); then the write ends.
        if path.parent == conf.parent and closing.child.poll() is None:
            with open(path, "w", encoding="utf-8") as handle:  # as write_text opens it
                closing.child.stdin.write("quit\n")
                closing.child.stdin.flush()
                assert closing.child.wait(timeout=30) == 0
                return handle.write(data)
        return real_write_text(path, data, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "write_text", write_while_the_window_closes)
    try:
        launch = AppProcess(desk_db, "Mei Lin", home)
    except TimeoutError:
        pytest.fail(f"the next launch showed no window; its settings: {conf.read_text()!r}")
    assert closing.child.returncode == 0  # the interleaving did happen
    assert "name=Mei Lin" in conf.read_text(encoding="utf-8")
    assert launch.ready["ready"]
    assert launch.quit() == 0
