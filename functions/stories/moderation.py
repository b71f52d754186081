"""Moderating stories on the shared functions/moderation: the quarantine queue, release and
reject (HR, and editors of the author's unit), reports by anyone, hide and restore (HR).

Each action moves the story, its feed pointers, its queues and an audit entry in one
transaction, so a feed or a queue never disagrees with the story."""

from __future__ import annotations

import base64
import json

from .. import permissions
from ..errors import Conflict, Forbidden
from ..events import STORY_REJECTED, STORY_RELEASED
from ..moderation import audit, queue, reports
from ..store import Condition, ConditionFailed, Delete, InvalidCursor, Put, Update
from ..videos import service as videos
from .keys import (
    CAPABILITY,
    FEATURED_PK,
    created_sort,
    feed_pk,
    feed_scopes,
    quarantine_pk,
    released_sort,
    story_key,
)
from .service import get, may_moderate, visible


def _snapshot(story: dict) -> dict:
    return {"status": story["status"], "reason": story.get("reason")}


def _moderated(store, user: dict, story_id: str) -> dict:
    """A story the person may release or reject: 404 if they may not even see it."""
    story = visible(store, user, story_id)
    if not may_moderate(user, story):
        raise Forbidden("story_moderate_forbidden")
    if story["author_id"] == user["id"]:
        raise Forbidden("story_moderate_own")
    return story


def _feed_ops(story: dict, present: bool) -> list:
    sort = released_sort(story)
    if present:
        return [Put({"pk": feed_pk(scope), "sk": sort, "story_id": story["id"]})
                for scope in feed_scopes(story)]
    return [Delete(feed_pk(scope), sort) for scope in feed_scopes(story)]


def _apply(store, user: dict, story: dict, action: str, status: str, sets: dict, ops: list,
           now: int, remove=()) -> dict:
    after = {**story, **sets, "status": status}
    try:
        store.transact([Update(*story_key(story["id"]), set={**sets, "status": status},
                               remove=remove, condition=Condition.present(status=story["status"])),
                        *ops, audit.entry(user, CAPABILITY, story["id"], action,
                                          _snapshot(story), _snapshot(after), now)])
    except ConditionFailed:
        raise Conflict("story_state_changed") from None
    return get(store, story["id"])


def release(store, user: dict, story_id: str, now: int, events=None) -> dict:
    """A quarantined story enters every feed it belongs to; its author is told."""
    story = _moderated(store, user, story_id)
    if story["status"] != "quarantine":
        raise Conflict("story_state_changed")
    released = {**story, "released_at": now}
    story = _apply(store, user, story, "release", "released", {"released_at": now},
                   [*_feed_ops(released, True),
                    queue.leave(CAPABILITY, "held", created_sort(story))], now,
                   remove=("gsi1pk", "gsi1sk"))
    if events is not None:
        events.publish(STORY_RELEASED, story=story)
    return story


def reject(store, media, user: dict, story_id: str, reason: str, now: int, events=None) -> dict:
    """A quarantined story stays out of every feed; its author reads the reason, and its
    video's files are removed (nobody will watch them)."""
    story = _moderated(store, user, story_id)
    if story["status"] != "quarantine":
        raise Conflict("story_state_changed")
    story = _apply(store, user, story, "reject", "rejected", {"reason": reason},
                   [queue.leave(CAPABILITY, "held", created_sort(story))], now,
                   remove=("gsi1pk", "gsi1sk"))
    videos.purge(store, media, story["video_id"])
    if events is not None:
        events.publish(STORY_REJECTED, story=story)
    return story


def hide(store, user: dict, story_id: str, reason: str, now: int) -> dict:
    """HR takes a released story out of every feed (after reports, usually)."""
    permissions.require(user, "stories.hide")
    story = visible(store, user, story_id)
    if story["status"] != "released":
        raise Conflict("story_state_changed")
    sort = created_sort(story)
    return _apply(store, user, story, "hide", "hidden", {"reason": reason or None,
                                                         "featured": False},
                  [*_feed_ops(story, False), Delete(FEATURED_PK, story["id"]),
                   queue.leave(CAPABILITY, "reported", sort),
                   queue.enter(CAPABILITY, "hidden", story["id"], sort)], now)


def restore(store, user: dict, story_id: str, now: int) -> dict:
    """HR puts a hidden story back where it was in the feeds."""
    permissions.require(user, "stories.hide")
    story = visible(store, user, story_id)
    if story["status"] != "hidden":
        raise Conflict("story_state_changed")
    return _apply(store, user, story, "restore", "released", {"reason": None},
                  [*_feed_ops(story, True),
                   queue.leave(CAPABILITY, "hidden", created_sort(story))], now)


def report(store, person: dict, story_id: str, reason: str, now: int) -> bool:
    """Anyone who can see a released story reports it to HR; once per person."""
    story = visible(store, person, story_id)
    if story["status"] != "released":
        raise Conflict("story_state_changed")
    return reports.report(store, CAPABILITY, story_key(story_id), story_id, created_sort(story),
                          person, reason, "story", now)


# -- queues ------------------------------------------------------------------------------------

def _cursors(cursor: str | None) -> dict:
    if not cursor:
        return {}
    try:
        cursors = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except ValueError:
        raise InvalidCursor("not a stories queue cursor") from None
    if not isinstance(cursors, dict) or not all(isinstance(v, str) for v in cursors.values()):
        raise InvalidCursor("not a stories queue cursor")
    return cursors


def _own(user: dict, story: dict) -> bool:
    return story["author_id"] == user["id"]  # someone else releases it: not in my queue


def quarantine_page(store, user: dict, cursor: str | None, limit: int):
    """Quarantined stories the person may moderate, oldest first: every unit's for HR, the
    units they edit for an editor (one query per unit; the cursor carries each unit's)."""
    permissions.require(user, "stories.moderate")
    if permissions.has(user, "stories.hide"):
        page = store.query(queue.pk(CAPABILITY, "held"), limit=limit, cursor=cursor)
        ids = [i["subject_id"] for i in page.items]
        stories = {s["id"]: s for s in store.get_many([story_key(i) for i in ids])} if ids else {}
        mine = [stories[i] for i in ids if i in stories and not _own(user, stories[i])]
        return mine, page.cursor
    cursors, found, after = _cursors(cursor), [], {}
    for unit in permissions.moderated_units(user):
        if cursor and unit not in cursors:
            continue  # that unit's queue was read to its end on an earlier page
        page = store.query(quarantine_pk(unit), index="gsi1", limit=limit,
                           cursor=cursors.get(unit))
        found += page.items
        if page.cursor:
            after[unit] = page.cursor
    found = sorted((s for s in found if not _own(user, s)), key=created_sort)
    following = base64.urlsafe_b64encode(json.dumps(after).encode()).decode() if after else None
    return found, following


def queue_page(store, user: dict, state: str, cursor: str | None, limit: int):
    """HR's reported or hidden queue, newest first."""
    permissions.require(user, "stories.hide")
    ids, cursor = queue.page(store, CAPABILITY, state, cursor, limit)
    stories = {s["id"]: s for s in store.get_many([story_key(i) for i in ids])} if ids else {}
    return [{**stories[i], "report_reasons": _reasons(store, i)} for i in ids if i in stories], \
        cursor


def _reasons(store, story_id: str) -> list[str]:
    """The latest reports' reasons (one query per story of HR's page)."""
    return [r["reason"] for r in reports.of_subject(store, story_key(story_id)[0], limit=20)
            if r.get("reason")]

