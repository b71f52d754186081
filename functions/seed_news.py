"""Demo news for `make run`: two short generated clips, uploaded and published the real way."""

from __future__ import annotations

import tempfile
from pathlib import Path

from . import seed_videos
from .directory.service import get_employee
from .news import service as news
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


def _upload(app, user: dict, path: Path, now: int) -> str:
    """A processed video of the file, uploaded as its author: its id."""
    a = app.extensions["together"]
    upload = videos.create_upload(a.store, a.media, user, path.name, "video/mp4",
                                  path.stat().st_size, now, a.config.upload_max_bytes)
    return seed_videos.upload(app, user, path, upload, now)["video_id"]


def seed_demo_news(app, now: int) -> bool:
    """Publish the demo news once per data directory; True if it did."""
    store = app.extensions["together"].store
    if store.get(*MARKER):
        return False
    with tempfile.TemporaryDirectory(prefix="together-demo-") as tmp:
        for author, colour, audience, pinned, ack, title, text in ITEMS:
            user = get_employee(store, author)
            clip = seed_videos.clip(Path(tmp), f"color=c={colour}:s=640x360", colour[2:])
            video_id = _upload(app, user, clip, now)
            news.publish(store, user, {"title": title, "text": text, "video_id": video_id,
                                       "audience": audience, "pinned": pinned,
                                       "must_acknowledge": ack}, now)
    store.put({"pk": MARKER[0], "sk": MARKER[1]})
    return True
