"""Demo news for `make run`: two short generated clips, uploaded and published the real way."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from .directory.service import get_employee
from .news import service as news
from .transcode.ffmpeg import find_ffmpeg
from .videos import service as videos

MARKER = ("SEED#demo-news", "#")
# (author id, clip colour, audience, pinned, must acknowledge, title, text)
ITEMS = [
    ("E0003", "0x2f7d4f", {"kind": "company"}, True, False,
     {"en": "A message from our leaders: we are in this together",
      "zh-CN": "管理层寄语：我们同舟共济"},
     {"en": "Thank you to every colleague keeping our customers and each other safe.",
      "zh-CN": "感谢每一位守护客户、守护彼此的同事。"}),
    ("E0002", "0xb8472f", {"kind": "unit", "unit": "Retail"}, False, True,
     {"en": "Retail daily: stores reopen on Monday", "zh-CN": "零售日报：门店周一恢复营业"},
     {"en": "Masks, temperature checks and the new opening hours, in two minutes.",
      "zh-CN": "两分钟了解口罩、测温和新的营业时间。"}),
]


def _clip(folder: Path, colour: str) -> Path:
    """A 6-second 640x360 clip with a tone: small, and real enough to transcode."""
    path = folder / f"demo-{colour[2:]}.mp4"
    subprocess.run([find_ffmpeg(), "-v", "error", "-y",
                    "-f", "lavfi", "-i", f"color=c={colour}:s=640x360:d=6:r=25",
                    "-f", "lavfi", "-i", "sine=frequency=440:duration=6",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-shortest", str(path)],
                   check=True, timeout=60)
    return path


def _upload(app, user: dict, path: Path, now: int) -> str:
    """Upload through the signed part URLs, as a phone would; returns the processed video id."""
    a = app.extensions["together"]
    data = path.read_bytes()
    upload = videos.create_upload(a.store, a.media, user, path.name, "video/mp4", len(data), now,
                                  a.config.upload_max_bytes)
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
    return video["video_id"]


def seed_demo_news(app, now: int) -> bool:
    """Publish the demo news once per data directory; True if it did."""
    store = app.extensions["together"].store
    if store.get(*MARKER):
        return False
    with tempfile.TemporaryDirectory(prefix="together-demo-") as tmp:
        for author, colour, audience, pinned, ack, title, text in ITEMS:
            user = get_employee(store, author)
            video_id = _upload(app, user, _clip(Path(tmp), colour), now)
            news.publish(store, user, {"title": title, "text": text, "video_id": video_id,
                                       "audience": audience, "pinned": pinned,
                                       "must_acknowledge": ack}, now)
    store.put({"pk": MARKER[0], "sk": MARKER[1]})
    return True
