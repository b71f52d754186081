"""`make run`'s demo check-in: last week's fire drill for Wuhan, answered and closed."""


def test_seed_demo_writes_a_closed_drill_that_hr_and_the_safety_operator_see(app, client, auth):
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0 and "Wrote a demo check-in" in result.output
    again = app.test_cli_runner().invoke(args=["seed-demo"])
    assert "Wrote a demo check-in" not in again.output

    auth.sign_in("daniel.tan@example.com")  # the demo's safety operator
    [drill] = client.get("/api/checkins?state=closed").get_json()["items"]
    assert drill["drill"] is True and drill["audience_name"] == "Wuhan"
    assert drill["counts"] == {"safe": 9, "need_help": 1, "not_affected": 2, "no_answer": 11,
                               "audience_size": 23}
    [helped] = client.get(f"/api/checkins/{drill['id']}/people?answer=need_help").get_json()[
        "items"]
    assert helped["case"]["status"] == "resolved" and helped["person"]["phone"]
    assert client.get("/api/checkins/open").get_json()["items"] == []
