"""The audit log's hash chain: each entry's hash covers its content and the one before.

Changing, removing or reordering an entry breaks the chain; the chain's head is also
kept in settings, so removing the newest entries is detected too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

GENESIS = "0" * 64

CHAINED_FIELDS = (
    "id",
    "article_id",
    "at",
    "actor",
    "action",
    "from_status",
    "to_status",
    "revision",
    "comment",
)


def entry_hash(entry: dict, prev_hash: str) -> str:
    payload = json.dumps(
        [prev_hash, *[entry.get(f) for f in CHAINED_FIELDS]],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def verify_chain(entries: list[dict], head: str | None) -> list[str]:
    """Problems found in `entries` (in id order); an empty list means the chain is whole."""
    problems: list[str] = []
    prev = GENESIS
    for entry in entries:
        if entry["prev_hash"] != prev:
            problems.append(
                f"audit entry {entry['id']} does not follow the entry before it"
                " (an entry was removed or reordered)"
            )
        if entry_hash(entry, entry["prev_hash"]) != entry["hash"]:
            problems.append(f"audit entry {entry['id']} was changed after it was written")
        prev = entry["hash"]
    if head is not None and head != prev:
        problems.append("the newest audit entries were removed (the chain head does not match)")
    return problems


def extend_chain(entries: Sequence[dict], head_id: int, head_hash: str) -> list[dict]:
    """`entries` (their CHAINED_FIELDS but the id) as the next links after the entry
    (head_id, head_hash), in order: each given its id, prev_hash and hash. A batch's
    entries are then written at once, each still covering the one before it."""
    linked: list[dict] = []
    prev_id, prev = head_id, head_hash
    for entry in entries:
        prev_id += 1
        link = {**entry, "id": prev_id, "prev_hash": prev}
        link["hash"] = prev = entry_hash(link, prev)
        linked.append(link)
    return linked


def event_entries(
    *, actor: str, action: str, at: str, events: Sequence[tuple[int, int | None, str]]
) -> list[dict]:
    """Audit entries, not yet chained, for (article id, revision, comment) events that
    change no status (an export's, one per article written)."""
    return [
        {
            "article_id": article_id,
            "at": at,
            "actor": actor,
            "action": action,
            "from_status": None,
            "to_status": None,
            "revision": revision,
            "comment": comment,
        }
        for article_id, revision, comment in events
    ]
