"""A live page preview: the article rendered as the site shows it, off the UI thread.

The pane follows the open article lazily: the editor only says that it changed
(`content_changed`), and the article is collected (its body written as Markdown)
when a render starts, not on every keystroke. Renders are throttled: one starts
`delay_ms` after the first change not yet shown (further typing does not push it
back, so the preview follows steady typing), at most one runs at a time, and changes
made meanwhile are folded into one: the newest article is rendered next (ReText's
converter does the same). The render function is injected (the export pipeline's);
the app runs it in a child process (renderers.ProcessRenderer), so a long render never
holds the interpreter lock the window needs; that child also says which blocks of the
page changed since the page before (page_patch), so the window only copies those in.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.article import Article
from newsdesk.domain.errors import NewsdeskError
from newsdesk.gui.i18n.core_text import refusal_text
from newsdesk.gui.preview.page_update import PageUpdate, ShownPage
from newsdesk.gui.preview.renderers import Render, Renderer, ThreadRenderer

log = logging.getLogger(__name__)

# Accent for the error banner: readable on light and dark window backgrounds alike.
ERROR_COLOUR = "#d9534f"
DEFAULT_DELAY_MS = 300
# A render that takes longer than this says so in the status line.
BUSY_NOTICE_MS = 400


class PreviewPane(QWidget):
    """Shows the rendered article in a QTextBrowser, re-rendered on request.

    `render` is a Renderer, or a function rendered on a thread. `open_in_browser(article)`
    is called by the "Open in browser" button with the newest article; `base_url` is
    where relative links and images in the HTML point.
    """

    rendered = Signal()  # a new render is on screen
    render_failed = Signal(str)
    link_activated = Signal(QUrl)  # a link in the preview was clicked (not followed)

    def __init__(
        self,
        render: Render | Renderer,
        open_in_browser: Callable[[Article], object] | None = None,
        *,
        delay_ms: int = DEFAULT_DELAY_MS,
        base_url: QUrl | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._renderer = render if isinstance(render, Renderer) else ThreadRenderer(render)
        self._renderer.setParent(self)
        self._renderer.finished.connect(self._on_job_finished)
        self._renderer.failed.connect(self._on_job_failed)
        self._open_in_browser = open_in_browser
        self._latest: Article | None = None
        self._collect: Callable[[], Article | None] | None = None
        self._stale = False  # the followed article changed since `_latest` was taken
        self._running: int | None = None  # the job on its way, by number
        self._pending = False
        self._jobs_started = 0
        self._html = ""

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
        self._page = ShownPage(self.browser)
        self._page.shown.connect(self._on_page_shown)
        self._arriving = ""  # the page on its way to the screen

        self.error_label = QLabel(self)
        self.error_label.setAccessibleName(self.tr("Preview error"))
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.error_label.hide()

        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Preview status"))
        # Its text comes and goes while the reporter types: it must never change the
        # layout (that relays out and repaints the whole window, a stall every time).
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.status_label.setFixedHeight(self.status_label.fontMetrics().height())
        # Said only when a render takes long enough to be noticed.
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_NOTICE_MS)
        self._busy_timer.timeout.connect(
            lambda: self.status_label.setText(self.tr("Updating preview…"))
        )
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
    def follow(self, collect: Callable[[], Article | None]) -> None:
        """Where `content_changed()` takes the article from when its render starts."""
        self._collect = collect

    def content_changed(self) -> None:
        """The followed article changed: render it soon, collecting it only then."""
        if self._collect is None:
            return
        self._stale = True
        self.open_button.setEnabled(self._open_in_browser is not None)
        if not self._timer.isActive():
            self._timer.start()

    def request_render(self, article: Article) -> None:
        """Render `article` soon (after the delay); later requests replace this one."""
        self._latest = article
        self._stale = False
        self.open_button.setEnabled(self._open_in_browser is not None)
        if not self._timer.isActive():
            self._timer.start()

    def render_now(self, article: Article) -> None:
        """Render without waiting for the delay (when an article is opened, say)."""
        self._latest = article
        self._stale = False
        self.open_button.setEnabled(self._open_in_browser is not None)
        self._timer.stop()
        self._on_timer_timeout()

    def set_base_url(self, url: QUrl) -> None:
        self.browser.document().setBaseUrl(url)
        self._page.forget()  # images may now be other files: the next page goes whole

    def html(self) -> str:
        """The HTML on screen (the last successful render)."""
        return self._html

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def is_busy(self) -> bool:
        return self._running is not None or self._timer.isActive() or self._page.is_showing()

    def renders_started(self) -> int:
        """How many renders this pane has started (for the benchmarks' counts)."""
        return self._jobs_started

    def wait_for_idle(self) -> None:
        """Stop pending requests and the renderer (call before the application quits)."""
        self._timer.stop()
        self._pending = False
        self._running = None
        self._page.stop()
        self._renderer.close()

    # Scheduling --------------------------------------------------------------------------
    def _newest(self) -> Article | None:
        if self._stale and self._collect is not None:
            self._latest = self._collect()
            self._stale = False
        return self._latest

    def _on_timer_timeout(self) -> None:
        if self._running is not None:
            self._pending = True  # the newest article goes next, when this one is done
            return
        article = self._newest()
        if article is not None:
            self._start(article)

    def _start(self, article: Article) -> None:
        self._jobs_started += 1
        self._running = self._jobs_started
        self._pending = False
        self._busy_timer.start()
        # Here, not at the top: the first paint has no page to read (the window's
        # warm-up imports it meanwhile: gui/window_warm_up.py).
        from newsdesk.gui.preview.page_patch import PageLook

        shown = self.browser.document()
        self._renderer.read_pages_like(
            PageLook(
                shown.defaultFont().toString(),
                shown.defaultStyleSheet(),
                shown.baseUrl().toString(),
            )
        )
        self._renderer.start(self._jobs_started, article)

    def _job_done(self, number: int) -> bool:
        """True when `number` is the job this pane waits for (not a stale answer)."""
        if number != self._running:
            return False
        self._running = None
        self._busy_timer.stop()
        if self.status_label.text():
            self.status_label.setText("")
        if self._pending:
            article = self._newest()
            if article is not None:
                self._start(article)
        return True

    def _on_job_finished(self, number: int, html: str) -> None:
        if not self._job_done(number):
            return
        self._arriving = html
        # In steps, so that typing gets in between them; `_on_page_shown` follows. The
        # child sends the page's changes from the one before: the window only applies.
        self._page.show_soon(html, number, self._renderer.patch_for(number))

    def _on_page_shown(self, update: PageUpdate) -> None:
        how = "whole" if update.whole else "by block"
        log.debug("preview page shown %s: %d blocks", how, update.replaced)
        self._html = self._arriving
        self.error_label.clear()
        self.error_label.hide()
        self.rendered.emit()

    def _on_job_failed(self, number: int, message: str, _crashed: bool) -> None:
        if not self._job_done(number):
            return
        self.error_label.setText(
            self.tr("The preview could not be made: {reason}").format(reason=message)
        )
        self.error_label.show()
        self.render_failed.emit(message)

    # Open in browser -----------------------------------------------------------------------
    def _on_open_button_clicked(self) -> None:
        article = self._newest()
        if self._open_in_browser is None or article is None:
            return
        try:
            self._open_in_browser(copy.deepcopy(article))
        except (NewsdeskError, OSError) as error:
            self.error_label.setText(
                self.tr("Could not open the page in the browser: {reason}").format(
                    reason=refusal_text(error)
                )
            )
            self.error_label.show()
