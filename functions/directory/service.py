"""The company directory: employees, their audiences and roles, imported from HR's CSV."""

from __future__ import annotations

import csv
import io
import secrets
import time
from dataclasses import dataclass

from marshmallow import ValidationError

from .. import permissions
from ..audiences import sizes
from ..errors import Conflict, Invalid
from ..i18n import t
from ..store import Condition, ConditionFailed, Delete, Put
from . import changes, search
from .schemas import EmployeeRowSchema

PROFILE = "PROFILE"
REQUIRED_COLUMNS = ("id", "name", "email", "business_unit", "department", "site", "region")
FIELDS = ("id", "name", "email", "business_unit", "department", "site", "region", "language",
          "photo_url", "phone", "roles", "editor_units")


def employee_key(employee_id: str) -> tuple[str, str]:
    return f"EMP#{employee_id}", PROFILE


def email_key(email: str) -> tuple[str, str]:
    return f"EMAIL#{email}", "#"


def get_employee(store, employee_id: str) -> dict | None:
    item = store.get(*employee_key(employee_id))
    return {k: item.get(k) for k in FIELDS} if item else None


def set_language(store, employee_id: str, language: str) -> dict:
    """Keep a person's chosen language (the next directory import may set it again)."""
    item = store.update(*employee_key(employee_id), set={"language": language},
                        condition=Condition.present())
    return {k: item.get(k) for k in FIELDS}


def find_by_email(store, email: str) -> dict | None:
    pointer = store.get(*email_key(email.strip().lower()))
    return get_employee(store, pointer["employee_id"]) if pointer else None


def list_employees(store, *, unit: str | None = None, site: str | None = None, limit: int = 50,
                   cursor: str | None = None):
    """Employees of one unit (gsi1) or one site (gsi2), by name."""
    index, pk = ("gsi1", f"UNIT#{unit}") if unit else ("gsi2", f"SITE#{site}")
    page = store.query(pk, index=index, limit=limit, cursor=cursor)
    return [{k: i.get(k) for k in FIELDS} for i in page.items], page.cursor


def _item(row: dict) -> dict:
    sort_name = f"{row['name'].casefold()}#{row['id']}"
    # counted: the audience sizes include this profile (written with them, see _write); rev
    # changes with every write, so a write is conditional on the revision it replaces.
    return {"pk": f"EMP#{row['id']}", "sk": PROFILE, **row, "counted": True,
            "rev": secrets.token_hex(8),
            "gsi1pk": f"UNIT#{row['business_unit']}", "gsi1sk": sort_name,
            "gsi2pk": f"SITE#{row['site']}", "gsi2sk": sort_name}


@dataclass
class ImportResult:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False


