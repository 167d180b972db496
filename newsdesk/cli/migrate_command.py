"""`newsdesk migrate SRC.db URL`: move a newsroom file onto a newsroom server."""

from __future__ import annotations

import argparse

from newsdesk.cli.context import ask_password
from newsdesk.newsroom.team import migrate_to_server


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    migrate = sub.add_parser(
        "migrate",
        parents=[common],
        help="copy a newsroom file onto an empty newsroom server (run as its owner)",
        description="Copy the newsroom file SRC into the newsroom server URL names:"
        " people, articles with their ids, every revision, comments, images, settings and"
        " the audit log with its hashes, in one transaction. SRC must pass `newsdesk"
        " check`; URL must be initialised (`server init`) and empty, and reached as the"
        " database's owner. Nothing is written when either is refused. SRC is only read.",
    )
    migrate.add_argument("source", metavar="SRC", help="the newsroom file (.db) to copy")
    migrate.add_argument("target", metavar="URL", help="postgresql://OWNER@HOST/NEWSROOM")
    migrate.set_defaults(handler=run_migrate)


def run_migrate(args: argparse.Namespace) -> int:
    report = migrate_to_server(args.source, args.target, ask_password=ask_password)
    counts = report.counts
    print(f"migrated {report.source} to {report.target}")
    for table in ("people", "articles", "revisions", "comments", "images", "settings", "audit"):
        print(f"{table}\t{counts.get(table, 0)}")
    print(
        "next: give each person a login (`newsdesk --db URL users add NAME --role ROLE"
        " --login LOGIN`)"
    )
    return 0
