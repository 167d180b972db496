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

# Property tests explore new examples on developers' machines; in CI they replay a
# fixed set (derandomize), so a landing never depends on the luck of one run. What
# exploration finds locally becomes a regular test.
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
