"""Every state change of a request, from one table: which state may go where, and who may.

requested -> approved | rejected (HR) | cancelled (its requester); approved -> packed | rejected;
packed -> dispatched; dispatched -> delivered. Anything else is refused (409) in words.
Rejecting or cancelling returns the stock (a `returned` movement) and the person's allowance;
dispatching writes the `dispatched` movement; the end of the road deletes a home address.
"""

from __future__ import annotations

from .. import permissions
from ..errors import Conflict, Forbidden, NotFound
from ..events import SUPPLY_REQUEST_CHANGED
from ..i18n import t
from ..store import Condition, ConditionFailed, Update
from . import requests, stock
from .keys import queue_pk, request_key, stock_key, week_key

MANAGE, REQUESTER = "supplies.manage", "requester"
FLOW = {
    "requested": {"approved": MANAGE, "rejected": MANAGE, "cancelled": REQUESTER},
    "approved": {"packed": MANAGE, "rejected": MANAGE},
    "packed": {"dispatched": MANAGE},
    "dispatched": {"delivered": MANAGE},
    "delivered": {},
    "rejected": {},
    "cancelled": {},
}
STATES = tuple(FLOW)
WHO = {to: who for nexts in FLOW.values() for to, who in nexts.items()}  # one role per target
ENDED = ("delivered", "rejected", "cancelled")  # a home address is deleted on reaching these


def _may(user: dict, request: dict, to: str) -> bool:
    if WHO[to] == REQUESTER:
        return request["requester_id"] == user["id"]
    return permissions.has(user, WHO[to])


def refusal(state: str, to: str) -> Conflict:
    """Why a request in `state` cannot become `to`, in words."""
    if state == to:
        return Conflict("supply_already", state=t(f"supply_state_{state}"))
    return Conflict("supply_transition_refused", state=t(f"supply_state_{state}"),
                    to=t(f"supply_state_{to}"))


def move(store, bus, user: dict, request_id: str, to: str, now: int, *, tracking: str = "",
         reason: str = "") -> dict:
    """The request in its next state (403 without the role, 409 from a wrong state)."""
    request = requests.visible(store, user, request_id)
    if not _may(user, request, to):
        raise Forbidden("supply_transition_forbidden")
    state = request["state"]
    if to not in FLOW[state]:
        raise refusal(state, to)
    changes = {"state": to, "gsi2pk": queue_pk(request["site"], to),
               "history": [*request["history"], {"state": to, "at": now, "by": user["name"]}]}
    if to == "dispatched":
        changes["tracking"] = tracking or None
    if to == "rejected":
        changes["reason"] = reason
    ops = [Update(*request_key(request_id), set=changes,
                  remove=("address",) if to in ENDED else (),
                  condition=Condition.present(state=state))]
    ops += _stock_ops(request, to, user, now, reason or to)
    try:
        store.transact(ops)
    except ConditionFailed:  # someone moved it first: say where it is now
        raise refusal(requests.get(store, request_id)["state"], to) from None
    if to in ("rejected", "cancelled"):
        for line in request["lines"]:  # back above the mark: the alert may sound again
            stock.check_low(store, bus, request["site"], line["item"])
    changed = requests.get(store, request_id)
    bus.publish(SUPPLY_REQUEST_CHANGED, request=changed)
    return changed


def _stock_ops(request: dict, to: str, user: dict, now: int, why: str) -> list:
    site, ops = request["site"], []
    for line in request["lines"]:
        n, item = line["qty"], line["item"]
        if to == "dispatched":
            ops += [Update(*stock_key(site, item), add={"reserved": -n},
                           condition=Condition.bounds(at_least={"reserved": n})),
                    stock.movement(site, item, "dispatched", -n, "request", user, now,
                                   request["id"])]
        elif to in ("rejected", "cancelled"):
            ops += [Update(*stock_key(site, item), add={"qty": n, "reserved": -n},
                           condition=Condition.bounds(at_least={"reserved": n})),
                    Update(*week_key(request["requester_id"], request["week"], item),
                           add={"n": -n}),
                    stock.movement(site, item, "returned", n, why, user, now, request["id"])]
    return ops


def approve_many(store, bus, user: dict, ids: list[str], now: int) -> dict:
    """Approve each request that may be; say why for each of the others."""
    permissions.require(user, MANAGE)
    approved, refused = [], []
    for request_id in dict.fromkeys(ids):
        try:
            move(store, bus, user, request_id, "approved", now)
            approved.append(request_id)
        except (Conflict, Forbidden) as exc:
            refused.append({"id": request_id, "message": t(exc.message_key, **exc.params)})
        except NotFound as exc:
            refused.append({"id": request_id, "message": t(exc.message_key)})
    return {"approved": approved, "refused": refused}
