"""Toolbar icons: the SVG files in newsdesk_resources/icons, drawn in the palette's colours.

The SVGs draw with `currentColor`. Qt's SVG renderer has no notion of a current colour
(it would draw black, invisible on a dark theme), so each icon is drawn once per mode
with the palette's text colour put in its place.
"""

from __future__ import annotations

import functools
import logging
from importlib.resources import files

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

_SIZES = (16, 24, 32, 48)
_MODES = (
    (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
    (QIcon.Mode.Active, QPalette.ColorGroup.Active),
    (QIcon.Mode.Selected, QPalette.ColorGroup.Active),
    (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
)


@functools.cache
def _svg_source(name: str) -> str:
    return (files("newsdesk_resources") / "icons" / f"{name}.svg").read_text(encoding="utf-8")


def icon_names() -> list[str]:
    folder = files("newsdesk_resources") / "icons"
    return sorted(e.name.removesuffix(".svg") for e in folder.iterdir() if e.name.endswith(".svg"))


def icon(name: str, palette: QPalette | None = None) -> QIcon:
    """The icon `name` (a file name in resources/icons without .svg) for `palette`
    (default: the application's). An unknown name gives an empty icon and a log line."""
    try:
        source = _svg_source(name)
    except FileNotFoundError:
        log.warning("no icon named %r", name)
        return QIcon()
    palette = palette or QGuiApplication.palette()
    result = QIcon()
    for mode, group in _MODES:
        colour = palette.color(group, QPalette.ColorRole.WindowText).name()
        renderer = QSvgRenderer(QByteArray(source.replace("currentColor", colour).encode()))
        for size in _SIZES:
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            result.addPixmap(pixmap, mode)
    return result
