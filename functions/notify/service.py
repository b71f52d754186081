"""Notifications: compose (HR, editors for their units), the one notify() other capabilities
call, what HR sees (stats, who has not acknowledged), reminders.

A notification is one NOTIF#<id> item, stored once and reached through its audience's key
(gsi1 INBOX#<key>, fan-out on read, like news); a people audience adds one pointer per person
(gsi1 INBOX#PERSON#<id>). Pushing to devices is fanout.py's work, in batches."""

from __future__ import annotations

import base64
import zlib

from ulid import ULID

from .. import permissions
from ..audiences import keys as audiences
from ..audiences import members, sizes
from ..errors import Conflict, Forbidden, Invalid, NotFound, TooManyRequests
from ..i18n import t
from ..store import Condition, ConditionFailed, Put

SK = "NOTIF"
LIST_PK = "NOTIFS"  # gsi2: every notification, newest first (HR's list)
DUE_PK = "NOTIFDUE"  # scheduled sends: sk <send_at %010d>#<id>, removed once sent
ESCALATE_PK = "NOTIFESC"  # must-acknowledge follow-ups: sk <due %010d>#<id>#<stage>
KEEP_S = 90 * 86400
REMIND_EVERY_S = 300
SCHEDULE_AHEAD_S = 30 * 86400
STATS = ("sent", "failed", "pruned", "received", "opened", "acknowledged")
RECEIPTS = ("received", "opened", "acknowledged")  # moved by phones, one person at a time
# Receipt counters are spread over SHARDS items of the notification's partition: 100,000 phones
# reporting within a minute would pass the 1,000 writes/s one DynamoDB item takes. The fan-out's
# own counts (sent, failed, pruned) move once per batch and stay on the notification.
SHARDS = 10


def key(notification_id: str) -> tuple[str, str]:
    return f"NOTIF#{notification_id}", SK


def marker_key(notification_id: str, employee_id: str) -> tuple[str, str]:
    """A person's read / acknowledged / received / opened flags for one notification."""
    return f"NOTIF#{notification_id}", f"P#{employee_id}"


def shard_key(notification_id: str, employee_id: str) -> tuple[str, str]:
    """The receipt counter this person's receipts move (one of SHARDS, the same every time)."""
    return f"NOTIF#{notification_id}", f"COUNT#{zlib.crc32(employee_id.encode()) % SHARDS}"


def receipts(store, items: list[dict]) -> dict[str, dict]:
    """Received / opened / acknowledged per notification: its shards summed (one batch read)."""
    totals = {i["id"]: dict.fromkeys(RECEIPTS, 0) for i in items}
    shards = [(key(i["id"])[0], f"COUNT#{n}") for i in items for n in range(SHARDS)]
    for shard in store.get_many(shards) if shards else ():
        counts = totals[shard["pk"][len("NOTIF#"):]]
        for name in RECEIPTS:
            counts[name] += shard.get(name, 0)
    return totals


def sort_key(item: dict) -> str:
    return f"{item['created_at']:010d}#{item['id']}"


def get(store, notification_id: str) -> dict | None:
    return store.get(*key(notification_id))


def topic_header(notification_id: str) -> str:
    """The Topic header: 32 base64url characters at most (a ULID's 16 bytes make 22)."""
    raw = ULID.from_str(notification_id).bytes
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def may_send_to(user: dict, audience: dict) -> bool:
    """HR and admins anywhere; editors only inside the units they edit."""
    return permissions.may_notify(user, audience)


def compose(store, user: dict, body: dict, now: int, start) -> dict:
    """HR's (or an editor's) notification: checked, stored, then sent now or at send_at."""
    permissions.require(user, "notify.send")
    if not may_send_to(user, body["audience"]):
        raise Forbidden("notify_audience_forbidden")
    send_at = body.get("send_at")
    if send_at is not None and not now - 300 <= send_at <= now + SCHEDULE_AHEAD_S:
        raise Invalid("send_at_invalid", fields={"send_at": [
            "Choose a time from now up to 30 days ahead."]})
    return notify(store, body["audience"], body, now, start, author=user,
                  escalate_after_s=body.get("escalate_after_s", 3600))


def notify(store, audience: dict, message: dict, now: int, start, *, author: dict | None = None,
           escalate_after_s: int = 3600) -> dict:
    """The one way to notify: store the notification once for its audience, then send it
    (start: fanout's entry, called now, or by the schedule at send_at).

    message: title and body by language ({"en": ..., "zh-CN": ...}), link (an app path),
    urgency ("normal" | "high"), ttl_s, must_acknowledge, topic, send_at (epoch s or None);
    optionally actions by language (the notification's buttons: [{"action", "title"}]) and
    data (small fields the service worker reads, added to the push's payload)."""
    size = sizes.size(store, audience)
    if size == 0:
        raise Invalid("audience_empty", fields={"audience": [t("audience_empty")]})
    item = {"id": str(ULID()), "title": message["title"], "body": message["body"],
            "link": message["link"], "audience": audience,
            "urgency": message.get("urgency", "normal"), "ttl_s": message.get("ttl_s", 3600),
            "must_acknowledge": message.get("must_acknowledge", False),
            "topic": message.get("topic", "hr"), "send_at": message.get("send_at"),
            "created_at": now, "state": "scheduled" if message.get("send_at") else "sending",
            "author_id": author["id"] if author else None,
            "author_name": author["name"] if author else "Together",
            "audience_size": size, "escalate_after_s": escalate_after_s, "reminded_at": 0,
            "sent": 0, "failed": 0, "pruned": 0, "expires_at": now + KEEP_S,
            **{k: message[k] for k in ("actions", "data") if message.get(k)}}
    item |= {"pk": key(item["id"])[0], "sk": SK, "gsi2pk": LIST_PK, "gsi2sk": sort_key(item)}
    ops = [Put(item, condition=Condition.not_exists())]
    if item["send_at"]:
        ops.append(Put({"pk": DUE_PK, "sk": f"{item['send_at']:010d}#{item['id']}",
                        "notification_id": item["id"], "expires_at": now + KEEP_S}))
    store.transact(ops)
    if not item["send_at"]:
        release(store, item, now)
        start(item["id"])
    return get(store, item["id"])


