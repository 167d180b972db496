"""`newsdesk import`: article files into the newsroom, as new articles or as the next
revision of one (`--into`); with `--dry-run`, only what each file would become.

`--dry-run` writes nothing: it reads the newsroom's site profile, credit vocabulary
and people when the database exists (and makes none when it does not: the defaults
are used), then prints per file the import report (`publish/importers/report.py`):
fields, credits, keywords, how many paragraphs and images, the notes, and what was
left out and why. `--json` prints the reports as a JSON list, one object per file in
the order given; a refused file is `{"file": ..., "refused": message}`. The exit
status is 1 when any file was refused, as for a real import.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.cli.context import open_newsroom, print_json
from newsdesk.domain.article import Article
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import NewsdeskError
from newsdesk.domain.site import SiteProfile
from newsdesk.newsroom.paths import default_database_path

if TYPE_CHECKING:  # Python-Markdown loads when files are imported, not for every command
    from newsdesk.publish.importers.report import ImportReport

# Files parsed before their articles are stored together (one unit of work).
IMPORT_BATCH = 200
# While the reading process is behind, the files read so far are stored from this
# many on: the storing process works instead of waiting for a whole batch, and the
# last batch, stored after the last file is read, stays small.
STORE_WHILE_WAITING_FROM = 50


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
    imp.add_argument(
        "--merge",
        action="store_true",
        help="with --into and --expect-revision: when ID moved on since revision N, merge"
        " the file's changes with the newer revision's if they do not overlap (else refuse,"
        " naming the paragraphs both changed)",
    )
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help="write nothing: show what each file would become and what would be left out",
    )
    imp.add_argument("--json", action="store_true", help="with --dry-run: print JSON")
    imp.set_defaults(handler=import_files)


def import_files(args: argparse.Namespace) -> int:
    from newsdesk.publish.importers.many_files import ReadingStopped, early_reader, read_files

    if args.dry_run:
        return preview_files(args)
    if args.json:
        raise NewsdeskError("--json goes with --dry-run (an import prints ID<TAB>headline)")
    if args.expect_revision is not None and args.into is None:
        raise NewsdeskError("--expect-revision goes with --into ID")
    if args.merge and (args.into is None or args.expect_revision is None):
        raise NewsdeskError(
            "--merge goes with --into ID --expect-revision N (the revision the file started from)"
        )
    if args.into is not None and len(args.files) != 1:
        raise NewsdeskError("--into ID takes exactly one file")
    failures = 0

    def refused(path: str, exc: NewsdeskError) -> None:
        nonlocal failures
        failures += 1
        message = str(exc)
        if not message.startswith(str(path)):
            message = f"{path}: {message}"
        print(f"newsdesk: {message}", file=sys.stderr)

    # The reading process starts before the newsroom opens: its interpreter and
    # readers load meanwhile, on the other core.
    with early_reader(len(args.files)) as reader, open_newsroom(args) as newsroom:
        person = newsroom.person(args.actor)
        site, vocabulary = newsroom.site(), newsroom.vocabulary()
        known = [p.name for p in newsroom.people()]
        # New articles are stored a batch at a time (one unit of work each, the same
        # rules per article); each file stands alone: one refused file does not stop
        # the others, and nothing is written for it.
        pending: list[tuple[str, Article, str]] = []

        def store_pending() -> None:
            results = newsroom.create_articles(
                [a for _, a, _ in pending],
                actor=person.name,
                slug_bases=[base for _, _, base in pending],
            )
            for (path, _, _), result in zip(pending, results, strict=True):
                if isinstance(result, NewsdeskError):
                    refused(path, result)
                else:
                    print(f"{result.id}\t{result.headline}")
            pending.clear()

        def one_file(path: str, report) -> None:
            try:
                if isinstance(report, NewsdeskError):
                    raise report
                parsed = report.article
                # Pictures that came inside the file (Word): stored by content hash,
                # so storing one twice or for an import refused later is harmless.
                for image in report.images:
                    newsroom.put_image(image.data, image.media_type)
                merged = None
                if args.merge:
                    saved = newsroom.merge_save(
                        args.into, parsed, actor=person.name, base_revision=args.expect_revision
                    )
                    stored, merged = saved.article, saved
                elif args.into is not None:
                    # Without --expect-revision the file becomes the next revision of
                    # whatever is newest, read and written in one unit of work.
                    stored = newsroom.replace_content(
                        args.into,
                        parsed,
                        actor=person.name,
                        expected_revision=args.expect_revision,
                    )
                else:
                    pending.append((path, dataclasses.replace(parsed, slug=""), report.slug_base))
                    if len(pending) >= IMPORT_BATCH:
                        store_pending()
                    return
            except NewsdeskError as exc:
                refused(path, exc)
                return
            print(f"{stored.id}\t{stored.headline}")
            if merged is not None:
                print(_merge_line(merged, person.name))

        def while_waiting(all_read: bool) -> None:
            if len(pending) >= STORE_WHILE_WAITING_FROM or (all_read and pending):
                store_pending()

        reports = read_files(
            args.files,
            site=site,
            vocabulary=vocabulary,
            known_people=known,
            encoding=args.encoding,
            while_waiting=while_waiting,
            reader=reader,
        )
        stopped = None
        try:
            for path, report in zip(args.files, reports, strict=True):
                one_file(path, report)
        except ReadingStopped as error:  # what was read before it stopped is kept
            stopped = error
        if pending:
            store_pending()
    if stopped is not None:
        unread = args.files[stopped.first_unread]
        after = len(args.files) - stopped.first_unread - 1
        print(
            f"newsdesk: {stopped} before {unread}: that file and the {after} after it were"
            " not imported (the ones listed above were)",
            file=sys.stderr,
        )
    if failures:
        print(
            f"newsdesk: {failures} of {len(args.files)} file(s) refused; nothing was written"
            " for them",
            file=sys.stderr,
        )
    return 1 if failures or stopped is not None else 0


def import_file(*args, **kwargs):
    """The importers, loaded only by the commands that read files: Word's (mammoth,
    BeautifulSoup) cost every other command about half a second of start-up."""
    from newsdesk.publish.importers.files import import_file as read

    return read(*args, **kwargs)


def _merge_line(saved, actor: str) -> str:
    if saved.merge is None:
        return f"saved as revision {saved.article.revision}"
    theirs = saved.theirs
    who = theirs.content_updated_by or theirs.updated_by
    return (
        f"merged into revision {saved.article.revision} with revision {theirs.revision}:"
        f" {saved.merge.summary(actor, who)}"
    )


def preview_files(args: argparse.Namespace) -> int:
    """`import --dry-run`: the import report of every file, nothing written."""
    if args.into is not None or args.expect_revision is not None or args.merge:
        raise NewsdeskError(
            "--dry-run shows new articles; it takes no --into, --expect-revision or --merge"
        )
    database = Path(getattr(args, "db", None) or default_database_path())
    if database.exists():
        with open_newsroom(args) as newsroom:
            site, vocabulary = newsroom.site(), newsroom.vocabulary()
            known = [p.name for p in newsroom.people()]
    else:  # opening would create the database: a dry run uses the defaults instead
        site, vocabulary, known = SiteProfile(), CreditVocabulary(), []
    results: list[dict] = []
    failures = 0
    for path in args.files:
        try:
            report = import_file(
                path, site=site, vocabulary=vocabulary, known_people=known, encoding=args.encoding
            )
        except NewsdeskError as exc:
            failures += 1
            message = str(exc)
            if not message.startswith(str(path)):
                message = f"{path}: {message}"
            results.append({"file": str(path), "refused": message})
            if not args.json:
                print(f"newsdesk: {message}", file=sys.stderr)
            continue
        results.append(report.to_json())
        if not args.json:
            _print_report(report)
    if args.json:
        print_json(results)
    return 1 if failures else 0


def _print_report(report: ImportReport) -> None:
    data = report.to_json()
    fields = data["fields"]
    title = f"{fields['kicker']}丨{fields['headline']}" if fields["kicker"] else fields["headline"]
    print(f"{data['file']} ({data['format']}): {title}")
    print(f"  section: {' > '.join(fields['section'])}  date: {fields['date'] or '-'}")
    for credit in data["credits"]:
        print(f"  {credit['role']}: {', '.join(credit['names'])}")
    if data["keywords"]:
        print(f"  keywords: {', '.join(data['keywords'])}")
    print(f"  {data['paragraphs']} paragraph(s), {data['images']} image(s)")
    for note in data["notes"]:
        print(f"  note: {note}")
    for item in data["left_out"]:
        print(f"  left out ({item['what']}): {item['text']} -- {item['reason']}")
    for role in data["unknown_roles"]:
        print(f"  role not in the vocabulary: {role}")
