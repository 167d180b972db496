"""What the app remembers between runs: the user, the window's shape, the last article.

The last article is remembered per database: article 3 of one newsroom is not
article 3 of another, so each newsroom (a file, or a team base's address) has its own
key. Geometry comes back only as far as the screen allows: a window remembered on a
larger screen, or at another scale factor, is fitted onto the screen it opens on.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

USER_KEY = "user/name"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
SPLITTER_KEY = "window/splitter"
SIDE_SPLITTER_KEY = "window/side_splitter"  # credits over notes
PANES_KEY = "window/panes"
LAST_ARTICLE_GROUP = "last_article"


def database_key(location: str) -> str:
    """A settings key for one newsroom: a digest of where it lives (a path or a URL
    holds characters QSettings treats as groups). A file is known by its full path,
    however it was named on the command line."""
    if location and "://" not in location:
        location = str(Path(location).resolve())
    return hashlib.sha256(location.encode("utf-8")).hexdigest()[:16]


class WindowState:
    def __init__(self, settings: QSettings, database: str = "") -> None:
        self.settings = settings
        self._article_key = f"{LAST_ARTICLE_GROUP}/{database_key(database)}"

    def user(self) -> str:
        return str(self.settings.value(USER_KEY, "", str))

    def remember_user(self, name: str) -> None:
        self.settings.setValue(USER_KEY, name)

    def last_article_id(self) -> int | None:
        value = self.settings.value(self._article_key)
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def remember_article(self, article_id: int) -> None:
        self.settings.setValue(self._article_key, article_id)

    def panes(self) -> str:
        """What the adaptive layout last recorded (see gui/pane_layout.py)."""
        return str(self.settings.value(PANES_KEY, "", str))

    def restore(
        self, window: QMainWindow, splitter: QSplitter, side: QSplitter | None = None
    ) -> None:
        """Geometry, toolbars and splitter sizes as last left, fitted to the screen."""
        for key, apply in (
            (GEOMETRY_KEY, window.restoreGeometry),
            (STATE_KEY, window.restoreState),
            (SPLITTER_KEY, splitter.restoreState),
            (SIDE_SPLITTER_KEY, side.restoreState if side is not None else None),
        ):
            value = self.settings.value(key)
            if apply is not None and isinstance(value, QByteArray):
                apply(value)
        keep_on_screen(window)

    def save(
        self, window: QMainWindow, splitter: QSplitter, panes: str, side: QSplitter | None = None
    ) -> None:
        self.settings.setValue(GEOMETRY_KEY, window.saveGeometry())
        self.settings.setValue(STATE_KEY, window.saveState())
        self.settings.setValue(SPLITTER_KEY, splitter.saveState())
        if side is not None:
            self.settings.setValue(SIDE_SPLITTER_KEY, side.saveState())
        self.settings.setValue(PANES_KEY, panes)
        self.settings.sync()


def keep_on_screen(window: QWidget) -> None:
    """Fit `window`, frame included, into the available area of the screen it is on:
    no larger than that area, and wholly inside it."""
    screen = QGuiApplication.screenAt(window.geometry().center()) or window.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    # The frame (title bar, borders) must fit too; before the first show it is not
    # known yet and equals the geometry.
    extra_width = frame.width() - window.width()
    extra_height = frame.height() - window.height()
    width = max(1, min(window.width(), area.width() - extra_width))
    height = max(1, min(window.height(), area.height() - extra_height))
    window.resize(width, height)
    width, height = window.width() + extra_width, window.height() + extra_height
    x = max(area.left(), min(frame.left(), area.right() + 1 - width))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - height))
    window.move(x, y)  # a top-level window's position is its frame's


class KeepsOnScreen(QObject):
    """Keeps `window` on its screen when it is shown. A window manager adds its frame
    (title bar, borders) only after the show, so the window is fitted again once the
    frame is known: at the first move or resize that reveals it, or a second later."""

    FRAME_WAIT_MS = 1000

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._armed = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window and kind == QEvent.Type.Show:
            keep_on_screen(self._window)
            self._armed = True
            QTimer.singleShot(self.FRAME_WAIT_MS, self._fit_once)
        elif (
            self._armed
            and kind in (QEvent.Type.Move, QEvent.Type.Resize)
            and self._window.frameGeometry().size() != self._window.size()
        ):
            QTimer.singleShot(0, self._fit_once)  # not inside the event it answers
        return False

    def _fit_once(self) -> None:
        if self._armed:
            self._armed = False
            keep_on_screen(self._window)
