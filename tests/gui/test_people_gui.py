"""File › People…: add people, change roles, deactivate; the switcher and the credits'
name completion follow at once (through the change hub), without a restart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from newsdesk.domain.status import UserRole
from newsdesk.gui.people.people_dialog import PeopleDialog, manage_refusal
from newsdesk.newsroom import Newsroom
from newsdesk.storage.store import Login


def _switcher_names(window) -> list[str]:
    combo = window.user_switcher.combo
    return [combo.itemText(i) for i in range(combo.count())]


def _open_people(qtbot, window) -> PeopleDialog:
    window.actions.people.trigger()
    dialog = window.tools.people_dialog
    qtbot.waitUntil(lambda: len(dialog.people) == 2, timeout=5000)
    return dialog


def _choose(dialog, name: str) -> None:
    item = dialog.list.findItems(name, Qt.MatchFlag.MatchExactly, 0)[0]
    dialog.list.setCurrentItem(item)


def test_adding_and_deactivating_people_updates_the_switcher_and_completion(
    qtbot, desk_db, open_window
):
    window = open_window(desk_db, user="Tom Reed")
    dialog = _open_people(qtbot, window)
    assert QApplication.focusWidget() is dialog.name_edit  # the main action's field

    qtbot.keyClicks(dialog.name_edit, "Ana Costa")
    dialog.new_roles.boxes[UserRole.REPORTER].setChecked(True)
    dialog.new_roles.boxes[UserRole.WEB].setChecked(True)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Ana Costa" in _switcher_names(window), timeout=5000)
    qtbot.waitUntil(lambda: "Ana Costa" in window.side.credits.known_people(), timeout=5000)
    qtbot.waitUntil(lambda: len(dialog.people) == 3, timeout=5000)
    assert "Added Ana Costa" in dialog.message.text()

    # Nobody deactivates themselves: the button says why, without a mouse too.
    _choose(dialog, "Tom Reed")
    assert not dialog.activity_button.isEnabled()
    assert "cannot deactivate yourself" in dialog.activity_button.statusTip()

    _choose(dialog, "Mei Lin")
    qtbot.mouseClick(dialog.activity_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Mei Lin" not in _switcher_names(window), timeout=5000)
    qtbot.waitUntil(lambda: "Mei Lin" not in window.side.credits.known_people(), timeout=5000)
    qtbot.waitUntil(
        lambda: (
            dialog.list.findItems("Mei Lin", Qt.MatchFlag.MatchExactly, 0)[0].text(2)
            == "deactivated"
        ),
        timeout=5000,
    )
    assert dialog.activity_button.text() == "Activate"  # and back, from the same place
    check = Newsroom.open(desk_db)
    try:
        assert {p.name: p.active for p in check.people()} == {
            "Ana Costa": True,
            "Mei Lin": False,
            "Tom Reed": True,
        }
    finally:
        check.close()


def test_changing_roles_reaches_the_switchers_badges(qtbot, desk_db, open_window):
    window = open_window(desk_db, user="Tom Reed")
    dialog = _open_people(qtbot, window)
    _choose(dialog, "Tom Reed")
    assert not dialog.save_roles_button.isEnabled()  # nothing changed yet
    dialog.roles.boxes[UserRole.WEB].setChecked(True)
    qtbot.mouseClick(dialog.save_roles_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: {b.text().casefold() for b in window.user_switcher.badges()} >= {"web"},
        timeout=5000,
    )
    assert window.user.roles == {UserRole.PRODUCER, UserRole.WEB}


def test_on_a_team_base_the_dialog_says_the_owner_makes_logins(qtbot, desk_db, open_window):
    # The desk's login as a team base reports it; the dialog is read-only for it.
    refusal = manage_refusal(Login(name="nd_mei", person="Mei Lin", bypasses_rules=False))
    assert "newsdesk users add NAME --role ROLE --login LOGIN" in refusal
    assert manage_refusal(None) == ""
    window = open_window(desk_db, user="Tom Reed")
    dialog = PeopleDialog(
        window.worker, window.hub, actor=lambda: "Tom Reed", manage_refusal=refusal, parent=window
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.people) == 2, timeout=5000)
    qtbot.keyClicks(dialog.name_edit, "Ana Costa")
    for button in (dialog.add_button, dialog.activity_button, dialog.save_roles_button):
        assert not button.isEnabled()
        assert "owner creates" in button.toolTip()


def test_a_team_desk_sees_people_change_and_may_not_change_them(qtbot, pg_newsroom, tmp_path):
    from PySide6.QtCore import QSettings

    from newsdesk.gui.main_window import MainWindow

    pg_newsroom.add_person("Lena Park", ["reporter"])
    pg_newsroom.add_person("Omar Diaz", ["producer"])
    url = pg_newsroom.url_as("Lena Park")
    room = Newsroom.open(url)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(room, url, "Lena Park", settings)
    qtbot.addWidget(window)
    window.show()
    try:
        window.actions.people.trigger()
        dialog = window.tools.people_dialog
        qtbot.waitUntil(lambda: len(dialog.people) == 2, timeout=5000)
        note = "\n".join(label.text() for label in dialog.findChildren(type(dialog.message)))
        assert "--login LOGIN" in note and pg_newsroom.logins["Lena Park"] in note
        assert not dialog.add_button.isEnabled() and not dialog.activity_button.isEnabled()

        assert "Omar Diaz" in window.side.credits.known_people()
        # The owner deactivates Omar on the server: this desk hears it (the live feed,
        # then the hub) and the dialog and the switcher follow without a restart.
        owner = Newsroom.open(pg_newsroom.url)
        try:
            owner.set_person_active("Omar Diaz", False, actor="owner")
        finally:
            owner.close()
        qtbot.waitUntil(
            lambda: any(p.name == "Omar Diaz" and not p.active for p in dialog.people),
            timeout=10_000,
        )
        assert "Omar Diaz" not in _switcher_names(window)
        assert "Omar Diaz" not in window.side.credits.known_people()
    finally:
        window.close()
        room.close()
