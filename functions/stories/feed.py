"""Reading released stories: the feed (all, or one unit, site or tag), and Home's featured."""

from __future__ import annotations

from .. import permissions
from ..errors import Conflict
from ..store import Condition, ConditionFailed, Delete, Put, Update
from .keys import FEATURED_PK, feed_pk, story_key
from .service import visible

MAX_FEATURED = 3


def scope(args: dict) -> tuple[str, dict]:
    """The pointer partition to read (the narrowest filter given) and the other filters."""
    for name in ("tag", "site", "unit"):
        if args.get(name):
            rest = {k: args[k] for k in ("unit", "site", "tag") if args.get(k) and k != name}
            return f"{name}#{args[name]}", rest
    return "all", {}


def _matches(story: dict, rest: dict) -> bool:
    author = story["author"]
    return ((not rest.get("unit") or author["business_unit"] == rest["unit"])
            and (not rest.get("site") or author["site"] == rest["site"])
            and (not rest.get("tag") or rest["tag"] in story["tags"]))


def page(store, args: dict, cursor: str | None, limit: int):
    """Released stories, newest released first. With two filters or more, a page may hold fewer
    than `limit` (the others are applied to the narrowest one's page): follow the cursor."""
    where, rest = scope(args)
    result = store.query(feed_pk(where), reverse=True, limit=limit, cursor=cursor)
    ids = [p["story_id"] for p in result.items]
    found = {s["id"]: s for s in store.get_many([story_key(i) for i in ids])} if ids else {}
    stories = [found[i] for i in ids if i in found and found[i]["status"] == "released"]
    return [s for s in stories if _matches(s, rest)], result.cursor


def featured(store) -> list[dict]:
    """The stories HR featured on Home (at most MAX_FEATURED), latest featured first."""
    pointers = sorted(store.query(FEATURED_PK, limit=MAX_FEATURED + 5).items,
                      key=lambda p: p["at"], reverse=True)
    ids = [p["sk"] for p in pointers]
    found = {s["id"]: s for s in store.get_many([story_key(i) for i in ids])} if ids else {}
    return [found[i] for i in ids if i in found and found[i]["status"] == "released"]


def feature(store, user: dict, story_id: str, now: int) -> None:
    permissions.require(user, "stories.feature")
    story = visible(store, user, story_id)
    if story["status"] != "released":
        raise Conflict("story_not_released")
    if story.get("featured"):
        return
    if len(featured(store)) >= MAX_FEATURED:
        raise Conflict("story_featured_full", max=MAX_FEATURED)
    try:
        store.transact([Put({"pk": FEATURED_PK, "sk": story_id, "at": now}),
                        Update(*story_key(story_id), set={"featured": True},
                               condition=Condition.present(status="released"))])
    except ConditionFailed:
        raise Conflict("story_not_released") from None


def unfeature(store, user: dict, story_id: str) -> None:
    permissions.require(user, "stories.feature")
    visible(store, user, story_id)
    try:
        store.transact([Update(*story_key(story_id), set={"featured": False},
                               condition=Condition.present()), Delete(FEATURED_PK, story_id)])
    except ConditionFailed:
        pass  # deleted meanwhile: its pointer went with it
