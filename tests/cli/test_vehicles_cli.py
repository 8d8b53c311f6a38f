"""The roster's CLI exactly as the issue lists it, through CliRunner and the entry point.

The services run on a fixed clock (Fri 2026-11-27 10:00) so reminders are known.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from office_tui.cli import app
from office_tui.services import Services
from tests.cli.helpers import js, ok, run, runner

MON = "2026-11-30"


@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    return tmp_path / "office.db"


def refused(db: Path, *args: str, code: int = 1) -> str:
    result = run(db, *args)
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    assert result.stdout == ""
    return result.stderr


def count(db: Path, table: str) -> int:
    svc = Services(db).open()
    try:
        return svc.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        svc.close()


@pytest.fixture
def fleet(db: Path) -> Path:
    ok(db, "vehicle", "add", "--plate", "京A·10001", "--name", "Passat", "--seats", "4")
    ok(db, "vehicle", "add", "--plate", "京A·10002", "--name", "Buick GL8", "--seats", "6")
    ok(db, "vehicle", "add", "--plate", "京A·10003", "--name", "Coaster", "--seats", "18")
    ok(db, "driver", "add", "--name", "王师傅", "--phone", "138", "--licence-expiry", "2028-01-01")
    return db


def book(db: Path, plate: str, start: str, end: str, dest: str = "市政府", *extra: str) -> int:
    out = ok(db, "book", "--vehicle", plate, "--from", f"{MON} {start}", "--to", f"{MON} {end}",
             "--dest", dest, *extra)
    return int(out.strip().splitlines()[-1])  # the id is printed last


# -- the scenario ----------------------------------------------------------------------
def test_book_clash_refused_naming_the_booking_and_offering_a_free_car(fleet):
    first = book(fleet, "京A·10001", "09:00", "11:00")
    before = count(fleet, "bookings"), count(fleet, "events")
    err = refused(fleet, "book", "--vehicle", "京A·10001", "--from", f"{MON} 10:30",
                  "--to", f"{MON} 12:00", "--dest", "火车站")
    assert f"#{first}" in err and "09:00–11:00" in err
    assert "京A·10002" in err and "11:00–12:30" in err
    assert (count(fleet, "bookings"), count(fleet, "events")) == before
    second = book(fleet, "京A·10001", "11:00", "12:00", "火车站")
    assert second == first + 1


def test_book_json_and_bookings_by_date(fleet):
    data = js(fleet, "book", "--vehicle", "京A·10002", "--from", f"{MON} 09:00", "--to",
              f"{MON} 11:30", "--dest", "[bold]市政府[/]", "--driver", "王师傅", "--dept", "办公室",
              "--passengers", "3")
    assert {k: data[k] for k in ("vehicle", "driver", "start", "end", "destination",
                                 "passengers")} == {
        "vehicle": "京A·10002", "driver": "王师傅", "start": f"{MON} 09:00",
        "end": f"{MON} 11:30", "destination": "[bold]市政府[/]", "passengers": 3}
    listed = js(fleet, "bookings", "--date", MON)
    assert [b["id"] for b in listed] == [data["id"]]
    assert js(fleet, "bookings", "--date", "2026-12-01") == []
    table = ok(fleet, "bookings", "--date", MON)
    assert "[bold]市政府[/]" in table and "09:00–11:30" in table  # markup shown literally
    assert js(fleet, "bookings") == []  # default: today (Fri 27th)


def test_book_prints_warnings_before_the_id(fleet):
    ok(fleet, "vehicle", "set", "京A·10001", "--service-date", MON)
    out = ok(fleet, "book", "--vehicle", "京A·10001", "--from", f"{MON} 09:00", "--to",
             f"{MON} 10:00", "--dest", "市政府")
    lines = out.strip().splitlines()
    assert "service date" in lines[0] and lines[-1].isdigit()


def test_book_with_a_job_links_and_starts_it(fleet):
    job_id = int(ok(fleet, "add", "周一送领导去市政府 #用车").strip())
    out = ok(fleet, "book", "--vehicle", "京A·10001", "--from", f"{MON} 09:00", "--to",
             f"{MON} 10:00", "--dest", "市政府", "--job", str(job_id))
    assert f"Job #{job_id} started" in out
    assert js(fleet, "show", str(job_id))["status"] == "in_progress"
    assert js(fleet, "bookings", "--date", MON)[0]["job_id"] == job_id
    refused(fleet, "book", "--vehicle", "京A·10002", "--from", f"{MON} 09:00", "--to",
            f"{MON} 10:00", "--dest", "市政府", "--job", "999")


@pytest.mark.parametrize("args, needle", [
    (["--from", "soon"], "--from"),
    (["--to", f"{MON} 08:00"], "not after"),
    (["--passengers", "5"], "do not fit"),
    (["--driver", "nobody"], "No driver"),
    (["--vehicle", "京Z·1"], "No vehicle"),
    (["--dest", " "], "destination"),
])
def test_book_refusals(fleet, args, needle):
    base = {"--vehicle": "京A·10001", "--from": f"{MON} 09:00", "--to": f"{MON} 10:00",
            "--dest": "市政府"}
    for i in range(0, len(args), 2):
        base[args[i]] = args[i + 1]
    argv = [x for pair in base.items() for x in pair]
    assert needle in refused(fleet, "book", *argv)
    assert count(fleet, "bookings") == 0


def test_book_requires_its_options(fleet):
    result = run(fleet, "book", "--vehicle", "京A·10001")
    assert result.exit_code != 0 and "--from" in result.stderr


# -- free and share ------------------------------------------------------------------------------
def test_free_lists_best_fit_first(fleet):
    book(fleet, "京A·10001", "09:00", "11:00")
    cars = js(fleet, "free", "--from", f"{MON} 10:00", "--to", f"{MON} 12:00")
    assert [c["plate"] for c in cars] == ["京A·10002", "京A·10003"]
    assert set(cars[0]) >= {"plate", "name", "seats", "status"}
    big = js(fleet, "free", "--from", f"{MON} 10:00", "--to", f"{MON} 12:00",
             "--passengers", "7")
    assert [c["plate"] for c in big] == ["京A·10003"]
    assert "No vehicle is free" in ok(fleet, "free", "--from", f"{MON} 10:00", "--to",
                                      f"{MON} 12:00", "--passengers", "40")


def test_share_matches_width_and_spacing_variants_and_join(fleet):
    trip = book(fleet, "京A·10002", "09:00", "11:00", "市政府", "--passengers", "2",
                "--dept", "办公室")
    for dest in ("市 政府", "　市政府 ", "市政府"):
        found = js(fleet, "share", "--from", f"{MON} 09:30", "--to", f"{MON} 10:30",
                   "--dest", dest, "--passengers", "2")
        assert [b["id"] for b in found] == [trip]
    assert js(fleet, "share", "--from", f"{MON} 09:30", "--to", f"{MON} 10:30", "--dest",
              "火车站") == []
    ok(fleet, "join", str(trip), "--passengers", "2", "--dept", "财务科")
    [after] = js(fleet, "bookings", "--date", MON)
    assert after["passengers"] == 4 and after["department"] == "办公室、财务科"
    assert "seats free" in refused(fleet, "join", str(trip), "--passengers", "3")


# -- vehicles, drivers, return ---------------------------------------------------------------------
def test_vehicle_list_status_and_json(fleet):
    cars = js(fleet, "vehicle", "list")
    assert [(c["plate"], c["name"], c["seats"], c["status"]) for c in cars] == [
        ("京A·10001", "Passat", 4, "active"), ("京A·10002", "Buick GL8", 6, "active"),
        ("京A·10003", "Coaster", 18, "active")]
    book(fleet, "京A·10001", "09:00", "10:00")
    out = ok(fleet, "vehicle", "status", "京A·10001", "maintenance")
    assert "in maintenance" in out and "#1" in out  # the trip it strands
    assert "maintenance" in refused(fleet, "book", "--vehicle", "京A·10001", "--from",
                                    f"{MON} 11:00", "--to", f"{MON} 12:00", "--dest", "x")
    assert "Unknown vehicle status" in refused(fleet, "vehicle", "status", "京A·10001", "gone")
    ok(fleet, "vehicle", "status", "京A·10001", "active")
    assert "already exists" in refused(fleet, "vehicle", "add", "--plate", "京a10001",
                                       "--name", "x", "--seats", "4")
    assert "Seats" in refused(fleet, "vehicle", "add", "--plate", "京B·1", "--name", "x",
                              "--seats", "0")


def test_vehicle_list_shows_reminders(fleet):
    ok(fleet, "vehicle", "set", "京A·10002", "--service-date", "2026-12-05")
    ok(fleet, "vehicle", "set", "京A·10003", "--odometer", "130000", "--service-km", "130000")
    cars = {c["plate"]: c for c in js(fleet, "vehicle", "list")}
    assert cars["京A·10002"]["reminders"] == ["京A·10002: service due 2026-12-05, in 8 days"]
    assert "130000" in cars["京A·10003"]["reminders"][0]
    assert cars["京A·10001"]["reminders"] == []
    text = ok(fleet, "vehicle", "list")
    assert "service due 2026-12-05" in text


def test_driver_add_and_list(fleet):
    drivers = js(fleet, "driver", "list")
    assert drivers == [{"id": 1, "name": "王师傅", "phone": "138",
                        "licence_expiry": "2028-01-01", "active": True}]
    assert "Bad date 'soon'" in refused(fleet, "driver", "add", "--name", "李", "--licence-expiry",
                                   "soon")
    assert "already exists" in refused(fleet, "driver", "add", "--name", "王师傅")


def test_return_records_the_odometer(fleet):
    trip = book(fleet, "京A·10001", "09:00", "10:00")
    assert "odometer" in refused(fleet, "return", str(trip))
    out = ok(fleet, "return", str(trip), "--odometer", "1234", "--fuel", "6.5")
    assert "1234" in out
    [after] = js(fleet, "bookings", "--date", MON)
    assert (after["status"], after["odometer"], after["fuel"]) == ("returned", 1234, 6.5)
    assert js(fleet, "vehicle", "list")[0]["odometer"] == 1234
    assert "No booking #99" in refused(fleet, "return", "99", "--odometer", "1")
    assert "No booking" in refused(fleet, "return", str(2**63), "--odometer", "1")


def test_reminders_command(fleet):
    assert "Nothing falls due" in ok(fleet, "reminders")
    ok(fleet, "vehicle", "set", "京A·10001", "--insurance", "2026-12-20")  # 23 days away
    assert js(fleet, "reminders") == []
    [found] = js(fleet, "reminders", "--days", "30")
    assert found["kind"] == "insurance" and found["days_left"] == 23
    ok(fleet, "reminders", "--days", "30", "--save")
    assert len(js(fleet, "reminders")) == 1


def test_every_roster_command_has_help():
    for argv in (["vehicle", "add"], ["vehicle", "list"], ["vehicle", "status"],
                 ["vehicle", "set"], ["driver", "add"], ["driver", "list"], ["book"],
                 ["bookings"], ["free"], ["share"], ["join"], ["return"], ["reminders"]):
        result = runner.invoke(app, [*argv, "--help"])
        assert result.exit_code == 0, argv
        assert result.stdout.strip(), argv


def test_the_installed_command_books_and_refuses(tmp_path):
    exe = Path(sys.executable).parent / "office-tui"
    db = str(tmp_path / "o.db")

    def call(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(exe), "--db", db, *args], capture_output=True, text=True,
                              timeout=60, env={"OFFICE_TUI_LANG": "en", "PATH": "/usr/bin"})

    assert call("vehicle", "add", "--plate", "京A·1", "--name", "Passat", "--seats", "4"
                ).returncode == 0
    first = call("book", "--vehicle", "京A·1", "--from", f"{MON} 09:00", "--to", f"{MON} 11:00",
                 "--dest", "市政府")
    assert first.returncode == 0 and first.stdout.strip() == "1"
    clash = call("book", "--vehicle", "京A·1", "--from", f"{MON} 10:30", "--to",
                 f"{MON} 12:00", "--dest", "市政府")
    assert clash.returncode == 1 and "#1" in clash.stderr and clash.stdout == ""
    assert "Traceback" not in clash.stderr


# -- every date option takes the quick-add's words (issue 14) -----------------------------------
def test_book_and_bookings_take_date_words(fleet):
    out = ok(fleet, "book", "--vehicle", "京A·10001", "--from", "明天 15:00", "--to",
             "tomorrow 17:00", "--dest", "市政府")
    booking = int(out.strip().splitlines()[-1])
    [found] = js(fleet, "bookings", "--date", "明天")
    assert (found["id"], found["start"], found["end"]) == (
        booking, "2026-11-28 15:00", "2026-11-28 17:00")
    assert [c["plate"] for c in js(fleet, "free", "--from", "明天@15:00", "--to", "明天@16:00")
            ] == ["京A·10002", "京A·10003"]
    ok(fleet, "vehicle", "set", "京A·10001", "--insurance", "+30d")
    assert js(fleet, "vehicle", "list")[0]["insurance_due"] == "2026-12-27"


def test_counts_in_the_cli_use_plural_forms(db):
    assert "(1 seat)" in ok(db, "vehicle", "add", "--plate", "京A·1", "--name", "Mini",
                            "--seats", "1")
    ok(db, "vehicle", "add", "--plate", "京A·2", "--name", "Van", "--seats", "6")
    booking = book(db, "京A·2", "09:00", "10:00", "市政府", "--passengers", "0")
    assert "now 1 passenger." in ok(db, "join", str(booking), "--passengers", "1")
    refused_join = run(db, "join", str(booking), "--passengers", "6")
    assert "has 5 seats free; 6 passengers do not fit" in refused_join.stderr


def test_out_and_return_print_the_timing_warnings(fleet, cli_on_clock):
    from datetime import datetime

    trip = book(fleet, "京A·10001", "08:30", "11:00")
    cli_on_clock.now = datetime(2026, 11, 30, 6, 23)
    said = ok(fleet, "out", str(trip))
    assert said.splitlines() == [
        f"Warning: #{trip} marked out at 06:23, 2 h 7 min before its booked start 08:30.",
        f"#{trip} out: 京A·10001 to 市政府."]
    cli_on_clock.now = datetime(2026, 11, 30, 6, 25)
    said = ok(fleet, "return", str(trip), "--odometer", "5")
    assert said.splitlines()[0].startswith(f"Warning: #{trip} returned at 06:25, 4 h 35 min")
