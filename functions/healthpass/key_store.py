"""Where the pass issuer key ring lives: a local file (embedded) or an SSM SecureString (AWS).

wiring.Adapters.pass_keys picks the source and hands out one PassKeys per warm container."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Protocol

from ..config import ConfigError
from .keys import Key, KeyRing

RELOAD_S = 900  # a warm container re-reads the ring this often, so rotation reaches every one


class KeySource(Protocol):
    """Where the key ring's JSON text lives."""

    def read(self) -> str | None:
        """The ring's text, or None if there is none yet."""

    def write(self, text: str) -> None:
        """Replace the ring's text."""

    def first(self) -> str:
        """The ring's text when there is none yet: made here, or a ConfigError saying how."""


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

    def first(self) -> str:
        """A new ring with one active key, made on first use of this data directory."""
        text = KeyRing((Key.generate("active"),)).dump()
        try:
            self.write(text, exclusive=True)
        except FileExistsError:  # another process made it first: use theirs
            return self.read()
        return text


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

    def first(self) -> str:
        # Never made here: a key that signs passes is created by an operator, on purpose.
        raise ConfigError(f"The SSM parameter {self.name} holding the pass issuer keys does not "
                          "exist: create it with `flask --app functions.wsgi rotate-pass-key "
                          "--immediately` (see docs/pass-format.md)")


class PassKeys:
    """The key ring of one source, read on first use and again after RELOAD_S. Without a
    source (AWS without TOGETHER_PASS_KEY_PARAMETER) only what needs a key fails, naming it."""

    def __init__(self, source: KeySource | None, *, monotonic=time.monotonic):
        self._source, self.monotonic = source, monotonic
        self._cached: tuple[float, KeyRing] | None = None

    @property
    def source(self) -> KeySource:
        if self._source is None:
            raise ConfigError("TOGETHER_PASS_KEY_PARAMETER is not set: the health pass needs "
                              "the SSM parameter (SecureString) that holds its issuer keys")
        return self._source

    def ring(self) -> KeyRing:
        cached = self._cached
        if cached is None or self.monotonic() - cached[0] > RELOAD_S:
            source = self.source
            text = source.read()
            cached = (self.monotonic(), KeyRing.parse(text if text is not None
                                                      else source.first()))
            self._cached = cached
        return cached[1]

    def rotate(self, now: int, *, immediately: bool = False) -> tuple[KeyRing, str]:
        """One rotation step written to the source (see KeyRing.rotate); what it did."""
        source = self.source
        text = source.read()
        current = KeyRing.parse(text) if text else KeyRing(())
        rotated, message = current.rotate(now, immediately=immediately)
        source.write(rotated.dump())
        self._cached = None  # this container signs with the new ring at once
        return rotated, message
