"""Notes on the shared moderation module: reports, HR's queues, approve / hide / restore.

Every action moves the note, its feed keys, its wall pointer, its queues and an audit entry
in one transaction, so a queue or a wall never disagrees with the note."""

from __future__ import annotations

from .. import permissions
from ..errors import Conflict, NotFound
from ..events import NOTE_HIDDEN, NOTE_PUBLISHED
from ..moderation import audit, queue, reports
from ..store import Condition, ConditionFailed, Update
from .keys import feed_pk, note_key, sort_key
from .service import CAPABILITY, get, readable, wall_ops
from .views import moderator_view

# action -> (the statuses it starts from, the status it leaves)
ACTIONS = {"approve": (("held",), "published"), "hide": (("published", "held"), "hidden"),
           "restore": (("hidden",), "published")}


def report(store, person: dict, note_id: str, reason: str, about: str, now: int) -> bool:
    """Report a note (or its author) the person can read; once per person per note."""
    note = readable(store, person, note_id)
    return reports.report(store, CAPABILITY, note_key(note_id), note_id, sort_key(note),
                          person, reason, about, now)


def queue_page(store, user: dict, state: str, cursor: str | None, limit: int):
    """A moderation queue, newest first, with what only moderators see."""
    permissions.require(user, "notes.moderate")
    ids, cursor = queue.page(store, CAPABILITY, state, cursor, limit)
    found = {n["id"]: n for n in store.get_many([note_key(i) for i in ids])} if ids else {}
    return [moderator_view(found[i], user) for i in ids if i in found], cursor


def _snapshot(note: dict) -> dict:
    return {"status": note["status"], "reason": note.get("reason")}


def moderate(store, user: dict, note_id: str, action: str, reason: str, now: int,
             events=None) -> dict:
    """Approve a held note, hide a published or held one (telling the author why), or
    restore a hidden one; audited."""
    permissions.require(user, "notes.moderate")
    note = get(store, note_id)
    if note is None:
        raise NotFound("note_not_found")
    starts, status = ACTIONS[action]
    if note["status"] not in starts:
        raise Conflict("note_state_changed")
    sk = sort_key(note)
    after = {**note, "status": status, "reason": reason or None if action == "hide" else None}
    sets = {"status": status, "reason": after["reason"]}
    if status == "published":
        sets |= {"gsi1pk": feed_pk(note["audience_key"]), "gsi1sk": sk}
    ops = [Update(*note_key(note_id), set=sets,
                  remove=("gsi1pk", "gsi1sk") if status == "hidden" else (),
                  condition=Condition.present(status=note["status"]))]
    if status == "published":
        ops += wall_ops(note, +1)
    elif note["status"] == "published":
        ops += wall_ops(note, -1)
    ops += [queue.leave(CAPABILITY, q, sk) for q in ("held", "hidden") if q == note["status"]]
    if status == "hidden":
        ops += [queue.leave(CAPABILITY, "reported", sk), queue.enter(CAPABILITY, "hidden",
                                                                      note_id, sk)]
    ops.append(audit.entry(user, CAPABILITY, note_id, action, _snapshot(note), _snapshot(after),
                           now))
    try:
        store.transact(ops)
    except ConditionFailed:
        raise Conflict("note_state_changed") from None
    note = get(store, note_id)
    if events is not None:
        if action == "approve":  # a restored note was announced when first published
            events.publish(NOTE_PUBLISHED, note=note)
        elif action == "hide":
            events.publish(NOTE_HIDDEN, note=note, reason=reason)
    return moderator_view(note, user)
