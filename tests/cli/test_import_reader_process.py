"""The second process of a big `newsdesk import` (the one that reads the files), as a
user meets it: started from the installed console script or from `python -m`, and
killed half-way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import newsdesk
from newsdesk.cli.import_command import STORE_WHILE_WAITING_FROM
from newsdesk.newsroom import Newsroom
from newsdesk.publish.importers.many_files import CHUNK, PARALLEL_READ_FROM
from tests.cli.test_cli_export import page_text

REPORTER = "Nadia Rahman"
# This worktree's package, whichever newsdesk the console script was installed from.
ROOT = str(Path(newsdesk.__file__).resolve().parents[1])
CONSOLE_SCRIPT = Path(sys.executable).with_name("newsdesk")

# Loaded by every Python process of the run (it is on PYTHONPATH); the import and
# its reading process write down, as they exit, every module they had loaded.
_RECORDER = textwrap.dedent(
    """
    import atexit, os, sys

    def _record():
        import multiprocessing
        if multiprocessing.parent_process() is not None:
            role = "reader"
        elif "import" in sys.argv:
            role = "import"
        else:  # multiprocessing's resource tracker
            return
        out = os.path.join(os.environ["READER_MODULES_DIR"], f"{role}-{os.getpid()}")
        with open(out, "w", encoding="utf-8") as f:
            f.write("\\n".join(sorted(sys.modules)))

    atexit.register(_record)
    """
)


def _import_recording_modules(
    tmp_path: Path, command: list[str], db: Path, files: list[str]
) -> dict[str, set[str]]:
    """Run the import; the modules each of its processes loaded, by "import" and
    "reader" (one reading process, or the assertion says so)."""
    hooks, seen = tmp_path / "hooks", tmp_path / "seen"
    hooks.mkdir()
    seen.mkdir()
    (hooks / "sitecustomize.py").write_text(_RECORDER, "utf-8")
    done = subprocess.run(
        [*command, "--db", str(db), "import", *files, "--as", REPORTER],
        capture_output=True,
        text=True,
        env=_env(PYTHONPATH=os.pathsep.join([str(hooks), ROOT]), READER_MODULES_DIR=str(seen)),
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == len(files)
    records = sorted(seen.iterdir())
    assert [r.name.split("-")[0] for r in records] == ["import", "reader"], "one reading process"
    return {r.name.split("-")[0]: set(r.read_text("utf-8").split("\n")) for r in records}


def _newsroom_and_pages(
    tmp_path: Path, count: int, headline: str = "Harbour story {}"
) -> tuple[Path, list[str]]:
    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person(REPORTER, ["reporter"])
    room.close()
    pages = tmp_path / "pages"
    pages.mkdir()
    files = []
    for number in range(count):
        path = pages / f"page-{number:04d}.txt"
        path.write_text(page_text(headline.format(number), f"Paragraph {number}."), "utf-8")
        files.append(str(path))
    return db, files


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env.update(extra)
    return env


@pytest.mark.parametrize("launcher", ["console script", "python -m newsdesk"])
def test_the_reading_process_loads_only_the_readers(tmp_path, launcher):
    """Started as the installed `newsdesk` command, the reader used to run the
    command's script again and load the whole command line, the newsroom and the
    exporters before its first file."""
    if launcher == "console script":
        if not CONSOLE_SCRIPT.exists():
            pytest.skip(f"no console script beside {sys.executable}")
        command = [str(CONSOLE_SCRIPT)]
    else:
        command = [sys.executable, "-m", "newsdesk"]
    db, files = _newsroom_and_pages(tmp_path, PARALLEL_READ_FROM + 20)
    modules = _import_recording_modules(tmp_path, command, db, files)["reader"]
    assert "newsdesk.publish.importers.textpage" in modules  # it did read the pages
    loaded_too = modules & {
        "newsdesk.cli.parser",
        "newsdesk.cli.export_command",
        "newsdesk.newsroom",
        "newsdesk.storage",
        "newsdesk.publish.export",
        "sqlite_utils",
        "jinja2",
        "pypinyin",
        # nor the readers of other formats (Python-Markdown, YAML, BeautifulSoup)
        "markdown",
        "yaml",
        "bs4",
    }
    assert loaded_too == set()


def test_chinese_headlines_slugs_are_made_by_the_reading_process(tmp_path):
    """Transliterating Chinese headlines (pypinyin's dictionaries: a quarter of a
    second to load) is the reader's work; the storing process only numbers slugs."""
    db, files = _newsroom_and_pages(tmp_path, PARALLEL_READ_FROM + 20, headline="港口新闻{}")
    room = Newsroom.open(db)
    try:
        from newsdesk.domain.article import Article

        room.create_article(Article(headline="港口新闻7"), actor=REPORTER)  # taken
    finally:
        room.close()
    modules = _import_recording_modules(tmp_path, [sys.executable, "-m", "newsdesk"], db, files)
    assert "pypinyin" in modules["reader"]
    assert "pypinyin" not in modules["import"]
    room = Newsroom.open(db)
    try:
        slugs = {a.headline: a.slug for a in map(room.article, range(2, len(files) + 2))}
    finally:
        room.close()
    assert slugs["港口新闻0"] == "gang-kou-xin-wen-0"
    assert slugs["港口新闻7"] == "gang-kou-xin-wen-7-2"  # numbered past the one taken
    assert len(set(slugs.values())) == len(files)


