"""News: video items published to audiences, managed by their editors, HR and admins.

An item is one NEWS#<id> item; it enters its audience's feed partition (gsi1) only once its
video is ready. Watching and acknowledging are in receipts.py, the feed in feed.py."""

from __future__ import annotations

from ulid import ULID

from .. import permissions
from ..audiences import keys as audiences
from ..audiences import sizes
from ..errors import Conflict, Forbidden, Invalid, NotFound
from ..events import NEWS_PUBLISHED
from ..i18n import t
from ..store import Condition, ConditionFailed, Delete, Put, Update
from ..videos import service as videos

SK = "NEWS"
PIN_PK = "NEWSPIN"  # pinned items, newest first; few by design (PIN_MAX)
PIN_MAX = 10
SCHEDULE_AHEAD_S = 30 * 86400
BACKDATE_S = 300  # a phone's clock may be a little behind
COUNTERS = {"viewed": "views", "completed": "completions", "acknowledged": "acks"}
SHOWN = ("id", "title", "text", "audience", "publish_at", "pinned", "must_acknowledge",
         "author_id", "author_name", "video_id")


def news_key(news_id: str) -> tuple[str, str]:
    return f"NEWS#{news_id}", SK


def receipt_key(news_id: str, employee_id: str) -> tuple[str, str]:
    return f"NEWS#{news_id}", f"SEEN#{employee_id}"


def sort_key(item: dict) -> str:
    """Orders an audience partition by publish time; ULIDs break ties."""
    return f"{item['publish_at']:010d}#{item['id']}"


def feed_pk(audience_key: str) -> str:
    return f"FEED#{audience_key}"


def manage_pk(unit: str | None) -> str:
    return f"MANAGE#{unit}" if unit else "MANAGE#*"


def get(store, news_id: str) -> dict | None:
    return store.get(*news_key(news_id))


# -- publishing -------------------------------------------------------------------------------

def publish(store, user: dict, body: dict, now: int, events=None) -> dict:
    """Create an item; it shows once its time has come and its video is ready."""
    permissions.require(user, "news.publish")
    audience = body["audience"]
    if not permissions.may_publish_to(user, audience):
        raise Forbidden("news_audience_forbidden")
    if body["pinned"]:
        permissions.require(user, "news.manage", "news_pin_forbidden")
    if sizes.size(store, audience) == 0:  # a unit, department or site the directory lacks
        field = {"company": "kind"}.get(audience["kind"], audience["kind"])
        raise Invalid("audience_empty", fields={"audience": {field: [t("audience_empty")]}})
    publish_at = body.get("publish_at") or now
    if not now - BACKDATE_S <= publish_at <= now + SCHEDULE_AHEAD_S:
        raise Invalid("publish_at_invalid", fields={"publish_at": [
            "Choose a time from now up to 30 days ahead."]})
    item = {"id": str(ULID()), "title": body["title"], "text": body.get("text") or {},
            "video_id": body["video_id"], "audience": audience, "publish_at": publish_at,
            "pinned": body["pinned"], "must_acknowledge": body["must_acknowledge"],
            "author_id": user["id"], "author_name": user["name"], "created_at": now,
            "views": 0, "completions": 0, "acks": 0}
    item |= {"pk": news_key(item["id"])[0], "sk": SK, "gsi2pk": manage_pk(
        audiences.unit_of(audience)), "gsi2sk": sort_key(item)}
    for _ in range(3):  # the video may change state while we look: then look again
        video = _usable_video(store, user, body["video_id"])
        ops = [Put(_indexed(item) if video["status"] == "ready" else item,
                   condition=Condition.not_exists()),
               Update(*videos.video_key(video["video_id"]), set={"news_id": item["id"]},
                      condition=Condition.present(news_id="", status=video["status"]))]
        if item["pinned"]:
            _check_pin_room(store)
            ops.append(Put(_pin(item)))
        try:
            store.transact(ops)
        except ConditionFailed:
            continue
        if events is not None and video["status"] == "ready":
            events.publish(NEWS_PUBLISHED, item=item)
        return item
    raise Conflict()


def _usable_video(store, user: dict, video_id: str) -> dict:
    try:
        video = videos.visible(store, user, video_id)
    except NotFound:
        raise Invalid("video_not_found", fields={"video_id": ["No such video."]}) from None
    if video.get("news_id"):
        raise Conflict("video_already_used")
    if video.get("story_id"):
        raise Conflict("video_in_story")
    if video["status"] == "failed":
        reason = t(f"video_failed_{video['reason']}")
        raise Invalid("video_failed", reason=reason, fields={"video_id": [reason]})
    if video["status"] == "uploading":
        raise Invalid("video_not_uploaded", fields={"video_id": ["Still uploading."]})
    return video


def _indexed(item: dict) -> dict:
    """The item with its feed keys: present only once its video is ready."""
    return {**item, "gsi1pk": feed_pk(audiences.key(item["audience"])),
            "gsi1sk": sort_key(item)}


