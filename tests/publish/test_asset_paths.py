"""Nothing an article carries can make an export write outside its folder, and a broken
site template is reported by name and line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import shutil
from importlib.resources import files
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Credit, Image
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import NewsdeskError
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export.bundle import export_bundle
from newsdesk.publish.export.staging import ExportError
from newsdesk.publish.formats.page_html import PageTemplates, render_page

SITE = SiteProfile()
VOCABULARY = CreditVocabulary()
PHOTO = b"\xff\xd8\xff\xe0 the weir at dusk, as bytes with a known hash"
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def weir_article(image_name: str = "weir.jpg") -> Article:
    return Article(
        id=7,
        slug="old-weir-restored",
        headline="The old weir is restored",
        date=dt.date(2026, 6, 2),
        source="River desk",
        body=f"![The weir at dusk]({image_name})\nWater runs over the new stones.",
        credits=[Credit("Reporter", ("Hana Lindqvist",))],
        images=[Image(image_name, PHOTO_SHA, "image/jpeg", "The weir at dusk")],
    )


def export(articles, out, **kwargs):
    kwargs.setdefault("site", SITE)
    kwargs.setdefault("vocabulary", VOCABULARY)
    kwargs.setdefault("image_data", lambda sha: PHOTO)
    return list(export_bundle(articles, out, **kwargs))


def tree(root: Path) -> dict[str, bytes | str]:
    """Every file and link under `root` (links by target), to prove nothing changed."""
    found: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        if path.is_symlink():
            found[key] = f"-> {os.readlink(path)}"
        elif path.is_file():
            found[key] = path.read_bytes()
    return found


ESCAPING_NAMES = [
    "../weir.jpg",
    "../../weir.jpg",
    "../outside/weir.jpg",
    "sub/../../weir.jpg",
    "./../weir.jpg",
    "/tmp/weir.jpg",
    "//server/share/weir.jpg",
    "..\\weir.jpg",
    "..\\..\\weir.jpg",
    "C:\\Windows\\weir.jpg",
    "C:weir.jpg",
    "\\\\server\\share\\weir.jpg",
    "~/weir.jpg",
    "~root/weir.jpg",
    "weir.jpg\x00.html",
    "weir.jpg/..",
    "../.jpg",
    "..",
    ".",
    "",
    " ../weir.jpg",
    "weir.jpg\n../x.jpg",
]


@pytest.mark.parametrize("name", ESCAPING_NAMES, ids=[repr(n) for n in ESCAPING_NAMES])
def test_image_names_that_leave_the_folder_are_refused_and_nothing_is_written(tmp_path, name):
    out = tmp_path / "site" / "export"
    out.mkdir(parents=True)
    before = tree(tmp_path)
    with pytest.raises(ExportError, match="not a safe file name") as refused:
        export([weir_article(name)], out)
    assert repr(name) in str(refused.value) and "article 7" in str(refused.value)
    assert tree(tmp_path) == before


def test_absolute_image_path_into_an_existing_file_is_refused(tmp_path):
    victim = tmp_path / "victim.jpg"
    victim.write_bytes(b"precious")
    with pytest.raises(ExportError, match="not a safe file name"):
        export([weir_article(str(victim))], tmp_path / "out")
    assert victim.read_bytes() == b"precious"


def test_a_safe_name_is_written_inside_the_folder(tmp_path):
    out = tmp_path / "out"
    export([weir_article()], out)
    assert (out / "weir.jpg").read_bytes() == PHOTO
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize(
    "name",
    ["weir.jpg", "old-weir-restored.html", "index.html", "manifest.json", "site.css"],
)
def test_a_link_in_the_export_folder_is_not_written_through(tmp_path, name):
    """A symbolic link left in the folder (by someone, or by a hostile archive) must not
    make the export overwrite the file it points to."""
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim"
    victim.write_bytes(b"precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / name).symlink_to(victim)
    with pytest.raises(ExportError, match="outside"):
        export([weir_article()], out)
    assert victim.read_bytes() == b"precious"
    assert (out / name).is_symlink()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_a_linked_export_folder_is_followed_on_purpose(tmp_path):
    """Pointing the export at a link to a folder is the user's choice: it works."""
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)
    export([weir_article()], tmp_path / "alias")
    assert (real / "old-weir-restored.html").is_file() and (real / "weir.jpg").is_file()


# -- template errors name the template and the line ------------------------------------


@pytest.fixture
def templates_root(tmp_path) -> Path:
    root = tmp_path / "look"
    shutil.copytree(files("newsdesk_resources") / "templates", root / "templates")
    shutil.copytree(files("newsdesk_resources") / "site", root / "site")
    return root


def _break(root: Path, template: str, line: int, text: str) -> None:
    path = root / "templates" / template
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(line - 1, text)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("template", "line", "text", "expected"),
    [
        ("article.html", 9, "{% if page.title %}", r"article\.html, line \d+ is broken"),
        ("article.html", 12, "{{ page.title | no_such_filter }}", r"article\.html, line 12"),
        ("article_part.html", 10, "{% for x in %}", r"article_part\.html, line 10 is broken"),
        ("article_part.html", 14, "{{ page.no_such_field }}", r"article_part\.html, line 14 "),
        ("article_part.html", 9, "{{ 1 / 0 }}", r"article_part\.html, line 9 failed"),
        ("article_part.html", 10, "{{ page.headline + 1 }}", r"line 10 failed: TypeError"),
    ],
    ids=[
        "unclosed-block",
        "unknown-filter",
        "syntax-error",
        "undefined-field",
        "division-by-zero",
        "wrong-type",
    ],
)
def test_a_broken_template_is_named_with_its_line(templates_root, template, line, text, expected):
    _break(templates_root, template, line, text)
    broken = PageTemplates(templates_root)
    with pytest.raises(NewsdeskError, match=expected):
        render_page(weir_article(), site=SITE, vocabulary=VOCABULARY, templates=broken)


def test_a_broken_template_fails_the_export_and_leaves_the_previous_one(tmp_path, templates_root):
    out = tmp_path / "out"
    export([weir_article()], out)
    before = tree(out)
    _break(templates_root, "article_part.html", 8, "{{ page.missing }}")
    changed = dataclasses.replace(weir_article(), body="New text.", revision=2)
    with pytest.raises(ExportError) as refused:
        export([changed], out, templates=PageTemplates(templates_root))
    message = str(refused.value)
    assert "old-weir-restored.html" in message and "article_part.html, line 8" in message
    assert tree(out) == before


def test_a_broken_index_template_is_named(tmp_path, templates_root):
    _break(templates_root, "index.html", 4, "{% endfor %}")
    with pytest.raises(NewsdeskError, match=r"index\.html, line 4 is broken"):
        export([weir_article()], tmp_path / "out", templates=PageTemplates(templates_root))
    assert not (tmp_path / "out" / "index.html").exists()
