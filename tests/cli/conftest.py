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
