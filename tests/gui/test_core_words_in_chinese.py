"""What the core says by name (a Said) reaches a Chinese user in Chinese, as they meet it.

The importers' notes and reasons in the import preview, why a web address cannot be
used in the address dialog, and what went wrong with the database: each is an English
sentence of the core with a stable name (domain/said.py), translated by the app
(gui/i18n/said_text.py). Each is looked at here in the real window (or the real app in
a process of its own) under the Chinese interface, with no English left, and under the
English interface, where the core's own sentence is shown unchanged (as the CLI prints
it). Every name the core can say is found in its source, so a new one without a
translation fails by name.
"""

from __future__ import annotations

import ast
import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from newsdesk.domain.article import Article, Credit
from newsdesk.gui.i18n.said_text import knows
from newsdesk.newsroom import Newsroom
from newsdesk.publish.importers.files import import_file
from newsdesk.publish.slugs import slug_problem
from tests.gui.app_process import AppProcess
from tests.gui.interface_text import english_words

ROOT = Path(__file__).resolve().parents[2]
REPORTER = "林美"

# A Pelican page that makes most of the Markdown reader's notes and reasons: no
# category, a time on the date, an upper-case slug, Pelican's "hidden", a metadata key
# with no field, a link and an image the page cannot carry.
MARKDOWN_PAGE = """\
Title: 渡轮恢复运营
Date: 2026-09-14 08:30
Slug: Ferry-Back
Status: hidden
Mood: 高兴

渡轮周一起恢复运营，[详情](javascript:void) 见码头公告。

![码头](ftp:码头.png)
"""
# A ninjs item with a headline of another role, no section, the date from a field,
# fields of the wrong shape and a picture without a web address.
NINJS_ITEM = """{
  "uri": "urn:newsml:example.org:20260914:ferry",
  "headlines": [{"role": "short", "value": "渡轮恢复运营"}],
  "versioncreated": "2026-09-14T08:30:00Z",
  "copyrightholder": "新华社",
  "language": "zh",
  "keywords": "渡轮",
  "bodies": [{"contentType": "text/plain", "value": "渡轮周一起恢复运营。"}],
  "associations": {"photo": {"type": "picture", "name": "码头"}}
}
"""


@pytest.fixture
def newsroom_db(tmp_path) -> Path:
    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person(REPORTER, ["reporter"])
    room.create_article(
        Article(
            headline="渡轮恢复运营",
            date=dt.date(2026, 9, 14),
            body="渡轮周一起恢复运营。",
            credits=[Credit("记者", (REPORTER,))],
        ),
        actor=REPORTER,
    )
    room.create_article(
        Article(headline="港口新闻发布会", body="发布会在码头举行。"), actor=REPORTER
    )
    room.close()
    return db


