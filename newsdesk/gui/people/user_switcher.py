"""Who is working: a person chosen from the newsroom's directory, with role badges.

Switching person changes what the workflow bar allows, what "Waiting for me" lists
and whose name the history records.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from newsdesk.domain.article import Person
from newsdesk.domain.status import UserRole
from newsdesk.gui.i18n.core_text import role_name

# Mid-tone accents that read on light and dark palettes alike (white text on them).
ROLE_COLOURS = {
    UserRole.REPORTER: "#3d72c4",
    UserRole.PRODUCER: "#b4562e",
    UserRole.WEB: "#23877a",
}
ROLE_TIPS = {
    UserRole.REPORTER: QT_TRANSLATE_NOOP("RoleBadge", "Reporter: writes articles and submits them"),
    UserRole.PRODUCER: QT_TRANSLATE_NOOP(
        "RoleBadge", "Producer: edits, returns and approves articles; may override checks"
    ),
    UserRole.WEB: QT_TRANSLATE_NOOP(
        "RoleBadge", "Web team: exports approved articles and marks them published"
    ),
}


def sorted_roles(roles: Iterable[UserRole]) -> list[UserRole]:
    order = list(UserRole)
    return sorted(roles, key=order.index)


class RoleBadge(QLabel):
    def __init__(self, role: UserRole, parent: QWidget | None = None) -> None:
        super().__init__(role_name(role), parent)
        self.role = role
        self.setAccessibleName(
            QCoreApplication.translate("RoleBadge", "Role: {role}").format(role=role_name(role))
        )
        self.setToolTip(QCoreApplication.translate("RoleBadge", ROLE_TIPS[role]))
        self.setStyleSheet(
            f"QLabel {{ background: {ROLE_COLOURS[role]}; color: white;"
            " border-radius: 8px; padding: 1px 8px; }"
        )


class UserSwitcher(QWidget):
    user_changed = Signal(object)  # Person

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Current user"))
        self.label = QLabel(self.tr("Working as"))
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Current user"))
        self.combo.setToolTip(self.tr("Switch to another person of the newsroom"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.combo)
        self._badges = QHBoxLayout()
        self._badges.setSpacing(4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        layout.addLayout(self._badges)
        self.combo.currentIndexChanged.connect(self._on_combo_changed)

    def set_people(self, people: Iterable[Person], current: str) -> None:
        """Fill the directory and select `current`, quietly (no user_changed)."""
        blocked = self.combo.blockSignals(True)
        self.combo.clear()
        for person in sorted(people, key=lambda p: p.name.casefold()):
            roles = self.tr(", ").join(role_name(r) for r in sorted_roles(person.roles)) or self.tr(
                "no role"
            )
            self.combo.addItem(person.name, person)
            self.combo.setItemData(
                self.combo.count() - 1, f"{person.name} ({roles})", Qt.ItemDataRole.ToolTipRole
            )
        index = self.combo.findText(current)
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(blocked)
        self._show_badges()

    def select(self, name: str) -> None:
        """Show `name` as the current user, quietly (no user_changed)."""
        index = self.combo.findText(name)
        if index >= 0 and index != self.combo.currentIndex():
            blocked = self.combo.blockSignals(True)
            self.combo.setCurrentIndex(index)
            self.combo.blockSignals(blocked)
            self._show_badges()

    def person(self) -> Person | None:
        return self.combo.currentData()

    def badges(self) -> list[RoleBadge]:
        return [
            self._badges.itemAt(i).widget()
            for i in range(self._badges.count())
            if isinstance(self._badges.itemAt(i).widget(), RoleBadge)
        ]

    def _show_badges(self) -> None:
        while self._badges.count():
            widget = self._badges.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # gone now, not only once the event loop deletes it
                widget.deleteLater()
        person = self.person()
        for role in sorted_roles(person.roles if person else ()):
            self._badges.addWidget(RoleBadge(role))

    def _on_combo_changed(self, _index: int) -> None:
        self._show_badges()
        person = self.person()
        if person is not None:
            self.user_changed.emit(person)
