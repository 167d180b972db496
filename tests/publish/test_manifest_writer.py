"""The manifest is written entry by entry as the export goes (never held whole): what it
writes is JSON holding exactly the data given, the same bytes for the same data."""

from __future__ import annotations

import io
import json

import pytest

from newsdesk.publish.export.bundle import FORMAT_FILES
from newsdesk.publish.export.manifest import MANIFEST_NAME, ManifestWriter, entry_key, read_previous

ENTRIES = [
    {
        "id": 7,
        "slug": "harbour-ferry",
        "revision": 3,
        "hashes": {"html": "a" * 64, "text": "b" * 64},
        "files": {"html": "harbour-ferry.html", "text": "harbour-ferry.txt"},
        "stamp": "c" * 64,
    },
    {"id": 5, "slug": "花市", "revision": 1, "hashes": {}, "files": {}, "note": 'a "quote" \\'},
]
SITE = {"name": "default", "site_name": "City 日报", "fingerprints": {"html": "d" * 64}}


def _written(entries, redirects) -> bytes:
    stream = io.BytesIO()
    writer = ManifestWriter(stream)
    for entry in entries:
        writer.add(entry)
    writer.finish(redirects, SITE)
    return stream.getvalue()


@pytest.mark.parametrize("entries", [ENTRIES, ENTRIES[:1], []])
@pytest.mark.parametrize("redirects", [[], [{"id": 7, "from": "old.html", "to": "new.html"}]])
def test_the_manifest_written_piece_by_piece_is_the_data_given(entries, redirects):
    data = _written(entries, redirects)
    expected = {"articles": entries, "site": SITE}
    if redirects:
        expected["redirects"] = redirects
    assert json.loads(data.decode("utf-8")) == expected
    assert data == _written(entries, redirects)  # the same bytes for the same data
    # One article a line: a changed article is a one-line difference.
    lines = data.decode("utf-8").splitlines()
    assert sum(1 for line in lines if line.startswith('{"files"')) == len(entries)


@pytest.mark.parametrize("entries", [ENTRIES, []])
@pytest.mark.parametrize("redirects", [[], [{"id": 7, "from": "old.html", "to": "new.html"}]])
def test_the_manifest_is_read_back_line_by_line_as_written(tmp_path, entries, redirects):
    (tmp_path / MANIFEST_NAME).write_bytes(_written(entries, redirects))
    previous = read_previous(tmp_path, FORMAT_FILES)
    # A redirect (it has an id too) is never taken for an article's entry.
    assert _parsed(previous) == {entry_key(e["id"], e["slug"]): e for e in entries}
    assert previous.fingerprints == SITE["fingerprints"]


def test_an_older_layout_and_a_broken_manifest_are_read_whole(tmp_path):
    older = {"articles": ENTRIES, "site": SITE}
    (tmp_path / MANIFEST_NAME).write_text(json.dumps(older, indent=2), encoding="utf-8")
    previous = read_previous(tmp_path, FORMAT_FILES)
    assert _parsed(previous) == {entry_key(e["id"], e["slug"]): e for e in ENTRIES}
    assert previous.fingerprints == SITE["fingerprints"]
    cut = _written(ENTRIES, [])[:-40]  # an export cut short: no site line
    (tmp_path / MANIFEST_NAME).write_bytes(cut)
    previous = read_previous(tmp_path, FORMAT_FILES)
    assert (previous.entries, previous.fingerprints) == ({}, {})


def test_an_unchanged_entry_is_kept_as_its_line_and_written_again_byte_for_byte(tmp_path):
    (tmp_path / MANIFEST_NAME).write_bytes(_written(ENTRIES, []))
    previous = read_previous(tmp_path, FORMAT_FILES)
    kept = previous.get(7, "harbour-ferry")
    assert kept.as_is and kept.formats == {"html", "text"} and kept.revision == 3
    assert kept.stamp == "c" * 64
    assert not previous.get(5, "花市").as_is  # an entry with more than the usual keys
    stream = io.BytesIO()
    writer = ManifestWriter(stream)
    writer.add_line(kept.line)
    writer.finish([], SITE)
    assert stream.getvalue() == _written(ENTRIES[:1], [])


def _parsed(previous) -> dict:
    return {key: entry.parsed() for key, entry in previous.entries.items()}


def _usual(id_, slug, formats, revision=1, stamp="e" * 32) -> dict:
    return {
        "id": id_,
        "slug": slug,
        "revision": revision,
        "hashes": {fmt: f"{id_:064x}" for fmt in formats},
        "files": {fmt: FORMAT_FILES[fmt].format(slug=slug) for fmt in formats},
        "stamp": stamp,
    }


ALL = ("html", "text", "ninjs", "markdown")
MIXED = [
    _usual(1, "ferry", ("html",)),
    _usual(2, "tram.line-2", ALL, revision=None),
    _usual(3, "bridge", ("html", "text"), stamp="f" * 64),
    _usual(4, "花市", ("html",)),  # not a slug the pattern knows: parsed
    {**_usual(5, "odd", ("html",)), "files": {"html": "elsewhere.html"}},
    {**_usual(6, "extra", ("html",)), "note": "more keys"},
    _usual(1, "ferry-again", ("html",), revision=2),  # the same id later: the later wins
    {**_usual(7, "no-stamp", ("html",)), "stamp": None},
]


@pytest.mark.parametrize("formats", [(), ("html",), ALL, ("html", "text")])
def test_usual_lines_taken_apart_by_pattern_read_as_parsing_them_does(tmp_path, formats):
    """Lines exactly as the writer writes them are not parsed as JSON, but what is read
    of them (and of every other line) is what parsing them gives."""
    (tmp_path / MANIFEST_NAME).write_bytes(_written(MIXED, []))
    parsed = read_previous(tmp_path, FORMAT_FILES)
    fast = read_previous(tmp_path, FORMAT_FILES, formats)
    assert fast.entries == parsed.entries
    assert list(fast.entries) == list(parsed.entries)
    assert fast.get(1, "ferry-again").revision == 2
    assert fast.get(2, "tram.line-2").formats == frozenset(ALL)
    assert fast.get(2, "tram.line-2").revision is None
    assert fast.get(3, "bridge").stamp == "f" * 64
    assert not fast.get(5, "odd").formats and not fast.get(6, "extra").as_is
