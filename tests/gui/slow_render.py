"""A page render that holds the interpreter lock for a second or more, for the preview
tests: one regular expression match is one call that never lets another thread run.
Importable by name, so a preview child process can run it too."""

from __future__ import annotations

import re
from pathlib import Path

from newsdesk.domain.article import Article

# Each further "a" doubles the work: 25 holds the lock for one to two seconds here.
_HOLD = "a" * 25 + "b"


def hold_the_interpreter(article: Article) -> str:
    """`article.body` names a folder: "started" is written there first, "done" last."""
    folder = Path(article.body)
    (folder / "started").write_text("started")
    re.match(r"(a+)+$", _HOLD)
    (folder / "done").write_text("done")
    return f"<h1>{article.headline}</h1>"
