"""Issuer keys: a small key ring kept in a local file (embedded) or in SSM Parameter Store (AWS)."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from flask import current_app

from ..config import ConfigError
from ..encoding import b64url, unb64url
from ..wiring import adapters
from .credential import kid_of

RELOAD_S = 900  # a warm container re-reads the ring this often, so rotation reaches every one
RETIRED_KEEP_S = 2 * 86400  # a retired key verifies for this long (credentials live <= 1 day)
STATES = ("active", "next", "retired")


class KeySource(Protocol):
    """Where the key ring's JSON text lives."""

    def read(self) -> str | None:
        """The ring's text, or None if there is none yet."""

    def write(self, text: str) -> None:
        """Replace the ring's text."""


class FileKeySource:
    """The embedded home: <data dir>/issuer-keys/keyring.json, readable by its owner only."""

    def __init__(self, directory: Path):
        self.path = Path(directory) / "keyring.json"

    def read(self) -> str | None:
        return self.path.read_text() if self.path.exists() else None

    def write(self, text: str, *, exclusive: bool = False) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temp = self.path.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(text)
        if exclusive:
            try:
                os.link(temp, self.path)  # FileExistsError if another process made it first
            finally:
                temp.unlink()
        else:
            os.replace(temp, self.path)


class SsmKeySource:
    """The AWS home: one SecureString parameter (client handed in by wiring)."""

    def __init__(self, client, name: str):
        self.client, self.name = client, name

    def read(self) -> str | None:
        try:
            value = self.client.get_parameter(Name=self.name, WithDecryption=True)
        except self.client.exceptions.ParameterNotFound:
            return None
        return value["Parameter"]["Value"]

    def write(self, text: str) -> None:
        self.client.put_parameter(Name=self.name, Value=text, Type="SecureString",
                                  Overwrite=True)


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


def source() -> KeySource:
    """The configured home of the ring: SSM if a parameter is named, else the data directory."""
    config = adapters().config
    if config.pass_key_parameter:
        return SsmKeySource(adapters().client("ssm"), config.pass_key_parameter)
    if not config.is_local:
        raise ConfigError("TOGETHER_PASS_KEY_PARAMETER is not set: the health pass needs the "
                          "SSM parameter (SecureString) that holds its issuer keys")
    return FileKeySource(config.data_dir / "issuer-keys")


def load(src: KeySource) -> KeyRing:
    """The ring from its source; a local file is made on first use, SSM must be set up."""
    text = src.read()
    if text is None and isinstance(src, FileKeySource):
        text = KeyRing((Key.generate("active"),)).dump()
        try:
            src.write(text, exclusive=True)
        except FileExistsError:  # another process made it first: use theirs
            text = src.read()
    if text is None:
        raise ConfigError(f"The SSM parameter {src.name} holding the pass issuer keys does not "
                          "exist: create it with `flask --app functions.wsgi rotate-pass-key "
                          "--immediately` (see docs/pass-format.md)")
    return KeyRing.parse(text)


def ring() -> KeyRing:
    """The key ring, read lazily once per warm container and again after RELOAD_S."""
    cached = current_app.extensions.get("together_pass_keys")
    if cached is None or time.monotonic() - cached[0] > RELOAD_S:
        cached = (time.monotonic(), load(source()))
        current_app.extensions["together_pass_keys"] = cached
    return cached[1]


def forget() -> None:
    """Drop the cached ring (after a rotation in this process)."""
    current_app.extensions.pop("together_pass_keys", None)
