"""Saving under pressure: conflicts after switching, saves in flight, bad fields,
pictures, long background jobs. Each of these once lost or mixed up text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

import newsdesk.newsroom as newsroom_module
from newsdesk.domain.article import Article, Credit, Image
from newsdesk.domain.merge import Choice, Side
from newsdesk.domain.status import Status
from newsdesk.gui.editor.conflict_dialog import ConflictDialog
from newsdesk.gui.main_window import MainWindow
from newsdesk.newsroom import Newsroom


@pytest.fixture
def env(tmp_path):
    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person("Mei Lin", ["reporter"])
    room.add_person("Tom Reed", ["producer"])
    ids = []
    for headline in ("Tram line reopens", "Library extends hours"):
        article = room.create_article(
            Article(
                headline=headline,
                date=dt.date(2026, 3, 1),
                body=f"{headline} today.",
                credits=[Credit("Reporter", ("Mei Lin",))],
            ),
            actor="Mei Lin",
        )
        ids.append(article.id)
    room.close()
    return db, ids


@pytest.fixture
def answers(monkeypatch):
    """Answer the window's questions without a person: "No" to "stay on it?"."""
    asked: list[str] = []

    def warning(*args, **kwargs):
        asked.append(args[2] if len(args) > 2 else "")
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return asked


