"""HR's story settings: the recording limit and the topic tags people choose from."""

from __future__ import annotations

from .. import permissions

KEY = ("STORYSETTINGS", "#")
DEFAULT_MAX_SECONDS = 60
SLACK_S = 3  # a 60 s recording stops a moment late; its file is never refused for that
DEFAULT_TAGS = [
    {"id": "wfh", "label": {"en": "Working from home", "zh-CN": "居家办公"}},
    {"id": "front_line", "label": {"en": "On the front line", "zh-CN": "在一线"}},
    {"id": "family", "label": {"en": "Family", "zh-CN": "家人"}},
]


def read(store) -> dict:
    """The settings HR saved, else the defaults."""
    item = store.get(*KEY) or {}
    return {"max_seconds": item.get("max_seconds", DEFAULT_MAX_SECONDS),
            "tags": item.get("tags", DEFAULT_TAGS)}


def write(store, user: dict, body: dict, now: int) -> dict:
    """HR replaces the settings (stories already made keep their tags and limit)."""
    permissions.require(user, "stories.settings")
    settings = {"max_seconds": body["max_seconds"],
                "tags": [{"id": t["id"], "label": dict(t["label"])} for t in body["tags"]]}
    store.put({"pk": KEY[0], "sk": KEY[1], **settings, "updated_by": user["id"],
               "updated_at": now})
    return settings
