from __future__ import annotations

import warnings

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from newsdesk.domain.article import Credit
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.gui.side.credit_row import ROW_MIME_TYPE
from newsdesk.gui.side.credits_panel import CreditsPanel
from newsdesk.gui.side.people_edit import split_names

KNOWN = ["Lin Qiao", "Omar Haddad", "Greta Lind", "Kofi Mensah", "周晓雯"]
ALT = Qt.KeyboardModifier.AltModifier

CREDITS = [
    Credit("Producer", ("Greta Lind",)),
    Credit("Reporter", ("Lin Qiao", "Omar Haddad")),
    Credit("Photography", ("Kofi Mensah",)),
]


@pytest.fixture
def panel(qtbot):
    widget = CreditsPanel(CreditVocabulary(), KNOWN)
    qtbot.addWidget(widget)
    widget.resize(640, 480)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


@pytest.fixture
def changes(panel):
    seen: list[bool] = []
    panel.credits_changed.connect(lambda: seen.append(True))
    return seen


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def roles(panel: CreditsPanel) -> list[str]:
    return [row.role() for row in panel.rows()]


def test_credits_come_back_as_set_and_loading_is_not_a_change(panel, changes):
    panel.set_credits(CREDITS)
    assert panel.credits() == CREDITS
    assert changes == []
    assert panel.preview.text() == (
        "Producer丨Greta Lind\nReporter丨Lin Qiao Omar Haddad\nPhotography丨Kofi Mensah"
    )
    assert panel.incomplete_rows() == []


def test_a_credit_typed_from_the_keyboard(panel, qtbot, changes):
    panel.set_credits([])
    focus(qtbot, panel.add_button)
    qtbot.keyClick(panel.add_button, Qt.Key.Key_Space)
    row = panel.rows()[0]
    assert row.role_combo.hasFocus()
    qtbot.keyClicks(row.role_combo, "Reporter")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert row.people.line_edit.hasFocus()
    field = row.people.line_edit
    qtbot.keyClicks(field, "Ana Ruiz")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "Mats Berg, Ilse Vogt,")
    assert row.names() == ["Ana Ruiz", "Mats Berg", "Ilse Vogt"]
    assert field.text() == ""
    assert panel.credits() == [Credit("Reporter", ("Ana Ruiz", "Mats Berg", "Ilse Vogt"))]
    assert panel.preview.text() == "Reporter丨Ana Ruiz Mats Berg Ilse Vogt"
    assert changes


def test_a_name_left_in_the_field_is_kept_when_focus_moves_on(panel, qtbot):
    panel.set_credits([Credit("Editor", ())])
    field = panel.rows()[0].people.line_edit
    focus(qtbot, field)
    qtbot.keyClicks(field, "Greta Lind")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert panel.credits() == [Credit("Editor", ("Greta Lind",))]


def test_chinese_names_typed_with_an_input_method_and_a_chinese_comma(panel, qtbot, typer):
    panel.set_credits([Credit("记者", ())])
    field = panel.rows()[0].people.line_edit
    focus(qtbot, field)
    typer(field, "周晓雯，王磊、")
    assert panel.rows()[0].names() == ["周晓雯", "王磊"]


def test_completion_from_known_people(panel, qtbot):
    panel.set_credits([Credit("Producer", ())])
    row = panel.rows()[0]
    field = row.people.line_edit
    focus(qtbot, field)
    qtbot.keyClicks(field, "qia")
    popup = row.people.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert row.people.completer.completionModel().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: field.text() == "")
    assert row.names() == ["Lin Qiao"]


def test_backspace_in_the_empty_field_takes_the_last_name_back_and_chips_remove(panel, qtbot):
    panel.set_credits([Credit("Reporter", ("Lin Qiao", "Omar Haddad", "Kofi Mensah"))])
    people = panel.rows()[0].people
    focus(qtbot, people.line_edit)
    qtbot.keyClick(people.line_edit, Qt.Key.Key_Backspace)
    assert people.names() == ["Lin Qiao", "Omar Haddad"]
    assert people.line_edit.text() == "Kofi Mensah"
    people.line_edit.clear()
    qtbot.keyClicks(people.line_edit, "Kofi Mensa")
    qtbot.keyClick(people.line_edit, Qt.Key.Key_Return)
    assert people.names() == ["Lin Qiao", "Omar Haddad", "Kofi Mensa"]

    chip = next(c for c in people._chips if c.name == "Omar Haddad")
    assert chip.remove_button.accessibleName() == "Remove Omar Haddad"
    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    assert people.names() == ["Lin Qiao", "Kofi Mensa"]


