"""Display links: a lobby screen or a video call shows one campaign's wall with no employee
signed in. The link holds 32 random bytes; the store keeps only their SHA-256, and revoking
deletes the pointer, so the link stops working at once.

CAMPAIGN#<id> / DISPLAY#<display id>: name, created_at, revoked (HR's list).
WALLTOKEN#<sha256 hex> / #: campaign_id, display_id (the screen's lookup, one get)."""

from __future__ import annotations

import hashlib
import secrets

from ulid import ULID

from .. import permissions
from ..encoding import b64url
from ..errors import NotFound
from ..store import Condition, ConditionFailed, Delete, Put, Update
from . import campaigns, walls
from .views import view


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _display_key(campaign_id: str, display_id: str) -> tuple[str, str]:
    return campaigns.campaign_key(campaign_id)[0], f"DISPLAY#{display_id}"


def _shown(display: dict) -> dict:
    return {k: display[k] for k in ("id", "name", "created_at", "revoked")}


def create(store, user: dict, campaign_id: str, name: str, now: int) -> dict:
    """A new link for one campaign's wall (notes.campaigns); its URL is shown only now."""
    permissions.require(user, "notes.campaigns")
    campaigns.found(store, campaign_id)
    token = b64url(secrets.token_bytes(32))
    display = {"id": str(ULID()), "name": name, "created_at": now, "revoked": False,
               "token_sha256": _digest(token), "created_by": user["id"]}
    pk, sk = _display_key(campaign_id, display["id"])
    store.transact([Put({"pk": pk, "sk": sk, **display}, condition=Condition.not_exists()),
                    Put({"pk": f"WALLTOKEN#{display['token_sha256']}", "sk": "#",
                         "campaign_id": campaign_id, "display_id": display["id"]},
                        condition=Condition.not_exists())])
    return {**_shown(display), "url": f"/wall/{token}"}


def listing(store, user: dict, campaign_id: str) -> list[dict]:
    """Every link of a campaign, newest first (without their URLs)."""
    permissions.require(user, "notes.campaigns")
    campaigns.found(store, campaign_id)
    pk = campaigns.campaign_key(campaign_id)[0]
    return [_shown(d) for d in store.query(pk, prefix="DISPLAY#", reverse=True, limit=500).items]


def revoke(store, user: dict, campaign_id: str, display_id: str) -> None:
    permissions.require(user, "notes.campaigns")
    display = store.get(*_display_key(campaign_id, display_id))
    if display is None:
        raise NotFound("display_not_found")
    if display["revoked"]:
        return
    try:
        store.transact([Update(*_display_key(campaign_id, display_id), set={"revoked": True},
                               condition=Condition.present(revoked=False)),
                        Delete(f"WALLTOKEN#{display['token_sha256']}", "#")])
    except ConditionFailed:
        return  # revoked meanwhile


def screen(store, token: str, after: str | None, limit: int) -> dict:
    """The wall as the big screen shows it: read-only, no author ids for anonymous notes,
    nothing about the viewer. An unknown or revoked link: 404, whichever it is."""
    pointer = store.get(f"WALLTOKEN#{_digest(token)}", "#") if len(token) <= 100 else None
    campaign = pointer and campaigns.get(store, pointer["campaign_id"])
    if not campaign:
        raise NotFound("wall_not_found")
    notes, cursor = walls.page(store, campaign["id"], "new", after, limit)
    return {"campaign": {k: campaign[k] for k in ("id", "title", "intro")},
            "paused": campaign.get("paused", False),
            "items": [view(n, None) for n in notes], "cursor": cursor}
