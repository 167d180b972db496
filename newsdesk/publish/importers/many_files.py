"""Reading the files of one import, in order: in a second process once there are
enough of them, so that one core reads while the other stores what was read.

This module is what the second process loads (with the readers of each format and
the domain, nothing of the newsroom, the storage or the exporters): a process that
starts by importing the whole command line pays a third of a second before it
reads its first file. The second process runs `_serve` below and nothing of the
program that started it (see `_nothing_of_this_program`).

When the second process stops before it has read every file (killed, out of
memory, a reader's bug), the files it did read are still handed over, in order,
and then `ReadingStopped` says which file was the first one not read.
"""

from __future__ import annotations

import signal
import sys
import threading
import types
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from multiprocessing import get_context
from queue import SimpleQueue

from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import NewsdeskError
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.importers.report import ImportReport

# From this many files on, a second process reads them.
PARALLEL_READ_FROM = 100
# Reports sent at a time: few messages, and the first articles reach the storing
# process early.
CHUNK = 25


class ReadingStopped(NewsdeskError):
    """The second process stopped before it had read every file; `first_unread`
    is the index of the first file it did not hand over."""

    def __init__(self, message: str, first_unread: int) -> None:
        super().__init__(message)
        self.first_unread = first_unread


def read_one(
    path: str,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    known_people: Sequence[str],
    encoding: str | None,
) -> ImportReport | NewsdeskError:
    """The file's import report, with the slug its headline gives (`slug_base`), or
    why it was refused (never raised: one refused file must not end the reading of
    the others)."""
    # Loaded here, in the process that reads: the storing one needs none of the
    # readers, nor (for the headlines' slugs) the Chinese transliteration.
    from newsdesk.publish.importers.files import import_file
    from newsdesk.publish.slugs import base_slug

    try:
        report = import_file(
            path, site=site, vocabulary=vocabulary, known_people=known_people, encoding=encoding
        )
    except NewsdeskError as error:
        # Said in words: an error of a reader's own type need not survive pickling.
        return NewsdeskError(str(error))
    if report.article.headline.strip():
        report.slug_base = base_slug(report.article.headline)
    return report


def read_files(
    paths: Sequence[str],
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    known_people: Iterable[str],
    encoding: str | None = None,
    while_waiting: Callable[[bool], None] | None = None,
    reader: Reader | None = None,
) -> Iterator[ImportReport | NewsdeskError]:
    """Each file's report (or why it was refused), in the order given; raises
    ReadingStopped after the last report it has when the second process stopped
    early.

    `while_waiting`, when files are read in the second process, is called with
    False each time every report read so far has been handed over and the next has
    not arrived yet (the caller can store what it holds instead of idling while the
    reader catches up), and with True once every report was handed over, before the
    second process is waited for (the caller can store the rest while it exits).

    `reader`, from `early_reader`, is a second process started before the caller
    opened its newsroom (its interpreter starts meanwhile); without it one is
    started here when there are enough files."""
    read = partial(
        read_one,
        site=site,
        vocabulary=vocabulary,
        known_people=list(known_people),
        encoding=encoding,
    )
    if len(paths) < PARALLEL_READ_FROM:
        yield from map(read, paths)
        return
    yield from _read_elsewhere(list(paths), read, while_waiting, reader or Reader())


class Reader:
    """The second process, started: it loads the readers and waits for its work."""

    def __init__(self) -> None:
        # spawn, not fork: the storing process may hold server connections and their
        # pool's threads, which a forked child must never inherit.
        context = get_context("spawn")
        jobs_in, self.jobs_out = context.Pipe(duplex=False)
        self.receiving, sending = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_serve, args=(jobs_in, sending), name="newsdesk-import-reader", daemon=True
        )
        with _nothing_of_this_program():
            self.process.start()
        # The child holds its ends: ours see EOF (or a broken pipe) when the child is gone.
        jobs_in.close()
        sending.close()

    def stop(self, *, all_read: bool = False, drain: threading.Thread | None = None) -> None:
        """Ends the process: terminated if it still runs with work left (none given,
        or not all of it read), else waited for as it exits by itself; then `drain`,
        the thread taking its reports, and the pipes. Again later, it does nothing."""
        if not all_read and self.process.is_alive():
            self.process.terminate()
        self.process.join()
        if drain is not None:
            drain.join()  # before the pipes close: it may still be reading one
        self.jobs_out.close()
        self.receiving.close()


@contextmanager
def early_reader(count: int) -> Iterator[Reader | None]:
    """A second process for an import of `count` files, started now (None when so
    few files are read in this process); ended on the way out if still running."""
    if count < PARALLEL_READ_FROM:
        yield None
        return
    reader = Reader()
    try:
        yield reader
    finally:
        reader.stop()


