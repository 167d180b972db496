"""The preview's page renderer, run in a child process of its own (no Qt here).

Rendering a long article (Python-Markdown, the sanitizer, the template) holds the
interpreter lock for tens of milliseconds; on a thread of the app's process that
lock would stall the window while the reporter types. In a separate process, as
ReText does it, the window never waits for it. The child serves one job at a time:
it receives `(number, article)` on the jobs pipe and answers `(kind, number, text)`
on the answers pipe, where kind is "ok" (text is the HTML), "refused" (a
NewsdeskError's message) or "crashed" (any other exception, with its type). It ends
when the jobs pipe closes, so it never outlives the app.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from multiprocessing.connection import Connection

from newsdesk.domain.article import Article
from newsdesk.domain.errors import NewsdeskError

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
    while True:
        try:
            number, article = jobs.recv()
        except (EOFError, OSError):
            return  # the app closed its end (or died): nothing is left to show
        try:
            answers.send(answer(render, number, article))
        except (BrokenPipeError, OSError):
            return
