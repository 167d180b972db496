"""The bar over the editor that says what other desks do with the open article.

Rows, each shown only when it has something to say: who else has it open ("Lena Park
is editing", with "Edit anyway" while this desk waits), a revision saved elsewhere
while you have unsaved text ("Lena Park saved revision 8 — Review"), what a merge
took from whom, and that the newsroom cannot be reached ("Offline since 14:02, your
text is kept").
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# Fixed colours with their own dark text: they must stand out on any palette.
_STYLES = {
    "presence": ("#dcecff", "#0b3a6b", "#7aa7d9"),
    "review": ("#fff1c7", "#4d3800", "#d9a81e"),
    "notice": ("#dff3df", "#1d4d1d", "#7cbf7c"),
    "offline": ("#fbdcdc", "#6b0b0b", "#d97a7a"),
}


class _Row(QFrame):
    def __init__(self, name: str, button: str = "") -> None:
        super().__init__()
        self.setObjectName(f"live_{name}")
        background, text, border = _STYLES[name]
        self.setStyleSheet(
            f"QFrame#live_{name} {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} QFrame#live_{name} QLabel {{ color: {text}; }}"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(
            {
                "presence": self.tr("Who else has this article open"),
                "review": self.tr("Saved at another desk"),
                "notice": self.tr("Merged"),
                "offline": self.tr("Offline"),
            }[name]
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        self.button = QPushButton(button) if button else None
        if self.button is not None:
            self.button.setAccessibleName(button)
            layout.addWidget(self.button)
        self.hide()

    def say(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class LiveBar(QWidget):
    edit_anyway_requested = Signal()
    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("live_bar")
        self.presence = _Row("presence", self.tr("Edit anyway"))
        self.review = _Row("review", self.tr("Review"))
        self.notice = _Row("notice", self.tr("Dismiss"))
        self.offline = _Row("offline")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(4)
        for row in (self.offline, self.presence, self.review, self.notice):
            layout.addWidget(row)
        self.presence.button.clicked.connect(self.edit_anyway_requested)
        self.review.button.clicked.connect(self.review_requested)
        self.notice.button.clicked.connect(lambda: self.notice.say(""))

    def show_presence(self, text: str, *, waiting: bool) -> None:
        """`text` ("" hides the row); `waiting`: this desk waits to edit (the button)."""
        self.presence.say(text)
        self.presence.button.setVisible(waiting)
        self.presence.button.setToolTip(
            self.tr("Edit it too: changes to different paragraphs are merged") if waiting else ""
        )
