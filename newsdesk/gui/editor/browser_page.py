"""Showing the open article's page in the desktop's web browser (the app's "Open in
browser"): the page is made by the newsroom's preview_page, shown here."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    # The texts keep the context they were translated in (the article's controller).
    return QCoreApplication.translate("ArticleController", text)


def show_page_in_browser(parent: QWidget, page: Path | str) -> None:
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(page))):
        return
    # No browser is set up (or none could start): say so, and where the page is.
    log.warning("no browser could be started for %s", page)
    QMessageBox.warning(
        parent,
        _tr("No browser could be started"),
        _tr(
            "newsdesk could not start a web browser to show the page.\n\nThe page is"
            " saved at:\n{path}\n\nOpen that file in a browser, or set a default web"
            " browser for this desktop."
        ).format(path=page),
    )
