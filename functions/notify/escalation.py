"""Following up a must-acknowledge notification: after escalate_after_s, a reminder (push and
inbox, to those who have not acknowledged); after as long again, an email to those still not
acknowledged, through the mail port."""

from __future__ import annotations

from .service import ESCALATE_PK, KEEP_S, not_acknowledged

EMAIL_PAGE = 500


def follow_up(a, item: dict, stage: str, now: int, start) -> int:
    """Run one stage; returns how many people it reached (start(id, round): a push round)."""
    if stage == "remind":
        a.store.update("NOTIF#" + item["id"], "NOTIF", set={"reminded_at": now})
        start(item["id"], f"r{now}")
        due = now + item["escalate_after_s"]
        a.store.put({"pk": ESCALATE_PK, "sk": f"{due:010d}#{item['id']}#email",
                     "notification_id": item["id"], "stage": "email",
                     "expires_at": now + KEEP_S})
        return 0
    return email(a, item)


def email(a, item: dict) -> int:
    """Mail everyone of the audience who has not acknowledged, in their language."""
    sent, cursor = 0, None
    while True:
        people, cursor = not_acknowledged(a.store, item, cursor, EMAIL_PAGE)
        for person in people:
            if not person.get("email"):
                continue
            lang = person.get("language") if person.get("language") in item["title"] \
                else next(iter(item["title"]))
            link = a.config.app_origin.rstrip("/") + item["link"]
            body = item["body"].get(lang) or next(iter(item["body"].values()), "")
            a.mail.send(person["email"], item["title"][lang], f"{body}\n\n{link}\n")
            sent += 1
        if cursor is None:
            return sent
