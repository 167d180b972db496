"""Render the app icon's PNG sizes from its SVG (resources/icons/app/newsdesk.svg).

    python packaging/make_icons.py            # writes resources/icons/app/newsdesk-N.png
    python packaging/make_icons.py --out DIR  # writes them into DIR instead

Run it after changing the SVG and commit the PNGs: the desktop install step and the
frozen build copy them as they are, so neither needs an SVG renderer on the target.
Qt's own SVG renderer (QtSvg, part of PySide6-Essentials) draws them, so making the
icons needs nothing the app does not already depend on. tests/packaging/test_icons.py
fails when the PNGs no longer match the SVG.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "app" / "newsdesk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_name(size: int) -> str:
    return f"newsdesk-{size}.png"


def render(svg: Path, size: int):  # -> QImage (Qt is imported late, see main)
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def make_icons(out: Path, svg: Path = SVG, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    # A headless Qt: making icons needs no display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        target = out / png_name(size)
        if not render(svg, size).save(str(target), "PNG"):
            raise SystemExit(f"make_icons: could not write {target}")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SVG.parent, help="folder for the PNGs")
    args = parser.parse_args(argv)
    for path in make_icons(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
