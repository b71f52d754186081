"""Where notes, their cheers and their walls live in the store (one place for every key)."""

from __future__ import annotations

from ..audiences import keys as audiences

SK = "NOTE"
LOWEST = "0000000000"


def note_key(note_id: str) -> tuple[str, str]:
    return f"NOTE#{note_id}", SK


def cheer_key(note_id: str, employee_id: str) -> tuple[str, str]:
    return f"NOTE#{note_id}", f"CHEER#{employee_id}"


def sort_key(note: dict) -> str:
    """Orders a partition by writing time; the ULID breaks ties."""
    return f"{note['created_at']:010d}#{note['id']}"


def audience_key(audience: dict) -> str:
    """The one key a note is stored under: a person's own, or the audience's."""
    if audience["kind"] == "person":
        return audiences.person_key(audience["person"])
    return audiences.key(audience)


def feed_pk(key: str) -> str:
    """gsi1 partition of the published notes to one audience key."""
    return f"NOTES#{key}"


def author_pk(employee_id: str) -> str:
    """gsi2 partition of everything one person wrote (any status)."""
    return f"NOTESBY#{employee_id}"


def wall_pk(campaign_id: str) -> str:
    """A campaign's wall: one pointer per published note (sk: the note's sort key)."""
    return f"WALL#{campaign_id}"


def reader_keys(person: dict) -> list[str]:
    """Every key whose notes reach the person: company, unit, department, site, their own."""
    return [*audiences.of_person(person).values(), audiences.person_key(person["id"])]
