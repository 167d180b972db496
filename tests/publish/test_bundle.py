from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import markdown
import pytest

from newsdesk.domain.article import Image
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export.body_cache import BodyCache
from newsdesk.publish.export.bundle import ExportProgress, export_bundle, normalize_formats
from newsdesk.publish.export.manifest import MANIFEST_NAME
from newsdesk.publish.export.staging import ExportError
from newsdesk.publish.formats.page_html import PageTemplates
from tests.golden import REFERENCE_DIR, first_difference
from tests.publish.fixtures_articles import (
    FERRY_IMAGE_BYTES,
    hostile,
    library_reopens,
    night_ferries,
    wetland_park_zh,
)

SITE = SiteProfile()
VOCABULARY = CreditVocabulary()
ALL_FORMATS = ("html", "text", "ninjs", "md")


def english_articles():
    return [night_ferries(), library_reopens(), hostile()]


def run(articles, out, **kwargs) -> list[ExportProgress]:
    kwargs.setdefault("site", SITE)
    kwargs.setdefault("vocabulary", VOCABULARY)
    return list(export_bundle(articles, out, **kwargs))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def image_store(sha256: str) -> bytes:
    if sha256 == hashlib.sha256(FERRY_IMAGE_BYTES).hexdigest():
        return FERRY_IMAGE_BYTES
    raise KeyError(sha256)


# --- what an export writes -----------------------------------------------------------


def test_export_writes_every_format_index_stylesheet_and_manifest(tmp_path):
    progress = run(english_articles(), tmp_path, formats=ALL_FORMATS, image_data=image_store)
    names = set(snapshot(tmp_path))
    for slug in (
        "night-ferries-return-to-the-harbour",
        "eastside-library-reopens",
        "hostile-content-check",
    ):
        assert {f"{slug}.html", f"{slug}.txt", f"{slug}.ninjs.json", f"{slug}.md"} <= names
    assert {"index.html", "site.css", "manifest.json", "morning-gull.jpg"} <= names
    assert not [n for n in names if n.startswith(".")], "temporary files left behind"
    assert (tmp_path / "morning-gull.jpg").read_bytes() == FERRY_IMAGE_BYTES
    assert (tmp_path / "site.css").read_bytes() == (
        files("newsdesk_resources") / "site" / "site.css"
    ).read_bytes()
    assert [p.done for p in progress] == [1, 2, 3, 3]
    assert {p.total for p in progress} == {3}
    assert progress[0].current == "hostile-content-check"  # newest first
    assert "morning-gull.jpg" in progress[2].files_written
    assert progress[-1].article_id is None
    assert set(progress[-1].files_written) == {"index.html", "site.css", "manifest.json"}


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("night_ferries", ".html"),
        ("library_reopens", ".txt"),
        ("hostile", ".ninjs.json"),
        ("night_ferries", ".md"),
        ("hostile", ".html"),
    ],
)
def test_exported_files_are_the_golden_files(tmp_path, name, suffix):
    factory = {
        "night_ferries": night_ferries,
        "library_reopens": library_reopens,
        "hostile": hostile,
    }[name]
    article = factory()
    run([article], tmp_path, formats=ALL_FORMATS)
    expected = (REFERENCE_DIR / f"{name}{suffix}").read_text(encoding="utf-8")
    actual = (tmp_path / f"{article.slug}{suffix}").read_text(encoding="utf-8")
    assert first_difference(expected, actual) is None, first_difference(expected, actual)


def test_chinese_site_export(tmp_path):
    from newsdesk.domain.site import CHINESE_SITE

    article = wetland_park_zh()
    run([article], tmp_path, site=CHINESE_SITE, formats=("html", "text"))
    text = (tmp_path / f"{article.slug}.txt").read_text(encoding="utf-8")
    assert text == (REFERENCE_DIR / "wetland_park_zh.txt").read_text(encoding="utf-8")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh">' in index
    assert "独家视频丨城南湿地公园春季开放" in index


