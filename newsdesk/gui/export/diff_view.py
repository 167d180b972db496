"""What an export would change in the folder: a unified diff per page, coloured,
and the words for each article's state there."""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from newsdesk.publish.export.changes import ChangeState, PageChange

STATE_TEXT = {
    ChangeState.NEW: "new",
    ChangeState.CHANGED: "changed",
    ChangeState.UNCHANGED: "unchanged",
    ChangeState.DROPPED: "leaves the index",
}


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
    view.setAccessibleName("What changes in the folder")
    view.setReadOnly(True)
    # One line per line: a page's long metadata lines would otherwise push the
    # changed paragraphs out of view (scroll sideways to read a line whole).
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.setPlaceholderText("Choose an article to see what changes in its pages.")
    view.highlighter = DiffHighlighter(view.document())  # kept alive with the view
    return view


def change_text(change: PageChange | None) -> str:
    """What the diff pane shows for one article's pages."""
    if change is None:
        return ""
    if change.state is ChangeState.UNCHANGED:
        return "Its pages in the folder are up to date."
    if change.state is ChangeState.DROPPED:
        return (
            "Not in this export: its files stay in the folder, but the index and the"
            " manifest no longer list it."
        )
    return change.diff


def changes_summary(changes: list[PageChange]) -> str:
    if not changes:
        return "No article is ticked: nothing would change."
    counts = {state: 0 for state in ChangeState}
    for change in changes:
        counts[change.state] += 1
    return (
        f"Since the last export to this folder: {counts[ChangeState.NEW]} new,"
        f" {counts[ChangeState.CHANGED]} changed, {counts[ChangeState.UNCHANGED]}"
        f" unchanged, {counts[ChangeState.DROPPED]} leaving the index."
    )
