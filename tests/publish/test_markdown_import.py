"""Issue 13, section 2: Markdown with any metadata (Pelican, YAML, TOML)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import Status
from newsdesk.publish.formats.markdown_meta import write_markdown_document
from newsdesk.publish.importers.files import import_text
from newsdesk.publish.markdown.pipeline import render_body

SITE = SiteProfile()


def _import(text: str, name: str = "story.md"):
    return import_text(name, text, site=SITE, vocabulary=CreditVocabulary(), suffix=".md")


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2010-12-02 10:14", dt.date(2010, 12, 2)),
        ("2012-11-30", dt.date(2012, 11, 30)),
        ("2024-05-02T14:30:00+02:00", dt.date(2024, 5, 2)),
        ("30 November 2012", dt.date(2012, 11, 30)),
    ],
)
def test_pelican_dates_in_its_formats(value, date):
    assert _import(f"Title: t\nDate: {value}\n\nbody").article.date == date


@pytest.mark.parametrize(
    ("status", "ours"),
    [
        ("draft", Status.DRAFT),
        ("published", Status.PUBLISHED),
        ("hidden", Status.PUBLISHED),
        ("skip", Status.DRAFT),
        ("embargoed", Status.DRAFT),
    ],
)
def test_pelican_statuses_are_mapped_or_noted_never_refused(status, ours):
    report = _import(f"Title: t\nStatus: {status}\n\nbody")
    assert report.article.status is ours
    if status not in ("draft", "published"):
        assert any(status in note for note in report.notes)


def test_a_header_whose_first_key_is_not_title():
    report = _import("Category: Science\nTitle: Comets\nAuthor: Ana Lima\n\nBody.")
    assert report.article.headline == "Comets"
    assert report.article.section == ["Science"]
    assert report.article.credits == [Credit("Reporter", ("Ana Lima",))]


def test_pelican_authors_tags_summary_slug_and_lang():
    text = (
        "Title: t\nAuthors: Author, First; Author, Second; Author, First\n"
        "Tags: foo, bar, foo\nSummary: A **bold** claim\n    on two lines.\n"
        "Slug: python-on-mac-osx-10.8\nLang: fr\n\nbody"
    )
    article = _import(text).article
    assert article.credits == [Credit("Reporter", ("Author, First", "Author, Second"))]
    assert article.keywords == ["foo", "bar"]
    assert article.summary == "A bold claim on two lines."
    assert article.slug == "python-on-mac-osx-10.8"
    assert article.language == "fr"


def test_a_one_line_note_is_prose_not_a_header():
    report = _import("Note: the figures are provisional.\n\n# Rain doubles\n\nText.")
    assert report.format == "markdown"
    assert report.article.headline == "Rain doubles"


def test_yaml_front_matter_jekyll_hugo_pandoc():
    text = (
        "---\ntitle: 'Harbour: lights'\nauthor: [Lea Fontaine, Omar Haddad]\n"
        "date: 2024-06-01 18:00:00\ncategories: [city, harbour]\ntags: harbour, lighting\n"
        "draft: true\ndescription: The crane glows.\n---\n\nBody *here*.\n"
    )
    report = _import(text)
    article = report.article
    assert report.format == "yaml"
    assert article.headline == "Harbour: lights"
    assert article.credits == [Credit("Reporter", ("Lea Fontaine", "Omar Haddad"))]
    assert article.date == dt.date(2024, 6, 1)
    assert article.section == ["city", "harbour"]
    assert article.keywords == ["harbour", "lighting"]
    assert article.status is Status.DRAFT
    assert article.summary == "The crane glows."
    assert article.body == "Body *here*.\n"


def test_toml_front_matter():
    text = (
        '+++\ntitle = "Night trains"\ndate = 2024-07-03T09:00:00Z\n'
        'authors = ["Sven Aalto"]\ntags = ["rail"]\ndraft = false\n+++\n\nBody.\n'
    )
    report = _import(text)
    assert report.format == "toml"
    assert (report.article.headline, report.article.date) == ("Night trains", dt.date(2024, 7, 3))
    assert report.article.status is Status.PUBLISHED
    assert report.article.keywords == ["rail"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: [unclosed\n---\n\nbody", "not valid YAML"),
        ("---\ntitle: never closed\n\nbody", "never closed"),
        ("+++\ntitle = \n+++\n\nbody", "not valid TOML"),
        ("---\n- a list\n---\n\nbody", "not a set of keys"),
    ],
)
def test_broken_front_matter_is_refused_with_one_clear_line(text, message):
    with pytest.raises(InvalidInputError, match=message) as caught:
        _import(text)
    assert "\n" not in str(caught.value)


def test_date_from_the_file_name():
    report = _import("---\ntitle: t\n---\n\nbody", name="posts/2024-06-01-harbour.md")
    assert report.article.date == dt.date(2024, 6, 1)
    assert any("file name" in note for note in report.notes)


def test_internal_links_and_placeholder_images_are_reported_and_never_empty_on_the_page():
    text = (
        "Title: t\n\nSee [the first night]({filename}/2024/first.md) and [ours](other.html)."
        "\n\n![Tail]({static}/images/tail.jpg)\n"
    )
    report = _import(text)
    left = {(item.what, item.text) for item in report.left_out}
    assert ("link", "{filename}/2024/first.md") in left
    assert ("link", "other.html") in left
    assert ("image", "{static}/images/tail.jpg") in left
    html = render_body(report.article.body)
    assert "<a" not in html and "<img" not in html
    assert "See the first night and ours." in html


def test_unknown_metadata_is_listed_not_lost_silently():
    report = _import("Title: t\nObservatory: Valley Club\n\nbody")
    assert [(i.what, i.text) for i in report.left_out] == [("metadata", "observatory: Valley Club")]


def test_our_own_document_round_trips_summary_and_keywords_exactly():
    article = Article(
        headline="Dam opens",
        summary="First line of the standfirst\nsecond line",
        keywords=["water, power", "dams", "back\\slash"],
        credits=[Credit("监制", ("高远",))],
    )
    back = _import(write_markdown_document(article, site=SITE)).article
    assert (back.summary, back.keywords, back.credits) == (
        article.summary,
        article.keywords,
        article.credits,
    )
