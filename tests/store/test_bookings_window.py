"""A timeline window reads only its own bookings: store.vehicles.bookings_between bounds
the start by the longest booking (index bookings_length) and must give exactly the
bookings an obvious scan of every row finds to overlap the window."""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from office_tui.core.job import to_iso
from office_tui.services import Services
from office_tui.store import write
from office_tui.store import vehicles as store
from tests.conftest import NOW, FakeClock

BASE = datetime(2026, 11, 1)


def fill(svc: Services, seed: int, n: int, longest_hours: int) -> None:
    rng = random.Random(seed)
    db = svc.db
    with write(db):
        for plate in ("A1", "B2"):
            store.insert_vehicle(db, {"plate": plate, "plate_key": plate, "name": plate,
                                      "seats": 4, "created": to_iso(NOW),
                                      "updated": to_iso(NOW)})
        rows = []
        for i in range(n):
            start = BASE + timedelta(minutes=rng.randrange(0, 60 * 24 * 40, 15))
            hours = rng.choice([1, 2, 8, 24, longest_hours]) if i % 7 else longest_hours
            rows.append({
                "vehicle_id": rng.choice([1, 2]), "driver_id": None,
                "start_at": to_iso(start),
                "end_at": to_iso(start + timedelta(hours=hours, minutes=rng.choice([0, 30]))),
                "destination": "x", "destination_key": "x", "passengers": 1,
                "status": rng.choice(["booked", "out", "returned", "cancelled"]),
                "created": to_iso(NOW), "updated": to_iso(NOW)})
        store.insert_bookings(db, rows)


def obvious(svc: Services, start: str, end: str, include_cancelled: bool) -> list[int]:
    rows = svc.db.execute("SELECT id, start_at, end_at, status FROM bookings").fetchall()
    hits = [(s, i) for i, s, e, status in rows
            if s < end and e > start and (include_cancelled or status != "cancelled")]
    return [i for _s, i in sorted(hits)]


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10**6), n=st.integers(0, 60),
       longest=st.sampled_from([1, 30, 24 * 9, 24 * 45]),
       day=st.integers(-5, 45), days=st.sampled_from([1, 7]),
       include_cancelled=st.booleans())
def test_a_window_holds_exactly_the_bookings_that_overlap_it(
        seed, n, longest, day, days, include_cancelled):
    tmp = Path(tempfile.mkdtemp(prefix="office-tui-window-"))
    svc = Services(tmp / "office.db", clock=FakeClock()).open()
    try:
        fill(svc, seed, n, longest)
        start = to_iso(BASE + timedelta(days=day))
        end = to_iso(BASE + timedelta(days=day + days))
        got = [r["id"] for r in store.bookings_between(
            svc.db, start, end, include_cancelled=include_cancelled)]
        assert got == obvious(svc, start, end, include_cancelled)
    finally:
        svc.close()
        shutil.rmtree(tmp, ignore_errors=True)


def test_a_booking_ending_exactly_at_the_window_start_is_outside_and_a_long_one_inside(
        services):
    fill(services, 1, 0, 1)
    db = services.db
    with write(db):
        store.insert_bookings(db, [
            {"vehicle_id": 1, "driver_id": None, "start_at": s, "end_at": e,
             "destination": "x", "destination_key": "x", "passengers": 1,
             "status": "booked", "created": to_iso(NOW), "updated": to_iso(NOW)}
            for s, e in (("2026-11-26T08:00:00", "2026-11-27T00:00:00"),
                         ("2026-10-01T08:00:00", "2026-11-27T00:00:01"),
                         ("2026-11-27T23:59:59", "2026-11-28T09:00:00"))])
    assert store.longest_booking_days(db) > 56
    got = store.bookings_between(db, "2026-11-27T00:00:00", "2026-11-28T00:00:00")
    assert [r["start_at"] for r in got] == ["2026-10-01T08:00:00", "2026-11-27T23:59:59"]


def test_the_query_plan_reads_a_range_of_the_time_index(services):
    """The plan of the very statement bookings_between runs (caught by a trace)."""
    db = services.db
    fill(services, 2, 20, 30)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        store.bookings_between(db, "2026-11-10T00:00:00", "2026-11-11T00:00:00")
    finally:
        db.conn.set_trace_callback(None)
    plans = {sql: " ".join(str(row) for row in db.execute("EXPLAIN QUERY PLAN " + sql))
             for sql in statements if sql.lstrip().upper().startswith("SELECT")}
    window = [plan for sql, plan in plans.items() if "FROM bookings b" in sql]
    longest = [plan for sql, plan in plans.items() if "MAX(julianday" in sql]
    assert len(window) == 1 and len(longest) == 1, plans
    assert "bookings_time (start_at>? AND start_at<?)" in window[0]
    assert "USING INDEX bookings_length" in longest[0]
