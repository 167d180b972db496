"""The app on a team base: File › Connect to a newsroom server… typed with real keys,
the password asked only when the server wants one (and kept only where the person
says), the window saying which newsroom and as whom, no first-run question and no free
"Working as", back to a local newsroom, and a server out of reach at start."""

from __future__ import annotations

import psycopg
import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
)

from newsdesk.domain.article import Article
from newsdesk.gui import app as app_module
from newsdesk.gui.connect import session_passwords
from newsdesk.gui.connect.dialog import ConnectDialog
from newsdesk.gui.connect.password_dialog import PasswordDialog
from newsdesk.gui.people.first_run_dialog import FirstRunDialog
from newsdesk.newsroom import Newsroom
from tests import pg_cluster
from tests.cli.conftest import run_newsdesk

PASSWORD = "harbour-tram-42"


class Driver:
    """Answers the app's modal dialogs as a person at the keyboard would: `steps` maps
    a dialog class to what to do with it (each called once per time it shows)."""

    def __init__(self, qtbot, steps: dict) -> None:
        self.qtbot = qtbot
        self.steps = steps
        self.seen: list[str] = []
        self._handled: set[int] = set()
        self.errors: list[BaseException] = []
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or id(dialog) in self._handled or not dialog.isVisible():
            return
        for kind, act in self.steps.items():
            if isinstance(dialog, kind):
                self._handled.add(id(dialog))
                self.seen.append(kind.__name__)
                try:
                    act(dialog)
                except BaseException as exc:  # a failed step must not leave a modal open
                    self.errors.append(exc)
                    dialog.reject()
                return

    def stop(self) -> None:
        self.timer.stop()
        if self.errors:
            raise self.errors[0]


@pytest.fixture
def app_settings(tmp_path, monkeypatch):
    """The app's own QSettings() in a folder of this test's, with a remembered user."""
    folder = tmp_path / "config"
    app_module.application()  # names the application first: QSettings() follows the name
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    settings = QSettings()
    settings.clear()
    settings.setValue("user/name", "Ana Cruz")
    settings.sync()
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.chdir(tmp_path)
    yield folder
    session_passwords._typed.clear()
    window = app_module._CURRENT[0]
    if window is not None and window.isVisible():
        window.close()
    app_module._CURRENT[0] = None


@pytest.fixture
def local_db(tmp_path):
    db = tmp_path / "local.db"
    room = Newsroom.open(db)
    room.add_person("Ana Cruz", ["reporter"])
    room.close()
    return db


@pytest.fixture
def mei(pg_newsroom):
    """Mei Lin's login, which must give a password, and one article of hers."""
    login = pg_newsroom.add_person("Mei Lin", ["reporter"])
    with psycopg.connect(pg_newsroom.url, autocommit=True) as conn:
        conn.execute(f"ALTER ROLE \"{login}\" PASSWORD '{PASSWORD}'")
        conn.execute(f'GRANT {pg_cluster.PASSWORD_GROUP} TO "{login}"')
    room = Newsroom.open(pg_newsroom.url_as(login), ask_password=lambda _p: PASSWORD)
    room.create_article(Article(headline="Tram line opens", body="Every ten minutes."), actor="")
    room.close()
    return login


