"""File › People…: who works in the newsroom, their roles, and who no longer does.

Add a person, change a person's roles, deactivate a person (they keep their
revisions, audit entries and credits, but cannot act and are no longer offered in
the user switcher or the credits' name completion) or activate them again. Every
write goes through the newsroom on the worker and is announced through the change
hub, so the switcher, the completion and this list follow without a restart.

On a team base people are database logins that the newsroom's owner creates
(`newsdesk users add NAME --role ROLE --login LOGIN`): a desk's own login may read
the list here but not change it, and the dialog says so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.article import Person
from newsdesk.gui.i18n.core_text import refusal_text, role_name
from newsdesk.gui.ops.change_hub import ChangeHub
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.gui.people.first_run_dialog import RoleChoice
from newsdesk.gui.people.user_switcher import sorted_roles
from newsdesk.newsroom.changes import ChangeKind

log = logging.getLogger(__name__)

DEACTIVATED = "deactivated"
TEAM_BASE_NOTE = QT_TRANSLATE_NOOP(
    "PeopleDialog",
    "On a team base each person is a login that the newsroom's owner creates on the"
    " server: `newsdesk users add NAME --role ROLE --login LOGIN`. You are connected"
    " as {login}, which may see who works here but not add or change people.",
)


class PeopleDialog(QDialog):
    def __init__(
        self,
        worker: DatabaseWorker,
        hub: ChangeHub,
        *,
        actor: Callable[[], str],
        manage_refusal: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._actor = actor
        self._refusal = manage_refusal  # why this desk may not change people ("" if it may)
        self.people: list[Person] = []
        self.setWindowTitle(self.tr("People"))
        self.resize(620, 520)

        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("People of the newsroom"))
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Roles"), self.tr("State")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setColumnWidth(0, 200)
        self.list.setColumnWidth(1, 240)

        self.roles = RoleChoice()
        self.save_roles_button = QPushButton(self.tr("Change roles"))
        self.activity_button = QPushButton(self.tr("Deactivate"))
        chosen = QGroupBox(self.tr("The chosen person"))
        chosen_layout = QVBoxLayout(chosen)
        chosen_layout.addWidget(self.roles)
        row = QHBoxLayout()
        row.addWidget(self.save_roles_button)
        row.addWidget(self.activity_button)
        row.addStretch(1)
        chosen_layout.addLayout(row)

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("New person's name"))
        self.name_edit.setPlaceholderText(self.tr("Name of a new person, e.g. Ana Costa"))
        self.new_roles = RoleChoice()
        self.add_button = QPushButton(self.tr("Add person"))
        adding = QGroupBox(self.tr("Add a person"))
        adding_layout = QVBoxLayout(adding)
        adding_layout.addWidget(self.name_edit)
        adding_layout.addWidget(self.new_roles)
        adding_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What happened"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if self._refusal:
            note = QLabel(self._refusal)
            note.setWordWrap(True)
            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(chosen)
        layout.addWidget(adding)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.list.currentItemChanged.connect(lambda *_: self._show_chosen())
        self.save_roles_button.clicked.connect(self._save_roles)
        self.activity_button.clicked.connect(self._toggle_activity)
        self.add_button.clicked.connect(self._add)
        self.name_edit.textChanged.connect(lambda _text: self._update_buttons())
        self.name_edit.returnPressed.connect(self._add)
        for box in (*self.roles.boxes.values(), *self.new_roles.boxes.values()):
            box.toggled.connect(lambda _on: self._update_buttons())
        hub.changed.connect(self._on_hub_changed)
        self._update_buttons()
        self.reload()
        # The keyboard starts where the work starts: adding someone, if this desk may.
        (self.list if self._refusal else self.name_edit).setFocus()

    # -- reading ------------------------------------------------------------------------

    def reload(self) -> None:
        self._worker.submit(lambda newsroom: newsroom.people(), self._show_people, self._failed)

    def _on_hub_changed(self, changes) -> None:
        if changes.has(ChangeKind.PEOPLE):
            self.reload()

    def _show_people(self, people: list[Person]) -> None:
        current = self.chosen()
        self.people = sorted(people, key=lambda p: p.name.casefold())
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for person in self.people:
            item = QTreeWidgetItem(
                [
                    person.name,
                    self.tr(", ").join(role_name(r) for r in sorted_roles(person.roles)),
                    self.tr("active") if person.active else self.tr("deactivated"),
                ]
            )
            if not person.active:
                for column in range(3):
                    item.setForeground(column, Qt.GlobalColor.gray)
            self.list.addTopLevelItem(item)
            if current is not None and person.name == current.name:
                self.list.setCurrentItem(item)
        self.list.blockSignals(blocked)
        if self.list.currentItem() is None and self.people:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._show_chosen()

    def chosen(self) -> Person | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return next((p for p in self.people if p.name == item.text(0)), None)

    def _show_chosen(self) -> None:
        person = self.chosen()
        blocked = [box.blockSignals(True) for box in self.roles.boxes.values()]
        self.roles.set_roles(person.roles if person else ())
        for box, was in zip(self.roles.boxes.values(), blocked, strict=True):
            box.blockSignals(was)
        self._update_buttons()

    def _update_buttons(self) -> None:
        person = self.chosen()
        me = self._actor()
        self.activity_button.setText(
            self.tr("Activate") if person and not person.active else self.tr("Deactivate")
        )
        why_not_roles = why_not_activity = why_not_add = self._refusal
        if not why_not_roles:
            if person is None:
                why_not_roles = why_not_activity = self.tr("Choose a person in the list first")
            else:
                if not self.roles.roles():
                    why_not_roles = self.tr("{name} needs at least one role").format(
                        name=person.name
                    )
                elif self.roles.roles() == person.roles:
                    why_not_roles = self.tr("Tick or untick a role first")
                if person.active and person.name == me:
                    why_not_activity = self.tr("You cannot deactivate yourself; another person can")
            if not self.name_edit.text().strip():
                why_not_add = self.tr("Type the new person's name first")
            elif not self.new_roles.roles():
                why_not_add = self.tr("Tick at least one role for the new person")
            elif self.name_edit.text().strip().casefold() in {
                p.name.casefold() for p in self.people
            }:
                why_not_add = self.tr("Someone of that name is in the list already")
        for button, why in (
            (self.save_roles_button, why_not_roles),
            (self.activity_button, why_not_activity),
            (self.add_button, why_not_add),
        ):
            button.setEnabled(not why)
            button.setToolTip(why)
            button.setStatusTip(why)
        self.add_button.setDefault(self.add_button.isEnabled())

    # -- writing ------------------------------------------------------------------------

    def _add(self) -> None:
        if not self.add_button.isEnabled():
            return
        name, roles = self.name_edit.text().strip(), self.new_roles.roles()

        def added(person: Person) -> None:
            self.name_edit.clear()
            self._say(self.tr("Added {name}.").format(name=person.name))

        self._worker.submit(lambda newsroom: newsroom.add_person(name, roles), added, self._failed)

    def _save_roles(self) -> None:
        person, roles = self.chosen(), self.roles.roles()
        if person is None or not self.save_roles_button.isEnabled():
            return
        self._worker.submit(
            lambda newsroom: newsroom.add_person(person.name, roles),
            lambda changed: self._say(
                self.tr("{name} is now: {roles}.").format(
                    name=changed.name,
                    roles=self.tr(", ").join(role_name(r) for r in sorted_roles(changed.roles)),
                )
            ),
            self._failed,
        )

    def _toggle_activity(self) -> None:
        person = self.chosen()
        if person is None or not self.activity_button.isEnabled():
            return
        actor, active = self._actor(), not person.active
        self._worker.submit(
            lambda newsroom: newsroom.set_person_active(person.name, active, actor=actor),
            lambda changed: self._say(
                self.tr("{name} is active again.").format(name=changed.name)
                if changed.active
                else self.tr(
                    "{name} is deactivated: their articles and credits stay,"
                    " but they can no longer act."
                ).format(name=changed.name)
            ),
            self._failed,
        )

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _failed(self, exc: Exception) -> None:
        log.warning("people: %s", exc)
        self.message.setStyleSheet("color: #c0392b")
        self.message.setText(refusal_text(exc))


def manage_refusal(login) -> str:
    """Why this desk may not change people, from the newsroom's `login()` ("" if it may)."""
    if login is None or login.bypasses_rules:
        return ""
    return QCoreApplication.translate("PeopleDialog", TEAM_BASE_NOTE).format(login=login.name)
