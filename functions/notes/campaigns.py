"""Campaigns: HR opens one for an audience ("Messages for our colleagues in Hubei"), with who
may write and when; notes written to it go to its audience and onto its wall.

A campaign is CAMPAIGN#<id> / CAMPAIGN, listed through gsi1 CAMPAIGNS (a company runs a few
at a time: the list reads at most LIST_MAX, newest first)."""

from __future__ import annotations

from ulid import ULID

from .. import permissions
from ..audiences import keys as audiences
from ..audiences import sizes
from ..errors import Conflict, Forbidden, Invalid, NotFound
from ..i18n import t
from ..store import Condition, ConditionFailed, InvalidCursor
from ..store.port import encode_cursor, read_cursor

SK = "CAMPAIGN"
LIST_PK = "CAMPAIGNS"
LIST_MAX = 500
ORDER = {"open": 0, "upcoming": 1, "closed": 2}
LABELS = {"company": "Everyone"}


def campaign_key(campaign_id: str) -> tuple[str, str]:
    return f"CAMPAIGN#{campaign_id}", SK


def get(store, campaign_id: str) -> dict | None:
    return store.get(*campaign_key(campaign_id))


def found(store, campaign_id: str) -> dict:
    campaign = get(store, campaign_id)
    if campaign is None:
        raise NotFound("campaign_not_found")
    return campaign


def state(campaign: dict, now: int) -> str:
    if campaign.get("closed") or (campaign.get("closes_at") and now >= campaign["closes_at"]):
        return "closed"
    return "upcoming" if now < campaign["opens_at"] else "open"


def may_write(user: dict, campaign: dict) -> bool:
    """Whether the person is among the campaign's writers (everyone by default)."""
    writers = campaign["writers"]
    return writers["kind"] == "company" or audiences.reaches(writers, user)


def writable(store, user: dict, campaign_id: str, now: int) -> dict:
    """The campaign, if it is open and the person may write to it; 422 / 403 otherwise."""
    campaign = get(store, campaign_id)
    if campaign is None:
        raise Invalid("campaign_not_found", fields={"campaign_id": [t("campaign_not_found")]})
    if state(campaign, now) != "open":
        raise Invalid("campaign_closed", fields={"campaign_id": [t("campaign_closed")]})
    if not may_write(user, campaign):
        raise Forbidden("campaign_writers_only")
    return campaign


def _labelled(audience: dict) -> dict:
    kind = audience["kind"]
    return {**audience, "label": LABELS.get(kind) or audience.get(kind)}


def create(store, user: dict, body: dict, now: int) -> dict:
    """Open a campaign (notes.campaigns: HR, admins)."""
    permissions.require(user, "notes.campaigns")
    for field in ("audience", "writers"):
        if field in body and sizes.size(store, body[field]) == 0:
            raise Invalid("audience_empty", fields={field: [t("audience_empty")]})
    opens_at = body.get("opens_at") or now
    closes_at = body.get("closes_at")
    if closes_at is not None and closes_at <= opens_at:
        raise Invalid("campaign_dates", fields={"closes_at": [t("campaign_dates")]})
    campaign = {"id": str(ULID()), "title": body["title"], "intro": body.get("intro") or {},
                "audience": _labelled(body["audience"]),
                "writers": _labelled(body.get("writers") or {"kind": "company"}),
                "opens_at": opens_at, "closes_at": closes_at, "closed": False,
                "paused": False, "notes": 0, "created_at": now, "created_by": user["id"]}
    campaign |= {"pk": campaign_key(campaign["id"])[0], "sk": SK, "gsi1pk": LIST_PK,
                 "gsi1sk": f"{opens_at:010d}#{campaign['id']}"}
    store.put(campaign, condition=Condition.not_exists())
    return campaign


def change(store, user: dict, campaign_id: str, body: dict, now: int) -> dict:
    """Move the closing time, or close now (notes.campaigns)."""
    permissions.require(user, "notes.campaigns")
    campaign = found(store, campaign_id)
    changes = {}
    if "closes_at" in body:
        closes_at = body["closes_at"]
        if closes_at is not None and closes_at <= campaign["opens_at"]:
            raise Invalid("campaign_dates", fields={"closes_at": [t("campaign_dates")]})
        changes["closes_at"] = closes_at
    if body.get("state") == "closed":
        changes["closed"] = True
    elif body.get("state") == "open":
        changes["closed"] = False
    if not changes:
        return campaign
    try:
        return store.update(*campaign_key(campaign_id), set=changes,
                            condition=Condition.present())
    except ConditionFailed:
        raise Conflict() from None


def set_paused(store, user: dict, campaign_id: str, paused: bool) -> None:
    """Stop (or let go on) the big screens of a campaign's wall (notes.moderate)."""
    permissions.require(user, "notes.moderate")
    found(store, campaign_id)
    store.update(*campaign_key(campaign_id), set={"paused": paused},
                 condition=Condition.present())


def listing(store, cursor: str | None, limit: int) -> tuple[list[dict], str | None]:
    """Open campaigns first, then upcoming, then closed; newest first within each."""
    start = 0
    if cursor:
        start = read_cursor(cursor).get("o")
        if not isinstance(start, int) or start < 0:
            raise InvalidCursor("not a campaigns cursor")
    items = store.query(LIST_PK, index="gsi1", reverse=True, limit=LIST_MAX).items
    return items, start


def page(store, user: dict, cursor: str | None, limit: int, now: int):
    items, start = listing(store, cursor, limit)
    items.sort(key=lambda c: ORDER[state(c, now)])  # stable: newest first within a state
    shown = items[start:start + limit]
    more = start + limit < len(items)
    return ([view(c, user, now) for c in shown],
            encode_cursor({"o": start + limit}) if more else None)


def view(campaign: dict, user: dict | None, now: int) -> dict:
    # .get: DynamoDB keeps no attribute for None (closes_at, an empty intro)
    shown = {k: campaign.get(k) for k in ("id", "title", "intro", "audience", "writers",
                                          "opens_at", "closes_at")}
    shown |= {"state": state(campaign, now), "notes": campaign.get("notes", 0),
              "paused": campaign.get("paused", False)}
    if user is not None:
        shown["may_write"] = shown["state"] == "open" and may_write(user, campaign)
    return shown