def _fill_connect(qtbot, server: str, newsroom: str, login: str):
    def act(dialog: ConnectDialog) -> None:
        for edit in (dialog.server_edit, dialog.newsroom_edit, dialog.login_edit):
            edit.selectAll()
            qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        dialog.server_edit.setFocus()
        qtbot.keyClicks(dialog.server_edit, server)
        # Tab goes on to the next field: the dialog's own focus (the application's is
        # None while an offscreen window is not yet active, and keys to None abort).
        qtbot.keyClick(dialog.server_edit, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.newsroom_edit
        qtbot.keyClicks(dialog.focusWidget(), newsroom)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.login_edit
        qtbot.keyClicks(dialog.focusWidget(), login)
        assert dialog.login_edit.text() == login
        dialog.grab().save(str(_shots() / "connect-dialog.png"))
        qtbot.keyClick(dialog.login_edit, Qt.Key.Key_Return)

    return act


def _shots():
    import os
    from pathlib import Path

    folder = Path(os.environ.get("NEWSDESK_TEST_SHOTS", "/tmp/newsdesk-shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _type_password(qtbot, passwords: list[str], keep: str | None, problems: list[str]):
    def act(dialog: PasswordDialog) -> None:
        problems.append(dialog.problem.text() if dialog.problem.isVisible() else "")
        qtbot.keyClicks(dialog.password_edit, passwords.pop(0))
        if keep is not None and not passwords:
            qtbot.keyClick(dialog.remember_check, Qt.Key.Key_Space)
            dialog.where_combo.setCurrentIndex(dialog.where_combo.findData(keep))
        dialog.grab().save(str(_shots() / "password-dialog.png"))
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    return act


def _window_after(qtbot, old, driver: Driver):
    """The window that replaced `old`, once the driver answered the dialogs on the way."""
    qtbot.waitUntil(
        lambda: bool(driver.errors) or app_module._CURRENT[0] is not old, timeout=20_000
    )
    driver.stop()
    return app_module._CURRENT[0]


def test_connect_by_keyboard_asks_the_password_once_and_works_as_the_login(
    qtbot, app_settings, local_db, pg_newsroom, mei, pg_server
):
    window = app_module.start(str(local_db))  # replaced (and deleted) by the switch
    assert window.windowTitle() == "Ana Cruz — local.db — newsdesk"
    assert window.user_switcher.combo.isEnabled()
    problems: list[str] = []
    driver = Driver(
        qtbot,
        {
            ConnectDialog: _fill_connect(qtbot, pg_server.host, pg_newsroom.name, mei),
            PasswordDialog: _type_password(qtbot, ["wrong", PASSWORD], "pgpass", problems),
            FirstRunDialog: lambda d: pytest.fail("a team base asks nobody's name"),
        },
    )
    # The File menu holds the entry, as a person finds it.
    file_menu = window.menuBar().actions()[0].menu()
    assert window.actions.connect_server in file_menu.actions()
    assert window.actions.open_local in file_menu.actions()
    window.actions.connect_server.trigger()
    team = _window_after(qtbot, window, driver)
    qtbot.addWidget(team)
    assert not window.isVisible()
    # Asked twice: a wrong password is said to be wrong, and asked again.
    assert driver.seen == ["ConnectDialog", "PasswordDialog", "PasswordDialog"]
    assert problems == ["", "The server refused this password. Type it again."]
    title = team.windowTitle()
    assert title == f"Mei Lin ({mei}) — {pg_newsroom.name} on this computer — newsdesk", title
    labels = [w.text() for w in team.statusBar().findChildren(type(team.user_switcher.label))]
    assert any(f"logged in as {mei} (Mei Lin)" in text for text in labels), labels
    # No free "Working as": the login is the person.
    assert team.user_switcher.label.text() == "Logged in as"
    assert not team.user_switcher.combo.isEnabled()
    assert "log in as them" in team.user_switcher.combo.toolTip()
    # The window's worker connections use the password typed (the list is read on one).
    qtbot.waitUntil(lambda: team.list_panel.model.rowCount() == 1, timeout=15_000)
    team.grab().save(str(_shots() / "window-team-base.png"))
    # Kept where asked: libpq's password file (another libpq program reads it) and
    # never the settings file; the last newsroom is remembered, without a password.
    pgpass = (app_settings.parent / "pgpass").read_text()
    assert f":{mei}:{PASSWORD}" in pgpass
    assert oct((app_settings.parent / "pgpass").stat().st_mode & 0o777) == "0o600"
    settings_text = "".join(p.read_text() for p in app_settings.rglob("*.conf"))
    assert PASSWORD not in settings_text
    assert QSettings().value("newsroom/last").startswith(f"postgresql://{mei}@/")
    url = pg_newsroom.url_as(mei)
    code, out, err = run_newsdesk(
        "--db", url, "list", env={"PGPASSFILE": str(app_settings.parent / "pgpass")}
    )
    assert code == 0 and "Tram line opens" in out, err
    # A server is never copied like a file: no backup, no folder named after the URL.
    assert not list(app_settings.parent.glob("postgresql*"))
    made = [p.name for p in app_settings.parent.rglob("backups/*")]
    assert made and all(name.startswith("local-") for name in made), made  # the file's only


def test_the_keyring_keeps_the_password_and_the_next_start_asks_nothing(
    qtbot, app_settings, pg_newsroom, mei, tmp_path, monkeypatch
):
    import keyring

    from tests.fixtures.file_keyring import FileKeyring

    monkeypatch.setenv("NEWSDESK_TEST_KEYRING", str(tmp_path / "keyring.json"))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    try:
        url = pg_newsroom.url_as(mei)
        problems: list[str] = []
        typing = _type_password(qtbot, [PASSWORD], "keyring", problems)
        driver = Driver(qtbot, {PasswordDialog: typing})
        window = app_module.start(url)
        driver.stop()
        qtbot.addWidget(window)
        assert driver.seen == ["PasswordDialog"]
        assert PASSWORD in (tmp_path / "keyring.json").read_text()
        assert not (app_settings.parent / "pgpass").exists()
        window.close()
        session_passwords._typed.clear()  # as a new run of the app
        driver = Driver(qtbot, {PasswordDialog: lambda d: pytest.fail("asked again")})
        again = app_module.start(url)
        driver.stop()
        qtbot.addWidget(again)
        assert again.windowTitle().startswith("Mei Lin")
        qtbot.waitUntil(lambda: again.list_panel.model.rowCount() == 1, timeout=15_000)
    finally:
        keyring.set_keyring(previous)


def test_back_to_a_local_newsroom_from_the_file_menu(
    qtbot, app_settings, local_db, pg_newsroom, tmp_path
):
    login = pg_newsroom.add_person("Tom Reed", ["producer"])  # trusted: no password
    window = app_module.start(pg_newsroom.url_as(login))  # replaced by the switch
    assert window.windowTitle().startswith(f"Tom Reed ({login})")

    def choose(dialog: QFileDialog) -> None:
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        assert open_button.text().replace("&", "") == "Open"

        def put_away_suggestions() -> None:
            # They pop up over the name when a folder has been read (on a thread of the
            # dialog's, at no fixed moment) and would take the keys and clicks.
            popup = name.completer().popup() if name.completer() else None
            if popup is not None and popup.isVisible():
                qtbot.keyClick(popup, Qt.Key.Key_Escape)

        # The folder as a person browses to it; typing a whole path races the dialog's
        # reading of each folder on its own thread (Qt's widget, not the app's).
        dialog.setDirectory(str(local_db.parent))
        qtbot.waitUntil(lambda: dialog.directory().path() == str(local_db.parent), timeout=5000)
        qtbot.wait(200)
        put_away_suggestions()
        name.selectAll()
        qtbot.keyClicks(name, local_db.name)
        for _attempt in range(30):
            put_away_suggestions()
            if not dialog.isVisible():
                break
            qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
            qtbot.wait(100)
        assert not dialog.isVisible(), "the file dialog did not take the file"
        assert dialog.selectedFiles() == [str(local_db)], dialog.selectedFiles()

    def no_name_asked(dialog: FirstRunDialog) -> None:
        pytest.fail("the local newsroom's remembered person was asked for again")

    driver = Driver(qtbot, {QFileDialog: choose, FirstRunDialog: no_name_asked})
    window.actions.open_local.trigger()
    local = _window_after(qtbot, window, driver)
    qtbot.addWidget(local)
    assert local.windowTitle() == "Ana Cruz — local.db — newsdesk"
    assert local.user_switcher.combo.isEnabled()
    assert QSettings().value("newsroom/last") == str(local_db)


def _quit_on(seen: list[dict]):
    def act(box: QMessageBox) -> None:
        seen.append({"title": box.windowTitle(), "text": box.informativeText()})
        quit_button = next(b for b in box.buttons() if b.text() == "Quit")
        quit_button.click()

    return act


def test_a_server_out_of_reach_at_start_is_a_message_with_ways_out(qtbot, app_settings, tmp_path):
    url = f"postgresql://mei@/newsroom?host={tmp_path}/no-such-socket-dir"
    seen: list[dict] = []
    driver = Driver(qtbot, {QMessageBox: _quit_on(seen)})
    assert app_module.start(url) == 1
    driver.stop()
    assert [s["title"] for s in seen] == ["newsdesk cannot reach its newsroom"]
    assert "the newsroom server is unreachable" in seen[0]["text"]
    assert "Traceback" not in seen[0]["text"]


def test_the_owner_or_a_login_of_nobody_is_no_desk(qtbot, app_settings, pg_newsroom):
    seen: list[dict] = []
    driver = Driver(qtbot, {QMessageBox: _quit_on(seen)})
    assert app_module.start(pg_newsroom.url) == 1
    driver.stop()
    # The refusal's sentence, as every dialog says one (no "[rule: …]" tag; the log
    # keeps it), in the interface's language.
    assert "owns this newsroom database" in seen[0]["text"]
    assert "[rule:" not in seen[0]["text"]
