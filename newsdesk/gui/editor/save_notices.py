"""What the app says when the open article cannot be saved or written at all.

The words of ArticleController (their translations are filed under its name): kept
apart so the controller stays about the article's lifecycle, not its sentences.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from newsdesk.gui.i18n.said_text import said_text

KEPT_TEXT = QT_TRANSLATE_NOOP(
    "ArticleController", "Text you had not saved stays in the editor and in the recovery journal."
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ArticleController", text)


def kept() -> str:
    return _tr(KEPT_TEXT)


def stay_question(problems: dict[str, str]) -> str:
    """Asked when leaving an article that could not be saved (whole, or some fields)."""
    if problems:
        # Everything else was saved: only these fields keep their saved value.
        named = "\n".join(f"• {message}" for message in problems.values())
        return (
            named
            + "\n\n"
            + QCoreApplication.translate(
                "ArticleController",
                "Everything else is saved; these fields keep their last saved"
                " value until they are fixed. Stay on the article to fix them?",
            )
        )
    return QCoreApplication.translate(
        "ArticleController",
        "The open article could not be saved. Stay on it so that nothing is lost?",
    )


def damage_title(message: str) -> str:
    if "damaged" in message:
        return QCoreApplication.translate("ArticleController", "The database is damaged")
    return QCoreApplication.translate("ArticleController", "newsdesk stopped writing")


def stop_reason(message: str) -> str:
    """Why nothing is written any more (the editor's banner, the notes' tooltip)."""
    if "damaged" in message:
        return QCoreApplication.translate(
            "ArticleController", "The database is damaged; newsdesk does not write to it."
        )
    return QCoreApplication.translate(
        "ArticleController", "Nothing can be saved now: {reason}. {kept}"
    ).format(reason=said_text(message), kept=kept())


def stopped_text(message: str) -> str:
    """The dialog's text when writing stops."""
    said = QCoreApplication.translate("ArticleController", "newsdesk will not write to it. {kept}")
    return f"{said_text(message)}\n\n" + said.format(kept=kept())
