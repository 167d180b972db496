from __future__ import annotations

import os
import tempfile

# Qt must never try to open a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the user's real newsroom, settings or logs: every per-user
# folder (platformdirs and QSettings follow XDG on Linux) points into a scratch dir.
_SCRATCH = tempfile.mkdtemp(prefix="newsdesk-tests-")
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_SCRATCH, _var.lower())
os.environ.pop("NEWSDESK_DB", None)
os.environ.pop("NEWSDESK_USER", None)
