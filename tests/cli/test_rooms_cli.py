"""`office-tui room …`, `kit event --room` and the cars' `vehicle service|renew|services|
costs` as the issue's "Done when" runs them, on a fixed clock (Fri 2026-11-27 10:00)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import js, ok, refused, run


@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    path = tmp_path / "office.db"
    ok(path, "room", "add", "--name", "第一会议室", "--seats", "30", "--location", "3F",
       "--equipment", "投影,话筒", "--buffer", "30m")
    ok(path, "room", "add", "--name", "小会议室", "--seats", "8", "--equipment", "投影,视频会议")
    return path


def test_overlapping_bookings_are_refused_naming_the_clash_and_free_proposes(db):
    first = ok(db, "room", "book", "--room", "第一会议室", "--from", "2026-12-07 09:00",
               "--to", "11:00", "--title", "周例会", "--dept", "办公室", "--people", "20").strip()
    error = refused(db, "room", "book", "--room", "第一会议室", "--from", "2026-12-07 10:00",
                    "--to", "2026-12-07 12:00", "--title", "复盘", "--people", "6")
    assert f"#{first} 周例会 09:00–11:00 (办公室)" in error
    assert "小会议室 is free and fits" in error
    free = js(db, "room", "free", "--from", "2026-12-07 10:00", "--to", "12:00",
              "--people", "6")
    assert [r["name"] for r in free] == ["小会议室"]
    listed = js(db, "room", "bookings", "--date", "2026-12-07")
    assert [(b["id"], b["held_from"], b["held_to"]) for b in listed] == [
        (int(first), "2026-12-07 08:30", "2026-12-07 11:30")]


def test_a_weekly_series_over_the_holiday_week_books_the_other_weeks(db):
    result = run(db, "room", "book", "--room", "小会议室", "--from", "2026-09-28 09:00",
                 "--to", "10:00", "--title", "周会", "--every", "weekly:mon",
                 "--until", "2026-10-19")
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.split()) == 3
    assert "Skipped 2026-10-05: a statutory holiday" in result.stderr
    week = js(db, "room", "bookings", "--week", "2026-10-05")
    assert week == []
    # --holidays books it anyway
    done = js(db, "room", "book", "--room", "第一会议室", "--from", "2026-10-05 14:00",
              "--to", "15:00", "--title", "值班会", "--every", "weekly:mon",
              "--until", "2026-10-05", "--holidays")
    assert [b["start"] for b in done["booked"]] == ["2026-10-05 14:00"]


def test_kit_event_with_a_room_then_moving_the_event_moves_the_booking(db):
    ok(db, "kit", "new", "会议")
    ok(db, "kit", "item-add", "会议", "-1d@16:00", "名签 #文印")
    event = js(db, "kit", "event", "会议", "年终总结会 due:2026-12-10@14:00 @办公室 #会议",
               "--room", "第一会议室", "--for", "2h")["event"]["id"]
    ok(db, "kit", "move", str(event), "--to", "2026-12-11@09:00")
    (booking,) = js(db, "room", "bookings", "--date", "2026-12-11")
    assert (booking["start"], booking["end"], booking["job_id"]) == (
        "2026-12-11 09:00", "2026-12-11 11:00", event)
    assert js(db, "room", "bookings", "--date", "2026-12-10") == []
    # triage --due moves it too
    ok(db, "triage", str(event), "--due", "2026-12-11@14:00")
    assert js(db, "room", "bookings", "--date", "2026-12-11")[0]["start"] == "2026-12-11 14:00"
    ok(db, "kit", "cancel", str(event), "--reason", "取消")
    assert js(db, "room", "bookings", "--date", "2026-12-11") == []


def test_vehicle_service_moves_the_next_service_and_costs_give_the_cost_per_km(db):
    ok(db, "vehicle", "add", "--plate", "京A12345", "--name", "GL8", "--seats", "6",
       "--odometer", "40000")
    out = js(db, "vehicle", "service", "京A12345", "--date", "2026-06-01", "--km", "40000",
             "--work", "换机油、机滤", "--cost", "680", "--every-km", "5000",
             "--every-months", "6")
    assert (out["next_service_date"], out["next_service_km"]) == ("2026-12-01", 45000)
    ok(db, "vehicle", "service", "京A12345", "--date", "2026-11-20", "--km", "45000",
       "--work", "换机油", "--cost", "720")
    (car,) = [v for v in js(db, "vehicle", "list") if v["plate"] == "京A12345"]
    assert (car["next_service_date"], car["next_service_km"]) == ("2027-05-20", 50000)
    ok(db, "vehicle", "renew", "京A12345", "insurance", "--until", "2027-11-30",
       "--cost", "4600", "--date", "2026-11-25")
    assert [e["kind"] for e in js(db, "vehicle", "services", "京A12345")] == [
        "insurance", "service", "service"]
    costs = js(db, "vehicle", "costs", "--from", "2026-01-01", "--to", "2026-11-30")
    (row,) = costs["cars"]
    assert (row["km"], row["service"], row["insurance"], row["total"], row["per_km"]) == (
        5000, "1400.00", "4600.00", "6000.00", "1.20")
    assert "1.20" in ok(db, "vehicle", "costs", "京A12345", "--from", "2026-01-01")


@pytest.mark.parametrize("args", [
    ("room", "book", "--room", "第一会议室", "--from", "someday", "--to", "11:00", "--title", "x"),
    ("room", "book", "--room", "第一会议室", "--from", "2026-12-07 09:00", "--to", "11:00",
     "--title", "x", "--every", "weekly:mon"),
    ("room", "status", "第一会议室", "closed", "--until", "never"),
    ("room", "cancel", "99"),
    ("room", "add", "--name", "X", "--seats", "0"),
    ("vehicle", "renew", "京B00000", "insurance", "--until", "2027-01-01", "--cost", "1"),
    ("vehicle", "costs", "--from", "2026-12-01", "--to", "2026-11-01"),
])
def test_bad_input_gets_one_line_and_exit_1(db, args):
    refused(db, *args)
