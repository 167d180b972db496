"""The server's ranked first screen (storage/postgres/ranking.py) against the SQLite
engine's ranking on the same newsroom: whichever way the server reads a tier (a walk
of the newest rows, further walks, or the tier's own index), the first screen is the
head of the same ranked list SQLite gives."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.domain.article import Article, Credit, Person
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import UserRole
from newsdesk.storage.postgres import ranking
from newsdesk.storage.postgres.store import PostgresStore
from newsdesk.storage.sqlite.store import SQLiteStore

COUNT = 240
LONG = {150, 151}  # bodies of three index parts each, side by side
QUERIES = (
    "tide",  # in every 37th headline, some keywords and credits, most bodies
    "ti",
    "t",
    "harbour tide",
    "election",  # frequent in the oldest headlines only
    "发布会",
    "新闻 tide",
    "zeppelin",  # at the end of the long bodies only
    "tidewell",  # in credits only
    "kelp",  # nowhere
)
READERS = ("Lena Park", "Omar Diaz")


def _article(i: int) -> Article:
    if i % 37 == 0:
        headline = f"Tide report {i}"
    elif i < 60 and i % 2 == 0:
        headline = f"Election night {i}"
    elif i % 25 == 0:
        headline = f"发布会 {i}"
    else:
        headline = f"Story {i}"
    body = "High tide at the harbour." if i % 3 else "Calm seas."
    if i % 5 == 0:
        body += " 今天的新闻发布会。"
    if i in LONG:
        body += " " + " ".join(f"w{n}" for n in range(17_000)) + " zeppelin"
    credits = [Credit("Reporter", (READERS[i % 2],))]
    if i % 13 == 0:
        credits.append(Credit("Photography", ("Ann Tidewell",)))
    return Article(
        headline=headline,
        slug=f"s{i}",
        date=dt.date(2026, 3, 2),
        body=body,
        keywords=["tide"] if i % 11 == 0 else [],
        credits=credits,
    )


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [_article(i) for i in range(COUNT)]


def _fill(store, articles) -> None:
    for name in READERS:
        store.add_person(Person(name, frozenset({UserRole.REPORTER})))
    with store.transaction():
        for article in articles:
            store.insert_article(article, actor="Lena Park")


@pytest.fixture
def both(pg_newsroom, tmp_path, articles):
    sqlite, server = SQLiteStore(tmp_path / "newsroom.db"), PostgresStore(pg_newsroom.url)
    _fill(sqlite, articles)
    _fill(server, articles)
    yield sqlite, server
    sqlite.close()
    server.close()


# (window, index cost): the newsroom in one window; small windows with walks on
# whenever they can; small windows with the tiers' indexes at once.
WAYS = {"one window": (1_000, 8), "walks": (7, 10**9), "indexes": (7, 0)}


@pytest.mark.parametrize("way", WAYS)
def test_every_first_screen_is_the_head_of_sqlites_ranked_list(both, way, monkeypatch):
    sqlite, server = both
    window, index_cost = WAYS[way]
    monkeypatch.setattr(ranking, "WINDOW", window)
    monkeypatch.setattr(ranking, "INDEX_COST", index_cost)
    for text in QUERIES:
        for reporter in (None, "Omar Diaz"):
            query = ArticleQuery(search=text, reporter=reporter)
            ranked = sqlite.article_ids(query)
            assert server.article_ids(query) == ranked, (text, reporter)
            for limit in (1, 5, 6, 30, 100):
                first = server.article_ids(query, limit=limit)
                assert first == ranked[:limit], (text, reporter, limit)
    # The queries above found something, each in more than one tier.
    assert len(sqlite.article_ids(ArticleQuery(search="tide"))) > 150
    assert sqlite.article_ids(ArticleQuery(search="zeppelin")) == [152, 151]


def test_a_body_of_more_parts_than_a_walk_holds_is_still_found(both, monkeypatch):
    sqlite, server = both
    monkeypatch.setattr(ranking, "WINDOW", 2)  # fewer rows than a long body's parts
    monkeypatch.setattr(ranking, "INDEX_COST", 10**9)
    for text in ("zeppelin", "w16999 zeppelin", "tide"):
        query = ArticleQuery(search=text)
        assert server.article_ids(query, limit=10) == sqlite.article_ids(query)[:10], text