def _read_elsewhere(
    paths: list[str],
    read: Callable,
    while_waiting: Callable[[bool], None] | None,
    started: Reader,
) -> Iterator[ImportReport | NewsdeskError]:
    reader = started.process
    # A thread hands over the work (the reading function with this newsroom's site,
    # vocabulary and people, and the paths: more than a pipe holds, so it waits for
    # the child to start and read) and then drains the reports, so that the reader never waits on a
    # full pipe while this process stores a batch: it stays ahead.
    arrived: SimpleQueue = SimpleQueue()
    drain = threading.Thread(
        target=_exchange,
        args=((read, paths), started.jobs_out, started.receiving, arrived),
        name="import-reader-results",
        daemon=True,
    )
    drain.start()
    done = 0
    try:
        while done < len(paths):
            if while_waiting is not None and done and arrived.empty():
                while_waiting(False)
            message = arrived.get()
            if not isinstance(message, list):  # EOF, or the reader's own failure
                reader.join(5)
                raise ReadingStopped(_why_stopped(reader.exitcode, message), done)
            yield from message
            done += len(message)
        # Every report is here; the reader's interpreter takes about 0.1 s to shut
        # down (pypinyin's dictionaries): the last files are stored meanwhile.
        if while_waiting is not None:
            while_waiting(True)
    finally:
        started.stop(all_read=done >= len(paths), drain=drain)


def _serve(jobs, sending) -> None:
    """In the second process: each file's report, in order, CHUNK at a time."""
    chunk: list = []
    try:  # the readers load while the storing process opens its newsroom
        from newsdesk.publish.importers.files import import_file  # noqa: F401
        from newsdesk.publish.slugs import base_slug  # noqa: F401
    except Exception:  # said by the first file read, as a reader's failure
        pass
    try:
        read, paths = jobs.recv()
        jobs.close()
        for path in paths:
            try:
                chunk.append(read(path))
            except Exception as error:  # a reader's bug: say so, after what was read
                if chunk:
                    sending.send(chunk)
                sending.send(f"{type(error).__name__}: {error}")
                return
            if len(chunk) >= CHUNK:
                sending.send(chunk)
                chunk = []
        if chunk:
            sending.send(chunk)
    except (EOFError, BrokenPipeError, KeyboardInterrupt):  # the storing process is gone
        return
    finally:
        sending.close()
    _end_now()


def _end_now() -> None:
    """Every report sent: the second process ends without freeing what it loaded
    (pypinyin's dictionaries, the readers: 0.1 s of an interpreter's shutdown that
    the storing process would wait for). What was registered to run at exit still
    runs (multiprocessing's forked children end with os._exit too)."""
    import atexit
    import os

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(0)


def _exchange(work: tuple, jobs_out, receiving, arrived: SimpleQueue) -> None:
    try:
        jobs_out.send(work)
    except OSError:  # the reader is gone already: its end of the results says so
        pass
    finally:
        jobs_out.close()
    while True:
        try:
            message = receiving.recv()
        except (EOFError, OSError):
            arrived.put(None)
            return
        arrived.put(message)
        if not isinstance(message, list):
            return


def _why_stopped(exitcode: int | None, failure: str | None) -> str:
    if failure:
        return f"the process reading the files failed ({failure})"
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"the process reading the files was stopped ({name})"
    return f"the process reading the files ended unexpectedly (exit status {exitcode})"


@contextmanager
def _nothing_of_this_program() -> Iterator[None]:
    """While the second process starts, `__main__` is a module with no file and the
    arguments are only the program's name.

    A spawned child first runs the parent's main script again (as `__mp_main__`),
    unless the parent was started with `python -m`: started as the installed console
    script `newsdesk`, whose first line imports the whole command line, the reader
    would load the command line, the newsroom and the exporters before its first
    file. The child needs nothing of `__main__` (what it runs lives in this module),
    so it is shown what the interactive interpreter shows: nothing to run. Nor does
    it need the parent's arguments (the paths of every file), which it would be sent
    before it starts, through a pipe that never breaks if it dies meanwhile: the
    paths go over a pipe of ours instead. The frozen app's child is the app itself
    (multiprocessing.freeze_support)."""
    main, argv = sys.modules.get("__main__"), sys.argv
    if main is None or getattr(sys, "frozen", False):
        yield
        return
    sys.modules["__main__"] = types.ModuleType("__main__")
    sys.argv = argv[:1]
    try:
        yield
    finally:
        sys.modules["__main__"], sys.argv = main, argv