def test_manifest_shape_lists_only_the_formats_asked(tmp_path):
    articles = english_articles()
    run(articles, tmp_path, formats=("text", "md"))
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert set(manifest) == {"site", "articles"}
    assert manifest["site"]["base_url"] == SITE.base_url
    assert set(manifest["site"]["fingerprints"]) == {"text", "markdown"}
    assert [a["id"] for a in manifest["articles"]] == [104, 102, 101]  # newest first
    for entry in manifest["articles"]:
        assert set(entry) == {"id", "slug", "revision", "hashes", "files"}
        assert entry["files"] == {
            "text": f"{entry['slug']}.txt",
            "markdown": f"{entry['slug']}.md",
        }
        assert set(entry["hashes"]) == {"text", "markdown"}
        assert all(len(digest) == 64 for digest in entry["hashes"].values())
    ferries = next(a for a in manifest["articles"] if a["id"] == 101)
    assert ferries["revision"] == 3
    assert not (tmp_path / "night-ferries-return-to-the-harbour.html").exists()
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="night-ferries-return-to-the-harbour.txt"' in index


def test_fragment_export_writes_only_the_article_part(tmp_path):
    article = library_reopens()
    run([article], tmp_path, fragment=True)
    html = (tmp_path / f"{article.slug}.html").read_text(encoding="utf-8")
    assert html.startswith('<article class="article"')
    assert "<head" not in html and "<footer" not in html


def test_same_export_twice_is_byte_identical(tmp_path):
    run(english_articles(), tmp_path / "one", formats=ALL_FORMATS, image_data=image_store)
    run(
        list(reversed(english_articles())),
        tmp_path / "two",
        formats=ALL_FORMATS,
        image_data=image_store,
    )
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_format_names_and_aliases():
    assert normalize_formats(["md", "HTML", "txt", "json"]) == ("html", "text", "ninjs", "markdown")
    with pytest.raises(InvalidInputError, match="unknown export format 'pdf'"):
        normalize_formats(["html", "pdf"])
    with pytest.raises(InvalidInputError, match="no export format"):
        normalize_formats([])


# --- incremental -----------------------------------------------------------------------


def test_unchanged_articles_are_not_written_again(tmp_path):
    run(english_articles(), tmp_path, formats=ALL_FORMATS, image_data=image_store)
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    fetched: list[str] = []

    def counting_store(sha256: str) -> bytes:
        fetched.append(sha256)
        return image_store(sha256)

    progress = run(english_articles(), tmp_path, formats=ALL_FORMATS, image_data=counting_store)
    assert all(p.unchanged and not p.files_written for p in progress)
    assert fetched == []
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before


def test_changed_article_alone_is_written_again(tmp_path):
    run(english_articles(), tmp_path, formats=ALL_FORMATS)
    old = snapshot(tmp_path)
    changed = dataclasses.replace(library_reopens(), body="A new first paragraph.", revision=6)
    articles = [night_ferries(), changed, hostile()]
    progress = run(articles, tmp_path, formats=ALL_FORMATS)
    written = {name for p in progress for name in p.files_written}
    assert written == {
        "eastside-library-reopens.html",
        "eastside-library-reopens.txt",
        "eastside-library-reopens.ninjs.json",
        "eastside-library-reopens.md",
        "manifest.json",  # the index shows titles and dates, which did not change
    }
    new = snapshot(tmp_path)
    assert "A new first paragraph." in new["eastside-library-reopens.txt"].decode()
    assert (
        new["night-ferries-return-to-the-harbour.html"]
        == old["night-ferries-return-to-the-harbour.html"]
    )
    manifest = json.loads(new["manifest.json"])
    assert next(a for a in manifest["articles"] if a["id"] == 102)["revision"] == 6


def test_a_deleted_file_is_written_again(tmp_path):
    run([library_reopens()], tmp_path, formats=("html", "text"))
    (tmp_path / "eastside-library-reopens.txt").unlink()
    progress = run([library_reopens()], tmp_path, formats=("html", "text"))
    assert progress[0].files_written == ("eastside-library-reopens.txt",)