def _shot(widget, name: str, tmp_path: Path) -> None:
    """A screenshot to look at: into $NEWSDESK_SHOTS when set, else the test's folder."""
    folder = Path(os.environ.get("NEWSDESK_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(folder / f"{name}.png"))


def _import_files(tmp_path: Path) -> list[Path]:
    page = tmp_path / "渡轮.md"
    page.write_text(MARKDOWN_PAGE, encoding="utf-8")
    item = tmp_path / "渡轮.json"
    item.write_text(NINJS_ITEM, encoding="utf-8")
    story = ROOT / "tests" / "fixtures" / "import" / "zh-editor-note-and-chrome.txt"
    return [story, page, item]


def _preview(qtbot, window, files: list[Path]):
    before = window.tools.importer.dialog
    window.tools.importer.preview(files)
    qtbot.waitUntil(lambda: window.tools.importer.dialog not in (None, before), timeout=20_000)
    return window.tools.importer.dialog


def _reports(newsroom_db: Path, files: list[Path]):
    room = Newsroom.open(newsroom_db)
    site, vocabulary = room.site(), room.vocabulary()
    room.close()
    return [import_file(f, site=site, vocabulary=vocabulary) for f in files]


def _data_of(reports) -> set[str]:
    """What the files themselves say (their text, fields, the left-out text): data."""
    data: set[str] = set()
    for report in reports:
        values = report.to_json()
        data.add(values["file"])
        data.add(Path(values["file"]).name)
        data.add(values["format"])
        data.update(str(v) for v in values["fields"].values() if v)
        data.update(" > ".join(values["fields"]["section"]).split(" > "))
        data.update(values["keywords"])
        for credit in values["credits"]:
            data.add(credit["role"])
            data.update(credit["names"])
        for item in values["left_out"]:
            data.add(item["text"])
        # A note names what the file says (the slug as written, a ninjs field name).
        for said in [*report.notes, *(item.reason for item in report.left_out)]:
            data.update(v for v in said.params.values() if v)
    return data


def test_the_import_preview_says_the_notes_and_what_was_left_out_in_chinese(
    qtbot, tmp_path, newsroom_db, open_window, chinese_interface
):
    files = _import_files(tmp_path)
    reports = _reports(newsroom_db, files)
    # The files make notes and reasons of many kinds: each must be said in Chinese.
    names = {said.name for r in reports for said in [*r.notes, *(i.reason for i in r.left_out)]}
    assert len(names) >= 12, names
    # Pelican is a program's name; "hidden" the file's own word for its status.
    data = _data_of(reports) | {"Pelican", "hidden"}
    window = open_window(newsroom_db, REPORTER, settings=chinese_interface)
    dialog = _preview(qtbot, window, files)
    for row, report in enumerate(reports):
        dialog.files.setCurrentRow(row)
        shown = dialog.details_text()
        assert "备注" in shown and "略去的内容" in shown, shown
        for note in report.notes:
            assert str(note) not in shown  # not the core's English
        left = english_words(shown, data)
        assert not left, f"English left in the preview of {files[row].name}: {left}\n{shown}"
        _shot(dialog, f"import-preview-zh-{row}", tmp_path)
    assert "默认栏目" in dialog.details_text() or "栏目" in dialog.details_text()
    dialog.reject()


def _refused_files(tmp_path: Path) -> list[Path]:
    binary = tmp_path / "相机.bin"
    binary.write_bytes(b"\x00\x01\x02photo" * 50)
    shapeless = tmp_path / "便条.txt"
    shapeless.write_text("记得明天去码头。\n", encoding="utf-8")
    return [binary, shapeless]


def test_the_import_preview_says_why_a_file_cannot_be_imported_in_chinese(
    qtbot, tmp_path, newsroom_db, open_window, chinese_interface
):
    files = _refused_files(tmp_path)
    window = open_window(newsroom_db, REPORTER, settings=chinese_interface)
    dialog = _preview(qtbot, window, files)
    # NUL: the name of the byte, as programs call it.
    data = {str(tmp_path), *(str(f) for f in files), *(f.name for f in files), "NUL"}
    data.add("记得明天去码头。")
    site = Newsroom.open(newsroom_db).site()  # its labels are the site's own words
    data.update(str(v) for v in site.to_dict().values() if isinstance(v, str))
    for row, preview in enumerate(dialog.previews):
        assert preview.report is None
        dialog.files.setCurrentRow(row)
        shown = dialog.details_text()
        tip = dialog.files.item(row).toolTip()
        assert str(files[row]) in shown and tip in shown
        # The core's reason, named, is in Chinese; only the file's own words are not.
        assert not english_words(shown, data), shown
        _shot(dialog, f"import-refused-zh-{row}", tmp_path)
    dialog.reject()


def test_the_import_preview_in_english_shows_the_cores_own_words(
    qtbot, tmp_path, newsroom_db, open_window
):
    files = _import_files(tmp_path)
    reports = _reports(newsroom_db, files)
    window = open_window(newsroom_db, REPORTER)
    dialog = _preview(qtbot, window, files)
    for row, report in enumerate(reports):
        dialog.files.setCurrentRow(row)
        shown = dialog.details_text()
        for note in report.notes:
            assert str(note) in shown
        for item in report.left_out:
            assert f"{item.what}: {item.text} — {item.reason}" in shown
    dialog.reject()
    refused = _refused_files(tmp_path)
    dialog = _preview(qtbot, window, refused)
    for row, path in enumerate(refused):
        dialog.files.setCurrentRow(row)
        said = dialog.previews[row].refused
        assert said.startswith(f"{path}: the file is binary" if row == 0 else f"{path}: not in")
        assert said in dialog.details_text() and dialog.files.item(row).toolTip() == said
    dialog.reject()


def _address_dialog(qtbot, window):
    change = window.editor.address.change_button
    qtbot.waitUntil(change.isEnabled, timeout=5000)  # once the article's history is read
    qtbot.mouseClick(change, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.slug_dialog is not None, timeout=5000)
    return window.controller.slug_dialog


def _type_address(qtbot, dialog, text: str) -> str:
    dialog.slug_edit.selectAll()
    qtbot.keyClick(dialog.slug_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(dialog.slug_edit, text)
    return dialog.message.text()


BAD_ADDRESSES = ("Ferry Back", "index", "-ferry-", "a" * 81, "")


def test_the_address_dialog_says_why_an_address_cannot_be_used_in_chinese(
    qtbot, tmp_path, newsroom_db, open_window, chinese_interface, monkeypatch
):
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, title, text, *a: told.append((title, text)))
    )
    window = open_window(newsroom_db, REPORTER, settings=chinese_interface)
    window.open_article(2)
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    dialog = _address_dialog(qtbot, window)
    for bad in BAD_ADDRESSES:
        said = _type_address(qtbot, dialog, bad)
        assert said, bad
        assert said != str(slug_problem(bad))  # not the core's English
        assert not english_words(said, {bad, "a-z", "harbour-reopens"}), (bad, said)
        assert not dialog.ok_button.isEnabled()
    _type_address(qtbot, dialog, "Ferry Back")
    qtbot.wait(100)  # the message's second line laid out
    _shot(dialog, "address-dialog-zh", tmp_path)
    # An address the site can have but another article has: the newsroom refuses it.
    taken = Newsroom.open(newsroom_db).article(1).slug
    _type_address(qtbot, dialog, taken)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    title, text = told[0]
    assert title == "网址未更改"
    assert taken in text and "已被使用" in text, text
    assert not english_words(text, {taken}), text


def test_the_address_dialog_in_english_says_the_cores_own_words(qtbot, newsroom_db, open_window):
    window = open_window(newsroom_db, REPORTER)
    window.open_article(2)
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    dialog = _address_dialog(qtbot, window)
    for bad in BAD_ADDRESSES:
        assert _type_address(qtbot, dialog, bad) == str(slug_problem(bad))
    dialog.reject()


def _started_on_a_read_only_file(tmp_path, newsroom_db, read_only, language: str, monkeypatch):
    monkeypatch.setenv("NEWSDESK_LANGUAGE", language)
    read_only(newsroom_db)
    app = AppProcess(newsroom_db, REPORTER, tmp_path / "home")
    assert app.ask("open 1")["ok"]
    seen = app.ask("wait 2.5")
    assert app.quit() == 0
    return seen


def test_a_read_only_database_is_said_in_chinese(tmp_path, newsroom_db, read_only, monkeypatch):
    seen = _started_on_a_read_only_file(tmp_path, newsroom_db, read_only, "zh_CN", monkeypatch)
    assert [d["title"] for d in seen["dialogs"]] == ["数据库是只读的"], seen["dialogs"]
    text = seen["dialogs"][0]["text"]
    data = {str(newsroom_db), newsroom_db.name}
    assert "只读" in text and str(newsroom_db) in text, text
    assert not english_words(text, data), text
    assert seen["read_only"] and "只读" in seen["banner"]
    assert not english_words(seen["banner"], data), seen["banner"]


def test_a_read_only_database_in_english_is_said_as_before(
    tmp_path, newsroom_db, read_only, monkeypatch
):
    seen = _started_on_a_read_only_file(tmp_path, newsroom_db, read_only, "en", monkeypatch)
    text = seen["dialogs"][0]["text"]
    assert f"cannot write to {newsroom_db}: the database is read-only" in text
    assert "read-only" in seen["banner"]


def _said_names() -> set[str]:
    """Every name the core gives a Said, read from its source (f-string names with
    their known endings expanded)."""
    names: set[str] = set()
    for path in (ROOT / "newsdesk").rglob("*.py"):
        if "gui" in path.parts or path.name == "said.py":  # said.py: Said itself
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Said"):
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant):
                names.add(first.value)
            elif isinstance(first, ast.JoinedStr):  # notes.default_section
                kinds = ("bare-article", "markdown", "ninjs", "word")
                names.update(f"default-section-{kind}" for kind in kinds)
            else:
                raise AssertionError(f"{path}: a Said without a name the test can read")
    return names


