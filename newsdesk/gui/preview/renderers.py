"""Where the preview's pages are rendered: a child process (the app's way), or the
shared thread pool (for a render function that cannot leave the process, as tests
inject). Both run one job at a time when asked and report by signal on the UI thread.
"""

from __future__ import annotations

import copy
import logging
import pickle
import queue
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from newsdesk.domain.article import Article
from newsdesk.gui.preview.render_process import OK, REFUSED, answer, serve

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

log = logging.getLogger(__name__)

Render = Callable[[Article], str]
# How long closing waits for an idle child to end by itself before it is stopped.
_JOIN_TIMEOUT_S = 0.5


class Renderer(QObject):
    """Renders job `number` of `article`; reports `finished(number, html)`, or
    `failed(number, message, crashed)` (crashed: a bug, not a refusal)."""

    finished = Signal(int, str)
    failed = Signal(int, str, bool)

    def start(self, number: int, article: Article) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Stop: nothing is reported after this."""

    def read_pages_like(self, look: object) -> None:
        """How the window reads pages (page_patch.PageLook), for renderers that send
        each page's changes from the one before; others ignore it."""

    def patch_for(self, number: int) -> tuple | None:
        """The changes that came with page `number` (page_patch), if any."""
        return None


class _JobSignals(QObject):
    # One per job and held by it, so a late result never meets a deleted sender.
    done = Signal(tuple)


class _RenderJob(QRunnable):
    def __init__(self, render: Render, article: Article, number: int) -> None:
        super().__init__()
        self.render = render
        self.article = article
        self.number = number
        self.signals = _JobSignals()

    def run(self) -> None:
        message = answer(self.render, self.number, self.article)
        try:
            self.signals.done.emit(message)
        except RuntimeError:
            # The application is shutting down and took the signal object with it.
            log.debug("preview render %d finished after its pane was gone", self.number)


