"""First run: the app asks who you are, stores you as a person, and remembers you."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from newsdesk.domain.status import UserRole
from newsdesk.gui.app import ensure_user
from newsdesk.gui.people.first_run_dialog import FirstRunDialog
from newsdesk.gui.window_state import USER_KEY
from newsdesk.newsroom import Newsroom


def _answer(qtbot, typer, name: str, role: UserRole) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no name yet
        dialog.name_edit.setFocus()
        typer(dialog.name_edit, name)
        dialog.role_choice.set_roles({role})
        assert ok.isEnabled()
        ok.click()

    QTimer.singleShot(0, fill)


def test_first_run_stores_the_person_and_remembers_them(qtbot, typer, tmp_path):
    newsroom = Newsroom.open(tmp_path / "first.db")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    _answer(qtbot, typer, "  Zhou   Ning ", UserRole.PRODUCER)
    assert ensure_user(newsroom, settings) == "Zhou Ning"
    assert newsroom.person("Zhou Ning").roles == frozenset({UserRole.PRODUCER})
    assert settings.value(USER_KEY) == "Zhou Ning"
    # The next start asks nothing.
    assert ensure_user(newsroom, settings) == "Zhou Ning"
    newsroom.close()


def test_a_known_name_signs_in_as_that_person(qtbot, typer, tmp_path):
    newsroom = Newsroom.open(tmp_path / "known.db")
    newsroom.add_person("Mei Lin", ["reporter"])
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    _answer(qtbot, typer, "mei lin", UserRole.WEB)
    assert ensure_user(newsroom, settings) == "Mei Lin"
    assert newsroom.person("Mei Lin").roles == frozenset({UserRole.REPORTER})  # unchanged
    newsroom.close()
