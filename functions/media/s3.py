"""S3 adapter of the media port (presigned SigV4 URLs; the client comes from wiring)."""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import quote

from botocore.exceptions import ClientError

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

NOT_FOUND = {"NoSuchKey", "NoSuchUpload", "404", "NotFound"}
BAD_PARTS = {"InvalidPart", "InvalidPartOrder", "EntityTooSmall"}


@contextmanager
def _translated(what: str):
    """S3's error codes as the port's errors; anything else is re-raised as it is."""
    try:
        yield
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code")
        if code in NOT_FOUND:
            raise MediaNotFound(what) from exc
        if code in BAD_PARTS:
            raise UploadRejected("part", code) from exc
        if code == "EntityTooLarge":
            raise UploadRejected("too_large", code) from exc
        raise


def content_disposition(filename: str) -> str:
    """An attachment header that keeps non-ASCII names (RFC 6266 filename*)."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_"
                       for c in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


class S3Media(Media):
    """Objects in one S3 bucket; phones talk to S3 directly through presigned URLs."""

    def __init__(self, client, bucket: str, *, max_bytes: int = 500 * 1024 * 1024):
        self.client = client
        self.bucket = bucket
        self.max_bytes = max_bytes

    def presign_post(self, key, content_type, *, max_bytes=None, expires_in=900):
        check_key(key)
        check_upload_type(content_type)
        # S3 itself enforces the exact type and the size range the policy states.
        conditions = [{"Content-Type": content_type},
                      ["content-length-range", 1, upload_limit(max_bytes, self.max_bytes)]]
        post = self.client.generate_presigned_post(
            self.bucket, key, Fields={"Content-Type": content_type}, Conditions=conditions,
            ExpiresIn=check_expires(expires_in))
        return {"url": post["url"], "fields": post["fields"]}

    def start_multipart(self, key, content_type):
        check_key(key)
        check_upload_type(content_type)
        answer = self.client.create_multipart_upload(Bucket=self.bucket, Key=key,
                                                     ContentType=content_type)
        return answer["UploadId"]

    def presign_part(self, key, upload_id, part_number, *, size, expires_in=3600):
        # ContentLength becomes a signed header: S3 refuses a body of any other length.
        params = {"Bucket": self.bucket, "Key": check_key(key), "UploadId": upload_id,
                  "PartNumber": check_part_number(part_number),
                  "ContentLength": check_part_size(size)}
        return self.client.generate_presigned_url("upload_part", Params=params,
                                                  ExpiresIn=check_expires(expires_in))

    def list_parts(self, key, upload_id):
        pages = self.client.get_paginator("list_parts").paginate(
            Bucket=self.bucket, Key=check_key(key), UploadId=upload_id)
        with _translated(upload_id):
            return [{"part_number": p["PartNumber"], "etag": p["ETag"], "size": p["Size"]}
                    for page in pages for p in page.get("Parts", [])]

    def complete_multipart(self, key, upload_id, parts=None):
        # Checked here too: S3 cannot limit a multipart upload's total size by itself.
        chosen = plan_completion(self.list_parts(key, upload_id), parts, self.max_bytes)
        with _translated(upload_id):
            self.client.complete_multipart_upload(
                Bucket=self.bucket, Key=key, UploadId=upload_id,
                MultipartUpload={"Parts": [{"PartNumber": p["part_number"], "ETag": p["etag"]}
                                           for p in chosen]})

    def abort_multipart(self, key, upload_id):
        try:
            with _translated(upload_id):
                self.client.abort_multipart_upload(Bucket=self.bucket, Key=check_key(key),
                                                   UploadId=upload_id)
        except MediaNotFound:
            return

    def download_url(self, key, *, expires_in=3600, filename=None):
        params = {"Bucket": self.bucket, "Key": check_key(key)}
        if filename:
            params["ResponseContentDisposition"] = content_disposition(filename)
        return self.client.generate_presigned_url("get_object", Params=params,
                                                  ExpiresIn=check_expires(expires_in))

    def head(self, key):
        try:
            with _translated(key):
                answer = self.client.head_object(Bucket=self.bucket, Key=check_key(key))
        except MediaNotFound:
            return None
        return {"size": answer["ContentLength"], "content_type": answer["ContentType"]}

    def put_bytes(self, key, data, content_type):
        self.client.put_object(Bucket=self.bucket, Key=check_key(key), Body=data,
                               ContentType=content_type)

    def get_bytes(self, key):
        with _translated(key):
            body = self.client.get_object(Bucket=self.bucket, Key=check_key(key))["Body"]
        with body:
            return body.read()

    def upload_file(self, path, key, content_type):
        self.client.upload_file(str(path), self.bucket, check_key(key),
                                ExtraArgs={"ContentType": content_type})

    def download_file(self, key, path):
        with _translated(key):
            self.client.download_file(self.bucket, check_key(key), str(path))

    def delete(self, key):
        self.client.delete_object(Bucket=self.bucket, Key=check_key(key))
