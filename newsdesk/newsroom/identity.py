"""Who acts. A newsroom file trusts the name a front end gives (the person chosen in
the app, `--as` on the command line). A team base knows: each desk connects with its
own login, the login is the person, and a name of someone else is refused; the
database owner, whom the server's own rules let through, never acts as a desk."""

from __future__ import annotations

from newsdesk.domain.article import Person
from newsdesk.domain.errors import InvalidInputError, RuleViolation
from newsdesk.storage.store import Login, Store


def acting_person(store: Store, name: str | None) -> Person:
    """The person an action is done by; `name` is what the front end said (or None)."""
    connected = store.login()
    if connected is None:
        if not name or not name.strip():
            raise InvalidInputError(
                "say who you are: --as NAME, or set NEWSDESK_USER (see `newsdesk users list`)"
            )
        return _still_active(store.get_person(name))
    if connected.bypasses_rules:
        raise RuleViolation(
            "desks-never-connect-as-owner",
            f"the login {connected.name} owns this newsroom database (or is a superuser),"
            " so the server's own rules would not hold for it; connect with a desk's own"
            " login (made with `newsdesk users add NAME --role ROLE --login LOGIN`)",
            login=connected.name,
        )
    if connected.person is None:
        raise RuleViolation(
            "login-belongs-to-a-person",
            f"the login {connected.name} belongs to no person of this newsroom; its owner"
            f" links one with `newsdesk users add NAME --role ROLE --login {connected.name}`",
            login=connected.name,
        )
    if name and name.strip() and name.strip() != connected.person:
        raise RuleViolation(
            "act-as-your-login",
            f"you are logged in as {connected.name} ({connected.person}), so you act as"
            f" {connected.person}, not {name.strip()}; to act as them, log in as them",
            login=connected.name,
            person=connected.person,
            name=name.strip(),
        )
    return _still_active(store.get_person(connected.person))


def _still_active(person: Person) -> Person:
    if not person.active:
        raise RuleViolation(
            "deactivated-people-do-not-act",
            f"{person.name} has been deactivated in this newsroom: their articles and"
            " credits stay, but they cannot act; someone who manages people can activate"
            " them again (File › People… in the app)",
            person=person.name,
        )
    return person


def check_may_change_activity(actor: Person, name: str, active: bool) -> None:
    """Nobody deactivates themselves: the newsroom would be left with no one to
    undo it from this desk."""
    if not active and actor.name == name.strip():
        raise RuleViolation(
            "nobody-deactivates-themselves",
            f"{actor.name} cannot deactivate themselves; another person of the newsroom can",
            person=actor.name,
        )


def check_may_manage_people(connected: Login | None) -> None:
    """On a team base only the owner (or an administrator) adds people and logins."""
    if connected is not None and not connected.bypasses_rules:
        raise RuleViolation(
            "people-are-added-by-the-owner",
            f"{connected.person or connected.name} may not add or change people: the"
            " newsroom database's owner (or an administrator) does",
            person=connected.person or connected.name,
        )
