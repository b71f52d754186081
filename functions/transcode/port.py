"""The transcode port: an uploaded original in, H.264/AAC MP4 renditions and a poster out."""

from __future__ import annotations

import abc
from dataclasses import dataclass, field

# Why a video could not be processed; each has a message for people (videos_failed_<reason>).
REASONS = ("not_video", "too_long", "damaged", "internal")


@dataclass(frozen=True)
class Rendition:
    """One output the player can pick by connection: a height and the bitrates to aim for."""

    name: str
    height: int
    video_kbps: int
    audio_kbps: int


# The phone plays 720p on good networks and 360p on poor ones; both are MP4 with faststart.
RENDITIONS = (Rendition("720p", 720, 2500, 128), Rendition("360p", 360, 700, 64))
POSTER_HEIGHT = 720


def rendition_key(prefix: str, name: str) -> str:
    """Where a rendition goes: the same key whichever adapter made it."""
    return f"{prefix}video-{name}.mp4"


@dataclass(frozen=True)
class Job:
    """What to transcode: the original's media key, and where the outputs go."""

    video_id: str
    source_key: str
    output_prefix: str  # "videos/<id>/": renditions and the poster are written under it
    max_duration_s: float
    attempt: int = 1  # a retry is a new job (MediaConvert keys its idempotency on it)


@dataclass(frozen=True)
class Output:
    """A file the job wrote, with its pixel size as played (after rotation)."""

    key: str
    width: int
    height: int


@dataclass(frozen=True)
class Outcome:
    """How a job ended: the outputs and what they measure, or a reason from REASONS."""

    video_id: str
    reason: str | None = None  # None: it worked
    detail: str = ""  # for the log, never for people (it may quote the tool's own words)
    duration_s: float | None = None
    renditions: dict[str, Output] = field(default_factory=dict)  # by Rendition.name
    poster: Output | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None

    @classmethod
    def failed(cls, video_id: str, reason: str, detail: str = "") -> Outcome:
        assert reason in REASONS, reason
        return cls(video_id, reason=reason, detail=detail)

    def keys(self) -> list[str]:
        """Every object the job wrote (to clean up after a video that was deleted meanwhile)."""
        outputs = [*self.renditions.values(), *([self.poster] if self.poster else [])]
        return [o.key for o in outputs]


class TranscodeError(Exception):
    """The transcoder could not even start (a missing tool or setting); not the video's fault."""


class Transcoder(abc.ABC):
    """Turns an original into the renditions of RENDITIONS and a poster JPEG."""

    @abc.abstractmethod
    def submit(self, job: Job) -> Outcome | None:
        """Start the job. An adapter that works in-line (ffmpeg) returns the Outcome; one that
        works elsewhere (MediaConvert) returns None, and its completion event carries it."""

    @abc.abstractmethod
    def outcome_of(self, event: dict) -> Outcome | None:
        """The Outcome a completion event reports, or None if the event is not the end of one of
        our jobs (progress events, other applications' jobs, an adapter that sends none)."""
