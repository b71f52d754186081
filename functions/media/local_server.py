"""The embedded stand-in for S3's side of signed URLs: it accepts and serves what the local
adapter's links allow. wiring builds it beside LocalMedia; local_routes.py speaks HTTP for it."""

from __future__ import annotations

import os
import time
from pathlib import Path

from .links import LinkSigner
from .local_files import LocalFiles
from .port import MAX_PART, MediaNotFound, UploadRejected


class LocalMediaServer:
    """Checks a link's signed policy, then stores or opens the files it names."""

    def __init__(self, root: str | Path, secret: bytes, *, clock=time.time,
                 max_bytes: int = 500 * 1024 * 1024):
        self.files = LocalFiles(root)
        self.links = LinkSigner(secret, clock)
        self.max_bytes = max_bytes  # a form upload's limit (its policy may say less)
        self.part_max_bytes = min(MAX_PART, max_bytes)

    def accept_post(self, form: dict, stream) -> None:
        """Store a form upload if its policy is genuine, unexpired and obeyed."""
        policy = self.links.verify(form.get("policy", ""), form.get("signature", ""), "post")
        if form.get("key") != policy["key"]:
            raise UploadRejected("signature", "the policy is for another key")
        if form.get("Content-Type") != policy["type"]:
            raise UploadRejected("content_type", "the policy names another content type")
        with self.files.temp() as out:
            self.files.copy(stream, out, policy["max"])
            self.files.publish(out, policy["key"], policy["type"])

    def accept_part(self, policy: str, signature: str, stream) -> str:
        """Store one part of a multipart upload, exactly the size its link was signed for (as
        S3 does with a signed Content-Length); returns its ETag."""
        claims = self.links.verify(policy, signature, "part")
        folder = self.files.upload(claims["key"], claims["upload"])[0]
        name = f"p{claims['n']:05d}"
        with self.files.temp(folder) as out:
            digest = self.files.copy(stream, out, min(claims["size"], self.part_max_bytes))
            if out.tell() != claims["size"]:  # the temporary file is removed: nothing stored
                raise UploadRejected("part", f"the part has {out.tell()} bytes, not "
                                             f"{claims['size']}")
            out.flush()
            try:
                os.replace(out.name, folder / f"{name}.{digest}")
            except FileNotFoundError as exc:  # aborted meanwhile
                raise MediaNotFound(claims["upload"]) from exc
        for older in folder.glob(f"{name}.*"):
            if older.suffix != f".{digest}":
                older.unlink(missing_ok=True)
        return f'"{digest}"'

    def open_download(self, policy: str, signature: str) -> tuple[Path, str, str | None]:
        """The file, content type and download name a signed GET URL names."""
        claims = self.links.verify(policy, signature, "get")
        path = self.files.path(claims["key"])
        if not path.is_file():
            raise MediaNotFound(claims["key"])
        return path, self.files.content_type(claims["key"]), claims.get("name")
