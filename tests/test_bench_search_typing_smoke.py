"""CI's smoke run of benchmarks/bench_search_typing.py: the real list in two child
processes, typed into, on a tiny newsroom. No timing is asserted (docs/benchmarks.md
holds the figures); the trials must type every pair and list the same rows."""

from __future__ import annotations

from pathlib import Path

from benchmarks import bench_search_typing
from benchmarks.newsroom_fixture import build, fixture_path


def test_typing_benchmark_types_both_pairs_into_two_lists(tmp_path):
    path = str(build(fixture_path(tmp_path, 300), 300))
    here = str(Path(__file__).resolve().parents[1])
    # This checkout stands in for the older code: both must list the same rows.
    children = {
        "older": bench_search_typing._Child(here, path),
        "here": bench_search_typing._Child(here, path),
    }
    try:
        figures = bench_search_typing.interleaved(children, rounds=1)
    finally:
        for child in children.values():
            child.close()
    for second in ("ha", "发布"):
        assert figures["older"][second]["rows"] == figures["here"][second]["rows"] > 0
        timing = figures["here"][second]
        assert timing["paint_ms"]["median"] >= timing["model_ms"]["median"] > 0
