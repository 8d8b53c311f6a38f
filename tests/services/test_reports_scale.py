"""Reports at any size: the numbers come from indexed ranges of the period (counts in SQL,
the backlog counted up to the exact edges of its age buckets and of overdue, in working
time), and the Reports screen's summary reads only the first jobs of each list. Both must
give exactly what the obvious computation gives: read every job of the period and of the
backlog and work each one out in Python (kept here only, as the oracle)."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from office_tui.core import kpi
from office_tui.core.calendar import WorkingCalendar
from office_tui.core.job import from_iso, to_iso
from office_tui.core.report import CloseTime, DepartmentCount, Report, to_csv, to_markdown
from office_tui.core.vocab import CATEGORIES
from office_tui.services import Services
from office_tui.services import reports as reports_module
from office_tui.services.reports import OLDEST, _line
from office_tui.store import jobs as job_store
from office_tui.store import write

# Thursday 26 off, Saturday 28 worked (调休): offsets jump and stall around "now".
CAL = WorkingCalendar(holidays=frozenset({date(2026, 11, 26)}),
                      workdays=frozenset({date(2026, 11, 28)}))
NOWS = [datetime(2026, 11, 27, 10, 0), datetime(2026, 11, 27, 8, 30, 0, 250000),
        datetime(2026, 11, 27, 17, 30), datetime(2026, 11, 27, 19, 45, 10),
        datetime(2026, 11, 28, 12, 0), datetime(2026, 11, 29, 11, 0),
        datetime(2026, 11, 26, 10, 0), datetime(2026, 11, 30, 9, 15, 30),
        datetime(2026, 12, 1, 0, 0)]
STATUSES = ("inbox", "open", "in_progress", "waiting", "done", "done", "cancelled")
JOB_FIELDS = ("received", "closed", "on_time", "late", "cancelled", "close_times", "backlog",
              "backlog_ages", "oldest", "departments", "daily_received", "daily_closed")


def oracle(svc: Services, kind: str, on: date | None) -> Report:
    """The jobs' part of the report as it was computed before: every row, one by one."""
    p = svc.reports.period(kind, on=on)
    as_of = min(svc.now(), p.end_moment)
    db, cal = svc.db, svc.calendar
    cols = job_store.COLUMNS

    def rows(sql: str, params: list) -> list[dict]:
        return [dict(zip(cols, r)) for r in db.execute(
            f"SELECT {', '.join(cols)} FROM jobs WHERE {sql}", params).fetchall()]

    iso = lambda m: m.isoformat(timespec="seconds")  # noqa: E731
    since, until, at = iso(p.start_moment), iso(p.end_moment), iso(as_of)
    day_hours = cal.day_minutes / 60.0
    report = Report(period=p, as_of=as_of)
    received = rows("created >= ? AND created < ? ORDER BY created, id", [since, until])
    closed = rows("closed_at >= ? AND closed_at < ? AND status IN ('done','cancelled') "
                  "ORDER BY closed_at, id", [since, until])
    done = [r for r in closed if r["status"] == "done"]
    report.received, report.closed = len(received), len(done)
    report.cancelled = len(closed) - len(done)
    per_category: dict[str, list[float]] = defaultdict(list)
    for row in done:
        closed_at, created = from_iso(row["closed_at"]), from_iso(row["created"])
        due, promised = from_iso(row["due"]), from_iso(row["promised_by"])
        per_category[row["category"]].append(
            max(cal.working_hours_between(created, closed_at), 0.0))
        if kpi.on_time(closed_at, due, promised):
            report.on_time += 1
        else:
            limit = max(m for m in (due, promised) if m is not None)
            report.late_jobs.append(_line(row, late_hours=max(
                cal.working_hours_between(limit, closed_at), 0.0)))
    report.late = len(report.late_jobs)
    report.close_times = [CloseTime(c, len(per_category[c]), kpi.median(per_category[c]),
                                    kpi.percentile(per_category[c], 90))
                          for c in CATEGORIES if per_category.get(c)]
    backlog = rows(f"created <= ? AND ({job_store.OPEN_SQL} OR closed_at > ?) "
                   "ORDER BY created, id", [at, at])
    ages = []
    for row in backlog:
        age = max(cal.working_hours_between(from_iso(row["created"]), as_of), 0.0) / day_hours
        ages.append((age, row))
        due = from_iso(row["promised_by"]) or from_iso(row["due"])
        if due is not None:
            over = cal.working_hours_between(due, as_of)
            if over > 0:
                report.overdue.append(_line(row, age_days=age, late_hours=over))
    report.backlog = len(backlog)
    report.backlog_ages = kpi.bucket_counts([a for a, _r in ages])
    ages.sort(key=lambda pair: (-pair[0], pair[1]["id"]))
    report.oldest = [_line(r, age_days=a) for a, r in ages[:OLDEST]]
    report.overdue.sort(key=lambda j: (-j.late_hours, j.id))
    report.overdue_count = len(report.overdue)
    seen: set[int] = set()
    for row in received + done + backlog:
        if row["expedite"] and row["id"] not in seen:
            seen.add(row["id"])
            report.expedite.append(_line(row))
    report.expedite.sort(key=lambda j: j.id)
    report.expedite_count = len(report.expedite)
    counts: dict = defaultdict(lambda: [0, 0])
    for row in received:
        counts[row["department"]][0] += 1
    for row in done:
        counts[row["department"]][1] += 1
    report.departments = sorted(
        (DepartmentCount(d, r, c) for d, (r, c) in counts.items()),
        key=lambda d: (-d.received, -d.closed, d.department or "\uffff"))
    report.daily_received = kpi.daily_counts([from_iso(r["created"]) for r in received], p)
    report.daily_closed = kpi.daily_counts([from_iso(r["closed_at"]) for r in done], p)
    return report


