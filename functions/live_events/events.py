"""Live events: one EVENT#<id> item, stored once under its audience's key (gsi1 EVENTS#<key>,
ordered by start) and read by fanning out over the person's keys, like notes and news.

Answers are rsvp.py, the calendar file calendar.py, reminders reminders.py, the karaoke running
order slots.py, the recording recording.py."""

from __future__ import annotations

from ulid import ULID

from .. import permissions
from ..audiences import keys as audiences
from ..audiences import sizes
from ..directory.service import get_employee
from ..errors import Conflict, Forbidden, Invalid, NotFound
from ..events import EVENT_CHANGED
from ..i18n import t
from ..store import Condition, ConditionFailed, InvalidCursor, Put, Update
from ..store.port import encode_cursor, read_cursor
from . import reminders
from .keys import (
    LOWEST,
    SK,
    TOP,
    creator_pk,
    event_key,
    feed_pk,
    reader_keys,
    rsvp_key,
    sort_key,
)

MAX_DURATION_S = 12 * 3600
AHEAD_S = 366 * 86400  # an event is planned at most a year ahead
ANSWERS = ("going", "maybe", "not_going")
HOSTS_MAX = 5
EDITABLE = ("kind", "title", "description", "starts_at", "ends_at", "join_url", "audience",
            "capacity")


def get(store, event_id: str) -> dict | None:
    return store.get(*event_key(event_id))


def _invalid(field: str, key: str, **params) -> Invalid:
    return Invalid(key, fields={field: [t(key, **params)]}, **params)


def _hosts(store, user: dict, host_ids: list | None) -> list[dict]:
    """The named hosts ({id, name}); the creator when none are named."""
    hosts = []
    for host_id in dict.fromkeys(host_ids or [user["id"]]):
        person = get_employee(store, host_id)
        if person is None:
            raise _invalid("host_ids", "event_host_not_found")
        hosts.append({"id": person["id"], "name": person["name"]})
    return hosts


def _checked(store, user: dict, body: dict, now: int, kept: dict | None = None) -> dict:
    """The editable fields, checked: the audience is one the person may choose (a named host
    may keep the event's own), not empty, and the event has not ended."""
    audience = body["audience"]
    if audience != kept and not permissions.may_publish_to(user, audience):
        raise Forbidden("event_audience_forbidden")
    if sizes.size(store, audience) == 0:
        raise _invalid("audience", "audience_empty")
    if body["ends_at"] <= now:
        raise _invalid("ends_at", "event_in_past")
    if body["starts_at"] > now + AHEAD_S:
        raise _invalid("starts_at", "event_too_far")
    return ({k: body.get(k) for k in EDITABLE} | {"description": body.get("description") or {}}
            | {"audience_key": audiences.key(audience)})


def indexed(event: dict) -> dict:
    """The event with its audience's key (gsi1) and its creator's order (gsi2), by start."""
    return {**event, "gsi1pk": feed_pk(event["audience_key"]), "gsi1sk": sort_key(event),
            "gsi2sk": sort_key(event)}


def create(store, user: dict, body: dict, now: int) -> dict:
    """A host's new event, in its audience's events, with its reminders scheduled."""
    permissions.require(user, "events.host")
    event = {"id": str(ULID()), **_checked(store, user, body, now),
             "hosts": _hosts(store, user, body.get("host_ids")), "state": "scheduled",
             "going": 0, "maybe": 0, "not_going": 0, "recording": None, "sequence": 0,
             "created_by": user["id"], "created_at": now, "updated_at": now, "slot_seq": 0}
    event = indexed({**event, "pk": event_key(event["id"])[0], "sk": SK,
                     "gsi2pk": creator_pk(user["id"])})
    store.transact([Put(event, condition=Condition.not_exists()),
                    *reminders.schedule_ops(event, now)])
    return event


def readable(store, person: dict, event_id: str) -> dict:
    """The event if it reaches the person (or they may host it); 404 otherwise, no hints."""
    event = get(store, event_id)
    if event is None or not (event["audience_key"] in reader_keys(person)
                             or permissions.may_host_event(person, event)):
        raise NotFound("event_not_found")
    return event


def hosted(store, user: dict, event_id: str) -> dict:
    """The event if the person may host it: 404 when it does not reach them, 403 otherwise."""
    event = readable(store, user, event_id)
    if not permissions.may_host_event(user, event):
        raise Forbidden("event_host_only")
    return event


def answered(store, event_id: str) -> list[str]:
    """Everyone who answered (one partition, bounded by the audience)."""
    return [i["sk"][len("RSVP#"):] for i in store.iter_query(event_key(event_id)[0],
                                                              prefix="RSVP#")]


def update(store, user: dict, event_id: str, body: dict, now: int, bus=None) -> dict:
    """Change an event: SEQUENCE moves on, reminders follow the new start, those who answered
    hear of it."""
    event = hosted(store, user, event_id)
    if event["state"] != "scheduled":
        raise Conflict("event_closed")
    kept = {k: v for k, v in event["audience"].items() if k != "label"}
    fields = _checked(store, user, body, now, kept)
    if body.get("host_ids"):
        fields["hosts"] = _hosts(store, user, body["host_ids"])
    after = indexed({**event, **fields, "sequence": event["sequence"] + 1, "updated_at": now})
    _save(store, event, after, now)
    if bus is not None:
        bus.publish(EVENT_CHANGED, event=after, change="updated",
                    people=answered(store, event_id))
    return after


