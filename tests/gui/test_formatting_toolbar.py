from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette, QTextCursor
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from newsdesk.gui.editor.body.editor import BodyEditor
from newsdesk.gui.editor.formatting_toolbar import FormattingToolbar
from newsdesk.gui.icons import icon, icon_names

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


class Window(QWidget):
    """A toolbar and its editor with another field beside them, as in the main window."""

    def __init__(self, store_image=None) -> None:
        super().__init__()
        self.headline = QLineEdit()
        self.headline.setAccessibleName("Headline")
        self.editor = BodyEditor(store_image, ask_caption=lambda path: "caption")
        self.toolbar = FormattingToolbar(self.editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.editor)


@pytest.fixture
def window(qtbot):
    widget = Window()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.editor.rich_edit.setFocus()
    qtbot.waitUntil(lambda: widget.editor.rich_edit.hasFocus())
    return widget


def select(editor: BodyEditor, text: str) -> None:
    cursor = editor.rich_edit.document().find(text)
    assert not cursor.isNull()
    editor.rich_edit.setTextCursor(cursor)


def put_cursor_in(editor: BodyEditor, text: str) -> None:
    cursor = editor.rich_edit.document().find(text)
    cursor.setPosition(cursor.selectionStart() + 1)
    editor.rich_edit.setTextCursor(cursor)


def test_every_action_has_a_name_an_icon_and_a_shortcut(window):
    toolbar = window.toolbar
    assert set(toolbar.actions_by_name) == {
        "bold",
        "italic",
        "heading2",
        "heading3",
        "quote",
        "bullet_list",
        "numbered_list",
        "link",
        "rule",
        "image",
        "source",
    }
    shortcuts = set()
    for name, action in toolbar.actions_by_name.items():
        button = toolbar.widgetForAction(action)
        assert button.accessibleName(), name
        assert not action.icon().isNull(), name
        assert not action.shortcut().isEmpty(), name
        assert action.shortcut().toString() in action.toolTip()
        shortcuts.add(action.shortcut().toString())
    assert len(shortcuts) == len(toolbar.actions_by_name)
    assert toolbar.actions_by_name["bold"].shortcut().toString() == "Ctrl+B"
    assert toolbar.actions_by_name["italic"].shortcut().toString() == "Ctrl+I"
    assert toolbar.actions_by_name["link"].shortcut().toString() == "Ctrl+K"


def test_ctrl_b_and_ctrl_i_format_the_selection_and_the_buttons_follow_the_cursor(window, qtbot):
    editor, actions = window.editor, window.toolbar.actions_by_name
    editor.set_markdown("Fresh snow closed the pass.\n")
    select(editor, "snow")
    qtbot.keyClick(editor.rich_edit, Qt.Key.Key_B, CTRL)
    select(editor, "pass")
    qtbot.keyClick(editor.rich_edit, Qt.Key.Key_I, CTRL)
    assert editor.markdown() == "Fresh **snow** closed the *pass*.\n"

    put_cursor_in(editor, "now")
    assert actions["bold"].isChecked() and not actions["italic"].isChecked()
    put_cursor_in(editor, "ass")
    assert actions["italic"].isChecked() and not actions["bold"].isChecked()
    put_cursor_in(editor, "closed")
    assert not actions["bold"].isChecked() and not actions["italic"].isChecked()


def test_ctrl_k_opens_the_link_dialog_even_though_text_edits_use_it(window, qtbot):
    editor = window.editor
    editor.set_markdown("Read the notice.\n")
    select(editor, "notice")
    qtbot.keyClick(editor.rich_edit, Qt.Key.Key_K, CTRL)
    dialog = editor.link_dialog
    assert dialog is not None and dialog.isVisible()
    assert editor.rich_edit.toPlainText() == "Read the notice."  # nothing deleted
    qtbot.keyClicks(dialog.url_edit, "https://example.org/notice")
    qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Return)
    assert editor.markdown() == "Read the [notice](https://example.org/notice).\n"
    put_cursor_in(editor, "otice")
    assert window.toolbar.actions_by_name["link"].isChecked()


