"""Every cross-area reaction, each step in a fresh `office-tui` process.

A reaction must not depend on which services a process happened to build before: a
process that only runs `triage --due` has never touched kits, yet the event's linked
jobs move. Dates are absolute, so nothing here depends on the wall clock.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.terminal import office_tui_command

OFFICE_TUI = office_tui_command()


def call(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("OFFICE_TUI_DB", "FORCE_COLOR", "CLICOLOR_FORCE", "TTY_COMPATIBLE")}
    env.update(OFFICE_TUI_LANG="en", COLUMNS="120", PYTHONIOENCODING="utf-8")
    return subprocess.run([OFFICE_TUI, "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=60, check=False)


def ok(db: Path, *args: str) -> str:
    done = call(db, *args)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done.stdout


def js(db: Path, *args: str) -> Any:
    return json.loads(ok(db, *args, "--json"))


def refused(db: Path, *args: str) -> str:
    done = call(db, *args)
    assert done.returncode == 1, (args, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr


def job(db: Path, job_id: int) -> dict[str, Any]:
    return js(db, "show", str(job_id))


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "office.db"


@pytest.fixture
def meeting(db) -> tuple[int, dict[str, int]]:
    """A meeting on Thu 2026-12-03 14:00 with a two-item kit: (event id, linked ids by title)."""
    ok(db, "kit", "new", "large meeting")
    ok(db, "kit", "item-add", "large meeting", "T-1d@17:00", "name cards #print")
    ok(db, "kit", "item-add", "large meeting", "-2h", "room set-up #meeting !high")
    made = js(db, "kit", "event", "large meeting", "term meeting due:2026-12-03@14:00 #meeting")
    linked = {j["title"].split(" — ")[0]: j["id"] for j in made["linked"]}
    assert [job(db, i)["due"] for i in linked.values()] == [
        "2026-12-02T17:00:00", "2026-12-03T12:00:00"]
    return made["event"]["id"], linked


def test_a_new_process_moving_the_event_by_triage_moves_its_linked_jobs(db, meeting):
    event, linked = meeting
    ok(db, "triage", str(event), "--due", "2026-12-07@10:00")  # to Monday, plain triage
    assert job(db, event)["due"] == "2026-12-07T10:00:00"
    assert job(db, linked["name cards"])["due"] == "2026-12-04T17:00:00"  # the Friday before
    assert job(db, linked["room set-up"])["due"] == "2026-12-07T08:00:00"
    # One transaction: one undo, in yet another process, puts all three back.
    ok(db, "undo")
    assert [job(db, i)["due"] for i in (event, *linked.values())] == [
        "2026-12-03T14:00:00", "2026-12-02T17:00:00", "2026-12-03T12:00:00"]


def test_a_closed_linked_job_stays_where_it_was(db, meeting):
    event, linked = meeting
    ok(db, "done", str(linked["name cards"]), "--outcome", "printed")
    ok(db, "triage", str(event), "--due", "2026-12-07@10:00")
    assert job(db, linked["name cards"])["due"] == "2026-12-02T17:00:00"
    assert job(db, linked["room set-up"])["due"] == "2026-12-07T08:00:00"


def test_a_triage_that_leaves_the_due_alone_moves_nothing(db, meeting):
    event, linked = meeting
    ok(db, "triage", str(event), "--importance", "high")
    assert [job(db, i)["due"] for i in linked.values()] == [
        "2026-12-02T17:00:00", "2026-12-03T12:00:00"]


def test_cancelling_the_event_cancels_its_open_linked_jobs(db, meeting):
    event, linked = meeting
    ok(db, "kit", "cancel", str(event), "--reason", "called off")
    assert {job(db, i)["status"] for i in (event, *linked.values())} == {"cancelled"}


def test_a_booking_for_a_vehicle_job_starts_the_job(db):
    trip = int(ok(db, "add", "car to the station #vehicle @Office !high").strip())
    other = int(ok(db, "add", "second passenger #vehicle @Office").strip())
    ok(db, "vehicle", "add", "--plate", "京A·1", "--name", "Passat", "--seats", "4")
    booked = ok(db, "book", "--vehicle", "京A·1", "--from", "2026-12-03 09:00",
                "--to", "2026-12-03 11:00", "--dest", "station", "--job", str(trip))
    assert job(db, trip)["status"] == "in_progress"
    booking = booked.strip().splitlines()[-1]
    ok(db, "join", booking, "--job", str(other))
    assert job(db, other)["status"] == "in_progress"


def test_a_booking_for_a_closed_job_is_refused_and_writes_nothing(db):
    trip = int(ok(db, "add", "car to the station #vehicle").strip())
    ok(db, "done", str(trip), "--outcome", "took a taxi")
    ok(db, "vehicle", "add", "--plate", "京A·1", "--name", "Passat", "--seats", "4")
    assert f"#{trip}" in refused(
        db, "book", "--vehicle", "京A·1", "--from", "2026-12-03 09:00", "--to",
        "2026-12-03 11:00", "--dest", "station", "--job", str(trip))
    assert js(db, "bookings", "--date", "2026-12-03") == []


def test_issuing_stock_with_close_closes_the_supply_job(db):
    ok(db, "item", "add", "--code", "A4", "--name", "A4 paper", "--unit", "pack")
    ok(db, "receive", "A4", "10")
    supply = int(ok(db, "add", "paper for finance #supply @Finance").strip())
    status = job(db, supply)["status"]
    ok(db, "issue", "A4", "4", "--job", str(supply), "--close")
    closed = job(db, supply)
    assert closed["status"] == "done"
    assert closed["outcome"] == "Issued 4 pack of A4 paper (A4) to Finance"
    assert js(db, "item", "show", "A4")["stock"] == 6
    # The issue and the close were one transaction: one undo reverts both.
    ok(db, "undo")
    assert job(db, supply)["status"] == status
    assert js(db, "item", "show", "A4")["stock"] == 10


def test_issuing_without_close_leaves_the_job_open(db):
    ok(db, "item", "add", "--code", "A4", "--name", "A4 paper", "--unit", "pack")
    ok(db, "receive", "A4", "10")
    supply = int(ok(db, "add", "paper for finance #supply @Finance").strip())
    status = job(db, supply)["status"]
    ok(db, "issue", "A4", "4", "--job", str(supply))
    assert job(db, supply)["status"] == status != "done"


def test_issuing_with_close_to_a_closed_job_is_refused_and_writes_nothing(db):
    ok(db, "item", "add", "--code", "A4", "--name", "A4 paper", "--unit", "pack")
    ok(db, "receive", "A4", "10")
    supply = int(ok(db, "add", "paper for finance #supply @Finance").strip())
    ok(db, "cancel", str(supply), "--reason", "withdrawn")
    assert f"#{supply}" in refused(db, "issue", "A4", "4", "--job", str(supply), "--close")
    assert js(db, "item", "show", "A4")["stock"] == 10
    assert "--job" in refused(db, "issue", "A4", "4", "--dept", "Finance", "--close")
    assert js(db, "item", "show", "A4")["stock"] == 10


def test_a_routine_run_makes_its_jobs_through_the_job_verbs(db):
    ok(db, "routine", "add", "water the plants #other @Office", "--every", "3d",
       "--at", "09:00", "--from", "2000-01-03")
    made = js(db, "routine", "run")
    assert made and {j["title"] for j in made} == {"water the plants"}
    assert {j["department"] for j in made} == {"Office"}
    listed = {j["id"] for j in js(db, "list", "--all", "--limit", "1000")}
    assert {j["id"] for j in made} <= listed
