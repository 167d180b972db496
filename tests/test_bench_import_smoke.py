"""CI's smoke run of the import benchmark (benchmarks/bench_import.py) on a few pages:
every page stored by the command, on both engines; no timing asserted."""

from __future__ import annotations

import pytest

from benchmarks import bench_import


def test_import_benchmark_stores_every_page_in_a_file_and_on_a_server(pg_server):
    figures = bench_import.run(
        pages=3, repeat=1, engines=["sqlite", "postgres"], before=None, cluster=pg_server
    )
    assert figures["sqlite: newsdesk"] > 0
    assert figures["postgres: newsdesk"] > 0
    assert figures["sqlite: newsdesk CPU"] > 0  # the command's own processes, counted


def test_import_benchmark_refuses_a_figure_for_pages_not_stored(tmp_path):
    db = str(tmp_path / "newsroom.db")
    with pytest.raises(RuntimeError, match="holds 0 articles, not 2"):
        bench_import._check_count(db, 2)
