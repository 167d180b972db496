"""`newsdesk server init`: set up (or upgrade) a newsroom on a PostgreSQL server."""

from __future__ import annotations

import argparse

from newsdesk.newsroom.paths import default_target
from newsdesk.newsroom.team import init_server


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    server = sub.add_parser(
        "server", parents=[common], help="a newsroom on a PostgreSQL server (a team base)"
    )
    server_sub = server.add_subparsers(metavar="ACTION", required=True)
    init = server_sub.add_parser(
        "init",
        parents=[common],
        help="create or upgrade the newsroom on the server (run as the database's owner)",
        description="Create or upgrade the newsroom schema in the database --db names, and"
        " its group roles for reporters, producers and the web team, with the rules the"
        " database enforces. Run it as the database's owner (a login that may create"
        " roles); running it again is safe.",
    )
    init.set_defaults(handler=run_init, owner_command=True)


def run_init(args: argparse.Namespace) -> int:
    report = init_server(args.db or default_target())
    if report.schema_before == report.schema_now:
        print(f"newsroom {report.database}: schema {report.schema_now}, already up to date")
    elif report.schema_before == 0:
        print(f"newsroom {report.database}: created, schema {report.schema_now}")
    else:
        print(
            f"newsroom {report.database}: upgraded from schema {report.schema_before}"
            f" to {report.schema_now}"
        )
    for role, group in report.group_roles.items():
        print(f"group\t{role}\t{group}")
    return 0
