"""The preview's page renderer, run in a child process of its own.

Rendering a long article (Python-Markdown, the sanitizer, the template) holds the
interpreter lock for tens of milliseconds; on a thread of the app's process that
lock would stall the window while the reporter types. In a separate process, as
ReText does it, the window never waits for it. The child serves one job at a time:
it receives `(number, article)` on the jobs pipe and answers `(kind, number, text)`
on the answers pipe, where kind is "ok" (text is the HTML), "refused" (a
NewsdeskError's message) or "crashed" (any other exception, with its type). It ends
when the jobs pipe closes, so it never outlives the app.

A job may also say how the window reads its pages (`(number, article, look)`, a
page_patch.PageLook): the child then reads each page itself, too, and adds to an "ok"
answer the changes from the page before (page_patch), or None. Only then does the
child load Qt (its GUI module, on the offscreen platform: it never shows anything).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsdesk.domain.article import Article
from newsdesk.domain.errors import NewsdeskError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

log = logging.getLogger(__name__)

OK = "ok"
REFUSED = "refused"
CRASHED = "crashed"


def answer(render: Callable[[Article], str], number: int, article: Article) -> tuple:
    """The message that answers job `number` (never raises)."""
    try:
        return (OK, number, render(article))
    except NewsdeskError as error:
        return (REFUSED, number, str(error))
    except Exception as error:  # the preview must survive any bug in a renderer
        log.exception("preview render failed")
        return (CRASHED, number, f"{type(error).__name__}: {error}")


def serve(jobs: Connection, answers: Connection, render: Callable[[Article], str]) -> None:
    """The child's loop: render each job received until the app closes the jobs pipe."""
    # Background work: on a busy machine the window's own process goes first.
    with contextlib.suppress(AttributeError, OSError):
        os.nice(5)
    patcher = None
    while True:
        try:
            number, article, *look = jobs.recv()
        except (EOFError, OSError):
            return  # the app closed its end (or died): nothing is left to show
        message = answer(render, number, article)
        looked_at = look and look[0] is not None and message[0] == OK
        if looked_at and patcher is not None:
            message = (*message, _patch(patcher, number, message[2], look[0]))
        try:
            answers.send(message)
        except (BrokenPipeError, OSError):
            return
        if looked_at and patcher is None:
            # The first page has nothing to be compared with: it went at once, and is
            # read now (Qt's start included), for the next page to be compared with.
            patcher = _patcher()
            _patch(patcher, number, message[2], look[0])


def _patcher():
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # reads pages, never shows one
    from PySide6.QtGui import QGuiApplication

    from newsdesk.gui.preview.page_patch import PagePatcher

    if QGuiApplication.instance() is None:
        _patcher.application = QGuiApplication(["newsdesk-preview"])  # kept alive
    return PagePatcher()


def _patch(patcher, number: int, html: str, look) -> tuple | None:
    try:
        return patcher.patch(number, html, look)
    except Exception:  # the page still goes, whole: a bug here must not lose it
        log.exception("preview: the page's changes could not be worked out")
        return None