def check(svc: Services, kind: str, on: date | None) -> None:
    expected = oracle(svc, kind, on)
    full = svc.reports.build(kind, on=on)
    summary = svc.reports.build(kind, on=on, full=False)
    listed = reports_module.LISTED
    for name in JOB_FIELDS + ("overdue_count", "expedite_count"):
        assert getattr(full, name) == getattr(expected, name), name
        assert getattr(summary, name) == getattr(expected, name), name
    for name in ("overdue", "late_jobs", "expedite"):
        assert getattr(full, name) == getattr(expected, name), name
        assert getattr(summary, name) == getattr(expected, name)[:listed], name
    # the same text, to the character
    for name in ("replies_total", "replies_outstanding", "supplies", "vehicles"):
        setattr(expected, name, getattr(full, name))  # not the jobs' part: the same code
    assert to_markdown(full) == to_markdown(expected)
    assert to_csv(full) == to_csv(expected)
    p = svc.reports.period(kind, on=on)
    assert svc.reports.on_time(p) == (expected.on_time, expected.closed,
                                      kpi.rate(expected.on_time, expected.closed))


def _moment(now: datetime):
    day = datetime.combine(now.date(), datetime.min.time())
    special = [now.replace(microsecond=0), now.replace(microsecond=0) - timedelta(seconds=1),
               day + timedelta(hours=8, minutes=30), day + timedelta(hours=17, minutes=30),
               day - timedelta(days=1, hours=-17, minutes=-30),
               day - timedelta(days=9, hours=-17, minutes=-30, seconds=-1),
               datetime(2026, 11, 23), datetime(2026, 11, 1)]
    return st.one_of(
        st.sampled_from(special),
        st.integers(-60 * 24 * 40, 60 * 24 * 3).map(lambda m: now + timedelta(minutes=m)),
        st.integers(-3600 * 24 * 20, 3600).map(
            lambda s: now.replace(microsecond=0) + timedelta(seconds=s)),
    )


@st.composite
def job_sets(draw):
    now = draw(st.sampled_from(NOWS))
    moment = _moment(now)
    jobs = draw(st.lists(st.fixed_dictionaries({
        "status": st.sampled_from(STATUSES),
        "expedite": st.integers(0, 1),
        "created": moment,
        "due": st.one_of(st.none(), moment),
        "promised_by": st.one_of(st.none(), st.none(), moment),
        "closed_at": moment,
        "department": st.sampled_from((None, "总务科", "办公室", "")),
        "category": st.sampled_from(("repair", "print", "other")),
    }), max_size=40))
    kind = draw(st.sampled_from(("day", "week", "month")))
    back = draw(st.sampled_from((0, 0, 1, 3, 7, 30)))
    return now, jobs, kind, now.date() - timedelta(days=back)


def fill(svc: Services, now: datetime, jobs: list[dict]) -> None:
    rows = []
    for i, j in enumerate(jobs):
        created = min(j["created"], now.replace(microsecond=0))
        closed = j["status"] in ("done", "cancelled")
        rows.append({
            "id": i + 1, "title": f"job {i}", "category": j["category"],
            "department": j["department"], "requester": None, "importance": "normal",
            "expedite": j["expedite"], "due": to_iso(j["due"]), "due_source": "given",
            "promised_by": to_iso(j["promised_by"]),
            "promise_reason": "x" if j["promised_by"] else None, "status": j["status"],
            "waiting_reason": "vendor" if j["status"] == "waiting" else None,
            "waiting_since": to_iso(created) if j["status"] == "waiting" else None,
            "outcome": "done" if j["status"] == "done" else None,
            "cancel_reason": "withdrawn" if j["status"] == "cancelled" else None,
            "replied_at": None, "reply_note": None,
            "created": to_iso(created), "updated": to_iso(created),
            "closed_at": to_iso(max(created, min(j["closed_at"], now))) if closed else None,
        })
    with write(svc.db):
        job_store.insert_many(svc.db, rows)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=job_sets())
