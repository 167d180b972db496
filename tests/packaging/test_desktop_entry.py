"""The menu entry, icons and AppStream metainfo, and the script that installs them.

install-desktop.sh is run as a user runs it, into a scratch XDG data folder; the
installed entry is then launched by GLib's launcher (what GNOME and most menus use),
which proves its Exec line survives spaces, quotes, $ and % in the program's path.
"""

from __future__ import annotations

import functools
import os
import re
import struct
import subprocess
import time
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT, need_tool

APP_ID = "org.newsdesk.newsdesk"
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
INSTALLER = ROOT / "packaging" / "install-desktop.sh"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def desktop_keys(path: Path) -> dict[str, str]:
    """Key -> value, string escapes (\\s, \\\\ ...) undone as the specification says."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    pairs = (line.split("=", 1) for line in lines[1:] if "=" in line)
    unescape = functools.partial(re.sub, r"\\(.)", lambda m: STRING_ESCAPES[m[1]])
    return {key: unescape(value) for key, value in pairs}


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def install(data_dir: Path, *args: str, path: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": path if path is not None else os.environ["PATH"]}
    return subprocess.run(
        ["bash", str(INSTALLER), "--data-dir", str(data_dir), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """A stand-in for newsdesk in an awkward folder; it records that it was started."""
    folder = tmp_path / 'My Apps $HOME "x" `y` \\z'
    folder.mkdir()
    script = folder / "newsdesk"
    script.write_text(f'#!/bin/sh\necho "started $#" > "{tmp_path}/started"\n', encoding="utf-8")
    script.chmod(0o755)
    return script


def test_the_entry_names_the_apps_own_icon_and_validates():
    keys = desktop_keys(DESKTOP)
    assert keys["Icon"] == APP_ID  # the icon installed under the app's id, not a stock one
    assert keys["Exec"] == "newsdesk"
    validator = need_tool("desktop-file-validate")
    result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout


def test_the_metainfo_validates_and_launches_the_entry():
    text = METAINFO.read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text
    appstreamcli = need_tool("appstreamcli")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", "--pedantic", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Only the one expected note (see the comment beside <developer> in the file).
    notes = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:", "I:", "P:")]
    assert all("unknown-tag developer" in line for line in notes), notes


@pytest.fixture
def installed(tmp_path, program) -> Path:
    """The share folder after `install-desktop.sh --data-dir ... --exec PROGRAM`."""
    share = tmp_path / "share"
    result = install(share, "--exec", str(program))
    assert result.returncode == 0, result.stderr
    return share


def test_install_puts_entry_icons_and_metainfo_where_the_desktop_looks(installed, program):
    entry = installed / "applications" / f"{APP_ID}.desktop"
    assert desktop_keys(entry)["TryExec"] == str(program)
    assert desktop_keys(entry)["Icon"] == APP_ID
    metainfo = installed / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert metainfo.read_bytes() == METAINFO.read_bytes()
    # The icon theme specification's places: hicolor/<size>x<size>/apps and scalable/apps.
    hicolor = installed / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in SIZES:
        assert png_size(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (size, size)


def test_the_installed_entry_validates(installed):
    validator = need_tool("desktop-file-validate")
    entry = installed / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run([validator, str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout


def test_the_installed_entry_starts_the_program_as_a_menu_does(installed, tmp_path):
    gio = need_tool("gio")  # GLib's desktop entry launcher: it parses Exec as menus do
    entry = installed / "applications" / f"{APP_ID}.desktop"
    subprocess.run([gio, "launch", str(entry)], check=True, timeout=30)
    started = tmp_path / "started"
    deadline = time.monotonic() + 10
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert started.read_text(encoding="utf-8") == "started 0\n"


def test_user_install_defaults_to_xdg_data_home(tmp_path, program):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    result = subprocess.run(
        ["bash", str(INSTALLER), "--user", "--exec", str(program)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "xdg" / "applications" / f"{APP_ID}.desktop").is_file()


def test_without_a_program_install_says_so_and_writes_nothing(tmp_path):
    share = tmp_path / "share"
    result = install(share, path="/usr/bin:/bin")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no newsdesk program found" in result.stderr
    assert not share.exists()


def test_the_entry_runs_the_newsdesk_on_path_by_absolute_path(tmp_path, program):
    result = install(tmp_path / "share", path=f"{program.parent}:/usr/bin:/bin")
    assert result.returncode == 0, result.stderr
    entry = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    assert desktop_keys(entry)["TryExec"] == str(program)


def test_a_program_path_with_percent_is_refused_before_anything_is_written(tmp_path):
    folder = tmp_path / "100%"
    folder.mkdir()
    (folder / "newsdesk").write_text("#!/bin/sh\n", encoding="utf-8")
    (folder / "newsdesk").chmod(0o755)
    result = install(tmp_path / "share", "--exec", str(folder / "newsdesk"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "cannot be started from a menu" in result.stderr
    assert not (tmp_path / "share").exists()


def test_uninstall_takes_away_everything_install_put_there(tmp_path, program):
    share = tmp_path / "share"
    assert install(share, "--exec", str(program)).returncode == 0
    result = install(share, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert [p for p in share.rglob("*") if p.is_file()] == []