def test_every_name_the_core_says_has_a_translation():
    names = _said_names()
    assert {"database-read-only-because", "address-required", "no-site-footer"} <= names
    missing = sorted(name for name in names if not knows(name))
    assert not missing, f"translate these in gui/i18n/said_text.py: {missing}"


def test_a_database_that_turns_read_only_in_the_window_is_said_in_chinese(
    qtbot, tmp_path, newsroom_db, open_window, chinese_interface, read_only, typer, told_dialogs
):
    window = open_window(newsroom_db, REPORTER, settings=chinese_interface)
    window.open_article(1)
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    body = window.editor.body.rich_edit
    body.setFocus()
    typer(body, "保存之前。")
    window.session.save_now()
    read_only(newsroom_db, Path(f"{newsroom_db}-wal"), running=True)  # the disk stops
    typer(body, "之后输入的。")
    window.actions.save.trigger()
    qtbot.waitUntil(lambda: bool(told_dialogs), timeout=10_000)
    title, text = told_dialogs[0]
    data = {str(newsroom_db), newsroom_db.name, f"{newsroom_db.name}-wal"}
    assert title == "数据库是只读的", told_dialogs
    assert "只读" in text and not english_words(text, data), text
    banner = window.editor.banner.text()
    assert "只读" in banner and not english_words(banner, data), banner
    _shot(window, "read-only-in-window-zh", tmp_path)


