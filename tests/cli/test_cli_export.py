"""`newsdesk export`: selection, formats, fragment, manifest, incremental runs, audit."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import sys
from pathlib import Path

import pytest

from newsdesk.domain.article import Image
from newsdesk.newsroom import Newsroom
from tests.publish.visible_text import squash, visible_blocks

FOOTER = "Unified Service Email:chinanewsonline@yeah.net\nCopyright@ www.china-news-online.com"


def page_text(headline: str, paragraph: str, *, photographer: str = "Jonas Weber") -> str:
    return (
        "current location:news > city > text\n"
        f"Weekend丨{headline}\n"
        "2026-02-14 source:Metro desk\n"
        "\n"
        f"{paragraph}\n"
        "\n"
        "Reporter丨Nadia Rahman\n"
        "\n"
        f"Photography |{photographer} Clara Holt\n"
        "\n" + FOOTER
    )


ARTICLES = {
    "buses": ("Night buses return to the river district", "Three night lines return."),
    "pool": ("The east pool opens an hour earlier", "Swimmers may start at six."),
    "market": ("Flower market moves to the old station", "Stalls open on Saturday."),
}


def import_page(cli, tmp_path: Path, key: str) -> int:
    headline, paragraph = ARTICLES[key]
    path = tmp_path / f"{key}.txt"
    path.write_text(page_text(headline, paragraph), encoding="utf-8")
    code, out, err = cli("import", str(path), "--as", "Nadia Rahman")
    assert code == 0, err
    return int(out.split("\t")[0])


def approve(cli, article_id: int) -> None:
    for action, person in (("submit", "Nadia Rahman"), ("approve", "Felix Ortner")):
        code, _, err = cli(action, str(article_id), "--as", person)
        assert code == 0, err


def publish(cli, article_id: int) -> None:
    approve(cli, article_id)
    code, _, err = cli("publish", str(article_id), "--as", "Kai Web")
    assert code == 0, err


def manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def exported_ids(folder: Path) -> list[int]:
    return sorted(entry["id"] for entry in manifest(folder)["articles"])


def export_events(cli, article_id: int) -> list[dict]:
    code, out, _ = cli("history", str(article_id), "--json")
    assert code == 0
    return [e for e in json.loads(out)["events"] if e["action"] == "export"]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()}


@pytest.fixture(autouse=True)
def web_team(monkeypatch):
    """Exports are the web team's: these tests export as Kai Web (NEWSDESK_USER)."""
    monkeypatch.setenv("NEWSDESK_USER", "Kai Web")


@pytest.fixture
def three(cli, tmp_path) -> dict[str, int]:
    """buses: draft, pool: approved, market: published."""
    ids = {key: import_page(cli, tmp_path, key) for key in ARTICLES}
    approve(cli, ids["pool"])
    publish(cli, ids["market"])
    return ids


# --- which articles -------------------------------------------------------------------


def test_named_id_is_exported_whatever_its_status(cli, tmp_path, three):
    out = tmp_path / "site"
    code, stdout, stderr = cli("export", str(three["buses"]), "--out", str(out))
    assert (code, stderr) == (0, "")
    assert stdout == f"exported 1 article (4 files written, 0 unchanged) to {out}\n"
    html = (out / "night-buses-return-to-the-river-district.html").read_text(encoding="utf-8")
    # A draft is exported, marked as a preview that search engines must not index.
    assert 'class="article-page unapproved"' in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert exported_ids(out) == [three["buses"]]


def test_without_ids_or_status_the_articles_ready_for_the_site_are_exported(cli, tmp_path, three):
    out = tmp_path / "site"
    code, stdout, _ = cli("export", "--out", str(out))
    assert code == 0
    assert exported_ids(out) == sorted([three["pool"], three["market"]])
    assert stdout.startswith("exported 2 articles ")
    assert not (out / "night-buses-return-to-the-river-district.html").exists()
    pool = (out / "the-east-pool-opens-an-hour-earlier.html").read_text(encoding="utf-8")
    assert "unapproved" not in pool


def test_a_correction_waiting_for_approval_leaves_the_approved_text_on_the_site(
    cli, tmp_path, three
):
    out = tmp_path / "site"
    assert cli("export", "--format", "html,text", "--out", str(out))[0] == 0
    before = snapshot(out)
    headline, _ = ARTICLES["market"]
    corrected = tmp_path / "market-corrected.txt"
    corrected.write_text(page_text(headline, "Stalls open on Sunday instead."), "utf-8")
    code, _, err = cli(
        "import", str(corrected), "--into", str(three["market"]), "--as", "Nadia Rahman"
    )
    assert code == 0, err
    assert json.loads(cli("show", str(three["market"]), "--json")[1])["status"] == "submitted"

    code, stdout, _ = cli("export", "--format", "html,text", "--out", str(out))
    assert code == 0
    assert stdout.startswith("exported 2 articles (0 files written, 2 unchanged)")
    assert snapshot(out) == before  # the published text stays, byte for byte
    text = (out / "flower-market-moves-to-the-old-station.txt").read_text(encoding="utf-8")
    assert "Stalls open on Saturday." in text and "Sunday" not in text

    # The correction is approved (it is already submitted): now it goes out.
    assert cli("approve", str(three["market"]), "--as", "Felix Ortner")[0] == 0
    assert cli("export", "--format", "html,text", "--out", str(out))[0] == 0
    text = (out / "flower-market-moves-to-the-old-station.txt").read_text(encoding="utf-8")
    assert "Stalls open on Sunday instead." in text


