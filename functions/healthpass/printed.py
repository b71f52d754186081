"""Printed passes: a static QR anyone holding a copy can show, so issuing one is deliberate.

A person with a registered phone gets the live pass; a printed pass for them comes only from a
health officer (for someone, with a reason) or from the person after a warning. Both are audited.
"""

from __future__ import annotations

from .. import permissions
from ..directory.service import get_employee
from ..errors import Conflict, Invalid, NotFound
from . import audit
from .passes import issue
from .service import health_pk

NEEDS_REASON = "Say why a printed pass is needed."
NEEDS_WARNING = "Confirm that you understand a printed pass can be copied."


class LiveOnly(Conflict):
    """The person has a phone: a static pass needs the printed-pass step (warned, audited)."""

    code = "live_pass_only"


def has_phone(store, employee_id: str) -> bool:
    return bool(store.query(health_pk(employee_id), prefix="DEVICE#", limit=1).items)


def static_pass(store, keys, user: dict, now: int, tz) -> dict:
    """GET /pass without a device key: only for people without a registered phone."""
    if has_phone(store, user["id"]):
        raise LiveOnly()
    return issue(store, keys, user, now, tz)


def issue_printed(store, keys, actor: dict, body: dict, now: int, tz) -> dict:
    """A printed pass for the actor (warning acknowledged) or, by a health officer, for anyone."""
    subject_id = body.get("employee_id") or actor["id"]
    if subject_id != actor["id"]:
        permissions.require(actor, "health.oversee")
        if not body.get("reason"):
            raise Invalid(fields={"reason": [NEEDS_REASON]})
    elif not body.get("understood"):
        raise Invalid(fields={"understood": [NEEDS_WARNING]})
    subject = actor if subject_id == actor["id"] else get_employee(store, subject_id)
    if subject is None:
        raise NotFound("employee_not_found")
    answer = issue(store, keys, subject, now, tz)
    audit.record(store, actor, "printed_pass_issued", now, tz, subject=subject_id,
                 detail={"reason": body.get("reason") or None, "cti": answer["cti"],
                         "by": "self" if subject_id == actor["id"] else "health_officer"})
    return {**answer, "employee_id": subject_id, "name": subject["name"]}
