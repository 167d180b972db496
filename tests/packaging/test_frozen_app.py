"""Smoke test of the frozen app (packaging/build.sh), run as a user or IT would run it.

Skipped unless NEWSDESK_FROZEN_APP names the built folder (see conftest.py). It runs
the built executable only, never this checkout's Python: the command line end to end
(people, an import with a Chinese headline, the workflow, an export in every format,
the integrity check), then the desktop app on an X display: it opens its database
with the window, a real Ctrl+Q closes it, and it exits with status 0 having saved its
window state. The menu entry that install-desktop.sh writes for the folder starts it.
"""

from __future__ import annotations

import configparser
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk import __version__
from tests.desktop import fresh_user_env, wait_for_window, windows_titled
from tests.fixtures.word_documents import river_report
from tests.packaging.conftest import ROOT, need_tool

REPORTER, PRODUCER, WEB = "Mei Lin", "Tom Reed", "Kai Web"
HEADLINE = "港口新吊车夜间就位"
# The site's own labels: a page prints those of its article's language (here Chinese,
# the headline's), so the exported text page is the imported one again.
PAGE = (
    "当前位置：news > city > 正文\n"
    f"Harbour丨{HEADLINE}\n"
    "2026-11-30 来源：City desk\n"
    "\n"
    "The new crane was moved into place overnight, two weeks ahead of plan.\n"
    "\n"
    f"Reporter丨{REPORTER}\n"
    "\n"
    "统一服务邮箱：desk@example.org\n"
    "版权所有@ example.org"
)


def window_title(db: Path) -> str:
    """The main window's title on `db` (gui/connect/identity.py: who, where, the app)."""
    return f"{REPORTER} — {db.name} — newsdesk"


def _env(home: Path, **extra: str) -> dict[str, str]:
    """A user with nothing of their own yet: every per-user folder under `home`."""
    return fresh_user_env(home, **extra)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def run(app: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(app), *args],
        env=_env(home, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )


def ok(app: Path, home: Path, *args: str) -> str:
    result = run(app, home, *args)
    assert result.returncode == 0, f"newsdesk {' '.join(args)}: {result.stderr}"
    return result.stdout


def test_the_frozen_app_says_its_version(frozen_app, home):
    assert ok(frozen_app, home, "--version").strip() == f"newsdesk {__version__}"


def test_the_frozen_command_line_runs_the_whole_workflow(frozen_app, home, tmp_path):
    db = str(tmp_path / "newsroom.db")
    for name, role in ((REPORTER, "reporter"), (PRODUCER, "producer"), (WEB, "web")):
        ok(frozen_app, home, "users", "add", name, "--role", role, "--db", db)
    story = tmp_path / "crane.txt"
    story.write_text(PAGE, encoding="utf-8")
    printed = ok(frozen_app, home, "import", str(story), "--as", REPORTER, "--db", db)
    article_id, headline = printed.rstrip("\n").split("\t")
    assert headline.strip() == HEADLINE
    ok(frozen_app, home, "submit", article_id, "--as", REPORTER, "--db", db)
    ok(frozen_app, home, "approve", article_id, "--as", PRODUCER, "--db", db)

    site = tmp_path / "site"
    ok(frozen_app, home, "export", "--out", str(site), "--format", "html,text,ninjs,md",
       "--as", WEB, "--db", db)  # fmt: skip
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    files = {name for entry in manifest["articles"] for name in entry["files"].values()}
    slug = manifest["articles"][0]["slug"]
    # The slug is pinyin: pypinyin's dictionaries made it into the bundle.
    assert slug.isascii() and "gang" in slug, slug
    assert {f"{slug}.html", f"{slug}.txt", f"{slug}.ninjs.json", f"{slug}.md"} == files
    page = (site / f"{slug}.html").read_text(encoding="utf-8")
    # The shipped templates and stylesheet were found inside the bundle.
    assert '<h1 class="title"><span class="kicker">Harbour</span>' in page
    assert (site / "site.css").read_bytes() == (
        Path(__file__).resolve().parents[2] / "resources" / "site" / "site.css"
    ).read_bytes()
    # The text page round-trips; its footer is the site's own, not the imported one.
    text = (site / f"{slug}.txt").read_text(encoding="utf-8")
    assert text.splitlines()[:-2] == PAGE.splitlines()[:-2]

    assert "verdict: OK" in ok(frozen_app, home, "check", "--db", db)


