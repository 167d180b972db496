"""How fast the web team's export runs, and what it costs in memory.

Run: python -m benchmarks.bench_export [--articles 1000] [--repeat 3]
Medians of each step: a first export, an export where nothing changed (nothing may
be written), and an export after a template change (pages re-rendered from the
body cache, no Markdown conversion). Ratios compare the steps within one run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from newsdesk.domain.article import Article, Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import Status
from newsdesk.newsroom.paths import APP_NAME
from newsdesk.publish.export.body_cache import BodyCache
from newsdesk.publish.export.bundle import export_bundle
from newsdesk.publish.formats.page_html import PageTemplates

PARAGRAPH = (
    "The council voted on Tuesday to extend the harbour ferry service through the winter,"
    " after a petition signed by *four thousand* commuters. Timetables follow next week."
)


def _articles(count: int) -> list[Article]:
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return [
        Article(
            id=i + 1,
            slug=f"harbour-story-{i + 1}",
            headline=f"Harbour ferry keeps running, story {i + 1}",
            kicker="Transport" if i % 3 else "",
            date=dt.date(2026, 1, 1) + dt.timedelta(days=i % 200),
            body="\n\n".join([PARAGRAPH] * 6),
            credits=[Credit("Reporter", ("Lena Park",)), Credit("Photography", ("Ivo Brandt",))],
            status=Status.APPROVED,
            revision=2,
            approved_revision=2,
            created_by="Lena Park",
            created_at=base,
            updated_at=base + dt.timedelta(minutes=i),
        )
        for i in range(count)
    ]


def _run(articles, out, formats, templates, cache) -> tuple[float, int]:
    start = time.perf_counter()
    written = 0
    for progress in export_bundle(
        articles,
        out,
        site=SiteProfile(),
        vocabulary=CreditVocabulary(),
        formats=formats,
        templates=templates,
        cache=cache,
    ):
        written += len(progress.files_written)
    return time.perf_counter() - start, written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = _articles(args.articles)
    formats = ("html", "text", "ninjs", "md")
    steps: dict[str, list[float]] = {"first": [], "unchanged": [], "template changed": []}
    files: dict[str, int] = {}
    for _ in range(args.repeat):
        work = Path(tempfile.mkdtemp(prefix=f"{APP_NAME}-bench-"))
        root = work / "resources"
        for part in ("templates", "site"):
            shutil.copytree(Path(str(PageTemplates().root / part)), root / part)
        templates = PageTemplates(root)
        cache = BodyCache()
        out = work / "site"
        seconds, files["first"] = _run(articles, out, formats, templates, cache)
        steps["first"].append(seconds)
        seconds, files["unchanged"] = _run(articles, out, formats, templates, cache)
        steps["unchanged"].append(seconds)
        page = root / "templates" / "article.html"
        page.write_text(page.read_text(encoding="utf-8") + "\n<!-- v2 -->\n", encoding="utf-8")
        changed = PageTemplates(root)
        seconds, files["template changed"] = _run(articles, out, formats, changed, cache)
        steps["template changed"].append(seconds)
        shutil.rmtree(work)
    first = statistics.median(steps["first"])
    print(f"{args.articles:,} articles x {len(formats)} formats, median of {args.repeat} runs")
    for step, times in steps.items():
        median = statistics.median(times)
        print(f"{step:18} {median:7.2f} s  {files[step]:6,} files  {median / first:5.2f}x first")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
