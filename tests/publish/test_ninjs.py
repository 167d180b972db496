from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import Status
from newsdesk.publish.formats.ninjs import body_counts, from_ninjs, to_ninjs
from newsdesk.publish.markdown.pipeline import render_body
from tests.publish.fixtures_articles import FIXTURES, hostile, night_ferries, wetland_park_zh

VOCABULARY = CreditVocabulary()
SITE = SiteProfile()


def _errors(validator, data):
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_output_is_valid_ninjs_2_2(validator, name):
    factory, site = FIXTURES[name]
    data = to_ninjs(factory(), site=site, vocabulary=VOCABULARY)
    assert _errors(validator, data) == []


def test_validator_rejects_an_unknown_top_level_property(validator):
    # Guard: proves the schema check would catch an extension put in the wrong place.
    data = to_ninjs(night_ferries(), site=SITE, vocabulary=VOCABULARY)
    data["x_section"] = "city"
    assert any("x_section" in e for e in _errors(validator, data))


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_round_trip_keeps_every_field(name):
    factory, site = FIXTURES[name]
    article = factory()
    data = json.loads(json.dumps(to_ninjs(article, site=site, vocabulary=VOCABULARY)))
    assert dataclasses.asdict(from_ninjs(data)) == dataclasses.asdict(article)


def test_standard_fields():
    article = night_ferries()
    data = to_ninjs(article, site=SITE, vocabulary=VOCABULARY)
    assert data["uri"] == "urn:newsdesk:www.china-news-online.com:article:101"
    assert data["type"] == "text"
    assert data["version"] == "3"
    assert data["firstcreated"] == "2025-03-13T16:05:00+00:00"
    assert data["versioncreated"] == "2025-03-14T08:42:10+00:00"
    assert data["pubstatus"] == "usable"
    assert data["language"] == "en"
    assert (
        data["title"] == "Live report丨Night ferries return to the harbour after a two-year pause"
    )
    assert data["headlines"] == [
        {
            "role": "main",
            "contenttype": "text/plain",
            "value": "Night ferries return to the harbour after a two-year pause",
        },
        {"role": "kicker", "contenttype": "text/plain", "value": "Live report"},
    ]
    assert data["by"] == "Tomas Brandt, Ines Okafor"
    assert data["slugline"] == "night-ferries-return-to-the-harbour"
    assert data["copyrightholder"] == "China News Online"
    assert data["copyrightnotice"] == "Copyright@ www.china-news-online.com"
    assert data["infosources"][:4] == [
        {"name": "Harbour Daily", "role": "source"},
        {"name": "Marta Oyelaran", "role": "Producer"},
        {"name": "Tomas Brandt", "role": "Reporter"},
        {"name": "Ines Okafor", "role": "Reporter"},
    ]
    assert len(data["infosources"]) == 1 + 7
    picture = data["associations"][0]
    assert picture["type"] == "picture"
    assert picture["renditions"][0]["href"] == (
        "https://www.china-news-online.com/morning-gull.jpg"
    )
    assert "located" not in data


def test_bodies_carry_sanitized_html_with_counts_and_the_markdown():
    article = night_ferries()
    html_body, markdown_body = to_ninjs(article, site=SITE, vocabulary=VOCABULARY)["bodies"]
    assert html_body["contenttype"] == "text/html"
    assert html_body["value"] == render_body(article.body)
    assert "<em>212 passengers</em>" in html_body["value"]
    assert markdown_body == {
        "role": "newsdesk-markdown",
        "contenttype": "text/markdown",
        "value": article.body,
    }
    words, chars = body_counts(html_body["value"])
    assert (html_body["wordcount"], html_body["charcount"]) == (words, chars)


def test_counts_exclude_captions_and_count_chinese_characters_as_words():
    html = (
        "<p>Two words.</p><figure><img src='a.jpg' alt=''><figcaption>caption words here"
        "</figcaption></figure><p>城南公园，开放 3 days</p>"
    )
    # "Two", "words." + 城 南 公 园 开 放 + "3", "days"; the comma is not a word.
    assert body_counts(html) == (10, len("Two words.") + len("城南公园，开放 3 days"))


