"""The article's address, junk drafts and a restored approval: each rule tried through
the core on every engine (on a server each person acts through their own login, so the
database's own rules are met too)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.checklist import PLACEHOLDER_HEADLINE
from newsdesk.domain.errors import InvalidInputError, NotFoundError, RuleViolation
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import Status
from newsdesk.newsroom.changes import ChangeKind


@pytest.fixture
def newsroom(open_desks):
    room = open_desks(
        {
            "Rita Vance": ["reporter"],
            "Sam Okafor": ["reporter"],
            "Pia Holm": ["producer"],
            "Wes Tan": ["web"],
        }
    )
    yield room
    room.close()


def _new(newsroom, headline=PLACEHOLDER_HEADLINE, actor="Rita Vance", **fields) -> Article:
    values = dict(
        headline=headline,
        date=dt.date(2026, 5, 4),
        body="The night market opens on the quay.",
        credits=[Credit("Reporter", (actor,))],
    )
    values.update(fields)
    return newsroom.create_article(Article(**values), actor=actor)


def _save(newsroom, article, actor="Rita Vance", **fields) -> Article:
    return newsroom.save_article(dataclasses.replace(article, **fields), actor=actor)


def _published(newsroom) -> Article:
    article = _save(newsroom, _new(newsroom), headline="Night market opens")
    newsroom.transition(article.id, "submit", actor="Rita Vance")
    newsroom.transition(article.id, "approve", actor="Pia Holm")
    return newsroom.transition(article.id, "publish", actor="Wes Tan")


# -- the address ----------------------------------------------------------------


def test_the_address_follows_the_headline_until_the_article_is_published(newsroom):
    draft = _new(newsroom)
    assert draft.slug == "untitled-article"
    named = _save(newsroom, draft, headline="Night market opens")
    assert named.slug == "night-market-opens"
    renamed = _save(newsroom, named, headline="Night market opens on the quay")
    assert renamed.slug == "night-market-opens-on-the-quay"
    # Another article with the first headline may now take the first address.
    assert _new(newsroom, headline="Night market opens").slug == "night-market-opens"
    assert [f.slug for f in newsroom.former_slugs(draft.id)] == [
        "untitled-article",
        "night-market-opens",
    ]
    assert not any(f.published for f in newsroom.former_slugs(draft.id))

    published = _published(newsroom)
    edited = newsroom.transition(published.id, "archive", actor="Pia Holm")
    assert edited.slug == "night-market-opens-2"  # the one taken above got a number


def test_a_published_address_is_frozen_and_renamed_only_on_purpose(newsroom):
    published = _published(newsroom)
    edited = _save(newsroom, published, headline="Night market opens again")
    assert edited.slug == published.slug  # published: the headline no longer moves it
    with pytest.raises(RuleViolation) as refused:
        newsroom.change_slug(published.id, "market-night", actor="Rita Vance")
    assert refused.value.rule == "published-slug-change-needs-producer-or-web"

    moved = newsroom.change_slug(
        published.id, "night-market", actor="Wes Tan", expected_slug=published.slug
    )
    assert moved.slug == "night-market" == newsroom.article(published.id).slug
    [former] = [f for f in newsroom.former_slugs(published.id) if f.published]
    assert (former.slug, former.published, former.replaced_by) == (
        published.slug,
        True,
        "Wes Tan",
    )
    # The site's old address is a redirect now: nobody else may take it.
    assert _new(newsroom, headline="Night market opens").slug != published.slug
    assert newsroom.redirects([published.id]) == {published.id: [published.slug]}
    events = [e.action for e in newsroom.audit_events(published.id)]
    assert "slug-changed" in events


def test_an_address_is_checked_before_it_is_taken(newsroom):
    draft = _new(newsroom, headline="Night market opens")
    other = _new(newsroom, headline="Harbour lights")
    for bad in ("Night Market", "night--market", "-market", "index", "", "夜市"):
        with pytest.raises(InvalidInputError):
            newsroom.change_slug(draft.id, bad, actor="Rita Vance")
    with pytest.raises(InvalidInputError, match="already in use"):
        newsroom.change_slug(draft.id, other.slug, actor="Rita Vance")
    chosen = newsroom.change_slug(draft.id, "market", actor="Rita Vance")
    # Set by hand: the headline no longer moves it, even before publication.
    assert _save(newsroom, chosen, headline="Night market opens late").slug == "market"
    with pytest.raises(RuleViolation):
        newsroom.change_slug(draft.id, "market-2", actor="Wes Tan")


# -- the language ------------------------------------------------------------------


def test_the_language_follows_the_text_until_someone_chooses_one(newsroom):
    draft = _new(newsroom)
    assert draft.language == "en"
    chinese = _save(newsroom, draft, headline="夜市开张", body="夜市周六在码头开张。")
    assert chinese.language == "zh"
    english = _save(newsroom, chinese, headline="Night market opens", body="It opens.")
    assert english.language == "en"
    chosen = _save(newsroom, english, language="zh")  # chosen by hand: kept
    assert _save(newsroom, chosen, body="It opens on Saturday.").language == "zh"


# -- junk drafts ---------------------------------------------------------------------


def test_a_draft_never_submitted_is_deleted_by_its_creator_and_kept_in_the_audit(newsroom):
    draft = _new(newsroom, headline="Junk")
    kept = _new(newsroom, headline="Keeper")
    heard = []
    newsroom.desk("Rita Vance").subscribe(heard.append)
    for other in ("Sam Okafor", "Pia Holm"):
        with pytest.raises(RuleViolation) as refused:
            newsroom.delete_draft(draft.id, actor=other)
        assert refused.value.rule == "delete-needs-creator"
    newsroom.delete_draft(draft.id, actor="Rita Vance", expected_revision=draft.revision)
    assert heard and heard[-1].has(ChangeKind.DELETED)
    with pytest.raises(NotFoundError):
        newsroom.article(draft.id)
    assert newsroom.find(ArticleQuery()) == [kept.id]
    assert newsroom.find(ArticleQuery(search="Junk")) == []
    assert newsroom.count() == 1
    assert [s.id for s in newsroom.summaries([draft.id, kept.id])] == [kept.id]
    actions = [e.action for e in newsroom.audit_events(draft.id)]
    assert actions == ["create", "delete"]
    assert newsroom.check() == []
    with pytest.raises(NotFoundError):
        newsroom.save_article(dataclasses.replace(draft, body="again"), actor="Rita Vance")


def test_a_draft_once_submitted_is_not_deleted(newsroom):
    draft = _new(newsroom, headline="Night market opens")
    newsroom.transition(draft.id, "submit", actor="Rita Vance")
    newsroom.transition(draft.id, "return", actor="Pia Holm", comment="Add the hours.")
    with pytest.raises(RuleViolation) as refused:
        newsroom.delete_draft(draft.id, actor="Rita Vance")
    assert refused.value.rule == "delete-only-unsubmitted-drafts"
    assert newsroom.article(draft.id).status is Status.DRAFT


# -- undoing back to the approved text --------------------------------------------------


@pytest.mark.parametrize("publish", [False, True], ids=["approved", "published"])
def test_saving_the_approved_text_again_restores_the_approval(newsroom, publish):
    article = _save(newsroom, _new(newsroom), headline="Night market opens")
    newsroom.transition(article.id, "submit", actor="Rita Vance")
    approved = newsroom.transition(article.id, "approve", actor="Pia Holm")
    if publish:
        approved = newsroom.transition(article.id, "publish", actor="Wes Tan")
    edited = _save(newsroom, approved, body="The night market opens on the quay at six.")
    assert edited.status is Status.SUBMITTED
    more = _save(newsroom, edited, body="The night market opens at six.")
    back = _save(newsroom, more, body=approved.body)
    assert back.status is approved.status
    assert back.approved_revision == back.revision == approved.revision + 3
    assert newsroom.approval_withdrawn(article.id) is None
    last = newsroom.audit_events(article.id)[-1]
    assert (last.action, last.from_status, last.to_status) == (
        "approval-restored",
        "submitted",
        approved.status.value,
    )
    # The site shows the approved text, as it did.
    site = newsroom.site_version(newsroom.article(article.id))
    assert site is not None and site.body == approved.body


def test_the_approved_text_after_a_return_is_no_approval(newsroom):
    article = _save(newsroom, _new(newsroom), headline="Night market opens")
    newsroom.transition(article.id, "submit", actor="Rita Vance")
    approved = newsroom.transition(article.id, "approve", actor="Pia Holm")
    edited = _save(newsroom, approved, body="Changed.")
    newsroom.transition(article.id, "return", actor="Pia Holm", comment="Not this way.")
    back = _save(newsroom, newsroom.article(article.id), body=approved.body)
    assert back.status is Status.DRAFT and edited.revision < back.revision
