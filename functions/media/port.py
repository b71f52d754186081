"""The media port: objects in storage, and signed URLs so phones move the bytes themselves."""

from __future__ import annotations

import abc
import re
from pathlib import Path

# What phones may upload (MediaRecorder gives webm, iOS mp4/mov; thumbnails and photos; the
# tips library's PDF guides).
UPLOAD_TYPES = frozenset({"video/mp4", "video/webm", "video/quicktime", "image/jpeg",
                          "image/png", "image/webp", "application/pdf"})
# S3's multipart limits, mirrored by the local adapter so it cannot hide a mistake.
MIN_PART = 5 * 1024 * 1024
MAX_PART = 5 * 1024 * 1024 * 1024
MAX_PARTS = 10_000
MAX_EXPIRES = 7 * 24 * 3600  # SigV4's longest presigned URL
_KEY_SEGMENT = re.compile(r"^[A-Za-z0-9_@=+,;:~-][A-Za-z0-9_.@=+,;:~-]*$")


class MediaError(Exception):
    """Base of the media port's domain errors."""


class MediaNotFound(MediaError):
    """No such object, or no such multipart upload."""


class UploadRejected(MediaError):
    """Storage refused an upload; `reason` says why (a stable word the edge can map)."""

    REASONS = ("content_type", "too_large", "part", "signature", "expired")

    def __init__(self, reason: str, detail: str = ""):
        assert reason in self.REASONS, reason
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


class Media(abc.ABC):
    """Object storage for video and images; uploads and downloads go around the app."""

    @abc.abstractmethod
    def presign_post(self, key: str, content_type: str, *, max_bytes: int | None = None,
                     expires_in: int = 900) -> dict:
        """A browser form POST ({"url", "fields"}; the file goes last) for one object."""

    @abc.abstractmethod
    def start_multipart(self, key: str, content_type: str) -> str:
        """Begin a resumable upload; returns its upload id."""

    @abc.abstractmethod
    def presign_part(self, key: str, upload_id: str, part_number: int, *, size: int,
                     expires_in: int = 3600) -> str:
        """A URL to PUT one part of exactly `size` bytes to (storage refuses a longer or a
        shorter body); the answer's ETag header names the part."""

    @abc.abstractmethod
    def list_parts(self, key: str, upload_id: str) -> list[dict]:
        """Parts stored so far, [{"part_number", "etag", "size"}] in order, to resume."""

    @abc.abstractmethod
    def complete_multipart(self, key: str, upload_id: str,
                           parts: list[dict] | None = None) -> None:
        """Join the parts ([{"part_number", "etag"}]; None: every stored part) into the object."""

    @abc.abstractmethod
    def abort_multipart(self, key: str, upload_id: str) -> None:
        """Drop an upload and its parts (an unknown upload is fine)."""

    @abc.abstractmethod
    def download_url(self, key: str, *, expires_in: int = 3600,
                     filename: str | None = None) -> str:
        """A GET URL that serves byte ranges; with a filename the browser saves the file."""

    @abc.abstractmethod
    def head(self, key: str) -> dict | None:
        """{"size", "content_type"} of an object, or None if absent."""

    @abc.abstractmethod
    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        """Write a small object (a thumbnail, a manifest)."""

    @abc.abstractmethod
    def get_bytes(self, key: str) -> bytes:
        """Read a small object whole; MediaNotFound if absent."""

    @abc.abstractmethod
    def upload_file(self, path: str | Path, key: str, content_type: str) -> None:
        """Write a local file (a worker's transcoded video) to an object."""

    @abc.abstractmethod
    def download_file(self, key: str, path: str | Path) -> None:
        """Copy an object to a local file for a worker; MediaNotFound if absent."""

    @abc.abstractmethod
    def delete(self, key: str) -> None:
        """Remove an object (absent is fine)."""


def check_key(key: str) -> str:
    """Refuse keys that could escape a directory or hide in the local adapter's dot-folders."""
    if not isinstance(key, str) or not 0 < len(key) <= 1024:
        raise ValueError("a media key is a string of 1..1024 characters")
    if not all(_KEY_SEGMENT.match(segment) for segment in key.split("/")):
        raise ValueError(f"not a valid media key: {key!r}")
    return key


def check_upload_type(content_type: str) -> str:
    """The content type if phones may upload it (parameters such as codecs are kept)."""
    base = content_type.split(";", 1)[0].strip().lower() if isinstance(content_type, str) else ""
    if base not in UPLOAD_TYPES or len(content_type) > 200 or not content_type.isprintable():
        raise UploadRejected("content_type", repr(content_type))
    return content_type


def check_part_number(part_number: int) -> int:
    if not isinstance(part_number, int) or not 1 <= part_number <= MAX_PARTS:
        raise UploadRejected("part", f"part numbers run 1..{MAX_PARTS}")
    return part_number


def check_part_size(size: int) -> int:
    if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= MAX_PART:
        raise UploadRejected("part", f"a part has 1..{MAX_PART} bytes")
    return size


def check_expires(expires_in: int) -> int:
    if not isinstance(expires_in, int) or not 1 <= expires_in <= MAX_EXPIRES:
        raise ValueError(f"expires_in must be 1..{MAX_EXPIRES} seconds")
    return expires_in


def upload_limit(max_bytes: int | None, adapter_max: int) -> int:
    """The size a presigned upload may reach: the caller's limit, never above the adapter's."""
    if max_bytes is not None and max_bytes < 1:
        raise ValueError("max_bytes must be positive")
    return min(max_bytes or adapter_max, adapter_max)


def plan_completion(stored: list[dict], wanted: list[dict] | None, max_bytes: int) -> list[dict]:
    """The stored parts to join, checked the way S3 checks them (and against the size limit)."""
    by_number = {p["part_number"]: p for p in stored}
    if wanted is None:
        chosen = sorted(stored, key=lambda p: p["part_number"])
    else:
        chosen = []
        for want in wanted:
            have = by_number.get(want.get("part_number"))
            if have is None or have["etag"].strip('"') != str(want.get("etag", "")).strip('"'):
                raise UploadRejected("part", f"part {want.get('part_number')} is not stored")
            chosen.append(have)
        numbers = [p["part_number"] for p in chosen]
        if numbers != sorted(set(numbers)):
            raise UploadRejected("part", "parts must be listed in ascending order, once each")
    if not chosen:
        raise UploadRejected("part", "no parts to join")
    if any(p["size"] < MIN_PART for p in chosen[:-1]):
        raise UploadRejected("part", f"every part but the last needs {MIN_PART} bytes")
    if sum(p["size"] for p in chosen) > max_bytes:
        raise UploadRejected("too_large", f"the upload is over {max_bytes} bytes")
    return chosen
