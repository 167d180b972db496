"""The export dialog's names for the formats and its columns (translated where shown)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

FORMAT_TITLES = {
    "html": QT_TRANSLATE_NOOP("ExportDialog", "Site pages (HTML)"),
    "text": QT_TRANSLATE_NOOP("ExportDialog", "Text pages"),
    "ninjs": QT_TRANSLATE_NOOP("ExportDialog", "ninjs (JSON)"),
    "markdown": QT_TRANSLATE_NOOP("ExportDialog", "Markdown with metadata"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("ExportDialog", "Article"),
    QT_TRANSLATE_NOOP("ExportDialog", "Status"),
    QT_TRANSLATE_NOOP("ExportDialog", "In the folder"),
    QT_TRANSLATE_NOOP("ExportDialog", "Queue"),
)


def format_title(fmt: str) -> str:
    return QCoreApplication.translate("ExportDialog", FORMAT_TITLES[fmt])