def test_new_format_is_added_without_rewriting_the_others(tmp_path):
    run([library_reopens()], tmp_path, formats=("html",))
    progress = run([library_reopens()], tmp_path, formats=("html", "ninjs"))
    assert progress[0].files_written == ("eastside-library-reopens.ninjs.json",)


def test_site_change_rewrites_everything(tmp_path):
    run([library_reopens()], tmp_path, formats=("html", "text"))
    other = dataclasses.replace(SITE, source_label="Source: ")
    progress = run([library_reopens()], tmp_path, formats=("html", "text"), site=other)
    assert set(progress[0].files_written) == {
        "eastside-library-reopens.html",
        "eastside-library-reopens.txt",
    }
    assert "Source: " in (tmp_path / "eastside-library-reopens.txt").read_text()


def test_template_change_rerenders_pages_without_converting_markdown(tmp_path, monkeypatch):
    root = tmp_path / "theme"
    shutil.copytree(files("newsdesk_resources") / "templates", root / "templates")
    shutil.copytree(files("newsdesk_resources") / "site", root / "site")
    out = tmp_path / "out"
    cache = BodyCache()
    conversions: list[int] = []
    real_convert = markdown.Markdown.convert

    def counting_convert(self, source):
        conversions.append(len(source))
        return real_convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting_convert)
    articles = english_articles()
    run(articles, out, formats=ALL_FORMATS, cache=cache, templates=PageTemplates(root))
    assert conversions, "the first export converts the bodies"
    conversions.clear()

    part = root / "templates" / "article_part.html"
    part.write_text(part.read_text().replace('class="credits"', 'class="credits small"'))
    progress = run(articles, out, formats=ALL_FORMATS, cache=cache, templates=PageTemplates(root))

    assert conversions == []
    written = {name for p in progress for name in p.files_written}
    assert written == {
        "night-ferries-return-to-the-harbour.html",
        "eastside-library-reopens.html",
        "hostile-content-check.html",
        "manifest.json",
    }
    assert 'class="credits small"' in (out / "eastside-library-reopens.html").read_text()
    assert cache.hits >= 3


def test_unreadable_previous_manifest_means_a_full_export(tmp_path):
    run([library_reopens()], tmp_path)
    (tmp_path / MANIFEST_NAME).write_text("{ not json")
    progress = run([library_reopens()], tmp_path)
    assert progress[0].files_written == ("eastside-library-reopens.html",)
    assert json.loads((tmp_path / MANIFEST_NAME).read_text())["articles"][0]["id"] == 102


def test_articles_left_out_keep_their_files_but_leave_the_manifest(tmp_path):
    run(english_articles(), tmp_path)
    run([library_reopens()], tmp_path)
    assert (tmp_path / "hostile-content-check.html").exists()
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text())
    assert [a["id"] for a in manifest["articles"]] == [102]


# --- atomic failure -------------------------------------------------------------------


def test_failure_leaves_the_previous_export_whole(tmp_path):
    run(english_articles(), tmp_path, formats=ALL_FORMATS)
    before = snapshot(tmp_path)
    broken = dataclasses.replace(library_reopens(), headline="Two\nlines", revision=9)
    changed = dataclasses.replace(night_ferries(), body="Changed body.", revision=4)
    with pytest.raises(ExportError, match=r"cannot write eastside-library-reopens\.md"):
        run([changed, broken, hostile()], tmp_path, formats=ALL_FORMATS)
    assert snapshot(tmp_path) == before


def test_failing_image_store_names_the_image_and_writes_nothing(tmp_path):
    def broken_store(sha256: str) -> bytes:
        return b"other bytes"

    with pytest.raises(ExportError, match=r"morning-gull\.jpg.*do not match"):
        run([night_ferries()], tmp_path, image_data=broken_store)
    assert snapshot(tmp_path) == {}


