"""`newsdesk import FILE --into ID --expect-revision N --merge`, as a script runs it (a
process of its own), on every engine: changes that do not overlap a newer revision
merge into the next revision; overlapping ones are refused and nothing is written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys

import pytest

from newsdesk.domain.article import Article, Credit
from tests.cli.test_cli_export import FOOTER

MEI, TOM = "Mei Lin", "Tom Reed"
PARAGRAPHS = ["The council met at nine.", "It voted on the harbour.", "The vote was close."]


def _page(paragraphs: list[str]) -> str:
    body = "\n\n".join(paragraphs)
    return (
        "current location:news > news > text\n"
        "Harbour vote\n"
        "2026-02-14 source:\n\n"
        f"{body}\n\nReporter丨{MEI}\n\n{FOOTER}"
    )


def _body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def _newsdesk(targets, person: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", targets.db(person), *args],
        capture_output=True,
        text=True,
        env=targets.env(person),
        timeout=120,
    )


@pytest.fixture
def setup(desk_targets, tmp_path):
    targets = desk_targets({MEI: ["reporter"], TOM: ["producer", "reporter"]})
    room = targets.open(MEI)
    article = room.create_article(
        Article(
            headline="Harbour vote",
            date=dt.date(2026, 2, 14),
            body="\n\n".join(PARAGRAPHS),
            credits=[Credit("Reporter", (MEI,))],
        ),
        actor=MEI,
    )
    room.close()
    tom = targets.open(TOM)  # Tom saves revision 2 meanwhile: the first paragraph
    tom.save_article(
        dataclasses.replace(
            article, body="\n\n".join(["The council met at ten.", *PARAGRAPHS[1:]])
        ),
        actor=TOM,
    )
    tom.close()
    return targets, article.id


def test_a_file_edited_from_an_older_revision_merges(setup, tmp_path):
    targets, article_id = setup
    edited = tmp_path / "edited.txt"
    edited.write_text(_page([*PARAGRAPHS[:2], "The vote was 7 to 6."]), encoding="utf-8")
    done = _newsdesk(
        targets,
        MEI,
        "import",
        str(edited),
        "--into",
        str(article_id),
        "--expect-revision",
        "1",
        "--merge",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"{article_id}\tHarbour vote"
    assert lines[1] == (
        "merged into revision 3 with revision 2: paragraph 1 from Tom Reed;"
        " paragraph 3 from Mei Lin"
    )
    room = targets.open(MEI)
    try:
        stored = room.article(article_id)
        assert stored.revision == 3
        assert stored.body.split("\n\n") == [
            "The council met at ten.",
            "It voted on the harbour.",
            "The vote was 7 to 6.",
        ]
        assert room.audit_events(article_id)[-1].action == "merge"
    finally:
        room.close()


def test_an_overlapping_file_is_refused_naming_the_paragraph_and_nothing_is_written(
    setup, tmp_path
):
    targets, article_id = setup
    edited = tmp_path / "edited.txt"
    edited.write_text(_page(["The council met at eight.", *PARAGRAPHS[1:]]), encoding="utf-8")
    done = _newsdesk(
        targets,
        MEI,
        "import",
        str(edited),
        "--into",
        str(article_id),
        "--expect-revision",
        "1",
        "--merge",
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "both changed paragraph 1" in done.stderr
    assert "nothing was written" in done.stderr
    room = targets.open(MEI)
    try:
        assert room.article(article_id).revision == 2
    finally:
        room.close()


def test_merge_needs_the_revision_the_file_started_from(setup, tmp_path):
    targets, article_id = setup
    edited = tmp_path / "edited.txt"
    edited.write_text(_page(PARAGRAPHS), encoding="utf-8")
    done = _newsdesk(targets, MEI, "import", str(edited), "--into", str(article_id), "--merge")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "newsdesk: --merge goes with --into ID --expect-revision N"
        " (the revision the file started from)"
    )
