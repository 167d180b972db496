"""The contract every store engine must keep (see newsdesk/storage/store.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.errors import ConflictError, InvalidInputError, NotFoundError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.said import said_of
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import Status


def _article(**overrides) -> Article:
    base = Article(
        headline="Harbour ferry returns after winter repairs",
        kicker="Transport",
        slug=overrides.pop("slug", "harbour-ferry"),
        date=dt.date(2026, 3, 2),
        source="City desk",
        body="The ferry *Aurora* sails again.\n\nTickets cost the same.",
        credits=[Credit("Reporter", ("Lena Park",)), Credit("Photography", ("Ivo Brandt",))],
    )
    return dataclasses.replace(base, **overrides)


def _save(store, article, **kw):
    current = store.get_article(article.id)
    defaults = dict(
        actor="Lena Park",
        expected_revision=current.revision,
        expected_status=current.status,
        new_status=current.status,
    )
    defaults.update(kw)
    return store.save_article(article, **defaults)


def test_insert_assigns_id_revision_one_and_draft(store):
    stored = store.insert_article(_article(), actor="Lena Park")
    assert stored.id is not None
    assert stored.revision == 1
    assert stored.status is Status.DRAFT
    assert stored.created_by == "Lena Park"
    again = store.get_article(stored.id)
    assert again.content() == stored.content()
    assert again.credits[0].names == ("Lena Park",)


def test_every_save_is_a_new_revision_and_old_ones_restore(store):
    first = store.insert_article(_article(), actor="Lena Park")
    second = _save(store, dataclasses.replace(first, headline="Ferry back on the water"))
    third = _save(store, dataclasses.replace(second, body="Rewritten body."))
    assert [r.revision for r in store.revisions(first.id)] == [1, 2, 3]
    assert third.revision == 3
    assert store.get_revision(first.id, 1).headline == first.headline
    assert store.get_revision(first.id, 2).body == first.body
    assert store.get_revision(first.id, 3).body == "Rewritten body."


def test_unchanged_save_writes_no_revision(store):
    first = store.insert_article(_article(), actor="Lena Park")
    again = _save(store, first)
    assert again.revision == 1
    assert len(store.revisions(first.id)) == 1


def test_stale_save_is_a_conflict_and_writes_nothing(store):
    first = store.insert_article(_article(), actor="Lena Park")
    _save(store, dataclasses.replace(first, headline="Edit from the desk"))
    with pytest.raises(ConflictError) as refused:
        store.save_article(
            dataclasses.replace(first, headline="Edit from the field"),
            actor="Omar Diaz",
            expected_revision=1,
            expected_status=Status.DRAFT,
            new_status=Status.DRAFT,
        )
    assert refused.value.actual == 2
    assert store.get_article(first.id).headline == "Edit from the desk"
    assert len(store.revisions(first.id)) == 2


def test_status_change_is_conditional_and_audited(store):
    first = store.insert_article(_article(), actor="Lena Park")
    store.set_status(
        first.id,
        actor="Lena Park",
        action="submit",
        expected_status=Status.DRAFT,
        new_status=Status.SUBMITTED,
    )
    with pytest.raises(ConflictError):
        store.set_status(
            first.id,
            actor="Lena Park",
            action="submit",
            expected_status=Status.DRAFT,
            new_status=Status.SUBMITTED,
        )
    approved = store.set_status(
        first.id,
        actor="Omar Diaz",
        action="approve",
        expected_status=Status.SUBMITTED,
        new_status=Status.APPROVED,
        comment="fine",
    )
    assert approved.approved_revision == 1
    events = store.audit_events(first.id)
    assert [(e.action, e.from_status, e.to_status) for e in events] == [
        ("create", None, "draft"),
        ("submit", "draft", "submitted"),
        ("approve", "submitted", "approved"),
    ]
    assert events[-1].actor == "Omar Diaz"
    assert events[-1].comment == "fine"


def test_search_finds_latin_words_by_prefix_ranked_by_headline(store):
    store.insert_article(
        _article(slug="a", headline="Ferry timetable", body="x"), actor="Lena Park"
    )
    in_body = store.insert_article(
        _article(slug="b", headline="Budget vote", body="Also the ferry."), actor="Lena Park"
    )
    in_headline = store.article_ids(ArticleQuery(search="ferr"))
    assert len(in_headline) == 2
    assert in_headline[-1] == in_body.id  # a headline hit ranks above a body hit
    assert store.article_ids(ArticleQuery(search="timetable budget")) == []
    assert store.article_ids(ArticleQuery(search="Ivo")) != []  # credits are searched


def test_search_finds_two_character_chinese_words_inside_unspaced_text(store):
    stored = store.insert_article(
        _article(
            slug="zh", headline="市政府召开新闻发布会介绍防汛工作", body="各区提前部署抢险力量。"
        ),
        actor="Lena Park",
    )
    for word in ("新闻", "发布会", "防汛", "抢险", "汛", "力量"):
        assert store.article_ids(ArticleQuery(search=word)) == [stored.id], word
    assert store.article_ids(ArticleQuery(search="地震")) == []


def test_search_tolerates_fts_syntax_in_user_input(store):
    store.insert_article(_article(), actor="Lena Park")
    for query in ('"', "AND OR NOT", "ferry*)", "NEAR(", "-", "(((", "a:b"):
        store.article_ids(ArticleQuery(search=query))  # must not raise


def test_search_follows_edits(store):
    first = store.insert_article(_article(), actor="Lena Park")
    _save(store, dataclasses.replace(first, headline="Tram strike ends", body="Trams run."))
    assert store.article_ids(ArticleQuery(search="ferry")) == []
    assert store.article_ids(ArticleQuery(search="tram")) == [first.id]


def test_filters_and_summaries(store):
    a = store.insert_article(_article(slug="a"), actor="Lena Park")
    b = store.insert_article(_article(slug="b", headline="Second"), actor="Omar Diaz")
    store.set_status(
        b.id,
        actor="Omar Diaz",
        action="submit",
        expected_status=Status.DRAFT,
        new_status=Status.SUBMITTED,
    )
    assert store.article_ids(ArticleQuery(status=Status.SUBMITTED)) == [b.id]
    assert store.article_ids(ArticleQuery(created_by="Lena Park")) == [a.id]
    assert store.article_ids(ArticleQuery(reporter="Lena Park", sort="id", descending=False)) == [
        a.id,
        b.id,
    ]
    rows = store.summaries([b.id, a.id])
    assert [r.id for r in rows] == [b.id, a.id]
    assert rows[1].reporters == ("Lena Park",)
    assert rows[0].status is Status.SUBMITTED
    assert store.article_ids(ArticleQuery(sort="headline", descending=False)) == [a.id, b.id]
    with pytest.raises(InvalidInputError):
        store.article_ids(ArticleQuery(sort="nonsense"))


def test_missing_things_are_named(store):
    with pytest.raises(NotFoundError, match="42"):
        store.get_article(42)
    with pytest.raises(NotFoundError, match="Nobody"):
        store.get_person("Nobody")
    first = store.insert_article(_article(), actor="Lena Park")
    with pytest.raises(NotFoundError, match="revision 9"):
        store.get_revision(first.id, 9)


def test_missing_things_carry_the_same_names_on_both_engines(store):
    """The app says these in its language by name (a Said): the same on every engine."""
    first = store.insert_article(_article(), actor="Lena Park")
    for ask, name, params in (
        (lambda: store.get_article(42), "article-not-found", {"article": "42"}),
        (lambda: store.get_person("Nobody"), "person-not-found", {"person": "Nobody"}),
        (
            lambda: store.get_revision(first.id, 9),
            "revision-not-found",
            {"article": str(first.id), "revision": "9"},
        ),
        (lambda: store.image_data("ab" * 32), "image-not-found", {"image": "ab" * 6}),
    ):
        with pytest.raises(NotFoundError) as caught:
            ask()
        said = said_of(caught.value)
        assert said is not None and said.name == name, caught.value
        assert dict(said.params) == params


def test_slugs_are_unique(store):
    store.insert_article(_article(slug="same"), actor="Lena Park")
    with pytest.raises(InvalidInputError, match="same"):
        store.insert_article(_article(slug="same"), actor="Lena Park")


def test_site_profile_and_vocabulary_are_data(store):
    assert store.site_profile() == SiteProfile()
    changed = store.site_profile().with_setting("source_label", "来源：")
    store.save_site_profile(changed, actor="Omar Diaz")
    assert store.site_profile().source_label == "来源："
    roles = store.credit_roles()
    assert [r.en for r in roles[:5]] == [
        "Producer",
        "Reporter",
        "Photography",
        "Record",
        "Translation",
    ]
    store.save_credit_roles(
        [*roles, type(roles[0])("drone", "Drone pilot", "航拍")], actor="Omar Diaz"
    )
    assert store.credit_roles()[-1].zh == "航拍"


def test_images_are_stored_by_content(store):
    digest = store.put_image(b"\x89PNG fake", "image/png")
    assert store.put_image(b"\x89PNG fake", "image/png") == digest
    assert store.image_data(digest) == b"\x89PNG fake"


def test_comments_thread_and_are_audited(store):
    first = store.insert_article(_article(), actor="Lena Park")
    top = store.add_comment(first.id, author="Omar Diaz", text="Check the fare.")
    reply = store.add_comment(first.id, author="Lena Park", text="Checked.", parent_id=top.id)
    assert [c.parent_id for c in store.comments(first.id)] == [None, top.id]
    assert reply.text == "Checked."
    assert store.audit_events(first.id)[-1].action == "comment"
    with pytest.raises(InvalidInputError):
        store.add_comment(first.id, author="Lena Park", text="   ")


def test_check_is_clean_on_a_healthy_database(store):
    first = store.insert_article(_article(), actor="Lena Park")
    _save(store, dataclasses.replace(first, headline="Changed"))
    assert store.check() == []


def test_a_transaction_lands_whole_or_not_at_all(store):
    with store.transaction():
        store.insert_article(_article(slug="one"), actor="Lena Park")
        store.insert_article(_article(slug="two"), actor="Lena Park")
    assert store.count() == 2
    with pytest.raises(InvalidInputError), store.transaction():
        store.insert_article(_article(slug="three"), actor="Lena Park")
        store.insert_article(_article(slug="one"), actor="Lena Park")  # taken: refused
    assert store.count() == 2
    assert not store.slug_taken("three")
    assert store.check() == []


def test_summary_and_keywords_are_content_with_their_revisions(store):
    first = store.insert_article(
        _article(summary="The ferry is back.", keywords=["zeppelin", "harbour"]),
        actor="Lena Park",
    )
    again = store.get_article(first.id)
    assert again.summary == "The ferry is back."
    assert again.keywords == ["zeppelin", "harbour"]
    assert store.article_ids(ArticleQuery(search="zeppelin")) == [first.id]
    second = _save(store, dataclasses.replace(again, keywords=["tides"], summary=""))
    assert store.get_article(first.id).keywords == ["tides"]
    assert store.get_revision(first.id, 1).keywords == ["zeppelin", "harbour"]
    assert store.get_revision(first.id, 1).summary == "The ferry is back."
    assert second.revision == 2
    # Keywords are searched, and follow edits.
    assert store.article_ids(ArticleQuery(search="tides")) == [first.id]
    assert store.article_ids(ArticleQuery(search="zeppelin")) == []


def test_the_summary_is_searched(store):
    first = store.insert_article(_article(summary="Commuters cheer."), actor="Lena Park")
    assert store.article_ids(ArticleQuery(search="commuters")) == [first.id]


def test_content_time_and_author_follow_content_not_workflow(store):
    first = store.insert_article(_article(), actor="Lena Park")
    assert first.content_updated_by == "Lena Park"
    assert first.content_updated_at == first.created_at
    moved = store.set_status(
        first.id,
        actor="Omar Diaz",
        action="submit",
        expected_status=Status.DRAFT,
        new_status=Status.SUBMITTED,
    )
    reread = store.get_article(first.id)
    assert moved.updated_by == reread.updated_by == "Omar Diaz"
    assert reread.content_updated_by == "Lena Park"
    assert reread.content_updated_at == first.content_updated_at
    edited = _save(store, dataclasses.replace(reread, body="New body."), actor="Omar Diaz")
    assert store.get_article(first.id).content_updated_by == "Omar Diaz"
    assert edited.content_updated_at is not None


def test_a_status_change_decided_on_a_stale_read_is_refused_in_sql(store, monkeypatch):
    # The store must not trust what it read before the UPDATE: the UPDATE itself is
    # conditional on status and revision (a second writer may have moved the article
    # between another engine's read and write).
    first = store.insert_article(_article(), actor="Lena Park")
    stale = store.get_article(first.id)
    store.set_status(
        first.id,
        actor="Lena Park",
        action="submit",
        expected_status=Status.DRAFT,
        new_status=Status.SUBMITTED,
    )
    events_before = len(store.audit_events(first.id))
    monkeypatch.setattr(store, "get_article", lambda article_id: stale)
    with pytest.raises(ConflictError):
        store.set_status(
            first.id,
            actor="Lena Park",
            action="submit",
            expected_status=Status.DRAFT,
            new_status=Status.SUBMITTED,
        )
    monkeypatch.undo()
    assert store.get_article(first.id).status is Status.SUBMITTED
    assert len(store.audit_events(first.id)) == events_before


def test_a_save_decided_on_a_stale_status_is_refused(store, monkeypatch):
    first = store.insert_article(_article(), actor="Lena Park")
    stale = store.get_article(first.id)
    store.set_status(
        first.id,
        actor="Lena Park",
        action="submit",
        expected_status=Status.DRAFT,
        new_status=Status.SUBMITTED,
    )
    monkeypatch.setattr(store, "get_article", lambda article_id: stale)
    with pytest.raises(ConflictError):
        store.save_article(
            dataclasses.replace(stale, body="Edited as a draft."),
            actor="Lena Park",
            expected_revision=1,
            expected_status=Status.DRAFT,
            new_status=Status.DRAFT,
        )
    monkeypatch.undo()
    assert store.get_article(first.id).body == first.body


def test_lock_article_reads_inside_a_unit_of_work_only(store):
    first = store.insert_article(_article(), actor="Lena Park")
    with pytest.raises(RuntimeError):
        store.lock_article(first.id)
    with store.transaction():
        locked = store.lock_article(first.id)
        _save(store, dataclasses.replace(locked, body="Written against what was read."))
    assert store.get_article(first.id).revision == 2


def test_an_old_revision_carries_its_own_content_time_and_author(store):
    first = store.insert_article(_article(), actor="Lena Park")
    _save(store, dataclasses.replace(first, body="Corrected."), actor="Omar Diaz")
    old = store.get_revision(first.id, 1)
    assert old.content_updated_by == "Lena Park"
    assert old.content_updated_at == first.content_updated_at
    assert store.get_revision(first.id, 2).content_updated_by == "Omar Diaz"


def test_many_articles_are_read_at_once_in_the_order_asked(store):
    ids = [
        store.insert_article(
            _article(slug=f"story-{n}", headline=f"Story {n}"), actor="Lena Park"
        ).id
        for n in range(5)
    ]
    asked = [ids[3], ids[0], 9_999, ids[4]]
    read = store.get_articles(asked)
    assert [a.id for a in read] == [ids[3], ids[0], ids[4]]  # a missing id is skipped
    assert read == [store.get_article(i) for i in (ids[3], ids[0], ids[4])]


def test_an_article_head_names_its_stored_state_without_its_body(store):
    first = store.insert_article(_article(slug="one"), actor="Lena Park")
    other = store.insert_article(_article(slug="two", headline="Other"), actor="Lena Park")
    heads = store.article_heads([other.id, 9_999, first.id])
    assert [(h.id, h.slug, h.headline, h.kicker, h.date) for h in heads] == [
        (other.id, "two", "Other", "Transport", dt.date(2026, 3, 2)),
        (
            first.id,
            "one",
            "Harbour ferry returns after winter repairs",
            "Transport",
            dt.date(2026, 3, 2),
        ),
    ]
    stamp = heads[1].stamp
    assert store.article_heads([first.id])[0].stamp == stamp  # read again: the same
    assert heads[0].stamp != stamp
    # A workflow action changes no revision, but it changes the stamp (ninjs shows it).
    store.set_status(
        first.id,
        actor="Omar Diaz",
        action="submit",
        expected_status=Status.DRAFT,
        new_status=Status.SUBMITTED,
    )
    submitted = store.article_heads([first.id])[0].stamp
    assert submitted != stamp
    _save(store, dataclasses.replace(store.get_article(first.id), body="A new body."))
    assert store.article_heads([first.id])[0].stamp not in (stamp, submitted)


def test_statuses_and_dates_are_read_in_the_order_asked(store):
    first = store.insert_article(_article(slug="one"), actor="Lena Park")
    undated = store.insert_article(_article(slug="two", date=None), actor="Lena Park")
    store.set_status(
        first.id,
        actor="Omar Diaz",
        action="submit",
        expected_status=Status.DRAFT,
        new_status=Status.SUBMITTED,
    )
    assert store.statuses_and_dates([undated.id, 9_999, first.id]) == [
        (undated.id, Status.DRAFT, None),
        (first.id, Status.SUBMITTED, dt.date(2026, 3, 2)),
    ]
    assert store.statuses_and_dates([]) == []


def test_published_former_slugs_are_read_for_every_article_at_once(store):
    first = store.insert_article(_article(slug="one"), actor="Lena Park")
    second = store.insert_article(_article(slug="two"), actor="Lena Park")
    store.change_slug(
        first.id, slug="one-b", actor="Omar Diaz", expected_slug="one", published=True
    )
    store.change_slug(
        first.id, slug="one-c", actor="Omar Diaz", expected_slug="one-b", published=True
    )
    store.change_slug(
        second.id, slug="two-b", actor="Lena Park", expected_slug="two", published=False
    )
    assert store.published_former_slugs() == {first.id: ["one", "one-b"]}


def test_rendered_bodies_are_kept_by_key_and_never_changed(store):
    first, second = "a" * 64, "b" * 64
    assert store.cached_bodies([first]) == {}
    audited = len(store.audit_events())
    store.cache_bodies({first: ("<p>one</p>", "one"), second: ("<p>two 二</p>", "two 二")})
    # A key names its content: kept as it was, HTML and text.
    store.cache_bodies({first: ("<p>another</p>", "another")})
    assert store.cached_bodies([first, second, "c" * 64]) == {
        first: ("<p>one</p>", "one"),
        second: ("<p>two 二</p>", "two 二"),
    }
    assert store.cached_bodies([first])[first].plain_text == "one"
    assert len(store.audit_events()) == audited  # a cache is not a change of the newsroom


def test_a_body_kept_without_its_text_gets_it_once_and_keeps_its_html(store):
    """An entry an older newsdesk kept (HTML only) is filled in at its first use; the
    text, once there, and the HTML never change."""
    key = "d" * 64
    store.cache_bodies({key: ("<p>old 旧</p>", None)})
    assert store.cached_bodies([key]) == {key: ("<p>old 旧</p>", None)}
    store.cache_bodies({key: ("<p>other</p>", "old 旧")})
    assert store.cached_bodies([key]) == {key: ("<p>old 旧</p>", "old 旧")}
    store.cache_bodies({key: ("<p>other</p>", "changed")})
    assert store.cached_bodies([key]) == {key: ("<p>old 旧</p>", "old 旧")}


def test_a_slug_change_keeps_the_former_slug_and_a_published_one_stays_taken(store):
    stored = store.insert_article(_article(), actor="Lena Park")
    moved = store.change_slug(
        stored.id,
        slug="ferry-draft",
        actor="Lena Park",
        expected_slug="harbour-ferry",
        published=False,
    )
    assert moved.slug == "ferry-draft" == store.get_article(stored.id).slug
    assert not store.slug_taken("harbour-ferry")  # never on the site: free again
    store.change_slug(
        stored.id, slug="ferry", actor="Omar Diaz", expected_slug="ferry-draft", published=True
    )
    assert store.slug_taken("ferry-draft")  # the site carried it: a redirect now
    former = store.former_slugs(stored.id)
    assert [(f.slug, f.published, f.replaced_by) for f in former] == [
        ("harbour-ferry", False, "Lena Park"),
        ("ferry-draft", True, "Omar Diaz"),
    ]
    with pytest.raises(ConflictError):  # the address moved on since it was read
        store.change_slug(
            stored.id,
            slug="other",
            actor="Lena Park",
            expected_slug="ferry-draft",
            published=True,
        )
    with pytest.raises(InvalidInputError):
        store.change_slug(
            stored.id,
            slug="ferry-draft",
            actor="Lena Park",
            expected_slug="ferry",
            published=True,
        )
    assert store.get_article(stored.id).revision == 1  # an address is no new revision
    assert store.check() == []


def test_a_deleted_draft_is_in_no_list_and_no_search_but_in_the_audit(store):
    kept = store.insert_article(_article(slug="kept"), actor="Lena Park")
    junk = store.insert_article(
        _article(slug="junk", headline="Quokka sighting"), actor="Lena Park"
    )
    with pytest.raises(ConflictError):
        store.delete_article(junk.id, actor="Lena Park", expected_revision=5)
    store.delete_article(junk.id, actor="Lena Park", expected_revision=1)
    with pytest.raises(NotFoundError):
        store.get_article(junk.id)
    assert store.article_ids(ArticleQuery()) == [kept.id]
    assert store.article_ids(ArticleQuery(search="quokka")) == []
    assert [s.id for s in store.summaries([junk.id, kept.id])] == [kept.id]
    assert store.count() == 1
    assert [e.action for e in store.audit_events(junk.id)] == ["create", "delete"]
    assert store.check() == []


def test_a_first_screen_is_full_when_deleted_drafts_fall_inside_it(store):
    """The list reads the rest of a query only after a full first screen: deleted
    drafts left out of it must not make it short (nor a search's)."""
    ids = [
        store.insert_article(
            _article(slug=f"ferry-{n}", headline=f"Ferry story {n}"), actor="Lena Park"
        ).id
        for n in range(6)
    ]
    for junk in ids[-2:]:  # the newest two: inside the first screen of either query
        store.delete_article(junk, actor="Lena Park", expected_revision=1)
    kept = ids[:-2][::-1]
    assert store.article_ids(ArticleQuery(), limit=3) == kept[:3]
    assert store.article_ids(ArticleQuery(search="ferry"), limit=3) == kept[:3]
    assert store.article_ids(ArticleQuery(search="ferry")) == kept


def test_summaries_mark_a_returned_draft_until_it_is_submitted_again(store):
    stored = store.insert_article(_article(), actor="Lena Park")

    def move(action, new_status):
        current = store.get_article(stored.id)
        store.set_status(
            stored.id,
            actor="Omar Diaz",
            action=action,
            expected_status=current.status,
            new_status=new_status,
            comment="Name the second source.",
        )

    move("submit", Status.SUBMITTED)
    assert not store.summaries([stored.id])[0].returned
    move("return", Status.DRAFT)
    assert store.summaries([stored.id])[0].returned
    _save(store, dataclasses.replace(store.get_article(stored.id), body="Fixed."))
    assert store.summaries([stored.id])[0].returned  # still returned while a draft
    move("submit", Status.SUBMITTED)
    assert not store.summaries([stored.id])[0].returned


def test_a_save_may_make_its_new_revision_the_approved_one(store):
    stored = store.insert_article(_article(), actor="Lena Park")
    saved = _save(
        store,
        dataclasses.replace(stored, body="Approved text."),
        new_status=Status.APPROVED,
        action="approval-restored",
        approve=True,
    )
    assert (saved.status, saved.approved_revision, saved.revision) == (Status.APPROVED, 2, 2)
    assert store.get_article(stored.id).approved_revision == 2


def test_a_deactivated_person_keeps_their_history_and_stays_deactivated(store):
    from newsdesk.domain.article import Person
    from newsdesk.domain.status import UserRole

    article = store.insert_article(_article(), actor="Lena Park")
    changed = store.set_person_active("Lena Park", False, actor="Omar Diaz")
    assert changed == Person("Lena Park", frozenset({UserRole.REPORTER}), active=False)
    assert store.get_person("Lena Park") == changed
    # Still listed (history names them), marked; the others are untouched.
    assert {p.name: p.active for p in store.people()} == {"Lena Park": False, "Omar Diaz": True}
    # Changing roles is not activating.
    store.add_person(Person("Lena Park", frozenset({UserRole.PRODUCER})))
    assert store.get_person("Lena Park") == Person(
        "Lena Park", frozenset({UserRole.PRODUCER}), active=False
    )
    kept = store.get_article(article.id)
    assert kept.created_by == "Lena Park" and kept.credits[0].names == ("Lena Park",)
    store.set_person_active("Lena Park", True, actor="Omar Diaz")
    assert store.get_person("Lena Park").active
    people_events = [
        (e.actor, e.action, e.comment)
        for e in store.audit_events()
        if e.action in {"person-deactivated", "person-activated"}
    ]
    assert people_events == [
        ("Omar Diaz", "person-deactivated", "Lena Park"),
        ("Omar Diaz", "person-activated", "Lena Park"),
    ]
    with pytest.raises(NotFoundError, match="Nobody"):
        store.set_person_active("Nobody", False, actor="Omar Diaz")


def test_events_recorded_together_are_chained_in_order_as_one_by_one(store):
    """An export's audit entries, one per article written, go in at once: the same
    entries, in order, on an intact chain that later entries extend."""
    first = store.insert_article(_article(slug="one"), actor="Lena Park")
    second = store.insert_article(_article(slug="two"), actor="Lena Park")
    before = len(store.audit_events())
    store.record_events(actor="Lena Park", action="export", events=[])
    store.record_events(
        actor="Lena Park",
        action="export",
        events=[(second.id, 1, "revision 1 to /site"), (first.id, 1, "revision 1 to /site")],
    )
    store.record_event(actor="Lena Park", action="export", article_id=first.id, revision=1)
    added = store.audit_events()[before:]
    assert [(e.article_id, e.action, e.actor, e.revision, e.comment) for e in added] == [
        (second.id, "export", "Lena Park", 1, "revision 1 to /site"),
        (first.id, "export", "Lena Park", 1, "revision 1 to /site"),
        (first.id, "export", "Lena Park", 1, ""),
    ]
    assert store.verify() == []
