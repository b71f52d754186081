"""`make run`'s demo news: published through the real pipeline, once, to the right people."""


def titles(client) -> list[str]:
    feed = client.get("/api/news").get_json()
    items = feed["pinned"] + feed["edition"]["items"] + feed["items"]
    return sorted({item["title"]["en"] for item in items})


def test_seed_demo_publishes_playable_news_once(app, client, auth):
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0 and "Published two demo news videos" in result.output
    again = app.test_cli_runner().invoke(args=["seed-demo"])
    assert "Published" not in again.output

    auth.sign_in("employee@example.com")  # Retail
    feed = client.get("/api/news").get_json()
    assert [i["title"]["en"] for i in feed["pinned"]] == [
        "A message from our leaders: we are in this together"]
    daily = feed["edition"]["items"][0]
    assert daily["title"]["en"] == "Retail daily: stores reopen on Monday"
    assert daily["must_acknowledge"] and {r["name"] for r in daily["video"]["renditions"]} \
        == {"720p", "360p"}
    auth.sign_out()

    auth.sign_in("guard@example.com")  # Logistics: the company message only
    assert titles(client) == ["A message from our leaders: we are in this together"]
