"""A body is converted once per content, in the newsroom's database (both engines),
and every later export reuses it: any desk, any process, any folder (issue 14)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.newsroom import Newsroom
from newsdesk.publish.export import body_cache
from newsdesk.publish.markdown import plain_text

PEOPLE = {"Rita Vance": ["reporter"], "Pia Holm": ["producer"], "Kai Web": ["web"]}
BODIES = [
    "The *east pool* opens an hour earlier from Monday.",
    "Night buses return to the river district.\n\n- line 4\n- line 9",
    "The flower market moves to the old station. 花市搬到老车站。",
]


def _approved(newsroom, body: str, number: int) -> Article:
    draft = newsroom.create_article(
        Article(
            headline=f"Story {number}",
            body=body,
            date=dt.date(2026, 3, number),
            credits=[Credit("Reporter", ("Rita Vance",))],
        ),
        actor="Rita Vance",
    )
    newsroom.transition(draft.id, "submit", actor="Rita Vance")
    return newsroom.transition(draft.id, "approve", actor="Pia Holm")


def _pages(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*.html")}


def _export(newsroom, folder: Path, cache) -> None:
    articles = newsroom.site_selection()
    for _ in newsroom.export_articles(articles, folder, actor="Kai Web", cache=cache):
        pass


def test_a_body_is_converted_once_and_later_exports_anywhere_reuse_it(open_desks, tmp_path):
    room = open_desks(PEOPLE)
    for number, body in enumerate(BODIES, start=1):
        _approved(room, body, number)
    first = room.desk("Kai Web").body_cache()
    _export(room.desk("Kai Web"), tmp_path / "a", first)
    assert first.misses == len(BODIES)

    # Another session (on a server: another connection of the web desk), another
    # folder: every body comes from the database, none is converted again.
    other = room.session("Kai Web")
    try:
        again = other.body_cache()
        _export(other, tmp_path / "b", again)
    finally:
        other.close()
    assert again.misses == 0
    assert again.stored_hits == len(BODIES)
    assert _pages(tmp_path / "b") == _pages(tmp_path / "a")


def test_an_edited_body_is_converted_again_and_the_others_are_not(open_desks, tmp_path):
    room = open_desks(PEOPLE)
    stories = [_approved(room, body, n) for n, body in enumerate(BODIES, start=1)]
    _export(room.desk("Kai Web"), tmp_path / "a", room.desk("Kai Web").body_cache())
    edited = dataclasses.replace(stories[0], body=stories[0].body + " The café stays shut.")
    room.save_article(edited, actor="Rita Vance", expected_revision=stories[0].revision)
    room.transition(stories[0].id, "approve", actor="Pia Holm")
    cache = room.desk("Kai Web").body_cache()
    _export(room.desk("Kai Web"), tmp_path / "b", cache)
    assert (cache.misses, cache.stored_hits) == (1, len(BODIES) - 1)
    assert "The café stays shut." in (tmp_path / "b" / f"{stories[0].slug}.html").read_text()


def test_a_new_renderer_converts_the_bodies_again(open_desks, tmp_path, monkeypatch):
    room = open_desks(PEOPLE)
    _approved(room, BODIES[0], 1)
    _export(room.desk("Kai Web"), tmp_path / "a", room.desk("Kai Web").body_cache())
    # A kept body names the renderer it came from: another pipeline never reuses it.
    monkeypatch.setattr(body_cache, "PIPELINE_VERSION", "test-next")
    cache = room.desk("Kai Web").body_cache()
    _export(room.desk("Kai Web"), tmp_path / "b", cache)
    assert cache.misses == 1


def _count_html_parses(monkeypatch) -> list[int]:
    """Counts every parse of body HTML for its text (the page's description, the text
    page): an export from a full cache makes none."""
    calls = [0]
    real = plain_text._BlockTextParser.feed

    def feed(self, data):
        calls[0] += 1
        return real(self, data)

    monkeypatch.setattr(plain_text._BlockTextParser, "feed", feed)
    return calls


def test_an_export_by_the_command_line_fills_the_cache_the_app_reads(tmp_path, monkeypatch):
    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    for name, roles in PEOPLE.items():
        room.add_person(name, roles)
    for number, body in enumerate(BODIES, start=1):
        _approved(room, body, number)
    room.close()
    command = [sys.executable, "-m", "newsdesk", "--db", str(db), "export"]
    environment = {**os.environ, "NEWSDESK_USER": "Kai Web"}
    done = subprocess.run(
        [*command, "--out", str(tmp_path / "cli")],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr

    parses = _count_html_parses(monkeypatch)
    room = Newsroom.open(db)
    try:
        cache = room.body_cache()
        _export(room, tmp_path / "app", cache)
    finally:
        room.close()
    assert (cache.misses, cache.stored_hits) == (0, len(BODIES))
    # The body's text came with it: no HTML parsed again for the page.
    assert (parses[0], cache.texts_filled) == (0, 0)
    assert _pages(tmp_path / "app") == _pages(tmp_path / "cli")


def test_bodies_kept_without_their_text_still_export_and_get_it_once(tmp_path, monkeypatch):
    """A cache an older newsdesk filled (HTML only: schema 7, before migration 8 added
    the text) gives the same pages; its entries get their text at that export, so the
    next one parses nothing."""
    import sqlite3

    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    for name, roles in PEOPLE.items():
        room.add_person(name, roles)
    for number, body in enumerate(BODIES, start=1):
        _approved(room, body, number)
    _export(room, tmp_path / "a", room.body_cache())
    room.close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE body_cache SET plain_text = NULL")
    conn.close()

    room = Newsroom.open(db)
    try:
        older = room.body_cache()
        _export(room, tmp_path / "b", older)
        parses = _count_html_parses(monkeypatch)
        again = room.body_cache()
        _export(room, tmp_path / "c", again)
    finally:
        room.close()
    assert (older.misses, older.stored_hits, older.texts_filled) == (0, len(BODIES), len(BODIES))
    assert (again.misses, again.texts_filled, parses[0]) == (0, 0, 0)
    assert _pages(tmp_path / "b") == _pages(tmp_path / "a") == _pages(tmp_path / "c")


@pytest.mark.parametrize("engine", ["postgres"], indirect=True)
def test_only_the_web_team_fills_the_servers_cache(open_desks):
    from newsdesk.domain.errors import NewsdeskError

    room = open_desks(PEOPLE)
    # The cache's HTML goes onto the site as it is: desks that never export may not
    # put any there (the database refuses, whatever the program).
    with pytest.raises(NewsdeskError):
        room.desk("Rita Vance").store.cache_bodies({"k" * 64: ("<script>x</script>", "")})
    room.desk("Kai Web").store.cache_bodies({"k" * 64: ("<p>fine</p>", None)})
    # Nor may they fill in an entry's text, which the page's description shows.
    with pytest.raises(NewsdeskError):
        room.desk("Rita Vance").store.cache_bodies({"k" * 64: ("<p>fine</p>", "forged")})
    room.desk("Kai Web").store.cache_bodies({"k" * 64: ("<p>fine</p>", "fine")})
    assert room.desk("Pia Holm").store.cached_bodies(["k" * 64]) == {
        "k" * 64: ("<p>fine</p>", "fine")
    }
