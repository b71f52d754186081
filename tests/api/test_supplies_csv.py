"""HR's CSV of movements: a download a spreadsheet opens without running anything in it."""

import csv
import io
from datetime import UTC, datetime

import pytest

from functions.supplies.export import neutral
from tests.api.supplies_helpers import EMPLOYEE, HR, stocked

HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0",
           "-2+3", "@SUM(A1:A9)", "\tTab first", "\rCarriage first"]


@pytest.fixture
def supplies(app, clock):
    return stocked(app, clock)


def _export(supplies, clock, site="Wuhan"):
    day = datetime.fromtimestamp(clock(), UTC).date()
    return supplies.phone(HR).get(f"/api/supplies/movements.csv?site={site}&from={day}&to={day}")


def test_hostile_reasons_and_names_are_neutralised(supplies, clock):
    hr = supplies.phone(HR)
    for reason in HOSTILE:
        assert hr.post("/api/supplies/movements", json={
            "site": "Wuhan", "item": "gloves", "kind": "received", "qty": 1,
            "reason": reason.replace("\t", " ").replace("\r", " ")}).status_code in (201, 422)
    supplies.store.update("EMP#E0003", "PROFILE", set={"name": "=cmd|' /C calc'!A0"})
    supplies.request(EMPLOYEE, [("masks", 1)])
    hr.post("/api/supplies/movements", json={"site": "Wuhan", "item": "masks",
                                             "kind": "adjusted", "qty": -1, "reason": "=1+1"})
    answer = _export(supplies, clock)
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    assert answer.headers["Content-Disposition"].startswith("attachment; filename=")
    rows = list(csv.reader(io.StringIO(answer.get_data(as_text=True))))
    assert rows[0] == ["at", "site", "item", "kind", "qty", "reason", "by", "request"]
    cells = [cell for row in rows[1:] for cell in row]
    assert all(not cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells)
    assert all(not c.startswith("-") or c.lstrip("-").isdigit() for c in cells)  # numbers stay
    assert "'=1+1" in cells and "'=cmd|' /C calc'!A0" in cells
    assert "'+1+cmd|' /C calc'!A0" in cells and "'-2+3" in cells and "'@SUM(A1:A9)" in cells
    kinds = [row[3] for row in rows[1:]]
    assert kinds.count("reserved") == 1 and kinds.count("adjusted") == 1


@pytest.mark.parametrize("value, shown", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1-1", "'-1-1"), ("@A1", "'@A1"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("plain", "plain"), ("a=b", "a=b"), ("", ""), (None, ""), (-3, -3)])
def test_each_formula_trigger_gets_a_quote(value, shown):
    assert neutral(value) == shown


def test_the_export_keeps_to_its_site_and_days(supplies, clock):
    day = datetime.fromtimestamp(clock(), UTC).date()
    hr = supplies.phone(HR)
    other = hr.get(f"/api/supplies/movements.csv?site=Hangzhou&from={day}&to={day}")
    assert other.get_data(as_text=True).count("\r\n") == 1  # the header only
    backwards = hr.get(f"/api/supplies/movements.csv?site=Wuhan&from={day}&to=2000-01-01")
    assert backwards.status_code == 422 and "to" in backwards.get_json()["error"]["fields"]
    rows = _export(supplies, clock).get_data(as_text=True).strip().split("\r\n")
    assert len(rows) == 1 + 5  # five items received in Wuhan today
