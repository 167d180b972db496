"""Issue 13, section 4: Word documents reporters file (built from source in the tests)."""

from __future__ import annotations

import dataclasses

import pytest

from newsdesk.domain.article import Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.importers.files import import_file
from newsdesk.publish.markdown.pipeline import render_body
from tests.fixtures.word_documents import reviewed_draft, river_report, tiny_png

SITE = SiteProfile()


def _import(path):
    return import_file(path, site=SITE, vocabulary=CreditVocabulary())


def test_a_filing_keeps_structure_images_and_its_credits(tmp_path):
    report = _import(river_report(tmp_path / "River Report.docx"))
    article = report.article
    assert (article.kicker, article.headline) == (
        "Flood desk",
        "River crests at its highest level in 40 years",
    )
    assert article.source == "Valley bureau"
    html = render_body(article.body)
    for part in (
        "<strong>crested</strong>",
        "<em>dawn</em>",
        "<h2>Who had to leave</h2>",
        "<li>Two care homes by the bridge</li>",
        '<a href="https://county.example.org/shelters" rel="noopener noreferrer">',
        '<img alt="Sandbags along the river wall" src="river-report-1.png">',
    ):
        assert part in html
    assert article.credits == [
        Credit("Reporter", ("Anna Berg", "Li Wen")),
        Credit("Photography", ("Jonas Weber",)),
        Credit("Editor", ("Ruth Adler",)),
    ]
    assert "Reporter" not in html  # the credits block left the body
    [image] = article.images
    [file] = report.images
    assert (image.name, image.media_type, image.sha256) == (file.name, "image/png", file.sha256)
    assert file.data == tiny_png()
    assert article.keywords == ["floods", "rivers"]


def test_tracked_changes_and_comments_are_reported_not_silently_accepted(tmp_path):
    report = _import(reviewed_draft(tmp_path / "draft.docx"))
    notes = " ".join(report.notes)
    assert "tracked changes (1 insertion(s), 1 deletion(s))" in notes
    assert "1 comment(s)" in notes
    assert report.article.headline == "Council approves the new bus lanes"
    assert report.article.credits == [Credit("Reporter", ("Mia Torres",))]


def test_a_clean_document_has_no_revision_notes(tmp_path):
    notes = " ".join(_import(river_report(tmp_path / "r.docx")).notes)
    assert "tracked" not in notes and "comment" not in notes


def test_a_damaged_document_is_refused_with_its_name(tmp_path):
    good = river_report(tmp_path / "good.docx").read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good[: len(good) // 2])
    with pytest.raises(InvalidInputError) as caught:
        _import(broken)
    assert str(caught.value).startswith(str(broken))
    assert "\n" not in str(caught.value)


def test_the_report_is_plain_data_for_any_front_end(tmp_path):
    report = _import(river_report(tmp_path / "r.docx"))
    data = report.to_json()
    assert data["paragraphs"] == 6 and data["images"] == 1
    assert dataclasses.is_dataclass(report)
