"""Local-files adapter of the media port; local_routes.py serves its signed URLs."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

from .port import (
    MAX_PART,
    Media,
    MediaNotFound,
    UploadRejected,
    check_expires,
    check_key,
    check_part_number,
    check_upload_type,
    plan_completion,
    upload_limit,
)

URL_PREFIX = "/api/media/local"
CHUNK = 1024 * 1024
# Dot-folders inside root; check_key refuses dot segments, so no key can reach them.
META, UPLOADS, TMP = ".meta", ".uploads", ".tmp"
UPLOAD_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class LocalMedia(Media):
    """Objects as files under root; URLs are relative to the app and HMAC-signed."""

    def __init__(self, root: str | Path, secret: bytes, *, clock=time.time,
                 max_bytes: int = 500 * 1024 * 1024):
        self.root = Path(root)
        # A derived key: a media signature can never pass for another feature's signature.
        self._key = hmac.new(secret, b"together/media", hashlib.sha256).digest()
        self.clock = clock
        self.max_bytes = max_bytes

    # -- the port ---------------------------------------------------------------------------

    def presign_post(self, key, content_type, *, max_bytes=None, expires_in=900):
        policy, signature = self._sign("post", check_expires(expires_in), key=check_key(key),
                                       type=check_upload_type(content_type),
                                       max=upload_limit(max_bytes, self.max_bytes))
        return {"url": f"{URL_PREFIX}/uploads",
                "fields": {"key": key, "Content-Type": content_type, "policy": policy,
                           "signature": signature}}

    def start_multipart(self, key, content_type):
        check_key(key)
        check_upload_type(content_type)
        upload_id = secrets.token_urlsafe(24)
        folder = self.root / UPLOADS / upload_id
        folder.mkdir(parents=True)
        (folder / "upload.json").write_text(json.dumps({"key": key, "type": content_type}))
        return upload_id

    def presign_part(self, key, upload_id, part_number, *, expires_in=3600):
        return self._url("parts", "part", expires_in, key=check_key(key), upload=upload_id,
                         n=check_part_number(part_number))

    def list_parts(self, key, upload_id):
        found: dict[int, tuple[int, str, int]] = {}  # number: (mtime, etag, size)
        for path in self._upload(key, upload_id)[0].glob("p*.*"):
            try:
                stat = path.stat()
            except FileNotFoundError:  # replaced by a newer copy of the same part just now
                continue
            # A part sent twice at once leaves two files for a moment: the newer one counts.
            found[int(path.stem[1:])] = max(found.get(int(path.stem[1:]), (0, "", 0)),
                                            (stat.st_mtime_ns, path.suffix[1:], stat.st_size))
        return [{"part_number": n, "etag": f'"{etag}"', "size": size}
                for n, (_, etag, size) in sorted(found.items())]

    def complete_multipart(self, key, upload_id, parts=None):
        folder, upload = self._upload(key, upload_id)
        chosen = plan_completion(self.list_parts(key, upload_id), parts, self.max_bytes)
        with self._temp() as out:
            for part in chosen:
                path = folder / f"p{part['part_number']:05d}.{part['etag'].strip(chr(34))}"
                try:
                    with path.open("rb") as src:
                        shutil.copyfileobj(src, out, CHUNK)
                except FileNotFoundError as exc:  # sent again, or aborted, while we joined
                    raise UploadRejected("part", f"part {part['part_number']} changed") from exc
            self._publish(out, key, upload["type"])
        shutil.rmtree(folder, ignore_errors=True)

    def abort_multipart(self, key, upload_id):
        try:
            folder = self._upload(key, upload_id)[0]
        except MediaNotFound:
            return
        shutil.rmtree(folder, ignore_errors=True)

    def download_url(self, key, *, expires_in=3600, filename=None):
        return self._url("objects", "get", expires_in, key=check_key(key), name=filename)

    def head(self, key):
        path = self._path(key)
        if not path.is_file():
            return None
        return {"size": path.stat().st_size, "content_type": self._content_type(key)}

    def put_bytes(self, key, data, content_type):
        check_key(key)
        with self._temp() as out:
            out.write(data)
            self._publish(out, key, content_type)

    def get_bytes(self, key):
        try:
            return self._path(key).read_bytes()
        except (FileNotFoundError, IsADirectoryError) as exc:
            raise MediaNotFound(key) from exc

    def upload_file(self, path, key, content_type):
        check_key(key)
        with self._temp() as out, open(path, "rb") as src:
            shutil.copyfileobj(src, out, CHUNK)
            self._publish(out, key, content_type)

    def download_file(self, key, path):
        try:
            shutil.copyfile(self._path(key), path)
        except (FileNotFoundError, IsADirectoryError) as exc:
            raise MediaNotFound(key) from exc

    def delete(self, key):
        self._path(key).unlink(missing_ok=True)
        (self.root / META / f"{key}.json").unlink(missing_ok=True)

    # -- the server side of the signed URLs (local_routes.py only) --------------------------

    def _accept_post(self, form: dict, stream) -> None:
        """Store a form upload if its policy is genuine, unexpired and obeyed."""
        policy = self._verify(form.get("policy", ""), form.get("signature", ""), "post")
        if form.get("key") != policy["key"]:
            raise UploadRejected("signature", "the policy is for another key")
        if form.get("Content-Type") != policy["type"]:
            raise UploadRejected("content_type", "the policy names another content type")
        with self._temp() as out:
            self._copy(stream, out, policy["max"])
            self._publish(out, policy["key"], policy["type"])

    def _accept_part(self, policy: str, signature: str, stream) -> str:
        """Store one part of a multipart upload; returns its ETag."""
        claims = self._verify(policy, signature, "part")
        folder = self._upload(claims["key"], claims["upload"])[0]
        name = f"p{claims['n']:05d}"
        with self._temp(folder) as out:
            digest = self._copy(stream, out, min(MAX_PART, self.max_bytes))
            out.flush()
            try:
                os.replace(out.name, folder / f"{name}.{digest}")
            except FileNotFoundError as exc:  # aborted meanwhile
                raise MediaNotFound(claims["upload"]) from exc
        for older in folder.glob(f"{name}.*"):
            if older.suffix != f".{digest}":
                older.unlink(missing_ok=True)
        return f'"{digest}"'

    def _open_download(self, policy: str, signature: str) -> tuple[Path, str, str | None]:
        """The file, content type and download name a signed GET URL names."""
        claims = self._verify(policy, signature, "get")
        path = self._path(claims["key"])
        if not path.is_file():
            raise MediaNotFound(claims["key"])
        return path, self._content_type(claims["key"]), claims.get("name")

    # -- helpers ----------------------------------------------------------------------------

    def _sign(self, op: str, expires_in: int, **claims) -> tuple[str, str]:
        claims = {"op": op, "exp": int(self.clock()) + expires_in, **claims}
        policy = _b64(json.dumps(claims, separators=(",", ":")).encode())
        return policy, _b64(hmac.new(self._key, policy.encode(), hashlib.sha256).digest())

    def _verify(self, policy: str, signature: str, op: str) -> dict:
        expected = _b64(hmac.new(self._key, policy.encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(expected.encode(), signature.encode()):
            raise UploadRejected("signature", "the signature does not match")
        claims = json.loads(_unb64(policy))
        if claims.get("op") != op:
            raise UploadRejected("signature", "this link is for another action")
        if claims["exp"] < self.clock():
            raise UploadRejected("expired", "the link has expired")
        return claims

    def _url(self, route: str, op: str, expires_in: int, **claims) -> str:
        policy, signature = self._sign(op, check_expires(expires_in), **claims)
        return f"{URL_PREFIX}/{route}?{urlencode({'policy': policy, 'signature': signature})}"

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def _content_type(self, key: str) -> str:
        try:
            return json.loads((self.root / META / f"{key}.json").read_text())["type"]
        except FileNotFoundError:
            return "application/octet-stream"

    def _upload(self, key: str, upload_id: str) -> tuple[Path, dict]:
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
    def _temp(self, folder: Path | None = None):
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

    def _publish(self, out, key: str, content_type: str) -> None:
        """Move a written temporary file to key, with its content type beside it."""
        out.flush()
        path, meta = self.root / key, self.root / META / f"{key}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        meta.parent.mkdir(parents=True, exist_ok=True)
        with self._temp() as info:
            info.write(json.dumps({"type": content_type}).encode())
            info.flush()
            os.replace(info.name, meta)
        os.replace(out.name, path)

    @staticmethod
    def _copy(stream, out, limit: int) -> str:
        """Copy at most limit bytes; returns the MD5 hex (S3's ETag for a single upload)."""
        md5, size = hashlib.md5(usedforsecurity=False), 0
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise UploadRejected("too_large", f"over {limit} bytes")
            md5.update(chunk)
            out.write(chunk)
        return md5.hexdigest()
