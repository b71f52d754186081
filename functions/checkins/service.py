"""Crisis check-ins ("Are you safe?"): start, what reaches me, HR's list, close.

A check-in is one CHK#<id> item holding its totals; its counters per site and per unit are
G#... items of the same partition (counts.py), moved with every answer (answers.py) so HR's
live view reads counters, never answers. Escalation waves are waves.py, one-time links
links.py, the people lists and cases people.py."""

from __future__ import annotations

from ulid import ULID

from .. import events, permissions
from ..audiences import keys as audience_keys
from ..audiences import members
from ..errors import Conflict, Invalid, NotFound
from ..i18n import t
from ..store import Condition, ConditionFailed, Put, Update
from .keys import (
    ANSWERS,
    DUE_PK,
    SK,
    checkin_key,
    due_sk,
    group_sk,
    list_pk,
    started_sort,
)

MEMBERS_PAGE = 500
OPEN_MAX = 50  # open check-ins read for Home at once (a crisis has a few, not hundreds)


def get(store, checkin_id: str) -> dict | None:
    return store.get(*checkin_key(checkin_id))


def managed(store, user: dict, checkin_id: str) -> dict:
    """The check-in, for a safety operator (403 to anyone else, 404 if absent)."""
    permissions.require(user, "checkins.run", "checkin_operators_only")
    checkin = get(store, checkin_id)
    if checkin is None:
        raise NotFound("checkin_not_found")
    return checkin


def reaches(checkin: dict, person: dict) -> bool:
    return audience_keys.reaches(checkin["audience"], person, permissions.roles(person))


def mine(store, user: dict, checkin_id: str) -> dict:
    """A check-in that reaches me (404 otherwise: no hint that it exists)."""
    checkin = get(store, checkin_id)
    if checkin is None or not reaches(checkin, user):
        raise NotFound("checkin_not_found")
    return checkin


def audience_name(audience: dict, lang: str | None = None) -> str:
    kind = audience["kind"]
    if kind == "company":
        return t("checkin_audience_company", lang)
    if kind == "people":
        return t("checkin_audience_people", lang, count=len(audience["people"]))
    if kind == "department":
        return f"{audience['unit']} / {audience['department']}"
    return audience[kind]


def _tally(store, audience: dict) -> tuple[int, dict, dict]:
    """The audience's size, per site and per unit, a page of the directory at a time."""
    size, sites, units, cursor = 0, {}, {}, None
    while True:
        people, cursor = members.members(store, audience, cursor, MEMBERS_PAGE)
        for person in people:
            size += 1
            sites[person["site"]] = sites.get(person["site"], 0) + 1
            units[person["business_unit"]] = units.get(person["business_unit"], 0) + 1
        if cursor is None:
            return size, sites, units


def start(store, bus, user: dict, body: dict, now: int) -> dict:
    """A new check-in: counters sized from the directory, waves scheduled, then announced
    (notify pushes it and puts it in the inboxes)."""
    permissions.require(user, "checkins.run", "checkin_operators_only")
    size, sites, units = _tally(store, body["audience"])
    if size == 0:
        raise Invalid("audience_empty", fields={"audience": [t("audience_empty")]})
    checkin = {"id": str(ULID()), "question": body["question"], "audience": body["audience"],
               "drill": body["drill"], "note": body["note"], "state": "open",
               "started_at": now, "started_by": {"id": user["id"], "name": user["name"]},
               "closed_at": None, "reminded_at": 0, "audience_size": size,
               "remind_after_s": body["remind_after_s"], "email_after_s": body["email_after_s"],
               **dict.fromkeys(ANSWERS, 0)}
    checkin |= {"pk": checkin_key(checkin["id"])[0], "sk": SK, "gsi2pk": list_pk("open"),
                "gsi2sk": started_sort(checkin)}
    store.put(checkin, condition=Condition.not_exists())
    groups = [("site", n, c) for n, c in sites.items()] + [("unit", n, c) for n, c in units.items()]
    for n in range(0, len(groups), 25):
        store.transact([Put({"pk": checkin["pk"], "sk": group_sk(kind, name), "kind": kind,
                             "name": name, "size": count, **dict.fromkeys(ANSWERS, 0)})
                        for kind, name, count in groups[n:n + 25]])
    for stage, after in (("remind", body["remind_after_s"]), ("email", body["email_after_s"])):
        store.put({"pk": DUE_PK, "sk": due_sk(now + after, checkin["id"], stage),
                   "checkin_id": checkin["id"], "stage": stage})
    bus.publish(events.CHECKIN_STARTED, checkin=checkin)
    return checkin


def listing(store, user: dict, state: str, cursor: str | None, limit: int):
    """HR's check-ins of one state, newest first."""
    permissions.require(user, "checkins.run", "checkin_operators_only")
    page = store.query(list_pk(state), index="gsi2", reverse=True, limit=limit, cursor=cursor)
    return page.items, page.cursor


def open_for(store, user: dict) -> list[dict]:
    """The open check-ins that reach me, newest first (Home's card)."""
    page = store.query(list_pk("open"), index="gsi2", reverse=True, limit=OPEN_MAX)
    return [c for c in page.items if reaches(c, user)]


def close(store, user: dict, checkin_id: str, now: int) -> dict:
    """Close it: answers are refused from now on; the answers, cases and links are retired
    (expire 30 days later) by the schedule (waves.retire); the counts stay."""
    checkin = managed(store, user, checkin_id)
    if checkin["state"] != "open":
        raise Conflict("checkin_closed")
    try:
        store.transact([
            Update(*checkin_key(checkin_id), set={
                "state": "closed", "closed_at": now, "gsi2pk": list_pk("closed")},
                condition=Condition.present(state="open")),
            Put({"pk": DUE_PK, "sk": due_sk(now, checkin_id, "retire"),
                 "checkin_id": checkin_id, "stage": "retire"})])
    except ConditionFailed:
        raise Conflict("checkin_closed") from None
    return get(store, checkin_id)
