"""Pass endpoints: issuer keys, passes (live, static, printed), devices, revocations, scans."""

from flask_smorest import Blueprint

from ..api import may_refuse, public
from ..auth.sessions import current_user, require_permission
from ..days import day_of
from ..errors import Invalid
from ..wiring import adapters, now, store, zone
from . import scans
from .lazy import devices, passes, printed
from .pass_schemas import (
    ChallengeSchema,
    DeviceRegisteredSchema,
    DeviceSchema,
    JwksSchema,
    PassCheckSchema,
    PassQuerySchema,
    PassSchema,
    PassVerdictSchema,
    PrintedPassInSchema,
    PrintedPassSchema,
    RevocationsSchema,
    ScanQuerySchema,
    ScanRecordSchema,
    ScanSchema,
    ScanSummarySchema,
)
from .revocation import listing

# The pass shares /api/health/ with declarations: it is the health pass, a blueprint of its own.
blp = Blueprint("health_pass", __name__, url_prefix="/api/health",
                description="The health pass: issuer keys, passes, devices, checks and scans.")
SCAN_MAX_AGE_S = 30 * 86400  # an offline outbox may deliver late, but not this late
SCAN_MAX_AHEAD_S = 300  # guards' phone clocks drift a little


def _keys():
    """The issuer keys (wiring.Adapters.pass_keys): the ring is read when a key is needed."""
    return adapters().pass_keys


@blp.route("/keys", methods=["GET"])
@public
@blp.response(200, JwksSchema, headers={"Cache-Control": {"schema": {"type": "string"}}})
def issuer_keys():
    """The issuer's public keys (JWKS; two during a rotation): verifiers cache them."""
    return _keys().ring().jwks(now()), 200, {"Cache-Control": "public, max-age=3600"}


@blp.route("/pass", methods=["GET"])
@may_refuse(409)
@blp.arguments(PassQuerySchema, location="query")
@blp.response(200, PassSchema)
def today_pass(args):
    """Today's signed pass (static), or the credential for a registered device (`?device_key=`)."""
    user, key = current_user(), args.get("device_key")
    if key:
        answer = passes.device_pass(store(), _keys(), user, key, now(), zone())
    else:  # the static pass, only for people without a registered phone
        answer = printed.static_pass(store(), _keys(), user, now(), zone())
    return answer, 200, {"Cache-Control": "no-store"}


@blp.route("/printed-passes", methods=["POST"])
@may_refuse(403, 404)
@blp.arguments(PrintedPassInSchema)
@blp.response(201, PrintedPassSchema)
def printed_pass(args):
    """A static pass to print: one's own after a warning, or (health officers) someone's with a
    reason. Audited either way; guards see it as a printed pass and check photo ID."""
    answer = printed.issue_printed(store(), _keys(), current_user(), args, now(), zone())
    return answer, 201, {"Cache-Control": "no-store"}


@blp.route("/devices/challenge", methods=["POST"])
@blp.response(201, ChallengeSchema)
def device_challenge():
    """A single-use challenge, valid 5 minutes, that a phone signs to register its key."""
    return devices.new_challenge(store(), current_user(), now()), 201, {"Cache-Control": "no-store"}


@blp.route("/devices", methods=["POST"])
@may_refuse(403)
@blp.arguments(DeviceSchema)
@blp.response(201, DeviceRegisteredSchema)
def register_device(args):
    """Bind the person's live pass to a device key the phone proved it holds (a signed
    challenge); their other devices are revoked; a key bound to someone else is refused."""
    return passes.register_device(store(), _keys(), current_user(), args, now(), zone())


@blp.route("/revocations", methods=["GET"])
@may_refuse(403)
@blp.response(200, RevocationsSchema)
def revocations():
    """Revoked credential ids and device keys that have not expired yet (guards cache it)."""
    require_permission("pass.scan")
    return {**listing(store()), "generated_at": now()}, 200, {"Cache-Control": "no-cache"}


@blp.route("/verify", methods=["POST"])
@may_refuse(403)
@blp.arguments(PassCheckSchema)
@blp.response(200, PassVerdictSchema)
def verify(args):
    """Check a scanned pass online (signature, expiry, revocation, live freshness)."""
    require_permission("pass.scan")
    return passes.verify_online(store(), _keys(), args["qr"], now())


@blp.route("/scans", methods=["POST"])
@may_refuse(403)
@blp.arguments(ScanSchema)
@blp.response(201, ScanRecordSchema)
def record_scan(args):
    """Log one scan from a guard's phone; the same id again changes nothing."""
    guard = require_permission("pass.scan")
    if not now() - SCAN_MAX_AGE_S <= args["scanned_at"] <= now() + SCAN_MAX_AHEAD_S:
        raise Invalid(fields={"scanned_at": ["Give the scan time in epoch seconds, within the "
                                             "last 30 days."]})
    return scans.record(store(), guard, args, zone())


@blp.route("/scans/summary", methods=["GET"])
@may_refuse(403)
@blp.arguments(ScanQuerySchema, location="query")
@blp.response(200, ScanSummarySchema)
def scan_summary(args):
    """Scans at one site on one day: counts by result and the latest entries (HR)."""
    require_permission("pass.scan_summary")
    return scans.summary(store(), args["site"], args.get("date") or day_of(now(), zone()))
