from __future__ import annotations

import pytest

from newsdesk.cli import main


class Cli:
    """Runs `newsdesk ARGS...` in-process against one database file."""

    def __init__(self, db, capsys) -> None:
        self.db = str(db)
        self._capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self._capsys.readouterr()
        try:
            code = main(["--db", self.db, *args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
        out, err = self._capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(tmp_path, capsys):
    run = Cli(tmp_path / "cli.db", capsys)
    for name, role in (
        ("Nadia Rahman", "reporter"),
        ("Felix Ortner", "producer"),
        ("Kai Web", "web"),
    ):
        assert run("users", "add", name, "--role", role)[0] == 0
    return run


def run_newsdesk(*args: str, env: dict | None = None, check: int | None = None, timeout=60):
    """Run the CLI in its own process, as a desk does; returns (exit code, stdout,
    stderr). NEWSDESK_* of the test's environment are left out unless given."""
    import os
    import subprocess
    import sys

    full_env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    full_env.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        capture_output=True,
        text=True,
        env=full_env,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    if check is not None:
        assert done.returncode == check, done.stderr
    return done.returncode, done.stdout, done.stderr
