"""The checklist refuses what is not yet an article: no real headline, no text."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.checklist import PLACEHOLDER_HEADLINE, ChecklistFailed
from newsdesk.domain.status import Status
from newsdesk.newsroom import Newsroom


@pytest.fixture
def newsroom(tmp_path):
    room = Newsroom.open(tmp_path / "checks.db")
    room.add_person("Ada Quist", ["reporter"])
    yield room
    room.close()


def test_a_new_untitled_article_without_text_cannot_be_submitted(newsroom):
    # As the app creates it: the placeholder headline, today's date, the reporter.
    fresh = newsroom.create_article(
        Article(
            headline=PLACEHOLDER_HEADLINE,
            date=dt.date.today(),
            credits=[Credit("Reporter", ("Ada Quist",))],
        ),
        actor="Ada Quist",
    )
    failures = newsroom.checklist(fresh)
    assert [f.name for f in failures] == ["headline", "body"]
    assert "Untitled article" in failures[0].message
    with pytest.raises(ChecklistFailed) as refused:
        newsroom.transition(fresh.id, "submit", actor="Ada Quist")
    assert "headline" in str(refused.value) and "no text" in str(refused.value)
    assert newsroom.article(fresh.id).status is Status.DRAFT


def test_a_body_of_blank_lines_is_no_text(newsroom):
    article = Article(
        headline="Harbour lights switched on",
        date=dt.date(2026, 12, 1),
        body="\n\n   \n",
        credits=[Credit("Reporter", ("Ada Quist",))],
    )
    assert [f.name for f in newsroom.checklist(article)] == ["body"]
    article.body = "The lights stay on until January."
    assert newsroom.checklist(article) == []
