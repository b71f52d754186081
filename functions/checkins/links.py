"""One-time email links (escalation wave 2): answer without signing in.

The token is 32 random bytes; the store keeps only its SHA-256 (CHKLINK#<digest>). A link is
good for one person and one check-in, until the check-in closes or GOOD_FOR_S, and once."""

from __future__ import annotations

import hashlib
import secrets

from .. import ratelimit
from ..directory.service import get_employee
from ..encoding import b64url
from ..errors import Gone, NotFound
from ..store import Condition, ConditionFailed
from . import answers
from .keys import KEEP_AFTER_CLOSE_S, link_key
from .service import get

GOOD_FOR_S = 72 * 3600
TOKEN_MAX = 100  # longer than any token we make: refused before hashing
# A link's page is opened from a mail client, perhaps many times; guessing is hopeless anyway.
PER_CLIENT, WINDOW_S = 60, 600


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(store, checkin: dict, employee_id: str, now: int) -> str:
    """A new link's token for this person and check-in (shown once: in the email)."""
    token = b64url(secrets.token_bytes(32))
    good_until = now + GOOD_FOR_S
    store.put({"pk": link_key(_digest(token))[0], "sk": "#", "checkin_id": checkin["id"],
               "employee_id": employee_id, "created_at": now, "good_until": good_until,
               "used": False, "expires_at": good_until + KEEP_AFTER_CLOSE_S},
              condition=Condition.not_exists())
    return token


def _find(store, token: str, client: str, now: int) -> tuple[dict, dict]:
    """The link and its check-in; 404 unknown, 410 used, expired or closed."""
    ratelimit.hit(store, f"checkinlink:{client}", limit=PER_CLIENT, window_s=WINDOW_S, now=now)
    link = store.get(*link_key(_digest(token))) if len(token) <= TOKEN_MAX else None
    checkin = link and get(store, link["checkin_id"])
    if not link or not checkin:
        raise NotFound("checkin_link_unknown")
    if link["used"]:
        raise Gone("checkin_link_used")
    if now >= link["good_until"] or checkin["state"] != "open":
        raise Gone("checkin_link_expired")
    return link, checkin


def read(store, token: str, client: str, now: int) -> dict:
    """What the link's page shows: the question and the person's first name."""
    link, checkin = _find(store, token, client, now)
    person = get_employee(store, link["employee_id"]) or {}
    return {"question": checkin["question"], "drill": checkin["drill"],
            "note": checkin["note"], "name": (person.get("name") or "").split(" ")[0]}


def use(store, token: str, client: str, body: dict, now: int) -> dict:
    """Answer through the link, which is spent first (a second use is refused)."""
    link, checkin = _find(store, token, client, now)
    person = get_employee(store, link["employee_id"])
    if person is None:
        raise NotFound("checkin_link_unknown")
    try:
        store.update(*link_key(_digest(token)), set={"used": True, "used_at": now},
                     condition=Condition.present(used=False))
    except ConditionFailed:
        raise Gone("checkin_link_used") from None
    answer = answers.record(store, checkin["id"], person, body, "email", now)
    return {"answer": answer["answer"], "at": answer["at"]}
