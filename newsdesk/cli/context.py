"""Opening the newsroom a command works on, and printing helpers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from newsdesk.newsroom import Newsroom


@contextmanager
def open_newsroom(args: argparse.Namespace) -> Iterator[Newsroom]:
    newsroom = Newsroom.open(args.db)
    try:
        yield newsroom
    finally:
        newsroom.close()


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")