def _storage_problems(tmp_path: Path) -> list:
    """What the storage says when it fails, made by the storage's own code."""
    import sqlite3

    from newsdesk.domain.errors import StorageError
    from newsdesk.storage.sqlite.backup import backup_database, damage_report
    from newsdesk.storage.sqlite.connection import describe_database_error

    db = tmp_path / "room.db"
    db.write_bytes(b"")
    said = [
        describe_database_error(db, sqlite3.Error(text))
        for text in (
            "file is not a database",
            "attempt to write a readonly database",
            "database or disk is full",
            "disk I/O error",
            "database is locked",
            "unable to open database file",
            "something else went wrong",
        )
    ]
    said.append(damage_report(db, "database disk image is malformed"))
    with pytest.raises(StorageError) as missing:
        backup_database(tmp_path / "gone.db")
    said.append(missing.value)
    # A password to keep where no file can be written (its folder is a file).
    from newsdesk.newsroom import credentials

    (tmp_path / "not-a-folder").write_text("x")
    os.environ["PGPASSFILE"] = str(tmp_path / "not-a-folder" / "pgpass")
    try:
        with pytest.raises(StorageError) as unwritable:
            credentials.keep_in_pgpass("postgresql://mei@db.example.org/newsroom", "secret")
    finally:
        del os.environ["PGPASSFILE"]
    said.append(unwritable.value)
    return said


def test_storage_failures_are_said_in_chinese_whatever_they_are(tmp_path, chinese_interface):
    from newsdesk.gui.i18n.core_text import refusal_text
    from newsdesk.gui.i18n.said_text import said_text

    data = {str(tmp_path), "room.db", "gone.db", "something else went wrong", "pgpass"}
    for problem in _storage_problems(tmp_path):
        shown = refusal_text(problem) if isinstance(problem, Exception) else said_text(problem)
        assert shown != str(problem)
        assert not english_words(shown, data), (str(problem), shown)


def test_storage_failures_in_english_are_the_storages_own_words(tmp_path):
    from newsdesk.gui.i18n.core_text import refusal_text
    from newsdesk.gui.i18n.said_text import said_text

    for problem in _storage_problems(tmp_path):
        shown = refusal_text(problem) if isinstance(problem, Exception) else said_text(problem)
        assert shown == str(problem)