def _window(qtbot, db, user="Mei Lin") -> MainWindow:
    room = Newsroom.open(db)
    settings = QSettings(str(db.parent / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(room, str(db), user, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _open(qtbot, window, article_id):
    window.open_article(article_id)
    qtbot.waitUntil(lambda: window.session.is_open(article_id), timeout=5000)


def _type_at_end(qtbot, window, text):
    body = window.editor.body.rich_edit
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, text)


def _slow_saves(monkeypatch, seconds):
    original = newsroom_module.Newsroom.save_article

    def slow(self, *args, **kwargs):
        time.sleep(seconds)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(newsroom_module.Newsroom, "save_article", slow)


def _choose_for_every_conflict(monkeypatch, choice: Choice) -> None:
    """The conflict dialog answered as a person would: `choice` for each part."""

    def answer(dialog: ConflictDialog):
        for row in dialog.rows:
            if row.side is Side.CONFLICT:
                row.buttons[choice].setChecked(True)
        assert dialog.save_button.isEnabled()
        dialog.save_button.click()

    monkeypatch.setattr(ConflictDialog, "open", answer)


def _colleague_saves_over(db, article_id: int):
    colleague = Newsroom.open(db)
    current = colleague.article(article_id)
    colleague.save_article(dataclasses.replace(current, body="Colleague's text."), actor="Tom Reed")
    return colleague


def test_keep_mine_after_switching_saves_my_text_into_my_article(qtbot, env, answers, monkeypatch):
    db, (tram, library) = env
    window = _window(qtbot, db)
    _open(qtbot, window, tram)
    _type_at_end(qtbot, window, " My addition.")  # the same paragraph the colleague rewrites
    colleague = _colleague_saves_over(db, tram)
    _choose_for_every_conflict(monkeypatch, Choice.MINE)
    window.open_article(library)  # the save conflicts; "stay on it?" -> No
    qtbot.waitUntil(lambda: window.session.is_open(library), timeout=5000)
    qtbot.waitUntil(lambda: colleague.article(tram).revision == 3, timeout=10_000)
    saved = colleague.article(tram)
    assert saved.headline == "Tram line reopens"
    assert "My addition." in saved.body
    assert colleague.store.get_revision(tram, 2).body == "Colleague's text."  # kept too
    assert colleague.article(library).revision == 1  # untouched
    colleague.close()
    window.close()


def test_take_theirs_after_switching_keeps_mine_in_the_history_and_the_open_article(
    qtbot, env, answers, monkeypatch
):
    db, (tram, library) = env
    window = _window(qtbot, db)
    _open(qtbot, window, tram)
    _type_at_end(qtbot, window, " My addition.")
    colleague = _colleague_saves_over(db, tram)
    _choose_for_every_conflict(monkeypatch, Choice.THEIRS)
    window.open_article(library)
    qtbot.waitUntil(lambda: window.session.is_open(library), timeout=5000)
    qtbot.waitUntil(lambda: colleague.article(tram).revision == 4, timeout=10_000)
    assert colleague.article(tram).body == "Colleague's text."  # theirs continues
    assert "My addition." in colleague.revision(tram, 3).body  # mine, in the history
    assert colleague.store.count() == 2  # no copy article any more
    assert window.session.is_open(library)  # the open article stayed where it was
    assert window.editor.fields.headline_edit.text() == "Library extends hours"
    colleague.close()
    window.close()


def test_a_picture_added_while_a_save_is_in_flight_is_kept(qtbot, env, tmp_path, monkeypatch):
    db, (tram, _library) = env
    picture = tmp_path / "pic.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(picture))
    _slow_saves(monkeypatch, 0.5)
    window = _window(qtbot, db)
    window.editor.body._ask_caption = lambda path: "A red square"
    _open(qtbot, window, tram)
    _type_at_end(qtbot, window, " more")
    window.session.save()
    assert window.session.is_saving()
    assert window.editor.body.insert_image_file(picture)
    qtbot.waitUntil(lambda: not window.session.is_saving(), timeout=10_000)
    assert window.session.is_dirty()  # added after the save began: still to be saved
    window.session.save()
    qtbot.waitUntil(
        lambda: not window.session.is_saving() and not window.session.is_dirty(), timeout=10_000
    )
    stored = window.newsroom.article(tram)
    assert len(stored.images) == 1
    assert stored.images[0].name in stored.body
    assert window.newsroom.store.image_data(stored.images[0].sha256)
    window.close()


def test_recovered_pictures_come_back_with_the_text(qtbot, env, abandoned_journal):
    db, (tram, _library) = env
    room = Newsroom.open(db)
    digest = room.store.put_image(b"\x89PNG fake", "image/png")
    current = room.article(tram)
    unsaved = dataclasses.replace(
        current,
        body=current.body + "\n\n![A red square](img-abc.png)",
        images=[Image("img-abc.png", digest, "image/png")],
    )
    abandoned_journal(db, unsaved, base_revision=current.revision, user="Mei Lin", written_at="t")
    room.close()
    window = _window(qtbot, db)
    qtbot.waitUntil(lambda: window.newsroom.article(tram).revision == 2, timeout=10_000)
    stored = window.newsroom.article(tram)
    assert "img-abc.png" in stored.body
    assert [i.name for i in stored.images] == ["img-abc.png"]
    window.close()


def test_an_invalid_field_does_not_stop_the_rest_from_being_saved(qtbot, env, answers):
    db, (tram, _library) = env
    window = _window(qtbot, db)
    _open(qtbot, window, tram)
    window.editor.fields.headline_edit.clear()  # cleared to be rewritten
    window.editor.fields.date_edit.setText("2026-13")  # half typed
    _type_at_end(qtbot, window, " Three paragraphs of new reporting.")
    journal = window.journal
    qtbot.waitUntil(lambda: journal.read("Mei Lin") is not None, timeout=5000)
    assert journal.read("Mei Lin").pending_fields == {"headline": "", "date": "2026-13"}
    window.session.save()
    qtbot.waitUntil(lambda: "new reporting" in window.newsroom.article(tram).body, timeout=10_000)
    stored = window.newsroom.article(tram)
    assert stored.headline == "Tram line reopens"  # the stored value stays until fixed
    assert stored.date == dt.date(2026, 3, 1)
    assert window.session.is_dirty()  # the fields still need fixing: not "Saved"
    assert journal.read("Mei Lin") is not None
    qtbot.keyClicks(window.editor.fields.headline_edit, "Tram line reopens early")
    window.editor.fields.date_edit.setText("2026-03-02")
    window.session.save()
    qtbot.waitUntil(
        lambda: window.newsroom.article(tram).headline == "Tram line reopens early",
        timeout=10_000,
    )
    assert window.newsroom.article(tram).date == dt.date(2026, 3, 2)
    qtbot.waitUntil(lambda: journal.read("Mei Lin") is None, timeout=5000)
    window.close()


def test_typing_then_undoing_keeps_the_approval(qtbot, env):
    db, (tram, _library) = env
    room = Newsroom.open(db)
    room.transition(tram, "submit", actor="Mei Lin")
    room.transition(tram, "approve", actor="Tom Reed")
    room.close()
    window = _window(qtbot, db, user="Tom Reed")
    _open(qtbot, window, tram)
    _type_at_end(qtbot, window, "x")
    qtbot.waitUntil(lambda: window.controller.edit_guard.question is not None, timeout=3000)
    box = window.controller.edit_guard.question
    qtbot.mouseClick(
        next(b for b in box.buttons() if "Edit anyway" in b.text().replace("&", "")),
        Qt.MouseButton.LeftButton,
    )
    qtbot.keyClick(window.editor.body.rich_edit, Qt.Key.Key_Backspace)
    window.session.save_now()
    stored = window.newsroom.article(tram)
    assert (stored.status, stored.revision) == (Status.APPROVED, 1)
    window.close()


def test_switching_while_typing_during_a_save_asks_nothing(qtbot, env, answers, monkeypatch):
    db, (tram, library) = env
    _slow_saves(monkeypatch, 0.4)
    window = _window(qtbot, db)
    _open(qtbot, window, tram)
    _type_at_end(qtbot, window, " one")
    window.session.save()
    _type_at_end(qtbot, window, " two")
    window.open_article(library)
    assert answers == []  # no false "could not be saved"
    assert window.session.is_open(library)
    assert window.newsroom.article(tram).body.rstrip().endswith("one two")
    window.close()


def test_switching_does_not_wait_for_a_long_background_job(qtbot, env, answers):
    db, (tram, library) = env
    window = _window(qtbot, db)
    _open(qtbot, window, tram)
    _type_at_end(qtbot, window, " typed")
    window.background.submit(lambda newsroom: time.sleep(3))  # a long export or backup
    started = time.monotonic()
    window.open_article(library)
    waited = time.monotonic() - started
    assert window.session.is_open(library)
    assert waited < 2.5  # the save did not queue behind the 3 s job
    assert window.newsroom.article(tram).body.rstrip().endswith("typed")
    window.background.wait()
    window.close()
