"""`office-tui meals …`, `meter`, `reading`, `readings` and `utilities` as the issue's "Done
when" runs them, on a fixed clock (Fri 2026-11-27 10:00)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import js, ok, refused


@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    path = tmp_path / "office.db"
    ok(path, "meals", "config", "--depts", "财务科,办公室,教务处", "--price", "lunch=12",
       "--price", "dinner=15")
    return path


def test_a_count_after_the_cut_off_needs_late_and_writes_nothing_without(db):
    # 10:00 is the lunch cut-off; the clock stands at 10:00 on the 27th
    ok(db, "meals", "set", "--date", "2026-11-27", "--dept", "财务科", "--meal", "lunch",
       "--count", "12", "--guests", "2")
    error = refused(db, "meals", "set", "--date", "2026-11-26", "--dept", "办公室",
                    "--meal", "lunch", "--count", "8")
    assert "cut-off for lunch on 2026-11-26" in error and "--late" in error
    assert js(db, "meals", "sheet", "--date", "2026-11-26")["meals"]["lunch"]["total"] == 0
    refused(db, "meals", "set", "--date", "2026-11-26", "--dept", "办公室", "--meal", "lunch",
            "--count", "8", "--late")  # a reason is needed
    late = js(db, "meals", "set", "--date", "2026-11-26", "--dept", "办公室", "--meal",
              "lunch", "--count", "8", "--late", "--reason", "忘了报")
    assert late["late"] is True and late["late_reason"] == "忘了报"


def test_the_sheet_totals_the_entries_and_lists_who_is_missing(db, tmp_path):
    for dept, count, guests in (("财务科", 12, 2), ("办公室", 8, 0)):
        ok(db, "meals", "set", "--date", "2026-11-30", "--dept", dept, "--meal", "lunch",
           "--count", str(count), "--guests", str(guests))
    ok(db, "meals", "set", "--date", "2026-11-30", "--dept", "办公室", "--meal", "dinner",
       "--count", "3")
    sheet = js(db, "meals", "sheet", "--date", "2026-11-30")
    lunch = sheet["meals"]["lunch"]
    assert (lunch["total"], lunch["guests"]) == (20, 2)
    assert lunch["total"] == sum(d["count"] for d in lunch["departments"].values())
    assert lunch["missing"] == ["教务处"] and sheet["meals"]["dinner"]["missing"] == [
        "财务科", "教务处"]
    text = ok(db, "meals", "sheet", "--date", "2026-11-30")
    assert "| Total | 0 | 20 | 3 |" in text and "Not reported yet: 财务科, 办公室, 教务处" in text
    missing = js(db, "meals", "missing", "--date", "2026-11-30")["missing"]
    assert missing["lunch"] == ["教务处"]
    out = tmp_path / "sheet.csv"
    ok(db, "meals", "sheet", "--date", "2026-11-30", "-o", str(out))
    assert "Total,0,20,3" in out.read_text(encoding="utf-8")
    refused(db, "meals", "sheet", "--date", "2026-11-30", "-o", str(out))  # no --force
    refused(db, "meals", "sheet", "-o", str(db))  # never onto the database


def test_the_month_gives_the_reported_against_served_rate(db):
    for day, count in (("2026-11-23", 40), ("2026-11-24", 45)):
        ok(db, "meals", "set", "--date", day, "--dept", "财务科", "--meal", "lunch",
           "--count", str(count), "--late", "--reason", "补录")
    ok(db, "meals", "served", "--date", "2026-11-23", "--meal", "lunch", "--count", "50")
    ok(db, "meals", "served", "--date", "2026-11-24", "--meal", "lunch", "--count", "45")
    month = js(db, "meals", "month", "--month", "2026-11")
    (dept,) = month["departments"]
    assert (dept["dept"], dept["counts"]["lunch"], dept["cost"]) == ("财务科", 85, "1020.00")
    days = {d["date"]: d for d in month["days"]}
    assert (days["2026-11-23"]["unreported"], days["2026-11-23"]["rate"]) == (10, 0.2)
    assert month["unreported_rate"] == round(10 / 95, 4)


def test_a_reading_lower_than_the_last_is_refused_unless_reset(db):
    ok(db, "meter", "add", "--name", "主楼电表", "--kind", "electricity", "--price", "0.85",
       "--multiplier", "40")
    ok(db, "reading", "add", "主楼电表", "--value", "1200", "--date", "2026-09-30")
    ok(db, "reading", "add", "主楼电表", "--value", "1300", "--date", "2026-10-31")
    assert "lower than the last reading 1300" in refused(
        db, "reading", "add", "主楼电表", "--value", "1250", "--date", "2026-11-26")
    ok(db, "reading", "add", "主楼电表", "--value", "20", "--date", "2026-11-26", "--reset",
       "--reason", "换表")
    periods = js(db, "readings", "主楼电表")["periods"]
    assert [(p["use"], p["cost"], p["reset"]) for p in periods] == [
        ("4000.00", "3400.00", False), ("800.00", "680.00", True)]


def test_meter_list_shows_each_meters_last_reading_even_after_a_reset(db):
    ok(db, "meter", "add", "--name", "主楼电表", "--kind", "electricity", "--price", "0.85")
    ok(db, "meter", "add", "--name", "主楼水表", "--kind", "water", "--price", "4.5")
    for day, value in (("2026-09-30", "1200"), ("2026-10-31", "1300")):
        ok(db, "reading", "add", "主楼电表", "--value", value, "--date", day)
    ok(db, "reading", "add", "主楼电表", "--value", "20", "--date", "2026-11-26", "--reset",
       "--reason", "换表")
    listed = {m["name"]: m["last_reading"] for m in js(db, "meter", "list")}
    assert listed == {"主楼电表": {"date": "2026-11-26", "value": "20"}, "主楼水表": None}
    table = ok(db, "meter", "list")
    assert "20 (2026-11-26)" in table and "1300" not in table


def test_a_leak_month_is_flagged_with_its_reason_and_repair_makes_a_linked_job(db):
    ok(db, "meter", "add", "--name", "主楼水表", "--kind", "water", "--price", "4.5",
       "--dept", "总务科")
    for day, value in (("2026-06-30", 100), ("2026-07-31", 130), ("2026-08-31", 161),
                       ("2026-09-30", 190), ("2026-10-31", 260)):
        ok(db, "reading", "add", "主楼水表", "--value", str(value), "--date", day)
    (flag,) = js(db, "utilities", "flags")
    assert flag["meter"] == "主楼水表" and "+133%" in flag["flag"]
    month = js(db, "utilities", "month", "--month", "2026-10")
    (meter,) = month["meters"]
    assert (meter["use"], meter["cost"], meter["vs_previous_pct"]) == ("70.00", "315.00",
                                                                       "141.4")
    assert month["departments"] == {"总务科": {"water": "315.00"}}
    job = ok(db, "utilities", "repair", "主楼水表").strip()
    shown = js(db, "show", job)
    assert shown["title"] == "Check for a leak — 主楼水表" and shown["category"] == "repair"
    assert "+133%" in shown["notes"][0]["text"]


@pytest.mark.parametrize("args", [
    ("meals", "set", "--dept", "财务科", "--meal", "supper2", "--count", "1"),
    ("meals", "set", "--dept", "财务科", "--meal", "lunch", "--count", "-1"),
    ("meals", "set", "--dept", "", "--meal", "lunch", "--count", "1"),
    ("meals", "month", "--month", "2026-13"),
    ("meals", "config", "--cutoff", "lunch=25:00"),
    ("meter", "add", "--name", "x", "--kind", "steam", "--price", "1"),
    ("reading", "add", "无此表", "--value", "1"),
    ("utilities", "config", "--spike", "0.5"),
])
def test_bad_input_gets_one_line_and_exit_1(db, args):
    refused(db, *args)
