"""Subcommands about the newsroom itself: people, site profile, integrity."""

from __future__ import annotations

import argparse

from newsdesk.cli.context import open_newsroom, print_json


def users_add(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        person = newsroom.add_person(args.name, args.role)
    print(f"{person.name}\t{','.join(sorted(r.value for r in person.roles))}")
    return 0


def users_list(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        people = newsroom.people()
    if args.json:
        print_json([{"name": p.name, "roles": sorted(r.value for r in p.roles)} for p in people])
        return 0
    for p in people:
        print(f"{p.name}\t{','.join(sorted(r.value for r in p.roles))}")
    return 0


def check(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        problems = newsroom.check()
        count = newsroom.count()
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
