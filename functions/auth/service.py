"""Sign-in by emailed one-time code: start, verify; no way to probe which addresses exist."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from .. import ratelimit
from ..directory.service import find_by_email
from ..errors import Invalid
from ..i18n import t
from ..store import Condition, ConditionFailed

CODE_TTL_S = 600
MAX_ATTEMPTS = 5
WINDOW_S = 900
STARTS_PER_ADDRESS, STARTS_PER_CLIENT = 5, 30
VERIFIES_PER_CLIENT = 30


def _otp_key(email: str) -> tuple[str, str]:
    return f"OTP#{email}", "#"


def _digest(secret: bytes, email: str, code: str) -> str:
    return hmac.new(secret, f"{email}:{code}".encode(), hashlib.sha256).hexdigest()


def start(store, mail, secret: bytes, email: str, client: str, now: int) -> None:
    """Email a fresh code if the address belongs to an employee; silently do nothing if not."""
    ratelimit.hit(store, f"start:client:{client}", limit=STARTS_PER_CLIENT, window_s=WINDOW_S,
                  now=now)
    ratelimit.hit(store, f"start:email:{email}", limit=STARTS_PER_ADDRESS, window_s=WINDOW_S,
                  now=now)
    employee = find_by_email(store, email)
    if employee is None:
        return
    code = f"{secrets.randbelow(10**6):06d}"
    pk, sk = _otp_key(email)
    store.put({"pk": pk, "sk": sk, "digest": _digest(secret, email, code), "attempts": 0,
               "employee_id": employee["id"], "expires_at": now + CODE_TTL_S})
    lang = employee.get("language", "en")
    mail.send(email, t("otp_subject", lang, code=code), t("otp_body", lang, code=code))


def verify(store, secret: bytes, email: str, code: str, client: str, now: int) -> str:
    """The employee id the code signs in; Invalid if wrong, expired or used up."""
    ratelimit.hit(store, f"verify:client:{client}", limit=VERIFIES_PER_CLIENT,
                  window_s=WINDOW_S, now=now)
    pk, sk = _otp_key(email)
    try:
        # Count the attempt before comparing, atomically, so parallel guesses are counted too.
        otp = store.update(pk, sk, add={"attempts": 1}, condition=Condition.present())
    except ConditionFailed:
        raise Invalid("code_expired", fields={"code": [t("code_expired")]}) from None
    if otp["attempts"] > MAX_ATTEMPTS:
        store.delete(pk, sk)
        raise Invalid("code_expired", fields={"code": [t("code_expired")]})
    if not hmac.compare_digest(otp["digest"], _digest(secret, email, code)):
        remaining = MAX_ATTEMPTS - otp["attempts"]
        if remaining <= 0:
            store.delete(pk, sk)
            raise Invalid("code_expired", fields={"code": [t("code_expired")]})
        message = t("code_invalid", remaining=remaining)
        raise Invalid("code_invalid", fields={"code": [message]}, remaining=remaining)
    try:
        store.delete(pk, sk, condition=Condition.present(digest=otp["digest"]))
    except ConditionFailed:
        # A parallel request used this code first: a code signs in once.
        raise Invalid("code_expired", fields={"code": [t("code_expired")]}) from None
    return otp["employee_id"]
