"""How fast the article list opens and searches, at 1,000 and 100,000 articles.

Run: python -m benchmarks.bench_article_list [--repeat 7] [--size 100000]
Prints medians of each step and the ratio large/small: the list must not grow with
the newsroom's size beyond fetching ids.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.newsroom_fixture import build, fixture_path
from newsdesk.domain.query import ArticleQuery
from newsdesk.storage.sqlite.store import SQLiteStore

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure_store(path: Path, repeat: int) -> dict[str, float]:
    store = SQLiteStore(path)
    results = {
        "open store": _median_ms(lambda: SQLiteStore(path).close(), repeat),
        "all ids, newest first": _median_ms(lambda: store.article_ids(), repeat),
        "first screen (40 rows)": _median_ms(
            lambda: store.summaries(store.article_ids()[:40]), repeat
        ),
        "ids sorted by headline": _median_ms(
            lambda: store.article_ids(ArticleQuery(sort="headline", descending=False)), repeat
        ),
        "search 'story 54321' (selective)": _median_ms(
            lambda: store.article_ids(ArticleQuery(search="54321")), repeat
        ),
        "search 'harbour' (most articles)": _median_ms(
            lambda: store.article_ids(ArticleQuery(search="harbour")), repeat
        ),
        "search 'harb' (prefix, most)": _median_ms(
            lambda: store.article_ids(ArticleQuery(search="harb")), repeat
        ),
        "search '发布会'": _median_ms(
            lambda: store.article_ids(ArticleQuery(search="发布会")), repeat
        ),
        "search '防汛 天气'": _median_ms(
            lambda: store.article_ids(ArticleQuery(search="防汛 天气")), repeat
        ),
    }
    store.close()
    return results


def measure_window(path: Path, repeat: int) -> dict[str, float]:
    """Main window shown with its list filled, as a user waits for it."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from newsdesk.gui.main_window import MainWindow
    from newsdesk.newsroom import Newsroom

    app = QApplication.instance() or QApplication([])
    settings_dir = tempfile.mkdtemp()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)

    def open_window() -> float:
        """Milliseconds from nothing to the window shown with its list painted."""
        start = time.perf_counter()
        newsroom = Newsroom.open(path)
        settings = QSettings(str(Path(settings_dir) / "bench.ini"), QSettings.Format.IniFormat)
        window = MainWindow(newsroom, str(path), "Lena Park", settings)
        window.show()
        panel = window.list_panel
        deadline = time.perf_counter() + 30
        while panel.model.rowCount() == 0 and time.perf_counter() < deadline:
            app.processEvents()
        panel.view.viewport().repaint()
        shown = (time.perf_counter() - start) * 1000
        # Closing waits for the start-up check and backup on the background thread;
        # that is not part of opening, so it is outside the measurement.
        window.close()
        window.deleteLater()
        app.processEvents()
        newsroom.close()
        return shown

    return {"window shown, list painted": statistics.median(open_window() for _ in range(repeat))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsdesk-bench"))
    parser.add_argument("--no-window", action="store_true")
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    sizes = (args.small, args.size)
    results = {}
    for size in sizes:
        start = time.perf_counter()
        path = build(fixture_path(cache, size), size)
        print(f"fixture {size:,} articles ready in {time.perf_counter() - start:.1f} s")
        results[size] = measure_store(path, args.repeat)
        if not args.no_window:
            results[size].update(measure_window(path, args.repeat))
    small, large = sizes
    print(f"\nmedian of {args.repeat} runs, milliseconds")
    print(f"{'step':32} {small:>10,} {large:>10,}  ratio")
    for step in results[small]:
        a, b = results[small][step], results[large][step]
        print(f"{step:32} {a:10.2f} {b:10.2f}  {b / a if a else float('nan'):5.1f}x")
    if args.json:
        figures = {f"{size} articles, ms": steps for size, steps in results.items()}
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
