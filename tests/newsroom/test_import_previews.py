"""The window's import (newsroom/importing.py): previewed files stored as one batch,
each file still standing alone."""

from __future__ import annotations

from newsdesk.newsroom.importing import import_previews, preview_files
from tests.cli.test_cli_export import page_text

PEOPLE = {"Rita Vance": ["reporter"], "Kai Web": ["web"]}


def _files(tmp_path, count: int) -> list:
    paths = []
    for number in range(count):
        path = tmp_path / f"page-{number}.txt"
        path.write_text(page_text(f"Harbour story {number}", f"Paragraph {number}."), "utf-8")
        paths.append(path)
    return paths


def test_each_kept_file_becomes_an_article_and_a_refused_one_is_named(open_desks, tmp_path):
    room = open_desks(PEOPLE)
    paths = _files(tmp_path, 3)
    paths[1].write_text("", "utf-8")  # refused when previewed
    previews = preview_files(room, paths)
    outcomes = import_previews(room, previews, actor="Rita Vance")
    assert [o.path for o in outcomes] == paths
    assert outcomes[1].article is None and "page-1.txt" in outcomes[1].refused
    stored = [outcomes[0].article, outcomes[2].article]
    assert [a.headline for a in stored] == ["Harbour story 0", "Harbour story 2"]
    assert room.count() == 2
    assert [e.action for e in room.audit_events(stored[1].id)] == ["create"]


def test_someone_who_may_not_create_articles_is_refused_for_every_file(open_desks, tmp_path):
    room = open_desks(PEOPLE)
    previews = preview_files(room, _files(tmp_path, 2))
    outcomes = import_previews(room, previews, actor="Kai Web")
    assert [o.article for o in outcomes] == [None, None]
    assert all("page-" in o.refused for o in outcomes)
    assert room.count() == 0
