"""The live feed writes this desk's presence mark on its own thread: mark_written()
says when it is there for every other desk to see, on both engines."""

from __future__ import annotations

from newsdesk.domain.article import Article
from newsdesk.domain.presence import PresenceMode

LENA, OMAR = "Lena Park", "Omar Haddad"


def test_a_mark_asked_for_is_written_and_then_seen_by_another_desk(open_desks):
    desks = open_desks({LENA: ["reporter"], OMAR: ["producer"]})
    lena = desks.session(LENA)
    omar = desks.session(OMAR)
    feed = lena.open_feed(on_changes=lambda changes: None)
    theirs = omar.store.open_channel()
    try:
        feed.start()
        feed.set_presence(1, PresenceMode.EDITING, LENA)
        assert feed.mark_written(10)
        # No waiting after it: the mark is in the newsroom once mark_written says so.
        assert [(p.article_id, p.person, p.mode) for p in theirs.presence()] == [
            (1, LENA, PresenceMode.EDITING)
        ]
        feed.set_presence(None, PresenceMode.VIEWING, LENA)
        assert feed.mark_written(10)
        assert theirs.presence() == []
    finally:
        theirs.close()
        feed.stop()
        lena.close()
        omar.close()


def test_caught_up_means_every_change_committed_before_was_reported(open_desks):
    desks = open_desks({LENA: ["reporter"], OMAR: ["producer"]})
    lena = desks.session(LENA)
    heard: list = []
    feed = lena.open_feed(on_changes=heard.append)
    try:
        feed.start()
        assert feed.caught_up(10)
        before = len(heard)
        created = desks.create_article(Article(headline="Tram line opens"), actor=OMAR)
        assert feed.caught_up(10)  # no waiting after it
        assert any(changes.touches(created.id) for changes in heard[before:])
    finally:
        feed.stop()
        lena.close()
