"""Video clips for the news tests, made with ffmpeg (imageio-ffmpeg's static build)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import imageio_ffmpeg

PART_SIZE = 8 * 1024 * 1024  # the API's (functions/videos/service.py)


def ffmpeg(*args: str) -> None:
    command = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-nostdin", "-y",
               "-loglevel", "error", *args]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def grainy_clip(folder: Path, seconds: int) -> Path:
    """About 7.8 MB a second: a colour test card under heavy grain, encoded losslessly.

    Grain does not compress, so a short clip is big enough to need several parts, ffmpeg makes
    it in about a second, and the app's own ffmpeg transcodes it in a few.
    """
    path = folder / f"grainy-{seconds}s.mp4"
    if not path.exists():
        ffmpeg("-f", "lavfi", "-i", "testsrc2=s=640x360:r=25",
               "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
               "-vf", "noise=alls=20:allf=t", "-t", str(seconds), "-shortest",
               "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p",
               "-c:a", "aac", "-movflags", "+faststart", str(path))
    return path


def six_part_clip(folder: Path) -> Path:
    """About 46 MB in 6 s: six parts of 8 MiB, the last one short."""
    path = grainy_clip(folder, 6)
    size = path.stat().st_size
    assert 5 * PART_SIZE < size <= 6 * PART_SIZE, f"{size} bytes is not six parts"
    return path


def short_clip(folder: Path) -> Path:
    """Two seconds of a test card with a tone: one part, processed in a second or two."""
    path = folder / "short.mp4"
    if not path.exists():
        ffmpeg("-f", "lavfi", "-i", "testsrc2=s=320x180:r=25",
               "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=44100", "-t", "2", "-shortest",
               "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
               str(path))
    return path


def not_a_video(folder: Path) -> Path:
    """Text in a file named like a video: the upload works, processing says what is wrong."""
    path = folder / "minutes.mp4"
    path.write_text("Minutes of the Monday meeting.\n" * 200, encoding="utf-8")
    return path


def parts_of(size: int) -> list[int]:
    """The size of each part of an upload of `size` bytes."""
    count = max(1, -(-size // PART_SIZE))
    return [PART_SIZE] * (count - 1) + [size - PART_SIZE * (count - 1)]