class ThreadRenderer(Renderer):
    """Runs `render` on the shared thread pool (it then competes with the window for
    the interpreter lock: for small or injected renders only)."""

    def __init__(self, render: Render, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._render = render
        # The shared pool: a pool of our own would, when deleted, wait for a running
        # render while holding the interpreter lock the render needs.
        self._pool = QThreadPool.globalInstance()
        self._closed = False

    def start(self, number: int, article: Article) -> None:
        # A snapshot: the editor keeps changing its article while the thread reads it.
        job = _RenderJob(self._render, copy.deepcopy(article), number)
        job.signals.done.connect(self._on_job_done)
        self._pool.start(job)

    def _on_job_done(self, message: tuple) -> None:
        # The job's signal object was made on the UI thread: have it deleted there.
        sender = self.sender()
        if sender is not None:
            sender.setParent(self)
            sender.deleteLater()
        if not self._closed:
            _report(self, message)

    def close(self) -> None:
        self._closed = True
        self._pool.waitForDone()


class _Answers(QObject):
    """What one child's answer reader reports, delivered on the UI thread. One per
    child: a dead child's late answers reach a sender nobody listens to any more."""

    arrived = Signal(tuple)
    ended = Signal()


class ProcessRenderer(Renderer):
    """Runs `render` (picklable: a module-level function or a partial of one) in a
    child process, started on the first job and again after it died."""

    def __init__(self, render: Render, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._render = render
        self._process = None
        self._outbox: queue.SimpleQueue[bytes | None] | None = None  # to the job writer
        self._answers: _Answers | None = None  # from the answer reader
        self._in_flight: int | None = None
        self._look: object | None = None
        self._patch: tuple[int, tuple | None] = (0, None)  # the last page's, by number

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs (None before the first job)."""
        return self._process.pid if self._process is not None else None

    def start(self, number: int, article: Article) -> None:
        if self._process is None or not self._process.is_alive():
            self._spawn()
        self._in_flight = number
        # Pickled now: the editor may change its article right after this returns.
        # Written by a thread: a long article fills the pipe, and the write would wait
        # for a busy (or niced) child to read it, on the UI thread.
        self._outbox.put(pickle.dumps((number, article, self._look), pickle.HIGHEST_PROTOCOL))

    def read_pages_like(self, look: object) -> None:
        self._look = look

    def patch_for(self, number: int) -> tuple | None:
        return self._patch[1] if self._patch[0] == number else None

    def _spawn(self) -> None:
        self._stop_child()
        # Imported here, when an article is first previewed: the start does not need it
        # (the warm-up imports it once the list has painted: gui/window_warm_up.py).
        import multiprocessing

        # spawn, not fork: a fork of a process running Qt's threads is unsafe.
        context = multiprocessing.get_context("spawn")
        jobs_in, jobs_out = context.Pipe(duplex=False)
        answers_in, answers_out = context.Pipe(duplex=False)
        process = context.Process(
            target=serve,
            args=(jobs_in, answers_out, self._render),
            name="newsdesk-preview",
            daemon=True,
        )
        process.start()
        # The child holds its ends; ours see EOF (or a broken pipe) when the child dies.
        jobs_in.close()
        answers_out.close()
        self._process = process
        self._outbox = queue.SimpleQueue()
        threading.Thread(
            target=_write_jobs, args=(jobs_out, self._outbox), name="preview-jobs", daemon=True
        ).start()
        # Read by a thread too: a page longer than the pipe holds comes in pieces, as
        # fast as the (niced, busy) child writes them, and the UI thread used to wait
        # for the last piece in recv() (up to 10 ms seen at 10,000 words under load).
        self._answers = _Answers(self)
        self._answers.arrived.connect(self._on_answer_arrived)
        self._answers.ended.connect(self._on_answers_ended)
        threading.Thread(
            target=_read_answers,
            args=(answers_in, self._answers),
            name="preview-answers",
            daemon=True,
        ).start()
        log.info("preview process %d started", process.pid)

    def _on_answer_arrived(self, message: tuple) -> None:
        if self.sender() is not self._answers:
            return  # from a child stopped since
        if message[1] == self._in_flight:
            self._in_flight = None
        if len(message) > 3:
            self._patch = (message[1], message[3])
        _report(self, message[:3])

    def _on_answers_ended(self) -> None:
        if self.sender() is self._answers:
            self._lost("the preview process stopped; it starts again with the next change")

    def _lost(self, why: str) -> None:
        log.warning("%s", why)
        number = self._in_flight
        self._in_flight = None
        self._stop_child()
        if number is not None:
            self.failed.emit(number, why, True)

    def _stop_child(self, *, busy: bool = False) -> None:
        if self._answers is not None:
            # Its reader ends at the child's end (EOF) and closes the pipe; the object
            # stays (a child of this renderer), never deleted while a reader may emit.
            self._answers.arrived.disconnect(self._on_answer_arrived)
            self._answers.ended.disconnect(self._on_answers_ended)
            self._answers = None
        if self._outbox is not None:
            self._outbox.put(None)  # the writer closes the jobs pipe: the child ends
            self._outbox = None
        process, self._process = self._process, None
        if process is not None:
            if not busy:  # an idle child ends at once; a busy one would finish its page
                process.join(_JOIN_TIMEOUT_S)
            if process.is_alive():
                process.kill()
                process.join(_JOIN_TIMEOUT_S)

    def close(self) -> None:
        busy = self._in_flight is not None
        self._in_flight = None
        self._stop_child(busy=busy)


def _write_jobs(jobs: Connection, outbox: queue.SimpleQueue[bytes | None]) -> None:
    """The job writer's loop (a thread of its own): the pipe and its closing are its."""
    try:
        while (job := outbox.get()) is not None:
            jobs.send_bytes(job)  # waits, without the interpreter lock, for the child
    except OSError as error:
        # The child died; the answers pipe's EOF tells the pane so.
        log.debug("preview jobs pipe closed: %s", error)
    finally:
        jobs.close()


def _read_answers(answers: Connection, to: _Answers) -> None:
    """The answer reader's loop (a thread of its own): waits for each whole answer
    without the interpreter lock, then hands it to the UI thread by signal."""
    try:
        while True:
            message = answers.recv()
            _emit(to.arrived, message)
    except (EOFError, OSError):
        _emit(to.ended)  # the child died, or ended because the app stopped it
    finally:
        answers.close()


def _emit(signal, *args) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:
        log.debug("preview answer after its renderer was gone")  # the app is closing


def _report(renderer: Renderer, message: tuple) -> None:
    kind, number, text = message
    if kind == OK:
        renderer.finished.emit(number, text)
    else:
        renderer.failed.emit(number, text, kind != REFUSED)
