"""`newsdesk` with no command: open the desktop app."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    from newsdesk.gui.app import run  # Qt is imported only when the app is wanted

    return run(db_path=args.db)
