"""The app icon's PNGs are the SVG rendered by packaging/make_icons.py, at every size.

A changed SVG without re-running the script fails here, so the menu never shows an
old picture. Rendering differs slightly between Qt versions, hence the tolerance.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT

ICONS = ROOT / "resources" / "icons" / "app"
# Mean difference per channel, on 0..255, above which two renderings are different pictures.
TOLERANCE = 2.0


def _make_icons_module():
    script = ROOT / "packaging" / "make_icons.py"
    spec = importlib.util.spec_from_file_location("make_icons", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_icons = _make_icons_module()


def _mean_difference(a: Path, b: Path) -> float:
    from PySide6.QtGui import QImage

    first = QImage(str(a)).convertToFormat(QImage.Format.Format_RGBA8888)
    second = QImage(str(b)).convertToFormat(QImage.Format.Format_RGBA8888)
    assert first.size() == second.size(), (a, b)
    left, right = bytes(first.constBits()), bytes(second.constBits())
    return sum(abs(x - y) for x, y in zip(left, right, strict=True)) / len(left)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    make_icons.make_icons(out)
    return out


@pytest.mark.parametrize("size", make_icons.SIZES)
def test_each_png_is_the_svg_at_its_size(fresh, size):
    committed = ICONS / make_icons.png_name(size)
    assert committed.is_file(), "run: python packaging/make_icons.py"
    difference = _mean_difference(committed, fresh / make_icons.png_name(size))
    assert difference <= TOLERANCE, f"{committed.name} is stale: python packaging/make_icons.py"


def test_a_changed_svg_is_noticed(tmp_path):
    """The comparison above can fail: a recoloured tile differs well past the tolerance."""
    svg = (ICONS / "newsdesk.svg").read_text(encoding="utf-8").replace("#2f6db5", "#b52f2f")
    changed = tmp_path / "changed.svg"
    changed.write_text(svg, encoding="utf-8")
    make_icons.make_icons(tmp_path, svg=changed, sizes=(48,))
    assert _mean_difference(ICONS / "newsdesk-48.png", tmp_path / "newsdesk-48.png") > TOLERANCE
