"""How many articles the list shows, said in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from newsdesk.gui.i18n.language import speaks_english


def count_text(count: int, *, filtered: bool) -> str:
    """How many articles the list shows, as a sentence fragment."""
    if not filtered or count:
        if not speaks_english():  # one form for every number, as Chinese has
            text = (
                QCoreApplication.translate("ArticleListPanel", "{count} articles match")
                if filtered
                else QCoreApplication.translate("ArticleListPanel", "{count} articles")
            )
            return text.format(count=f"{count:,}")
        noun = "article" if count == 1 else "articles"
        if not filtered:
            return f"{count:,} {noun}"
        return f"{count:,} {noun} match" + ("es" if count == 1 else "")
    return QCoreApplication.translate("ArticleListPanel", "No article matches")