def test_a_name_is_not_added_twice_to_a_row(panel, qtbot):
    panel.set_credits([Credit("Reporter", ("Lin Qiao",))])
    field = panel.rows()[0].people.line_edit
    focus(qtbot, field)
    qtbot.keyClicks(field, "lin qiao,")
    assert panel.rows()[0].names() == ["Lin Qiao"]


def test_alt_up_and_alt_down_move_the_focused_row_and_keep_focus(panel, qtbot, changes):
    panel.set_credits(CREDITS)
    field = panel.rows()[2].people.line_edit
    focus(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_Up, ALT)
    assert roles(panel) == ["Producer", "Photography", "Reporter"]
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Up, ALT)
    qtbot.keyClick(field, Qt.Key.Key_Up, ALT)  # already first: nothing happens
    assert roles(panel) == ["Photography", "Producer", "Reporter"]

    combo = panel.rows()[0].role_combo
    focus(qtbot, combo)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, ALT)
    assert roles(panel) == ["Producer", "Photography", "Reporter"]
    assert combo.hasFocus()
    assert not combo.view().isVisible()  # Alt+Down moved the row, it did not open the list
    assert changes
    assert panel.credits()[1] == Credit("Photography", ("Kofi Mensah",))


def test_buttons_move_and_remove(panel, qtbot):
    panel.set_credits(CREDITS)
    first = panel.rows()[0]
    assert not first.up_button.isEnabled() and not panel.rows()[2].down_button.isEnabled()
    qtbot.mouseClick(first.down_button, Qt.MouseButton.LeftButton)
    assert roles(panel) == ["Reporter", "Producer", "Photography"]
    qtbot.mouseClick(panel.rows()[2].up_button, Qt.MouseButton.LeftButton)
    assert roles(panel) == ["Reporter", "Photography", "Producer"]
    qtbot.mouseClick(panel.rows()[1].remove_button, Qt.MouseButton.LeftButton)
    assert roles(panel) == ["Reporter", "Producer"]
    assert panel.preview.text() == "Reporter丨Lin Qiao Omar Haddad\nProducer丨Greta Lind"


def test_rows_are_removed_from_the_keyboard(panel, qtbot):
    panel.set_credits(CREDITS)
    field = panel.rows()[1].people.line_edit
    focus(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_Delete, ALT)
    assert roles(panel) == ["Producer", "Photography"]
    # Focus goes on to the row that took its place, not out of the panel.
    assert panel.rows()[1].role_combo.hasFocus()

    button = panel.rows()[0].remove_button
    focus(qtbot, button)
    qtbot.keyClick(button, Qt.Key.Key_Delete)
    assert roles(panel) == ["Photography"]


def test_tab_order_follows_the_rows_after_a_move(panel, qtbot):
    panel.set_credits(CREDITS)
    moved = panel.rows()[2]
    focus(qtbot, moved.people.line_edit)
    qtbot.keyClick(moved.people.line_edit, Qt.Key.Key_Up, ALT)
    qtbot.keyClick(moved.people.line_edit, Qt.Key.Key_Up, ALT)
    assert panel.rows()[0] is moved
    focus(qtbot, moved.remove_button)
    qtbot.keyClick(moved.remove_button, Qt.Key.Key_Tab)
    assert panel.rows()[1].role_combo.lineEdit().hasFocus() or panel.rows()[1].role_combo.hasFocus()
    assert panel.rows()[1].role() == "Producer"


def test_incomplete_rows_stay_flagged_and_are_not_printed(panel, qtbot):
    panel.set_credits(CREDITS[:1])
    row = panel.add_row()
    assert panel.incomplete_rows() == [1]
    assert row.flag.isVisibleTo(panel) and "not printed" in row.flag.text()
    assert panel.credits() == CREDITS[:1]
    assert panel.preview.text() == "Producer丨Greta Lind"

    qtbot.keyClicks(row.role_combo, "Photography")
    assert "No names yet" in row.flag.text()
    field = row.people.line_edit
    focus(qtbot, field)
    qtbot.keyClicks(field, "Kofi Mensah")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not row.flag.isVisibleTo(panel)
    assert panel.incomplete_rows() == []
    assert panel.credits() == [*CREDITS[:1], Credit("Photography", ("Kofi Mensah",))]


def test_a_role_used_twice_is_flagged_but_kept(panel):
    panel.set_credits([Credit("Reporter", ("Lin Qiao",)), Credit("记者", ("Omar Haddad",))])
    second = panel.rows()[1]
    assert "Same role as credit 1" in second.flag.text()
    assert len(panel.credits()) == 2


def test_a_new_role_can_be_typed(panel, qtbot):
    panel.set_credits([])
    row = panel.add_row(focus=True)
    qtbot.keyClicks(row.role_combo, "Drone pilot")
    row.people.add_names("Ilse Vogt")
    assert panel.credits() == [Credit("Drone pilot", ("Ilse Vogt",))]
    assert panel.preview.text() == "Drone pilot丨Ilse Vogt"


