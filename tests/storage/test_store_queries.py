"""The contract, widened to every query the app asks and to what a team base adds: the
list's filters and sorts, "waiting for me", what the site carries, long bodies and
prefixes in search, settings, people, comments, the audit chain and writers at once.
Runs on every engine (see conftest.ENGINES)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest

from newsdesk.domain.article import Article, Credit, Person
from newsdesk.domain.errors import ConflictError, InvalidInputError, NotFoundError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import Status, UserRole


def _article(slug: str, **fields) -> Article:
    base = dict(
        headline=f"Story {slug}",
        slug=slug,
        date=dt.date(2026, 3, 2),
        body="Plain text.",
        credits=[Credit("Reporter", ("Lena Park",))],
    )
    base.update(fields)
    return Article(**base)


def _move(store, article_id, action, new_status, actor="Omar Diaz"):
    current = store.get_article(article_id)
    return store.set_status(
        article_id,
        actor=actor,
        action=action,
        expected_status=current.status,
        new_status=new_status,
    )


def _edit(store, article_id, actor="Lena Park", **fields):
    current = store.get_article(article_id)
    return store.save_article(
        dataclasses.replace(current, **fields),
        actor=actor,
        expected_revision=current.revision,
        expected_status=current.status,
        new_status=current.status,
    )


def _raw(store, statement: str) -> None:
    """Change the database behind the store's back (as its owner): for damage tests."""
    if hasattr(store, "db"):
        store.db.execute(statement)
        store.db.conn.commit()
    else:
        import psycopg

        with psycopg.connect(store.conninfo, autocommit=True) as conn:
            conn.execute(statement)


# -- the list -----------------------------------------------------------------------


@pytest.fixture
def clock(monkeypatch):
    """Every write a minute after the one before (stored times have whole seconds)."""
    from newsdesk.storage import codec

    start = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    ticks = iter(range(10_000))
    monkeypatch.setattr(codec, "now_utc", lambda: start + dt.timedelta(minutes=next(ticks)))


@pytest.fixture
def listed(store, clock):
    """Four articles whose every list column differs (case, lists, a missing date)."""
    made = {}
    for slug, headline, section, reporters, date in (
        ("b", "banana boats", ["sport"], ["Omar Diaz"], dt.date(2026, 1, 5)),
        ("a", "Apple harvest", ["news", "city"], ["Lena Park"], None),
        ("c", "cherry blossom", ["arts"], ["Ivo Brandt", "Lena Park"], dt.date(2025, 12, 1)),
        ("d", "Damson jam", ["news"], [], dt.date(2026, 2, 1)),
    ):
        made[slug] = store.insert_article(
            _article(
                slug,
                headline=headline,
                section=section,
                date=date,
                credits=[Credit("Reporter", tuple(reporters))] if reporters else [],
            ),
            actor="Lena Park",
        )
    _move(store, made["c"].id, "submit", Status.SUBMITTED)
    _move(store, made["b"].id, "submit", Status.SUBMITTED)
    _move(store, made["b"].id, "approve", Status.APPROVED)
    _edit(store, made["a"].id, body="Edited last.")
    return {k: v.id for k, v in made.items()}


@pytest.mark.parametrize(
    ("sort", "ascending", "descending"),
    [
        ("updated", "dcba", "abcd"),
        ("headline", "abcd", "dcba"),  # case does not count
        # Equal statuses (a and d are drafts) stay newest first in both directions.
        ("status", "badc", "cadb"),
        # Lists compare as their stored text, byte by byte, on every engine.
        ("section", "cadb", "bdac"),
        ("reporter", "cabd", "dbac"),
        ("date", "acbd", "dbca"),  # no date: first going up, last going down
        ("id", "bacd", "dcab"),
    ],
)
def test_every_list_sort_in_both_directions(store, listed, sort, ascending, descending):
    up = store.article_ids(ArticleQuery(sort=sort, descending=False))
    down = store.article_ids(ArticleQuery(sort=sort, descending=True))
    assert up == [listed[s] for s in ascending]
    assert down == [listed[s] for s in descending]


