"""Many articles stored in a few units of work, with the same rules per article as
one at a time (issue 14: an import of 2,000 pages in seconds)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from newsdesk.domain.article import Article
from newsdesk.domain.errors import InvalidInputError, RuleViolation
from newsdesk.domain.query import ArticleQuery
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.batches import BATCH
from newsdesk.newsroom.changes import ChangeKind
from tests.cli.test_cli_export import page_text

PEOPLE = {"Rita Vance": ["reporter"], "Pia Holm": ["producer"], "Kai Web": ["web"]}


def test_a_batch_keeps_each_articles_rules_and_stores_the_rest(open_desks):
    room = open_desks(PEOPLE)
    taken = room.create_article(Article(headline="Pool hours"), actor="Rita Vance")
    articles = [
        Article(headline="Ferry timetable"),
        Article(headline="   "),  # no headline: refused by the rule, as alone
        Article(headline="Ferry timetable"),  # same headline: a slug of its own
        Article(headline="Market day", slug=taken.slug),  # the store refuses this one
        *(Article(headline=f"Story {n}") for n in range(BATCH)),  # a second batch
    ]
    results = room.create_articles(articles, actor="Rita Vance")
    assert len(results) == len(articles)
    assert isinstance(results[1], RuleViolation) and results[1].rule == "headline-required"
    assert isinstance(results[3], InvalidInputError) and taken.slug in str(results[3])
    stored = [r for r in results if isinstance(r, Article)]
    assert len(stored) == len(articles) - 2
    assert results[0].slug != results[2].slug
    assert {a.created_by for a in stored} == {"Rita Vance"}
    assert room.count() == 1 + len(stored)
    assert room.article(results[0].id).headline == "Ferry timetable"


def test_slugs_made_in_a_batch_are_numbered_past_every_one_taken(open_desks):
    room = open_desks(PEOPLE)
    room.create_article(Article(headline="Pool hours"), actor="Rita Vance")
    results = room.create_articles(
        [
            Article(headline="Pool hours"),
            Article(headline="Pool hours"),
            Article(headline="Anything", slug="pool-hours-4"),
            Article(headline="Pool hours"),
            Article(headline="泳池开放时间"),
            Article(headline="泳池开放时间"),
        ],
        actor="Rita Vance",
    )
    assert [r.slug for r in results] == [
        "pool-hours-2",
        "pool-hours-3",
        "pool-hours-4",
        "pool-hours-5",
        "yong-chi-kai-fang-shi-jian",
        "yong-chi-kai-fang-shi-jian-2",
    ]


def test_slug_bases_made_by_the_caller_give_the_slugs_the_headlines_give(open_desks):
    """An import's reading process makes each headline's slug base; numbering past
    the slugs taken stays the newsroom's, and a base that cannot be a slug is
    made again from the headline."""
    room = open_desks(PEOPLE)
    room.create_article(Article(headline="Pool hours"), actor="Rita Vance")
    headlines = ["Pool hours", "Pool hours", "泳池开放时间", "Market day", "Ferry news"]
    bases = ["pool-hours", "pool-hours", "yong-chi-kai-fang-shi-jian", "", "Not a slug!"]
    results = room.create_articles(
        [Article(headline=h) for h in headlines], actor="Rita Vance", slug_bases=bases
    )
    assert [r.slug for r in results] == [
        "pool-hours-2",
        "pool-hours-3",
        "yong-chi-kai-fang-shi-jian",
        "market-day",
        "ferry-news",
    ]
    with pytest.raises(ValueError):
        room.create_articles([Article(headline="x")], actor="Rita Vance", slug_bases=[])


def _seen(room, article_id: int) -> tuple:
    """An article's history as its readers see it, times and ids left out."""
    revisions = [(r.revision, r.saved_by, r.status, r.note) for r in room.revisions(article_id)]
    events = [
        (e.actor, e.action, e.from_status, e.to_status, e.revision, e.comment)
        for e in room.audit_events(article_id)
    ]
    return revisions, events


def test_a_batch_gives_each_article_what_one_by_one_gives(open_desks, caplog):
    """On the desks' own logins (a server's rules and triggers apply): rows, revision,
    audit entry, search and announcements per article, the batch one unit."""
    room = open_desks(PEOPLE)
    heard: list = []
    room.subscribe(heard.append)
    stories = [
        Article(headline=f"Ferry timetable {n}", body=f"Sailings{n} resume. 防汛通知发布会")
        for n in range(3)
    ]
    alone = [room.create_article(a, actor="Rita Vance") for a in stories]
    with caplog.at_level("INFO", logger="newsdesk.newsroom.batches"):
        batch = room.create_articles(stories, actor="Rita Vance")
    assert "one by one" not in caplog.text  # nothing refused: one unit for the batch
    assert [a.slug for a in batch] == [f"{a.slug}-2" for a in alone]
    for one, many in zip(alone, batch, strict=True):
        assert room.article(many.id).content() == dataclasses.replace(one, slug=many.slug).content()
        assert _seen(room, many.id) == _seen(room, one.id)
    for n, (one, many) in enumerate(zip(alone, batch, strict=True)):
        assert sorted(room.find(ArticleQuery(search=f"sailings{n}"))) == [one.id, many.id]
    assert len(room.find(ArticleQuery(search="发布会"))) == 6
    created = [c.article_id for changes in heard for c in changes if c.kind is ChangeKind.CREATED]
    assert created == [a.id for a in alone + batch]
    assert room.check() == []


def test_only_those_who_may_create_articles_import_them(open_desks):
    room = open_desks(PEOPLE)
    with pytest.raises(RuleViolation):
        room.create_articles([Article(headline="Anything")], actor="Kai Web")
    assert room.count() == 0


def test_the_command_line_imports_many_pages_and_names_the_one_it_refused(tmp_path):
    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person("Nadia Rahman", ["reporter"])
    room.close()
    files = []
    for number in range(250):  # read by a second process, stored in two batches
        path = tmp_path / f"page-{number:03d}.txt"
        path.write_text(page_text(f"Harbour story {number}", f"Paragraph {number}."), "utf-8")
        files.append(str(path))
    (tmp_path / "page-100.txt").write_text("", "utf-8")  # an empty file is refused
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsdesk",
            "--db",
            str(db),
            "import",
            *files,
            "--as",
            "Nadia Rahman",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert "page-100.txt" in done.stderr and "1 of 250 file(s) refused" in done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 249
    assert [line.split("\t")[1] for line in lines[:2]] == ["Harbour story 0", "Harbour story 1"]
    room = Newsroom.open(db)
    try:
        assert room.count() == 249
        first = room.article(int(lines[0].split("\t")[0]))
        assert first.body == "Paragraph 0." and first.credits[0].names == ("Nadia Rahman",)
    finally:
        room.close()
