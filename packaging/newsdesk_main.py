"""The frozen app's entry point: the same `newsdesk` command that pip installs."""

from __future__ import annotations

import multiprocessing
import sys

from newsdesk.cli import main

if __name__ == "__main__":
    # The page preview renders in a child process (multiprocessing, spawn): in the
    # frozen app that child is this executable again, which must run the child's
    # code instead of the app.
    multiprocessing.freeze_support()
    sys.exit(main())
