"""Local-files adapter of the media port; local_server.py answers the links it signs."""

from __future__ import annotations

import secrets
import shutil
import time
from pathlib import Path
from urllib.parse import urlencode

from .links import LinkSigner
from .local_files import CHUNK, LocalFiles
from .port import (
    Media,
    MediaNotFound,
    UploadRejected,
    check_expires,
    check_key,
    check_part_number,
    check_part_size,
    check_upload_type,
    plan_completion,
    upload_limit,
)

URL_PREFIX = "/api/media/local"


class LocalMedia(Media):
    """Objects as files under root; URLs are relative to the app and HMAC-signed."""

    def __init__(self, root: str | Path, secret: bytes, *, clock=time.time,
                 max_bytes: int = 500 * 1024 * 1024):
        self.files = LocalFiles(root)
        self.links = LinkSigner(secret, clock)
        self.max_bytes = max_bytes

    def presign_post(self, key, content_type, *, max_bytes=None, expires_in=900):
        policy, signature = self.links.sign("post", check_expires(expires_in), key=check_key(key),
                                            type=check_upload_type(content_type),
                                            max=upload_limit(max_bytes, self.max_bytes))
        return {"url": f"{URL_PREFIX}/uploads",
                "fields": {"key": key, "Content-Type": content_type, "policy": policy,
                           "signature": signature}}

    def start_multipart(self, key, content_type):
        check_key(key)
        check_upload_type(content_type)
        upload_id = secrets.token_urlsafe(24)
        self.files.new_upload(upload_id, key, content_type)
        return upload_id

    def presign_part(self, key, upload_id, part_number, *, size, expires_in=3600):
        return self._url("parts", "part", expires_in, key=check_key(key), upload=upload_id,
                         n=check_part_number(part_number), size=check_part_size(size))

    def list_parts(self, key, upload_id):
        found: dict[int, tuple[int, str, int]] = {}  # number: (mtime, etag, size)
        for path in self.files.upload(key, upload_id)[0].glob("p*.*"):
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
        folder, upload = self.files.upload(key, upload_id)
        chosen = plan_completion(self.list_parts(key, upload_id), parts, self.max_bytes)
        with self.files.temp() as out:
            for part in chosen:
                path = folder / f"p{part['part_number']:05d}.{part['etag'].strip(chr(34))}"
                try:
                    with path.open("rb") as src:
                        shutil.copyfileobj(src, out, CHUNK)
                except FileNotFoundError as exc:  # sent again, or aborted, while we joined
                    raise UploadRejected("part", f"part {part['part_number']} changed") from exc
            self.files.publish(out, key, upload["type"])
        shutil.rmtree(folder, ignore_errors=True)

    def abort_multipart(self, key, upload_id):
        try:
            folder = self.files.upload(key, upload_id)[0]
        except MediaNotFound:
            return
        shutil.rmtree(folder, ignore_errors=True)

    def download_url(self, key, *, expires_in=3600, filename=None):
        return self._url("objects", "get", expires_in, key=check_key(key), name=filename)

    def head(self, key):
        path = self.files.path(key)
        if not path.is_file():
            return None
        return {"size": path.stat().st_size, "content_type": self.files.content_type(key)}

    def put_bytes(self, key, data, content_type):
        check_key(key)
        with self.files.temp() as out:
            out.write(data)
            self.files.publish(out, key, content_type)

    def get_bytes(self, key):
        try:
            return self.files.path(key).read_bytes()
        except (FileNotFoundError, IsADirectoryError) as exc:
            raise MediaNotFound(key) from exc

    def upload_file(self, path, key, content_type):
        check_key(key)
        with self.files.temp() as out, open(path, "rb") as src:
            shutil.copyfileobj(src, out, CHUNK)
            self.files.publish(out, key, content_type)

    def download_file(self, key, path):
        try:
            shutil.copyfile(self.files.path(key), path)
        except (FileNotFoundError, IsADirectoryError) as exc:
            raise MediaNotFound(key) from exc

    def delete(self, key):
        self.files.path(key).unlink(missing_ok=True)
        self.files.meta(key).unlink(missing_ok=True)

    def _url(self, route: str, op: str, expires_in: int, **claims) -> str:
        policy, signature = self.links.sign(op, check_expires(expires_in), **claims)
        return f"{URL_PREFIX}/{route}?{urlencode({'policy': policy, 'signature': signature})}"
