"""A demo check-in for `make run`: last week's fire drill for Wuhan, answered and closed, so
HR's list of check-ins is not empty; written through the services, once."""

from __future__ import annotations

from .checkins import answers, people, service
from .directory.service import get_employee
from .events import Bus

MARKER = ("SEED#demo-checkins", "#")
HR = "E0003"
DRILL = {"question": {"en": "Fire drill: are you safe?", "zh-CN": "消防演练：你安全吗？"},
         "audience": {"kind": "site", "site": "Wuhan"}, "drill": True,
         "note": "Building B, assembly point at the north gate.",
         "remind_after_s": 900, "email_after_s": 3600}
# (employee, answer, note, channel)
ANSWERS = [("E0001", "safe", "", "app"), ("E0004", "safe", "", "notification"),
           ("E0005", "safe", "", "notification"), ("E0007", "not_affected", "", "inbox"),
           ("E0009", "safe", "", "app"), ("E0011", "safe", "", "app"),
           ("E0013", "safe", "", "email"), ("E0015", "need_help",
                                            "Twisted my ankle on the stairs.", "app"),
           ("E0022", "safe", "", "notification"), ("E0024", "not_affected", "", "app"),
           ("E0026", "safe", "", "app"), ("E0028", "safe", "", "notification")]


def seed_demo_checkins(app, now: int) -> bool:
    """Write the demo drill once per data directory; True if it did."""
    store = app.extensions["together"].store
    if store.get(*MARKER):
        return False
    hr = get_employee(store, HR)
    started = now - 7 * 86400
    # A bus with no one listening: a drill of last week pushes nothing to today's phones.
    checkin = service.start(store, Bus(), hr, DRILL, started)
    for offset, (employee, answer, note, channel) in enumerate(ANSWERS):
        answers.record(store, checkin["id"], get_employee(store, employee),
                       {"answer": answer, "note": note}, channel, started + 60 + offset * 45)
    people.set_case(store, hr, checkin["id"], "E0015",
                    {"status": "resolved", "note": "Called her; a colleague drove her home."},
                    started + 1200)
    service.close(store, hr, checkin["id"], started + 3600)
    store.put({"pk": MARKER[0], "sk": MARKER[1]})
    return True
