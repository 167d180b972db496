"""What an export would change in its folder, before anything is written."""

from __future__ import annotations

import dataclasses

from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export.bundle import export_bundle
from newsdesk.publish.export.changes import ChangeState, export_changes
from tests.publish.fixtures_articles import night_ferries

SITE = SiteProfile()
VOCABULARY = CreditVocabulary()


def _export(articles, folder, formats=("html",)) -> None:
    for _ in export_bundle(articles, folder, site=SITE, vocabulary=VOCABULARY, formats=formats):
        pass


def _changes(articles, folder, formats=("html",)):
    return export_changes(articles, folder, site=SITE, vocabulary=VOCABULARY, formats=formats)


def test_an_empty_folder_gets_new_pages(tmp_path):
    article = night_ferries()
    [change] = _changes([article], tmp_path, formats=("html", "text"))
    assert change.state is ChangeState.NEW
    assert change.files == (f"{article.slug}.html", f"{article.slug}.txt")
    assert f"+++ {article.slug}.txt (this export)" in change.diff
    assert "+Live report丨Night ferries return to the harbour" in change.diff
    assert not list(tmp_path.iterdir())  # nothing written


def test_a_changed_article_shows_a_diff_of_its_page(tmp_path):
    article = night_ferries()
    _export([article], tmp_path, formats=("text",))
    assert _changes([article], tmp_path, formats=("text",))[0].state is ChangeState.UNCHANGED

    edited = dataclasses.replace(
        article, body=article.body.replace("212 passengers", "230 passengers")
    )
    [change] = _changes([edited], tmp_path, formats=("text",))
    assert change.state is ChangeState.CHANGED
    removed = [line for line in change.diff.splitlines() if line.startswith("-")]
    added = [line for line in change.diff.splitlines() if line.startswith("+")]
    assert any("212 passengers" in line for line in removed[1:])
    assert any("230 passengers" in line for line in added[1:])
    assert change.diff.startswith(f"--- {article.slug}.txt (in the folder)\n")


def test_articles_of_the_last_export_left_out_are_dropped(tmp_path):
    first = night_ferries()
    second = dataclasses.replace(first, id=102, slug="second-story", headline="Second story")
    _export([first, second], tmp_path)
    changes = _changes([first], tmp_path)
    assert [(c.article_id, c.state) for c in changes] == [
        (101, ChangeState.UNCHANGED),
        (102, ChangeState.DROPPED),
    ]
