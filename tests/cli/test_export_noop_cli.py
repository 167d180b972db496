"""`newsdesk export` into the same folder again, as the web team runs it (each command
its own process, each desk its own login on a server): nothing changed, nothing is
written; every kind of change since the last export is caught (an edit, a workflow
step the page shows, an import, a restore from a backup, plain SQL by another
program or desk, an article leaving the site, a file deleted by hand) and only what
it changed is written again. Both engines."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import psycopg
import pytest

from tests.cli.conftest import run_newsdesk as newsdesk

PEOPLE = {"Rita Vance": "reporter", "Pia Holm": "producer", "Kai Web": "web"}
FORMATS = "html,markdown"


class Room:
    """A newsroom reached through the command line, as each of its people."""

    def __init__(self, engine: str, tmp_path: Path, request) -> None:
        self.engine = engine
        self.tmp = tmp_path
        if engine == "sqlite":
            self.path = tmp_path / "room.db"
            self.owner = str(self.path)
            for name, role in PEOPLE.items():
                self.run(None, "users", "add", name, "--role", role)
            self.desks = dict.fromkeys(PEOPLE, self.owner)
        else:
            server = request.getfixturevalue("pg_newsroom")
            self.owner = server.url
            self.desks = {
                name: server.url_as(server.add_person(name, [role]))
                for name, role in PEOPLE.items()
            }

    def run(self, person: str | None, *args: str) -> str:
        db = self.desks[person] if person else self.owner
        extra = ("--as", person) if person and args[0] not in ("backup", "restore") else ()
        code, out, err = newsdesk("--db", db, *args, *extra, timeout=120)
        assert code == 0, f"{args}: {err}"
        return out

    def story(self, name: str, headline: str, body: str) -> int:
        path = self.tmp / f"{name}.md"
        path.write_text(_source(headline, body), "utf-8")
        article_id = int(self.run("Rita Vance", "import", str(path)).split("\t")[0])
        self.run("Rita Vance", "submit", str(article_id))
        self.run("Pia Holm", "approve", str(article_id))
        return article_id

    def edit(self, article_id: int, revision: int, headline: str, body: str) -> None:
        path = self.tmp / f"edit-{article_id}.md"
        path.write_text(_source(headline, body), "utf-8")
        self.run(
            "Rita Vance",
            "import",
            str(path),
            "--into",
            str(article_id),
            "--expect-revision",
            str(revision),
        )

    def export(self, folder: Path) -> tuple[int, set[str]]:
        """(files written, names whose bytes changed or appeared) of one export."""
        before = _files(folder)
        out = self.run("Kai Web", "export", "--out", str(folder), "--format", FORMATS)
        written = int(re.search(r"\((\d+) files written", out)[1])
        after = _files(folder)
        return written, {n for n, data in after.items() if before.get(n) != data}


def _source(headline: str, body: str) -> str:
    return f"Title: {headline}\nDate: 2026-02-14\nAuthors: Rita Vance\n\n{body}\n"


def _files(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _slug(folder: Path, article_id: int) -> str:
    import json

    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    return next(e["slug"] for e in manifest["articles"] if e["id"] == article_id)


@pytest.fixture
def room(engine, tmp_path, request) -> Room:
    return Room(engine, tmp_path, request)


def test_a_re_export_writes_only_what_each_kind_of_change_changed(room, tmp_path):
    site = tmp_path / "site"
    ferry = room.story("ferry", "Ferry returns", "The ferry *Aurora* sails again.")
    tram = room.story("tram", "Tram line opens", "Trams every ten minutes. 每十分钟一班。")
    bridge = room.story("bridge", "Bridge reopens", "The old bridge is open again.")
    written, changed = room.export(site)
    assert written == 3 * 2 + 3 and "index.html" in changed  # pages, index, style, manifest
    backup = tmp_path / ("room-backup.db" if room.engine == "sqlite" else "room.dump")
    room.run(None, "backup", "--out", str(backup))

    # Nothing changed: nothing written, the folder byte for byte as it was.
    assert room.export(site) == (0, set())

    slug = {i: _slug(site, i) for i in (ferry, tram, bridge)}
    # An edit through the app, approved again: that article's page, the index (its
    # headline) and the manifest.
    room.edit(ferry, 1, "Ferry returns", "The ferry *Aurora* sails a week early.")
    assert room.export(site) == (0, set())  # the site keeps the approved text
    room.run("Pia Holm", "approve", str(ferry))
    written, changed = room.export(site)
    assert changed == {f"{slug[ferry]}.html", f"{slug[ferry]}.md", "manifest.json"}
    assert "a week early" in (site / f"{slug[ferry]}.html").read_text("utf-8")

    # A workflow step that changes one format: publishing shows in the Markdown only.
    room.run("Kai Web", "publish", str(tram))
    written, changed = room.export(site)
    assert (written, changed) == (2, {f"{slug[tram]}.md", "manifest.json"})

    # An import, approved: its files, the index, the manifest; nothing else.
    school = room.story("school", "School opens", "The new school opens on Monday.")
    written, changed = room.export(site)
    assert {"index.html", "manifest.json"} < changed and len(changed) == 4
    school_slug = _slug(site, school)
    assert f"{school_slug}.html" in changed

    # A file deleted by hand: written again, alone.
    (site / f"{slug[bridge]}.html").unlink()
    assert room.export(site) == (1, {f"{slug[bridge]}.html"})

    # Plain SQL outside newsdesk: on a file, another program; on a server, the web
    # desk's own login publishing within its rights.
    if room.engine == "sqlite":
        conn = sqlite3.connect(room.path, isolation_level=None)
        try:
            conn.execute(
                "UPDATE articles SET headline = 'Bridge reopens at last' WHERE id = ?", [bridge]
            )
        finally:
            conn.close()
        expected = {f"{slug[bridge]}.html", f"{slug[bridge]}.md", "index.html", "manifest.json"}
    else:
        with psycopg.connect(room.desks["Kai Web"], autocommit=True) as conn:
            conn.execute(
                "UPDATE articles SET status = 'published', updated_by = 'Kai Web' WHERE id = %s",
                [bridge],
            )
        expected = {f"{slug[bridge]}.md", "manifest.json"}
    assert room.export(site)[1] == expected
    assert room.export(site) == (0, set())

    # An article leaving the site: the index and the manifest only (its files stay).
    room.run("Pia Holm", "archive", str(school))
    assert room.export(site) == (2, {"index.html", "manifest.json"})

    # A restore from the backup taken after the first export: every article is back as
    # it was then, and so are the pages that had changed since.
    room.run(None, "restore", str(backup), "--yes")
    written, changed = room.export(site)
    assert "a week early" not in (site / f"{slug[ferry]}.html").read_text("utf-8")
    assert {f"{slug[ferry]}.html", f"{slug[tram]}.md", f"{slug[bridge]}.md"} <= changed
    assert f"{slug[tram]}.html" not in changed
    assert room.export(site) == (0, set())
