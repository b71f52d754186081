"""ffmpeg adapter of the transcode port: the embedded worker, in-line, on this machine."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..media.port import MediaNotFound
from .port import (
    POSTER_HEIGHT,
    RENDITIONS,
    Job,
    Outcome,
    Output,
    TranscodeError,
    Transcoder,
    rendition_key,
)

log = logging.getLogger(__name__)
# Containers phones record in; anything else ffmpeg can open (a text file opens as "tty"
# video, a JPEG as "image2") is not a video for us.
CONTAINERS = {"mov", "mp4", "matroska", "webm"}
MP4_BOXES = {b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"  # Matroska and WebM
TIMEOUT_S = 30 * 60
NICENESS = 10  # added to the server's own: see _yield_to_requests
_INPUT = re.compile(r"^Input #0, (.+?), from ", re.M)
_DURATION = re.compile(r"Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)")
_VIDEO = re.compile(r"Stream #0:\d+.*?: Video: (\w+)(?!.*attached pic).*?[ ,](\d{2,5})x(\d{2,5})"
                    r"(?![0-9a-f])")
_AUDIO = re.compile(r"Stream #0:\d+.*?: Audio: ")
_TIME = re.compile(r"time=(\d+):(\d\d):(\d\d(?:\.\d+)?)")


def find_ffmpeg() -> str:
    """imageio-ffmpeg's static build (libx264 + AAC), else an ffmpeg on PATH."""
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        found = shutil.which("ffmpeg")
        if found:
            return found
    raise TranscodeError("No ffmpeg: pip install imageio-ffmpeg (requirements-run.txt), "
                         "or apt-get install ffmpeg")


@dataclass(frozen=True)
class Probe:
    """What ffmpeg says a file holds."""

    containers: frozenset
    duration_s: float | None
    video: tuple[str, int, int] | None  # codec, width, height
    audio: bool


def _seconds(match) -> float:
    hours, minutes, seconds = match.groups()
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def parse_probe(text: str) -> Probe | None:
    """ffmpeg's description of its input (stderr of `ffmpeg -i FILE`); None if it opened none."""
    header = _INPUT.search(text)
    if header is None:
        return None
    duration = _DURATION.search(text)
    video = _VIDEO.search(text)
    return Probe(frozenset(header.group(1).split(",")), _seconds(duration) if duration else None,
                 (video.group(1), int(video.group(2)), int(video.group(3))) if video else None,
                 bool(_AUDIO.search(text)))


def looks_like_video(head: bytes) -> bool:
    """A container signature phones write: then a file ffmpeg cannot open is damaged."""
    return head[:4] == EBML_MAGIC or head[4:8] in MP4_BOXES


def _even_height(limit: int) -> str:
    # Never upscale; H.264 in 4:2:0 needs even sizes. The quotes keep the comma in min().
    return f"scale=-2:'2*trunc(min({limit},ih)/2)',setsar=1"


