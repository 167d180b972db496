"""Who the app is to the desktop: its name, its icon and its desktop entry.

The desktop entry (packaging/linux/org.newsdesk.newsdesk.desktop) and the icons in
resources/icons/app are what a dock, a task switcher or a Wayland compositor match the
running window against; Qt tells them through the desktop file name and the window icon.
"""

from __future__ import annotations

import functools
from importlib.resources import files

from PySide6.QtGui import QGuiApplication, QIcon, QPixmap

APP_NAME = "newsdesk"
ORGANIZATION = "newsdesk"
DESKTOP_FILE_NAME = "org.newsdesk.newsdesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@functools.cache
def app_icon() -> QIcon:
    """The app's own icon, every size the resources ship (crisp at any scale)."""
    folder = files("newsdesk_resources") / "icons" / "app"
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap()
        if pixmap.loadFromData((folder / f"newsdesk-{size}.png").read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon


def identify(app: QGuiApplication) -> None:
    """Name the application, give it its icon and its desktop entry."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())


def window_title(*parts: str) -> str:
    """A window title that names the app once.

    Qt's window platforms append the display name to a title that does not already
    end with it ("newsdesk — Mei Lin" became "newsdesk — Mei Lin — newsdesk"), so the
    app's name goes last, and only there.
    """
    shown = [p for p in parts if p and p != APP_NAME]
    return " — ".join([*shown, APP_NAME])