def test_filters_combine_with_each_other_and_with_search(store, listed):
    assert store.article_ids(
        ArticleQuery(statuses=(Status.DRAFT, Status.SUBMITTED), sort="id", descending=False)
    ) == [listed["a"], listed["c"], listed["d"]]
    assert store.article_ids(ArticleQuery(reporter="Lena Park", status=Status.SUBMITTED)) == [
        listed["c"]
    ]
    assert store.article_ids(ArticleQuery(search="jam", status=Status.DRAFT)) == [listed["d"]]
    assert store.article_ids(ArticleQuery(search="jam", status=Status.APPROVED)) == []
    assert store.article_ids(ArticleQuery(search="   ")) != []  # blank: no search at all
    assert store.article_ids(ArticleQuery(search="!!")) == []  # no words: nothing found


def test_summaries_carry_what_the_list_shows(store, listed):
    (row,) = store.summaries([listed["c"]])
    assert row.headline == "cherry blossom"
    assert row.section == ("arts",)
    assert row.reporters == ("Ivo Brandt", "Lena Park")
    assert row.date == dt.date(2025, 12, 1)
    assert row.status is Status.SUBMITTED
    assert row.created_by == "Lena Park"
    assert store.summaries([999, listed["a"]])[0].id == listed["a"]
    assert len(store.summaries(list(listed.values()) * 3)) == 12
    assert store.count() == 4


def test_waiting_for_me_per_role(store):
    store.add_person(Person("Kai Web", frozenset({UserRole.WEB})))
    returned = store.insert_article(_article("ret"), actor="Lena Park")
    credited = store.insert_article(
        _article("cred", credits=[Credit("Reporter", ("Lena Park",))]), actor="Omar Diaz"
    )
    submitted = store.insert_article(_article("sub"), actor="Lena Park")
    approved = store.insert_article(_article("app"), actor="Lena Park")
    exported = store.insert_article(_article("exp"), actor="Lena Park")
    for article in (returned, credited, submitted, approved, exported):
        _move(store, article.id, "submit", Status.SUBMITTED)
    for article in (returned, credited):
        _move(store, article.id, "return", Status.DRAFT)
    for article in (approved, exported):
        _move(store, article.id, "approve", Status.APPROVED)
    store.record_event(actor="Kai Web", action="export", article_id=exported.id, revision=1)

    def waiting(roles, user):
        return set(store.article_ids(ArticleQuery(waiting_roles=roles, waiting_user=user)))

    assert waiting((UserRole.PRODUCER,), "Omar Diaz") == {submitted.id}
    assert waiting((UserRole.WEB,), "Kai Web") == {approved.id}
    assert waiting((UserRole.REPORTER,), "Lena Park") == {returned.id, credited.id}
    assert waiting((UserRole.REPORTER,), "Someone Else") == set()
    assert waiting((UserRole.PRODUCER, UserRole.WEB), "Both") == {submitted.id, approved.id}
    # A new revision of the exported article waits for the web team again.
    _move(store, exported.id, "return", Status.DRAFT)
    _edit(store, exported.id, body="Corrected.")
    _move(store, exported.id, "submit", Status.SUBMITTED)
    _move(store, exported.id, "approve", Status.APPROVED)
    assert waiting((UserRole.WEB,), "Kai Web") == {approved.id, exported.id}


def test_on_the_site_means_approved_once_and_not_archived(store):
    draft = store.insert_article(_article("draft"), actor="Lena Park")
    live = store.insert_article(_article("live"), actor="Lena Park")
    corrected = store.insert_article(_article("fix"), actor="Lena Park")
    gone = store.insert_article(_article("gone"), actor="Lena Park")
    for article in (live, corrected, gone):
        _move(store, article.id, "submit", Status.SUBMITTED)
        _move(store, article.id, "approve", Status.APPROVED)
    _move(store, live.id, "publish", Status.PUBLISHED)
    store.save_article(
        dataclasses.replace(store.get_article(corrected.id), body="Correction."),
        actor="Lena Park",
        expected_revision=1,
        expected_status=Status.APPROVED,
        new_status=Status.SUBMITTED,
    )
    _move(store, gone.id, "archive", Status.ARCHIVED)
    on_site = store.article_ids(ArticleQuery(on_site=True, sort="id", descending=False))
    assert on_site == [live.id, corrected.id]
    assert draft.id not in on_site
    assert store.get_article(corrected.id).approved_revision == 1


# -- search -------------------------------------------------------------------------


