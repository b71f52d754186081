"""HR's directory import and look-ups, and who may use them."""

import csv
import io

from functions.seed import DEMO_CSV

HEADER = ("id,name,email,business_unit,department,site,region,language,photo_url,roles,"
          "editor_units,phone")


def demo_rows():
    return list(csv.DictReader(io.StringIO(DEMO_CSV.read_text(encoding="utf-8"))))


def to_csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER.split(","))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_reimporting_the_same_file_changes_nothing(client, auth):
    auth.sign_in("hr@example.com")
    response = client.post("/api/directory/import", json={"csv": DEMO_CSV.read_text()})
    assert response.status_code == 200
    assert response.get_json() == {"total": 60, "created": 0, "updated": 0, "unchanged": 60,
                                   "dry_run": False}


def test_an_import_upserts_and_moves_an_email_address(client, auth):
    auth.sign_in("hr@example.com")
    rows = demo_rows()
    rows[0]["email"] = "li.na@example.com"
    rows[0]["site"] = "Hangzhou"
    rows.append({**rows[-1], "id": "E9999", "name": "New Starter", "email": "new@example.com"})
    result = client.post("/api/directory/import", json={"csv": to_csv(rows)}).get_json()
    assert (result["created"], result["updated"], result["unchanged"]) == (1, 1, 59)
    me = client.get("/api/directory/employees/E0001").get_json()
    assert me["email"] == "li.na@example.com" and me["site"] == "Hangzhou"
    auth.sign_out()
    assert auth.sign_in("li.na@example.com")["id"] == "E0001"
    client.post("/api/auth/start", json={"email": "employee@example.com"})
    assert client.get("/api/dev/outbox?to=employee@example.com").get_json()["messages"] == []


def test_an_invalid_file_is_rejected_whole_with_errors_by_line(client, auth, store):
    auth.sign_in("admin@example.com")
    rows = demo_rows()[:4]
    rows[0]["name"] = "Renamed"
    rows[1]["email"] = "not-an-email"
    rows[2]["roles"] = "employee;wizard"
    rows[3]["id"] = rows[0]["id"]
    response = client.post("/api/directory/import", json={"csv": to_csv(rows)})
    error = response.get_json()["error"]
    assert response.status_code == 422 and "3 lines" in error["message"]
    assert set(error["fields"]) == {"3", "4", "5"}
    assert "email" in error["fields"]["3"] and "roles" in error["fields"]["4"]
    assert "line 2" in error["fields"]["5"]["id"][0]
    assert client.get("/api/directory/employees/E0001").get_json()["name"] == "Li Na 李娜"


def test_an_address_owned_by_someone_else_is_refused(client, auth):
    auth.sign_in("hr@example.com")
    rows = demo_rows()[:2]
    rows[1]["email"] = "employee@example.com"
    error = client.post("/api/directory/import", json={"csv": to_csv(rows[1:])}).get_json()
    assert error["error"]["fields"] == {"2": {"email": ["Already used by employee E0001."]}}
    assert "on 1 line;" in error["error"]["message"]  # not "1 lines"


def test_a_file_without_the_needed_columns_says_which(client, auth):
    auth.sign_in("hr@example.com")
    response = client.post("/api/directory/import", json={"csv": "id,name\nE1,A\n"})
    assert response.status_code == 422
    assert "email" in response.get_json()["error"]["fields"]["1"]["header"][0]


def test_dry_run_reports_without_writing(client, auth):
    auth.sign_in("hr@example.com")
    rows = demo_rows()
    rows[5]["department"] = "Moved"
    result = client.post("/api/directory/import",
                         json={"csv": to_csv(rows), "dry_run": True}).get_json()
    assert result["updated"] == 1 and result["dry_run"] is True
    assert client.get("/api/directory/employees/" + rows[5]["id"]).get_json()["department"] \
        != "Moved"


def test_hr_lists_a_unit_page_by_page(client, auth):
    auth.sign_in("hr@example.com")
    names, cursor = [], None
    while True:
        query = "/api/directory/employees?unit=Cloud&limit=7" + (f"&cursor={cursor}" if cursor
                                                                  else "")
        page = client.get(query).get_json()
        assert len(page["items"]) <= 7
        names += [p["name"] for p in page["items"]]
        cursor = page["cursor"]
        if not cursor:
            break
    assert len(names) == 20 and names == sorted(names, key=str.casefold)


def test_people_without_a_directory_role_are_refused(client, auth):
    auth.sign_in("employee@example.com")
    assert client.post("/api/directory/import", json={"csv": HEADER}).status_code == 403
    assert client.get("/api/directory/employees?unit=Retail").status_code == 403
    assert client.get("/api/directory/employees/E0003").status_code == 403
    assert client.get("/api/directory/employees/E0001").status_code == 200


def test_the_cli_imports_and_reports_bad_lines(app, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(DEMO_CSV.read_text())
    result = app.test_cli_runner().invoke(args=["import-directory", str(good)])
    assert result.exit_code == 0 and '"unchanged": 60' in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "\nE1,Someone,nope,Retail,Stores,Wuhan,Hubei,en,,employee,\n")
    result = app.test_cli_runner().invoke(args=["import-directory", str(bad)])
    assert result.exit_code == 1
    assert "  line 2: email: Not a valid email address.\n" in result.output  # words, not JSON
    assert "{" not in result.output and "[" not in result.output


def test_a_phone_column_is_optional_checked_and_shown_to_the_person_and_hr(client, auth):
    auth.sign_in("hr@example.com")
    rows = demo_rows()
    rows[1]["phone"] = "+86 571 5550 0102"
    rows[2]["phone"] = "call me"
    refused = client.post("/api/directory/import", json={"csv": to_csv(rows)})
    assert refused.status_code == 422 and set(refused.get_json()["error"]["fields"]) == {"4"}
    rows[2]["phone"] = ""
    assert client.post("/api/directory/import", json={"csv": to_csv(rows)}).status_code == 200
    assert client.get("/api/directory/employees/E0002").get_json()["phone"] == (
        "+86 571 5550 0102")
    assert client.get("/api/directory/employees/E0003").get_json()["phone"] is None
    auth.sign_out()
    auth.sign_in("employee@example.com")
    assert client.get("/api/me").get_json()["phone"] == "+86 27 5550 0101"
    assert client.get("/api/directory/employees/E0002").status_code == 403
