"""A site's movements as CSV for a spreadsheet, every cell neutralised against formulas."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import UTC, datetime

COLUMNS = ("at", "site", "item", "kind", "qty", "reason", "by", "request")
# A spreadsheet runs a cell that begins with these as a formula (OWASP: CSV injection).
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutral(value):
    """Text with a leading ' when a spreadsheet would read it as a formula; our own numbers
    (a movement's qty, -3 included) stay numbers."""
    if isinstance(value, int):
        return value
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(TRIGGERS) else text


def movements_csv(movements: Iterable[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for m in movements:
        at = datetime.fromtimestamp(m["at"], UTC).isoformat().replace("+00:00", "Z")
        writer.writerow([neutral(v) for v in (at, m["site"], m["item"], m["kind"], m["qty"],
                                              m["reason"], m["by"]["name"], m["request"])])
    return out.getvalue()
