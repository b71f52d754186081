"""The verdicts a pass check can give (kept apart from credential.py so that importing them
does not load cryptography)."""

REASONS = ("ok", "expired", "not_yet_valid", "tampered", "unknown_key", "revoked", "replayed",
           "not_together")

