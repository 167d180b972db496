"""What an export would change in the folder: a unified diff per page, coloured,
and the words for each article's state there."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from newsdesk.publish.export.changes import ChangeState, PageChange

STATE_TEXT = {
    ChangeState.NEW: QT_TRANSLATE_NOOP("ExportChanges", "new"),
    ChangeState.CHANGED: QT_TRANSLATE_NOOP("ExportChanges", "changed"),
    ChangeState.UNCHANGED: QT_TRANSLATE_NOOP("ExportChanges", "unchanged"),
    ChangeState.DROPPED: QT_TRANSLATE_NOOP("ExportChanges", "leaves the index"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportChanges", text)


def state_text(state: ChangeState) -> str:
    """An article's state in the folder, as the dialog lists it."""
    return _tr(STATE_TEXT[state])


class DiffHighlighter(QSyntaxHighlighter):
    """Colours a unified diff: removed lines red, added green, file headers bold."""

    def highlightBlock(self, text: str) -> None:
        fmt = QTextCharFormat()
        if text.startswith(("+++", "---")):
            fmt.setFontWeight(700)
        elif text.startswith("@@"):
            fmt.setForeground(QColor("#6a5acd"))
        elif text.startswith("+"):
            fmt.setBackground(QColor(40, 170, 80, 70))
        elif text.startswith("-"):
            fmt.setBackground(QColor(220, 60, 60, 70))
        else:
            return
        self.setFormat(0, len(text), fmt)


def diff_view() -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setAccessibleName(
        QCoreApplication.translate("ExportChanges", "What changes in the folder")
    )
    view.setReadOnly(True)
    # One line per line: a page's long metadata lines would otherwise push the
    # changed paragraphs out of view (scroll sideways to read a line whole).
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.setPlaceholderText(
        QCoreApplication.translate(
            "ExportChanges", "Choose an article to see what changes in its pages."
        )
    )
    view.highlighter = DiffHighlighter(view.document())  # kept alive with the view
    return view


def change_text(change: PageChange | None) -> str:
    """What the diff pane shows for one article's pages."""
    if change is None:
        return ""
    if change.state is ChangeState.UNCHANGED:
        return QCoreApplication.translate(
            "ExportChanges", "Its pages in the folder are up to date."
        )
    if change.state is ChangeState.DROPPED:
        return QCoreApplication.translate(
            "ExportChanges",
            "Not in this export: its files stay in the folder, but the index and the"
            " manifest no longer list it.",
        )
    return _labelled(change.diff)


def _labelled(diff: str) -> str:
    """The diff's two file labels ("page.html (in the folder)") in the interface's
    language; the lines themselves are the pages' own."""
    labels = {
        " (in the folder)": QCoreApplication.translate("ExportChanges", " (in the folder)"),
        " (not in the folder)": QCoreApplication.translate("ExportChanges", " (not in the folder)"),
        " (this export)": QCoreApplication.translate("ExportChanges", " (this export)"),
    }
    lines = diff.split("\n")
    for number, line in enumerate(lines[:2]):
        for english, shown in labels.items():
            if line.startswith(("--- ", "+++ ")) and line.endswith(english):
                lines[number] = line[: -len(english)] + shown
    return "\n".join(lines)


def changes_summary(changes: list[PageChange]) -> str:
    if not changes:
        return QCoreApplication.translate(
            "ExportChanges", "No article is ticked: nothing would change."
        )
    counts = {state: 0 for state in ChangeState}
    for change in changes:
        counts[change.state] += 1
    return QCoreApplication.translate(
        "ExportChanges",
        "Since the last export to this folder: {new} new, {changed} changed,"
        " {unchanged} unchanged, {dropped} leaving the index.",
    ).format(
        new=counts[ChangeState.NEW],
        changed=counts[ChangeState.CHANGED],
        unchanged=counts[ChangeState.UNCHANGED],
        dropped=counts[ChangeState.DROPPED],
    )
