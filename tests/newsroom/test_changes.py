"""Every write of the newsroom tells its listeners what changed, once it committed."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.errors import ConflictError
from newsdesk.domain.status import Status
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.changes import Change, ChangeKind, Changes


@pytest.fixture
def newsroom(tmp_path):
    room = Newsroom.open(tmp_path / "changes.db")
    room.add_person("Ada Quist", ["reporter"])
    room.add_person("Bo Lind", ["producer"])
    room.add_person("Cy Webb", ["web"])
    yield room
    room.close()


@pytest.fixture
def heard(newsroom):
    got: list[Changes] = []
    newsroom.subscribe(got.append)
    return got


def _draft(newsroom) -> Article:
    return newsroom.create_article(
        Article(
            headline="Tram line opens to the harbour",
            date=dt.date(2026, 5, 4),
            body="The new line runs every ten minutes.",
            credits=[Credit("Reporter", ("Ada Quist",))],
        ),
        actor="Ada Quist",
    )


def test_create_save_and_transition_name_the_article_revision_and_status(newsroom, heard):
    draft = _draft(newsroom)
    saved = newsroom.save_article(
        dataclasses.replace(draft, headline="Tram line reaches the harbour"), actor="Ada Quist"
    )
    newsroom.transition(draft.id, "submit", actor="Ada Quist")
    assert [c.items for c in heard] == [
        (Change(ChangeKind.CREATED, draft.id, 1, Status.DRAFT, "Ada Quist"),),
        (Change(ChangeKind.CONTENT, draft.id, saved.revision, Status.DRAFT, "Ada Quist"),),
        (Change(ChangeKind.STATUS, draft.id, 2, Status.SUBMITTED, "Ada Quist"),),
    ]


def test_an_edit_that_withdraws_approval_reports_content_and_status(newsroom, heard):
    draft = _draft(newsroom)
    newsroom.transition(draft.id, "submit", actor="Ada Quist")
    approved = newsroom.transition(draft.id, "approve", actor="Bo Lind")
    heard.clear()
    newsroom.save_article(dataclasses.replace(approved, body="Changed."), actor="Ada Quist")
    (changes,) = heard
    assert changes.kinds == {ChangeKind.CONTENT, ChangeKind.STATUS}
    assert changes.touches(draft.id)
    assert {c.status for c in changes} == {Status.SUBMITTED}


def test_a_save_that_changes_nothing_and_a_refused_save_announce_nothing(newsroom, heard):
    draft = _draft(newsroom)
    heard.clear()
    newsroom.save_article(draft, actor="Ada Quist")  # same content: no revision
    with pytest.raises(ConflictError):
        newsroom.save_article(
            dataclasses.replace(draft, body="Late."), actor="Ada Quist", expected_revision=7
        )
    assert heard == []


def test_comments_people_settings_and_exports_are_announced(newsroom, heard, tmp_path):
    draft = _draft(newsroom)
    newsroom.transition(draft.id, "submit", actor="Ada Quist")
    approved = newsroom.transition(draft.id, "approve", actor="Bo Lind")
    heard.clear()
    newsroom.comment(draft.id, "Check the timetable.", actor="Bo Lind")
    newsroom.add_person("Di Moss", ["reporter"])
    newsroom.set_site_setting("source_label", "Source: ", actor="Cy Webb")
    list(newsroom.export_articles([approved], tmp_path / "site", actor="Cy Webb"))
    assert [c.kinds for c in heard] == [
        {ChangeKind.COMMENTS},
        {ChangeKind.PEOPLE},
        {ChangeKind.SETTINGS},
        {ChangeKind.EXPORTED},
    ]
    assert heard[0].touches(draft.id) and heard[3].touches(draft.id)


def test_a_failing_listener_does_not_undo_the_write_and_unsubscribe_stops_calls(newsroom):
    calls: list[Changes] = []

    def broken(changes: Changes) -> None:
        raise RuntimeError("view crashed")

    newsroom.subscribe(broken)
    stop = newsroom.subscribe(calls.append)
    draft = _draft(newsroom)
    assert newsroom.article(draft.id).revision == 1
    stop()
    newsroom.comment(draft.id, "Noted.", actor="Bo Lind")
    assert len(calls) == 1


def test_change_round_trips_through_plain_data():
    change = Change(ChangeKind.STATUS, 4, 9, Status.APPROVED, "Bo Lind")
    assert Change.from_dict(change.to_dict()) == change
