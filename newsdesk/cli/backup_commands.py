"""`newsdesk backup` and `newsdesk restore`: safe copies of the database and back. A
newsroom file is copied with SQLite's online backup; a newsroom server with pg_dump and
pg_restore (custom format), as its owner."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsdesk.cli.context import ask_password
from newsdesk.domain.errors import NewsdeskError, StorageError
from newsdesk.newsroom.paths import default_target
from newsdesk.newsroom.team import is_server, readable_location


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = sub.add_parser(
        "backup",
        parents=[common],
        help="copy the database safely, even while it is in use",
        description="Copy the database with SQLite's online backup API into one checked"
        " file: by default a timestamped file in the backups folder beside the database."
        " A newsroom server is backed up with pg_dump (custom format, as the database's"
        " owner) into a checked archive: by default a timestamped .dump file in"
        " server-backups in your data folder.",
    )
    backup.add_argument("--out", metavar="FILE", help="where to write the backup")
    backup.set_defaults(handler=run_backup)

    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="replace the database by a backup (the current one is kept aside)",
        description="Check FILE, keep the current database aside beside it under a"
        " timestamped name, then put FILE in its place. On a newsroom server: check the"
        " archive, back the newsroom up as it is, restore FILE with pg_restore in one"
        " transaction, and set its groups and rules again (server init).",
    )
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=run_restore)


def _database(args: argparse.Namespace) -> Path | str:
    # A server URL stays a string: Path() would fold its `//`.
    target = args.db or default_target()
    return target if is_server(target) else Path(target)


def run_backup(args: argparse.Namespace) -> int:
    # Loaded by the backup commands only: SQLite's backup and its compressors cost
    # every other command a fiftieth of a second of start-up.
    from newsdesk.newsroom import backups

    path = backups.backup(_database(args), args.out, ask_password=ask_password)
    print(path)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from newsdesk.newsroom import backups

    database = _database(args)
    backup = Path(args.file)
    server = is_server(database)
    # Check before asking: nobody should confirm the restore of an unusable file.
    problems = backups.check_backup(backup, for_server=server)
    if problems:
        raise StorageError(
            f"{backup} is not a usable newsdesk backup ({problems[0]}); nothing was changed"
        )
    where = readable_location(database)
    if not args.yes and not _confirmed(where, backup, server):
        return 1
    kept = backups.restore(backup, database, ask_password=ask_password)
    print(f"restored {where} from {backup}")
    if kept is not None:
        print(f"the previous {'newsroom' if server else 'database'} is kept as {kept}")
    return 0


def _confirmed(database: str, backup: Path, server: bool) -> bool:
    if not sys.stdin.isatty():
        raise NewsdeskError(
            f"restoring replaces {database} with {backup}: add --yes to confirm"
            " (nothing was changed)"
        )
    kept = (
        "The newsroom as it is now is backed up first."
        if server
        else "The current database is kept aside."
    )
    try:
        answer = input(f"Replace {database} with {backup}? {kept} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() in ("y", "yes"):
        return True
    print("newsdesk: restore cancelled; nothing was changed", file=sys.stderr)
    return False
