"""Routines on real SQLite: generation across month ends, last working days, holidays,
catch-up, pauses, after-N-days, and concurrent generators never duplicating."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from datetime import date, datetime

import pytest

from office_tui.services import OfficeError, Services
from tests.conftest import FakeClock


def titles(jobs) -> list[str]:
    return [j.title for j in jobs]


def dues(jobs) -> list[datetime]:
    return [j.due for j in jobs]


def test_a_daily_routine_run_twice_in_a_day_yields_one_job(services):
    services.routines.add("食堂报餐统计 #other !high @办公室", every="daily", at="16:00")
    first = services.routines.generate()
    second = services.routines.generate()
    assert len(first) == 1 and second == []
    [job] = first
    assert (job.title, job.category, job.importance, job.department) == (
        "食堂报餐统计", "other", "high", "办公室")
    assert job.status == "open"
    assert job.due == datetime(2026, 11, 27, 16, 0)
    assert services.jobs.count(include_closed=True) == 1


def test_the_occurrence_key_holds_even_when_the_bookkeeping_is_lost(services):
    routine = services.routines.add("round", every="daily", at="16:00")
    assert len(services.routines.generate()) == 1
    # Forget that today was generated: only UNIQUE (routine_id, occurs_on) stops a second job.
    services.db.execute("UPDATE routines SET generated_through = NULL")
    assert services.routines.generate() == []
    assert [o["occurs_on"] for o in services.routines.occurrences(routine["id"])] == ["2026-11-27"]
    assert services.jobs.count(include_closed=True) == 1


def test_a_routine_added_after_its_time_starts_tomorrow(services, clock):
    routine = services.routines.add("morning round", every="daily", at="09:00")
    assert routine["starts"] == "2026-11-28"
    assert services.routines.generate() == []
    clock.advance(days=1)
    assert dues(services.routines.generate()) == [datetime(2026, 11, 28, 9, 0)]
    explicit = services.routines.add("from a day", every="daily", at="09:00", start="2026-11-27")
    assert explicit["starts"] == "2026-11-27"


def test_monthly_on_the_31st_across_month_ends(services, clock):
    clock.now = datetime(2026, 10, 31, 8, 0)
    services.routines.add("month report", every="monthly:31", at="15:00")
    made = services.routines.generate()
    assert dues(made) == [datetime(2026, 11, 2, 15, 0)]  # Sat 10-31 rolls to Monday
    clock.now = datetime(2026, 11, 30, 8, 0)
    assert dues(services.routines.generate()) == [datetime(2026, 11, 30, 15, 0)]
    clock.now = datetime(2026, 12, 31, 8, 0)
    assert dues(services.routines.generate()) == [datetime(2026, 12, 31, 15, 0)]
    clock.now = datetime(2027, 2, 28, 8, 0)  # two months later, a Sunday
    made = services.routines.generate()
    assert dues(made) == [datetime(2027, 2, 1, 15, 0), datetime(2027, 3, 1, 15, 0)]


def test_last_working_day_of_the_month(services, clock):
    clock.now = datetime(2026, 10, 1, 8, 0)
    services.routines.add("月度盘点 #supply", every="monthly:last", at="15:00")
    assert services.routines.generate() == []
    clock.now = datetime(2026, 10, 30, 8, 0)  # Friday; the 31st is a Saturday
    assert dues(services.routines.generate()) == [datetime(2026, 10, 30, 15, 0)]
    clock.now = datetime(2026, 10, 31, 8, 0)
    assert services.routines.generate() == []


def test_local_override_moves_the_last_working_day(services, clock):
    clock.now = datetime(2026, 12, 1, 8, 0)
    services.calendars.set_day("2026-12-31", "holiday", note="局部放假")
    services.routines.add("year-end stocktake", every="monthly:last", at="10:00")
    clock.now = datetime(2026, 12, 31, 8, 0)
    assert dues(services.routines.generate()) == [datetime(2026, 12, 30, 10, 0)]


def test_weekdays_skip_national_day_and_work_the_make_up_saturday(services, clock):
    clock.now = datetime(2026, 9, 30, 8, 0)
    services.routines.add("安全巡查", every="weekdays", at="09:00")
    assert dues(services.routines.generate()) == [datetime(2026, 9, 30, 9, 0)]
    clock.now = datetime(2026, 10, 10, 8, 0)  # the make-up Saturday after the holiday
    made = services.routines.generate()
    assert dues(made) == [datetime(2026, 10, 8, 9, 0), datetime(2026, 10, 9, 9, 0),
                          datetime(2026, 10, 10, 9, 0)]


def test_weekly_on_a_holiday_falls_due_on_the_next_working_day(services, clock):
    clock.now = datetime(2026, 9, 28, 8, 0)
    services.routines.add("公务车周检 #vehicle", every="weekly:thu", at="14:00")
    clock.now = datetime(2026, 10, 8, 8, 0)
    made = services.routines.generate()
    # Thursday 10-01 (National Day) falls due on Thursday 10-08, beside that day's own one.
    assert dues(made) == [datetime(2026, 10, 8, 14, 0), datetime(2026, 10, 8, 14, 0)]
    assert services.routines.generate() == []


def test_catch_up_all_or_latest(services, clock):
    services.routines.add("all of them", every="weekdays", at="16:00")
    services.routines.generate()
    clock.now = datetime(2026, 12, 4, 8, 0)  # a week away
    assert dues(services.routines.generate()) == [
        datetime(2026, 11, 30, 16, 0), datetime(2026, 12, 1, 16, 0),
        datetime(2026, 12, 2, 16, 0), datetime(2026, 12, 3, 16, 0),
        datetime(2026, 12, 4, 16, 0)]
    assert services.routines.set_catch_up("latest") == "latest"
    clock.now = datetime(2026, 12, 11, 8, 0)
    assert dues(services.routines.generate()) == [datetime(2026, 12, 11, 16, 0)]
    with pytest.raises(OfficeError, match="'all'"):
        services.routines.set_catch_up("some")
    assert services.routines.catch_up() == "latest"


def test_pause_and_resume_skip_the_paused_days(services, clock):
    routine = services.routines.add("round", every="daily", at="16:00")
    services.routines.generate()
    services.routines.pause(routine["id"])
    with pytest.raises(OfficeError, match="already paused"):
        services.routines.pause(routine["id"])
    clock.now = datetime(2026, 12, 3, 8, 0)
    assert services.routines.generate() == []
    assert services.routines.get(routine["id"])["next"] is None
    services.routines.resume(routine["id"])
    assert dues(services.routines.generate()) == [datetime(2026, 12, 3, 16, 0)]
    with pytest.raises(OfficeError, match="not paused"):
        services.routines.resume(routine["id"])
    with pytest.raises(OfficeError, match="No routine #99"):
        services.routines.pause(99)


def test_after_n_days_counts_from_when_the_last_one_was_done(services, clock):
    services.routines.add("锅炉房检查 #repair", every="after:7d", at="10:00", start="2026-11-27")
    [first] = services.routines.generate()
    clock.now = datetime(2026, 12, 7, 8, 0)  # ten days later, still open: no second one
    assert services.routines.generate() == []
    clock.now = datetime(2026, 12, 9, 11, 0)  # done late, on the 9th
    services.jobs.done(first.id, "checked")
    clock.now = datetime(2026, 12, 15, 8, 0)
    assert services.routines.generate() == []
    clock.now = datetime(2026, 12, 16, 8, 0)  # 9th + 7
    assert dues(services.routines.generate()) == [datetime(2026, 12, 16, 10, 0)]


def test_list_shows_rule_next_day_and_job_count(services):
    a = services.routines.add("安全巡查 !high @保卫科", every="weekdays", at="16:00")
    services.routines.add("月度盘点 #supply", every="monthly:last")
    services.routines.generate()
    listed = services.routines.list()
    assert [r["id"] for r in listed] == [a["id"], a["id"] + 1]
    assert listed[0] | {} == {
        "id": a["id"], "title": "安全巡查", "every": "weekdays", "at": "16:00",
        "category": "other", "importance": "high", "department": "保卫科",
        "starts": "2026-11-27", "paused": False, "generated_through": "2026-11-27",
        "next": "2026-11-30", "jobs": 1,
    }
    assert listed[1]["next"] == "2026-11-30" and listed[1]["at"] is None
    assert listed[1]["jobs"] == 0


@pytest.mark.parametrize(("text", "every", "at", "message"), [
    ("round", "sometimes", None, "Bad repeat 'sometimes'"),
    ("round", "daily", "25:00", "Bad time '25:00'"),
    ("round", "daily", "9", "Bad time '9'"),
    ("round due:tomorrow", "daily", None, "--at HH:MM"),
    ("   ", "daily", None, "The title is empty"),
    ("round #nonsense", "daily", None, "Unknown category"),
])
def test_bad_routines_are_refused_and_nothing_is_written(services, text, every, at, message):
    with pytest.raises(OfficeError, match=message):
        services.routines.add(text, every=every, at=at)
    assert services.routines.list() == []


def test_user_text_is_stored_exactly(services):
    title = "[bold]巡查[/] \x1b[31m red"
    routine = services.routines.add(title, every="daily", at="16:00")
    assert routine["title"] == title
    [job] = services.routines.generate()
    assert job.title == title


def test_generated_jobs_have_an_add_event(services):
    services.routines.add("round", every="daily", at="16:00")
    [job] = services.routines.generate()
    assert [e["action"] for e in services.jobs.history(job.id)] == ["add"]


# -- two processes at once -----------------------------------------------------------
def _race(db_path: str, start, results) -> None:
    svc = Services(db_path, clock=FakeClock(datetime(2026, 11, 27, 8, 0)))
    try:
        start.wait(timeout=30)
        made = 0
        for _ in range(3):
            made += len(svc.routines.generate())
        results.put(made)
    finally:
        svc.close()


def test_concurrent_generators_never_duplicate(db_path, clock):
    clock.now = datetime(2026, 10, 1, 8, 0)
    setup = Services(db_path, clock=clock).open()
    for every in ("daily", "weekdays", "weekly:mon,thu", "monthly:last", "2d"):
        setup.routines.add(f"routine {every}", every=every, at="16:00", start="2026-09-01")
    setup.close()
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    workers = [ctx.Process(target=_race, args=(str(db_path), start, results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    made = [results.get(timeout=5) for _ in workers]
    check = Services(db_path, clock=FakeClock(datetime(2026, 11, 27, 8, 0))).open()
    try:
        rows = check.db.execute(
            "SELECT routine_id, occurs_on, job_id FROM routine_occurrences").fetchall()
        jobs = check.jobs.list(include_closed=True, limit=10_000)
        per_key = Counter((r[0], r[1]) for r in rows)
        assert max(per_key.values()) == 1
        assert sum(made) == len(rows) == len(jobs)  # every job counted once, by one process
        assert len({r[2] for r in rows}) == len(rows)
        # 2026-09-01 .. 11-27 daily alone is 88 days (capped catch-up would still be 88).
        assert sum(1 for r in rows if r[0] == 1) == 88
    finally:
        check.close()
