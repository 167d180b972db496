"""Every piece of text a person can meet in a widget tree, and which of it is English.

Walks a real widget and everything under it: window titles, labels, buttons, group
boxes, tabs, placeholders, combo box items, list and table items and headers, tool
tips, status tips, What's This, accessible names and descriptions, and every action
of every widget and menu (their text, tips and icon text). Nothing is listed by hand,
so a widget added tomorrow is walked tomorrow.

English is any run of two or more Latin letters left after taking out what may stay:
proper names and technical words (ALLOWED), key names in shortcuts, web addresses,
file paths and the data of the newsroom under test (which the tests write in Chinese,
so that what remains is the interface's own).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# Proper names and the names of formats, protocols and programs: the same in every
# language a newsroom reads.
ALLOWED = {
    "newsdesk",
    "Markdown",
    "HTML",
    "ninjs",
    "IPTC",
    "JSON",
    "URL",
    "http",
    "https",
    "mailto",
    "PostgreSQL",
    "SQLite",
    "Qt",
    "PySide",
    "Word",
    "docx",
    "md",
    "txt",
    "UTF",
    "PNG",
    "JPEG",
    "SVG",
    "ID",
    "OK",
    "TLS",
    "libpq",
}
_KEYS = (
    "Ctrl|Shift|Alt|Meta|Del|Delete|Esc|Enter|Return|Tab|Space|Ins|Backspace|Home|End"
    "|PgUp|PgDown|Up|Down|Left|Right|F\\d{1,2}"
)
_SHORTCUT = re.compile(rf"\b(?:{_KEYS})(?:\+\S+)?")
_ADDRESS = re.compile(
    r"(?:https?://|mailto:|file://|postgres(?:ql)?://)\S*|\S+@\S+\.\S+"
    # a host name (newsroom.example.org) and a connection setting (sslmode=verify-full)
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:org|com|net)\b|\b\w+=[\w-]+"
)
_PATH = re.compile(r"(?:~|\.{0,2})?/[\w.+\-/]+")
# A file name's extension (page.html, story.ninjs.json): names of formats, not words.
_EXTENSION = re.compile(r"(?<=\S)(?:\.[a-z]{2,5})+\b")
_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str, data: Iterable[str] = ()) -> list[str]:
    """The English words in `text`, after proper names, shortcuts, addresses, paths and
    `data` (strings of the newsroom under test) are taken out."""
    rest = text.replace("&&", "&")
    rest = re.sub(r"&(?=\w)", "", rest)  # mnemonics: &File
    rest = _ADDRESS.sub(" ", rest)
    for value in sorted((d for d in data if d), key=len, reverse=True):
        rest = rest.replace(value, " ")
    rest = _PATH.sub(" ", rest)
    rest = _EXTENSION.sub(" ", rest)
    rest = _SHORTCUT.sub(" ", rest)
    return [word for word in _WORD.findall(rest) if word not in ALLOWED]


def _plain(text: str) -> str:
    """What a label shows: rich text without its markup."""
    if "<" not in text and "&" not in text:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _name(widget: QWidget) -> str:
    parts = []
    current: QWidget | None = widget
    while current is not None:
        label = current.objectName() or type(current).__name__
        parts.append(label)
        current = current.parentWidget()
    return "/".join(reversed(parts))


def _common(where: str, obj) -> Iterator[tuple[str, str]]:
    for prop in ("toolTip", "statusTip", "whatsThis"):
        getter = getattr(obj, prop, None)
        if getter is not None:
            yield f"{where}.{prop}", getter()


def _action_text(where: str, action: QAction) -> Iterator[tuple[str, str]]:
    label = f"{where}[action {action.objectName() or action.text()!r}]"
    if action.isSeparator():
        return
    yield f"{label}.text", action.text()
    yield f"{label}.iconText", action.iconText()
    yield from _common(label, action)
    menu = action.menu()
    if menu is not None:
        yield from widget_text(menu)


def _model_text(where: str, model: QAbstractItemModel | None) -> Iterator[tuple[str, str]]:
    if model is None:
        return
    try:
        model.columnCount(QModelIndex())
    except TypeError:
        return  # a Qt-internal model (a combo box's popup) that Python may not call
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = model.columnCount(QModelIndex()) if orientation == Qt.Orientation.Horizontal else 0
        for section in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    yield f"{where}.header[{section}]", value

    def rows(parent: QModelIndex, depth: int) -> Iterator[tuple[str, str]]:
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in (
                    Qt.ItemDataRole.DisplayRole,
                    Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.StatusTipRole,
                    Qt.ItemDataRole.AccessibleTextRole,
                ):
                    value = index.data(role)
                    if isinstance(value, str):
                        yield f"{where}.item[{row},{column}]", value
                if depth < 3 and column == 0 and model.rowCount(index) > 0:
                    yield from rows(index, depth + 1)

    yield from rows(QModelIndex(), 0)


def widget_text(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of interface text under `root`, itself included."""
    for widget in [root, *root.findChildren(QWidget)]:
        where = _name(widget)
        if widget.isWindow():
            yield f"{where}.windowTitle", widget.windowTitle()
        yield from _common(where, widget)
        yield f"{where}.accessibleName", widget.accessibleName()
        yield f"{where}.accessibleDescription", widget.accessibleDescription()
        if isinstance(widget, QLabel):
            yield f"{where}.text", _plain(widget.text())
        if isinstance(widget, QAbstractButton):
            yield f"{where}.text", widget.text()
        if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            yield f"{where}.placeholderText", widget.placeholderText()
        if isinstance(widget, QTextEdit | QPlainTextEdit) and widget.isReadOnly():
            # What the app writes for a person to read (a preview of an import, a
            # history's list): read-only text is the interface's, the data aside.
            yield f"{where}.text", widget.toPlainText()
        if isinstance(widget, QGroupBox):
            yield f"{where}.title", widget.title()
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield f"{where}.tab[{index}]", widget.tabText(index)
                yield f"{where}.tabToolTip[{index}]", widget.tabToolTip(index)
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield f"{where}.tab[{index}]", widget.tabText(index)
        if isinstance(widget, QComboBox):
            yield f"{where}.placeholderText", widget.placeholderText()
            for index in range(widget.count()):
                yield f"{where}.item[{index}]", widget.itemText(index)
        if isinstance(widget, QMenu):
            yield f"{where}.title", widget.title()
        if isinstance(widget, QAbstractItemView):
            yield from _model_text(where, widget.model())
        # QWidget.actions, not widget.actions: MainWindow keeps its WindowActions there.
        for action in QWidget.actions(widget):
            yield from _action_text(where, action)


def english_left(roots: Iterable[QWidget], data: Iterable[str] = ()) -> list[str]:
    """'where: text [words]' for each piece of text with English left in it."""
    data = list(data)
    found: dict[str, str] = {}
    for root in roots:
        for where, text in widget_text(root):
            words = english_words(text or "", data)
            if words:
                found.setdefault(f"{where}: {text!r}", ", ".join(sorted(set(words))))
    return [f"{key}  <- {words}" for key, words in found.items()]
