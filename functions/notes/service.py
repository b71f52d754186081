"""Writing notes: a note is one NOTE#<id> item, stored once under its audience's key (gsi1,
only while published) and its author's (gsi2, always).

Reading a person's notes is feed.py, how notes are shown views.py, cheers cheers.py,
campaigns and walls campaigns.py / walls.py, moderation actions moderation.py (on the shared
functions/moderation)."""

from __future__ import annotations

from ulid import ULID

from .. import permissions, ratelimit
from ..audiences import sizes
from ..directory.service import get_employee
from ..errors import Forbidden, Invalid, NotFound
from ..events import NOTE_PUBLISHED
from ..i18n import t
from ..moderation import queue, words
from ..store import Condition, ConditionFailed, Delete, Put, Update
from . import campaigns, views
from .keys import (
    SK,
    audience_key,
    author_pk,
    feed_pk,
    note_key,
    reader_keys,
    sort_key,
    wall_pk,
)

TEXT_MAX = 500
RATE_LIMIT, RATE_WINDOW_S = 10, 600  # notes per person per window
CAPABILITY = "notes"  # the moderation queues' name for notes


def get(store, note_id: str) -> dict | None:
    return store.get(*note_key(note_id))


def _invalid(field: str, key: str, **params) -> Invalid:
    return Invalid(key, fields={field: [t(key, **params)]}, **params)


def _label(store, audience: dict) -> dict:
    """The audience as stored and shown, with a display label; 422 if nobody is in it."""
    kind = audience["kind"]
    if kind == "person":
        person = get_employee(store, audience["person"])
        if person is None:
            raise _invalid("audience", "note_person_not_found")
        return {**audience, "label": person["name"]}
    if sizes.size(store, audience) == 0:
        raise _invalid("audience", "audience_empty")
    label = {"company": "Everyone", "unit": audience.get("unit"),
             "department": audience.get("department"), "site": audience.get("site")}[kind]
    return {**audience, "label": label}


def _text(body: dict) -> str:
    text = (body.get("text") or "").strip()
    if not 1 <= len(text) <= TEXT_MAX:  # code points: an emoji counts as one
        raise _invalid("text", "note_text_length", max=TEXT_MAX)
    return text


def write(store, user: dict, body: dict, now: int, events=None) -> dict:
    """Store a note once for its audience: published, or held when it holds a blocked word."""
    text = _text(body)
    campaign = None
    audience = body.get("audience")
    if body.get("campaign_id"):
        campaign = campaigns.writable(store, user, body["campaign_id"], now)
        if audience is not None and audiences_differ(audience, campaign["audience"]):
            raise _invalid("audience", "note_audience_not_campaign")
        audience = {k: v for k, v in campaign["audience"].items() if k != "label"}
    elif audience is None:
        raise Invalid(fields={"audience": [t("note_audience_required")]})
    elif not permissions.may_note_to(user, audience):
        raise Forbidden("note_audience_forbidden")
    audience = _label(store, audience)
    ratelimit.hit(store, f"notes:{user['id']}", limit=RATE_LIMIT, window_s=RATE_WINDOW_S,
                  now=now)
    held_for = words.held_for(store, text)
    note = {"id": str(ULID()), "text": text, "audience": audience,
            "audience_key": audience_key(audience), "anonymous": bool(body.get("anonymous")),
            "author_id": user["id"], "author_name": user["name"],
            "campaign": {"id": campaign["id"], "title": campaign["title"]} if campaign else None,
            "created_at": now, "status": "held" if held_for else "published",
            "held_for": held_for, "reason": None, "cheers": 0, "reports": 0}
    note |= {"pk": note_key(note["id"])[0], "sk": SK, "gsi2pk": author_pk(user["id"]),
             "gsi2sk": sort_key(note)}
    if held_for:
        store.transact([Put(note, condition=Condition.not_exists()),
                        queue.enter(CAPABILITY, "held", note["id"], sort_key(note))])
        return note
    store.transact([Put(indexed(note), condition=Condition.not_exists()),
                    *wall_ops(note, +1)])
    note = indexed(note)
    if events is not None:
        events.publish(NOTE_PUBLISHED, note=note)
    return note


def audiences_differ(given: dict, campaign: dict) -> bool:
    strip = {k: v for k, v in campaign.items() if k != "label"}
    return {k: v for k, v in given.items() if v is not None} != strip


def indexed(note: dict) -> dict:
    """The note with its feed keys (published notes only)."""
    return {**note, "status": "published", "gsi1pk": feed_pk(note["audience_key"]),
            "gsi1sk": sort_key(note)}


def wall_ops(note: dict, by: int) -> list:
    """The campaign's wall pointer and published count, moved with the note (none outside
    a campaign)."""
    if not note.get("campaign"):
        return []
    cid = note["campaign"]["id"]
    pointer = (Put({"pk": wall_pk(cid), "sk": sort_key(note), "note_id": note["id"]})
               if by > 0 else Delete(wall_pk(cid), sort_key(note)))
    return [pointer, Update(*campaigns.campaign_key(cid), add={"notes": by})]


def reaches(note: dict, person: dict) -> bool:
    return note["audience_key"] in reader_keys(person)


def readable(store, person: dict, note_id: str) -> dict:
    """A published note the person may read (theirs by audience, any campaign's wall, or
    their own); 404 otherwise."""
    note = get(store, note_id)
    if (note is None or note["status"] != "published"
            or not (reaches(note, person) or note.get("campaign")
                    or note["author_id"] == person["id"])):
        raise NotFound("note_not_found")
    return note


def mine(store, user: dict, cursor: str | None, limit: int):
    """What I wrote, newest first, any status (held and hidden ones with HR's reason)."""
    page = store.query(author_pk(user["id"]), index="gsi2", reverse=True, limit=limit,
                       cursor=cursor)
    return views.shown(store, user, page.items), page.cursor


def delete(store, user: dict, note_id: str) -> None:
    """The author deletes their own note; anyone else is refused (HR hides instead)."""
    note = get(store, note_id)
    if note is None:
        raise NotFound("note_not_found")
    if note["author_id"] != user["id"]:
        raise Forbidden("note_delete_forbidden")
    ops = [Delete(*note_key(note_id), condition=Condition.present(status=note["status"]))]
    if note["status"] == "published":
        ops += wall_ops(note, -1)
    ops += [queue.leave(CAPABILITY, q, sort_key(note)) for q in queue.QUEUES]
    try:
        store.transact(ops)
    except ConditionFailed:
        raise NotFound("note_not_found") from None
