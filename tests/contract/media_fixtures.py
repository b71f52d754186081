"""Media adapters for the contract suite, each reached over real HTTP as a phone reaches it."""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin

import requests
from werkzeug.serving import make_server

from functions.app import create_app
from functions.config import Config
from functions.media.port import Media
from functions.media.s3 import S3Media
from tests.aws import client, unique

MAX_BYTES = 12 * 1024 * 1024  # room for two 5 MiB parts and a small one, not for three


class Phone:
    """What the PWA does with the URLs the app hands it: plain HTTP, no AWS SDK."""

    def __init__(self, base: str):
        self.base = base
        self.http = requests.Session()

    def post_form(self, presigned: dict, data: bytes, **changed_fields) -> requests.Response:
        fields = {**presigned["fields"], **changed_fields}
        # requests writes the fields before the file, as S3 requires.
        return self.http.post(urljoin(self.base, presigned["url"]), data=fields,
                              files={"file": ("clip.webm", data)}, timeout=30)

    def put(self, url: str, data: bytes) -> requests.Response:
        return self.http.put(urljoin(self.base, url), data=data, timeout=30)

    def get(self, url: str, **headers) -> requests.Response:
        return self.http.get(urljoin(self.base, url), headers=headers, timeout=30)

    def close(self) -> None:
        self.http.close()


@dataclass
class Backend:
    kind: str
    media: Media
    phone: Phone  # resolves the local adapter's relative URLs; S3's are absolute


@contextmanager
def local_backend(tmp_path, clock):
    """The embedded app on a real HTTP server, so its routes are what the phone talks to."""
    config = Config.from_env({"TOGETHER_DATA_DIR": str(tmp_path),
                              "TOGETHER_SECRET_KEY": "test"}).with_(upload_max_bytes=MAX_BYTES)
    app = create_app(config, clock=clock)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # A short poll interval: shutdown() otherwise waits up to half a second per test.
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    phone = Phone(f"http://127.0.0.1:{server.port}")
    try:
        yield Backend("local", app.extensions["together"].media, phone)
    finally:
        phone.close()
        server.shutdown()
        thread.join()
        server.server_close()


@contextmanager
def s3_backend(kind: str, endpoint: str | None):
    """A fresh bucket on moto's server (endpoint) or on real AWS (None), emptied afterwards."""
    s3 = client("s3", endpoint)
    bucket = unique("together-media")
    region = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
    location = {} if region == "us-east-1" else {
        "CreateBucketConfiguration": {"LocationConstraint": region}}
    s3.create_bucket(Bucket=bucket, **location)
    phone = Phone("")
    try:
        yield Backend(kind, S3Media(s3, bucket, max_bytes=MAX_BYTES), phone)
    finally:
        phone.close()
        for upload in s3.list_multipart_uploads(Bucket=bucket).get("Uploads", []):
            s3.abort_multipart_upload(Bucket=bucket, Key=upload["Key"],
                                      UploadId=upload["UploadId"])
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for item in page.get("Contents", []):
                s3.delete_object(Bucket=bucket, Key=item["Key"])
        s3.delete_bucket(Bucket=bucket)
        s3.close()
