"""Subcommands for an article's address and junk drafts: address, delete."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from newsdesk.cli.context import open_newsroom


def register(sub, common: argparse.ArgumentParser, add_actor: Callable) -> None:
    address = sub.add_parser(
        "address",
        parents=[common],
        help="show or change an article's web address (its slug)",
    )
    address.add_argument("id", type=int)
    address.add_argument("slug", nargs="?", help="the new address; without it, show it")
    add_actor(address)
    address.set_defaults(handler=change_address)

    delete = sub.add_parser(
        "delete", parents=[common], help="delete a draft never submitted (its creator)"
    )
    delete.add_argument("id", type=int)
    add_actor(delete)
    delete.set_defaults(handler=delete_draft)


def change_address(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        if args.slug is None:
            article = newsroom.article(args.id)
            former = [f.slug for f in newsroom.former_slugs(args.id) if f.published]
        else:
            article = newsroom.change_slug(args.id, args.slug, actor=args.actor)
            former = []
        url = newsroom.web_address(article)
    print(f"{article.id}\t{article.slug}\t{url}")
    for slug in former:
        print(f"redirect\t{slug}")
    return 0


def delete_draft(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        newsroom.delete_draft(args.id, actor=args.actor)
    print(f"{args.id}\tdeleted")
    return 0
