"""Demo videos for the seeds: a generated clip, uploaded through signed part URLs and
processed the real way (the news and stories seeds both use these)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .transcode.ffmpeg import find_ffmpeg
from .videos import service as videos


def clip(folder: Path, source: str, name: str, seconds: int = 6) -> Path:
    """A short clip of an ffmpeg test source (lavfi) with a tone: small, real enough to
    transcode. source: e.g. "color=c=0x2f7d4f:s=640x360" or "gradients=s=360x640"."""
    path = folder / f"demo-{name}.mp4"
    subprocess.run([find_ffmpeg(), "-v", "error", "-y",
                    "-f", "lavfi", "-i", source,
                    "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
                    "-t", str(seconds), "-r", "25", "-c:v", "libx264", "-preset", "ultrafast",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path)],
                   check=True, timeout=60)
    return path


def upload(app, user: dict, path: Path, upload: dict, now: int) -> dict:
    """Send the file's parts as a phone would, complete and process it: the settled video."""
    a = app.extensions["together"]
    data = path.read_bytes()
    client = app.test_client()
    for part in upload["parts"]:
        start = (part["part_number"] - 1) * upload["part_size"]
        response = client.put(part["url"], data=data[start:start + upload["part_size"]])
        if response.status_code != 200:
            raise RuntimeError(f"demo upload refused: {response.get_json()}")
    videos.complete_upload(a.store, a.media, user, upload["video_id"], now)
    video = videos.process(a.store, a.media, a.transcode, a.events, upload["video_id"], now)
    if video is None or video["status"] != "ready":
        raise RuntimeError(f"demo video did not process: {video}")
    return video
