"""History helpers of the newsroom: side-by-side compare, withdrawn approvals, exports
recorded in the audit log."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.revision_diff import RowKind
from newsdesk.domain.status import Status
from newsdesk.newsroom import Newsroom


@pytest.fixture
def newsroom(tmp_path):
    room = Newsroom.open(tmp_path / "history.db")
    room.add_person("Rita Vance", ["reporter"])
    room.add_person("Pia Holm", ["producer"])
    room.add_person("Wes Tan", ["web"])
    yield room
    room.close()


def _approved(newsroom) -> Article:
    article = newsroom.create_article(
        Article(
            headline="Bridge repairs finish early",
            date=dt.date(2026, 8, 2),
            body="The east bridge reopens on Friday.",
            credits=[Credit("Reporter", ("Rita Vance",))],
        ),
        actor="Rita Vance",
    )
    newsroom.transition(article.id, "submit", actor="Rita Vance")
    return newsroom.transition(article.id, "approve", actor="Pia Holm")


def test_compare_two_revisions_text_and_credits(newsroom):
    article = _approved(newsroom)
    newsroom.save_article(
        dataclasses.replace(article, credits=[Credit("Reporter", ("Rita Vance", "Ann Ode"))]),
        actor="Rita Vance",
    )
    text, credits = newsroom.compare(article.id, 1, 2)
    assert not text.changed
    assert [(r.left, r.right, r.kind) for r in credits.rows] == [
        ("Reporter: Rita Vance", "Reporter: Rita Vance, Ann Ode", RowKind.CHANGED)
    ]


def test_an_edit_after_approval_is_reported_until_approved_again(newsroom):
    article = _approved(newsroom)
    assert newsroom.approval_withdrawn(article.id) is None
    newsroom.save_article(dataclasses.replace(article, body="Reopens Thursday."), actor="Pia Holm")
    event = newsroom.approval_withdrawn(article.id)
    assert event is not None and event.action == "edit-after-approval"
    assert event.actor == "Pia Holm"
    # A further edit and a note keep the notice; a new approval ends it.
    newsroom.save_article(
        dataclasses.replace(newsroom.article(article.id), body="Reopens Thursday at six."),
        actor="Rita Vance",
    )
    newsroom.comment(article.id, "Check the time.", actor="Pia Holm")
    assert newsroom.approval_withdrawn(article.id) is not None
    newsroom.transition(article.id, "approve", actor="Pia Holm")
    assert newsroom.approval_withdrawn(article.id) is None


def test_a_restore_after_approval_withdraws_it_too(newsroom):
    article = _approved(newsroom)
    newsroom.transition(article.id, "return", actor="Pia Holm", comment="Add the detour")
    assert newsroom.approval_withdrawn(article.id) is None
    newsroom.save_article(
        dataclasses.replace(article, body="Detour via Mill Road."), actor="Rita Vance"
    )
    newsroom.transition(article.id, "submit", actor="Rita Vance")
    newsroom.transition(article.id, "approve", actor="Pia Holm")
    restored = newsroom.revert(article.id, 1, actor="Rita Vance")
    assert restored.status is Status.SUBMITTED
    assert newsroom.approval_withdrawn(article.id).action == "revert"


def test_export_articles_records_what_was_written(newsroom, tmp_path):
    article = _approved(newsroom)
    out = tmp_path / "site"
    steps = list(newsroom.export_articles([article], out, actor="Wes Tan", formats=["html"]))
    assert steps[-1].article_id is None  # index and manifest come last
    assert (out / f"{article.slug}.html").is_file()
    exports = [e for e in newsroom.store.audit_events(article.id) if e.action == "export"]
    assert [(e.actor, e.revision) for e in exports] == [("Wes Tan", article.revision)]
    assert str(out.resolve()) in exports[0].comment
    waiting = newsroom.find(newsroom.waiting_query(newsroom.person("Wes Tan")))
    assert article.id not in waiting
    # Unchanged the second time: nothing written, nothing recorded.
    list(newsroom.export_articles([article], out, actor="Wes Tan", formats=["html"]))
    assert len([e for e in newsroom.store.audit_events(article.id) if e.action == "export"]) == 1


def test_an_export_stopped_early_writes_and_records_nothing(newsroom, tmp_path):
    article = _approved(newsroom)
    out = tmp_path / "site"
    steps = newsroom.export_articles([article], out, actor="Wes Tan")
    next(steps)
    steps.close()
    assert not (out / f"{article.slug}.html").exists()
    assert all(e.action != "export" for e in newsroom.store.audit_events(article.id))


def test_an_action_on_a_revision_replaced_meanwhile_is_refused(newsroom):
    from newsdesk.domain.errors import ConflictError

    article = newsroom.create_article(
        Article(
            headline="Ferry fares frozen",
            date=dt.date(2026, 8, 3),
            body="Fares stay as they are.",
            credits=[Credit("Reporter", ("Rita Vance",))],
        ),
        actor="Rita Vance",
    )
    newsroom.transition(article.id, "submit", actor="Rita Vance")
    seen = newsroom.article(article.id).revision
    newsroom.save_article(
        dataclasses.replace(newsroom.article(article.id), body="Fares rise in May."),
        actor="Rita Vance",
    )
    with pytest.raises(ConflictError):
        newsroom.transition(article.id, "approve", actor="Pia Holm", expected_revision=seen)
    assert newsroom.article(article.id).status is Status.SUBMITTED
    approved = newsroom.transition(
        article.id, "approve", actor="Pia Holm", expected_revision=seen + 1
    )
    assert approved.approved_revision == seen + 1
