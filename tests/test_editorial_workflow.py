"""Checklists, overrides, "waiting for me", diffs and comments, through the core."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.checklist import ChecklistFailed
from newsdesk.domain.errors import RuleViolation
from newsdesk.domain.status import Status
from newsdesk.newsroom import Newsroom


@pytest.fixture
def newsroom(tmp_path):
    room = Newsroom.open(tmp_path / "editorial.db")
    room.add_person("Rita Vance", ["reporter"])
    room.add_person("Pia Holm", ["producer"])
    room.add_person("Wes Tan", ["web"])
    yield room
    room.close()


def _create(newsroom, **fields) -> Article:
    base = dict(
        headline="Canal towpath reopens",
        date=dt.date(2026, 6, 3),
        body="The towpath is open again. See [the map](https://example.org/map).",
        credits=[Credit("Reporter", ("Rita Vance",))],
    )
    base.update(fields)
    return newsroom.create_article(Article(**base), actor="Rita Vance")


def _failed_checks(newsroom, article) -> list[str]:
    with pytest.raises(ChecklistFailed) as refused:
        newsroom.transition(article.id, "submit", actor="Rita Vance")
    return [f.name for f in refused.value.failures]


def test_a_complete_article_passes(newsroom):
    article = _create(newsroom)
    assert newsroom.checklist(article) == []
    assert newsroom.transition(article.id, "submit", actor="Rita Vance").status is Status.SUBMITTED


@pytest.mark.parametrize(
    ("fields", "check"),
    [
        ({"credits": [Credit("Photography", ("Li Wen",))]}, "reporter-credited"),
        (
            {"credits": [Credit("Reporter", ("Rita Vance",)), Credit("Record", ())]},
            "empty-credit-row",
        ),
        ({"date": None}, "date-set"),
        ({"headline": "Towpath " * 30}, "headline-length"),
        ({"body": "Click [here](javascript:alert(1)) now."}, "link-schemes"),
        ({"body": "See [it](ftp://files.example.org/x)."}, "link-schemes"),
        ({"body": "![](https://example.org/towpath.jpg)"}, "image-text"),
        # Issue 13: an imported image whose source the page cannot use is named.
        ({"body": "![Lock gates]({static}/images/lock.jpg)"}, "image-source"),
        ({"body": "![Lock gates]()"}, "image-source"),
    ],
)
def test_each_failed_check_blocks_submit_by_name(newsroom, fields, check):
    article = _create(newsroom, **fields)
    assert check in _failed_checks(newsroom, article)
    assert newsroom.article(article.id).status is Status.DRAFT


def test_an_image_with_a_caption_or_alt_passes(newsroom):
    with_alt = _create(newsroom, body="![Lock gates at dawn](https://example.org/a.jpg)")
    with_caption = _create(newsroom, body="![](https://example.org/b.jpg)\nThe lock gates at dawn.")
    assert newsroom.checklist(with_alt) == []
    assert newsroom.checklist(with_caption) == []


def test_refusal_names_every_failed_check(newsroom):
    article = _create(newsroom, date=None, credits=[])
    with pytest.raises(ChecklistFailed) as refused:
        newsroom.transition(article.id, "submit", actor="Rita Vance")
    message = str(refused.value)
    assert "no Reporter is credited" in message and "date is not set" in message


def test_only_a_producer_overrides_and_the_reason_is_recorded(newsroom):
    article = _create(newsroom, date=None)
    with pytest.raises(RuleViolation) as refused:
        newsroom.transition(article.id, "submit", actor="Rita Vance", override="deadline")
    assert refused.value.rule == "override-needs-producer"
    newsroom.add_person("Pia Holm", ["producer", "reporter"])
    submitted = newsroom.transition(
        article.id, "submit", actor="Pia Holm", override="date follows from the wire"
    )
    assert submitted.status is Status.SUBMITTED
    event = newsroom.store.audit_events(article.id)[-1]
    assert "override: date follows from the wire" in event.comment
    assert "date-set" in event.comment


def test_approve_runs_the_checklist_too(newsroom):
    article = _create(newsroom)
    newsroom.transition(article.id, "submit", actor="Rita Vance")
    broken = newsroom.save_article(
        dataclasses.replace(newsroom.article(article.id), date=None), actor="Pia Holm"
    )
    with pytest.raises(ChecklistFailed):
        newsroom.transition(broken.id, "approve", actor="Pia Holm")


def test_waiting_for_me_per_role(newsroom):
    returned = _create(newsroom, headline="Returned story")
    submitted = _create(newsroom, headline="Submitted story")
    approved = _create(newsroom, headline="Approved story")
    exported = _create(newsroom, headline="Exported story")
    for article in (returned, submitted, approved, exported):
        newsroom.transition(article.id, "submit", actor="Rita Vance")
    newsroom.transition(returned.id, "return", actor="Pia Holm", comment="Needs a quote")
    for article in (approved, exported):
        newsroom.transition(article.id, "approve", actor="Pia Holm")
    newsroom.store.record_event(
        actor="Wes Tan", action="export", article_id=exported.id, revision=exported.revision
    )

    def waiting(name):
        return set(newsroom.find(newsroom.waiting_query(newsroom.person(name))))

    assert waiting("Pia Holm") == {submitted.id}
    assert waiting("Wes Tan") == {approved.id}
    assert waiting("Rita Vance") == {returned.id}
    # Editing the returned draft keeps it waiting until it is submitted again.
    newsroom.save_article(
        dataclasses.replace(newsroom.article(returned.id), body="With a quote now."),
        actor="Rita Vance",
    )
    assert waiting("Rita Vance") == {returned.id}
    newsroom.transition(returned.id, "submit", actor="Rita Vance")
    assert waiting("Rita Vance") == set()


def test_diff_shows_what_changed_between_revisions(newsroom):
    article = _create(newsroom)
    newsroom.save_article(
        dataclasses.replace(
            article,
            body="The towpath is open again, with new lights.",
            credits=[Credit("Reporter", ("Rita Vance", "Sam Okafor"))],
        ),
        actor="Rita Vance",
    )
    diff = newsroom.diff(article.id, 1, 2)
    assert diff.startswith("--- revision 1\n+++ revision 2\n")
    assert "+The towpath is open again, with new lights." in diff
    assert any(line.startswith("-") and "Rita Vance" in line for line in diff.splitlines()[2:])
    assert newsroom.diff(article.id, 2, 2) == ""


def test_comments_thread_and_are_never_content(newsroom):
    article = _create(newsroom)
    first = newsroom.comment(article.id, "Is the map current?", actor="Pia Holm")
    newsroom.comment(article.id, "Yes, checked today.", actor="Rita Vance", parent_id=first.id)
    comments = newsroom.store.comments(article.id)
    assert [(c.author, c.parent_id) for c in comments] == [
        ("Pia Holm", None),
        ("Rita Vance", first.id),
    ]
    assert newsroom.article(article.id).revision == 1  # a note is not an edit
