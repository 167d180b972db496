"""The frozen app's entry point: the same `newsdesk` command that pip installs."""

from __future__ import annotations

import sys

from newsdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