def test_reports_match_working_out_every_job(monkeypatch, case):
    monkeypatch.setattr(reports_module, "LISTED", 2)  # small, so the summary's caps bite
    now, jobs, kind, on = case
    with tempfile.TemporaryDirectory() as tmp:
        svc = Services(Path(tmp) / "office.db", clock=lambda: now, calendar=CAL).open()
        try:
            fill(svc, now, jobs)
            check(svc, kind, on)
        finally:
            svc.close()


def test_many_jobs_against_the_oracle(services, clock):
    """Hundreds of jobs over two months, every period kind, this one and earlier ones."""
    services.calendar = CAL
    now = clock.now = datetime(2026, 11, 27, 10, 0)
    jobs = []
    for i in range(700):
        created = now - timedelta(minutes=97 * i + i % 13)
        due = None if i % 9 == 0 else created + timedelta(hours=4 + i % 70)
        jobs.append({"status": STATUSES[i % len(STATUSES)], "expedite": int(i % 6 == 0),
                     "created": created, "due": due,
                     "promised_by": due + timedelta(hours=3) if due and i % 5 == 0 else None,
                     "closed_at": created + timedelta(hours=1 + i % 50),
                     "department": (None, "总务科", "办公室")[i % 3],
                     "category": ("repair", "print", "other", "meeting")[i % 4]})
    fill(services, now, jobs)
    for kind in ("day", "week", "month"):
        for back in (0, 6, 20, 45):
            check(services, kind, now.date() - timedelta(days=back))
    summary = services.reports.build("month", full=False)
    assert summary.overdue_count > len(summary.overdue) == reports_module.LISTED
    assert summary.late > len(summary.late_jobs) == reports_module.LISTED


def test_a_summary_is_never_written(services):
    summary = services.reports.build("week", full=False)
    with pytest.raises(ValueError):
        services.reports.render(summary, "md")
    with pytest.raises(ValueError):
        to_csv(summary)


def test_average_price_reads_the_newest_window(services, monkeypatch):
    """The price of supplies: receipts among the item's newest movements, as the item's
    history shows them (the obvious computation)."""
    inv = services.inventory
    inv.add_item("A4", "Paper", unit="box")
    prices = ["10", "12.5", "", "11", "9.99"]
    for i, price in enumerate(prices):
        inv.receive("A4", f"{i + 2}", price=price or None)
        inv.issue("A4", "1", department="办公室")
    for window in (1, 2, 3, 4, 7, 1000):
        monkeypatch.setattr(reports_module, "PRICE_WINDOW", window)
        total_qty, total_cost = Decimal(0), Decimal(0)
        for m in inv.history("A4", limit=window):
            if m.kind == "receive" and m.unit_price is not None:
                qty = Decimal(m.quantity_milli) / 1000
                total_qty, total_cost = total_qty + qty, total_cost + qty * m.unit_price
        expected = total_cost / total_qty if total_qty else None
        assert services.reports._average_price(inv, "A4") == expected, window
    assert services.reports._average_price(inv, "a4") is not None  # codes ignore case


@pytest.mark.parametrize("name, sql", [
    ("jobs_done_closed", "SELECT TOTAL({on_time}), COUNT(*) FROM jobs INDEXED BY "
                         "jobs_done_closed WHERE status = 'done' AND closed_at >= ? "
                         "AND closed_at < ?"),
    ("jobs_open_created", "SELECT COUNT(*) FROM jobs INDEXED BY jobs_open_created "
                          "WHERE {open} AND created > ? AND created <= ?"),
])
def test_counts_are_read_from_an_index_alone(services, name, sql):
    """The week's on-time count (Today's header) and the backlog's counts read no row."""
    from office_tui.store import reports as store

    plan = " ".join(r[-1] for r in services.db.execute(
        "EXPLAIN QUERY PLAN " + sql.format(on_time=store.ON_TIME_SQL, open=job_store.OPEN_SQL),
        ["2026-11-23T00:00:00", "2026-11-30T00:00:00"]).fetchall())
    assert f"COVERING INDEX {name}" in plan, plan