def test_actions_on_the_editor_win_over_keys_the_text_edit_claims(window, qtbot):
    """On X11 a text edit takes Ctrl+K (delete to end of line) before shortcuts see it;
    Ctrl+A (select all) is such a key everywhere, so it stands in for it here."""
    editor = window.editor
    editor.set_markdown("Keep all of this.\n")
    fired = []
    action = QAction("Claim Ctrl+A", editor)
    action.setShortcut(QKeySequence("Ctrl+A"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda: fired.append(True))
    editor.addAction(action)
    qtbot.keyClick(editor.rich_edit, Qt.Key.Key_A, CTRL)
    assert fired == [True]
    assert not editor.rich_edit.textCursor().hasSelection()


def test_block_shortcuts_and_buttons(window, qtbot):
    editor, toolbar = window.editor, window.toolbar
    actions = toolbar.actions_by_name
    editor.set_markdown("Timeline\n\nMonday\n\nTuesday\n")
    put_cursor_in(editor, "Timeline")
    qtbot.keyClick(editor.rich_edit, Qt.Key.Key_2, CTRL | ALT)
    assert actions["heading2"].isChecked() and not actions["heading3"].isChecked()

    cursor = editor.rich_edit.document().find("Monday")
    cursor.setPosition(
        editor.rich_edit.document().find("Tuesday").selectionEnd(), QTextCursor.MoveMode.KeepAnchor
    )
    editor.rich_edit.setTextCursor(cursor)
    qtbot.mouseClick(toolbar.widgetForAction(actions["bullet_list"]), Qt.MouseButton.LeftButton)
    assert actions["bullet_list"].isChecked()
    assert editor.markdown() == "## Timeline\n\n- Monday\n- Tuesday\n"

    qtbot.keyClick(editor.rich_edit, Qt.Key.Key_7, CTRL | SHIFT)
    assert actions["numbered_list"].isChecked() and not actions["bullet_list"].isChecked()
    assert editor.markdown() == "## Timeline\n\n1.  Monday\n2.  Tuesday\n"


def test_shortcuts_do_nothing_while_typing_in_another_field(window, qtbot):
    editor = window.editor
    editor.set_markdown("Plain words.\n")
    select(editor, "words")
    window.headline.setFocus()
    qtbot.waitUntil(window.headline.hasFocus)
    qtbot.keyClicks(window.headline, "Pass closed")
    qtbot.keyClick(window.headline, Qt.Key.Key_B, CTRL)
    assert editor.markdown() == "Plain words.\n"
    assert window.headline.text() == "Pass closed"


def test_source_mode_button_disables_formatting(window, qtbot):
    editor, toolbar = window.editor, window.toolbar
    actions = toolbar.actions_by_name
    editor.set_markdown("Some *text*.\n")
    put_cursor_in(editor, "ext")
    assert actions["italic"].isChecked()
    qtbot.keyClick(editor.rich_edit, Qt.Key.Key_M, CTRL | SHIFT)
    assert editor.is_source_mode()
    assert actions["source"].isChecked()
    assert not actions["bold"].isEnabled() and not actions["italic"].isEnabled()
    assert actions["link"].isEnabled()  # the link dialog writes Markdown there
    assert not actions["italic"].isChecked()  # the cursor was in *text*, now in Markdown
    assert editor.source_edit.hasFocus()
    assert editor.source_edit.toPlainText() == "Some *text*.\n"
    qtbot.mouseClick(toolbar.widgetForAction(actions["source"]), Qt.MouseButton.LeftButton)
    assert not editor.is_source_mode()
    assert actions["bold"].isEnabled()


def test_image_button_only_with_an_image_store(window, qtbot):
    assert not window.toolbar.actions_by_name["image"].isEnabled()
    with_store = Window(store_image=lambda path: (path.name, path.name))
    qtbot.addWidget(with_store)
    assert with_store.toolbar.actions_by_name["image"].isEnabled()


def test_rule_shortcut_inserts_a_rule(window, qtbot):
    editor = window.editor
    editor.set_markdown("Above.\n")
    editor.rich_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.rich_edit, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.keyClicks(editor.rich_edit, "Below.")
    assert editor.markdown() == "Above.\n\n- - -\nBelow.\n"


@pytest.mark.parametrize("name", icon_names())
def test_icons_draw_in_the_palette_text_colour(qtbot, name):
    dark = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        dark.setColor(group, QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    image = icon(name, dark).pixmap(48, 48).toImage()
    painted = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert len(painted) > 40, "the icon draws (almost) nothing"
    assert all(c.lightness() > 200 for c in painted), "dark theme icons must be light"


def test_an_unknown_icon_is_empty_not_an_error():
    assert icon("no-such-icon").isNull()


@pytest.mark.parametrize(
    ("key", "mark"), [(Qt.Key.Key_B, "**"), (Qt.Key.Key_I, "*")], ids=["bold", "italic"]
)
def test_a_format_toggled_with_nothing_selected_changes_only_what_is_typed_next(
    window, qtbot, key, mark
):
    """Ctrl+B, "20 per cent", Ctrl+B: the whole phrase is bold, not `**20 per** cent`."""
    editor = window.editor
    editor.set_markdown("")
    qtbot.keyClicks(editor.rich_edit, "Up ")
    qtbot.keyClick(editor.rich_edit, key, CTRL)
    qtbot.keyClicks(editor.rich_edit, "20 per cent")
    qtbot.keyClick(editor.rich_edit, key, CTRL)
    qtbot.keyClicks(editor.rich_edit, " on the year")
    assert editor.markdown() == f"Up {mark}20 per cent{mark} on the year\n"


@pytest.mark.parametrize("key", [Qt.Key.Key_B, Qt.Key.Key_I], ids=["bold", "italic"])
def test_a_format_toggled_inside_a_word_leaves_the_word_alone(window, qtbot, key):
    editor = window.editor
    editor.set_markdown("The rate rose\n")
    editor.rich_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.rich_edit, key, CTRL)
    qtbot.keyClick(editor.rich_edit, key, CTRL)
    assert editor.markdown() == "The rate rose\n"
    assert not editor.rich_edit.document().isModified()


def test_ctrl_k_in_the_markdown_source_opens_the_link_dialog_and_writes_a_link(window, qtbot):
    editor = window.editor
    editor.set_markdown("Read the notice.\n")
    editor.set_source_mode(True)
    source = editor.source_edit
    cursor = source.document().find("notice")
    source.setTextCursor(cursor)
    qtbot.keyClick(source, Qt.Key.Key_K, CTRL)
    dialog = editor.link_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text() == "notice"
    assert source.toPlainText() == "Read the notice.\n"  # nothing deleted
    qtbot.keyClicks(dialog.url_edit, "https://example.org/notice")
    qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Return)
    assert editor.markdown() == "Read the [notice](<https://example.org/notice>).\n"
    editor.set_source_mode(False)
    put_cursor_in(editor, "otice")
    assert window.toolbar.actions_by_name["link"].isChecked()


