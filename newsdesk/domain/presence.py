"""Who has an article open at another desk, and whether to edit it or to read it.

A mark, never a lock: it tells people, and nobody is stopped by it. Each desk holds at
most one mark (the article it has open); the mark goes when the editor closes, the app
quits, or the desk drops off (a session-bound lock on a server, a heartbeat that stops
on a file).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class PresenceMode(StrEnum):
    EDITING = "editing"
    VIEWING = "viewing"


@dataclass(frozen=True, order=True)
class Presence:
    """`person` has `article_id` open at the desk `desk` (an id no two desks share)."""

    article_id: int
    person: str
    mode: PresenceMode
    desk: str


def others(presences: Iterable[Presence], article_id: int, my_desk: str) -> list[Presence]:
    """The marks of other desks on `article_id`, editing first, each person once."""
    seen: dict[tuple[str, PresenceMode], Presence] = {}
    for p in sorted(presences, key=lambda p: (p.mode is not PresenceMode.EDITING, p.person)):
        if p.article_id == article_id and p.desk != my_desk:
            seen.setdefault((p.person, p.mode), p)
    editing = {p.person for p in seen.values() if p.mode is PresenceMode.EDITING}
    return [p for p in seen.values() if p.mode is PresenceMode.EDITING or p.person not in editing]


def describe(presences: Iterable[Presence], *, me: str = "") -> str:
    """ "Lena Park is editing", "Lena Park and Omar Diaz are editing; Kai Web is viewing"
    ("" for nobody). `me`: the reader's own name, said as "You (at another desk)"."""
    said = []
    for mode in (PresenceMode.EDITING, PresenceMode.VIEWING):
        names = [
            "You (at another desk)" if p.person == me else p.person
            for p in presences
            if p.mode is mode
        ]
        names = list(dict.fromkeys(names))
        if names:
            who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            verb = "is" if len(names) == 1 and names[0] != "You (at another desk)" else "are"
            said.append(f"{who} {verb} {mode.value}")
    return "; ".join(said)
