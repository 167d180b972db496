"""An export with many files renders its pages in other processes (both cores): the
folder ends byte for byte as an export in one process leaves it, a page that cannot be
rendered fails the same way, and a stopped or failing export leaves the folder as it
was, with no temporary file behind, whichever process wrote it."""

from __future__ import annotations

import dataclasses
import shutil
from importlib.resources import files
from pathlib import Path

import pytest

from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.publish.export import page_workers
from newsdesk.publish.export.body_cache import PARALLEL_FROM, BodyCache
from newsdesk.publish.export.bundle import export_bundle
from newsdesk.publish.export.staging import TEMP_PREFIX, ExportError
from newsdesk.publish.formats.page_html import PageTemplates
from tests.publish.fixtures_articles import (
    FERRY_IMAGE_BYTES,
    hostile,
    library_reopens,
    night_ferries,
    wetland_park_zh,
)

SITE = SiteProfile()
VOCABULARY = CreditVocabulary()
FORMATS = ("html", "text", "ninjs", "md")
TABLE = "\n\n| Line | First ferry | Last ferry |\n|---|---|---|\n| 4 | 05:40 | 23:10 |\n"


def corpus() -> list:
    """Enough articles to go to the page processes: Chinese, credits, images, a table,
    hostile text; every body different (each one converted)."""
    bases = [night_ferries(), library_reopens(), wetland_park_zh(), hostile()]
    articles = []
    for number in range(1, 25):
        for offset, base in enumerate(bases):
            article_id = number * 10 + offset
            articles.append(
                dataclasses.replace(
                    base,
                    id=article_id,
                    slug=f"{base.slug}-{number}",
                    body=base.body + f"\n\nStory {number}. 第{number}号。" + TABLE * (number % 2),
                )
            )
    return articles


def export(articles, out: Path, cache: BodyCache, **kwargs) -> list:
    return list(
        export_bundle(
            articles,
            out,
            site=SITE,
            vocabulary=VOCABULARY,
            formats=FORMATS,
            image_data=lambda sha: FERRY_IMAGE_BYTES,
            cache=cache,
            **kwargs,
        )
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def rendered_elsewhere(monkeypatch) -> list[int]:
    """How many works each call handed to the page processes."""
    counts: list[int] = []
    real = page_workers.render_pages

    def counting(pool, workers, setting, works, out, templates):
        counts.append(len(works))
        return real(pool, workers, setting, works, out, templates)

    monkeypatch.setattr(page_workers, "render_pages", counting)
    return counts


def test_pages_rendered_in_other_processes_are_the_pages_of_one_process(
    tmp_path, rendered_elsewhere
):
    articles = corpus()
    assert len(articles) * len(FORMATS) >= PARALLEL_FROM
    alone, both = BodyCache(workers=1), BodyCache(workers=2)
    try:
        progress_alone = export(articles, tmp_path / "alone", alone)
        assert rendered_elsewhere == []
        progress_both = export(articles, tmp_path / "both", both)
    finally:
        both.close()
    assert sum(rendered_elsewhere) == len(articles)
    assert snapshot(tmp_path / "both") == snapshot(tmp_path / "alone")
    # The same progress, article by article, in the same order.
    assert progress_both == progress_alone
    # Every body was converted once, by the page processes, and kept.
    assert both.misses == alone.misses == len(articles)
    body = articles[5].body
    assert both.rendered(body) == alone.rendered(body)


def test_a_second_export_to_a_new_folder_takes_the_bodies_it_kept(tmp_path, rendered_elsewhere):
    articles = corpus()
    cache = BodyCache(workers=2)
    try:
        export(articles, tmp_path / "a", cache)
        export(articles, tmp_path / "b", cache)
    finally:
        cache.close()
    assert cache.misses == len(articles)
    assert len(rendered_elsewhere) == 2
    assert snapshot(tmp_path / "b") == snapshot(tmp_path / "a")


def _theme(tmp_path: Path, failing_headline: str) -> PageTemplates:
    """The shipped templates, but the page fails for the article with that headline."""
    root = tmp_path / "theme"
    shutil.copytree(files("newsdesk_resources") / "templates", root / "templates")
    shutil.copytree(files("newsdesk_resources") / "site", root / "site")
    page = root / "templates" / "article.html"
    trap = "{{ (1 / 0) if page.headline == " + repr(failing_headline) + " else '' }}\n"
    page.write_text(page.read_text(encoding="utf-8") + trap, encoding="utf-8")
    return PageTemplates(root)


def test_a_page_that_cannot_be_rendered_elsewhere_fails_as_it_does_alone(
    tmp_path, rendered_elsewhere
):
    articles = corpus()
    articles[40] = dataclasses.replace(articles[40], headline="The page that breaks")
    templates = _theme(tmp_path, "The page that breaks")
    out = tmp_path / "out"
    fine = BodyCache(workers=2)
    try:
        export(corpus(), out, fine)
    finally:
        fine.close()
    before = snapshot(out)
    errors = []
    for workers in (1, 2):
        cache = BodyCache(workers=workers)
        try:
            with pytest.raises(ExportError) as refused:
                export(articles, out, cache, templates=templates)
        finally:
            cache.close()
        errors.append(str(refused.value))
        assert snapshot(out) == before
        assert not [p.name for p in out.iterdir() if p.name.startswith(TEMP_PREFIX)]
    assert rendered_elsewhere, "the failing export went to the page processes"
    assert errors[0] == errors[1]
    assert "ZeroDivisionError" in errors[1] and f"article {articles[40].id}" in errors[1]


def test_an_export_stopped_after_its_first_batch_leaves_nothing_behind(
    tmp_path, rendered_elsewhere
):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("the web team's own file", encoding="utf-8")
    before = snapshot(out)
    cache = BodyCache(workers=2)
    try:
        steps = export_bundle(
            corpus(),
            out,
            site=SITE,
            vocabulary=VOCABULARY,
            formats=FORMATS,
            image_data=lambda sha: FERRY_IMAGE_BYTES,
            cache=cache,
        )
        first = next(steps)
        steps.close()  # the window's Stop: the generator is closed
    finally:
        cache.close()
    assert first.files_written and rendered_elsewhere
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