def test_status_selects_by_status_and_adds_to_named_ids(cli, tmp_path, three):
    drafts = tmp_path / "drafts"
    assert cli("export", "--status", "draft", "--out", str(drafts))[0] == 0
    assert exported_ids(drafts) == [three["buses"]]

    both = tmp_path / "both"
    code, _, _ = cli("export", "--status", "approved", "--status", "draft", "--out", str(both))
    assert code == 0
    assert exported_ids(both) == sorted([three["buses"], three["pool"]])

    mixed = tmp_path / "mixed"
    # Named twice, and also of the status asked for: exported once.
    args = ["export", str(three["market"]), str(three["market"]), "--status", "approved"]
    assert cli(*args, "--out", str(mixed))[0] == 0
    assert exported_ids(mixed) == sorted([three["pool"], three["market"]])


def test_nothing_selected_is_refused_and_nothing_is_written(cli, tmp_path):
    import_page(cli, tmp_path, "buses")  # a draft only
    out = tmp_path / "site"
    code, stdout, stderr = cli("export", "--out", str(out))
    assert code == 1
    assert stdout == ""
    assert stderr == (
        "newsdesk: no article is approved or published: nothing exported,"
        " the export folder is as it was\n"
    )
    assert not out.exists()


def test_unknown_id_is_refused(cli, tmp_path, three):
    out = tmp_path / "site"
    code, _, stderr = cli("export", str(three["pool"]), "999", "--out", str(out))
    assert code == 1
    assert stderr.count("\n") == 1 and "999" in stderr
    assert not out.exists()


# --- formats and fragment -------------------------------------------------------------


def test_formats_are_comma_separated_and_repeatable(cli, tmp_path, three):
    out = tmp_path / "site"
    code, _, _ = cli(
        "export", str(three["pool"]), "--format", "text,md", "--format", "ninjs", "--out", str(out)
    )
    assert code == 0
    slug = "the-east-pool-opens-an-hour-earlier"
    assert {p.name for p in out.iterdir()} == {
        f"{slug}.txt",
        f"{slug}.md",
        f"{slug}.ninjs.json",
        "index.html",
        "site.css",
        "manifest.json",
    }
    assert manifest(out)["articles"][0]["files"] == {
        "text": f"{slug}.txt",
        "markdown": f"{slug}.md",
        "ninjs": f"{slug}.ninjs.json",
    }
    # The text page is the imported page, the ASCII credit bar written as the site's 丨.
    headline, paragraph = ARTICLES["pool"]
    expected = page_text(headline, paragraph).replace("Photography |", "Photography丨")
    assert (out / f"{slug}.txt").read_text(encoding="utf-8") == expected
    ninjs = json.loads((out / f"{slug}.ninjs.json").read_text(encoding="utf-8"))
    assert ninjs["headlines"][0]["value"] == headline
    assert (out / f"{slug}.md").read_text(encoding="utf-8").startswith(f"Title: {headline}\n")


def test_html_page_shows_the_same_text_as_the_text_page(cli, tmp_path, three):
    out = tmp_path / "site"
    assert cli("export", str(three["market"]), "--format", "html,txt", "--out", str(out))[0] == 0
    slug = "flower-market-moves-to-the-old-station"
    html = (out / f"{slug}.html").read_text(encoding="utf-8")
    text = (out / f"{slug}.txt").read_text(encoding="utf-8")
    assert [squash(b) for b in visible_blocks(html)] == [
        squash(line) for line in text.split("\n") if line.strip()
    ]


def test_fragment_writes_only_the_article_part(cli, tmp_path, three):
    out = tmp_path / "site"
    code, _, _ = cli("export", str(three["pool"]), "--fragment", "--out", str(out))
    assert code == 0
    html = (out / "the-east-pool-opens-an-hour-earlier.html").read_text(encoding="utf-8")
    assert html.lstrip().startswith("<article")
    assert "<html" not in html and "<head" not in html and "footer" not in html
    assert "The east pool opens an hour earlier" in html


