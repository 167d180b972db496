"""Help › Language: the system's language, English or 简体中文, from the next start.

Each language is offered in its own name, so a person who cannot read the current
interface still finds theirs. The choice is kept in the settings; the window says
that it applies when newsdesk starts again (widgets are built with their words, and
a half-translated window would be worse than one restart).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from newsdesk.gui.i18n.language import (
    LANGUAGES,
    SYSTEM,
    choose_language,
    chosen_language,
)


class LanguageMenu(QMenu):
    """The Language submenu; `actions_by_code` holds one checkable action per choice."""

    def __init__(self, settings: QSettings, parent: QWidget) -> None:
        super().__init__(QCoreApplication.translate("LanguageMenu", "&Language"), parent)
        self.setObjectName("language_menu")
        self.setToolTipsVisible(True)
        self._settings = settings
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.actions_by_code: dict[str, QAction] = {}
        system = self._add(SYSTEM, self.tr("System language"))
        system.setStatusTip(self.tr("Speak the language of the computer's settings"))
        self.addSeparator()
        for code, own_name in LANGUAGES.items():
            action = self._add(code, own_name)
            action.setStatusTip(self.tr("Speak %1 from the next start").replace("%1", own_name))
        self.actions_by_code[chosen_language(settings)].setChecked(True)

    def _add(self, code: str, text: str) -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, chosen=code: self._on_chosen(chosen))
        self._group.addAction(action)
        self.addAction(action)
        self.actions_by_code[code] = action
        return action

    def _on_chosen(self, code: str) -> None:
        if code == chosen_language(self._settings):
            return
        choose_language(self._settings, code)
        name = LANGUAGES.get(code, self.tr("the system's language"))
        # Opened, not exec'd: the window goes on while the note is up.
        self.note = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            self.tr("newsdesk will speak %1 when it starts again.").replace("%1", name),
            QMessageBox.StandardButton.Ok,
            self.parentWidget(),
        )
        self.note.open()
