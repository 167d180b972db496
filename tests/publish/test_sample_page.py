"""The one real page of the site: imported, then exported, it is the page again.

The sample lives outside the repository (its text must not be copied into it), so
these tests read it where the shared folder keeps it and skip when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.newsroom import Newsroom
from newsdesk.publish.export.bundle import export_bundle
from newsdesk.publish.importers.files import read_article_file
from tests.golden import first_difference
from tests.publish.visible_text import squash, visible_blocks

SAMPLE = Path(__file__).parents[2].parent / "shared" / "reference" / "site-article-sample.txt"
SITE = SiteProfile()
VOCABULARY = CreditVocabulary()


@pytest.fixture(scope="module")
def sample_text() -> str:
    if not SAMPLE.is_file():
        pytest.skip(f"the site's sample page is not at {SAMPLE}")
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def expected_page(sample_text) -> str:
    # Two credit lines of the sample use " |" (a translation artifact); the site's
    # separator is 丨, which is what an export writes.
    return sample_text.replace(" |", "丨")


@pytest.fixture(scope="module")
def exported(tmp_path_factory, sample_text) -> dict[str, str]:
    """The sample imported as `newsdesk import` does (into a newsroom), then exported."""
    folder = tmp_path_factory.mktemp("sample")
    article = read_article_file(SAMPLE, site=SITE, vocabulary=VOCABULARY)
    newsroom = Newsroom.open(folder / "newsroom.db")
    try:
        newsroom.add_person("Sample Importer", ["reporter"])
        stored = newsroom.article(newsroom.create_article(article, actor="Sample Importer").id)
    finally:
        newsroom.close()
    out = folder / "site"
    list(export_bundle([stored], out, site=SITE, vocabulary=VOCABULARY, formats=("html", "text")))
    return {
        "text": (out / f"{stored.slug}.txt").read_text(encoding="utf-8"),
        "html": (out / f"{stored.slug}.html").read_text(encoding="utf-8"),
    }


def test_sample_is_read_as_a_text_page_with_its_credits(sample_text):
    article = read_article_file(SAMPLE, site=SITE, vocabulary=VOCABULARY)
    assert article.headline and article.kicker
    assert article.date is not None
    # Every credit line of the sample becomes a credit (none is left in the body), and
    # names are stored one person each.
    credit_lines = [
        line for line in sample_text.split("\n") if any(sep in line for sep in ("丨", " |"))
    ][1:]  # the first is the title
    assert len(article.credits) == len(credit_lines)
    assert all(credit.names for credit in article.credits)
    assert any(len(credit.names) > 1 for credit in article.credits)
    assert "Unified Service Email" not in article.body


def test_text_export_is_the_sample_with_the_sites_separator(exported, expected_page):
    difference = first_difference(expected_page, exported["text"])
    assert exported["text"] == expected_page, difference


def test_html_export_shows_the_sample_text_in_order(exported, expected_page):
    blocks = [squash(block) for block in visible_blocks(exported["html"])]
    lines = [squash(line) for line in expected_page.split("\n") if line.strip()]
    assert blocks == lines
