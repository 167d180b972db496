"""The argparse definition of every subcommand (handlers live beside it)."""

from __future__ import annotations

import argparse
import os

from newsdesk import __version__
from newsdesk.cli import (
    admin_commands,
    article_commands,
    backup_commands,
    editorial_commands,
    export_command,
    import_command,
    lifecycle_commands,
    migrate_command,
    server_commands,
    watch_command,
)
from newsdesk.domain.status import Status, UserRole


def _common() -> argparse.ArgumentParser:
    # Accepted before or after the subcommand; SUPPRESS keeps the subparser from
    # overwriting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="FILE|URL",
        default=argparse.SUPPRESS,
        help="database file, or a newsroom server as postgresql://LOGIN@HOST/NEWSROOM"
        " (default: NEWSDESK_DB, else newsdesk.db in your data folder)",
    )
    return common


def _actor(parser: argparse.ArgumentParser, required_note: str = "") -> None:
    parser.add_argument(
        "--as",
        dest="actor",
        metavar="NAME",
        default=os.environ.get("NEWSDESK_USER"),
        help="who does this (default: NEWSDESK_USER; on a newsroom server, your login's"
        " person)" + required_note,
    )


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="A newsroom editor: write, approve and export articles as the site shows them."
        " With no command, opens the desktop app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    sub = parser.add_subparsers(metavar="COMMAND", title="commands")

    # users
    users = sub.add_parser("users", parents=[common], help="the people of the newsroom")
    users_sub = users.add_subparsers(metavar="ACTION", required=True)
    add = users_sub.add_parser("add", parents=[common], help="add a person, or change roles")
    add.add_argument("name")
    add.add_argument(
        "--role",
        action="append",
        required=True,
        choices=[r.value for r in UserRole],
        help="reporter, producer or web (repeat for several)",
    )
    add.add_argument(
        "--login",
        metavar="LOGIN",
        help="newsroom server only: the person's own database login (made if new; password"
        " from NEWSDESK_PASSWORD or typed)",
    )
    add.add_argument(
        "--no-password",
        action="store_true",
        help="with --login: no password (a server using peer or trust authentication)",
    )
    add.set_defaults(handler=admin_commands.users_add, owner_command=True)
    lst = users_sub.add_parser("list", parents=[common], help="list people and roles")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=admin_commands.users_list, owner_command=True)
    for action, help_text in (
        ("deactivate", "a person no longer acts (their articles and credits stay)"),
        ("activate", "a deactivated person acts again"),
    ):
        change = users_sub.add_parser(action, parents=[common], help=help_text)
        change.add_argument("name")
        _actor(change, " (on a newsroom file: an active person, not the one named)")
        change.set_defaults(
            handler=admin_commands.users_set_active, active=action == "activate", owner_command=True
        )

    import_command.register(sub, common, _actor)

    # list / show
    ls = sub.add_parser("list", parents=[common], help="list articles")
    ls.add_argument("--status", choices=[s.value for s in Status])
    ls.add_argument("--search", metavar="Q", help="full-text search (Chinese included)")
    ls.add_argument(
        "--waiting",
        action="store_true",
        help="only what waits for you (--as NAME): producers submitted, web approved and not"
        " exported, reporters their returned drafts",
    )
    _actor(ls)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=article_commands.list_articles)
    show = sub.add_parser("show", parents=[common], help="show one article")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=article_commands.show_article)

    # workflow
    for action, needs_comment, text in (
        ("submit", False, "submit a draft for approval"),
        ("approve", False, "approve a submitted article (producers)"),
        ("return", True, "return an article to its reporter with a comment (producers)"),
        ("publish", False, "mark an approved article published (web team)"),
        ("archive", False, "archive an article (read-only afterwards)"),
    ):
        p = sub.add_parser(action, parents=[common], help=text)
        p.add_argument("id", type=int)
        _actor(p)
        p.add_argument("--comment", required=needs_comment, default="", metavar="TEXT")
        if action in ("submit", "approve"):
            p.add_argument(
                "--override",
                metavar="REASON",
                help="producers: go ahead despite failed checks, recording why",
            )
        p.set_defaults(handler=article_commands.transition, action=action)

    hist = sub.add_parser("history", parents=[common], help="revisions and audit events")
    hist.add_argument("id", type=int)
    hist.add_argument("--json", action="store_true")
    hist.set_defaults(handler=article_commands.history)

    editorial_commands.register(sub, common, _actor)
    lifecycle_commands.register(sub, common, _actor)

    chk = sub.add_parser("check", parents=[common], help="check the database's integrity")
    chk.set_defaults(handler=admin_commands.check, owner_command=True)

    # site profile
    site = sub.add_parser("site", parents=[common], help="the site profile (labels, settings)")
    site_sub = site.add_subparsers(metavar="ACTION", required=True)
    site_show = site_sub.add_parser("show", parents=[common], help="show every setting")
    site_show.add_argument("--json", action="store_true")
    site_show.set_defaults(handler=admin_commands.site_show)
    site_set = site_sub.add_parser("set", parents=[common], help="change one setting")
    site_set.add_argument("key")
    site_set.add_argument("value")
    _actor(site_set)
    site_set.set_defaults(handler=admin_commands.site_set)

    export_command.register(sub, common)
    backup_commands.register(sub, common)
    server_commands.register(sub, common)
    migrate_command.register(sub, common)
    watch_command.register(sub, common)

    return parser