def test_search_as_you_type_finds_every_prefix(store):
    stored = store.insert_article(
        _article("typing", headline="Ferryman strike", body="Überfahrt cancelled."),
        actor="Lena Park",
    )
    for typed in ("f", "fe", "fer", "ferr", "ferryman", "FERRYMAN", "strike fer", "uber"):
        assert store.article_ids(ArticleQuery(search=typed)) == [stored.id], typed
    assert store.article_ids(ArticleQuery(search="ferrymen")) == []


def test_a_long_body_is_searchable_to_its_end(store):
    filler = " ".join(f"word{i}" for i in range(40_000))
    body = f"Opening harbour line. {filler} 结尾处的新闻发布会 closing zeppelin."
    stored = store.insert_article(_article("long", body=body), actor="Lena Park")
    store.insert_article(_article("short", body="Nothing here."), actor="Lena Park")
    for word in ("harbour", "zeppelin", "word39999", "发布会", "新闻", "harbour zeppelin"):
        assert store.article_ids(ArticleQuery(search=word)) == [stored.id], word
    assert store.check() == []
    _edit(store, stored.id, body="Now short, no ships.")
    assert store.article_ids(ArticleQuery(search="zeppelin")) == []
    assert store.article_ids(ArticleQuery(search="ships")) == [stored.id]


def test_search_ranks_headline_then_keywords_then_credits_then_body(store):
    in_headline = store.insert_article(
        _article("headline", headline="Lighthouse saved", credits=[]), actor="Lena Park"
    )
    in_keywords = store.insert_article(
        _article("keywords", headline="Three", keywords=["lighthouse"], credits=[]),
        actor="Lena Park",
    )
    in_credits = store.insert_article(
        _article("credits", headline="Two", credits=[Credit("Photography", ("Lighthouse",))]),
        actor="Lena Park",
    )
    in_body = store.insert_article(
        _article("body", headline="One", body="The lighthouse keeper.", credits=[]),
        actor="Lena Park",
    )
    # Newest first among equals would give the reverse order: the weights decide it.
    assert store.article_ids(ArticleQuery(search="lighthouse")) == [
        in_headline.id,
        in_keywords.id,
        in_credits.id,
        in_body.id,
    ]


def test_chinese_and_latin_words_in_one_query(store):
    stored = store.insert_article(
        _article("mixed", headline="Harbour 新闻发布会", body="防汛工作部署"), actor="Lena Park"
    )
    assert store.article_ids(ArticleQuery(search="harbour 发布")) == [stored.id]
    assert store.article_ids(ArticleQuery(search="防汛 新闻")) == [stored.id]
    assert store.article_ids(ArticleQuery(search="防汛 地震")) == []
    assert store.article_ids(ArticleQuery(search="闻发布会")) == [stored.id]


# -- settings, people, comments -------------------------------------------------------


def test_settings_are_kept_and_replaced(store):
    assert store.get_setting("export_folder") is None
    assert store.get_setting("export_folder", "site/") == "site/"
    store.set_setting("export_folder", "/srv/site")
    store.set_setting("export_folder", "/srv/site2")
    assert store.get_setting("export_folder") == "/srv/site2"


def test_people_are_listed_by_name_and_keep_their_first_day(store):
    first = store.people()
    assert [p.name for p in first] == ["Lena Park", "Omar Diaz"]
    store.add_person(Person("ada Byrne", frozenset({UserRole.WEB})))
    store.add_person(Person("  Omar Diaz ", frozenset({UserRole.PRODUCER, UserRole.WEB})))
    assert [p.name for p in store.people()] == ["ada Byrne", "Lena Park", "Omar Diaz"]
    assert store.get_person("Omar Diaz").roles == {UserRole.PRODUCER, UserRole.WEB}
    actions = [e.action for e in store.audit_events() if e.actor == "Omar Diaz"]
    assert actions[-1] == "person-updated"
    with pytest.raises(InvalidInputError):
        store.add_person(Person("   ", frozenset({UserRole.WEB})))
    with pytest.raises(InvalidInputError):
        store.add_person(Person("Nobody Roles", frozenset()))


