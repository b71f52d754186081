"""Pass shapes at the edge: keys, passes, devices, revocations, verification and scans."""

from marshmallow import Schema, ValidationError, fields, validate

from ..directory.schemas import ID, NAME
from ..encoding import unb64url
from .reasons import REASONS
from .schemas import day_field

B64URL_32 = "Use the raw 32-byte Ed25519 public key in unpadded base64url (43 characters)."


def _raw_bytes(size: int, message: str):
    """A validator: unpadded base64url of exactly `size` bytes."""
    def check(value: str) -> None:
        try:
            raw = unb64url(value)
        except ValueError:
            raw = b""
        if len(raw) != size:
            raise ValidationError(message)
    return check


_device_key = _raw_bytes(32, B64URL_32)
_signature = _raw_bytes(64, "Use the 64-byte Ed25519 signature in unpadded base64url.")
DEVICE_KEY = fields.String(validate=_device_key)


class JwkSchema(Schema):
    kty = fields.String()
    crv = fields.String()
    x = fields.String()
    kid = fields.String()
    alg = fields.String()
    use = fields.String()


class JwksSchema(Schema):
    keys = fields.List(fields.Nested(JwkSchema))


class PassQuerySchema(Schema):
    device_key = DEVICE_KEY


class PassSchema(Schema):
    qr = fields.String(metadata={"description": "TG1: + base45(COSE_Sign1); see "
                                                "docs/pass-format.md"})
    status = fields.String()
    issued_at = fields.Integer()
    expires_at = fields.Integer()
    cti = fields.String(metadata={"description": "credential id, base64url"})
    device_key = fields.String(allow_none=True)


class ChallengeSchema(Schema):
    challenge = fields.String(metadata={"description": "base64url; sign it within 5 minutes, "
                                                      "once (docs/pass-format.md)"})
    expires_at = fields.Integer()


class DeviceSchema(Schema):
    public_key = fields.String(required=True, validate=_device_key)
    challenge = fields.String(required=True, validate=validate.Length(min=16, max=64))
    signature = fields.String(required=True, validate=_signature)


class DeviceRegisteredSchema(Schema):
    device_key = fields.String()
    registered_at = fields.Integer()
    pass_ = fields.Nested(PassSchema, data_key="pass", attribute="pass", allow_none=True)


class PrintedPassInSchema(Schema):
    employee_id = fields.String(validate=ID, metadata={
        "description": "whose pass; someone else's needs health.oversee and a reason"})
    reason = fields.String(validate=validate.Length(max=300))
    understood = fields.Boolean(metadata={
        "description": "for one's own: the person saw the warning that paper can be copied"})


class PrintedPassSchema(PassSchema):
    employee_id = fields.String()
    name = fields.String()


class RevocationsSchema(Schema):
    credentials = fields.List(fields.String(), metadata={"description": "revoked cti values"})
    devices = fields.List(fields.String(), metadata={"description": "revoked device keys"})
    generated_at = fields.Integer()


class PassCheckSchema(Schema):
    qr = fields.String(required=True, validate=validate.Length(min=1, max=4000))


class PassVerdictSchema(Schema):
    valid = fields.Boolean()
    reason = fields.String(metadata={"enum": REASONS})
    message = fields.String()
    status = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    employee_id = fields.String(allow_none=True)
    photo_url = fields.String(allow_none=True)
    presentation = fields.String(allow_none=True, metadata={
        "enum": ["live", "printed"], "description": "how to present a pass whose issuer "
        "signature held: printed (TG1:) means check photo ID"})


class ScanSchema(Schema):
    id = fields.String(required=True, validate=validate.Regexp(
        r"^[A-Za-z0-9_-]{8,64}$", error="Use 8-64 letters, digits, dashes or underscores."))
    site = fields.String(required=True, validate=NAME)
    scanned_at = fields.Integer(required=True, strict=True,
                                metadata={"description": "epoch seconds"})
    result = fields.String(required=True, validate=validate.OneOf(REASONS))
    employee_id = fields.String(load_default=None, allow_none=True, validate=ID)


class ScanRecordSchema(Schema):
    id = fields.String()
    site = fields.String()
    date = fields.String()
    scanned_at = fields.Integer()
    result = fields.String()
    employee_id = fields.String(allow_none=True)
    guard_id = fields.String()


class ScanQuerySchema(Schema):
    site = fields.String(required=True, validate=NAME)
    date = day_field()


class ScanSummarySchema(Schema):
    site = fields.String()
    date = fields.String()
    counts = fields.Dict(keys=fields.String(), values=fields.Integer())
    total = fields.Integer()
    latest = fields.List(fields.Nested(ScanRecordSchema))

