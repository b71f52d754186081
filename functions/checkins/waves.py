"""Escalation in waves, on the schedule (workers.on_schedule, serve.py's `every`): after
remind_after_s a reminder push to those who have not answered, after email_after_s an email
with a one-time link to those still silent; and, once closed, retiring the answers.

Due work is a partition of pointers (CHKDUE, sk <due>#<id>#<stage>) read up to now: no scan.
The waves announce events.CHECKIN_REMINDER; notify (subscribed in bootstrap) pushes it."""

from __future__ import annotations

from .. import events
from ..audiences import members
from ..errors import Conflict, TooManyRequests
from ..i18n import t
from ..store import Condition, ConditionFailed
from . import counts, links
from .keys import DUE_PK, KEEP_AFTER_CLOSE_S, checkin_key, latest_key
from .service import get, managed

PAGE = 500  # people read per page of the audience; a reminder's people audience at most
REMIND_EVERY_S = 300
EMAIL_SUBJECT = {"en": "Please tell us you are safe", "zh-CN": "请告诉我们您是否安全"}
EMAIL_BODY = {
    "en": "{question}\n\nAnswer with one tap, no sign-in needed (this link works once):\n{link}\n",
    "zh-CN": "{question}\n\n点一下即可回答，无需登录（此链接只能使用一次）：\n{link}\n"}


def silent(store, checkin: dict):
    """Pages of the audience's people who have not answered (a page of the directory and one
    batch read of their answers at a time)."""
    cursor = None
    while True:
        people, cursor = members.members(store, checkin["audience"], cursor, PAGE)
        answered = set()
        for n in range(0, len(people), 100):
            answered |= {a["employee_id"] for a in store.get_many(
                [latest_key(checkin["id"], p["id"]) for p in people[n:n + 100]])}
        yield [p for p in people if p["id"] not in answered]
        if cursor is None:
            return


def remind(a, checkin: dict) -> int:
    """Push a reminder to everyone who has not answered; how many people that is."""
    reminded = 0
    for people in silent(a.store, checkin):
        if people:
            a.events.publish(events.CHECKIN_REMINDER, checkin=checkin,
                             people=[p["id"] for p in people])
            reminded += len(people)
    return reminded


def email(a, checkin: dict, now: int) -> int:
    """Mail each person still silent a one-time link, in their language."""
    sent = 0
    origin = a.config.app_origin.rstrip("/")
    for people in silent(a.store, checkin):
        for person in people:
            if not person.get("email"):
                continue
            lang = person.get("language") if person.get("language") in EMAIL_BODY else "en"
            link = f"{origin}/answer/{links.issue(a.store, checkin, person['id'], now)}"
            question = checkin["question"].get(lang) or next(iter(checkin["question"].values()))
            subject = EMAIL_SUBJECT[lang]
            if checkin["drill"]:
                subject = f"[{t('checkin_drill', lang)}] {subject}"
            a.mail.send(person["email"], subject,
                        EMAIL_BODY[lang].format(question=question, link=link))
            sent += 1
    return sent


def retire(store, checkin: dict, now: int) -> int:
    """Answers, their history and cases expire KEEP_AFTER_CLOSE_S after close; counts stay."""
    expires = (checkin["closed_at"] or now) + KEEP_AFTER_CLOSE_S
    retired = 0
    for item in store.iter_query(checkin_key(checkin["id"])[0]):
        if item["sk"][:2] in ("A#", "H#", "C#") and item.get("expires_at") != expires:
            store.update(item["pk"], item["sk"], set={"expires_at": expires})
            retired += 1
    return retired


def remind_by_id(a, checkin_id: str) -> int:
    """The reminder wave for one check-in, if still open (run off the request: tasks.py)."""
    checkin = get(a.store, checkin_id)
    return remind(a, checkin) if checkin and checkin["state"] == "open" else 0


def manual_remind(a, user: dict, checkin_id: str, now: int, start) -> int:
    """HR reminds again: not within REMIND_EVERY_S of the last reminder (429, saying when).
    Returns how many have not answered (from the counters); start(checkin_id) runs the wave
    in the background (tasks.start_reminder)."""
    checkin = managed(a.store, user, checkin_id)
    if checkin["state"] != "open":
        raise Conflict("checkin_closed")
    last = checkin.get("reminded_at") or 0
    if last and now - last < REMIND_EVERY_S:
        raise _too_soon(last + REMIND_EVERY_S - now)
    try:
        a.store.update(*checkin_key(checkin_id), set={"reminded_at": now},
                       condition=Condition.present(reminded_at=last))
    except ConditionFailed:
        raise _too_soon(REMIND_EVERY_S) from None
    start(checkin_id)
    return counts.totals(checkin)["no_answer"]


def _too_soon(wait_s: int) -> TooManyRequests:
    return TooManyRequests("checkin_remind_too_soon", retry_after=wait_s,
                           seconds=wait_s)


def due(a) -> dict:
    """The schedule's round: every wave whose time has come, each taken by one runner."""
    now = int(a.clock())
    done = {"remind": 0, "email": 0, "retire": 0}
    for pointer in list(a.store.iter_query(DUE_PK, between=("0", f"{now:010d}$"))):
        try:  # one schedule run takes each: the pointer goes first
            a.store.delete(DUE_PK, pointer["sk"], condition=Condition.present())
        except ConditionFailed:
            continue
        checkin = get(a.store, pointer["checkin_id"])
        if checkin is None:
            continue
        stage = pointer["stage"]
        if stage == "retire":
            retire(a.store, checkin, now)
        elif checkin["state"] != "open":
            continue  # closed before its wave: nobody is chased any more
        elif stage == "remind":
            a.store.update(*checkin_key(checkin["id"]), set={"reminded_at": now})
            remind(a, checkin)
        else:
            email(a, checkin, now)
        done[stage] += 1
    return done
