"""Unpadded base64url, the one text encoding of bytes in URLs, cursors, keys and passes."""

import base64


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(text: str) -> bytes:
    """Decode unpadded base64url; ValueError on anything else (so one text means one value)."""
    if not isinstance(text, str) or "=" in text or len(text) % 4 == 1:
        raise ValueError("not unpadded base64url")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise ValueError("not base64url") from exc
    if b64url(data) != text:  # stray characters or non-zero padding bits
        raise ValueError("not canonical base64url")
    return data
