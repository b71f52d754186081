"""Passes: sign today's credential, bind it to a device, and check scanned passes online."""

from __future__ import annotations

import secrets

from ..days import day_of, end_of
from ..directory.service import get_employee
from ..encoding import b64url, unb64url
from ..errors import Conflict
from ..i18n import t
from . import credential, devices
from .revocation import StoreRevocations
from .service import health_pk, status_of

CTI_BYTES = 12  # random credential id: unique enough, and small in the QR


class DeclarationRequired(Conflict):
    """No declaration today, so no pass (the rules say so)."""

    code = "declaration_required"


class DeviceNotRegistered(Conflict):
    code = "device_not_registered"


def issue(store, keys, user: dict, now: int, tz, *, device_key: str | None = None) -> dict:
    """Today's credential for the person (and device): reused while nothing changed."""
    status = status_of(store, user["id"], now, tz)
    if status is None:
        raise DeclarationRequired()
    exp = end_of(day_of(now, tz), tz)  # never past the end of the company day
    code = credential.COLOUR_CODES[status.status]
    name = credential.display_name(user["name"])
    page = store.query(health_pk(user["id"]), prefix="CRED#", limit=50)
    for cred in page.items:
        if (cred.get("dk"), cred["st"], cred["n"], cred["exp"]) == (device_key, code, name, exp):
            return _answer(cred)
    signer = keys.ring().active()
    cti = secrets.token_bytes(CTI_BYTES)
    text = credential.issue(signer.private, signer.kid, sub=user["id"], name=name,
                            status=status.status, iat=now, exp=exp, cti=cti,
                            device_key=unb64url(device_key) if device_key else None)
    cred = {"pk": health_pk(user["id"]), "sk": f"CRED#{b64url(cti)}",
            "cti": b64url(cti), "dk": device_key, "st": code, "n": name,
            "iat": now, "exp": exp, "qr": text, "expires_at": exp}
    store.put(cred)
    return _answer(cred)


def _answer(cred: dict) -> dict:
    return {"qr": cred["qr"], "status": credential.COLOURS[cred["st"]],
            "expires_at": cred["exp"], "issued_at": cred["iat"], "cti": cred["cti"],
            "device_key": cred.get("dk")}


def register_device(store, keys, user: dict, body: dict, now: int, tz) -> dict:
    """Bind the person's passes to a device key the phone proved it holds; answer today's pass."""
    devices.check_proof(store, user, body, now)
    answer = devices.bind(store, user, body["public_key"], now, tz)
    try:
        current = issue(store, keys, user, now, tz, device_key=body["public_key"])
    except DeclarationRequired:
        current = None
    return {**answer, "pass": current}


def device_pass(store, keys, user: dict, device_key: str, now: int, tz) -> dict:
    """A fresh credential for a device the person registered before."""
    if store.get(health_pk(user["id"]), f"DEVICE#{device_key}") is None:
        raise DeviceNotRegistered()
    return issue(store, keys, user, now, tz, device_key=device_key)


def verify_online(store, keys, text: str, now: int) -> dict:
    """The check a guard's phone does offline, done here for turnstiles and other systems."""
    verdict = credential.verify(text, keys.ring().verifying(now), now=now,
                                revoked_credentials=StoreRevocations(store, "credential"),
                                revoked_devices=StoreRevocations(store, "device"))
    answer = {"valid": verdict.valid, "reason": verdict.reason,
              "message": t(f"pass_{verdict.reason}"), "status": None, "name": None,
              "employee_id": None, "photo_url": None, "presentation": None}
    if verdict.claims is not None:  # the issuer's signature holds: the identity is ours
        employee_id = verdict.claims[credential.SUB]
        person = get_employee(store, employee_id) or {}
        answer.update(employee_id=employee_id, name=person.get("name") or verdict.claims["n"],
                      photo_url=person.get("photo_url"),
                      presentation="live" if text.startswith("TG1L:") else "printed")
        if verdict.valid:
            answer["status"] = credential.COLOURS[verdict.claims["st"]]
    return answer