def test_fragment_without_html_is_refused(cli, tmp_path, three):
    out = tmp_path / "site"
    code, _, stderr = cli(
        "export", str(three["pool"]), "--fragment", "--format", "text", "--out", str(out)
    )
    assert code == 1
    assert "--fragment" in stderr and stderr.count("\n") == 1
    assert not out.exists()


def test_unknown_format_is_refused_before_anything_is_written(cli, tmp_path, three):
    out = tmp_path / "site"
    code, stdout, stderr = cli(
        "export", str(three["pool"]), "--format", "html,pdf", "--out", str(out)
    )
    assert code == 1
    assert stdout == ""
    assert stderr.startswith("newsdesk: unknown export format 'pdf'")
    assert stderr.count("\n") == 1
    assert not out.exists()


def test_out_is_required(cli, tmp_path, three):
    code, _, stderr = cli("export", str(three["pool"]))
    assert code == 2
    assert "--out" in stderr


# --- the folder -----------------------------------------------------------------------


def test_manifest_lists_each_article_with_relative_paths(cli, tmp_path, three):
    out = tmp_path / "site"
    assert cli("export", "--format", "html,text", "--out", str(out))[0] == 0
    data = manifest(out)
    assert set(data) == {"site", "articles"}
    assert data["site"]["base_url"].startswith("https://")
    assert set(data["site"]["fingerprints"]) == {"html", "text"}
    by_id = {entry["id"]: entry for entry in data["articles"]}
    assert set(by_id) == {three["pool"], three["market"]}
    for entry in data["articles"]:
        assert set(entry) == {"id", "slug", "revision", "hashes", "files", "stamp"}
        assert entry["revision"] >= 1
        assert len(entry["stamp"]) == 32 and int(entry["stamp"], 16) >= 0  # 128 random bits
        assert set(entry["hashes"]) == {"html", "text"}
        assert set(entry["files"]) == {"html", "text"}
        for path in entry["files"].values():
            assert not Path(path).is_absolute() and "/" not in path
            assert (out / path).is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    for entry in data["articles"]:
        assert f'href="{entry["files"]["html"]}"' in index


def test_second_run_writes_nothing_and_an_edit_rewrites_only_that_article(cli, tmp_path, three):
    out = tmp_path / "site"
    assert cli("export", "--format", "html,text,ninjs,md", "--out", str(out))[0] == 0
    before = snapshot(out)

    code, stdout, _ = cli("export", "--format", "html,text,ninjs,md", "--out", str(out))
    assert code == 0
    assert stdout == f"exported 2 articles (0 files written, 2 unchanged) to {out}\n"
    assert snapshot(out) == before  # same bytes, not even touched
    # Files were written once, so each article has one export event.
    assert len(export_events(cli, three["pool"])) == 1
    assert len(export_events(cli, three["market"])) == 1

    # A new revision of the pool article: only its four files and the manifest change
    # (the index shows titles and dates, which stayed the same).
    headline, _ = ARTICLES["pool"]
    edited = tmp_path / "pool-edited.txt"
    edited.write_text(page_text(headline, "Swimmers may start at half past five."), "utf-8")
    assert cli("import", str(edited), "--into", str(three["pool"]), "--as", "Nadia Rahman")[0] == 0
    ids = [str(three["pool"]), str(three["market"])]
    code, stdout, _ = cli("export", *ids, "--format", "html,text,ninjs,md", "--out", str(out))
    assert code == 0
    assert stdout == f"exported 2 articles (5 files written, 1 unchanged) to {out}\n"
    changed = {name for name, data in snapshot(out).items() if before.get(name) != data}
    slug = "the-east-pool-opens-an-hour-earlier"
    assert changed == {
        f"{slug}.html",
        f"{slug}.txt",
        f"{slug}.ninjs.json",
        f"{slug}.md",
        "manifest.json",
    }
    assert "half past five" in (out / f"{slug}.txt").read_text(encoding="utf-8")
    events = export_events(cli, three["pool"])
    assert [e["revision"] for e in events] == [1, 2]
    assert events[-1]["comment"] == f"revision 2 to {out.resolve()}"
    assert len(export_events(cli, three["market"])) == 1


def test_a_file_in_the_way_of_the_folder_fails_with_one_line(cli, tmp_path, three):
    blocker = tmp_path / "site"
    blocker.write_text("not a folder", encoding="utf-8")
    code, stdout, stderr = cli("export", str(three["pool"]), "--out", str(blocker))
    assert code == 1
    assert stdout == ""
    assert stderr.startswith("newsdesk: cannot create the export folder")
    assert stderr.count("\n") == 1
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert export_events(cli, three["pool"]) == []


