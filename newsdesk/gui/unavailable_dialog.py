"""Help › Why is it unavailable? (Shift+F1): every greyed-out action and its reason.

A disabled button or menu entry says why in its tooltip, but a tooltip needs a mouse
(and a disabled button cannot take the keyboard focus). This dialog lists, for the
keyboard and for screen readers, each action the person cannot take now with the
same sentence the tooltip gives, in the words of the workflow rules.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

NO_ARTICLE = QT_TRANSLATE_NOOP(
    "UnavailableDialog", "No article is open: choose one from the list first"
)


def _name(text: str) -> str:
    return text.replace("&", "").rstrip("…").strip()


def unavailable(
    actions: Iterable[QAction],
    buttons: Iterable[QPushButton],
    *,
    article_open: bool,
    needs_article: Iterable[QAction] = (),
) -> list[tuple[str, str]]:
    """(what, why) for each disabled action and button, each named once."""
    found: dict[str, str] = {}
    article_bound = set(needs_article)
    for action in actions:
        if action.isEnabled() or not action.text() or action.isSeparator():
            continue
        no_article = QCoreApplication.translate("UnavailableDialog", NO_ARTICLE)
        why = no_article if (action in article_bound and not article_open) else action.toolTip()
        found.setdefault(_name(action.text()), why)
    for button in buttons:
        if not button.isEnabled():
            found.setdefault(
                _name(button.text()),
                button.toolTip() or QCoreApplication.translate("UnavailableDialog", NO_ARTICLE),
            )
    return list(found.items())


class UnavailableDialog(QDialog):
    def __init__(self, entries: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Why is it unavailable?"))
        self.resize(640, 360)
        intro = QLabel(
            self.tr("What you cannot do now, and why:")
            if entries
            else self.tr("Every action is available to you now.")
        )
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Unavailable actions and why"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Why it is unavailable")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for what, why in entries:
            item = QTreeWidgetItem([what, why])
            item.setToolTip(1, why)
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        if entries:
            # The list is what the dialog is for: arrows read it, Escape or Enter close it.
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def entries(self) -> list[tuple[str, str]]:
        return [
            (self.tree.topLevelItem(i).text(0), self.tree.topLevelItem(i).text(1))
            for i in range(self.tree.topLevelItemCount())
        ]


def show_unavailable(window, bar_buttons: Iterable[QPushButton]) -> UnavailableDialog:
    """Open the dialog for `window` (its actions, and the workflow bar's buttons)."""
    a = window.actions
    entries = unavailable(
        [action for menu in window.menuBar().actions() for action in _menu_actions(menu)],
        bar_buttons,
        article_open=window.session.article is not None,
        needs_article=[a.save, a.history, a.open_in_browser],
    )
    dialog = UnavailableDialog(entries, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _menu_actions(action: QAction) -> list[QAction]:
    menu = action.menu()
    if menu is None:
        return [action]
    return [inner for item in menu.actions() for inner in _menu_actions(item)]
