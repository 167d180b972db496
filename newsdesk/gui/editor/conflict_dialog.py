"""Shown when someone saved the article while you were editing it.

Both versions stay: either yours becomes the newest revision (theirs remains in the
history), or theirs stays and yours is kept as a new draft (a conflict copy).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from newsdesk.domain.article import Article
from newsdesk.gui.editor.session import Conflict


def _as_text(article: Article) -> str:
    credits = "\n".join(f"{c.role}: {', '.join(c.names)}" for c in article.credits)
    return f"{article.title}\n\n{article.body}\n\n{credits}".strip()


class ConflictDialog(QDialog):
    KEEP_MINE = 1
    TAKE_THEIRS = 2
    DECIDE_LATER = 0

    def __init__(self, conflict: Conflict, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Someone else saved this article")
        self._choice = self.DECIDE_LATER
        theirs = conflict.theirs
        intro = QLabel(
            f"{theirs.updated_by or 'Someone'} saved revision {theirs.revision} while you were"
            " editing. Nothing has been overwritten. Choose which version continues; the"
            " other is kept."
        )
        intro.setWordWrap(True)
        mine_view = QPlainTextEdit(_as_text(conflict.mine))
        mine_view.setReadOnly(True)
        mine_view.setAccessibleName("Your version")
        theirs_view = QPlainTextEdit(_as_text(theirs))
        theirs_view.setReadOnly(True)
        theirs_view.setAccessibleName(f"Revision {theirs.revision}")
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>Your version</b> (not saved)"), 0, 0)
        grid.addWidget(QLabel(f"<b>Revision {theirs.revision}</b> by {theirs.updated_by}"), 0, 1)
        grid.addWidget(mine_view, 1, 0)
        grid.addWidget(theirs_view, 1, 1)
        buttons = QDialogButtonBox()
        self.keep_mine_button = QPushButton("Save mine as the newest revision")
        self.keep_mine_button.setToolTip(f"Revision {theirs.revision} stays in the history")
        self.take_theirs_button = QPushButton("Continue with theirs, keep mine as a copy")
        self.take_theirs_button.setToolTip("Your version is saved as a new draft article")
        self.later_button = QPushButton("Decide later")
        self.later_button.setToolTip("Keep editing; your text stays unsaved in the editor")
        for button in (self.keep_mine_button, self.take_theirs_button, self.later_button):
            button.setAccessibleName(button.text())
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.keep_mine_button.clicked.connect(lambda: self._choose(self.KEEP_MINE))
        self.take_theirs_button.clicked.connect(lambda: self._choose(self.TAKE_THEIRS))
        self.later_button.clicked.connect(lambda: self._choose(self.DECIDE_LATER))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def _choose(self, choice: int) -> None:
        self._choice = choice
        self.accept()

    def exec_choice(self) -> int:
        self.exec()
        return self._choice
