"""Issue 13, section 3: agency ninjs (1.x and 2.x) imports; unknown fields are listed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsdesk.domain.article import Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.importers.ninjs import read_ninjs_report
from newsdesk.publish.markdown.inspect import body_references

CORPUS = Path(__file__).parents[1] / "fixtures" / "import"
SITE = SiteProfile()


def _read(data):
    return read_ninjs_report(data, site=SITE, vocabulary=CreditVocabulary())


def _fixture(name: str) -> dict:
    return json.loads((CORPUS / name).read_text(encoding="utf-8"))


def test_our_agency_fixture_is_valid_ninjs_2_2(validator):
    data = _fixture("agency-ninjs-2.json")
    data.pop("standard")  # it names 2.1; the 2.2 schema checks the rest
    assert [e.message for e in validator.iter_errors(data)] == []


def test_agency_2x_document():
    report = _read(_fixture("agency-ninjs-2.json"))
    article = report.article
    assert article.headline == "Ferry strike ends after two weeks"  # no role main
    assert article.date == dt.date(2024, 3, 2)
    assert article.credits == [Credit("Reporter", ("Maren Solberg", "Ola Haugen"))]
    assert article.keywords == ["Transport", "Labour disputes"]
    assert article.summary == "Crews return on Monday under a new shift plan."
    assert article.source == "Example Agency"
    images = body_references(article.body).images
    assert [(i.src, i.alt, i.caption) for i in images] == [
        (
            "https://images.example.org/4411-large.jpg",
            "A white ferry at a quay in the rain",
            "The first ferry after the strike waits at the quay.",
        )
    ]
    assert "**four**" in article.body and "color" not in article.body
    assert {i.text for i in report.left_out if i.what == "ninjs field"} == {
        "genres",
        "located",
        "urgency",
    }


def test_agency_1x_document():
    article = _read(_fixture("agency-ninjs-1.json")).article
    assert article.headline == "Weinlese beginnt zwei Wochen früher"
    assert article.credits == [Credit("Reporter", ("Jana Keller",))]
    assert article.keywords == ["Landwirtschaft", "Wein", "Ernte"]
    assert article.language == "de"
    assert body_references(article.body).images[0].caption == "Lese in Bernkastel am Sonntag."


def test_fields_of_the_wrong_type_are_left_out_not_a_crash():
    report = _read(
        {
            "uri": "x",
            "headlines": [{"value": 42}, {"role": "long", "value": "A headline"}],
            "by": ["not", "text"],
            "bodies": {"oops": True},
            "subjects": "not a list",
            "associations": [{"type": "picture", "renditions": "nope"}],
            "firstcreated": "yesterday-ish",
            "x-agency-priority": {"deep": [1, 2]},
        }
    )
    assert report.article.headline == "A headline"
    whats = {item.what for item in report.left_out}
    assert {"ninjs field", "picture"} <= whats
    assert any(item.text == "x-agency-priority" for item in report.left_out)


def test_a_document_without_any_headline_is_refused_clearly():
    with pytest.raises(InvalidInputError, match="no headline"):
        _read({"uri": "x", "bodies": [{"value": "<p>text</p>", "contenttype": "text/html"}]})
