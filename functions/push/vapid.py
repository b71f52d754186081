"""The VAPID key pair: made once and kept in the data directory (embedded) or in SSM Parameter
Store (AWS), read lazily on first use; and the short-lived JWTs it signs per push service."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from ..encoding import b64url

JWT_S = 12 * 3600  # push services accept up to 24 h
REUSE_S = 6 * 3600  # a JWT is reused per push service until it has less than this left


def new_pem() -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


class FileVapidKey:
    """The embedded server's key: a PEM file in the data directory, made on first use."""

    def __init__(self, path: Path):
        self.path = path

    def pem(self) -> str:
        if self.path.exists():
            return self.path.read_text()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        pem = new_pem()
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: use theirs
            return self.path.read_text()
        with os.fdopen(fd, "w") as fh:
            fh.write(pem)
        return pem


class SsmVapidKey:
    """The key in an SSM SecureString; made there once if the parameter does not exist yet."""

    def __init__(self, client, name: str):
        self.client, self.name = client, name

    def pem(self) -> str:
        try:
            return self._read()
        except self.client.exceptions.ParameterNotFound:
            pass
        try:
            self.client.put_parameter(Name=self.name, Type="SecureString", Value=new_pem(),
                                      Overwrite=False)
        except self.client.exceptions.ParameterAlreadyExists:
            pass  # another container made it first: theirs wins
        return self._read()

    def _read(self) -> str:
        found = self.client.get_parameter(Name=self.name, WithDecryption=True)
        return found["Parameter"]["Value"]


class Vapid:
    """Signs the Authorization header (RFC 8292) for each push service, reusing a JWT for hours."""

    def __init__(self, source, subject: str, clock=time.time):
        self._source, self._subject, self._clock = source, subject, clock
        self._lock = threading.Lock()
        self._vapid = None
        self._tokens: dict[str, tuple[int, str]] = {}

    def _key(self):
        with self._lock:
            if self._vapid is None:
                from py_vapid import Vapid02

                self._vapid = Vapid02.from_pem(self._source.pem().encode())
            return self._vapid

    def public_key(self) -> str:
        point = self._key().public_key.public_bytes(serialization.Encoding.X962,
                                                    serialization.PublicFormat.UncompressedPoint)
        return b64url(point)

    def authorization(self, origin: str) -> str:
        now = int(self._clock())
        with self._lock:
            cached = self._tokens.get(origin)
        if cached and cached[0] - now > REUSE_S:
            return cached[1]
        exp = now + JWT_S
        header = self._key().sign({"aud": origin, "exp": exp, "sub": self._subject})
        with self._lock:
            self._tokens[origin] = (exp, header["Authorization"])
        return header["Authorization"]
