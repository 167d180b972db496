"""`newsdesk export`: write articles into a folder the web team publishes as it is.

Which articles: the IDs named (whatever their status), plus every article of each
`--status` given. With neither, the articles that are ready for the site: approved and
published. The folder's index and manifest list exactly the articles of the last
export, so a web team that keeps one site folder runs the plain `newsdesk export --out
DIR` each time: unchanged articles cost nothing (the export is incremental).

Output: a progress bar on stderr when stderr is a terminal, then one summary line on
stdout. Every article whose files were written gets an `export` event in the audit
log, naming its revision and the folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from newsdesk.cli.context import open_newsroom
from newsdesk.domain.errors import InvalidInputError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import Status
from newsdesk.newsroom import Newsroom
from newsdesk.publish.export.format_names import FORMAT_ALIASES, FORMAT_FILES

if TYPE_CHECKING:  # the exporters load when an export runs, not for every command
    from newsdesk.publish.export.bundle import ExportProgress
    from newsdesk.publish.export.selection import ArticleSelection


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    formats = ", ".join([*FORMAT_FILES, *FORMAT_ALIASES])
    export = sub.add_parser(
        "export",
        parents=[common],
        help="export articles as site pages and exchange formats into a folder",
        description="Write articles into DIR as the site shows them, with index.html,"
        " site.css, their images and manifest.json. Named IDs are exported whatever"
        " their status; --status adds every article of that status. With neither, the"
        " articles ready for the site are exported: approved and published ones. The"
        " index and manifest list the articles of this export only (files of others stay"
        " in DIR), so keep one folder for the site and export the same selection each"
        " time: only what changed is written again.",
    )
    export.add_argument("ids", nargs="*", type=int, metavar="ID", help="articles to export")
    export.add_argument(
        "--status",
        action="append",
        choices=[s.value for s in Status],
        help="also export every article of this status (repeat for several;"
        " default without IDs: approved and published)",
    )
    export.add_argument(
        "--out", required=True, metavar="DIR", help="the export folder (created if missing)"
    )
    export.add_argument(
        "--format",
        dest="formats",
        action="append",
        metavar="FORMATS",
        help=f"comma-separated, repeatable: {formats} (default: html)",
    )
    export.add_argument(
        "--fragment",
        action="store_true",
        help="html: write only the article part of each page, for pasting into a CMS",
    )
    export.add_argument(
        "--as",
        dest="actor",
        metavar="NAME",
        help="who exports: someone of the web team (default: NEWSDESK_USER)",
    )
    export.set_defaults(handler=run_export)


@dataclass
class ExportSummary:
    articles: int = 0
    files_written: int = 0
    unchanged: int = 0
    written_articles: list[int] = field(default_factory=list)


def run_export(args: argparse.Namespace) -> int:
    from newsdesk.publish.export.bundle import normalize_formats  # the exporters, now

    formats = normalize_formats(_split_formats(args.formats or ["html"]))
    if args.fragment and "html" not in formats:
        raise InvalidInputError("--fragment shapes the html pages; add html to --format")
    out = Path(args.out)
    with open_newsroom(args) as newsroom:
        actor = _actor(newsroom, args.actor)
        articles = _selected_articles(newsroom, args.ids, args.status)
        summary = ExportSummary(articles=len(articles))
        # The newsroom records an `export` event for each article written, once the
        # files are in place.
        steps = newsroom.export_articles(
            articles, out, actor=actor, formats=formats, fragment=args.fragment
        )
        bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
        # closing(): on Ctrl+C the generator's cleanup removes its temporary files now.
        with closing(steps):
            try:
                for step in steps:
                    _count(summary, step)
                    if bar is not None:
                        bar.show(step)
            finally:
                if bar is not None:
                    bar.finish()
    noun = "article" if summary.articles == 1 else "articles"
    print(
        f"exported {summary.articles} {noun} ({summary.files_written} files written,"
        f" {summary.unchanged} unchanged) to {out}"
    )
    return 0


def _split_formats(values: Iterable[str]) -> list[str]:
    return [part for value in values for part in value.split(",") if part.strip()]


def _actor(newsroom: Newsroom, given: str | None) -> str:
    # The newsroom checks that this person may export (the web team), before any
    # file is written.
    name = given if given is not None else os.environ.get("NEWSDESK_USER")
    return newsroom.person(name).name


def _selected_articles(
    newsroom: Newsroom, ids: list[int], statuses: list[str] | None
) -> ArticleSelection:
    wanted = [Status.parse(s) for s in statuses or ()]
    if not ids and not wanted:
        # What the site carries, each at its approved revision (an article being
        # corrected after approval keeps its approved text on the site).
        articles = newsroom.site_selection()
        if not len(articles):
            raise InvalidInputError(
                "no article is approved or published: nothing exported, the export folder"
                " is as it was"
            )
        return articles
    chosen = list(dict.fromkeys(ids))  # named first, each once
    if wanted:
        found = newsroom.find(ArticleQuery(statuses=tuple(wanted), sort="id", descending=False))
        chosen.extend(i for i in found if i not in set(ids))
    if not chosen:
        which = " or ".join(s.value for s in wanted)
        raise InvalidInputError(
            f"no article is {which}: nothing exported, the export folder is as it was"
        )
    return newsroom.selection(chosen)


def _count(summary: ExportSummary, step: ExportProgress) -> None:
    summary.files_written += len(step.files_written)
    if step.article_id is None:
        return
    if step.files_written:
        summary.written_articles.append(step.article_id)
    else:
        summary.unchanged += 1


class ProgressBar:
    """A one-line bar redrawn in place on a terminal: `[####    ] 12/40 slug`."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._drawn = False

    def show(self, step: ExportProgress) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        count = f" {step.done}/{step.total} "
        bar_width = max(10, min(40, width // 3))
        filled = bar_width * step.done // step.total if step.total else bar_width
        line = f"[{'#' * filled}{' ' * (bar_width - filled)}]{count}{step.current}"
        # Stay within one terminal line, so \r returns to the start of the bar.
        line = line[: max(1, width - 1)]
        self.stream.write("\r" + line.ljust(max(1, width - 1)))
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
