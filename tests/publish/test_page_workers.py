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
from newsdesk.publish.export.selection import ArticleSelection, newest_first
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
    real = page_workers.PageProcesses._render

    def counting(self, works):
        counts.append(len(works))
        return real(self, works)

    monkeypatch.setattr(page_workers.PageProcesses, "_render", counting)
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


def _in_batches(articles: list, size: int):
    """The articles as the newsroom hands a whole site over: in export order, read
    `size` at a time."""
    ordered = sorted(articles, key=newest_first)
    by_id = {a.id: a for a in ordered}
    return ArticleSelection([a.id for a in ordered], lambda ids: [by_id[i] for i in ids], size)


def test_an_export_of_many_batches_on_both_cores_is_the_export_of_one_process(
    tmp_path, rendered_elsewhere
):
    # The page process still renders a batch's first pages while this process reads
    # and renders the next batch: the folder and the progress are still those of one
    # process, and every converted body is kept once.
    articles = corpus()
    alone, both = BodyCache(workers=1), BodyCache(workers=2)
    try:
        progress_alone = export(_in_batches(articles, 20), tmp_path / "alone", alone)
        progress_both = export(_in_batches(articles, 20), tmp_path / "both", both)
    finally:
        both.close()
    assert rendered_elsewhere == [20, 20, 20, 20, 16]  # every batch on both cores
    assert snapshot(tmp_path / "both") == snapshot(tmp_path / "alone")
    assert progress_both == progress_alone
    assert both.misses == alone.misses == len(articles)


def test_the_first_failing_page_is_named_when_a_later_one_fails_too(tmp_path, rendered_elsewhere):
    # The page process's pages of an early batch come back while later batches are
    # rendered here: the error is still the one an export in one process raises,
    # the first failing page in export order.
    articles = sorted(corpus(), key=newest_first)
    for position in (3, 90):  # the page process's part of batch 1; a page of the last batch
        articles[position] = dataclasses.replace(
            articles[position], headline="The page that breaks"
        )
    templates = _theme(tmp_path, "The page that breaks")
    errors = []
    for workers in (1, 2):
        cache = BodyCache(workers=workers)
        out = tmp_path / f"out-{workers}"
        try:
            with pytest.raises(ExportError) as refused:
                export(_in_batches(articles, 20), out, cache, templates=templates)
        finally:
            cache.close()
        errors.append(str(refused.value))
        assert not list(out.iterdir())  # nothing renamed in, no temporary file left
    assert rendered_elsewhere
    assert errors[0] == errors[1]
    assert f"article {articles[3].id}" in errors[1]


class _SlowPool:
    """A pool whose process is slow (another program keeps its core busy)."""

    def __init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._threads = ThreadPoolExecutor(1)

    def submit(self, fn, *args):
        import time

        def slowly():
            time.sleep(0.2)
            return fn(*args)

        return self._threads.submit(slowly)

    def finish(self) -> None:
        self._threads.shutdown(wait=True)


def test_when_the_other_core_is_busy_this_process_renders_more(tmp_path, monkeypatch):
    # Both halves of a batch are not fixed: the export does not wait for a slow core.
    taken = []
    real = page_workers._render_piece

    def counted(setting, works, templates=None):
        taken.append((templates is not None, len(works)))
        return real(setting, works, templates)

    monkeypatch.setattr(page_workers, "_render_piece", counted)
    slow = _SlowPool()
    monkeypatch.setattr(BodyCache, "pool", lambda self: slow)
    articles = corpus()
    export(articles, tmp_path / "alone", BodyCache(workers=1))
    taken.clear()
    export(articles, tmp_path / "both", BodyCache(workers=2))
    here = sum(n for local, n in taken if local)
    assert here + sum(n for local, n in taken if not local) == len(articles)
    assert here > len(articles) // 2  # not the fixed half it was
    assert snapshot(tmp_path / "both") == snapshot(tmp_path / "alone")


def test_an_export_stopped_while_the_page_process_still_writes_leaves_nothing_behind(
    tmp_path, monkeypatch, rendered_elsewhere
):
    # Stopped right after the last article of a batch was reported, while the page
    # process is still writing the batch's first pages (made slow here): the stop
    # waits for it, and then nothing it wrote is left in the folder.
    slow = _SlowPool()
    monkeypatch.setattr(BodyCache, "pool", lambda self: slow)
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("the web team's own file", encoding="utf-8")
    before = snapshot(out)
    steps = export_bundle(
        _in_batches(corpus(), 40),
        out,
        site=SITE,
        vocabulary=VOCABULARY,
        formats=FORMATS,
        image_data=lambda sha: FERRY_IMAGE_BYTES,
        cache=BodyCache(workers=2),
    )
    reported = [next(steps) for _ in range(40)]  # the whole first batch
    steps.close()  # the window's Stop
    slow.finish()  # whatever the page process was given has ended by now
    assert reported[-1].done == 40 and rendered_elsewhere == [40]
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
