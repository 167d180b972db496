"""`newsdesk import`: article files into the newsroom, as new articles or as the next
revision of one (`--into`)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable

from newsdesk.cli.context import open_newsroom
from newsdesk.domain.errors import NewsdeskError
from newsdesk.publish.importers.files import read_article_file


def register(sub, common: argparse.ArgumentParser, add_actor: Callable) -> None:
    imp = sub.add_parser("import", parents=[common], help="import article files")
    imp.add_argument("files", nargs="+", metavar="FILE")
    add_actor(imp)
    imp.add_argument("--encoding", help="the files' text encoding (default: UTF-8)")
    imp.add_argument("--into", type=int, metavar="ID", help="make the file a new revision of ID")
    imp.add_argument(
        "--expect-revision",
        type=int,
        metavar="N",
        help="with --into: refuse if ID is no longer at revision N",
    )
    imp.set_defaults(handler=import_files)


def import_files(args: argparse.Namespace) -> int:
    if args.expect_revision is not None and args.into is None:
        raise NewsdeskError("--expect-revision goes with --into ID")
    if args.into is not None and len(args.files) != 1:
        raise NewsdeskError("--into ID takes exactly one file")
    failures = 0
    with open_newsroom(args) as newsroom:
        person = newsroom.person(args.actor)
        site, vocabulary = newsroom.site(), newsroom.vocabulary()
        known = [p.name for p in newsroom.people()]
        for path in args.files:
            # Each file stands alone: one refused file does not stop the others.
            try:
                parsed = read_article_file(
                    path,
                    site=site,
                    vocabulary=vocabulary,
                    known_people=known,
                    encoding=args.encoding,
                )
                if args.into is not None:
                    # Without --expect-revision the file becomes the next revision of
                    # whatever is newest, read and written in one unit of work.
                    stored = newsroom.replace_content(
                        args.into,
                        parsed,
                        actor=person.name,
                        expected_revision=args.expect_revision,
                    )
                else:
                    stored = newsroom.create_article(
                        dataclasses.replace(parsed, slug=""), actor=person.name
                    )
            except NewsdeskError as exc:
                failures += 1
                message = str(exc)
                if not message.startswith(str(path)):
                    message = f"{path}: {message}"
                print(f"newsdesk: {message}", file=sys.stderr)
                continue
            print(f"{stored.id}\t{stored.headline}")
    if failures:
        print(
            f"newsdesk: {failures} of {len(args.files)} file(s) refused; nothing was written"
            " for them",
            file=sys.stderr,
        )
    return 1 if failures else 0
