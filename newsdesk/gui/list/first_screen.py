"""The list's first screen: the first ids of a query and their rows, read together
off the UI thread, so the list paints its rows at once.

At start the opening thread reads it for the query a new window's list begins with
(`START_QUERY`, every article newest first), while the newsroom is being opened
anyway: the window is then shown with its rows in the first paint, instead of
waiting for the worker's connection and query after the window is built.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from newsdesk.domain.article import ArticleSummary
from newsdesk.domain.errors import NewsdeskError
from newsdesk.domain.query import ArticleQuery

log = logging.getLogger(__name__)

# Rows read before the rest of the list: more than any window shows at once.
FIRST_SCREEN = 100
START_QUERY = ArticleQuery()  # what a new window's list shows: no filter, newest first


@dataclass(frozen=True)
class FirstScreen:
    query: ArticleQuery
    ids: list[int]
    rows: list[ArticleSummary]


def read_first_screen(newsroom, query: ArticleQuery) -> FirstScreen:
    ids = newsroom.find(query, limit=FIRST_SCREEN)
    return FirstScreen(query, ids, newsroom.summaries(ids))


def read_start_screen(newsroom) -> FirstScreen | None:
    """The first screen of START_QUERY, or None if it could not be read (the list
    then asks again, and says why if it fails again)."""
    try:
        return read_first_screen(newsroom, START_QUERY)
    except NewsdeskError as exc:
        log.info("first screen not read at opening: %s", exc)
        return None