def _children(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of each process whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append((int(entry.name), cmdline))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the reader in /proc")
def test_a_killed_reading_process_is_one_clear_line_and_nothing_half_stored(tmp_path):
    db, files = _newsroom_and_pages(tmp_path, 2000)
    importing = subprocess.Popen(
        [sys.executable, "-m", "newsdesk", "--db", str(db), "import", *files, "--as", REPORTER],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=_env(PYTHONPATH=ROOT),
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 120
        reader = None
        while reader is None and importing.poll() is None and time.monotonic() < deadline:
            reader = next(
                (pid for pid, cmd in _children(importing.pid) if "spawn_main" in cmd), None
            )
        assert reader is not None, "the import started no reading process"
        # Its interpreter is still starting (a fifth of a second before the first
        # file): it cannot have read 2,000 files yet.
        os.kill(reader, signal.SIGKILL)
        out, err = importing.communicate(timeout=90)
    finally:
        if importing.poll() is None:
            importing.kill()
    assert importing.returncode == 1
    assert "Traceback" not in err
    assert err.splitlines() == [err.strip()], "one line"
    stored = out.splitlines()
    assert len(stored) < len(files)
    assert err.startswith("newsdesk: the process reading the files was stopped (SIGKILL)")
    assert (
        f"before {files[len(stored)]}: that file and the {len(files) - len(stored) - 1} after"
        in err
    )
    room = Newsroom.open(db)
    try:
        assert room.count() == len(stored)
        assert room.check() == []  # every stored article whole: revision, index, audit
        for line in stored:
            article_id, headline = line.split("\t")
            assert room.article(int(article_id)).headline == headline
            assert [r.revision for r in room.revisions(int(article_id))] == [1]
    finally:
        room.close()


# Loaded by every process of the run: reading the file named in HOLD_FILE waits until
# the file named in RELEASE_FILE exists (a reader held up on one slow file).
_HOLD = textwrap.dedent(
    """
    import os, pathlib, time

    _read_bytes = pathlib.Path.read_bytes

    def _held_read_bytes(self):
        if self.name == os.environ["HOLD_FILE"]:
            while not os.path.exists(os.environ["RELEASE_FILE"]):
                time.sleep(0.05)
        return _read_bytes(self)

    pathlib.Path.read_bytes = _held_read_bytes
    """
)


def test_files_read_are_stored_while_the_reader_is_held_up(tmp_path):
    """The storing process does not sit idle until a whole batch of 200 is read:
    while the reader is held up on one file, the files it read before are in the
    newsroom already."""
    db, files = _newsroom_and_pages(tmp_path, PARALLEL_READ_FROM + 40)
    held_at = PARALLEL_READ_FROM + 20
    # The reader hands over whole chunks: those before the held file's chunk arrive;
    # of them, fewer than STORE_WHILE_WAITING_FROM may still wait to be stored (stores
    # while waiting start from that many; how the chunks arrive varies with the load).
    at_least = held_at // CHUNK * CHUNK - (STORE_WHILE_WAITING_FROM - 1)
    hooks, release = tmp_path / "hooks", tmp_path / "release"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(_HOLD, "utf-8")
    importing = subprocess.Popen(
        [sys.executable, "-m", "newsdesk", "--db", str(db), "import", *files, "--as", REPORTER],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=_env(
            PYTHONPATH=os.pathsep.join([str(hooks), ROOT]),
            HOLD_FILE=Path(files[held_at]).name,
            RELEASE_FILE=str(release),
        ),
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 30
        stored = 0

        def count() -> int:
            room = Newsroom.open(db)
            try:
                return room.count()
            finally:
                room.close()

        while stored < at_least and time.monotonic() < deadline:
            time.sleep(0.1)
            stored = count()
        assert importing.poll() is None, importing.communicate()
        assert at_least <= stored <= held_at
        time.sleep(1.0)  # still held: what it stores meanwhile comes before the held file
        assert importing.poll() is None, importing.communicate()
        assert at_least <= count() <= held_at
        release.touch()
        out, err = importing.communicate(timeout=90)
    finally:
        release.touch()
        if importing.poll() is None:
            importing.kill()
    assert importing.returncode == 0, err
    assert len(out.splitlines()) == len(files)
    room = Newsroom.open(db)
    try:
        assert room.count() == len(files)
        assert room.check() == []
        assert [room.article(n + 1).headline for n in (0, held_at, len(files) - 1)] == [
            f"Harbour story {n}" for n in (0, held_at, len(files) - 1)
        ]
    finally:
        room.close()


def test_a_refused_big_import_says_what_a_small_one_says(tmp_path):
    """The reading process starts before the newsroom opens: when the newsroom then
    refuses (an unknown person), the import still ends with the same one line, nothing
    stored, and no reading process left behind."""
    db, files = _newsroom_and_pages(tmp_path, PARALLEL_READ_FROM + 20)
    said = []
    for chosen in (files[:1], files):
        done = subprocess.run(
            [sys.executable, "-m", "newsdesk", "--db", str(db), "import", *chosen],
            capture_output=True,
            text=True,
            env=_env(PYTHONPATH=ROOT, NEWSDESK_USER="Nobody Known"),
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        assert done.returncode == 1
        assert done.stdout == ""
        assert "Traceback" not in done.stderr
        said.append(done.stderr)
    assert said[0] == said[1]
    assert said[0].splitlines() == [said[0].strip()], "one line"
    room = Newsroom.open(db)
    try:
        assert room.count() == 0
    finally:
        room.close()


def _pages(folder: Path, count: int) -> list[str]:
    folder.mkdir()
    paths = []
    for number in range(count):
        path = folder / f"page-{number}.txt"
        path.write_text(page_text(f"Harbour story {number}", "The ferry ran late."), "utf-8")
        paths.append(str(path))
    return paths


def _read(paths: list[str], reader):
    from newsdesk.domain.credit_roles import CreditVocabulary
    from newsdesk.domain.site import SiteProfile
    from newsdesk.publish.importers.many_files import read_files

    return read_files(
        paths,
        site=SiteProfile(),
        vocabulary=CreditVocabulary(),
        known_people=[],
        reader=reader,
    )


def test_a_reader_given_all_its_work_ends_by_itself_and_one_stopped_early_is_ended(tmp_path):
    """Both endings of the second process: read to the end, it exits by itself (not
    killed); left after its first reports, it is ended at once, not waited for while
    it reads the rest. Either way its pipes are closed, and ending it again (as
    `early_reader` does on the way out) does nothing."""
    from newsdesk.publish.importers.many_files import Reader

    paths = _pages(tmp_path / "pages", PARALLEL_READ_FROM + CHUNK)
    whole = Reader()
    reports = list(_read(paths, whole))
    headlines = [report.article.headline for report in reports]
    assert headlines == [f"Harbour story {number}" for number in range(len(paths))]
    assert whole.process.exitcode == 0  # it ended by itself
    assert whole.receiving.closed and whole.jobs_out.closed
    whole.stop()  # again: nothing more to do
    assert whole.process.exitcode == 0

    many = _pages(tmp_path / "many", 3_000)  # far more than it reads in a blink
    early = Reader()
    reading = _read(many, early)
    first = [next(reading) for _ in range(CHUNK)]
    assert first[0].article.headline == "Harbour story 0"
    started = time.monotonic()
    reading.close()  # the caller stops here (a refusal, say)
    assert time.monotonic() - started < 5
    assert not early.process.is_alive()
    assert early.process.exitcode == -signal.SIGTERM  # ended, with files left unread
    assert early.receiving.closed and early.jobs_out.closed
    early.stop()
