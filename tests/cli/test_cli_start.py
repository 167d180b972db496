"""What a command loads before it works: the exporters (Jinja, Python-Markdown) and
Qt only for the commands that use them. The `newsdesk` command's parser knows every
command, and every command (and the desktop app, which starts through it) paid for
the exporters before this."""

from __future__ import annotations

import re

from tests.cli.conftest import run_newsdesk
from tests.cli.test_cli_export import page_text

EXPORTERS = ("jinja2", "markdown", "newsdesk.publish.export.bundle")


def _imported(stderr: str) -> set[str]:
    """Module names from `python -X importtime`'s report."""
    return set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)", stderr, re.MULTILINE))


def test_listing_loads_no_exporter_and_exporting_still_exports(tmp_path):
    db = str(tmp_path / "start.db")
    people = (("Nadia Rahman", "reporter"), ("Felix Ortner", "producer"), ("Kai Web", "web"))
    for name, role in people:
        run_newsdesk("users", "add", name, "--role", role, "--db", db, check=0)
    story = tmp_path / "story.txt"
    story.write_text(page_text("Harbour ferry returns", "The ferry runs again."), encoding="utf-8")
    _, out, _ = run_newsdesk("import", str(story), "--as", "Nadia Rahman", "--db", db, check=0)
    article = out.split("\t")[0]
    run_newsdesk("submit", article, "--as", "Nadia Rahman", "--db", db, check=0)
    run_newsdesk("approve", article, "--as", "Felix Ortner", "--db", db, check=0)

    code, out, err = run_newsdesk("list", "--db", db, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert code == 0 and "Harbour ferry returns" in out
    loaded = _imported(err)
    assert "newsdesk.cli.export_command" in loaded  # the report is of the whole CLI
    assert sorted(loaded & set(EXPORTERS)) == []
    assert not any(name.startswith("PySide6") for name in loaded)

    folder = tmp_path / "site"
    code, out, err = run_newsdesk(
        "export", "--out", str(folder), "--format", "html,md", "--as", "Kai Web", "--db", db
    )
    assert code == 0, err
    pages = sorted(p.name for p in folder.iterdir())
    assert any(name.endswith(".html") and name != "index.html" for name in pages), pages
    assert any(name.endswith(".md") for name in pages), pages


# Loaded only by the commands that merge, compare revisions or back up.
FOR_SOME_COMMANDS = (
    "difflib",
    "newsdesk.domain.merge",
    "newsdesk.domain.revision_diff",
    "newsdesk.newsroom.backups",
)


def test_importing_loads_no_merge_diff_or_backup_and_merging_still_merges(tmp_path):
    db = str(tmp_path / "start.db")
    run_newsdesk("users", "add", "Nadia Rahman", "--role", "reporter", "--db", db, check=0)
    story = tmp_path / "story.txt"
    story.write_text(page_text("Harbour ferry returns", "The ferry runs again."), encoding="utf-8")
    code, out, err = run_newsdesk(
        "import",
        str(story),
        "--as",
        "Nadia Rahman",
        "--db",
        db,
        env={"PYTHONPROFILEIMPORTTIME": "1"},
    )
    assert code == 0, err
    assert sorted(_imported(err) & set(FOR_SOME_COMMANDS)) == []
    code, _, err = run_newsdesk("--help", env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert code == 0
    assert sorted(_imported(err) & set(FOR_SOME_COMMANDS)) == []

    article = out.split("\t")[0]
    ours = tmp_path / "ours.txt"
    ours.write_text(page_text("Harbour ferry returns", "The ferry runs again today."), "utf-8")
    run_newsdesk(
        "import", str(story), "--into", article, "--as", "Nadia Rahman", "--db", db, check=0
    )
    code, out, err = run_newsdesk(
        "import",
        str(ours),
        "--into",
        article,
        "--expect-revision",
        "1",
        "--merge",
        "--as",
        "Nadia Rahman",
        "--db",
        db,
    )
    assert code == 0, err
    assert "revision" in out.splitlines()[-1]


def test_an_export_of_cached_bodies_loads_no_markdown_converter(tmp_path):
    """A body is converted once and kept in the database: exporting it again, to a new
    folder, reads it from there and loads neither Python-Markdown nor nh3."""
    db = str(tmp_path / "start.db")
    for name, role in (("Nadia Rahman", "reporter"), ("Kai Web", "web")):
        run_newsdesk("users", "add", name, "--role", role, "--db", db, check=0)
    story = tmp_path / "story.txt"
    story.write_text(page_text("Harbour ferry returns", "The *ferry* runs."), encoding="utf-8")
    run_newsdesk("import", str(story), "--as", "Nadia Rahman", "--db", db, check=0)
    export = ("export", "--status", "draft", "--format", "html,text,ninjs,md", "--as", "Kai Web")
    run_newsdesk(*export, "--out", str(tmp_path / "first"), "--db", db, check=0)

    code, _, err = run_newsdesk(
        *export, "--out", str(tmp_path / "again"), "--db", db, env={"PYTHONPROFILEIMPORTTIME": "1"}
    )
    assert code == 0, err
    loaded = _imported(err)
    assert "newsdesk.publish.export.bundle" in loaded  # the report is of the export
    assert sorted(loaded & {"markdown", "nh3", "newsdesk.publish.markdown.body_dialect"}) == []
    names = sorted(p.name for p in (tmp_path / "first").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "again").iterdir())
    pages = [name for name in names if name.startswith("harbour-ferry-returns.")]
    assert len(pages) == 4  # html, text, ninjs, md: each as the first export wrote it
    for name in pages:
        first, again = (tmp_path / folder / name for folder in ("first", "again"))
        assert again.read_bytes() == first.read_bytes(), name
