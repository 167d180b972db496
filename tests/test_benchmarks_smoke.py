"""CI's smoke run of the benchmark suite: each benchmark's own code on a tiny corpus.

The full runs (docs/benchmarks.md) take tens of minutes at 100,000 articles; these
check that the suite still runs against today's code and that what it measures is
real work (every page written, every key typed, both engines finding the same). No
timing is asserted here: speed targets live in the benchmarks' figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import bench_export, bench_launches, bench_search_engines, bench_typing
from benchmarks.newsroom_fixture import build, fixture_path


def test_export_benchmark_imports_exports_and_builds_the_pelican_peer(tmp_path):
    args = argparse.Namespace(
        pages=4, sizes="6", repeat=1, before=None, before_sizes="", cache=str(tmp_path)
    )
    figures = bench_export.run(args)
    pages = figures["4 pages"]
    for step in (
        "newsdesk: import",
        "newsdesk: import + first export",
        "newsdesk: unchanged to a new folder",
        "pelican: build",
        "python-markdown alone",
        "the files alone",
        "newsdesk: one article's export",
        "the pages rendered alone: CPU",
    ):
        assert pages[step] > 0, step
    site = figures["newsdesk: 6 articles"]
    assert site["no-op re-export MB"] > 0


def test_the_launch_benchmarks_pyside_floor_is_a_window_shown_and_painted(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    command = [sys.executable, "-c", bench_launches.BARE_WINDOW, "PySide6"]
    wall, cpu = bench_launches._run_until_shown(command, env)
    assert cpu > 0 and 0 < wall < bench_launches.WINDOW_TIMEOUT_S
    shown = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert shown.stdout.split() == ["shown"]


def test_export_benchmark_refuses_a_figure_for_pages_not_written(tmp_path):
    (tmp_path / "a.html").write_text("<p>one</p>", encoding="utf-8")
    with pytest.raises(RuntimeError, match="1 article pages written, not 2"):
        bench_export._check_pages(tmp_path, 2)


@pytest.mark.parametrize("target", ["newsdesk", "bare QTextEdit"])
def test_typing_harness_types_every_key_into_the_real_window(target):
    command, env = bench_typing.targets(None, None)[target]
    reading = bench_typing.one(command, env, words=300, keys=5, stall_keys=12)
    assert reading["characters_added"] == 5 + 12
    assert reading["key_median_ms"] > 0
    assert reading["longest_stall_ms"] is not None


def test_typing_targets_leave_out_retext_without_its_virtualenv(tmp_path):
    assert "ReText" not in bench_typing.targets(str(tmp_path / "none"), None)
    assert "newsdesk before" in bench_typing.targets(None, str(tmp_path))


def test_launch_benchmark_shows_every_window_also_when_launches_overlap(tmp_path):
    for overlap in (False, True):
        result = bench_launches.run(2, size=5, load=0, cache=tmp_path, overlap=overlap)
        assert result["shown"] == 2, result["failures"]
        assert result["failures"] == []


def test_search_benchmark_finds_the_same_on_both_engines(tmp_path, pg_newsroom):
    from newsdesk.storage.open import open_store

    store = open_store(str(build(fixture_path(tmp_path, 40), 40)))
    try:
        sqlite = bench_search_engines.measure(store, repeat=1)
    finally:
        store.close()
    store = open_store(pg_newsroom.url)
    try:
        bench_search_engines.fill(store, 40)
        postgres = bench_search_engines.measure(store, repeat=1)
    finally:
        store.close()
    assert {q: r["found"] for q, r in sqlite.items()} == {
        q: r["found"] for q, r in postgres.items()
    }
    assert sqlite["word in most articles 'harbour'"]["found"] > 0
    assert sqlite["Chinese, in a fifth '发布会'"]["found"] > 0


def test_article_list_benchmark_measures_a_tiny_newsroom(tmp_path):
    from benchmarks.bench_article_list import measure_store

    path = build(fixture_path(tmp_path, 20), 20)
    results = measure_store(path, repeat=1)
    assert set(results) >= {"all ids, newest first", "first screen (40 rows)"}
    assert results["all ids, newest first"] > 0


def test_search_benchmark_times_an_older_newsdesk_in_a_child_process(tmp_path):
    from newsdesk.storage.open import open_store

    path = str(build(fixture_path(tmp_path, 20), 20))
    # This checkout stands in for the older code: the child must find what we find.
    child = bench_search_engines._Child(str(Path(__file__).resolve().parents[1]), path)
    here = bench_search_engines._InProcess(open_store(path))
    try:
        figures = bench_search_engines.interleaved({"older": child, "here": here}, repeat=1)
    finally:
        child.close()
        here.close()
    found = {name: {q: r["found"] for q, r in f.items()} for name, f in figures.items()}
    assert found["older"] == found["here"]
    assert figures["here"]["word in most articles 'harbour'"]["found"] > 0