def test_typing_leaves_the_buttons_alone_until_the_formatting_changes(window, qtbot):
    """Before, every key press set all eight buttons again (twice: the cursor moved,
    the character format was set), on the UI thread while the reporter typed."""
    editor, actions = window.editor, window.toolbar.actions_by_name
    editor.set_markdown("Fresh **snow** closed the pass.\n")
    put_cursor_in(editor, "closed")
    told = []
    editor.format_state_changed.connect(told.append)
    qtbot.keyClicks(editor.rich_edit, "and ")
    assert told == []
    put_cursor_in(editor, "now")
    assert actions["bold"].isChecked()
    assert told and told[-1].bold


def test_a_shortcut_given_after_typing_began_still_wins(window, qtbot):
    editor = window.editor
    editor.set_markdown("Keep all of this.\n")
    qtbot.keyClicks(editor.rich_edit, "x")  # the editor has looked at its shortcuts
    fired = []
    action = QAction("Claim Ctrl+A", editor)
    action.setShortcut(QKeySequence("Ctrl+A"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda: fired.append("added"))
    editor.addAction(action)
    qtbot.keyClick(editor.rich_edit, Qt.Key.Key_A, CTRL)
    assert fired == ["added"]
    action.setShortcut(QKeySequence("Ctrl+E"))  # changed: Ctrl+A is the text edit's again
    qtbot.keyClick(editor.rich_edit, Qt.Key.Key_E, CTRL)
    qtbot.keyClick(editor.rich_edit, Qt.Key.Key_A, CTRL)
    assert fired == ["added", "added"]
    assert editor.rich_edit.textCursor().hasSelection()
