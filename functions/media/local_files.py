"""The local media adapter's files under one root: objects, their content types, and the
parts of multipart uploads. Shared by the adapter (local.py) and its server (local_server.py)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .port import MediaNotFound, UploadRejected, check_key

CHUNK = 1024 * 1024
# Dot-folders inside root; check_key refuses dot segments, so no key can reach them.
META, UPLOADS, TMP = ".meta", ".uploads", ".tmp"
UPLOAD_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class LocalFiles:
    """Objects as files under root, each with its content type beside it in .meta/."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def path(self, key: str) -> Path:
        return self.root / check_key(key)

    def meta(self, key: str) -> Path:
        return self.root / META / f"{key}.json"

    def content_type(self, key: str) -> str:
        try:
            return json.loads(self.meta(key).read_text())["type"]
        except FileNotFoundError:
            return "application/octet-stream"

    def new_upload(self, upload_id: str, key: str, content_type: str) -> None:
        folder = self.root / UPLOADS / upload_id
        folder.mkdir(parents=True)
        (folder / "upload.json").write_text(json.dumps({"key": key, "type": content_type}))

    def upload(self, key: str, upload_id: str) -> tuple[Path, dict]:
        """The folder of a multipart upload of key and what it records; MediaNotFound if none."""
        check_key(key)
        if not isinstance(upload_id, str) or not UPLOAD_ID.match(upload_id):
            raise MediaNotFound(upload_id)
        folder = self.root / UPLOADS / upload_id
        try:
            upload = json.loads((folder / "upload.json").read_text())
        except FileNotFoundError as exc:
            raise MediaNotFound(upload_id) from exc
        if upload["key"] != key:
            raise MediaNotFound(upload_id)
        return folder, upload

    @contextmanager
    def temp(self, folder: Path | None = None):
        """A temporary file on root's filesystem, removed unless it was renamed into place."""
        # Same filesystem as the destination, so publishing is one atomic rename.
        folder = folder or self.root / TMP
        folder.mkdir(parents=True, exist_ok=True)
        out = tempfile.NamedTemporaryFile(dir=folder, prefix=".", delete=False)
        try:
            with out:
                yield out
        finally:
            Path(out.name).unlink(missing_ok=True)

    def publish(self, out, key: str, content_type: str) -> None:
        """Move a written temporary file to key, with its content type beside it."""
        out.flush()
        path, meta = self.root / key, self.meta(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        meta.parent.mkdir(parents=True, exist_ok=True)
        with self.temp() as info:
            info.write(json.dumps({"type": content_type}).encode())
            info.flush()
            os.replace(info.name, meta)
        os.replace(out.name, path)

    @staticmethod
    def copy(stream, out, limit: int) -> str:
        """Copy at most limit bytes; returns the MD5 hex (S3's ETag for a single upload)."""
        md5, size = hashlib.md5(usedforsecurity=False), 0
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise UploadRejected("too_large", f"over {limit} bytes")
            md5.update(chunk)
            out.write(chunk)
        return md5.hexdigest()
