"""README's set-up line names every system package a real desktop needs.

The line was tried on a fresh Debian 12 with a display (README.md says how); this keeps
it from losing a package.
"""

from __future__ import annotations

import re

from tests.packaging.conftest import ROOT

# What .ci/run installs so Qt runs at all (offscreen included), and a CJK font.
QT_PACKAGES = {
    "libegl1",
    "libgl1",
    "libglib2.0-0",
    "libfontconfig1",
    "libfreetype6",
    "libxkbcommon0",
    "libdbus-1-3",
    "fonts-wqy-microhei",
}
# Beyond that set: what Qt's xcb platform plugin loads on a real X11 desktop,
# and the venv module stock Debian/Ubuntu leave out.
DESKTOP_PACKAGES = {
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-render-util0",
    "libxcb-randr0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "python3-venv",
}


def _apt_packages(text: str) -> list[set[str]]:
    """The package names of each `apt-get install` command in `text` (continuations joined)."""
    joined = text.replace("\\\n", " ")
    commands = re.findall(r"apt-get install ([^\n]*)", joined)
    # Options, shell variables and redirections are not packages.
    not_packages = ("-", "$", ">", '"$')
    return [{w for w in cmd.split() if not w.startswith(not_packages)} for cmd in commands]


def _set_up_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Set up", 1)[1].split("\n## ", 1)[0]


def test_readme_set_up_has_one_apt_line_with_every_desktop_package():
    lines = _apt_packages(_set_up_section())
    assert len(lines) == 1, "README's set-up should give one apt-get line"
    assert (QT_PACKAGES | DESKTOP_PACKAGES) - lines[0] == set()