def _pin(item: dict) -> dict:
    return {"pk": PIN_PK, "sk": sort_key(item), **{k: item[k] for k in SHOWN}}


def _check_pin_room(store) -> None:
    if len(store.query(PIN_PK, limit=PIN_MAX + 1).items) >= PIN_MAX:
        raise Conflict("too_many_pinned", max=PIN_MAX)


def video_settled(store, video: dict, events=None) -> None:
    """A video finished processing (events.VIDEO_SETTLED): a ready one that an item shows puts
    the item into the feeds."""
    if not video.get("news_id"):
        return
    item = get(store, video["news_id"])
    if item is None or video["status"] != "ready":
        return  # a failed video keeps the item out of every feed; editors see why
    indexed = _indexed(item)
    try:
        store.update(*news_key(item["id"]), set={"gsi1pk": indexed["gsi1pk"],
                                                 "gsi1sk": indexed["gsi1sk"]},
                     condition=Condition.present())
    except ConditionFailed:
        return  # deleted meanwhile
    if events is not None:
        events.publish(NEWS_PUBLISHED, item=item)


# -- managing ---------------------------------------------------------------------------------

def managed(store, user: dict, news_id: str) -> dict:
    item = get(store, news_id)
    if item is None:
        raise NotFound("news_not_found")
    if not permissions.may_manage_news_item(user, item):
        raise Forbidden()
    return item


def state(item: dict, video: dict | None, now: int) -> str:
    """published | scheduled | waiting_for_video | blocked (the video failed)."""
    status = video["status"] if video else "failed"
    if status == "failed":
        return "blocked"
    if status != "ready":
        return "waiting_for_video"
    return "scheduled" if item["publish_at"] > now else "published"


def manage_list(store, user: dict, unit: str | None, cursor: str | None, limit: int):
    """Items of one unit (or, for HR and admins, company-wide and site items), newest first."""
    if not permissions.may_manage_unit(user, unit):
        raise Forbidden()
    page = store.query(manage_pk(unit), index="gsi2", reverse=True, limit=limit, cursor=cursor)
    found = {v["video_id"]: v for v in store.get_many(
        [videos.video_key(i["video_id"]) for i in page.items])} if page.items else {}
    return [(item, found.get(item["video_id"])) for item in page.items], page.cursor


def delete(store, user: dict, news_id: str) -> None:
    """Withdraw an item; its video becomes free again (and deletable)."""
    item = managed(store, user, news_id)
    ops = [Delete(*news_key(news_id), condition=Condition.present()),
           Update(*videos.video_key(item["video_id"]), set={"news_id": ""},
                  condition=Condition.present(news_id=news_id))]
    if item["pinned"]:
        ops.append(Delete(PIN_PK, sort_key(item)))
    try:
        store.transact(ops)
    except ConditionFailed:
        raise Conflict() from None


def set_pinned(store, user: dict, news_id: str, pinned: bool) -> dict:
    """Pin a leader's message on top of every feed it reaches (HR and admins)."""
    permissions.require(user, "news.manage", "news_pin_forbidden")
    item = get(store, news_id)
    if item is None:
        raise NotFound("news_not_found")
    if item["pinned"] == pinned:
        return item
    if pinned:
        _check_pin_room(store)
    flip = Update(*news_key(news_id), set={"pinned": pinned},
                  condition=Condition.present(pinned=not pinned))
    pin = Put(_pin({**item, "pinned": True})) if pinned else Delete(PIN_PK, sort_key(item))
    try:
        store.transact([flip, pin])
    except ConditionFailed:
        raise Conflict() from None
    return {**item, "pinned": pinned}


# -- how items are shown ----------------------------------------------------------------------

def mine(receipt: dict | None) -> dict:
    receipt = receipt or {}
    return {flag: bool(receipt.get(flag)) for flag in COUNTERS}


def view(media, item: dict, video: dict | None, receipt: dict | None = None) -> dict:
    """An item as a person's feed shows it (video URLs only once the video is ready)."""
    return {"id": item["id"], "title": item["title"], "text": item["text"],
            "audience": item["audience"], "publish_at": item["publish_at"],
            "pinned": item["pinned"], "must_acknowledge": item["must_acknowledge"],
            "author": {"id": item["author_id"], "name": item["author_name"]},
            "video": videos.playback(media, video) if video else None, "me": mine(receipt)}


def manage_view(media, item: dict, video: dict | None, now: int) -> dict:
    """An item as its editors see it: whether it shows yet, and why not."""
    reason = video.get("reason") if video and video["status"] == "failed" else None
    return {**view(media, item, video), "state": state(item, video, now),
            "video_reason": reason,
            "video_reason_message": t(f"video_failed_{reason}") if reason else None,
            "views": item.get("views", 0), "completions": item.get("completions", 0),
            "acks": item.get("acks", 0)}