def parse_csv(text: str) -> list[tuple[int, dict]]:
    """(line, row) for each valid row, or Invalid naming every bad line (1 is the header)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise Invalid("csv_invalid", count=1, fields={"1": {"header": [
            "Missing columns: " + ", ".join(missing)]}})
    schema, rows, errors = EmployeeRowSchema(), [], {}
    seen_ids, seen_emails = {}, {}
    for line, raw in enumerate(reader, start=2):
        raw = {k: v for k, v in raw.items() if k is not None}
        if not any((v or "").strip() for v in raw.values()):
            continue  # blank line
        try:
            row = schema.load({k: v for k, v in raw.items() if k in FIELDS})
        except ValidationError as exc:
            errors[str(line)] = exc.messages
            continue
        row["roles"] = sorted(set(row["roles"]) | {"employee"})
        for value, seen, field in ((row["id"], seen_ids, "id"), (row["email"], seen_emails,
                                                                  "email")):
            if value in seen:
                errors.setdefault(str(line), {})[field] = [f"Also on line {seen[value]}."]
            seen[value] = line
        rows.append((line, row))
    if errors:
        raise Invalid("csv_invalid", count=len(errors), fields=errors)
    if not rows:
        raise Invalid("csv_empty")
    return rows


def import_csv(store, text: str, *, dry_run: bool = False, actor: dict | None = None,
               now: int | None = None) -> ImportResult:
    """Upsert every row of a valid file; reject the whole file if any line is wrong.

    actor is who imports (None: the operator at the server's console); the rows' changes of
    roles and emails must be theirs to make (permissions), and each one is audited.
    """
    now = int(time.time()) if now is None else now
    rows = parse_csv(text)
    current = _current_profiles(store, [row["id"] for _, row in rows])
    refused = {**_emails_taken_by_others(store, rows), **_refused(actor, rows, current)}
    if refused:
        raise Invalid("csv_invalid", count=len(refused), fields=refused)
    result = ImportResult(total=len(rows), dry_run=dry_run)
    for _, row in rows:
        item = current.get(row["id"])
        before = {k: item.get(k) for k in FIELDS} if item else None
        counted = bool(item and item.get("counted"))
        if before == {k: row.get(k) for k in FIELDS}:
            result.unchanged += 1
            if counted:
                if item.get("search_v") != search.SEARCH_VERSION and not dry_run:
                    search.write_index(store, None, row)  # a profile from before the index
                continue  # else written once more, to count it (profiles from before sizes)
        elif before:
            result.updated += 1
        else:
            result.created += 1
        if not dry_run:
            try:
                _write(store, row, item, counted, changes.entry(actor, before, row, now))
            except ConditionFailed:
                # Another import changed this person or took this address since we read.
                raise Conflict() from None
    return result


def _refused(actor: dict | None, rows: list[tuple[int, dict]], current: dict) -> dict:
    """Lines whose change of roles or email the actor may not make, with the reason."""
    errors = {}
    for line, row in rows:
        item = current.get(row["id"])
        before = {k: item.get(k) for k in FIELDS} if item else None
        reason = permissions.refused_directory_change(actor, row["id"], before, row)
        if reason:
            field = "email" if reason.startswith("email") else "roles"
            errors[str(line)] = {field: [t(reason)]}
    return errors


def _current_profiles(store, ids: list[str]) -> dict:
    found = {}
    for start in range(0, len(ids), 100):
        items = store.get_many([employee_key(i) for i in ids[start:start + 100]])
        found.update({i["id"]: i for i in items})
    return found


def _emails_taken_by_others(store, rows: list[tuple[int, dict]]) -> dict:
    pointers = {}
    for start in range(0, len(rows), 100):
        keys = [email_key(row["email"]) for _, row in rows[start:start + 100]]
        pointers.update({p["pk"]: p["employee_id"] for p in store.get_many(keys)})
    errors = {}
    for line, row in rows:
        owner = pointers.get(email_key(row["email"])[0])
        if owner not in (None, row["id"]):
            errors[str(line)] = {"email": [f"Already used by employee {owner}."]}
    return errors


def _same(item: dict | None) -> Condition:
    """Write only over exactly what we read (nothing, that revision, or a profile from before
    revisions)."""
    if item is None:
        return Condition.not_exists()
    return Condition.present(rev=item["rev"]) if "rev" in item else Condition.present()


def _write(store, row: dict, item: dict | None, counted: bool, audit: Put | None) -> None:
    """The profile, its email pointer, the audience sizes it moves and the audit entry of a
    change of roles or email, in one transaction."""
    before = {k: item.get(k) for k in FIELDS} if item else None
    ops = [Put(_item(row), condition=_same(item)),
           *sizes.changes(before if counted else None, row), *([audit] if audit else [])]
    if not before or before["email"] != row["email"]:
        ops.append(Put({"pk": email_key(row["email"])[0], "sk": "#", "employee_id": row["id"]},
                       condition=Condition.not_exists()))
    if before and before["email"] != row["email"]:
        ops.append(Delete(*email_key(before["email"]),
                          condition=Condition.present(employee_id=row["id"])))
    store.transact(ops)
    search.write_index(store, before, row)
