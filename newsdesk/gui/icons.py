"""Toolbar icons: the SVG files in newsdesk_resources/icons, drawn in the palette's colours.

The SVGs draw with `currentColor`. Qt's SVG renderer has no notion of a current colour
(it would draw black, invisible on a dark theme), so each icon is drawn in each mode with
the palette's text colour put in its place, when it is first shown at a size.
"""

from __future__ import annotations

import functools
import logging
from importlib.resources import files

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
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
    (default: the application's). An unknown name gives an empty icon and a log line.

    Drawn when first shown, at the size and mode shown: drawing every size in every
    mode up front was 176 SVG renders for the toolbar, 20 ms of each start."""
    try:
        source = _svg_source(name)
    except FileNotFoundError:
        log.warning("no icon named %r", name)
        return QIcon()
    palette = palette or QGuiApplication.palette()
    colours = {
        mode: palette.color(group, QPalette.ColorRole.WindowText).name() for mode, group in _MODES
    }
    return QIcon(_PaletteSvgEngine(source, colours))


class _PaletteSvgEngine(QIconEngine):
    """The SVG drawn in each mode's colour, at whatever size is asked, once each."""

    def __init__(self, source: str, colours: dict[QIcon.Mode, str]) -> None:
        super().__init__()
        self._source = source
        self._colours = colours
        self._drawn: dict[tuple[int, int, QIcon.Mode], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return _PaletteSvgEngine(self._source, self._colours)

    def availableSizes(self, mode=QIcon.Mode.Normal, state=QIcon.State.Off) -> list[QSize]:
        return [QSize(size, size) for size in _SIZES]

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        key = (side, side, mode)
        if key not in self._drawn:
            colour = self._colours.get(mode, self._colours[QIcon.Mode.Normal])
            renderer = QSvgRenderer(
                QByteArray(self._source.replace("currentColor", colour).encode())
            )
            pixmap = QPixmap(side, side)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, side, side))
            painter.end()
            self._drawn[key] = pixmap
        return self._drawn[key]

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        # A high-DPI screen: drawn at its device pixels, not a small pixmap scaled up.
        pixmap = QPixmap(self.pixmap(size * scale, mode, state))
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))
