"""The window without a mouse: Tab walks the panes, the search box leads into the
results, dialogs start on their main action, and what is greyed out says why."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton

from newsdesk.domain.article import Article, Credit
from newsdesk.newsroom import Newsroom


def _articles(db, *headlines: str) -> list[int]:
    room = Newsroom.open(db)
    ids = [
        room.create_article(
            Article(
                headline=headline,
                date=dt.date(2026, 5, 1 + n),
                body="Text of the article.",
                credits=[Credit("Reporter", ("Mei Lin",))],
            ),
            actor="Mei Lin",
        ).id
        for n, headline in enumerate(headlines)
    ]
    room.close()
    return ids


def _focused():
    return QApplication.focusWidget()


def _pane_of(window, widget) -> str:
    for name, pane in (
        ("switcher", window.user_switcher),
        ("bar", window.workflow_bar),
        ("list", window.list_panel),
        ("editor", window.editor),
        ("preview", window.preview),
        ("side", window.side),
    ):
        if widget is pane or pane.isAncestorOf(widget):
            return name
    return "elsewhere"


def _open_first(qtbot, window) -> int:
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() >= 2, timeout=5000)
    view = window.list_panel.view
    rect = view.visualRect(window.list_panel.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    return window.session.article.id


def test_tab_leaves_the_list_and_walks_the_panes_in_reading_order(qtbot, desk_db, open_window):
    _articles(desk_db, "Harbour ferry timetable", "Council approves library")
    window = open_window(desk_db)
    opened = _open_first(qtbot, window)
    view = window.list_panel.view
    view.setFocus()
    assert _focused() is view

    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert _pane_of(window, _focused()) == "editor", _focused()
    assert window.session.article.id == opened  # Tab switched no article
    assert _focused() is window.editor.fields.kicker_edit

    # Round the whole window: every pane once, in reading order, then back.
    seen: list[str] = []
    for _ in range(80):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
        pane = _pane_of(window, _focused())
        if not seen or seen[-1] != pane:
            seen.append(pane)
        if _focused() is window.editor.fields.kicker_edit:
            break
    assert seen == ["editor", "preview", "side", "switcher", "bar", "list", "editor"], seen
    assert window.session.article.id == opened

    # Shift+Tab from the first field of the editor goes back into the list.
    qtbot.keyClick(_focused(), Qt.Key.Key_Backtab)
    assert _pane_of(window, _focused()) == "list"


def test_f6_jumps_from_pane_to_pane(qtbot, desk_db, open_window):
    _articles(desk_db, "Harbour ferry timetable", "Council approves library")
    window = open_window(desk_db)
    _open_first(qtbot, window)
    window.list_panel.search_box.setFocus()
    order = []
    for _ in range(6):
        qtbot.keyClick(_focused(), Qt.Key.Key_F6)
        order.append(_pane_of(window, _focused()))
    assert order == ["editor", "preview", "side", "switcher", "bar", "list"]
    qtbot.keyClick(_focused(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert _pane_of(window, _focused()) == "bar"


def test_enter_or_down_in_the_search_box_goes_into_the_results(qtbot, desk_db, open_window):
    ids = _articles(desk_db, "Harbour ferry timetable", "Council approves library")
    window = open_window(desk_db)
    panel = window.list_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    panel.search_box.setFocus()
    qtbot.keyClicks(panel.search_box, "council")
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)  # before the search ran by itself
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    assert _focused() is panel.view
    assert window.session.article.id == ids[1]  # the first (only) result, opened
    assert panel.count_label.text() == "1 article matches"

    panel.search_box.setFocus()
    panel.search_box.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    assert panel.count_label.text() == "2 articles"
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Down)
    assert _focused() is panel.view
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)  # arrows walk the results
    qtbot.waitUntil(lambda: window.session.article.id != ids[1], timeout=5000)


def _dialog_starts_on_its_main_action(dialog: QDialog) -> None:
    """Focus is never on a Cancel, Close or No button, and Enter presses the action the
    dialog is for (or, with nothing to confirm, closes it)."""
    focus = dialog.focusWidget()
    assert focus is not None and dialog.isAncestorOf(focus)
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            role = box.buttonRole(button)
            if focus is button:
                assert role not in (
                    QDialogButtonBox.ButtonRole.RejectRole,
                    QDialogButtonBox.ButtonRole.NoRole,
                ), button.text()
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert defaults, "no default button: Enter does nothing"


def test_workflow_and_window_dialogs_start_on_their_main_action(qtbot, desk_db, open_window):
    _articles(desk_db, "Harbour ferry timetable", "Council approves library")
    window = open_window(desk_db)
    _open_first(qtbot, window)
    window.workflow_bar.buttons[next(iter(window.workflow_bar.buttons))].click()  # Submit
    qtbot.waitUntil(lambda: window.workflow.dialog is not None, timeout=5000)
    dialog = window.workflow.dialog
    qtbot.waitExposed(dialog)
    _dialog_starts_on_its_main_action(dialog)
    assert dialog.confirm_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    from newsdesk.gui.unavailable_dialog import UnavailableDialog

    qtbot.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    why = window.findChild(UnavailableDialog)
    qtbot.waitUntil(lambda: why is not None and why.isVisible(), timeout=2000)
    _dialog_starts_on_its_main_action(why)
    qtbot.keyClick(why, Qt.Key.Key_Return)  # Enter closes it
    qtbot.waitUntil(lambda: not why.isVisible(), timeout=2000)


def test_why_an_action_is_unavailable_is_reachable_from_the_keyboard(qtbot, desk_db, open_window):
    from newsdesk.gui.unavailable_dialog import UnavailableDialog

    _articles(desk_db, "Harbour ferry timetable", "Council approves library")
    window = open_window(desk_db)  # Mei Lin, a reporter
    _open_first(qtbot, window)
    approve = next(b for b in window.workflow_bar.buttons.values() if b.text() == "Approve")
    assert not approve.isEnabled()  # greyed out: the tooltip says why, for a mouse

    qtbot.keyClick(_focused() or window, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.findChild(UnavailableDialog) is not None, timeout=2000)
    dialog = window.findChild(UnavailableDialog)
    entries = dict(dialog.entries())
    assert entries["Approve"] == approve.toolTip()
    assert "cannot approve" in entries["Approve"]
    assert entries.get("Export for the site")
    assert dialog.focusWidget() is dialog.tree  # arrows read the list, a reader follows
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Escape)


def test_the_export_and_people_dialogs_start_on_their_main_action(qtbot, desk_db, open_window):
    room = Newsroom.open(desk_db)
    room.add_person("Kai Web", ["web"])
    room.close()
    window = open_window(desk_db, user="Kai Web")
    window.editor.setFocus()
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.export_dialog is not None, timeout=5000)
    export = window.export_dialog
    qtbot.waitExposed(export)
    _dialog_starts_on_its_main_action(export)
    assert export.focusWidget() is not export.close_button
    export.close()

    # The people dialog starts where adding someone starts, the name; once a name and
    # a role are given, Enter adds.
    window.actions.people.trigger()
    people = window.tools.people_dialog
    qtbot.waitExposed(people)
    assert people.focusWidget() is people.name_edit
    qtbot.keyClicks(people.name_edit, "Ana Costa")
    people.new_roles.boxes[next(iter(people.new_roles.boxes))].setChecked(True)
    assert people.add_button.isDefault()
    qtbot.keyClick(people.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Ana Costa" in [p.name for p in people.people], timeout=5000)
