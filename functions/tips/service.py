"""Tips and posters: one TIP#<id> item (gsi1 TIPS: newest first), tag pointers
(TIPTAG#<tag>), the search index (search.py, TIPWORD#<token>) and a running number for the tip
of the day (TIPSEQ). A file (image or PDF) goes straight to storage through the media port's
presigned form upload (TIPFILE#<id>), then the tip names it."""

from __future__ import annotations

from ulid import ULID

from .. import permissions
from ..errors import Invalid, NotFound
from ..i18n import t
from ..store import Condition, Delete, InvalidCursor, Put
from ..store.port import encode_cursor, read_cursor
from . import search

LIST_PK, SEQ_PK, META = "TIPS", "TIPSEQ", ("TIPMETA", "#")
FILE_TYPES = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp",
              "application/pdf": "pdf"}
FILE_MAX = 10 * 1024 * 1024
BATCH = 25
DAY_S = 86400


def tip_key(tip_id: str) -> tuple[str, str]:
    return f"TIP#{tip_id}", "TIP"


def file_key(file_id: str) -> tuple[str, str]:
    return f"TIPFILE#{file_id}", "FILE"


def sort_key(tip: dict) -> str:
    return f"{tip['published_at']:010d}#{tip['id']}"


def get(store, tip_id: str) -> dict | None:
    return store.get(*tip_key(tip_id))


def readable(store, tip_id: str) -> dict:
    tip = get(store, tip_id)
    if tip is None:
        raise NotFound("tip_not_found")
    return tip


# -- files ------------------------------------------------------------------------------------

