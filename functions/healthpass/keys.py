"""Issuer keys: a small ring of Ed25519 keys (one signs, the others verify) and its rotation.

Pure data: key_store.py keeps the ring (a local file or SSM) and hands it out."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from ..config import ConfigError
from ..encoding import b64url, unb64url
from .credential import kid_of

RETIRED_KEEP_S = 2 * 86400  # a retired key verifies for this long (credentials live <= 1 day)
STATES = ("active", "next", "retired")


@dataclass(frozen=True)
class Key:
    """One issuer key; `private` is None for retired keys (they only verify)."""

    kid: bytes
    public: bytes
    private: Ed25519PrivateKey | None
    state: str
    until: int | None = None

    @classmethod
    def generate(cls, state: str) -> Key:
        private = Ed25519PrivateKey.generate()
        public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return cls(kid_of(public), public, private, state)

    def to_json(self) -> dict:
        entry = {"kid": b64url(self.kid), "state": self.state}
        if self.private is not None:
            entry["d"] = b64url(self.private.private_bytes_raw())
        else:
            entry["x"] = b64url(self.public)
        if self.until is not None:
            entry["until"] = self.until
        return entry


@dataclass(frozen=True)
class KeyRing:
    """At most one key signs (active); next and retired keys are published to verifiers."""

    keys: tuple[Key, ...]

    @classmethod
    def parse(cls, text: str) -> KeyRing:
        keys = []
        for entry in json.loads(text)["keys"]:
            private = None
            if "d" in entry:
                private = Ed25519PrivateKey.from_private_bytes(unb64url(entry["d"]))
                public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
            else:
                public = unb64url(entry["x"])
            if entry["state"] not in STATES or b64url(kid_of(public)) != entry["kid"]:
                raise ValueError(f"key ring entry {entry['kid']!r} is inconsistent")
            keys.append(Key(kid_of(public), public, private, entry["state"], entry.get("until")))
        return cls(tuple(keys))

    def dump(self) -> str:
        return json.dumps({"keys": [k.to_json() for k in self.keys]}, indent=1)

    def active(self) -> Key:
        signing = [k for k in self.keys if k.state == "active" and k.private is not None]
        if len(signing) != 1:
            raise ConfigError("The pass key ring needs exactly one active key")
        return signing[0]

    def published(self, now: int) -> list[Key]:
        return [k for k in self.keys if k.state != "retired" or (k.until or 0) > now]

    def verifying(self, now: int) -> dict[bytes, Ed25519PublicKey]:
        """kid -> public key, for every key a verifier should accept now."""
        return {k.kid: Ed25519PublicKey.from_public_bytes(k.public) for k in self.published(now)}

    def jwks(self, now: int) -> dict:
        return {"keys": [{"kty": "OKP", "crv": "Ed25519", "x": b64url(k.public),
                          "kid": b64url(k.kid), "alg": "EdDSA", "use": "sig"}
                         for k in self.published(now)]}

    def rotate(self, now: int, *, immediately: bool = False) -> tuple[KeyRing, str]:
        """One rotation step: publish a next key; or promote it (the active one retires)."""
        kept = self.published(now)
        waiting = [k for k in kept if k.state == "next"]
        immediately = immediately or not any(k.state == "active" for k in kept)  # first key
        if not waiting and not immediately:
            new = Key.generate("next")
            return KeyRing((*kept, new)), f"published {b64url(new.kid)} as next"
        promoted = waiting[0] if waiting else Key.generate("next")
        keys = []
        for key in kept + ([] if waiting else [promoted]):
            if key.state == "active":
                key = Key(key.kid, key.public, None, "retired", now + RETIRED_KEEP_S)
            elif key is promoted:
                key = replace(key, state="active")
            keys.append(key)
        return KeyRing(tuple(keys)), f"{b64url(promoted.kid)} signs now"
