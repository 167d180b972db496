"""The import corpus (tests/fixtures/import, and Word documents built by
tests/fixtures/word_documents.py): every case of issue 13 and its opposite.

For each file, a golden JSON (tests/reference/import/NAME.json) holds what the import
makes of it: the report as `import --dry-run --json` prints it (fields, credits,
keywords, counts, notes, what was left out) plus the body. The round trip writes the
article as a text page (golden NAME.page.txt), imports that page again and checks that
it reads back to the same article: same fields, same credits in the labels the
article was written with, same body text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import CHINESE_SITE, SiteProfile
from newsdesk.publish.formats.textpage import write_text_page
from newsdesk.publish.importers.files import import_file, import_text
from newsdesk.publish.importers.report import ImportReport
from newsdesk.publish.markdown.pipeline import render_body
from newsdesk.publish.markdown.plain_text import html_blocks_to_text
from tests.fixtures.word_documents import reviewed_draft, river_report
from tests.golden import assert_golden

CORPUS = Path(__file__).parents[1] / "fixtures" / "import"
SITE = SiteProfile()
VOCABULARY = CreditVocabulary()
WORD_BUILDERS = {"river-report.docx": river_report, "reviewed-draft.docx": reviewed_draft}
CASES = sorted([p.name for p in CORPUS.iterdir() if p.is_file()] + list(WORD_BUILDERS))


def _import(name: str, tmp_path: Path) -> ImportReport:
    path = WORD_BUILDERS[name](tmp_path / name) if name in WORD_BUILDERS else CORPUS / name
    report = import_file(path, site=SITE, vocabulary=VOCABULARY)
    report.source = name  # the golden files do not depend on where the file lies
    return report


def _golden_json(report: ImportReport) -> str:
    data = report.to_json()
    data["body"] = report.article.body
    data["images_attached"] = [image.to_dict() for image in report.article.images]
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _page_site(report: ImportReport) -> SiteProfile:
    return CHINESE_SITE if report.article.language.startswith("zh") else SITE


@pytest.mark.parametrize("name", CASES)
def test_import_matches_golden(name, tmp_path):
    assert_golden(_golden_json(_import(name, tmp_path)), f"import/{name}.json")


@pytest.mark.parametrize("name", CASES)
def test_round_trip_text_page_import_text_page(name, tmp_path):
    article = _import(name, tmp_path).article
    site = _page_site(_import(name, tmp_path))
    page = write_text_page(article, site=site, vocabulary=VOCABULARY)
    assert_golden(page, f"import/{name}.page.txt")
    back = import_text("page.txt", page, site=site, vocabulary=VOCABULARY).article
    for field in ("kicker", "headline", "section", "date", "source"):
        assert getattr(back, field) == getattr(article, field), field
    if article.language in ("en", "zh"):  # a page tells only these apart, by its title
        assert back.language == article.language
    # The labels the article was written with, never translated (监制 stays 监制).
    assert back.credits == article.credits
    # The page carries the body's visible text, a paragraph per block.
    assert html_blocks_to_text(render_body(back.body)) == html_blocks_to_text(
        render_body(article.body)
    )
    assert write_text_page(back, site=site, vocabulary=VOCABULARY) == page
