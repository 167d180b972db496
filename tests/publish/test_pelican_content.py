"""Pelican's own test content, read from the installed package (never copied here).

Pelican is the export benchmark's peer (`pip install -e '.[bench]'` brings it). For
every Markdown file Pelican ships in `pelican/tests/content`, Pelican's own reader says
what the file means (title, date, authors, category, body) and our import must agree.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pelican = pytest.importorskip("pelican", reason="Pelican is not installed (the bench extra)")

from pelican.readers import MarkdownReader, parse_path_metadata  # noqa: E402
from pelican.settings import DEFAULT_CONFIG  # noqa: E402
from pelican.utils import get_date  # noqa: E402

from newsdesk.domain.credit_roles import CreditVocabulary  # noqa: E402
from newsdesk.domain.errors import InvalidInputError  # noqa: E402
from newsdesk.domain.site import SiteProfile  # noqa: E402
from newsdesk.publish.importers.files import import_file  # noqa: E402
from newsdesk.publish.markdown.pipeline import render_body  # noqa: E402
from newsdesk.publish.markdown.plain_text import html_blocks_to_text  # noqa: E402

CONTENT = Path(os.path.dirname(pelican.__file__)) / "tests" / "content"
SITE = SiteProfile()
SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
FILES = (
    sorted(p.name for p in CONTENT.iterdir() if p.suffix in SUFFIXES) if CONTENT.is_dir() else []
)
# Our body dialect has no footnotes (pipeline.py): their text is kept, not linked.
FOOTNOTES = "article_with_markdown_and_footnote.md"


def _pelican(name: str) -> tuple[list[str], dict]:
    settings = dict(DEFAULT_CONFIG)
    html, metadata = MarkdownReader(settings).read(str(CONTENT / name))
    return html_blocks_to_text(html), {
        **parse_path_metadata(source_path=name, settings=settings),
        **metadata,
    }


def test_pelican_ships_its_markdown_test_content():
    assert len(FILES) >= 15, f"expected Pelican's test content in {CONTENT}"


@pytest.mark.parametrize("name", FILES)
def test_pelican_test_content_keeps_title_date_author_category_and_body(name):
    blocks, meta = _pelican(name)
    if not blocks and "title" not in meta:
        with pytest.raises(InvalidInputError, match="empty"):
            import_file(CONTENT / name, site=SITE, vocabulary=CreditVocabulary())
        return
    article = import_file(CONTENT / name, site=SITE, vocabulary=CreditVocabulary()).article
    ours = html_blocks_to_text(render_body(article.body))
    if "title" in meta:
        assert article.headline == meta["title"]
    else:  # no Title: the headline is the first heading, taken out of the body
        assert article.headline == blocks[0]
        blocks = blocks[1:]
    date = meta.get("date")
    date = get_date(date) if isinstance(date, str) else date
    assert article.date == (date.date() if date else None)
    authors = [a.name for a in meta.get("authors", [])] or (
        [meta["author"].name] if "author" in meta else []
    )
    assert article.reporters == authors
    if "category" in meta:
        assert article.section == [meta["category"].name]
    else:
        assert article.section == SITE.default_section_path
    tags = meta.get("tags")  # Pelican marks an empty Tags: with a sentinel object
    assert article.keywords == ([t.name for t in tags] if isinstance(tags, list) else [])
    if name == FOOTNOTES:
        assert "Numbered footnote" in " ".join(ours)
        assert ours[0].startswith("This is some content")
    else:
        assert ours == blocks
