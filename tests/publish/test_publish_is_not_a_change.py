"""Publishing an approved article is a workflow action, not a change readers see: the
export folder must not report its page as changed, and the page's modified time is
its last content change. Former addresses of a renamed article are redirects."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import Status
from newsdesk.publish.export.bundle import export_bundle
from newsdesk.publish.export.changes import ChangeState, export_changes
from newsdesk.publish.export.manifest import MANIFEST_NAME
from newsdesk.publish.formats.page_html import render_page
from tests.publish.fixtures_articles import night_ferries

SITE = SiteProfile()
VOCABULARY = CreditVocabulary()
EDITED = dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.UTC)
APPROVED_AT = dt.datetime(2025, 3, 14, 11, 0, tzinfo=dt.UTC)
PUBLISHED_AT = dt.datetime(2025, 3, 14, 12, 45, tzinfo=dt.UTC)


def _approved():
    return dataclasses.replace(
        night_ferries(),
        status=Status.APPROVED,
        revision=3,
        approved_revision=3,
        content_updated_at=EDITED,
        content_updated_by="Tomas Brandt",
        updated_at=APPROVED_AT,
        updated_by="Marta Oyelaran",
    )


def _published(article):
    return dataclasses.replace(
        article, status=Status.PUBLISHED, updated_at=PUBLISHED_AT, updated_by="Kai Web"
    )


def _export(articles, folder, formats=("html", "text"), **kwargs):
    steps = list(
        export_bundle(articles, folder, site=SITE, vocabulary=VOCABULARY, formats=formats, **kwargs)
    )
    return steps


def test_marking_published_leaves_the_page_and_the_text_page_unchanged(tmp_path):
    approved = _approved()
    _export([approved], tmp_path)
    published = _published(approved)
    [change] = export_changes(
        [published], tmp_path, site=SITE, vocabulary=VOCABULARY, formats=("html", "text")
    )
    assert change.state is ChangeState.UNCHANGED, change.diff
    steps = _export([published], tmp_path)
    assert steps[0].unchanged and steps[0].files_written == ()


def test_the_page_modified_time_is_the_last_content_change():
    page = render_page(_published(_approved()), site=SITE, vocabulary=VOCABULARY)
    assert '"dateModified": "2025-03-14T09:30:00+00:00"' in page
    assert "12:45" not in page and "11:00:00" not in page


def test_an_edit_still_changes_the_page(tmp_path):
    approved = _approved()
    _export([approved], tmp_path)
    edited = dataclasses.replace(
        approved,
        body=approved.body.replace("212 passengers", "230 passengers"),
        revision=4,
        approved_revision=4,
        content_updated_at=PUBLISHED_AT,
    )
    [change] = export_changes(
        [edited], tmp_path, site=SITE, vocabulary=VOCABULARY, formats=("html", "text")
    )
    assert change.state is ChangeState.CHANGED
    assert not _export([edited], tmp_path)[0].unchanged


def test_the_manifest_keeps_a_redirect_from_each_former_address(tmp_path):
    article = dataclasses.replace(_approved(), slug="night-ferries-are-back")
    _export(
        [article],
        tmp_path,
        redirects={article.id: ["night-ferries-return-to-the-harbour"], 999: ["gone"]},
    )
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["redirects"] == [
        {
            "id": article.id,
            "from": "night-ferries-return-to-the-harbour.html",
            "to": "night-ferries-are-back.html",
        }
    ]
