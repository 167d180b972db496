"""The start-up backup ends while other desks keep saving.

SQLite's online backup copies a file in steps (so that closing can stop it between
two), and starts again from the first page whenever another connection commits
between two steps. With a colleague saving now and then, a copy of a large newsroom
(hundreds of steps) never ended: the start's backup worker copied the file again and
again, for as long as the window stayed open, and every job queued behind it on that
worker (an export) waited as long. Found reading the start-up path for issue 14's
launches that never showed their window; it does not stop a window being built.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from newsdesk.domain.article import Article
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.backups import auto_backup, check_backup
from newsdesk.storage.sqlite import backup as sqlite_backup

# Another desk, in a process of its own: it saves an article each time it is asked.
DESK = textwrap.dedent(
    """
    import sys
    from newsdesk.domain.article import Article
    from newsdesk.newsroom import Newsroom

    room = Newsroom.open(sys.argv[1])
    for number, _ in enumerate(sys.stdin):
        room.create_article(Article(headline=f"Saved meanwhile {number}"), actor="Tom Reed")
        print("saved", flush=True)
    room.close()
    """
)


class SavesBetweenSteps:
    """Stands in for the policy's cancel flag, which the copy asks between every two
    of its steps: each time asked, the other desk saves once (and the copy goes on),
    the interleaving a steady writer makes by chance. Gives up (cancels) after
    `limit` steps, so a copy that starts over for ever fails instead of hanging."""

    def __init__(self, desk: subprocess.Popen, limit: int) -> None:
        self.desk, self.limit, self.steps = desk, limit, 0

    def is_set(self) -> bool:
        self.steps += 1
        if self.steps > self.limit:
            return True
        self.desk.stdin.write("save\n")
        self.desk.stdin.flush()
        assert self.desk.stdout.readline().strip() == "saved"
        return False

    def set(self) -> None:  # the window closing; not in this test
        self.steps = self.limit


def test_the_start_up_backup_ends_while_another_desk_saves_between_its_steps(desk_db, monkeypatch):
    room = Newsroom.open(desk_db)
    with room.store.transaction():
        for number in range(200):
            body = " ".join(f"harbour{number} ferry council tide" for _ in range(80))
            room.create_article(Article(headline=f"Story {number}", body=body), actor="Mei Lin")
    room.close()
    pages = desk_db.stat().st_size // 4096
    monkeypatch.setattr(sqlite_backup, "_STEP_PAGES", 16)  # many steps, as at 100,000
    steps_needed = pages // 16 + 1
    desk = subprocess.Popen(
        [sys.executable, "-c", DESK, str(desk_db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        policy = auto_backup(desk_db)
        saves = SavesBetweenSteps(desk, limit=20 * steps_needed)
        policy._cancel = saves
        try:
            made = policy.on_start()
        except sqlite_backup.BackupCancelled:
            made = None
        assert made is not None, (
            f"the backup never ended: {saves.steps} steps for a copy of"
            f" {steps_needed}, started again after every save of the other desk"
        )
    finally:
        desk.stdin.close()
        desk.wait(timeout=30)
    assert saves.steps <= 2 * steps_needed
    assert check_backup(made) == []
    # A snapshot of one moment: the stories of the start, whatever came after.
    copy = Newsroom.open(made)
    try:
        headlines = {summary.headline for summary in copy.summaries(copy.find())}
    finally:
        copy.close()
    assert {f"Story {n}" for n in range(200)} <= headlines
    room = Newsroom.open(desk_db)
    try:
        assert len(room.find()) == 200 + saves.steps  # every save landed
    finally:
        room.close()
