"""A live page preview: the article rendered as the site shows it, off the UI thread.

Requests are throttled: a render starts `delay_ms` after the last request, at most one
runs at a time, and requests that arrive while one runs are folded into one: the newest
article is rendered next, the ones in between never are (ReText's converter does the
same). The render function is injected (the export pipeline's), so this widget builds
no HTML itself.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.article import Article
from newsdesk.domain.errors import NewsdeskError
from newsdesk.gui.i18n.core_text import refusal_text

log = logging.getLogger(__name__)

# Accent for the error banner: readable on light and dark window backgrounds alike.
ERROR_COLOUR = "#d9534f"

Render = Callable[[Article], str]


class _JobSignals(QObject):
    # One per job and held by it, so a late result never meets a deleted sender; if
    # the pane is gone by then, Qt has already dropped the connections to it.
    finished = Signal(int, str)
    failed = Signal(int, str)


class _RenderJob(QRunnable):
    def __init__(self, render: Render, article: Article, number: int) -> None:
        super().__init__()
        self.render = render
        self.article = article
        self.number = number
        self.signals = _JobSignals()

    def run(self) -> None:
        try:
            html = self.render(self.article)
        except NewsdeskError as error:
            self._report(self.signals.failed, str(error))
        except Exception as error:  # the preview must survive any bug in a renderer
            log.exception("preview render failed")
            self._report(self.signals.failed, f"{type(error).__name__}: {error}")
        else:
            self._report(self.signals.finished, html)

    def _report(self, signal: Signal, text: str) -> None:
        try:
            signal.emit(self.number, text)
        except RuntimeError:
            # The application is shutting down and took the signal object with it:
            # nobody is left to show the result to.
            log.debug("preview render %d finished after its pane was gone", self.number)


class PreviewPane(QWidget):
    """Shows `render(article)` in a QTextBrowser, re-rendered on request.

    `open_in_browser(article)` is called by the "Open in browser" button with the
    newest article; `base_url` is where relative links and images in the HTML point.
    """

    rendered = Signal()  # a new render is on screen
    render_failed = Signal(str)
    link_activated = Signal(QUrl)  # a link in the preview was clicked (not followed)

    def __init__(
        self,
        render: Render,
        open_in_browser: Callable[[Article], object] | None = None,
        *,
        delay_ms: int = 300,
        base_url: QUrl | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._render = render
        self._open_in_browser = open_in_browser
        self._latest: Article | None = None
        self._running = False
        self._pending = False
        self._jobs_started = 0
        self._html = ""
        # The shared pool: a pool of our own would, when deleted, wait for a running
        # render while holding the interpreter lock the render needs. One job at a time
        # is this widget's own rule (see _on_timer_timeout).
        self._pool = QThreadPool.globalInstance()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Page preview"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.link_activated)
        if base_url is not None:
            self.browser.document().setBaseUrl(base_url)

        self.error_label = QLabel(self)
        self.error_label.setAccessibleName(self.tr("Preview error"))
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.error_label.hide()

        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Preview status"))
        self.open_button = QPushButton(self.tr("Open in &browser"), self)
        self.open_button.setAccessibleName(self.tr("Open in browser"))
        self.open_button.setToolTip(
            self.tr("Open this page in the web browser, as the site shows it")
        )
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._on_open_button_clicked)

        bar = QHBoxLayout()
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.browser, 1)

    # API ---------------------------------------------------------------------------------
    def request_render(self, article: Article) -> None:
        """Render `article` soon (after the delay); later requests replace this one."""
        self._latest = article
        self.open_button.setEnabled(self._open_in_browser is not None)
        self._timer.start()

    def render_now(self, article: Article) -> None:
        """Render without waiting for the delay (when an article is opened, say)."""
        self._latest = article
        self.open_button.setEnabled(self._open_in_browser is not None)
        self._timer.stop()
        self._on_timer_timeout()

    def set_base_url(self, url: QUrl) -> None:
        self.browser.document().setBaseUrl(url)

    def html(self) -> str:
        """The HTML on screen (the last successful render)."""
        return self._html

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def is_busy(self) -> bool:
        return self._running or self._timer.isActive()

    def wait_for_idle(self) -> None:
        """Stop pending requests and block until the running render, if any, is done
        (call before the application quits)."""
        self._timer.stop()
        self._pending = False
        self._pool.waitForDone()

    # Scheduling --------------------------------------------------------------------------
    def _on_timer_timeout(self) -> None:
        if self._latest is None:
            return
        if self._running:
            self._pending = True  # the newest article goes next, when this one is done
            return
        self._start(self._latest)

    def _start(self, article: Article) -> None:
        self._jobs_started += 1
        # A snapshot: the editor keeps changing its article while the worker reads it.
        job = _RenderJob(self._render, copy.deepcopy(article), self._jobs_started)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        self._running = True
        self._pending = False
        self.status_label.setText(self.tr("Updating preview…"))
        self._pool.start(job)

    def _job_done(self) -> None:
        # The job's signal object was made here, in the UI thread: have it deleted here
        # too, not by the worker thread that drops the job.
        sender = self.sender()
        if sender is not None:
            sender.setParent(self)
            sender.deleteLater()
        self._running = False
        self.status_label.setText("")
        if self._pending and self._latest is not None:
            self._start(self._latest)

    def _on_job_finished(self, number: int, html: str) -> None:
        scroll = self.browser.verticalScrollBar()
        position = scroll.value()
        self.browser.setHtml(html)
        # Reading on while the preview refreshes: keep the reader's place.
        scroll.setValue(min(position, scroll.maximum()))
        self._html = html
        self.error_label.clear()
        self.error_label.hide()
        self._job_done()
        self.rendered.emit()

    def _on_job_failed(self, number: int, message: str) -> None:
        self.error_label.setText(
            self.tr("The preview could not be made: {reason}").format(reason=message)
        )
        self.error_label.show()
        self._job_done()
        self.render_failed.emit(message)

    # Open in browser -----------------------------------------------------------------------
    def _on_open_button_clicked(self) -> None:
        if self._open_in_browser is None or self._latest is None:
            return
        try:
            self._open_in_browser(copy.deepcopy(self._latest))
        except (NewsdeskError, OSError) as error:
            self.error_label.setText(
                self.tr("Could not open the page in the browser: {reason}").format(
                    reason=refusal_text(error)
                )
            )
            self.error_label.show()