class FfmpegTranscoder(Transcoder):
    """Downloads the original, runs ffmpeg here, uploads the outputs: Outcome at once."""

    def __init__(self, media, *, ffmpeg: str | None = None, preset: str = "veryfast"):
        self.media = media
        self.preset = preset
        self._ffmpeg = ffmpeg

    @property
    def ffmpeg(self) -> str:
        if self._ffmpeg is None:
            self._ffmpeg = find_ffmpeg()
        return self._ffmpeg

    def submit(self, job: Job) -> Outcome:
        with tempfile.TemporaryDirectory(prefix="together-transcode-") as tmp:
            source = Path(tmp) / "original"
            try:
                self.media.download_file(job.source_key, source)
            except MediaNotFound:
                return Outcome.failed(job.video_id, "internal", f"{job.source_key} is missing")
            return self._transcode(job, source, Path(tmp))

    def outcome_of(self, event: dict) -> None:
        return None  # ffmpeg finishes inside submit(); it sends no completion events

    def probe(self, path: Path) -> Probe | None:
        return parse_probe(self._run("-i", str(path), loglevel="info").stderr)

    def _transcode(self, job: Job, source: Path, tmp: Path) -> Outcome:
        probe = self.probe(source)
        if probe is None:
            with source.open("rb") as fh:
                reason = "damaged" if looks_like_video(fh.read(12)) else "not_video"
            return Outcome.failed(job.video_id, reason, "ffmpeg could not open the file")
        if not probe.containers & CONTAINERS or probe.video is None:
            return Outcome.failed(job.video_id, "not_video",
                                  f"{','.join(sorted(probe.containers))}, video {probe.video}")
        duration = probe.duration_s or self._measure(source)
        if duration is None:
            return Outcome.failed(job.video_id, "damaged", "no duration, no packets")
        if duration > job.max_duration_s:
            return Outcome.failed(job.video_id, "too_long", f"{duration:.1f} s")
        encoded = self._run(*self._encode_args(source, tmp))
        if encoded.returncode != 0:
            return Outcome.failed(job.video_id, "damaged", encoded.stderr[-2000:])
        poster = self._run("-ss", f"{min(1.0, duration / 3):.3f}", "-i", str(source),
                           "-frames:v", "1", "-vf", _even_height(POSTER_HEIGHT), "-q:v", "3",
                           str(tmp / "poster.jpg"))
        if poster.returncode != 0 or not (tmp / "poster.jpg").exists():
            return Outcome.failed(job.video_id, "damaged", poster.stderr[-2000:])
        return self._publish(job, tmp, duration)

    def _measure(self, source: Path) -> float | None:
        """The duration of a file whose header lacks it (MediaRecorder's WebM): read it all."""
        copied = self._run("-i", str(source), "-map", "0:v:0", "-c", "copy", "-f", "null", "-",
                           loglevel="info")
        times = list(_TIME.finditer(copied.stderr))
        return _seconds(times[-1]) if times else None

    def _encode_args(self, source: Path, tmp: Path) -> list[str]:
        count = len(RENDITIONS)
        split = f"[0:v:0]split={count}" + "".join(f"[s{i}]" for i in range(count))
        scaled = ";".join(f"[s{i}]{_even_height(r.height)}[v{i}]" for i, r in enumerate(RENDITIONS))
        args = ["-i", str(source), "-filter_complex", f"{split};{scaled}"]
        for i, r in enumerate(RENDITIONS):
            args += ["-map", f"[v{i}]", "-map", "0:a:0?", "-c:v", "libx264", "-preset", self.preset,
                     "-profile:v", "main", "-crf", "23", "-maxrate", f"{r.video_kbps}k",
                     "-bufsize", f"{2 * r.video_kbps}k", "-pix_fmt", "yuv420p", "-fpsmax", "30",
                     "-c:a", "aac", "-b:a", f"{r.audio_kbps}k", "-ac", "2",
                     "-movflags", "+faststart", str(tmp / f"{r.name}.mp4")]
        return args

    def _publish(self, job: Job, tmp: Path, duration: float) -> Outcome:
        """Upload the outputs under the job's prefix; their sizes come from the files made."""
        renditions = {}
        for r in RENDITIONS:
            made = self.probe(tmp / f"{r.name}.mp4")
            if made is None or made.video is None:
                return Outcome.failed(job.video_id, "internal", f"{r.name} is not readable")
            key = rendition_key(job.output_prefix, r.name)
            self.media.upload_file(tmp / f"{r.name}.mp4", key, "video/mp4")
            renditions[r.name] = Output(key, made.video[1], made.video[2])
        poster = self.probe(tmp / "poster.jpg")
        poster_key = f"{job.output_prefix}video-poster.jpg"
        self.media.upload_file(tmp / "poster.jpg", poster_key, "image/jpeg")
        width, height = (poster.video[1], poster.video[2]) if poster and poster.video else (0, 0)
        return Outcome(job.video_id, duration_s=round(duration, 3), renditions=renditions,
                       poster=Output(poster_key, width, height))

    def _run(self, *args: str, loglevel: str = "error") -> subprocess.CompletedProcess:
        command = [self.ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", loglevel, *args]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, errors="replace") as process:
            _yield_to_requests(process.pid)
            try:
                out, err = process.communicate(timeout=TIMEOUT_S)
            except subprocess.TimeoutExpired as exc:
                process.kill()
                process.communicate()
                raise TranscodeError(f"ffmpeg ran longer than {TIMEOUT_S} s") from exc
        return subprocess.CompletedProcess(command, process.returncode, out, err)


def _yield_to_requests(pid: int) -> None:
    """Runs ffmpeg at a lower priority than the server that started it.

    On one machine the encoder would otherwise take every core, and a guard's scan or an
    employee's page would wait behind a video: requests come first, the video a little later.
    """
    if not hasattr(os, "setpriority"):  # Windows
        return
    try:
        os.setpriority(os.PRIO_PROCESS, pid, NICENESS)
    except ProcessLookupError:
        pass  # it has already finished (a probe of a tiny file)