def cancel(store, user: dict, event_id: str, now: int, bus=None) -> dict:
    """Cancel an event: it stays listed as cancelled; those who answered hear of it."""
    event = hosted(store, user, event_id)
    if event["state"] != "scheduled":
        raise Conflict("event_closed")
    after = {**event, "state": "cancelled", "sequence": event["sequence"] + 1,
             "updated_at": now}
    _save(store, event, after, now)
    if bus is not None:
        bus.publish(EVENT_CHANGED, event=after, change="cancelled",
                    people=answered(store, event_id))
    return after


def _save(store, before: dict, after: dict, now: int) -> None:
    changed = {k: after.get(k) for k in (*EDITABLE, "audience_key", "hosts", "state", "sequence",
                                     "updated_at", "gsi1pk", "gsi1sk", "gsi2sk")}
    ops = [Update(*event_key(before["id"]), set=changed,
                  condition=Condition.present(sequence=before["sequence"]))]
    ops += reminders.moved_ops(before, after, now)
    try:
        store.transact(ops)
    except ConditionFailed:
        raise Conflict() from None  # edited by another host meanwhile


# -- reading ----------------------------------------------------------------------------------

def on_now(event: dict, now: int) -> bool:
    return event["state"] == "scheduled" and event["starts_at"] <= now < event["ends_at"]


def view(event: dict, my_rsvp: dict | None, now: int) -> dict:
    shown = {k: event.get(k) for k in ("id", "kind", "title", "description", "hosts",
                                       "starts_at", "ends_at", "join_url", "audience",
                                       "capacity", "state", "recording", "updated_at",
                                       "sequence")}  # DynamoDB keeps no None: .get
    return {**shown, "audience_name": audience_name(event["audience"]),
            "on_now": on_now(event, now),
            "counts": {a: int(event.get(a, 0)) for a in ANSWERS},
            "my_rsvp": my_rsvp["answer"] if my_rsvp else None}


def audience_name(audience: dict) -> str:
    kind = audience["kind"]
    if kind == "company":
        return "Everyone"
    if kind == "department":
        return f"{audience['unit']} · {audience['department']}"
    return audience.get(kind) or ""


def views(store, person: dict, events: list[dict], now: int) -> list[dict]:
    """Events as the person sees them, with their own answer (one get_many)."""
    if not events:
        return []
    mine = {i["pk"]: i for i in store.get_many([rsvp_key(e["id"], person["id"])
                                                for e in events])}
    return [view(e, mine.get(event_key(e["id"])[0]), now) for e in events]


def page(store, person: dict, when: str, now: int, limit: int, cursor: str | None):
    """Upcoming events (soonest first, those on now included) or past ones (latest first)
    that reach the person: one query per audience key, merged."""
    ascending = when == "upcoming"
    after = _decode(cursor) if cursor else None
    lo, hi = (f"{now - MAX_DURATION_S:010d}", TOP) if ascending else (LOWEST, f"{now:010d}$")
    if after:
        lo, hi = (after, hi) if ascending else (lo, after)
    parts = []
    for key in reader_keys(person):
        result = store.query(feed_pk(key), index="gsi1", between=(lo, hi),
                             reverse=not ascending, limit=limit + 1)
        items = [i for i in result.items if i["gsi1sk"] != after]
        parts.append((items[:limit], result.cursor is not None or len(items) > limit))
    shown, next_after = _merge(parts, limit, ascending)
    kept = [e for e in shown if (e["ends_at"] > now) == ascending]
    return views(store, person, kept, now), (encode_cursor({"a": next_after})
                                             if next_after else None)


def _merge(parts: list, limit: int, ascending: bool):
    """The first `limit` over all partitions in order, and where the next page starts: past
    the last item fetched from a partition that has more, that partition is unknown."""
    fetched = sorted((i for items, _ in parts for i in items), key=lambda i: i["gsi1sk"],
                     reverse=not ascending)
    ends = [items[-1]["gsi1sk"] for items, more in parts if more and items]
    horizon = (min(ends) if ascending else max(ends)) if ends else None
    shown = []
    for item in fetched:
        beyond = horizon is not None and (item["gsi1sk"] > horizon if ascending
                                          else item["gsi1sk"] < horizon)
        if len(shown) == limit or beyond:
            break
        shown.append(item)
    more = horizon is not None or len(shown) < len(fetched)
    return shown, shown[-1]["gsi1sk"] if more and shown else None


def _decode(cursor: str) -> str:
    after = read_cursor(cursor).get("a")
    if not isinstance(after, str) or len(after) > 80:
        raise InvalidCursor("not an events cursor")
    return after


def hosting(store, user: dict, now: int, limit: int, cursor: str | None):
    """The events I created, latest start first (to manage one outside my own audiences)."""
    page = store.query(creator_pk(user["id"]), index="gsi2", reverse=True, limit=limit,
                       cursor=cursor)
    return views(store, user, page.items, now), page.cursor


def happening(store, person: dict, now: int) -> list[dict]:
    """Events on now that reach the person (Home's "on now")."""
    found = []
    for key in reader_keys(person):
        found += [e for e in store.iter_query(feed_pk(key), index="gsi1", between=(
            f"{now - MAX_DURATION_S:010d}", f"{now:010d}$")) if on_now(e, now)]
    return views(store, person, sorted(found, key=lambda e: e["gsi1sk"]), now)
