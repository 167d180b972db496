"""A desk's channel, on every engine: it hears each commit of any other connection (and
nothing of a unit rolled back), reads the audit log on from where it was, and holds the
desk's presence mark, which goes when the desk lets it go, closes, or dies."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

import pytest

from newsdesk.domain.article import Article
from newsdesk.domain.presence import Presence, PresenceMode

LENA, OMAR = "Lena Park", "Omar Diaz"


def _until(test, seconds: float = 5.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = test()
        if found:
            return found
        time.sleep(0.05)
    return test()


@pytest.fixture
def desks(desk_targets):
    targets = desk_targets({LENA: ["reporter"], OMAR: ["producer"]})
    opened = []

    def room(person: str):
        opened.append(targets.open(person))
        return opened[-1]

    yield targets, room
    for r in opened:
        r.close()


def test_a_commit_elsewhere_wakes_the_channel_and_is_read_from_the_audit_log(desks):
    _targets, room = desks
    lena, omar = room(LENA), room(OMAR)
    channel = omar.store.open_channel()
    try:
        start = channel.newest_event_id()
        assert not channel.wait(0.3)  # nothing happened
        began = time.monotonic()
        article = lena.create_article(Article(headline="Tram line opens"), actor=LENA)
        assert _until(lambda: channel.wait(0.2), 2.0)
        assert time.monotonic() - began < 2.0
        events = channel.events_after(start)
        assert [(e.action, e.article_id, e.revision, e.actor) for e in events] == [
            ("create", article.id, 1, LENA)
        ]
        assert channel.newest_event_id() == events[-1].id
        assert channel.events_after(events[-1].id) == []
    finally:
        channel.close()


def test_the_audit_log_is_read_to_its_end_batch_by_batch_and_as_it_grows(desks):
    """The feed reads on from the last entry it saw, in batches, and also on its own
    schedule (without wait() saying anything committed): no entry is ever skipped."""
    _targets, room = desks
    lena, omar = room(LENA), room(OMAR)
    channel = omar.store.open_channel()
    try:
        start = channel.newest_event_id()
        for n in range(7):
            lena.create_article(Article(headline=f"Tram line {n}"), actor=LENA)
        seen, last = [], start
        while batch := channel.events_after(last, limit=3):
            seen += batch
            last = batch[-1].id
        assert len(seen) == 7
        assert channel.events_after(last, limit=3) == []
        later = lena.create_article(Article(headline="Tram line 8"), actor=LENA)
        assert [e.article_id for e in channel.events_after(last, limit=3)] == [later.id]
    finally:
        channel.close()


def test_a_unit_rolled_back_is_never_heard(desks):
    _targets, room = desks
    lena, omar = room(LENA), room(OMAR)
    article = lena.create_article(Article(headline="Tram line opens"), actor=LENA)
    channel = omar.store.open_channel()
    try:
        start = channel.newest_event_id()
        with pytest.raises(RuntimeError), lena.store.transaction():
            lena.store.record_event(actor=LENA, action="comment", article_id=article.id)
            raise RuntimeError("changed my mind")
        time.sleep(0.5)
        channel.wait(0.3)
        assert channel.events_after(start) == []
    finally:
        channel.close()


def test_presence_is_seen_by_others_and_goes_when_released_or_closed(desks):
    _targets, room = desks
    lena, omar = room(LENA), room(OMAR)
    mine, theirs = lena.store.open_channel(), omar.store.open_channel()
    try:
        mine.set_presence(7, PresenceMode.EDITING, LENA)
        theirs.set_presence(7, PresenceMode.VIEWING, OMAR)
        assert _until(lambda: len(theirs.presence()) == 2)
        assert theirs.presence() == sorted(
            [
                Presence(7, LENA, PresenceMode.EDITING, mine.desk),
                Presence(7, OMAR, PresenceMode.VIEWING, theirs.desk),
            ]
        )
        mine.set_presence(8, PresenceMode.VIEWING, LENA)  # another article: one mark a desk
        assert _until(
            lambda: Presence(8, LENA, PresenceMode.VIEWING, mine.desk) in theirs.presence()
        )
        assert all(p.article_id != 7 or p.person != LENA for p in theirs.presence())
        mine.set_presence(None, PresenceMode.VIEWING, LENA)
        assert _until(lambda: [p.person for p in theirs.presence()] == [OMAR])
        mine.set_presence(9, PresenceMode.EDITING, LENA)
        assert _until(lambda: len(theirs.presence()) == 2)
        mine.close()
        assert _until(lambda: [p.person for p in theirs.presence()] == [OMAR])
    finally:
        theirs.close()


def test_a_mark_set_again_never_vanishes_for_others(desks):
    """A desk sets its mark again each time its permissions are applied (a save, a
    re-read, a mode change): another desk must never see it gone meanwhile, or its
    editor stops waiting for someone who never left."""
    _targets, room = desks
    lena, omar = room(LENA), room(OMAR)
    mine, theirs = lena.store.open_channel(), omar.store.open_channel()
    stop = threading.Event()

    def set_again() -> None:
        modes = [PresenceMode.EDITING, PresenceMode.EDITING, PresenceMode.VIEWING]
        turn = 0
        while not stop.is_set():
            mine.set_presence(7, modes[turn % 3], LENA)
            turn += 1

    try:
        mine.set_presence(7, PresenceMode.EDITING, LENA)
        assert _until(lambda: any(p.person == LENA for p in theirs.presence()))
        setter = threading.Thread(target=set_again)
        setter.start()
        try:
            seen = [[p.person for p in theirs.presence()] for _ in range(150)]
        finally:
            stop.set()
            setter.join(10)
        assert all(LENA in persons for persons in seen), sum(LENA not in s for s in seen)
    finally:
        mine.close()
        theirs.close()


def test_a_mark_set_again_is_no_news_for_other_desks(desks):
    """Setting the same mark again (each save applies the permissions again) writes
    nothing: other desks are not woken for it (on a file each such write was also one
    more moment when a broken -shm file could kill the app)."""
    _targets, room = desks
    lena, omar = room(LENA), room(OMAR)
    mine, theirs = lena.store.open_channel(), omar.store.open_channel()
    try:
        mine.set_presence(7, PresenceMode.EDITING, LENA)
        assert _until(lambda: any(p.person == LENA for p in theirs.presence()))
        while theirs.wait(0.3):
            pass  # what setting the mark first said is heard and done with
        for _ in range(5):
            mine.set_presence(7, PresenceMode.EDITING, LENA)
        assert not theirs.wait(0.5)
        mine.set_presence(7, PresenceMode.VIEWING, LENA)  # a change is still news
        assert _until(
            lambda: Presence(7, LENA, PresenceMode.VIEWING, mine.desk) in theirs.presence()
        )
    finally:
        mine.close()
        theirs.close()


def test_the_mark_of_a_desk_that_dies_goes_away(desks, engine, tmp_path):
    targets, room = desks
    omar = room(OMAR)
    script = textwrap.dedent(
        f"""
        import sys, time
        from newsdesk.newsroom import Newsroom
        from newsdesk.domain.presence import PresenceMode
        room = Newsroom.open({targets.db(LENA)!r})
        channel = room.store.open_channel()
        channel.set_presence(5, PresenceMode.EDITING, {LENA!r})
        print("marked", flush=True)
        time.sleep(600)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "marked"
        channel = omar.store.open_channel()
        if engine == "sqlite":  # a reader that waits 1 s for a heartbeat, not 15 s
            from newsdesk.storage.sqlite.channel import SQLiteChannel

            channel.close()
            channel = SQLiteChannel(targets.db(OMAR), expires_s=1.0)
        assert [p.person for p in channel.presence()] == [LENA]
        child.kill()  # no goodbye: the process is gone
        child.wait(10)
        began = time.monotonic()
        assert _until(lambda: channel.presence() == [], 5.0)
        assert time.monotonic() - began < (3.0 if engine == "sqlite" else 1.5)
        channel.close()
    finally:
        if child.poll() is None:
            child.kill()
