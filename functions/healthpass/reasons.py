"""The verdicts a pass check can give, and the text encodings the pass API uses.

Kept apart from credential.py so that importing them does not load cryptography."""

import base64

REASONS = ("ok", "expired", "not_yet_valid", "tampered", "unknown_key", "revoked", "replayed",
           "not_together")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(text: str) -> bytes:
    """Decode unpadded base64url; ValueError on anything else."""
    if not isinstance(text, str) or "=" in text or len(text) % 4 == 1:
        raise ValueError("not unpadded base64url")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise ValueError("not base64url") from exc
    if b64url(data) != text:  # stray characters or non-zero padding bits
        raise ValueError("not canonical base64url")
    return data
