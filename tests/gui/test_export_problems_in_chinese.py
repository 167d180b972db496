"""Why an export stopped, said in the interface's language (issue 15).

The export core names each reason (publish/export/problems.py); the export dialog of
the real window says it in Chinese under the Chinese interface and in the core's own
English words otherwise, as the CLI prints them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from newsdesk.domain.said import said_of
from newsdesk.gui.i18n.said_text import said_text
from newsdesk.publish.export import problems
from tests.gui.interface_text import english_words
from tests.gui.workflow_helpers import PRODUCER, REPORTER, WEB, add_article, make_newsroom, move


@pytest.fixture
def db(tmp_path):
    db = make_newsroom(tmp_path)
    article = add_article(db, "Night trains to the coast", body="Trains run on Fridays.")
    move(db, article, ("submit", REPORTER), ("approve", PRODUCER))
    return db


def _export_into_a_blocked_folder(qtbot, open_window, db, tmp_path, settings=None) -> str:
    """Export into a folder where a folder named manifest.json is in the way; the text
    the dialog shows."""
    out = tmp_path / "site"
    (out / "manifest.json").mkdir(parents=True)
    window = open_window(db, WEB, settings=settings)
    window.actions.export.trigger()
    dialog = window.export_dialog
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=5000)
    dialog.folder_edit.setFocus()
    qtbot.keyClicks(dialog.folder_edit, str(out))
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=5000)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(out) in dialog.status_label.text(), timeout=10_000)
    assert not any(out.glob("*.html"))  # nothing half-written
    return dialog.status_label.text()


def test_an_export_that_cannot_write_is_explained_in_chinese(
    qtbot, open_window, db, tmp_path, chinese_interface
):
    text = _export_into_a_blocked_folder(qtbot, open_window, db, tmp_path, chinese_interface)
    assert "同名的文件夹挡住了它" in text, text
    assert english_words(text, data=[str(tmp_path)]) == [], text


def test_in_english_the_dialog_shows_the_cores_own_words(qtbot, open_window, db, tmp_path):
    text = _export_into_a_blocked_folder(qtbot, open_window, db, tmp_path)
    target = tmp_path / "site" / "manifest.json"
    assert f"cannot write {target}: a folder of that name is in the way" in text, text


def _every_problem() -> list:
    where, detail = Path("/srv/site"), "No space left on device"
    return [
        problems.outside_folder("../x.html", where),
        problems.folder_in_the_way(where / "a.html"),
        problems.cannot_write(where / "a.html", detail),
        problems.cannot_replace(where / "a.html", detail, problems.left_as_it_was(where)),
        problems.cannot_keep_previous(where / "a.html", detail, problems.not_put_back(2, where)),
        problems.cannot_create_folder(where, detail),
        problems.not_a_folder(where),
        problems.no_slug(7, "渡轮恢复运营"),
        problems.no_slug(None, "渡轮恢复运营"),
        problems.unsafe_slug(7, "a/b"),
        problems.slug_shared(7, "ferry"),
        problems.article_twice(7),
        problems.image_name_taken("index.html", 7),
        problems.image_unsafe_name(".x.png", 7),
        problems.image_kind("photo.bmp", 7, ".jpg, .png"),
        problems.image_media_type("photo.png", 7, "text/plain"),
        problems.image_name_clash("photo.png", 7),
        problems.image_damaged("photo.png", 7),
    ]


def test_every_export_problem_is_said_in_chinese(chinese_interface):
    for said in _every_problem():
        shown = said_text(said)
        data = [str(v) for v in said.params.values() if said_of(v) is None]
        data += ["No space left on device", "SHA-256", "jpg", "png", "bmp", "html"]
        assert shown != str(said), said.name
        assert english_words(shown, data=data) == [], (said.name, shown)


def test_every_export_problem_in_english_is_the_cores_sentence():
    for said in _every_problem():
        assert said_text(said) == str(said)
