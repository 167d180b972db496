from __future__ import annotations

import datetime as dt

from newsdesk.domain.article import Article, Credit
from newsdesk.newsroom.journal import RecoveryJournal


def _article() -> Article:
    return Article(
        id=7,
        revision=3,
        headline="Tram depot fire contained",
        date=dt.date(2026, 8, 1),
        body="Crews worked through the night.\n\n消防员通宵作业。",
        credits=[Credit("Reporter", ("Lena Park",))],
    )


def test_written_journal_reads_back_whole(tmp_path):
    journal = RecoveryJournal(tmp_path / "newsroom.db")
    article = _article()
    journal.write(article, base_revision=3, user="Lena Park", written_at="2026-08-01T10:00:00")
    entry = journal.read()
    assert entry is not None
    assert (entry.article_id, entry.base_revision, entry.user) == (7, 3, "Lena Park")
    assert entry.apply_to(Article(headline="old", id=7)).content() == article.content()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".recovery-")]


def test_clear_and_missing_and_damaged(tmp_path):
    journal = RecoveryJournal(tmp_path / "newsroom.db")
    assert journal.read() is None
    journal.write(_article(), base_revision=3, user="Lena Park", written_at="t")
    journal.clear()
    assert journal.read() is None
    journal.path.write_text('{"article_id": 7, "content": ', encoding="utf-8")  # cut short
    assert journal.read() is None