def test_preview_uses_the_page_language_and_the_injected_separator(qtbot):
    panel = CreditsPanel(CreditVocabulary(), KNOWN, language="zh", separator="|")
    qtbot.addWidget(panel)
    panel.set_credits(CREDITS)
    # The preview prints what the page prints: the labels as stored, never translated
    # (issue 13); the roles offered are those of the page's language.
    assert panel.preview.text() == (
        "Producer|Greta Lind\nReporter|Lin Qiao Omar Haddad\nPhotography|Kofi Mensah"
    )
    assert panel.rows()[0].role_combo.itemText(0) == "监制"
    panel.set_language("en")
    panel.set_separator("丨")
    assert panel.preview_lines()[0] == "Producer丨Greta Lind"
    assert panel.rows()[0].role_combo.itemText(0) == "Producer"
    assert panel.rows()[0].role() == "Producer"


def drop_row(panel: CreditsPanel, index: int, below_row: int) -> None:
    """Drag row `index` by its handle and drop it just below the middle of `below_row`."""
    mime = QMimeData()
    mime.setData(ROW_MIME_TYPE, panel.drag_payload(panel.rows()[index]))
    target = panel.rows()[below_row].geometry()
    point = QPointF(20, target.center().y() + 2)
    move = Qt.DropAction.MoveAction
    left = Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():
        # PySide flags the QPoint constructors; Qt 6 has no other for these two events.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(point.toPoint(), move, mime, left, none)
        hover = QDragMoveEvent(point.toPoint(), move, mime, left, none)
    QApplication.sendEvent(panel.rows_area, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(panel.rows_area, hover)
    assert hover.isAccepted()
    assert panel.rows_area.indicator.isVisible()  # shows where the row will land
    drop = QDropEvent(point, move, mime, left, none)
    QApplication.sendEvent(panel.rows_area, drop)
    assert drop.isAccepted()
    assert not panel.rows_area.indicator.isVisible()


def test_dragging_a_row_by_its_handle_reorders(panel, changes):
    panel.set_credits(CREDITS)
    drop_row(panel, 0, below_row=2)
    assert roles(panel) == ["Reporter", "Photography", "Producer"]
    drop_row(panel, 2, below_row=0)
    assert roles(panel) == ["Reporter", "Producer", "Photography"]
    assert changes


def test_a_drag_of_something_else_is_refused(panel):
    panel.set_credits(CREDITS)
    mime = QMimeData()
    mime.setText("Reporter")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            QPointF(20, 20).toPoint(),
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    QApplication.sendEvent(panel.rows_area, enter)
    assert not enter.isAccepted()


def test_a_drop_from_another_panel_is_refused(panel, qtbot):
    other = CreditsPanel()
    qtbot.addWidget(other)
    other.set_credits(CREDITS)
    panel.set_credits(CREDITS)
    mime = QMimeData()
    mime.setData(ROW_MIME_TYPE, other.drag_payload(other.rows()[0]))
    assert panel.row_from_payload(mime) is None


def test_every_control_has_an_accessible_name(panel):
    panel.set_credits(CREDITS)
    row = panel.rows()[1]
    assert row.role_combo.accessibleName() == "Credit 2 role"
    assert row.people.line_edit.accessibleName() == "Credit 2 people"
    assert "Lin Qiao" in row.people.line_edit.accessibleDescription()
    assert row.up_button.accessibleName() == "Move credit 2 up"
    assert row.down_button.accessibleName() == "Move credit 2 down"
    assert row.remove_button.accessibleName() == "Remove credit 2"
    assert panel.add_button.accessibleName() == "Add credit"
    assert panel.preview.accessibleName() == "Credits as printed"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Lin Qiao, Omar Haddad", ["Lin Qiao", "Omar Haddad"]),
        ("周晓雯，王磊、李娜", ["周晓雯", "王磊", "李娜"]),
        (" ; , ", []),
    ],
)
def test_split_names(text, names):
    assert split_names(text) == names


def test_keys_typed_right_after_alt_a_go_into_the_new_row(panel, qtbot):
    """Alt+A acts at once: a button's mnemonic used to click a tenth of a second later,
    so a reporter typing the role straight away typed its first letters elsewhere."""
    panel.set_credits(CREDITS)
    first_names = panel.rows()[0].people
    first_names.setFocus()
    qtbot.waitUntil(first_names.hasFocus, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, ALT)
    # No wait: the next key goes wherever the focus is now, as a typist's does.
    qtbot.keyClicks(QApplication.focusWidget(), "Record")
    assert len(panel.rows()) == 4
    assert panel.rows()[3].role() == "Record"
