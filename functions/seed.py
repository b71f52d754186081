"""Demo data for the embedded server: the directory in infra/, imported once."""

from __future__ import annotations

from .config import REPO_ROOT
from .directory.service import import_csv

DEMO_CSV = REPO_ROOT / "infra" / "demo-directory.csv"
DEMO_ACCOUNTS = {
    "employee@example.com": "employee (Retail, Wuhan)",
    "editor@example.com": "editor of Retail",
    "hr@example.com": "HR",
    "health@example.com": "health officer",
    "guard@example.com": "guard (Wuhan)",
    "admin@example.com": "admin",
    "daniel.tan@example.com": "safety operator (Wuhan)",
}
MARKER = ("SEED#demo", "#")
# 2: profiles counted in the audience sizes; 3: phones and a safety operator (an older seed is
# imported again)
SEED_VERSION = 3


def seed_demo(app) -> bool:
    """Import the demo directory unless this data directory has it already; True if seeded."""
    store = app.extensions["together"].store
    marker = store.get(*MARKER)
    if marker and marker.get("version", 1) >= SEED_VERSION:
        return False
    import_csv(store, DEMO_CSV.read_text(encoding="utf-8"))
    store.put({"pk": MARKER[0], "sk": MARKER[1], "source": DEMO_CSV.name,
               "version": SEED_VERSION})
    return True
