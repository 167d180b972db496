"""Run a checkout's app harness (tests/gui/app_process.py) as the `newsdesk` command
starts the app: its console script is newsdesk.cli:main, which builds the parser
(importing every command's module) and parses the arguments before it opens the
window. The harness alone starts at gui.app and skipped that part of a launch.

    python benchmarks/launch_entry.py HARNESS DB
"""

from __future__ import annotations

import runpy
import sys

harness, db = sys.argv[1], sys.argv[2]
from newsdesk.cli.parser import build_parser  # noqa: E402  (the checkout's, by PYTHONPATH)

build_parser().parse_args(["--db", db])
sys.argv = [harness, db]
runpy.run_path(harness, run_name="__main__")