def test_stopping_early_writes_nothing(tmp_path):
    run([library_reopens()], tmp_path)
    before = snapshot(tmp_path)
    steps = export_bundle(
        [dataclasses.replace(library_reopens(), revision=7, body="New."), night_ferries()],
        tmp_path,
        site=SITE,
        vocabulary=VOCABULARY,
    )
    next(steps)
    steps.close()
    assert snapshot(tmp_path) == before


def test_folder_in_the_way_of_a_file_is_reported_before_anything_changes(tmp_path):
    run([library_reopens()], tmp_path, formats=("html",))
    (tmp_path / "eastside-library-reopens.txt").mkdir()
    before = snapshot(tmp_path)
    with pytest.raises(ExportError, match=r"eastside-library-reopens\.txt: a folder"):
        run([library_reopens()], tmp_path, formats=("html", "text"))
    assert snapshot(tmp_path) == before


def test_unwritable_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="export folder"):
        run([library_reopens()], blocker / "sub")


# --- refused input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "../escape.jpg",
        "/etc/passwd.jpg",
        "sub/dir.jpg",
        "..",
        ".hidden.jpg",
        "back\\slash.jpg",
        "C:evil.jpg",
        "page.html",
        "vector.svg",
        "nul\x00.jpg",
        "index.html",
    ],
)
def test_unsafe_image_names_are_refused_before_anything_is_written(tmp_path, name):
    image = dataclasses.replace(night_ferries().images[0], name=name)
    article = dataclasses.replace(night_ferries(), images=[image])
    with pytest.raises(ExportError, match="image"):
        run([article], tmp_path / "out", image_data=image_store)
    assert not (tmp_path / "out").exists() or snapshot(tmp_path / "out") == {}
    assert not (tmp_path / "escape.jpg").exists()


def test_two_articles_with_different_images_under_one_name_are_refused(tmp_path):
    other = dataclasses.replace(
        library_reopens(),
        images=[Image("morning-gull.jpg", hashlib.sha256(b"x").hexdigest(), "image/jpeg")],
    )
    with pytest.raises(ExportError, match="same name"):
        run([night_ferries(), other], tmp_path, image_data=lambda sha: b"x")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"slug": ""}, "has no slug"),
        ({"slug": "../up"}, "unsafe slug"),
        ({"slug": "index"}, "unsafe slug"),
    ],
)
def test_bad_slugs_are_refused(tmp_path, change, message):
    with pytest.raises(ExportError, match=message):
        run([dataclasses.replace(library_reopens(), **change)], tmp_path)


def test_duplicate_slug_is_refused(tmp_path):
    twin = dataclasses.replace(night_ferries(), slug="eastside-library-reopens")
    with pytest.raises(ExportError, match="both have the slug"):
        run([library_reopens(), twin], tmp_path)


# --- safety of the exported page -------------------------------------------------------


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict] = []
        self.handlers: list[str] = []
        self.js_urls: list[str] = []
        self.in_script = False
        self.script_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes)
            self.in_script = True
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            probe = "".join((value or "").split()).lower()
            if "javascript:" in probe or "vbscript:" in probe or probe.startswith("data:text"):
                self.js_urls.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.script_text.append(data)


def test_exported_hostile_page_has_no_script_handler_or_javascript_url(tmp_path):
    run([hostile()], tmp_path, formats=("html",))
    html = (tmp_path / "hostile-content-check.html").read_text(encoding="utf-8")
    audit = _Audit()
    audit.feed(html)
    audit.close()
    assert audit.scripts == [{"type": "application/ld+json"}]
    assert audit.handlers == []
    assert audit.js_urls == []
    # The one script is data: it parses as JSON and holds the hostile text intact.
    data = json.loads("".join(audit.script_text))
    assert data["headline"].startswith("Budget </script><!--")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    audit = _Audit()
    audit.feed(index)
    assert audit.scripts == [] and audit.handlers == [] and audit.js_urls == []
