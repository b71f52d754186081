"""Where check-in items live in the store (docs/checkins.md lists them)."""

from __future__ import annotations

SK = "CHK"
DUE_PK = "CHKDUE"  # escalation waves and retirement: sk <due %010d>#<id>#<stage>
GROUP = "G#"  # a check-in's counters per site and unit: sk G#SITE#<site> | G#UNIT#<unit>
ANSWERS = ("safe", "need_help", "not_affected")
KEEP_AFTER_CLOSE_S = 30 * 86400


def checkin_key(checkin_id: str) -> tuple[str, str]:
    return f"CHK#{checkin_id}", SK


def list_pk(state: str) -> str:
    """gsi2: the check-ins of one state (open | closed), newest first."""
    return f"CHKS#{state}"


def started_sort(checkin: dict) -> str:
    return f"{checkin['started_at']:010d}#{checkin['id']}"


def group_sk(kind: str, name: str) -> str:
    """A counter row of the live view: kind "site" or "unit"."""
    return f"{GROUP}{kind.upper()}#{name}"


def latest_key(checkin_id: str, employee_id: str) -> tuple[str, str]:
    """The person's answer that counts (the latest)."""
    return f"CHK#{checkin_id}", f"A#{employee_id}"


def history_key(checkin_id: str, employee_id: str, at: int, answer_id: str) -> tuple[str, str]:
    """Every answer the person gave, kept beside the latest."""
    return f"CHK#{checkin_id}", f"H#{employee_id}#{at:010d}#{answer_id}"


def answered_pk(checkin_id: str, answer: str) -> str:
    """gsi1: the latest answers of one kind (need_help first in HR's list)."""
    return f"CHKANS#{checkin_id}#{answer}"


def case_key(checkin_id: str, employee_id: str) -> tuple[str, str]:
    return f"CHK#{checkin_id}", f"C#{employee_id}"


def link_key(digest: str) -> tuple[str, str]:
    """A one-time email link, by the SHA-256 of its token (the token itself is never stored)."""
    return f"CHKLINK#{digest}", "#"


def due_sk(due: int, checkin_id: str, stage: str) -> str:
    return f"{due:010d}#{checkin_id}#{stage}"
