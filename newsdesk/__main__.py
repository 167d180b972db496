from __future__ import annotations

import sys

from newsdesk.cli import main

sys.exit(main())