def test_a_folder_in_the_way_of_a_page_leaves_the_previous_export_whole(cli, tmp_path, three):
    out = tmp_path / "site"
    assert cli("export", "--out", str(out))[0] == 0
    before = snapshot(out)
    # A folder where the draft's page would go: the export fails, nothing changes.
    (out / "night-buses-return-to-the-river-district.html").mkdir()
    code, _, stderr = cli("export", "--status", "draft", "--status", "approved", "--out", str(out))
    assert code == 1
    assert "a folder of that name is in the way" in stderr and stderr.count("\n") == 1
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    assert export_events(cli, three["buses"]) == []


def test_images_are_exported_beside_the_page_from_the_store(cli, tmp_path, three):
    picture = b"\x89PNG\r\n\x1a\n pretend pixels of the new pool"
    newsroom = Newsroom.open(cli.db)
    try:
        sha = newsroom.store.put_image(picture, "image/png")
        article = newsroom.article(three["buses"])
        image = Image(name="east-pool.png", sha256=sha, media_type="image/png", alt="The pool")
        newsroom.save_article(
            dataclasses.replace(
                article, body=article.body + "\n\n![The pool](east-pool.png)\n", images=[image]
            ),
            actor="Nadia Rahman",
        )
    finally:
        newsroom.close()
    out = tmp_path / "site"
    assert cli("export", str(three["buses"]), "--out", str(out))[0] == 0
    assert (out / "east-pool.png").read_bytes() == picture
    assert hashlib.sha256(picture).hexdigest() == sha
    html = (out / "night-buses-return-to-the-river-district.html").read_text(encoding="utf-8")
    assert 'src="east-pool.png"' in html


# --- audit and progress ---------------------------------------------------------------


def test_export_is_recorded_under_the_name_given(cli, tmp_path, three, monkeypatch):
    assert (
        cli("export", str(three["pool"]), "--out", str(tmp_path / "a"), "--as", "Kai Web")[0] == 0
    )
    assert cli("export", str(three["pool"]), "--out", str(tmp_path / "b"))[0] == 0  # env
    events = export_events(cli, three["pool"])
    assert [e["actor"] for e in events] == ["Kai Web", "Kai Web"]
    assert [e["comment"] for e in events] == [
        f"revision 1 to {(tmp_path / name).resolve()}" for name in "ab"
    ]


@pytest.mark.parametrize("who", ["Nadia Rahman", "Felix Ortner"])
def test_only_the_web_team_exports_for_the_site(cli, tmp_path, three, who):
    # A reporter's export of her own draft was accepted and recorded; the event then
    # hid approved articles from the web team's queue.
    out = tmp_path / "site"
    code, stdout, stderr = cli("export", str(three["buses"]), "--out", str(out), "--as", who)
    assert code == 1 and stdout == ""
    assert stderr.count("\n") == 1
    assert "only the web team may" in stderr and "[rule: export-needs-web]" in stderr
    assert not out.exists()
    assert export_events(cli, three["buses"]) == []


def test_export_without_a_name_says_who_must_export(cli, tmp_path, three, monkeypatch):
    monkeypatch.delenv("NEWSDESK_USER")
    out = tmp_path / "site"
    code, _, stderr = cli("export", str(three["pool"]), "--out", str(out))
    assert code == 1 and "--as NAME" in stderr
    assert not out.exists()


def test_an_unknown_name_is_refused_before_writing(cli, tmp_path, three):
    out = tmp_path / "site"
    code, _, stderr = cli("export", str(three["pool"]), "--out", str(out), "--as", "Nobody")
    assert code == 1
    assert "Nobody" in stderr and stderr.count("\n") == 1
    assert not out.exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_and_summary_on_stdout(cli, tmp_path, three, monkeypatch):
    out = tmp_path / "site"
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code, stdout, _ = cli("export", "--out", str(out))
    assert code == 0
    assert stdout.startswith("exported 2 articles (")
    drawn = terminal.getvalue()
    frames = [frame.rstrip() for frame in drawn.rstrip("\n").split("\r") if frame]
    assert frames[0].startswith("[") and " 1/2 " in frames[0]
    assert frames[-1].startswith("[" + "#" * 10) and " 2/2 " in frames[-1]
    assert frames[-1].endswith("index.html and manifest.json")
    assert drawn.endswith("\n")  # the summary starts on a line of its own


def test_no_progress_bar_when_stderr_is_not_a_terminal(cli, tmp_path, three):
    code, _, stderr = cli("export", "--out", str(tmp_path / "site"))
    assert (code, stderr) == (0, "")


def test_exported_articles_leave_the_web_teams_waiting_list(cli, tmp_path, three):
    def waiting() -> set[int]:
        code, out, err = cli("list", "--waiting", "--as", "Kai Web", "--json")
        assert code == 0, err
        return {row["id"] for row in json.loads(out)}

    assert three["pool"] in waiting()
    assert cli("export", "--out", str(tmp_path / "site"))[0] == 0
    assert three["pool"] not in waiting()
