"""The formatting toolbar of the body editor: buttons, shortcuts and their checked state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from newsdesk.gui.icons import icon

if TYPE_CHECKING:
    from newsdesk.gui.editor.body.editor import BodyEditor, FormatState


@dataclass(frozen=True)
class _Spec:
    name: str
    text: str
    icon: str
    shortcut: QKeySequence | str
    checkable: bool
    description: str


_SPECS = (
    _Spec(
        "bold",
        QT_TRANSLATE_NOOP("FormattingToolbar", "Bold"),
        "bold",
        QKeySequence.StandardKey.Bold,
        True,
        QT_TRANSLATE_NOOP("FormattingToolbar", "Bold text"),
    ),
    _Spec(
        "italic",
        QT_TRANSLATE_NOOP("FormattingToolbar", "Italic"),
        "italic",
        QKeySequence.StandardKey.Italic,
        True,
        QT_TRANSLATE_NOOP("FormattingToolbar", "Italic text"),
    ),
    _Spec(
        "heading2",
        QT_TRANSLATE_NOOP("FormattingToolbar", "Heading 2"),
        "heading-2",
        "Ctrl+Alt+2",
        True,
        QT_TRANSLATE_NOOP("FormattingToolbar", "Section heading"),
    ),
    _Spec(
        "heading3",
        QT_TRANSLATE_NOOP("FormattingToolbar", "Heading 3"),
        "heading-3",
        "Ctrl+Alt+3",
        True,
        QT_TRANSLATE_NOOP("FormattingToolbar", "Sub-section heading"),
    ),
    _Spec(
        "quote",
        QT_TRANSLATE_NOOP("FormattingToolbar", "Quote"),
        "quote",
        "Ctrl+Shift+Q",
        True,
        QT_TRANSLATE_NOOP("FormattingToolbar", "Quoted paragraph"),
    ),
    _Spec(
        "bullet_list",
        QT_TRANSLATE_NOOP("FormattingToolbar", "Bullet list"),
        "list-bullet",
        "Ctrl+Shift+8",
        True,
        QT_TRANSLATE_NOOP("FormattingToolbar", "Bulleted list"),
    ),
    _Spec(
        "numbered_list",
        QT_TRANSLATE_NOOP("FormattingToolbar", "Numbered list"),
        "list-numbered",
        "Ctrl+Shift+7",
        True,
        QT_TRANSLATE_NOOP("FormattingToolbar", "Numbered list"),
    ),
    _Spec(
        "link",
        QT_TRANSLATE_NOOP("FormattingToolbar", "Link…"),
        "link",
        "Ctrl+K",
        True,
        QT_TRANSLATE_NOOP("FormattingToolbar", "Add or edit a link (http, https or mailto)"),
    ),
    _Spec(
        "rule",
        QT_TRANSLATE_NOOP("FormattingToolbar", "Horizontal rule"),
        "rule",
        "Ctrl+Shift+R",
        False,
        QT_TRANSLATE_NOOP("FormattingToolbar", "Line across the page"),
    ),
    _Spec(
        "image",
        QT_TRANSLATE_NOOP("FormattingToolbar", "Image…"),
        "image",
        "Ctrl+Shift+I",
        False,
        QT_TRANSLATE_NOOP("FormattingToolbar", "Insert an image with a caption"),
    ),
    _Spec(
        "source",
        QT_TRANSLATE_NOOP("FormattingToolbar", "Markdown source"),
        "source",
        "Ctrl+Shift+M",
        True,
        QT_TRANSLATE_NOOP("FormattingToolbar", "Edit the Markdown"),
    ),
)
# Groups separated on the bar: inline, blocks, insertions, view.
_SEPARATOR_BEFORE = {"heading2", "link", "source"}


class FormattingToolbar(QToolBar):
    """A toolbar bound to one BodyEditor.

    The shortcuts work while the focus is in the editor or on the bar (not in other
    fields of the window, where Ctrl+B has no meaning). `actions_by_name` holds the
    actions by name: bold, italic, heading2, heading3, quote, bullet_list,
    numbered_list, link, rule, image, source (for menus the main window may build).

    Given `body` (a function making the editor) instead of `editor`, the bar and its
    actions are made now and the editor when first needed: `bind` it then, or trigger
    an action, which makes it first. Until then the bar shows what a new, empty
    editor would (nothing checked); `can_store_images` says whether Image is enabled.
    """

    def __init__(
        self,
        editor: BodyEditor | None = None,
        parent: QWidget | None = None,
        *,
        body: Callable[[], BodyEditor] | None = None,
        can_store_images: bool = True,
    ) -> None:
        super().__init__(QCoreApplication.translate("FormattingToolbar", "Formatting"), parent)
        self.setObjectName("formatting_toolbar")
        self.setAccessibleName(self.tr("Formatting"))
        self.editor: BodyEditor | None = None
        self._make_body = body
        self.actions_by_name: dict[str, QAction] = {}
        handlers: dict[str, Callable[[BodyEditor], object]] = {
            "bold": lambda e: e.toggle_bold(),
            "italic": lambda e: e.toggle_italic(),
            "heading2": lambda e: e.toggle_heading(2),
            "heading3": lambda e: e.toggle_heading(3),
            "quote": lambda e: e.toggle_quote(),
            "bullet_list": lambda e: e.toggle_list("bullet"),
            "numbered_list": lambda e: e.toggle_list("numbered"),
            "link": lambda e: e.ask_link(),
            "rule": lambda e: e.insert_rule(),
            "image": lambda e: e.choose_image(),
            "source": lambda e: e.toggle_source_mode(),
        }
        for spec in _SPECS:
            if spec.name in _SEPARATOR_BEFORE:
                self.addSeparator()
            text, description = self.tr(spec.text), self.tr(spec.description)
            action = QAction(icon(spec.icon), text, self)
            action.setObjectName(f"format_{spec.name}")
            action.setShortcut(QKeySequence(spec.shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setCheckable(spec.checkable)
            shortcut_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{description} ({shortcut_text})")
            action.setStatusTip(description)
            handler = handlers[spec.name]
            action.triggered.connect(_run(lambda h=handler: h(self._editor()), self._refresh))
            self.addAction(action)
            button = self.widgetForAction(action)
            button.setAccessibleName(text.rstrip("…"))
            button.setAccessibleDescription(f"{description}, {shortcut_text}")
            self.actions_by_name[spec.name] = action
        if editor is not None:
            self.bind(editor)
        else:  # what a new, empty editor shows (new actions are unchecked)
            self._show_source_mode(False, can_store_images)

    def bind(self, editor: BodyEditor) -> None:
        """Act on `editor` from now on, and show its state."""
        self.editor = editor
        for action in self.actions_by_name.values():
            # Also on the editor, so the shortcut works while typing in it.
            editor.addAction(action)
        editor.format_state_changed.connect(self._on_editor_format_state_changed)
        editor.source_mode_changed.connect(self._on_editor_source_mode_changed)
        self._refresh()

    def _editor(self) -> BodyEditor:
        if self.editor is None and self._make_body is not None:
            self._make_body()  # which binds it
        assert self.editor is not None
        return self.editor

    def _refresh(self) -> None:
        editor = self._editor()
        self._on_editor_format_state_changed(editor.format_state())
        self._on_editor_source_mode_changed(editor.is_source_mode())

    def _on_editor_format_state_changed(self, state: FormatState) -> None:
        if self._editor().is_source_mode():
            state = type(state)()  # the cursor is in plain Markdown: nothing is "on"
        checked = {
            "bold": state.bold,
            "italic": state.italic,
            "heading2": state.heading_level == 2,
            "heading3": state.heading_level == 3,
            "quote": state.quote,
            "bullet_list": state.list_style == "bullet",
            "numbered_list": state.list_style == "numbered",
            "link": state.link is not None,
        }
        for name, on in checked.items():
            self.actions_by_name[name].setChecked(on)

    def _on_editor_source_mode_changed(self, source_mode: bool) -> None:
        self._show_source_mode(source_mode, self._editor().can_store_images())

    def _show_source_mode(self, source_mode: bool, can_store_images: bool) -> None:
        # Formatting buttons act on the formatted view; in source mode the text is typed.
        for name, action in self.actions_by_name.items():
            if name == "source":
                action.setChecked(source_mode)
            elif name == "image":
                action.setEnabled(not source_mode and can_store_images)
            elif name == "link":
                action.setEnabled(True)  # in the source, the dialog writes a Markdown link
            else:
                action.setEnabled(not source_mode)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # Icons are drawn in the palette's text colour: redraw them for a new theme.
            for spec in _SPECS:
                self.actions_by_name[spec.name].setIcon(icon(spec.icon, self.palette()))


def _run(handler: Callable[[], object], refresh: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        handler()
        # A checkable action flips itself when triggered; the editor decides what is true.
        refresh()

    return run
