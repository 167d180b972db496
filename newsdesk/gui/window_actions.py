"""The window's menus and main toolbar, with standard shortcuts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from newsdesk.gui.editor.formatting_toolbar import FormattingToolbar
from newsdesk.gui.i18n.language_menu import LanguageMenu


@dataclass
class WindowActions:
    new: QAction
    save: QAction
    find: QAction
    undo: QAction
    redo: QAction
    quit: QAction
    toggle_preview: QAction
    toggle_side: QAction
    open_in_browser: QAction
    about: QAction
    history: QAction
    export: QAction
    import_files: QAction
    people: QAction
    why: QAction
    connect_server: QAction
    open_local: QAction


def _action(window: QMainWindow, text: str, shortcut, tip: str) -> QAction:
    text = QCoreApplication.translate("WindowActions", text)
    tip = QCoreApplication.translate("WindowActions", tip)
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString()})" if shortcut else tip)
    return action


def build_actions(
    window: QMainWindow, formatting: FormattingToolbar, trailing: QWidget | None = None
) -> WindowActions:
    """The actions, menus and main toolbar; `trailing` goes at the toolbar's right end."""
    actions = WindowActions(
        new=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&New article"),
            QKeySequence.StandardKey.New,
            QT_TRANSLATE_NOOP("WindowActions", "Start a new article"),
        ),
        save=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&Save"),
            QKeySequence.StandardKey.Save,
            QT_TRANSLATE_NOOP("WindowActions", "Save a new revision now"),
        ),
        find=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&Find…"),
            QKeySequence.StandardKey.Find,
            QT_TRANSLATE_NOOP("WindowActions", "Search all articles"),
        ),
        undo=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&Undo"),
            QKeySequence.StandardKey.Undo,
            QT_TRANSLATE_NOOP("WindowActions", "Undo the last edit"),
        ),
        redo=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&Redo"),
            QKeySequence.StandardKey.Redo,
            QT_TRANSLATE_NOOP("WindowActions", "Redo the undone edit"),
        ),
        quit=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&Quit"),
            QKeySequence.StandardKey.Quit,
            QT_TRANSLATE_NOOP("WindowActions", "Save and quit"),
        ),
        toggle_preview=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "Page &preview"),
            "F9",
            QT_TRANSLATE_NOOP("WindowActions", "Show or hide the page preview"),
        ),
        toggle_side=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&Credits and notes"),
            "F8",
            QT_TRANSLATE_NOOP("WindowActions", "Show or hide the article, credits and notes panel"),
        ),
        open_in_browser=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "Open page in &browser"),
            "Ctrl+Shift+B",
            QT_TRANSLATE_NOOP("WindowActions", "Open the exact exported page"),
        ),
        about=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&About newsdesk"),
            None,
            QT_TRANSLATE_NOOP("WindowActions", "About newsdesk"),
        ),
        history=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&History…"),
            "Ctrl+Shift+H",
            QT_TRANSLATE_NOOP("WindowActions", "Revisions, differences and the audit trail"),
        ),
        export=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&Export for the site…"),
            "Ctrl+Shift+E",
            QT_TRANSLATE_NOOP("WindowActions", "Export approved articles to a folder"),
        ),
        import_files=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&Import…"),
            QKeySequence.StandardKey.Open,
            QT_TRANSLATE_NOOP(
                "WindowActions",
                "Import article files (text pages, Markdown, ninjs, Word): preview first",
            ),
        ),
        people=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&People…"),
            None,
            QT_TRANSLATE_NOOP("WindowActions", "Add people, change roles, deactivate people"),
        ),
        why=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&Why is it unavailable?…"),
            "Shift+F1",
            QT_TRANSLATE_NOOP("WindowActions", "Why each greyed-out action cannot be used now"),
        ),
        connect_server=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&Connect to a newsroom server…"),
            None,
            QT_TRANSLATE_NOOP(
                "WindowActions", "Work on a newsroom on a server, with your own login"
            ),
        ),
        open_local=_action(
            window,
            QT_TRANSLATE_NOOP("WindowActions", "&Open a local newsroom…"),
            None,
            QT_TRANSLATE_NOOP("WindowActions", "Work on a newsroom file on this computer"),
        ),
    )
    actions.redo.setShortcuts(redo_shortcuts())
    for toggle in (actions.toggle_preview, actions.toggle_side):
        toggle.setCheckable(True)
        toggle.setChecked(True)

    menu = window.menuBar()
    file_menu = menu.addMenu(QCoreApplication.translate("WindowActions", "&File"))
    file_menu.addActions([actions.new, actions.save])
    file_menu.addSeparator()
    file_menu.addActions([actions.connect_server, actions.open_local])
    file_menu.addSeparator()
    file_menu.addAction(actions.import_files)
    file_menu.addAction(actions.open_in_browser)
    file_menu.addAction(actions.export)
    file_menu.addSeparator()
    file_menu.addAction(actions.people)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    edit_menu = menu.addMenu(QCoreApplication.translate("WindowActions", "&Edit"))
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addAction(actions.find)
    format_menu = menu.addMenu(QCoreApplication.translate("WindowActions", "F&ormat"))
    for name, action in formatting.actions_by_name.items():
        if name != "source":
            format_menu.addAction(action)
    view_menu = menu.addMenu(QCoreApplication.translate("WindowActions", "&View"))
    view_menu.addAction(actions.toggle_preview)
    view_menu.addAction(actions.toggle_side)
    view_menu.addAction(formatting.actions_by_name["source"])
    view_menu.addAction(actions.history)
    help_menu = menu.addMenu(QCoreApplication.translate("WindowActions", "&Help"))
    help_menu.addAction(actions.why)
    help_menu.addSeparator()
    help_menu.addMenu(LanguageMenu(window.settings, window))
    help_menu.addAction(actions.about)

    toolbar = QToolBar(QCoreApplication.translate("WindowActions", "Main"), window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setAccessibleName(QCoreApplication.translate("WindowActions", "Main toolbar"))
    toolbar.addActions([actions.new, actions.save])
    toolbar.addSeparator()
    toolbar.addAction(actions.toggle_preview)
    toolbar.addAction(actions.toggle_side)
    toolbar.addSeparator()
    toolbar.addAction(actions.export)
    if trailing is not None:
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(trailing)
    window.addToolBar(toolbar)
    return actions


def redo_shortcuts() -> list[QKeySequence]:
    """The platform's redo keys, and Ctrl+Y too (the Windows habit) unless the platform
    already gives Ctrl+Y another meaning."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    ctrl_y = QKeySequence("Ctrl+Y")
    taken = any(
        ctrl_y in QKeySequence.keyBindings(key)
        for key in QKeySequence.StandardKey
        if key is not QKeySequence.StandardKey.Redo
    )
    if ctrl_y not in keys and not taken:
        keys.append(ctrl_y)
    return keys


def in_focused_editor(method: str) -> None:
    """Undo or redo in whichever text field has the focus (each keeps its own history)."""
    widget = QApplication.focusWidget()
    if widget is not None and hasattr(widget, method):
        getattr(widget, method)()


def show_about(parent: QWidget, location: str) -> None:
    from newsdesk import __version__

    QMessageBox.about(
        parent,
        QCoreApplication.translate("WindowActions", "About newsdesk"),
        QCoreApplication.translate(
            "WindowActions", "newsdesk {version}\nDatabase: {location}"
        ).format(version=__version__, location=location),
    )
