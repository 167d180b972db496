"""Subcommands of the editorial history: diff, revert, comment."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from newsdesk.cli.context import open_newsroom


def register(sub, common: argparse.ArgumentParser, add_actor: Callable) -> None:
    diff = sub.add_parser("diff", parents=[common], help="unified diff of two revisions")
    diff.add_argument("id", type=int)
    diff.add_argument("rev_a", type=int, metavar="REV_A")
    diff.add_argument("rev_b", type=int, metavar="REV_B")
    diff.set_defaults(handler=diff_revisions)

    revert = sub.add_parser("revert", parents=[common], help="restore a revision as a new one")
    revert.add_argument("id", type=int)
    revert.add_argument("revision", type=int, metavar="REV")
    add_actor(revert)
    revert.set_defaults(handler=revert_revision)

    comment = sub.add_parser(
        "comment", parents=[common], help="add an editorial note (never exported)"
    )
    comment.add_argument("id", type=int)
    comment.add_argument("text")
    comment.add_argument("--reply-to", type=int, metavar="COMMENT_ID", help="answer a comment")
    add_actor(comment)
    comment.set_defaults(handler=add_comment)


def diff_revisions(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        text = newsroom.diff(args.id, args.rev_a, args.rev_b)
    sys.stdout.write(text)
    return 0


def revert_revision(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        article = newsroom.revert(args.id, args.revision, actor=args.actor)
    print(f"{article.id}\trevision {article.revision}\t{article.status.value}")
    return 0


def add_comment(args: argparse.Namespace) -> int:
    with open_newsroom(args) as newsroom:
        comment = newsroom.comment(args.id, args.text, actor=args.actor, parent_id=args.reply_to)
    print(f"{comment.id}\t{comment.author}")
    return 0