def test_a_reply_belongs_to_a_comment_of_the_same_article(store):
    one = store.insert_article(_article("one"), actor="Lena Park")
    two = store.insert_article(_article("two"), actor="Lena Park")
    note = store.add_comment(one.id, author="Omar Diaz", text="Source?")
    with pytest.raises(NotFoundError):
        store.add_comment(two.id, author="Lena Park", text="Reply", parent_id=note.id)
    with pytest.raises(NotFoundError):
        store.add_comment(999, author="Lena Park", text="Nowhere")
    assert store.comments(two.id) == []
    (kept,) = store.comments(one.id)
    assert (kept.author, kept.text, kept.parent_id) == ("Omar Diaz", "Source?", None)


# -- the audit chain -----------------------------------------------------------------


def test_the_chain_covers_every_write_and_check_finds_a_changed_entry(store):
    article = store.insert_article(_article("chain"), actor="Lena Park")
    _edit(store, article.id, body="Second.")
    store.add_comment(article.id, author="Omar Diaz", text="Fine.")
    store.save_site_profile(store.site_profile(), actor="Omar Diaz")
    events = store.audit_events()
    assert [e.id for e in events] == list(range(1, len(events) + 1))
    assert store.check() == []
    _raw(store, "UPDATE audit SET comment = 'rewritten' WHERE action = 'comment'")
    problems = store.check()
    assert any("was changed after it was written" in p for p in problems), problems


def test_check_finds_removed_newest_entries(store):
    store.insert_article(_article("tail"), actor="Lena Park")
    assert store.check() == []
    newest = store.audit_events()[-1].id
    _raw(store, f"DELETE FROM audit WHERE id = {newest}")
    assert any("chain head does not match" in p for p in store.check())


def test_check_finds_a_missing_revision(store):
    article = store.insert_article(_article("rev"), actor="Lena Park")
    _edit(store, article.id, body="Two.")
    _raw(store, f"DELETE FROM revisions WHERE article_id = {article.id} AND revision = 2")
    assert f"article {article.id}: revision 2 is not stored" in store.check()


# -- writers at once ----------------------------------------------------------------


def test_writers_on_threads_lose_nothing_and_keep_the_chain(store, request, engine, tmp_path):
    from tests.storage.conftest import ENGINES

    article = store.insert_article(_article("busy", body="start"), actor="Lena Park")
    writers, saves = 4, 12
    errors: list[BaseException] = []

    def write(k: int) -> None:
        # Each writer has its own store (its own connection), like another desk.
        own = desks[k]
        try:
            for n in range(saves):
                while True:
                    current = own.get_article(article.id)
                    try:
                        own.save_article(
                            dataclasses.replace(current, body=f"{current.body}\n\nw{k} s{n}."),
                            actor="Lena Park",
                            expected_revision=current.revision,
                            expected_status=current.status,
                            new_status=current.status,
                        )
                        break
                    except ConflictError:
                        continue
                own.add_comment(article.id, author="Omar Diaz", text=f"w{k} c{n}")
        except BaseException as exc:
            errors.append(exc)
        finally:
            if own is not store:
                own.close()

    desks = [store, *(ENGINES[engine](request, tmp_path) for _ in range(writers - 1))]
    threads = [threading.Thread(target=write, args=(k,)) for k in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    final = store.get_article(article.id)
    assert final.revision == 1 + writers * saves
    for k in range(writers):
        for n in range(saves):
            assert final.body.count(f"w{k} s{n}.") == 1
    assert len(store.comments(article.id)) == writers * saves
    assert store.check() == []


def test_the_first_screen_of_a_search_is_the_head_of_its_ranked_list(store):
    for number in range(30):
        where = number % 3
        store.insert_article(
            _article(
                f"s{number}",
                headline=f"Tide report {number}" if where == 0 else f"Report {number}",
                keywords=["tide"] if where == 1 else [],
                body="High tide at noon." if where == 2 else "Calm.",
                credits=[],
            ),
            actor="Lena Park",
        )
    for search in ("tide", "ti", "report tide"):
        ranked = store.article_ids(ArticleQuery(search=search))
        for limit in (1, 7, 10, 11, 25, 100):
            assert store.article_ids(ArticleQuery(search=search), limit=limit) == ranked[:limit]
    ranked = store.article_ids(ArticleQuery(search="tide"))
    # Headline hits first, then keywords, then the body; newest first within each.
    assert ranked[:10] == sorted(ranked[:10], reverse=True)
    assert len(ranked) == 30
    listed = store.article_ids(ArticleQuery())
    assert store.article_ids(ArticleQuery(), limit=5) == listed[:5]
