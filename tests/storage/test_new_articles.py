"""Many new articles in one unit of work (`insert_articles`, every engine): each gets
what insert_article gives one, and a batch lands whole or not at all."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.errors import InvalidInputError, StorageError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import Status


def _article(number: int, **overrides) -> Article:
    base = Article(
        headline=f"Harbour ferry returns {number}",
        kicker="Transport",
        slug=f"harbour-ferry-{number}",
        date=dt.date(2026, 3, 2),
        body=f"The ferry sails again.\n\nStory number{number} of the batch. 新闻发布会",
        credits=[Credit("Reporter", ("Lena Park",))],
        keywords=("ferry",),
    )
    return dataclasses.replace(base, **overrides)


def _history(store, article_id: int) -> tuple:
    """What a reader of an article's history sees, times and ids left out."""
    revisions = [(r.revision, r.saved_by, r.status, r.note) for r in store.revisions(article_id)]
    events = [
        (e.actor, e.action, e.from_status, e.to_status, e.revision, e.comment)
        for e in store.audit_events(article_id)
    ]
    return revisions, events


def test_a_batch_stores_what_one_by_one_stores(store):
    alone = [store.insert_article(_article(n), actor="Lena Park") for n in range(3)]
    batch = store.insert_articles(
        [_article(n, slug=f"batch-{n}") for n in range(3, 6)], actor="Lena Park"
    )
    assert [a.slug for a in batch] == ["batch-3", "batch-4", "batch-5"]
    assert len({a.id for a in alone + batch}) == 6
    for one, many in zip(alone, batch, strict=True):
        assert many.revision == 1 and many.status is Status.DRAFT
        assert many.created_by == many.updated_by == many.content_updated_by == "Lena Park"
        assert store.get_article(many.id).content() == many.content()
        assert _history(store, many.id) == _history(store, one.id)
        assert store.get_revision(many.id, 1).body == many.body
    # Each is found by its own words, Latin and Chinese, as one stored alone is.
    for many in batch:
        number = many.slug.split("-")[1]
        assert store.article_ids(ArticleQuery(search=f"number{number}")) == [many.id]
    assert set(store.article_ids(ArticleQuery(search="发布会"))) == {a.id for a in alone + batch}
    # The audit chain runs on through the batch's entries, in order.
    creates = [e.article_id for e in store.audit_events() if e.action == "create"]
    assert creates == [a.id for a in alone + batch]
    assert store.check() == []


@pytest.mark.parametrize(
    "slugs, named",
    [
        (["fresh-1", "harbour-ferry-0", "fresh-2"], "harbour-ferry-0"),  # in use
        (["fresh-1", "fresh-2", "fresh-1"], "fresh-1"),  # twice in the batch
        (["fresh-1", "", "fresh-2"], "slug"),  # none
    ],
)
def test_a_batch_with_a_refused_slug_writes_nothing(store, slugs, named):
    store.insert_article(_article(0), actor="Lena Park")
    events = len(store.audit_events())
    with pytest.raises(InvalidInputError, match=named):
        store.insert_articles(
            [_article(n + 1, slug=s) for n, s in enumerate(slugs)], actor="Lena Park"
        )
    assert store.count() == 1
    assert len(store.audit_events()) == events
    assert not store.slug_taken("fresh-1")
    assert store.article_ids(ArticleQuery(search="number2")) == []
    assert store.check() == []


def test_a_published_former_address_is_not_given_again(store):
    first = store.insert_article(_article(0), actor="Lena Park")
    store.change_slug(
        first.id, slug="moved", actor="Lena Park", expected_slug=first.slug, published=True
    )
    with pytest.raises(InvalidInputError, match="harbour-ferry-0"):
        store.insert_articles([_article(1, slug="harbour-ferry-0")], actor="Lena Park")
    assert store.count() == 1


def test_a_batch_that_fails_half_way_leaves_nothing_of_it(store, engine, request):
    """The engine refuses the third article's revision, after the first two articles
    and their revisions were written in the same unit: none of the batch remains."""
    _refuse_revisions_of(store, engine, request, "harbour-ferry-3")
    store.insert_article(_article(0), actor="Lena Park")
    events = len(store.audit_events())
    with pytest.raises(StorageError, match="refused for the test"):
        store.insert_articles([_article(n) for n in range(1, 5)], actor="Lena Park")
    assert store.count() == 1
    assert len(store.audit_events()) == events
    assert store.article_ids(ArticleQuery(search="number1")) == []
    assert not store.slug_taken("harbour-ferry-1")
    assert store.check() == []
    # The store goes on: the same batch without the refused one lands.
    stored = store.insert_articles([_article(n) for n in (1, 2, 4)], actor="Lena Park")
    assert store.count() == 4 and [a.slug for a in stored][-1] == "harbour-ferry-4"
    assert store.check() == []


def _refuse_revisions_of(store, engine: str, request, slug: str) -> None:
    """A trigger that refuses the revision of the article with `slug` (a failing write
    in the middle of a unit of work, as a full disk or a server's refusal would be)."""
    if engine == "sqlite":
        store.db.execute(
            "CREATE TRIGGER refuse_for_test BEFORE INSERT ON revisions"
            " WHEN (SELECT slug FROM articles WHERE id = NEW.article_id) = "
            f"'{slug}' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
        )
        return
    import psycopg

    with psycopg.connect(request.getfixturevalue("pg_newsroom").url, autocommit=True) as conn:
        conn.execute(
            "CREATE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS $$"
            " BEGIN IF (SELECT slug FROM articles WHERE id = NEW.article_id) = "
            f"'{slug}' THEN RAISE EXCEPTION 'refused for the test'; END IF;"
            " RETURN NEW; END $$"
        )
        conn.execute(
            "CREATE TRIGGER refuse_for_test BEFORE INSERT ON revisions"
            " FOR EACH ROW EXECUTE FUNCTION refuse_for_test()"
        )


def test_slugs_in_use_are_those_slug_taken_says(store):
    first = store.insert_article(_article(0), actor="Lena Park")
    store.insert_article(_article(1), actor="Lena Park")
    store.change_slug(
        first.id, slug="moved", actor="Lena Park", expected_slug=first.slug, published=True
    )
    asked = ["harbour-ferry-0", "harbour-ferry-1", "moved", "never-used"]
    assert store.slugs_in_use(asked) == {s for s in asked if store.slug_taken(s)}
    assert store.slugs_in_use(asked) == {"harbour-ferry-0", "harbour-ferry-1", "moved"}
    assert store.slugs_in_use([]) == set()
