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


def answer_in_two_pieces(article: Article) -> str:
    """Sends this job's answer itself, in two pieces three seconds apart, as a busy
    child writing a page longer than the pipe holds does; `article.body` names a
    folder: "first piece" is written there after the first piece, "second piece"
    before the second. (The answer `serve` then sends for the same job is a second,
    ordinary one.)"""
    import os
    import pickle
    import struct
    import sys
    import time

    folder = Path(article.body)
    frame = sys._getframe(1)
    while "answers" not in frame.f_locals:  # serve's frame holds the answers pipe
        frame = frame.f_back
    answers, number = frame.f_locals["answers"], frame.f_locals["number"]
    page = f"<h1>{article.headline}</h1><p>{'word ' * 200_000}</p>"
    message = pickle.dumps(("ok", number, page), pickle.HIGHEST_PROTOCOL)
    data = struct.pack("!i", len(message)) + message  # Connection.send_bytes' framing
    half = len(data) // 2
    os.write(answers.fileno(), data[:half])  # more than the pipe holds: it waits
    (folder / "first piece").write_text("sent")
    time.sleep(3)
    (folder / "second piece").write_text("sent")
    view = memoryview(data)[half:]
    while view:
        view = view[os.write(answers.fileno(), view) :]
    return page
