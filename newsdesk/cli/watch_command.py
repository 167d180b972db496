"""`newsdesk watch`: one line per change as it commits, at any desk (scripts export when
something is approved, say). Text: ID, revision, status, who, kind, tab-separated
("-" where a change has none); `--json`: one object per line. Exit 0 after `--count`
changes or at `--timeout`; 1 when the timeout came before `--count` changes did.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import time

from newsdesk.cli.context import open_newsroom
from newsdesk.domain.errors import NewsdeskError
from newsdesk.newsroom.changes import Change, Changes
from newsdesk.newsroom.feed import FeedState


def register(sub, common: argparse.ArgumentParser) -> None:
    watch = sub.add_parser(
        "watch", parents=[common], help="print every change as it happens, at any desk"
    )
    watch.add_argument("--json", action="store_true", help="one JSON object per line")
    watch.add_argument("--count", type=int, metavar="N", help="stop after N changes")
    watch.add_argument("--timeout", type=float, metavar="S", help="stop after S seconds")
    watch.set_defaults(handler=watch_changes)


def _line(change: Change, as_json: bool) -> str:
    data = change.to_dict()
    if as_json:
        return json.dumps(data, ensure_ascii=False)
    fields = (data["article_id"], data["revision"], data["status"], data["actor"], data["kind"])
    return "\t".join("-" if value in (None, "") else str(value) for value in fields)


def watch_changes(args: argparse.Namespace) -> int:
    if args.count is not None and args.count < 1:
        raise NewsdeskError("--count needs a number of changes, 1 or more")
    heard: queue.Queue[Changes | FeedState] = queue.Queue()
    printed = 0
    with open_newsroom(args) as newsroom:
        feed = newsroom.open_feed(on_changes=heard.put, on_state=heard.put)
        feed.start()
        deadline = None if args.timeout is None else time.monotonic() + args.timeout
        try:
            while args.count is None or printed < args.count:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    break
                try:
                    news = heard.get(timeout=left)
                except queue.Empty:
                    break
                if isinstance(news, FeedState):
                    _say_state(news, newsroom.location)
                    continue
                for change in news:
                    print(_line(change, args.json), flush=True)
                    printed += 1
                    if args.count is not None and printed >= args.count:
                        break
        finally:
            feed.stop()
    if args.count is not None and printed < args.count:
        print(
            f"newsdesk: watch: {printed} of {args.count} change(s) within {args.timeout:g} s",
            file=sys.stderr,
        )
        return 1
    return 0


def _say_state(state: FeedState, where: str) -> None:
    # Said on stderr, so stdout stays one change a line; the first says it listens.
    if state.online:
        print(f"newsdesk: watching {where} (Ctrl+C stops)", file=sys.stderr, flush=True)
    else:
        print(
            f"newsdesk: watch: lost {where} at {state.since:%H:%M:%S} ({state.reason});"
            " trying again",
            file=sys.stderr,
            flush=True,
        )
