"""One version: newsdesk/__init__.py. Everything that prints or records it agrees."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path
from xml.etree import ElementTree

from newsdesk import __version__
from tests.packaging.conftest import ROOT

APP_ID = "org.newsdesk.newsdesk"


def test_pyproject_reads_the_version_from_the_package():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"], "the version is written twice"
    assert "version" in project["project"]["dynamic"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "newsdesk.__version__"}


def test_newsdesk_version_prints_it():
    # The `newsdesk` command pip installed beside this Python, as a user runs it.
    command = Path(sys.executable).parent / "newsdesk"
    result = subprocess.run([str(command), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"newsdesk {__version__}\n"


def test_the_changelog_and_the_metainfo_name_this_version_as_the_newest():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d[^\]]*)\]", changelog, flags=re.MULTILINE)
    assert released and released[0] == __version__
    metainfo = ElementTree.parse(ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml")
    releases = [release.get("version") for release in metainfo.iterfind("releases/release")]
    assert releases and releases[0] == __version__
