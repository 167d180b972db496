"""The article's web address under its fields: the page's URL on the site, and the
way to change it.

Until the article is first published the address follows the headline (the newsroom
makes it on save), so the row shows the address the headline gives now. Once
published it is frozen: changing it is a deliberate act (see slug_dialog.py) of a
producer or the web team, and the old address becomes a redirect.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from newsdesk.domain.article import Article
from newsdesk.publish.slugs import base_slug


def page_url(base_url: str, slug: str) -> str:
    return f"{base_url.rstrip('/')}/{slug}.html"


class AddressRow(QWidget):
    change_requested = Signal()

    def __init__(self, base_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base_url = base_url
        self._article: Article | None = None
        self._follows = False
        self.url_label = QLabel()
        self.url_label.setAccessibleName(self.tr("Web address"))
        self.url_label.setTextFormat(Qt.TextFormat.PlainText)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label = QLabel()
        self.note_label.setAccessibleName(self.tr("Web address note"))
        self.note_label.setEnabled(False)  # the palette's muted text
        self.change_button = QToolButton()
        self.change_button.setText(self.tr("Change…"))
        self.change_button.setAccessibleName(self.tr("Change the web address"))
        self.change_button.clicked.connect(self.change_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.url_label, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.change_button)

    def show_address(
        self, article: Article | None, *, follows: bool, frozen: bool, refusal: str
    ) -> None:
        """`follows`: the address follows the headline (not published, not chosen by
        hand); `frozen`: published; `refusal`: why the person may not change it."""
        self._article = article
        self._follows = follows and not frozen
        if article is None:
            self.url_label.clear()
            self.note_label.clear()
            self.change_button.setEnabled(False)
            return
        self.url_label.setText(page_url(self._base_url, article.slug))
        self.note_label.setText(
            self.tr("published: changes only on purpose")
            if frozen
            else (
                self.tr("follows the headline until published")
                if self._follows
                else self.tr("chosen by hand")
            )
        )
        self.change_button.setEnabled(not refusal)
        self.change_button.setToolTip(
            refusal
            or (
                self.tr("Change the address of a published page (its old address redirects)")
                if frozen
                else self.tr("Choose the address yourself (it then no longer follows the headline)")
            )
        )

    def follow_headline(self, headline: str) -> None:
        """Show the address the headline being typed will give (made on save; a
        number is added if another article has it)."""
        if self._article is not None and self._follows and headline.strip():
            self.url_label.setText(page_url(self._base_url, base_slug(headline)))

    def url(self) -> str:
        return self.url_label.text()