def release(store, item: dict, now: int) -> None:
    """Put the notification into its audience's inboxes (and, must-acknowledge, schedule the
    follow-ups): done once, just before its push."""
    if item["audience"]["kind"] == "people":
        for person in sorted(set(item["audience"]["people"])):
            store.put({"pk": key(item["id"])[0], "sk": f"TO#{person}",
                       **_shown(item), "gsi1pk": inbox_pk(audiences.person_key(person)),
                       "gsi1sk": sort_key(item), "expires_at": item["expires_at"]})
        set_ = {"state": "sending"}
    else:
        set_ = {"state": "sending", "gsi1pk": inbox_pk(audiences.key(item["audience"])),
                "gsi1sk": sort_key(item)}
    store.update(*key(item["id"]), set=set_)
    if item["must_acknowledge"]:
        due = now + item["escalate_after_s"]
        store.put({"pk": ESCALATE_PK, "sk": f"{due:010d}#{item['id']}#remind",
                   "notification_id": item["id"], "stage": "remind",
                   "expires_at": now + KEEP_S})


SHOWN = ("id", "title", "body", "link", "audience", "urgency", "ttl_s", "must_acknowledge",
         "topic", "created_at")


def _shown(item: dict) -> dict:
    return {k: item[k] for k in SHOWN}


def inbox_pk(audience_key: str) -> str:
    return f"INBOX#{audience_key}"


def views(store, items: list[dict]) -> list[dict]:
    """Notifications as their senders see them (counts only: never who)."""
    counts = receipts(store, items)
    return [view(item, counts[item["id"]]) for item in items]


def view(item: dict, counts: dict) -> dict:
    """One notification as its senders see it, with its receipt counts (receipts())."""
    return {**_shown(item), "escalate_after_s": item.get("escalate_after_s", 3600),
            "send_at": item.get("send_at"), "state": item["state"],
            "author": {"id": item.get("author_id"), "name": item.get("author_name")},
            "stats": {"audience": item.get("audience_size", 0),
                      "inbox": item.get("audience_size", 0) if item["state"] != "scheduled"
                      else 0, "sent": item.get("sent", 0), "failed": item.get("failed", 0),
                      "pruned": item.get("pruned", 0), **counts},
            "reminded_at": item.get("reminded_at") or None}


def managed(store, user: dict, notification_id: str) -> dict:
    permissions.require(user, "notify.send")
    item = get(store, notification_id)
    if item is None:
        raise NotFound()
    if not may_send_to(user, item["audience"]):
        raise Forbidden()
    return item


def listing(store, user: dict, cursor: str | None, limit: int):
    """Newest first, the ones this person may see (an editor's page may hold fewer)."""
    permissions.require(user, "notify.send")
    page = store.query(LIST_PK, index="gsi2", reverse=True, limit=limit, cursor=cursor)
    return [i for i in page.items if may_send_to(user, i["audience"])], page.cursor


def unacknowledged(store, user: dict, notification_id: str, cursor: str | None, limit: int):
    """People of the audience without an acknowledgement, a page of the directory at a time."""
    item = managed(store, user, notification_id)
    if not item["must_acknowledge"]:
        raise Conflict("ack_not_required")
    return not_acknowledged(store, item, cursor, limit)


def not_acknowledged(store, item: dict, cursor: str | None, limit: int):
    people, cursor = members.members(store, item["audience"], cursor, limit)
    found = store.get_many([marker_key(item["id"], p["id"]) for p in people]) if people else []
    acked = {m["employee_id"] for m in found if m.get("acknowledged_at")}
    return [p for p in people if p["id"] not in acked], cursor


def claim_reminder(store, item: dict, now: int) -> None:
    """At most one reminder per REMIND_EVERY_S (429 with Retry-After otherwise)."""
    last = item.get("reminded_at") or 0
    if last and now - last < REMIND_EVERY_S:
        raise TooManyRequests("remind_too_soon", retry_after=REMIND_EVERY_S - (now - last))
    try:
        store.update(*key(item["id"]), set={"reminded_at": now},
                     condition=Condition.present(reminded_at=last))
    except ConditionFailed:
        raise TooManyRequests("remind_too_soon", retry_after=REMIND_EVERY_S) from None


def remind(store, user: dict, notification_id: str, now: int, start_reminder) -> int:
    """Push again to those who have not acknowledged; how many people that is."""
    item = managed(store, user, notification_id)
    if not item["must_acknowledge"]:
        raise Conflict("ack_not_required")
    claim_reminder(store, item, now)
    start_reminder(item["id"])
    acknowledged = receipts(store, [item])[item["id"]]["acknowledged"]
    return max(0, item.get("audience_size", 0) - acknowledged)
