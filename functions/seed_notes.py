"""Demo notes for `make run`: a campaign for Wuhan with notes on its wall, notes to the demo
employee, and a small blocked-words list; written through the services, once."""

from __future__ import annotations

from .directory.service import get_employee
from .moderation import words
from .notes import campaigns
from .notes import service as notes

MARKER = ("SEED#demo-notes", "#")
HR = "E0003"
WUHAN = {"kind": "site", "site": "Wuhan"}
CAMPAIGN = {
    "title": {"en": "Messages for our colleagues in Hubei", "zh-CN": "致湖北的同事们"},
    "intro": {"en": "Our colleagues in Wuhan are working through hard weeks. Tell them we are "
                    "with them.",
              "zh-CN": "武汉的同事们正在经历艰难的日子，告诉他们我们与他们同在。"},
    "audience": WUHAN,
}
# (author, text, anonymous) on the campaign's wall
WALL = [
    ("E0003", "Stay strong, Wuhan! The whole Singapore team is thinking of you.", False),
    ("E0002", "武汉加油！杭州的同事们一直在你们身边。", False),
    ("E0006", "Thank you for keeping our stores and warehouses running. We are proud of you.",
     False),
    ("E0017", "等春暖花开，我们一起去看樱花 🌸", False),
    ("E0008", "Sending you strength from the Logistics planning team 💪", False),
    ("E0021", "You are not alone. 加油!", True),
]
# (author, text, anonymous) to the demo employee (E0001, employee@example.com)
PERSONAL = [
    ("E0002", "Li Na, thank you for covering the early shifts this week. 谢谢你！", False),
    ("E0012", "Your message to the store team made my day. Take care!", True),
]
BLOCKED = [{"word": "idiot", "lang": "en"}, {"word": "stupid", "lang": "en"},
           {"word": "法轮功", "lang": "zh-CN"}, {"word": "傻逼", "lang": "zh-CN"}]


def seed_demo_notes(app, now: int) -> bool:
    """Write the demo notes once per data directory; True if it did."""
    store = app.extensions["together"].store
    if store.get(*MARKER):
        return False
    hr = get_employee(store, HR)
    words.save(store, hr, BLOCKED, now)
    campaign = campaigns.create(store, hr, {**CAMPAIGN, "opens_at": now - 86400}, now)
    for offset, (author, text, anonymous) in enumerate(WALL):
        notes.write(store, get_employee(store, author),
                    {"text": text, "anonymous": anonymous, "campaign_id": campaign["id"]},
                    now - 3600 + offset * 60)
    for offset, (author, text, anonymous) in enumerate(PERSONAL):
        notes.write(store, get_employee(store, author),
                    {"text": text, "anonymous": anonymous,
                     "audience": {"kind": "person", "person": "E0001"}},
                    now - 1800 + offset * 60)
    store.put({"pk": MARKER[0], "sk": MARKER[1]})
    return True
