"""Demo live events and tips for `make run`: a karaoke night tomorrow for the whole company,
a town hall with the leadership, and a handful of bilingual tips; written through the services,
once per data directory."""

from __future__ import annotations

from .directory.service import get_employee
from .live_events import events
from .tips import service as tips

MARKER = ("SEED#demo-events", "#")
HR, ADMIN = "E0003", "E0006"
DAY, HOUR = 86400, 3600
COMPANY = {"kind": "company"}
KARAOKE = {
    "kind": "karaoke", "title": {"en": "Karaoke night with the leadership team",
                                 "zh-CN": "与管理层的线上卡拉OK之夜"},
    "description": {"en": "Sign up for a song, or just come and cheer. Our leaders open the "
                          "night.",
                    "zh-CN": "报名唱一首歌，或者来为大家加油。管理层将为今晚开场。"},
    "join_url": "https://meeting.dingtalk.com/j/together-karaoke", "audience": COMPANY,
    "capacity": None, "host_ids": [HR, ADMIN],
}
TOWN_HALL = {
    "kind": "town_hall", "title": {"en": "Town hall: how we get through the next weeks",
                                   "zh-CN": "全员大会：我们如何度过接下来的几周"},
    "description": {"en": "The leadership team answers your questions. Send them in advance "
                          "or ask live.",
                    "zh-CN": "管理层回答大家的问题。可以提前提交，也可以现场提问。"},
    "join_url": "https://zoom.us/j/5550001111", "audience": COMPANY, "capacity": None,
    "host_ids": [ADMIN],
}
# (kind, tags, title en, title zh-CN, body en, body zh-CN)
TIPS = [
    ("guide", ["wfh"], "Working from home: set up a corner that is only for work",
     "在家办公：布置一个只用来工作的角落",
     "Keep the same start time every day, dress as if you were going out, and close the "
     "laptop when the day ends.",
     "每天按时开始工作，像出门一样换好衣服，下班时合上电脑。"),
    ("poster", ["time"], "Time management: plan the day in blocks",
     "时间管理：把一天分成几个时间块",
     "Three blocks of focused work, short breaks between them, and meetings grouped together.",
     "安排三段专注工作的时间，中间短暂休息，把会议集中在一起。"),
    ("guide", ["health"], "Staying healthy: move every hour",
     "保持健康：每小时动一动",
     "Stand up, stretch and drink water every hour. A short walk at lunch clears the head.",
     "每小时站起来伸展一下，喝点水。午饭后散步一会儿，头脑会更清醒。"),
    ("guide", ["family"], "Looking after family: a call a day",
     "照顾家人：每天一个电话",
     "Call parents and grandparents every day; check they have masks, food and medicine.",
     "每天给父母和祖父母打个电话，确认他们有口罩、食物和药品。"),
    ("poster", ["health", "wfh"], "Washing hands: twenty seconds, every time",
     "洗手：每次二十秒",
     "Soap, twenty seconds, and between the fingers. Before eating and after coming home.",
     "用肥皂洗二十秒，别忘了指缝。饭前和回家后都要洗手。"),
    ("guide", ["family", "wfh"], "Working with children at home",
     "孩子在家时如何工作",
     "Share the plan for the day with them, and take your breaks when they take theirs.",
     "和孩子一起制定一天的计划，在他们休息时你也休息。"),
]


def _at(now: int, days: int, hour_utc: int) -> int:
    """An instant `days` from today at hour_utc o'clock UTC."""
    return (now // DAY + days) * DAY + hour_utc * HOUR


def seed_demo_events(app, now: int) -> bool:
    """Write the demo events and tips once per data directory; True if it did."""
    store = app.extensions["together"].store
    if store.get(*MARKER):
        return False
    hr, admin = get_employee(store, HR), get_employee(store, ADMIN)
    karaoke = _at(now, 1, 12)  # 20:00 in Beijing, tomorrow
    events.create(store, hr, {**KARAOKE, "starts_at": karaoke, "ends_at": karaoke + 2 * HOUR},
                  now)
    town_hall = _at(now, 3, 2)  # 10:00 in Beijing
    events.create(store, admin, {**TOWN_HALL, "starts_at": town_hall,
                                 "ends_at": town_hall + HOUR}, now)
    for offset, (kind, tags, en, zh, body_en, body_zh) in enumerate(TIPS):
        tips.publish(store, None, hr, {"kind": kind, "tags": tags, "title": {"en": en, "zh-CN": zh},
                                       "body": {"en": body_en, "zh-CN": body_zh}},
                     now - (len(TIPS) - offset) * 60)
    store.put({"pk": MARKER[0], "sk": MARKER[1]})
    return True
