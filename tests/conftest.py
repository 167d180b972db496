from __future__ import annotations

import os

# Qt must never try to open a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the user's real newsroom.
os.environ.pop("NEWSDESK_DB", None)
os.environ.pop("NEWSDESK_USER", None)
