"""What notify does when other capabilities announce something (subscribed in bootstrap)."""

from __future__ import annotations

from ..audiences.keys import PEOPLE_MAX
from ..errors import Invalid
from ..store import Condition, ConditionFailed
from . import delivery, service

NEWS_TEXT = {"en": "Please watch it and acknowledge.", "zh-CN": "请观看并确认。"}
PASS_TITLE = {"en": "Your health pass changed", "zh-CN": "您的健康通行证已更新"}
PASS_BODY = {"en": "Open the app to see it.", "zh-CN": "请打开应用查看。"}


def news_published(a, item: dict) -> dict | None:
    """A must-acknowledge news item entered the feeds: tell its audience (at its time)."""
    if not item.get("must_acknowledge"):
        return None
    now = int(a.clock())
    try:  # once per item, even if its video settles again (a sweep's requeue)
        a.store.put({"pk": f"NOTIFFOR#news#{item['id']}", "sk": "#", "at": now},
                    condition=Condition.not_exists())
    except ConditionFailed:
        return None
    title = {lang: text[:80] for lang, text in item["title"].items()}
    message = {"title": title, "body": {lang: NEWS_TEXT[lang] for lang in title},
               "link": f"/watch?id={item['id']}", "urgency": "normal", "ttl_s": 86400,
               "must_acknowledge": False, "topic": "news",
               "send_at": item["publish_at"] if item["publish_at"] > now else None}
    return _notify(a, item["audience"], message, now)


def health_changed(a, employee_id: str) -> dict | None:
    """The person's own pass changed: tell them only, and nothing about their health."""
    message = {"title": PASS_TITLE, "body": PASS_BODY, "link": "/pass", "urgency": "normal",
               "ttl_s": 86400, "must_acknowledge": False, "topic": "health", "send_at": None}
    return _notify(a, {"kind": "people", "people": [employee_id]}, message, int(a.clock()))


NOTE_TITLE = {"en": "A note for you", "zh-CN": "有一张写给你的便条"}
NOTE_FROM = {"en": "a colleague", "zh-CN": "一位同事"}
HIDDEN_TITLE = {"en": "Your note was hidden", "zh-CN": "你的便条已被隐藏"}
HIDDEN_BODY = {"en": "HR hid your note.", "zh-CN": "人力资源部隐藏了你的便条。"}


def note_published(a, note: dict) -> dict | None:
    """A note to one person is published: tell that person (a people audience of one)."""
    if note["audience"]["kind"] != "person":
        return None
    body = {lang: f"{note['author_name'] if not note['anonymous'] else NOTE_FROM[lang]}: "
                  f"{note['text'][:120]}" for lang in NOTE_TITLE}
    message = {"title": NOTE_TITLE, "body": body, "link": "/notes", "urgency": "normal",
               "ttl_s": 86400, "must_acknowledge": False, "topic": "notes", "send_at": None}
    return _notify(a, {"kind": "people", "people": [note["audience"]["person"]]}, message,
                   int(a.clock()))


def note_hidden(a, note: dict, reason: str) -> dict | None:
    """HR hid a note: its author reads why in their inbox."""
    body = {lang: f"{HIDDEN_BODY[lang]} {reason}".strip() for lang in HIDDEN_BODY}
    message = {"title": HIDDEN_TITLE, "body": body, "link": "/notes",
               "urgency": "normal", "ttl_s": 86400, "must_acknowledge": False,
               "topic": "notes", "send_at": None}
    return _notify(a, {"kind": "people", "people": [note["author_id"]]}, message,
                   int(a.clock()))


STORY_RELEASED_TITLE = {"en": "Your story is out", "zh-CN": "你的故事已发布"}
STORY_RELEASED_BODY = {"en": "Colleagues can watch it now.", "zh-CN": "同事们现在可以观看了。"}
STORY_REJECTED_TITLE = {"en": "Your story was not released", "zh-CN": "你的故事未能发布"}


def story_released(a, story: dict) -> dict | None:
    """A moderator released a story: its author hears it is out."""
    return _tell_author(a, story, STORY_RELEASED_TITLE, STORY_RELEASED_BODY)


def story_rejected(a, story: dict) -> dict | None:
    """A moderator rejected a story: its author reads why (the moderator's words)."""
    reason = (story.get("reason") or "")[:200]
    return _tell_author(a, story, STORY_REJECTED_TITLE, {lang: reason for lang in
                                                         STORY_REJECTED_TITLE})


def _tell_author(a, story: dict, title: dict, body: dict) -> dict | None:
    message = {"title": title, "body": body, "link": f"/stories?id={story['id']}",
               "urgency": "normal", "ttl_s": 86400, "must_acknowledge": False,
               "topic": "stories", "send_at": None}
    return _notify(a, {"kind": "people", "people": [story["author_id"]]}, message,
                   int(a.clock()))


REMINDER_TITLE = {"day": {"en": "Tomorrow: {title}", "zh-CN": "明天：{title}"},
                  "15m": {"en": "In 15 minutes: {title}", "zh-CN": "15 分钟后开始：{title}"}}
REMINDER_BODY = {"en": "Open the app to join.", "zh-CN": "打开应用即可加入。"}
CHANGED_TITLE = {"updated": {"en": "Event changed: {title}", "zh-CN": "活动有变更：{title}"},
                 "cancelled": {"en": "Event cancelled: {title}",
                               "zh-CN": "活动已取消：{title}"}}
CHANGED_BODY = {"updated": {"en": "See the new details.", "zh-CN": "请查看最新安排。"},
                "cancelled": {"en": "It will not take place.", "zh-CN": "此活动不再举行。"}}


def event_reminder(a, event: dict, stage: str, people: list[str]) -> list:
    """A live event starts in a day or in 15 minutes: tell those going (the schedule calls
    this once per reminder)."""
    return _tell_people(a, event, people, REMINDER_TITLE[stage], REMINDER_BODY, "high"
                        if stage == "15m" else "normal")


def event_changed(a, event: dict, change: str, people: list[str]) -> list:
    """A live event was edited or cancelled: tell everyone who answered."""
    return _tell_people(a, event, people, CHANGED_TITLE[change], CHANGED_BODY[change], "normal")


def _tell_people(a, event: dict, people: list[str], title: dict, body: dict,
                 urgency: str) -> list:
    names = {lang: (event["title"].get(lang) or next(iter(event["title"].values())))[:60]
             for lang in title}
    message = {"title": {lang: title[lang].format(title=names[lang]) for lang in title},
               "body": body, "link": f"/events?id={event['id']}", "urgency": urgency,
               "ttl_s": 3600, "must_acknowledge": False, "topic": "events", "send_at": None}
    now = int(a.clock())
    return [_notify(a, {"kind": "people", "people": people[i:i + PEOPLE_MAX]}, message, now)
            for i in range(0, len(people), PEOPLE_MAX)]


def _notify(a, audience: dict, message: dict, now: int) -> dict | None:
    try:
        return service.notify(a.store, audience, message, now,
                              lambda nid: delivery.start(a, nid))
    except Invalid:  # an audience nobody is in any more: nothing to tell
        return None
