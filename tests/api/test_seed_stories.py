"""`make run`'s demo stories: released through the real pipeline, once, one waiting for review."""


def test_seed_demo_releases_playable_stories_once(app, client, auth):
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0 and "Released three demo stories" in result.output
    again = app.test_cli_runner().invoke(args=["seed-demo"])
    assert "Released" not in again.output

    auth.sign_in("lucas.weber@example.com")  # an employee of none of the authors' units
    feed = client.get("/api/stories").get_json()["items"]
    assert [s["author"]["name"] for s in feed] == ["Li Na 李娜", "Sofia Martins", "Mia Fischer"]
    assert all(s["video"]["status"] == "ready" and s["video"]["duration_s"] > 4 for s in feed)
    featured = client.get("/api/stories/featured").get_json()["items"]
    assert [s["author"]["name"] for s in featured] == ["Li Na 李娜"]
    auth.sign_out()

    auth.sign_in("editor@example.com")  # Retail's editor: Sun Jie's story waits for them
    queue = client.get("/api/stories/queue").get_json()["items"]
    assert [s["caption_lang"] for s in queue] == ["zh-CN"]
