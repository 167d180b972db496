"""Export -> import -> export gives the same bytes, for every format that can be imported.

Each fixture article is exported with `export_bundle`, the file is read back with
`read_article_file` (the importer `newsdesk import` uses, which detects the format),
and the article read is exported again. The text page goes the whole way through a
fresh newsroom (import stores it as a new article, as `newsdesk import` does); the
Markdown document and ninjs carry workflow fields (status, revision, ids) that a new
article would not keep, so they are re-exported straight from the parsed article.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.newsroom import Newsroom
from newsdesk.publish.export.bundle import FORMAT_FILES, export_bundle
from newsdesk.publish.importers.files import read_article_file
from tests.golden import first_difference
from tests.publish.fixtures_articles import FIXTURES

VOCABULARY = CreditVocabulary()


def export_one(article, folder: Path, site, formats) -> dict[str, bytes]:
    """The bytes of each format's file for `article`, exported into `folder`."""
    list(export_bundle([article], folder, site=site, vocabulary=VOCABULARY, formats=formats))
    return {
        fmt: (folder / FORMAT_FILES[fmt].format(slug=article.slug)).read_bytes() for fmt in formats
    }


def assert_same(first: bytes, second: bytes, what: str) -> None:
    difference = first_difference(first.decode("utf-8"), second.decode("utf-8"))
    assert first == second, f"{what}: {difference}"


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_text_page_round_trip_through_a_newsroom(tmp_path, name):
    factory, site = FIXTURES[name]
    article = factory()
    first = export_one(article, tmp_path / "first", site, ["text"])["text"]

    imported = read_article_file(
        tmp_path / "first" / f"{article.slug}.txt", site=site, vocabulary=VOCABULARY
    )
    newsroom = Newsroom.open(tmp_path / "newsroom.db")
    try:
        newsroom.add_person("Round Trip", ["reporter"])
        stored_id = newsroom.create_article(imported, actor="Round Trip").id
        stored = newsroom.article(stored_id)
    finally:
        newsroom.close()
    second = export_one(stored, tmp_path / "second", site, ["text"])["text"]
    assert_same(first, second, f"{name}.txt")


@pytest.mark.parametrize("fmt", ["markdown", "ninjs"])
@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_exchange_format_round_trip(tmp_path, name, fmt):
    factory, site = FIXTURES[name]
    article = factory()
    first = export_one(article, tmp_path / "first", site, [fmt])[fmt]

    path = tmp_path / "first" / FORMAT_FILES[fmt].format(slug=article.slug)
    imported = read_article_file(path, site=site, vocabulary=VOCABULARY)
    second = export_one(imported, tmp_path / "second", site, [fmt])[fmt]
    assert_same(first, second, f"{name} {fmt}")


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_ninjs_carries_everything_every_format_shows(tmp_path, name):
    """An article read back from ninjs exports to the same bytes in *every* format,
    the HTML page (dates, approval, images) included."""
    factory, site = FIXTURES[name]
    article = factory()
    formats = list(FORMAT_FILES)
    first = export_one(article, tmp_path / "first", site, formats)

    path = tmp_path / "first" / FORMAT_FILES["ninjs"].format(slug=article.slug)
    imported = read_article_file(path, site=site, vocabulary=VOCABULARY)
    assert dataclasses.asdict(imported) == dataclasses.asdict(article)
    second = export_one(imported, tmp_path / "second", site, formats)
    for fmt in formats:
        assert_same(first[fmt], second[fmt], f"{name} {fmt} via ninjs")


def test_ideographic_indent_survives_every_trip(tmp_path):
    """The reported bug: paragraphs indented with U+3000 kept their indent in Markdown
    but lost it in the page and the text page."""
    factory, site = FIXTURES["wetland_park_zh"]
    article = factory()
    paragraphs = article.body.rstrip("\n").split("\n\n")
    # str.strip() would take the indent too (that was the bug): compare whole paragraphs.
    indented = next(p for p in paragraphs if p.startswith("\u3000\u3000"))
    exported = export_one(article, tmp_path / "first", site, ["html", "text"])
    assert f"<p>{indented}</p>".encode() in exported["html"]
    text = exported["text"].decode("utf-8")
    assert indented in text.split("\n")

    imported = read_article_file(
        tmp_path / "first" / f"{article.slug}.txt", site=site, vocabulary=VOCABULARY
    )
    again = export_one(
        dataclasses.replace(imported, slug=article.slug), tmp_path / "second", site, ["html"]
    )
    assert f"<p>{indented}</p>".encode() in again["html"]
