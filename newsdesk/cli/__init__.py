"""The command line: the desktop app by default, headless subcommands for the rest.

Exit codes: 0 success; 1 a refused action or bad input (one line on stderr, no
traceback); 2 a usage error (argparse).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from newsdesk.cli.parser import build_parser
from newsdesk.domain.errors import NewsdeskError

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    handler = getattr(args, "handler", None)
    if handler is None:
        from newsdesk.cli.app_command import run_app

        handler = run_app
    try:
        return handler(args) or 0
    except NewsdeskError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
