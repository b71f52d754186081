"""Where live events, their answers, song slots and reminders live in the store (every key)."""

from __future__ import annotations

from ..audiences import keys as audiences

SK = "EVENT"
DUE_PK = "EVENTDUE"  # reminders: sk <at %010d>#<event id>#<stage>, taken once by the schedule
LOWEST, TOP = "0000000000", f"{'9' * 10}$"


def event_key(event_id: str) -> tuple[str, str]:
    return f"EVENT#{event_id}", SK


def rsvp_key(event_id: str, employee_id: str) -> tuple[str, str]:
    return f"EVENT#{event_id}", f"RSVP#{employee_id}"


def slot_key(event_id: str, employee_id: str) -> tuple[str, str]:
    """One song slot per person per event: the key says so."""
    return f"EVENT#{event_id}", f"SLOT#{employee_id}"


def sort_key(event: dict) -> str:
    """Orders an audience's events by start; the ULID breaks ties."""
    return f"{event['starts_at']:010d}#{event['id']}"


def feed_pk(audience_key: str) -> str:
    """gsi1 partition of the events for one audience key."""
    return f"EVENTS#{audience_key}"


def creator_pk(employee_id: str) -> str:
    """gsi2 partition of the events one person created (any state)."""
    return f"EVENTSBY#{employee_id}"


def going_pk(event_id: str) -> str:
    """gsi1 partition of the people going to an event (sk: their name, then id)."""
    return f"GOING#{event_id}"


def reader_keys(person: dict) -> list[str]:
    """Every audience key whose events reach the person."""
    return list(audiences.of_person(person).values())


def due_sk(at: int, event_id: str, stage: str) -> str:
    return f"{at:010d}#{event_id}#{stage}"
