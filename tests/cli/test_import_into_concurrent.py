"""`newsdesk import FILE --into ID` from many processes at once, as a script might run
it: without --expect-revision each file simply becomes the next revision."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from tests.cli.test_cli_export import page_text

ROUNDS = 2
AT_ONCE = 12


def _newsdesk(db, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSDESK_USER": "Nadia Rahman"}
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_concurrent_imports_into_one_article_never_conflict(cli, tmp_path):
    first = tmp_path / "first.txt"
    first.write_text(page_text("Bridge repairs start", "Work begins on Monday."), "utf-8")
    code, out, err = cli("import", str(first), "--as", "Nadia Rahman")
    assert code == 0, err
    article_id = out.split("\t")[0]
    files = []
    for n in range(ROUNDS * AT_ONCE):
        path = tmp_path / f"update-{n}.txt"
        path.write_text(page_text("Bridge repairs start", f"Update number {n}."), "utf-8")
        files.append(path)

    def run(path) -> subprocess.CompletedProcess:
        return _newsdesk(cli.db, "import", str(path), "--into", article_id)

    results = []
    for start in range(0, len(files), AT_ONCE):  # 12 processes at a time, twice
        with ThreadPoolExecutor(AT_ONCE) as pool:
            results.extend(pool.map(run, files[start : start + AT_ONCE]))
    failed = [(r.returncode, r.stderr) for r in results if r.returncode != 0]
    assert failed == []
    history = json.loads(_newsdesk(cli.db, "history", article_id, "--json").stdout)
    revisions = [r["revision"] for r in history["revisions"]]
    assert revisions == list(range(1, ROUNDS * AT_ONCE + 2))
    bodies = set()
    for revision in revisions[1:]:
        diff = _newsdesk(cli.db, "diff", article_id, str(revision - 1), str(revision)).stdout
        bodies.update(line[1:] for line in diff.splitlines() if line.startswith("+Update number"))
    assert bodies == {f"Update number {n}." for n in range(ROUNDS * AT_ONCE)}
