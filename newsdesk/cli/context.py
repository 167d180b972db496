"""Opening the newsroom a command works on, and printing helpers."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from newsdesk.newsroom import Newsroom


def ask_password(prompt: str) -> str | None:
    """The password, typed on the terminal (never echoed); None without a terminal."""
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(prompt)
    except EOFError:
        return None


@contextmanager
def open_newsroom(args: argparse.Namespace) -> Iterator[Newsroom]:
    newsroom = Newsroom.open(args.db, ask_password=ask_password)
    try:
        login = newsroom.login
        if login is not None and login.bypasses_rules and not getattr(args, "owner_command", 0):
            # Desks never connect as the owner: the server's own rules let it through.
            print(
                f"newsdesk: warning: connected as {login.name}, the owner of this newsroom"
                " database (or a superuser), which the server's rules do not hold; desks"
                " connect with their own login (`newsdesk users add NAME --role ROLE"
                " --login LOGIN`)",
                file=sys.stderr,
            )
        yield newsroom
    finally:
        newsroom.close()


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")
