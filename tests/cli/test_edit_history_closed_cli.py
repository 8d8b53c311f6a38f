"""`edit`, `show` with what changed and where, and `list --closed` (issue 14)."""

from __future__ import annotations

import json

from tests.cli.helpers import js, ok, run


def test_edit_then_show_then_undo(tmp_path, cli_on_clock):
    db = tmp_path / "office.db"
    ok(db, "add", "修空调 @总务科")
    out = ok(db, "edit", "1", "--title", "修 3F 空调", "--requester", "张老师",
             "--location", "3F 会议室")
    assert out.strip() == "#1 inbox: 修 3F 空调"
    job = js(db, "show", "1")
    assert (job["title"], job["requester"], job["location"]) == ("修 3F 空调", "张老师",
                                                                 "3F 会议室")
    edit = job["history"][-1]
    assert edit["action"] == "edit" and edit["source"] == "cli"
    assert {c["field"]: (c["old"], c["new"]) for c in edit["changes"]} == {
        "title": ("修空调", "修 3F 空调"), "requester": (None, "张老师"),
        "location": (None, "3F 会议室")}
    shown = ok(db, "show", "1")
    assert "Location    3F 会议室" in shown
    assert "edit · from the CLI" in shown
    assert "    Title: 修空调 → 修 3F 空调" in shown
    ok(db, "undo")
    assert js(db, "show", "1")["title"] == "修空调"


def test_show_says_what_a_triage_changed(tmp_path, cli_on_clock):
    db = tmp_path / "office.db"
    ok(db, "add", "修空调")
    ok(db, "triage", "1", "--due", "2026-11-30", "--importance", "high")
    shown = ok(db, "show", "1")
    assert "triage · from the CLI" in shown
    assert "    Importance: normal → high" in shown
    assert "    Due: Wed 12-02 10:00 → Mon 11-30 17:30" in shown
    assert "    Status: inbox → open" in shown


def test_edit_refusals_are_one_line(tmp_path, cli_on_clock):
    db = tmp_path / "office.db"
    ok(db, "add", "修空调")
    for args, message in ((["edit", "1"], "Nothing to change on job #1"),
                          (["edit", "7", "--title", "x"], "No job #7"),
                          (["edit", "1", "--title", ""], "The title is empty")):
        result = run(db, *args)
        assert result.exit_code == 1, args
        assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert len(js(db, "show", "1")["history"]) == 1


def test_list_closed_newest_first_with_outcome_and_closing_time(tmp_path, cli_on_clock):
    db = tmp_path / "office.db"
    for title in ("修空调 @@3F会议室", "换灯管", "订会议室", "还开着"):
        ok(db, "add", title)
    ok(db, "done", "1", "--outcome", "换了电容")
    cli_on_clock.advance(hours=1)
    ok(db, "cancel", "2", "--reason", "重复申请")
    cli_on_clock.advance(hours=1)
    ok(db, "done", "3", "--outcome", "已订好")
    assert [j["id"] for j in js(db, "list", "--closed")] == [3, 2, 1]
    text = ok(db, "list", "--closed")
    lines = text.splitlines()
    assert lines[0].split() == ["ID", "Closed", "at", "Status", "Category", "Department",
                                "Outcome", "Title"]
    assert "12:00" in lines[1] and "已订好" in lines[1]
    assert "cancelled" in lines[2] and "重复申请" in lines[2]
    assert [j["id"] for j in js(db, "list", "--closed", "--search", "huiyishi")] == [3, 1]
    assert [j["id"] for j in js(db, "list", "--closed", "--limit", "1")] == [3]
    refused = run(db, "list", "--closed", "--inbox")
    assert refused.exit_code == 1 and "--closed" in refused.stderr


def test_quick_add_requester_token(tmp_path, cli_on_clock):
    db = tmp_path / "office.db"
    job = json.loads(ok(db, "add", "修空调 ~张老师 #报修", "--json"))
    assert job["requester"] == "张老师" and job["title"] == "修空调"


def test_triage_category_in_either_language_and_chinese_choices(tmp_path, cli_on_clock):
    db = tmp_path / "office.db"
    ok(db, "add", "修空调")
    ok(db, "triage", "1", "--category", "报修")
    assert js(db, "show", "1")["category"] == "repair"
    ok(db, "triage", "1", "--category", "print")
    refused = run(db, "--lang", "zh", "triage", "1", "--category", "灯具")
    assert refused.exit_code == 1
    assert "报修、用车、领用、接待、会议、文印、其他" in refused.stderr
    assert "repair" not in refused.stderr