def test_the_frozen_app_reads_every_import_format_as_the_source_does(frozen_app, home, tmp_path):
    """Word (mammoth), Pelican Markdown (YAML, dates), a Chinese text page with page chrome
    (HTML cleaning): the frozen import report must equal the one this checkout gives."""
    corpus = ROOT / "tests" / "fixtures" / "import"
    files = [
        str(river_report(tmp_path / "river.docx")),
        str(corpus / "pelican-full.md"),
        str(corpus / "zh-editor-note-and-chrome.txt"),
    ]
    args = ["import", "--dry-run", "--json", "--db", str(tmp_path / "none.db"), *files]
    frozen = json.loads(ok(frozen_app, home, *args))
    source = subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        env=_env(home, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert source.returncode == 0, source.stderr
    assert frozen == json.loads(source.stdout)
    assert [report["format"] for report in frozen] == ["docx", "pelican", "text"]


def _press_ctrl_q(display: str, window: str) -> None:
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True)
    subprocess.run(["xdotool", "key", "ctrl+q"], env=env, check=True)


def _prepare_user(app: Path, home: Path, db: Path) -> Path:
    """A newsroom with one reporter, who has used the app before (no first-run dialog),
    and one article for the list to show."""
    ok(app, home, "users", "add", REPORTER, "--role", "reporter", "--db", str(db))
    story = db.parent / "story.txt"
    story.write_text(PAGE, encoding="utf-8")
    ok(app, home, "import", str(story), "--as", REPORTER, "--db", str(db))
    settings = home / "config" / "newsdesk" / "newsdesk.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text(f"[user]\nname={REPORTER}\n", encoding="utf-8")
    return settings


def _saved_window_state(settings: Path) -> set[str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(settings, encoding="utf-8")
    return set(parser["window"]) if parser.has_section("window") else set()


def test_the_frozen_desktop_app_opens_its_database_and_quits_cleanly(
    frozen_app, home, tmp_path, x_display
):
    db = tmp_path / "desk.db"
    settings = _prepare_user(frozen_app, home, db)
    started = time.monotonic()
    process = subprocess.Popen(
        [str(frozen_app), "--db", str(db)],
        env=_env(home, DISPLAY=x_display, QT_QPA_PLATFORM="xcb"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        window = wait_for_window(x_display, window_title(db), process)
        shown = time.monotonic() - started
        if shot := os.environ.get("NEWSDESK_SMOKE_SCREENSHOT"):
            subprocess.run(
                ["import", "-window", "root", shot],
                env={**os.environ, "DISPLAY": x_display},
                check=False,
            )
        _press_ctrl_q(x_display, window)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    print(f"frozen app: window shown {shown:.2f} s after start")
    assert process.returncode == 0, err
    assert "Traceback" not in err, err
    # Quit went through the window's close: it saved where the user left it.
    assert {"geometry", "state"} <= _saved_window_state(settings)
    assert "verdict: OK" in ok(frozen_app, home, "check", "--db", str(db))


def test_the_installed_menu_entry_starts_the_frozen_app(frozen_app, home, tmp_path, x_display):
    gio = need_tool("gio")
    db = tmp_path / "menu.db"
    settings = _prepare_user(frozen_app, home, db)
    installer = frozen_app.parent / "install-desktop.sh"
    subprocess.run([str(installer), "--user"], env=_env(home), check=True, timeout=60)
    entry = home / "data" / "applications" / "org.newsdesk.newsdesk.desktop"
    assert f"Exec={frozen_app}" in entry.read_text(encoding="utf-8").splitlines()

    # Launch it the way a desktop's menu does (GLib's desktop entry launcher).
    env = _env(home, DISPLAY=x_display, QT_QPA_PLATFORM="xcb", NEWSDESK_DB=str(db))
    # gio launch hands the app over to the session and returns: watch the window.
    subprocess.run([gio, "launch", str(entry)], env=env, check=True, timeout=60)
    window = wait_for_window(x_display, window_title(db), None)
    _press_ctrl_q(x_display, window)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and windows_titled(x_display, window_title(db)):
        time.sleep(0.2)
    assert windows_titled(x_display, window_title(db)) == [], "the app did not quit on Ctrl+Q"
    assert {"geometry", "state"} <= _saved_window_state(settings)


def test_the_frozen_app_carries_the_interface_translations(frozen_app):
    """The Chinese interface needs newsdesk's own catalog and Qt's (standard buttons):
    both in the folder IT hands out, where the app looks for them."""
    bundle = frozen_app.parent
    ours = sorted(p.name for p in bundle.rglob("newsdesk_resources/translations/*.qm"))
    assert ours == ["newsdesk_en.qm", "newsdesk_zh_CN.qm"], ours
    qt_own = [p for p in bundle.rglob("qtbase_zh_CN.qm")]
    assert qt_own, "Qt's own Chinese translation (qtbase_zh_CN.qm) is not in the bundle"
