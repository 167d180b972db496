"""What the app remembers between runs: the user, the window's shape, the last article."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QSplitter

USER_KEY = "user/name"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
SPLITTER_KEY = "window/splitter"
LAST_ARTICLE_KEY = "window/last_article"
PREVIEW_KEY = "window/preview_visible"


class WindowState:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def user(self) -> str:
        return str(self.settings.value(USER_KEY, "", str))

    def remember_user(self, name: str) -> None:
        self.settings.setValue(USER_KEY, name)

    def last_article_id(self) -> int | None:
        value = self.settings.value(LAST_ARTICLE_KEY)
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def remember_article(self, article_id: int) -> None:
        self.settings.setValue(LAST_ARTICLE_KEY, article_id)

    def restore(self, window: QMainWindow, splitter: QSplitter, preview: QAction) -> None:
        """Geometry, toolbars, splitter sizes and the preview toggle as last left."""
        for key, apply in (
            (GEOMETRY_KEY, window.restoreGeometry),
            (STATE_KEY, window.restoreState),
            (SPLITTER_KEY, splitter.restoreState),
        ):
            value = self.settings.value(key)
            if isinstance(value, QByteArray):
                apply(value)
        preview.setChecked(bool(self.settings.value(PREVIEW_KEY, True, bool)))

    def save(self, window: QMainWindow, splitter: QSplitter, preview: QAction) -> None:
        self.settings.setValue(GEOMETRY_KEY, window.saveGeometry())
        self.settings.setValue(STATE_KEY, window.saveState())
        self.settings.setValue(SPLITTER_KEY, splitter.saveState())
        self.settings.setValue(PREVIEW_KEY, preview.isChecked())
        self.settings.sync()
