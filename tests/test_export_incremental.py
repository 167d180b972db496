"""A re-export reads only what changed since the folder's last export (issue 14): each
article's stamp (the digest of its stored row) is in the manifest, and an article whose
stamp is the same is not read at all. Both engines."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from newsdesk.domain.article import Article, Credit
from newsdesk.newsroom import Newsroom
from newsdesk.publish.export.selection import ArticleSelection

PEOPLE = {"Rita Vance": ["reporter"], "Pia Holm": ["producer"], "Kai Web": ["web"]}


def _approved(newsroom, number: int, body: str = "") -> Article:
    draft = newsroom.create_article(
        Article(
            headline=f"Story {number}",
            body=body or f"The *story* number {number}. 第{number}号。",
            date=dt.date(2026, 3, number),
            credits=[Credit("Reporter", ("Rita Vance",))],
        ),
        actor="Rita Vance",
    )
    newsroom.transition(draft.id, "submit", actor="Rita Vance")
    return newsroom.transition(draft.id, "approve", actor="Pia Holm")


def _counting(selection: ArticleSelection, loaded: list[int]) -> ArticleSelection:
    def load(ids):
        loaded.extend(ids)
        return selection.load(ids)

    return dataclasses.replace(selection, load=load)


def _export(newsroom, folder: Path, formats=("html", "text", "ninjs")) -> tuple[list, list]:
    """(ids read whole, files written) of a whole-site export."""
    loaded: list[int] = []
    written: list[str] = []
    selection = _counting(newsroom.site_selection(), loaded)
    for step in newsroom.export_articles(selection, folder, actor="Kai Web", formats=formats):
        written.extend(step.files_written)
    return loaded, written


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_an_unchanged_site_is_re_exported_without_reading_an_article(open_desks, tmp_path):
    room = open_desks(PEOPLE)
    stories = [_approved(room, n) for n in range(1, 4)]
    web = room.desk("Kai Web")
    loaded, _ = _export(web, tmp_path / "site")
    assert sorted(loaded) == sorted(s.id for s in stories)
    before = _files(tmp_path / "site")

    loaded, written = _export(web, tmp_path / "site")
    assert (loaded, written) == ([], [])
    assert _files(tmp_path / "site") == before

    # One article edited and approved again: only it is read, only its files change.
    edited = dataclasses.replace(stories[1], body="A corrected body, 已更正。")
    room.save_article(edited, actor="Rita Vance", expected_revision=stories[1].revision)
    room.transition(stories[1].id, "approve", actor="Pia Holm")
    loaded, written = _export(web, tmp_path / "site")
    assert loaded == [stories[1].id]
    slug = room.article(stories[1].id).slug
    assert set(written) == {f"{slug}.html", f"{slug}.txt", f"{slug}.ninjs.json", "manifest.json"}
    assert "已更正" in (tmp_path / "site" / f"{slug}.txt").read_text(encoding="utf-8")


def test_a_workflow_action_is_read_again_and_rewrites_only_what_shows_it(open_desks, tmp_path):
    room = open_desks(PEOPLE)
    story = _approved(room, 1)
    web = room.desk("Kai Web")
    _export(web, tmp_path / "site")
    page = (tmp_path / "site" / f"{story.slug}.html").read_bytes()
    room.transition(story.id, "publish", actor="Kai Web")
    loaded, written = _export(web, tmp_path / "site")
    # The stamp changed (status), so the article is read; its page shows nothing new,
    # its ninjs does (the status), and the manifest records the new stamp.
    assert loaded == [story.id]
    assert set(written) == {f"{story.slug}.ninjs.json", "manifest.json"}
    assert (tmp_path / "site" / f"{story.slug}.html").read_bytes() == page


def test_a_deleted_page_is_written_again_without_reading_the_others(open_desks, tmp_path):
    room = open_desks(PEOPLE)
    stories = [_approved(room, n) for n in range(1, 3)]
    web = room.desk("Kai Web")
    _export(web, tmp_path / "site")
    before = _files(tmp_path / "site")
    (tmp_path / "site" / f"{stories[0].slug}.txt").unlink()
    loaded, written = _export(web, tmp_path / "site")
    assert loaded == [stories[0].id]
    assert written == [f"{stories[0].slug}.txt"]
    assert _files(tmp_path / "site") == before


def test_another_newsroom_exported_into_the_same_folder_replaces_the_pages(tmp_path):
    """The same ids and revisions in two databases: the stamp holds the stored content,
    so the second newsroom's articles are read and their pages written."""
    folder = tmp_path / "site"
    pages = []
    for name, body in (("a.db", "First newsroom's text."), ("b.db", "Second newsroom's text.")):
        room = Newsroom.open(tmp_path / name)
        try:
            for person, roles in PEOPLE.items():
                room.add_person(person, roles)
            story = _approved(room, 1, body=body)
            loaded, _ = _export(room, folder, formats=("html",))
            assert loaded == [story.id]
            pages.append((folder / f"{story.slug}.html").read_text(encoding="utf-8"))
        finally:
            room.close()
    assert "First newsroom" in pages[0]
    assert "Second newsroom" in pages[1] and "First newsroom" not in pages[1]
