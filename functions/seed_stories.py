"""Demo workday stories for `make run`: filmed clips uploaded, processed and released the real
way, one featured on Home, and one still waiting for Retail's editor."""

from __future__ import annotations

import tempfile
from pathlib import Path

from . import seed_videos
from .directory.service import get_employee
from .stories import feed, moderation
from .stories import service as stories

MARKER = ("SEED#demo-stories", "#")
MODERATOR = "E0003"  # HR
# (author id, the clip's picture, caption language, caption, tags, released, featured)
STORIES = [
    ("E0011", "gradients=s=360x640:c0=0xb8472f:c1=0x1d1714:n=2", "en",
     "Night shift at the Wuhan warehouse: every parcel of masks checked twice.",
     ["front_line"], True, False),
    ("E0010", "gradients=s=360x640:c0=0x2f7d4f:c1=0xf2c14e:n=2", "en",
     "My office this month is the kitchen table. The cat runs the stand-ups.",
     ["wfh", "family"], True, False),
    ("E0001", "testsrc2=s=360x640", "en",
     "Morning at the Wuhan store: masks on, doors open, customers smiling behind theirs.",
     ["front_line"], True, True),
    ("E0009", "cellauto=s=360x640:rule=110", "zh-CN",
     "和孩子一起在家上班的一天：他上网课，我开视频会。",
     ["wfh", "family"], False, False),
]


def seed_demo_stories(app, now: int) -> bool:
    """Make the demo stories once per data directory; True if it did."""
    a = app.extensions["together"]
    if a.store.get(*MARKER):
        return False
    hr = get_employee(a.store, MODERATOR)
    with tempfile.TemporaryDirectory(prefix="together-demo-") as tmp:
        for n, (author, picture, lang, caption, tags, released, featured) in enumerate(STORIES):
            user = get_employee(a.store, author)
            clip = seed_videos.clip(Path(tmp), picture, f"story-{n}", seconds=5)
            story, upload = stories.create(a.store, a.media, user, {
                "caption": caption, "caption_lang": lang, "tags": tags, "filename": clip.name,
                "content_type": "video/mp4", "size": clip.stat().st_size}, now + n)
            seed_videos.upload(app, user, clip, upload, now + n)
            if released:
                moderation.release(a.store, hr, story["id"], now + n)
            if featured:
                feed.feature(a.store, hr, story["id"], now + n)
    a.store.put({"pk": MARKER[0], "sk": MARKER[1]})
    return True