def test_chinese_reporters_are_joined_with_the_chinese_list_comma():
    data = to_ninjs(wetland_park_zh(), site=SITE, vocabulary=VOCABULARY)
    assert data["by"] == "林晓雯、欧阳志远"
    assert data["language"] == "zh"


@pytest.mark.parametrize(
    ("status", "pubstatus"),
    [
        (Status.DRAFT, "withheld"),
        (Status.SUBMITTED, "withheld"),
        (Status.APPROVED, "usable"),
        (Status.PUBLISHED, "usable"),
        (Status.ARCHIVED, "canceled"),
    ],
)
def test_pubstatus_mapping(status, pubstatus):
    article = dataclasses.replace(night_ferries(), status=status)
    assert to_ninjs(article, site=SITE, vocabulary=VOCABULARY)["pubstatus"] == pubstatus


def test_hostile_html_body_is_sanitized():
    body = to_ninjs(hostile(), site=SITE, vocabulary=VOCABULARY)["bodies"][0]["value"]
    assert "<script" not in body.lower()
    assert "javascript:" not in body.lower()
    assert "onerror" not in body.lower() and "onclick" not in body.lower()


def test_article_without_id_uses_its_slug_and_without_either_is_refused():
    article = Article(headline="h", slug="quiet-day")
    assert to_ninjs(article, site=SITE, vocabulary=VOCABULARY)["uri"].endswith(":slug:quiet-day")
    with pytest.raises(InvalidInputError, match="id or a slug"):
        to_ninjs(Article(headline="h"), site=SITE, vocabulary=VOCABULARY)


def test_foreign_ninjs_without_extension_is_read_from_standard_fields():
    data = {
        "uri": "urn:example:1",
        "version": "7",
        "pubstatus": "usable",
        "language": "en",
        "headlines": [{"value": "Grain prices steady"}],
        "bodies": [{"contenttype": "text/html", "value": "<p>Markets were calm.</p>"}],
        "infosources": [
            {"name": "Agrinews", "role": "source"},
            {"name": "Ruth Maier", "role": "Reporter"},
            {"name": "Sam Ito", "role": "Reporter"},
            {"name": "Ola Berg", "role": "Editor"},
        ],
        "versioncreated": "2024-11-02T10:00:00Z",
    }
    article = from_ninjs(data)
    assert article.headline == "Grain prices steady"
    assert article.body == "<p>Markets were calm.</p>"
    assert article.source == "Agrinews"
    assert article.credits == [
        Credit("Reporter", ("Ruth Maier", "Sam Ito")),
        Credit("Editor", ("Ola Berg",)),
    ]
    assert article.revision == 7
    assert article.status is Status.PUBLISHED
    assert article.updated_at == dt.datetime(2024, 11, 2, 10, 0, tzinfo=dt.UTC)


def test_foreign_ninjs_with_only_by_gets_reporters():
    article = from_ninjs({"uri": "u:1", "headlines": [{"value": "x"}], "by": "Ann Lee, Bo Yang"})
    assert article.credits == [Credit("Reporter", ("Ann Lee", "Bo Yang"))]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "not a ninjs object"),
        ({"headlines": [{"value": "x"}]}, "not a ninjs object"),
        ({"uri": "u:1"}, "no main headline"),
        ({"uri": "u:1", "headlines": "x"}, "must be a list"),
        ({"uri": "u:1", "headlines": [{"value": 5}]}, "headline must be text"),
        ({"uri": "u:1", "headlines": [{"value": "x"}], "version": "v2"}, "not a number"),
        (
            {"uri": "u:1", "headlines": [{"value": "x"}], "firstcreated": "yesterday"},
            "RFC 3339",
        ),
        (
            {
                "uri": "u:1",
                "headlines": [{"value": "x"}],
                "descriptions": [{"role": "newsdesk-article", "value": "{not json"}],
            },
            "damaged",
        ),
    ],
)
def test_bad_ninjs_raises_a_clear_error(data, message):
    with pytest.raises(InvalidInputError, match=message):
        from_ninjs(data)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_ninjs_matches_golden(name):
    from tests.golden import assert_golden

    factory, site = FIXTURES[name]
    data = to_ninjs(factory(), site=site, vocabulary=VOCABULARY)
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert_golden(text, f"{name}.ninjs.json")
