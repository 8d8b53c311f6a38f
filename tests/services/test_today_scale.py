"""Today at any size: each job section lists its most urgent jobs (a cap) and counts them
all, read from indexed due ranges rather than from every open job. It must give exactly
what the obvious computation gives: score every open job, sort, put each into the first
section it belongs to (kept here only, as the oracle)."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.job import overdue_before, to_iso
from office_tui.core.urgency import sort_key
from office_tui.services import Services
from office_tui.services import today as today_module
from office_tui.services.today import TodayService
from office_tui.store import jobs as job_store
from office_tui.store import write

JOB_SECTIONS = ("overdue", "at_risk", "due_today", "promised_today", "routines")
# Thursday 26 off, Saturday 28 worked (调休): offsets jump and stall around "now".
CAL = WorkingCalendar(holidays=frozenset({date(2026, 11, 26)}),
                      workdays=frozenset({date(2026, 11, 28)}))
NOWS = [datetime(2026, 11, 27, 10, 0), datetime(2026, 11, 27, 8, 30), datetime(2026, 11, 27, 7, 0),
        datetime(2026, 11, 27, 17, 30), datetime(2026, 11, 27, 19, 45),
        datetime(2026, 11, 28, 12, 0), datetime(2026, 11, 29, 11, 0),
        datetime(2026, 11, 26, 10, 0), datetime(2026, 11, 30, 9, 15, 30)]
OPEN = ("inbox", "open", "in_progress", "waiting")


def oracle(svc: Services) -> dict[str, list[int]]:
    """Every open job scored and sorted, then each in its first section."""
    now = svc.now()
    ids = [r[0] for r in svc.db.execute("SELECT id FROM jobs").fetchall()]
    jobs = [j for j in (svc.jobs.get(i) for i in ids) if not j.is_closed]
    jobs.sort(key=lambda j: sort_key(j.urgency.total, j.effective_due, j.id))
    from_routines = set(svc.routines.job_routines([j.id for j in jobs]))
    buckets: dict[str, list[int]] = {name: [] for name in JOB_SECTIONS}
    for job in jobs:
        name = TodayService._section_of(job, now, job.id in from_routines)
        if name:
            buckets[name].append(job.id)
    return buckets


def _moment(now: datetime):
    bound = overdue_before(now, CAL)
    day = datetime.combine(now.date(), datetime.min.time())
    special = [now, now - timedelta(seconds=1), now + timedelta(seconds=1), bound,
               bound - timedelta(seconds=1), bound + timedelta(seconds=1), day,
               day + timedelta(hours=8, minutes=30), day + timedelta(hours=17, minutes=30),
               day + timedelta(hours=23, minutes=59, seconds=59), day + timedelta(days=1)]
    return st.one_of(
        st.sampled_from(special),
        st.integers(-60 * 24 * 6, 60 * 24 * 6).map(lambda m: now + timedelta(minutes=m)),
    )


@st.composite
def job_sets(draw):
    now = draw(st.sampled_from(NOWS))
    jobs = draw(st.lists(st.fixed_dictionaries({
        "status": st.sampled_from(OPEN * 3 + ("done", "cancelled")),
        "importance": st.sampled_from(("high", "normal", "low")),
        "expedite": st.integers(0, 1),
        "created_ago": st.integers(0, 60 * 24 * 30),
        "due": st.one_of(st.none(), _moment(now)),
        "promised_by": st.one_of(st.none(), st.none(), _moment(now)),
        "routine": st.booleans(),
    }), max_size=40))
    return now, jobs


def fill(svc: Services, now: datetime, jobs: list[dict]) -> None:
    db = svc.db
    rows = []
    for i, j in enumerate(jobs):
        created = now - timedelta(minutes=j["created_ago"])
        closed = j["status"] in ("done", "cancelled")
        rows.append({
            "id": i + 1, "title": f"job {i}", "category": "other", "department": None,
            "requester": None, "importance": j["importance"], "expedite": j["expedite"],
            "due": to_iso(j["due"]), "due_source": "given", "promised_by": to_iso(j["promised_by"]),
            "promise_reason": "x" if j["promised_by"] else None, "status": j["status"],
            "waiting_reason": "vendor" if j["status"] == "waiting" else None,
            "waiting_since": to_iso(created) if j["status"] == "waiting" else None,
            "outcome": "done" if j["status"] == "done" else None,
            "cancel_reason": "withdrawn" if j["status"] == "cancelled" else None,
            "replied_at": to_iso(now) if j["status"] == "done" else None, "reply_note": None,
            "created": to_iso(created), "updated": to_iso(created),
            "closed_at": to_iso(now) if closed else None,
        })
    with write(db):
        job_store.insert_many(db, rows)
        db.execute("INSERT INTO routines (id, title, rule, starts, paused, created, updated) "
                   "VALUES (1, 'r', 'daily', '2026-01-01', 1, '2026-01-01T00:00:00', "
                   "'2026-01-01T00:00:00')")
        for i, j in enumerate(jobs):
            if j["routine"]:
                db.execute("INSERT INTO routine_occurrences (routine_id, occurs_on, job_id, "
                           "created) VALUES (1, ?, ?, '2026-01-01T00:00:00')", [f"d{i}", i + 1])


def check(svc: Services) -> None:
    expected = oracle(svc)
    view = svc.today.build(generate=False)
    cap = today_module.JOBS_LISTED
    for name in JOB_SECTIONS:
        section = view.section(name)
        assert [j.id for j in section.items] == expected[name][:cap], name
        assert section.count == len(expected[name]), name
    assert view.open_jobs == sum(1 for r in svc.db.execute("SELECT status FROM jobs")
                                 if r[0] in OPEN)
    data = view.to_json()
    for name in JOB_SECTIONS:
        assert data["counts"][name] == len(expected[name])
        assert data["more"][name] == max(len(expected[name]) - cap, 0)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=job_sets())
def test_sections_match_ranking_every_open_job(monkeypatch, case):
    monkeypatch.setattr(today_module, "JOBS_LISTED", 3)  # small, so the caps bite
    now, jobs = case
    with tempfile.TemporaryDirectory() as tmp:
        svc = Services(Path(tmp) / "office.db", clock=lambda: now, calendar=CAL).open()
        try:
            fill(svc, now, jobs)
            check(svc)
        finally:
            svc.close()


@settings(max_examples=300, deadline=None)
@given(now=st.sampled_from(NOWS) | st.integers(0, 60 * 24 * 14).map(
           lambda m: datetime(2026, 11, 22) + timedelta(minutes=m)),
       seconds=st.integers(-3 * 24 * 3600, 3 * 24 * 3600))
def test_overdue_before_is_the_edge_of_overdue(now, seconds):
    due = now + timedelta(seconds=seconds)
    assert (due < overdue_before(now, CAL)) == (CAL.working_hours_between(now, due) < 0)


def test_many_jobs_every_kind_against_the_oracle(services, clock):
    """A few hundred jobs of every kind, with the real cap: the lists and the counts."""
    services.calendar = CAL
    now = clock.now = datetime(2026, 11, 27, 10, 0)
    jobs = []
    for i in range(130):  # overdue, some waiting
        jobs.append({"status": "waiting" if i % 7 == 0 else "open", "importance": "normal",
                     "expedite": int(i % 11 == 0), "created_ago": 3000 + i,
                     "due": now - timedelta(hours=1 + i % 50), "promised_by": None,
                     "routine": False})
    for i in range(110):  # due later today; a few at risk, a few from a routine
        jobs.append({"status": "open", "importance": ("high", "normal", "low")[i % 3],
                     "expedite": 0, "created_ago": 30 + (4000 if i % 9 == 0 else 0),
                     "due": now + timedelta(minutes=30 + i), "promised_by": None,
                     "routine": i % 4 == 0})
    for i in range(105):  # promised for this afternoon
        jobs.append({"status": "in_progress", "importance": "normal", "expedite": 0,
                     "created_ago": 60, "due": now - timedelta(days=2),
                     "promised_by": now + timedelta(hours=5, minutes=i % 30),
                     "routine": False})
    for i in range(40):  # due in a day or two, made long ago: at risk, some only just
        jobs.append({"status": "open", "importance": "normal", "expedite": 0,
                     "created_ago": 60 * 24 * (4 + i % 12), "due": now + timedelta(
                         days=1 + i % 3, hours=i % 5), "promised_by": None, "routine": False})
    for i in range(60):  # future, waiting, closed, no due
        jobs.append({"status": ("open", "waiting", "done", "inbox")[i % 4], "importance": "low",
                     "expedite": 0, "created_ago": 10,
                     "due": None if i % 5 == 0 else now + timedelta(days=3 + i),
                     "promised_by": None, "routine": False})
    fill(services, now, jobs)
    check(services)
    view = services.today.build(generate=False)
    counts = {name: view.section(name).count for name in JOB_SECTIONS}
    assert counts["overdue"] == 130 and len(view.section("overdue").items) == 100
    assert counts["promised_today"] == 105 and counts["routines"] > 0
    assert counts["at_risk"] > 0 and counts["due_today"] > 0


@pytest.mark.parametrize("sql", [
    "SELECT COUNT(*) FROM jobs WHERE {open} AND {buckets} AND COALESCE(promised_by, due) < ?",
    "SELECT * FROM jobs WHERE {open} AND {buckets} AND COALESCE(promised_by, due) >= ?",
])
def test_due_ranges_are_read_from_the_rank_index(services, sql):
    """The counts and ranges Today reads use the jobs_rank index, never a table scan."""
    query = sql.format(open=job_store.OPEN_SQL, buckets=job_store._ALL_BUCKETS)
    plan = " ".join(r[-1] for r in services.db.execute(
        "EXPLAIN QUERY PLAN " + query, ["2026-11-27T10:00:00"]).fetchall())
    assert "jobs_rank" in plan and "SCAN" not in plan, plan


def test_the_job_sections_first_then_the_other_areas(services):
    """The screen draws build(areas=False) first; add_areas() completes the same view."""
    services.load_demo()
    whole = services.today.build().to_json()
    first = services.today.build(areas=False)
    assert not first.complete
    assert [first.section(n).items for n in ("trips", "low_stock", "reminders")] == [[]] * 3
    for name in today_module.JOB_SECTIONS:
        assert [i.to_json() for i in first.section(name).items] == whole["sections"][name]
    services.today.add_areas(first)
    assert first.complete and first.to_json() == whole
    assert whole["sections"]["trips"] and whole["sections"]["low_stock"]  # the demo has both
