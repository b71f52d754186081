"""`make run`'s demo notes: a Wuhan campaign with its wall, and notes to the demo employee."""


def test_seed_demo_writes_the_demo_notes_once(app, client, auth):
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0 and "Wrote the demo notes" in result.output
    again = app.test_cli_runner().invoke(args=["seed-demo"])
    assert "Wrote the demo notes" not in again.output

    auth.sign_in("employee@example.com")  # Wuhan
    campaigns = client.get("/api/campaigns").get_json()["items"]
    assert [c["title"]["zh-CN"] for c in campaigns] == ["致湖北的同事们"]
    wall = client.get(f"/api/campaigns/{campaigns[0]['id']}/notes").get_json()["items"]
    assert len(wall) == 6 and sum(n["anonymous"] for n in wall) == 1
    for_me = client.get("/api/notes/for-me").get_json()["items"]
    assert len(for_me) == 8  # the wall's six (to Wuhan) and two to Li Na herself
    assert client.get("/api/me").status_code == 200
    auth.sign_out()

    auth.sign_in("hr@example.com")
    words = client.get("/api/moderation/words").get_json()["words"]
    assert {w["lang"] for w in words} == {"en", "zh-CN"}
