"""`make run`'s demo events and tips: written once, seen by everyone."""

from functions.seed_events import seed_demo_events


def test_the_demo_events_and_tips_are_written_once(app, client, auth, clock):
    assert seed_demo_events(app, int(clock())) is True
    assert seed_demo_events(app, int(clock())) is False
    auth.sign_in("employee@example.com")
    upcoming = client.get("/api/events").get_json()["items"]
    assert [e["kind"] for e in upcoming] == ["karaoke", "town_hall"]
    assert upcoming[0]["hosts"][0]["name"] == "Maya Fernandes"
    assert len(client.get("/api/tips").get_json()["items"]) == 6
    assert [t["title"]["en"] for t in client.get("/api/tips?q=孩子").get_json()["items"]] == [
        "Working with children at home"]
    assert client.get("/api/tips/today").status_code == 200
