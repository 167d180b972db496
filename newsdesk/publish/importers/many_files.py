"""Reading the files of one import, in order: in a second process once there are
enough of them, so that one core reads while the other stores what was read.

This module is what the second process loads (with the readers of each format and
the domain, nothing of the newsroom, the storage or the exporters): a process that
starts by importing the whole command line pays a third of a second before it
reads its first file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context

from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import NewsdeskError
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.importers.report import ImportReport

# From this many files on, a second process reads them.
PARALLEL_READ_FROM = 100
# Files handed to the second process at a time: few round trips, and the first
# articles reach the storing process early.
CHUNK = 50


def read_one(
    path: str,
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    known_people: Sequence[str],
    encoding: str | None,
) -> ImportReport | NewsdeskError:
    """The file's import report, or why it was refused (never raised: one refused
    file must not end the reading of the others)."""
    # Loaded here, in the process that reads: the storing one needs none of the readers.
    from newsdesk.publish.importers.files import import_file

    try:
        return import_file(
            path, site=site, vocabulary=vocabulary, known_people=known_people, encoding=encoding
        )
    except NewsdeskError as error:
        # Said in words: an error of a reader's own type need not survive pickling.
        return NewsdeskError(str(error))


def read_files(
    paths: Sequence[str],
    *,
    site: SiteProfile,
    vocabulary: CreditVocabulary,
    known_people: Iterable[str],
    encoding: str | None = None,
    while_waiting: Callable[[], object] | None = None,
) -> Iterator[ImportReport | NewsdeskError]:
    """Each file's report (or why it was refused), in the order given.

    `while_waiting()`, when given, runs in this process once the second process has
    its work and before its first results are awaited: time this process would
    otherwise spend idle while the other starts."""
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
    # spawn, not fork: the storing process may hold server connections and their
    # pool's threads, which a forked child must never inherit.
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        results = pool.map(read, paths, chunksize=CHUNK)
        if while_waiting is not None:
            while_waiting()
        yield from results
