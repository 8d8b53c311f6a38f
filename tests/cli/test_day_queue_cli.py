"""The CLI of the day's queue: calendar, routines, kits, today and reports.

The services run on a fixed clock (Fri 2026-11-27 10:00) so dates in the output are known.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from tests.cli.helpers import js, ok, run



@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    return tmp_path / "office.db"


def refused(db: Path, *args: str) -> str:
    result = run(db, *args)
    assert result.exit_code == 1, (args, result.stdout)
    assert result.stdout == ""
    return result.stderr


# -- calendar ---------------------------------------------------------------------------
def test_calendar_set_list_unset(db):
    assert "2027-02-07 is a workday." in ok(db, "calendar", "set", "2027-02-07", "workday",
                                            "--note", "春节调休")
    ok(db, "calendar", "set", "2027-02-08", "休息")
    data = js(db, "calendar", "list")
    assert data["days"] == [
        {"day": "2027-02-07", "kind": "workday", "source": "local", "note": "春节调休"},
        {"day": "2027-02-08", "kind": "holiday", "source": "local", "note": None},
    ]
    assert data["statutory_years"][1] >= 2026
    assert data["hours"] == {"start": "08:30", "end": "17:30", "weekdays": [0, 1, 2, 3, 4]}
    text = ok(db, "calendar", "list")
    assert "2027-02-07" in text and "春节调休" in text and "Sun" in text
    ok(db, "calendar", "unset", "2027-02-08")
    assert [d["day"] for d in js(db, "calendar", "list")["days"]] == ["2027-02-07"]


def test_calendar_year_shows_statutory_days(db):
    days = {d["day"]: d for d in js(db, "calendar", "list", "--year", "2026")["days"]}
    assert days["2026-10-01"] == {"day": "2026-10-01", "kind": "holiday",
                                  "source": "statutory", "note": "National Day"}
    assert days["2026-10-10"]["kind"] == "workday"
    assert "2026-10-03" not in days  # a Saturday off changes nothing


def test_calendar_refusals(db):
    assert "Bad date '2027-02-30'" in refused(db, "calendar", "set", "2027-02-30", "workday")
    assert "Unknown kind of day 'x'" in refused(db, "calendar", "set", "2027-02-07", "x")
    assert "must end after it starts" in refused(db, "calendar", "hours", "17:00", "09:00")
    assert js(db, "calendar", "list")["days"] == []


def test_calendar_hours(db):
    assert "09:00–18:00" in ok(db, "calendar", "hours", "9:00", "18:00")
    assert js(db, "calendar", "list")["hours"]["end"] == "18:00"


# -- routines ---------------------------------------------------------------------------
def test_routine_add_list_pause_run(db):
    assert ok(db, "routine", "add", "安全巡查 !high @保卫科", "--every", "weekdays",
              "--at", "16:00").strip() == "1"
    made = js(db, "routine", "add", "月度盘点 #supply", "--every", "monthly:last")
    assert made["every"] == "monthly:last" and made["category"] == "supply"
    listed = js(db, "routine", "list")
    assert [r["title"] for r in listed] == ["安全巡查", "月度盘点"]
    assert listed[0]["next"] == "2026-11-27" and listed[0]["at"] == "16:00"
    text = ok(db, "routine", "list")
    assert "weekdays" in text and "16:00" in text and "安全巡查" in text
    jobs = js(db, "routine", "run")
    assert [j["title"] for j in jobs] == ["安全巡查"]
    assert js(db, "routine", "run") == []  # a second run in the day makes nothing
    assert "Routine #1 paused" in ok(db, "routine", "pause", "1")
    assert "paused" in ok(db, "routine", "list")
    assert "already paused" in refused(db, "routine", "pause", "1")
    assert "Routine #1 resumed" in ok(db, "routine", "resume", "1")


def test_routine_refusals_write_nothing(db):
    assert "Bad repeat 'fortnightly'" in refused(db, "routine", "add", "x", "--every",
                                                 "fortnightly")
    assert "Bad time '7pm'" in refused(db, "routine", "add", "x", "--every", "daily",
                                       "--at", "7pm")
    assert "No routine #5" in refused(db, "routine", "pause", "5")
    assert "No routine #0" in refused(db, "routine", "pause", "0")
    assert js(db, "routine", "list") == []


def test_routine_catch_up_setting(db):
    assert ok(db, "routine", "catch-up").strip() == "all"
    assert "latest" in ok(db, "routine", "catch-up", "latest")
    assert ok(db, "routine", "catch-up").strip() == "latest"
    assert "'sometimes'" in refused(db, "routine", "catch-up", "sometimes")


# -- kits -------------------------------------------------------------------------------
def test_kit_new_items_event_move_cancel(db):
    assert "Kit 大型会议 created" in ok(db, "kit", "new", "大型会议")
    ok(db, "kit", "item-add", "大型会议", "T-1d@17:00", "桌签名签 #文印")
    ok(db, "kit", "item-add", "大型会议", "-2h", "会场布置 #会议 !high")
    kit = js(db, "kit", "show", "大型会议")
    assert [i["offset"] for i in kit["items"]] == ["-1d@17:00", "-2h"]
    assert "桌签名签" in ok(db, "kit", "list")
    made = js(db, "kit", "event", "大型会议", "期末工作会议 due:2026-12-03@14:00 @教务处")
    event_id = made["event"]["id"]
    assert made["event"]["category"] == "meeting"
    assert [(j["title"], j["due"]) for j in made["linked"]] == [
        ("桌签名签 — 期末工作会议", "2026-12-02T17:00:00"),
        ("会场布置 — 期末工作会议", "2026-12-03T12:00:00")]
    assert "2 linked jobs moved" in ok(db, "kit", "move", str(event_id), "--to",
                                      "2026-12-04@09:00")
    assert [j["due"] for j in js(db, "kit", "linked", str(event_id))] == [
        "2026-12-03T17:00:00", "2026-12-04T07:00:00"]
    assert "with 2 linked jobs" in ok(db, "kit", "cancel", str(event_id), "--reason", "改期")
    assert {j["status"] for j in js(db, "kit", "linked", str(event_id))} == {"cancelled"}


def test_kit_apply_to_an_existing_job(db):
    ok(db, "kit", "new", "reception")
    ok(db, "kit", "item-add", "reception", "-1h", "car to the station #vehicle")
    event = js(db, "add", "visitors due:2026-12-03@14:00 #reception")
    jobs = js(db, "kit", "apply", "reception", str(event["id"]))
    assert [j["due"] for j in jobs] == ["2026-12-03T13:00:00"]
    assert "already has kit" in refused(db, "kit", "apply", "reception", str(event["id"]))


def test_kit_refusals(db):
    assert "No kit 'nope'" in refused(db, "kit", "show", "nope")
    ok(db, "kit", "new", "k")
    assert "Bad offset 'soon'" in refused(db, "kit", "item-add", "k", "soon", "x")
    assert "already exists" in refused(db, "kit", "new", "k")
    assert "needs its time" in refused(db, "kit", "event", "k", "meeting")
    assert "Give the new time" in refused(db, "kit", "move", "1")
    assert js(db, "kit", "show", "k")["items"] == []


# -- reports ----------------------------------------------------------------------------
def _three_closed_one_late(db, clock):
    from datetime import datetime

    clock.now = datetime(2026, 11, 23, 9, 0)
    a = js(db, "add", "A #repair")["id"]
    b = js(db, "add", "B #repair due:2026-11-23@10:00")["id"]
    c = js(db, "add", "C #print due:2026-11-24@12:00")["id"]
    clock.now = datetime(2026, 11, 23, 11, 0)
    for job in (a, b, c):
        ok(db, "done", str(job), "--outcome", "ok")
    clock.now = datetime(2026, 11, 27, 10, 0)


def test_report_week_markdown_gives_the_on_time_rate(db, clock):
    _three_closed_one_late(db, clock)
    text = ok(db, "report", "--week")
    assert text.startswith("# Weekly report 2026-W48")
    text = re.sub(r" {2,}", " ", text)  # table columns are padded to line up
    assert "| On-time rate | 66.7% |" in text
    assert "| Closed | 3 |" in text and "| Closed late | 1 |" in text
    data = js(db, "report", "--week")
    assert (data["closed"], data["on_time"], data["late"], data["on_time_rate"]) == (3, 2, 1, 66.7)
    assert data["period"] == {"kind": "week", "from": "2026-11-23", "to": "2026-11-29",
                              "label": "2026-W48 (2026-11-23 – 2026-11-29)"}


def test_report_csv_day_month_and_range(db, clock, tmp_path):
    _three_closed_one_late(db, clock)
    rows = list(csv.reader(io.StringIO(ok(db, "report", "--week", "--format", "csv"))))
    assert ["On-time rate %", "66.7"] in rows
    assert js(db, "report", "--day")["closed"] == 0
    assert js(db, "report", "--month")["closed"] == 3
    assert js(db, "report", "--from", "2026-11-23", "--to", "2026-11-23")["closed"] == 3
    target = tmp_path / "周报.md"  # (a folder that does not exist is refused, not made)
    assert "Report written to" in ok(db, "report", "--week", "-o", str(target))
    assert "66.7%" in target.read_text(encoding="utf-8")


def test_report_refusals(db):
    assert "Choose one period" in refused(db, "report", "--day", "--week")
    assert "Choose one period" in refused(db, "report", "--day", "--from", "2026-11-01",
                                          "--to", "2026-11-02")
    assert "Unknown format 'xls'" in refused(db, "report", "--format", "xls")
    assert "Give both --from and --to" in refused(db, "report", "--from", "2026-11-01")
    assert "after it ends" in refused(db, "report", "--from", "2026-11-02", "--to", "2026-11-01")


# -- today ------------------------------------------------------------------------------
SECTION_NAMES = ["overdue", "at_risk", "due_today", "promised_today", "follow_ups", "trips", "rooms",
                 "routines",
                 "awaiting_reply", "low_stock", "reminders", "loans", "meters"]


def test_today_json_has_every_section_by_name(db, clock):
    from datetime import datetime

    clock.now = datetime(2026, 11, 26, 9, 0)
    late = js(db, "add", "late one due:2026-11-26@12:00")["id"]
    clock.now = datetime(2026, 11, 27, 10, 0)
    due = js(db, "add", "due today due:16:00")["id"]
    ok(db, "routine", "add", "meal count", "--every", "daily", "--at", "16:30")
    data = js(db, "today")
    assert list(data["sections"]) == SECTION_NAMES
    assert [j["id"] for j in data["sections"]["overdue"]] == [late]
    assert [j["id"] for j in data["sections"]["due_today"]] == [due]
    assert [j["title"] for j in data["sections"]["routines"]] == ["meal count"]
    assert data["counts"]["overdue"] == 1 and data["date"] == "2026-11-27"
    assert data["week_on_time"] == {"on_time": 0, "closed": 0, "rate": None}
    again = js(db, "today")  # a second run in the day makes no second routine job
    assert len(again["sections"]["routines"]) == 1


def test_today_after_demo_puts_the_overdue_jobs_first(db):
    ok(db, "demo")
    data = js(db, "today")
    overdue = data["sections"]["overdue"]
    assert overdue and all(j["overdue"] for j in overdue)
    assert data["sections"]["trips"] and data["sections"]["low_stock"]
    assert [r["title"] for r in data["sections"]["rooms"]] == ["财务预算评审", "供应商面谈",
                                                          "教职工安全培训"]
    assert data["sections"]["routines"]  # the demo routines made today's jobs
    text = ok(db, "today")
    assert text.index("Overdue (") < text.index("Due today (")
    first_job = next(line for line in text.splitlines() if line.strip().startswith("#"))
    assert f"#{overdue[0]['id']} " in first_job


def test_today_with_nothing_due(db):
    assert "Nothing due today." in ok(db, "today")


def test_today_lists_a_long_section_s_first_and_says_how_many_more(db, clock):
    from datetime import datetime

    from office_tui.services import Services
    from office_tui.services.today import JOBS_LISTED

    clock.now = datetime(2026, 11, 26, 9, 0)
    svc = Services(db, clock=clock).open()
    try:
        for i in range(JOBS_LISTED + 3):
            svc.jobs.create(f"late {i}", due=datetime(2026, 11, 26, 10, 0))
    finally:
        svc.close()
    clock.now = datetime(2026, 11, 27, 10, 0)
    text = ok(db, "today")
    assert f"Overdue ({JOBS_LISTED + 3})" in text
    assert text.count("late ") == JOBS_LISTED
    assert "… and 3 more (office-tui list)" in text
    data = js(db, "today")
    assert len(data["sections"]["overdue"]) == JOBS_LISTED
    assert data["counts"]["overdue"] == JOBS_LISTED + 3 and data["more"]["overdue"] == 3
    assert data["more"]["due_today"] == 0 and data["open"] == JOBS_LISTED + 3
