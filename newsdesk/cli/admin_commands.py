"""Subcommands about the newsroom itself: people, site profile, integrity."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from newsdesk.cli.context import open_newsroom, print_json
from newsdesk.domain.errors import InvalidInputError

PASSWORD_ENV = "NEWSDESK_PASSWORD"


def users_add(args: argparse.Namespace) -> int:
    login = getattr(args, "login", None)
    with open_newsroom(args) as newsroom:
        password = None
        if login is not None and newsroom.login is not None:
            password = _new_password(login, none_wanted=args.no_password)
        person = newsroom.add_person(args.name, args.role, login=login, password=password)
    line = f"{person.name}\t{','.join(sorted(r.value for r in person.roles))}"
    print(line + (f"\tlogin {login}" if login else ""))
    return 0


def _new_password(login: str, *, none_wanted: bool) -> str | None:
    """The new login's password: NEWSDESK_PASSWORD, else typed twice on a terminal;
    none with --no-password (a server using peer or trust authentication)."""
    if none_wanted:
        return None
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise InvalidInputError(
            f"the login {login} needs a password: set {PASSWORD_ENV}, or pass --no-password"
            " where the server uses peer or trust authentication (nothing was changed)"
        )
    first = getpass.getpass(f"New password for {login}: ")
    if not first:
        raise InvalidInputError("no password typed (use --no-password for none); nothing changed")
    if getpass.getpass(f"Again, password for {login}: ") != first:
        raise InvalidInputError("the two passwords differ; nothing was changed")
    return first


def users_list(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        people = newsroom.people()
    if args.json:
        print_json(
            [
                {"name": p.name, "roles": sorted(r.value for r in p.roles), "active": p.active}
                for p in people
            ]
        )
        return 0
    for p in people:
        roles = ",".join(sorted(r.value for r in p.roles))
        print(f"{p.name}\t{roles}" + ("" if p.active else "\tdeactivated"))
    return 0


def users_set_active(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        person = newsroom.set_person_active(args.name, args.active, actor=args.actor or "")
    print(f"{person.name}\t{'active' if person.active else 'deactivated'}")
    return 0


def check(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        problems = newsroom.check()
        # Counting reads every article row: a damaged file may fail it, and the
        # problems found are the answer then.
        count = 0 if problems else newsroom.count()
        path = newsroom.location
    if problems:
        for problem in problems:
            print(f"problem: {problem}")
        print(f"verdict: DAMAGED - {len(problems)} problem(s) in {path}")
        return 1
    print(
        f"verdict: OK - {path}: {count} article(s), integrity, revisions, search index"
        " and audit chain all check out"
    )
    return 0


def site_show(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        profile = newsroom.site().to_dict()
    if args.json:
        print_json(profile)
        return 0
    for key, value in profile.items():
        print(f"{key}\t{value}")
    return 0


def site_set(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        person = newsroom.person(args.actor)
        profile = newsroom.set_site_setting(args.key, args.value, actor=person.name)
    print(f"{args.key}\t{getattr(profile, args.key)}")
    return 0
