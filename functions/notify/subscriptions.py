"""A person's push subscriptions (several devices, upserted by endpoint) and preferences."""

from __future__ import annotations

import hashlib

from ..errors import Invalid, NotFound
from ..push.port import EndpointRefused, Subscription
from ..store import Condition, ConditionFailed, Delete, Put

TOPICS = ("news", "health", "hr", "notes", "events", "stories", "safety")
PREFS = "PREFS"


def person_pk(employee_id: str) -> str:
    return f"PUSH#{employee_id}"


def device_id(endpoint: str) -> str:
    """Stable per endpoint, so the app's re-send on every start is an upsert."""
    return hashlib.sha256(endpoint.encode()).hexdigest()[:32]


def owner_key(dev: str) -> tuple[str, str]:
    return f"PUSHDEV#{dev}", "OWNER"


def subscribe(store, push, person: dict, body: dict, now: int) -> str:
    """Keep (or refresh) one device of the person; a browser moves to its latest signed-in
    person (a shared phone never gets another's notifications)."""
    endpoint = body["endpoint"]
    try:
        push.check_endpoint(endpoint)
    except EndpointRefused:
        raise Invalid("push_endpoint_refused", fields={
            "endpoint": ["Not a push service this server may call."]}) from None
    dev = device_id(endpoint)
    owner = store.get(*owner_key(dev))
    ops = [Put({"pk": person_pk(person["id"]), "sk": f"DEV#{dev}", "id": dev,
                "endpoint": endpoint, "p256dh": body["keys"]["p256dh"],
                "auth": body["keys"]["auth"], "employee_id": person["id"], "updated_at": now}),
           Put({"pk": owner_key(dev)[0], "sk": owner_key(dev)[1], "employee_id": person["id"]})]
    if owner and owner["employee_id"] != person["id"]:
        ops.append(Delete(person_pk(owner["employee_id"]), f"DEV#{dev}"))
    store.transact(ops)
    return dev


def unsubscribe(store, person: dict, dev: str) -> None:
    """Forget one of the person's own devices; someone else's is not found."""
    try:
        store.delete(person_pk(person["id"]), f"DEV#{dev}", condition=Condition.present())
    except ConditionFailed:
        raise NotFound() from None
    try:
        store.delete(*owner_key(dev), condition=Condition.present(employee_id=person["id"]))
    except ConditionFailed:
        pass  # the browser has moved to someone else meanwhile: their pointer stays


def prune(store, employee_id: str, dev: str) -> None:
    """The push service said the subscription is gone (404/410)."""
    store.delete(person_pk(employee_id), f"DEV#{dev}")


def devices(store, employee_id: str) -> list[tuple[str, Subscription]]:
    """The person's devices (one query: a few per person by design)."""
    return [(d["id"], Subscription(d["endpoint"], d["p256dh"], d["auth"]))
            for d in store.iter_query(person_pk(employee_id), prefix="DEV#")]


def preferences(store, employee_id: str) -> dict:
    found = store.get(person_pk(employee_id), PREFS) or {}
    return {"muted_topics": found.get("muted_topics", []),
            "quiet_hours": found.get("quiet_hours")}


def set_preferences(store, employee_id: str, body: dict) -> dict:
    prefs = {"muted_topics": sorted(set(body["muted_topics"])),
             "quiet_hours": body.get("quiet_hours")}
    store.put({"pk": person_pk(employee_id), "sk": PREFS, **prefs})
    return prefs


def prefs_key(employee_id: str) -> tuple[str, str]:
    return person_pk(employee_id), PREFS
