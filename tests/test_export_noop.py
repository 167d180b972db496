"""A re-export into the same folder as the web team meets it (issue 14): nothing
changed, nothing is written, rendered or recorded; whatever changed (an article, the
site's list, a file removed or edited by hand) is written again. Both engines."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from newsdesk.publish.export import site_index
from tests.test_export_incremental import PEOPLE, _approved, _export, _files


@pytest.fixture
def index_renders(monkeypatch) -> list[int]:
    """One item per rendering of an index page."""
    renders: list[int] = []
    real = site_index.index_chunks

    def counting(*args, **kwargs):
        renders.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(site_index, "index_chunks", counting)
    return renders


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def test_a_second_export_writes_renders_and_records_nothing(open_desks, tmp_path, index_renders):
    room = open_desks(PEOPLE)
    for n in range(1, 4):
        _approved(room, n)
    web = room.desk("Kai Web")
    folder = tmp_path / "site"
    _export(web, folder)
    assert len(index_renders) == 1
    files = _files(folder)
    events = len(room.audit_events())

    assert _export(web, folder) == ([], [])
    assert len(index_renders) == 1  # the index shows the same: not even rendered
    assert _files(folder) == files  # the manifest too, byte for byte
    assert len(room.audit_events()) == events


def test_the_index_follows_a_changed_headline_and_a_removed_article(
    open_desks, tmp_path, index_renders
):
    room = open_desks(PEOPLE)
    stories = [_approved(room, n) for n in range(1, 4)]
    web = room.desk("Kai Web")
    folder = tmp_path / "site"
    _export(web, folder)

    retitled = dataclasses.replace(stories[0], headline="Ferry back before the storm")
    room.save_article(retitled, actor="Rita Vance", expected_revision=stories[0].revision)
    room.transition(stories[0].id, "approve", actor="Pia Holm")
    loaded, written = _export(web, folder)
    assert loaded == [stories[0].id]
    assert "index.html" in written
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "Ferry back before the storm" in index and "Story 1<" not in index

    room.transition(stories[2].id, "archive", actor="Pia Holm")
    loaded, written = _export(web, folder)
    assert loaded == []  # the others unchanged: none read
    assert set(written) == {"index.html", "manifest.json"}
    assert "Story 3" not in (folder / "index.html").read_text(encoding="utf-8")
    assert stories[2].id not in [e["id"] for e in _manifest(folder)["articles"]]
    assert len(index_renders) == 3


@pytest.mark.parametrize("by_hand", ["deleted", "edited"])
def test_an_index_removed_or_edited_by_hand_is_written_again(open_desks, tmp_path, by_hand):
    room = open_desks(PEOPLE)
    for n in range(1, 3):
        _approved(room, n)
    web = room.desk("Kai Web")
    folder = tmp_path / "site"
    _export(web, folder)
    files = _files(folder)
    if by_hand == "deleted":
        (folder / "index.html").unlink()
    else:
        (folder / "index.html").write_text("<p>scribbled over</p>", encoding="utf-8")
    assert _export(web, folder) == ([], ["index.html"])
    assert _files(folder) == files


def test_fewer_formats_into_the_same_folder_then_the_same_again(open_desks, tmp_path):
    room = open_desks(PEOPLE)
    stories = [_approved(room, n) for n in range(1, 3)]
    web = room.desk("Kai Web")
    folder = tmp_path / "site"
    _export(web, folder)
    first = _files(folder)
    loaded, written = _export(web, folder, formats=("html",))
    # No page changes, nor is an article read; the index drops its text and ninjs links.
    assert (loaded, written) == ([], ["index.html", "manifest.json"])
    entries = _manifest(folder)["articles"]
    assert [sorted(e["hashes"]) for e in entries] == [["html"], ["html"]]
    assert sorted(e["id"] for e in entries) == sorted(s.id for s in stories)
    manifest = (folder / "manifest.json").read_bytes()
    assert _export(web, folder, formats=("html",)) == ([], [])
    assert (folder / "manifest.json").read_bytes() == manifest
    # Back to three formats: the manifest forgot the text and ninjs hashes, so the
    # articles are read and those files written again, as the first export wrote them.
    loaded, _written = _export(web, folder)
    assert sorted(loaded) == sorted(s.id for s in stories)
    assert _files(folder) == first