def start_file(store, media, user: dict, body: dict, now: int) -> dict:
    """A presigned upload for one image or PDF (types and size checked at the edge too)."""
    permissions.require(user, "tips.publish")
    if body["content_type"] not in FILE_TYPES:
        raise Invalid("tip_file_type", fields={"content_type": [t("tip_file_type")]})
    if body["size"] > FILE_MAX:
        raise Invalid("tip_file_size", max_mb=FILE_MAX // 2**20,
                      fields={"size": [t("tip_file_size", max_mb=FILE_MAX // 2**20)]})
    file_id = str(ULID())
    key = f"tips/{file_id}/file.{FILE_TYPES[body['content_type']]}"
    store.put({"pk": file_key(file_id)[0], "sk": "FILE", "id": file_id, "key": key,
               "owner_id": user["id"], "content_type": body["content_type"],
               "size": body["size"], "width": body.get("width"), "height": body.get("height"),
               "created_at": now}, condition=Condition.not_exists())
    return {"file_id": file_id, "upload": media.presign_post(key, body["content_type"],
                                                             max_bytes=FILE_MAX)}


def _file(store, media, file_id: str | None) -> dict | None:
    """The uploaded file a tip names (stored first: 422 on file_id otherwise)."""
    if not file_id:
        return None
    item = store.get(*file_key(file_id))
    if item is None or media.head(item["key"]) is None:
        raise Invalid("tip_file_not_found", fields={"file_id": [t("tip_file_not_found")]})
    return {k: item.get(k) for k in ("id", "key", "content_type", "size", "width", "height")}


# -- publishing -------------------------------------------------------------------------------

def _pointer_ops(tip: dict, before: dict | None, by: int) -> list:
    """Tag and word pointers to write (by=+1) or delete (by=-1), less those `before` has."""
    kept = (set(before["tags"]), set(before["tokens"])) if before else (set(), set())
    keys = ([f"TIPTAG#{g}" for g in tip["tags"] if g not in kept[0]]
            + [f"TIPWORD#{w}" for w in tip["tokens"] if w not in kept[1]])
    if by < 0:
        return [Delete(pk, sort_key(tip)) for pk in keys]
    return [Put({"pk": pk, "sk": sort_key(tip), "tip_id": tip["id"]}) for pk in keys]


def _write(store, ops: list) -> None:
    for start in range(0, len(ops), BATCH):
        store.transact(ops[start:start + BATCH])


def publish(store, media, user: dict, body: dict, now: int) -> dict:
    """A new tip: the tip and its running number first, then its index pointers."""
    permissions.require(user, "tips.publish")
    seq = int(store.update(*META, add={"seq": 1})["seq"])
    tip = {"id": str(ULID()), "title": body["title"], "body": body.get("body") or {},
           "tags": sorted(set(body.get("tags") or ())), "kind": body["kind"],
           "file": _file(store, media, body.get("file_id")), "published_at": now,
           "author_id": user["id"], "author_name": user["name"], "seq": seq}
    tip["tokens"] = search.tip_tokens(tip)
    tip |= {"pk": tip_key(tip["id"])[0], "sk": "TIP", "gsi1pk": LIST_PK,
            "gsi1sk": sort_key(tip)}
    store.transact([Put(tip, condition=Condition.not_exists()),
                    Put({"pk": SEQ_PK, "sk": f"{seq:08d}", "tip_id": tip["id"]})])
    _write(store, _pointer_ops(tip, None, +1))
    return tip


def edit(store, media, user: dict, tip_id: str, body: dict) -> dict:
    permissions.require(user, "tips.publish")
    before = readable(store, tip_id)
    after = {**before, "title": body["title"], "body": body.get("body") or {},
             "tags": sorted(set(body.get("tags") or ())), "kind": body["kind"],
             "file": _file(store, media, body.get("file_id")) if body.get("file_id")
             else before.get("file")}
    after["tokens"] = search.tip_tokens(after)
    store.put(after)
    _write(store, _pointer_ops(before, after, -1) + _pointer_ops(after, before, +1))
    return after


def withdraw(store, user: dict, tip_id: str) -> None:
    permissions.require(user, "tips.publish")
    tip = readable(store, tip_id)
    store.transact([Delete(*tip_key(tip_id)), Delete(SEQ_PK, f"{tip['seq']:08d}")])
    _write(store, _pointer_ops(tip, None, -1))


# -- reading ----------------------------------------------------------------------------------

def view(media, tip: dict) -> dict:
    file = tip.get("file")
    shown = {k: tip[k] for k in ("id", "title", "body", "tags", "kind", "published_at")}
    return {**shown, "author": {"id": tip["author_id"], "name": tip["author_name"]},
            "file": None if not file else {
                "url": media.download_url(file["key"], expires_in=7 * DAY_S),
                **{k: file.get(k) for k in ("content_type", "size", "width", "height")}}}


def page(store, media, q: str | None, tag: str | None, limit: int, cursor: str | None):
    """Newest first: every tip, a tag's, or those matching q (every token of it)."""
    wanted = search.query_tokens(q) if q else []
    if q and not wanted:
        return [], None
    pk, index = ((f"TIPWORD#{wanted[0]}", None) if wanted else
                 (f"TIPTAG#{tag}", None) if tag else (LIST_PK, "gsi1"))
    result = store.query(pk, index=index, reverse=True, limit=limit,
                         cursor=_cursor(cursor, pk))
    if index:
        tips = result.items
    else:
        found = {i["id"]: i for i in store.get_many(
            [tip_key(p["tip_id"]) for p in result.items])} if result.items else {}
        tips = [found[p["tip_id"]] for p in result.items if p["tip_id"] in found]
    tips = [tip for tip in tips if set(wanted) <= set(tip["tokens"])
            and (not tag or tag in tip["tags"])]
    return [view(media, tip) for tip in tips], (encode_cursor({"p": pk, "c": result.cursor})
                                                 if result.cursor else None)


def _cursor(cursor: str | None, pk: str) -> str | None:
    """The store's cursor inside ours, if it was made for this same list."""
    if not cursor:
        return None
    state = read_cursor(cursor)
    if state.get("p") != pk or not isinstance(state.get("c"), str):
        raise InvalidCursor("not this list's cursor")
    return state["c"]


def today(store, now: int) -> dict:
    """The tip of the day: the same for everyone on a UTC day, rotating through the tips by
    their running number (a withdrawn one passes to the next)."""
    count = int((store.get(*META) or {}).get("seq", 0))
    if count == 0:
        raise NotFound("tip_none_yet")
    start = f"{(now // DAY_S) % count + 1:08d}"
    found = (store.query(SEQ_PK, between=(start, "99999999"), limit=1).items
             or store.query(SEQ_PK, limit=1).items)
    if not found:
        raise NotFound("tip_none_yet")
    return readable(store, found[0]["tip_id"])
