"""Rooms and the cars' log at scale: `python -m tests.bench.bench_rooms` (or `make bench`).

Not a test (pytest does not collect tests/bench). A fresh database gets 30 rooms with five
years of bookings (four a working day each, ~156,000) and 20 cars with five years of
services, inserted directly by the harness; then the median of five runs of what the
screens and commands read: a day on the Rooms tab, a week, `room free`, judging a booking
(what the form does live), a booking written, a year's series judged, and `vehicle costs`
over a year. Each reads an indexed range, so none should grow with the years behind it.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from office_tui.services import Services
from tests.conftest import FakeClock

ROOMS = 30
YEARS = 5
CARS = 20
NOW = datetime(2026, 11, 27, 10, 0)


def timed(call, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def build(path: Path) -> int:
    Services(path).open().close()
    conn = sqlite3.connect(path)
    stamp = NOW.isoformat(timespec="seconds")
    conn.executemany(
        "INSERT INTO rooms (name, name_key, seats, equipment, status, buffer_before, "
        "buffer_after, created, updated) VALUES (?, ?, ?, ?, 'open', 15, 15, ?, ?)",
        [(f"会议室{i:02d}", f"会议室{i:02d}", 6 + i * 4, "投影,话筒" + (",视频会议" if i % 3 else ""),
          stamp, stamp) for i in range(ROOMS)])
    rows = []
    day = NOW.date() - timedelta(days=365 * YEARS)
    end = NOW.date() + timedelta(days=60)
    while day < end:
        if day.weekday() < 5:
            for room in range(1, ROOMS + 1):
                for hour in (9, 11, 14, 16):
                    if (room + hour + day.toordinal()) % 7 == 0:
                        continue  # leave some free
                    s = datetime.combine(day, datetime.min.time()).replace(hour=hour)
                    e = s + timedelta(hours=1, minutes=15)
                    rows.append((room, s.isoformat(), e.isoformat(),
                                 (s - timedelta(minutes=15)).isoformat(),
                                 (e + timedelta(minutes=15)).isoformat(), f"会议{len(rows)}",
                                 "办公室", 5, stamp, stamp))
        day += timedelta(days=1)
    conn.executemany(
        "INSERT INTO room_bookings (room_id, start_at, end_at, held_from, held_to, title, "
        "department, people, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany(
        "INSERT INTO vehicles (plate, plate_key, name, seats, status, odometer, created, "
        "updated) VALUES (?, ?, 'car', 5, 'active', 100000, ?, ?)",
        [(f"京A{i:05d}", f"京a{i:05d}", stamp, stamp) for i in range(CARS)])
    log = []
    for car in range(1, CARS + 1):
        for month in range(12 * YEARS):
            d = NOW.date() - timedelta(days=30 * month)
            log.append((car, "service", d.isoformat(), 100000 - month * 900, "保养", 68000,
                        stamp))
    conn.executemany("INSERT INTO vehicle_log (vehicle_id, kind, day, km, work, cost_cents, "
                     "created) VALUES (?, ?, ?, ?, ?, ?, ?)", log)
    conn.commit()
    conn.close()
    return len(rows)


def main() -> int:
    path = Path(tempfile.mkdtemp()) / "rooms.db"
    made = build(path)
    svc = Services(path, clock=FakeClock(NOW)).open()
    try:
        r = svc.rooms
        today = NOW.date()
        monday = today - timedelta(days=today.weekday())
        start = datetime.combine(monday, datetime.min.time())
        at = datetime.combine(today, datetime.min.time()).replace(hour=10)
        print(f"Rooms at {ROOMS} rooms, {made:,} bookings over {YEARS} years "
              f"(in process, median of 5)")
        print(f"  a day on the Rooms tab              {timed(lambda: r.bookings(today)):7.1f} ms")
        print(f"  a week                              "
              f"{timed(lambda: r.bookings_between(start, start + timedelta(days=7))):7.1f} ms")
        print(f"  room free (an hour, 10 people)      "
              f"{timed(lambda: r.free(at, at + timedelta(hours=1), people=10)):7.1f} ms")
        print(f"  a booking judged (the form, live)   "
              f"{timed(lambda: r.assess('会议室05', at, at + timedelta(hours=1))):7.1f} ms")
        late = datetime.combine(today + timedelta(days=70), datetime.min.time()).replace(hour=8)
        print(f"  a booking written                   "
              f"{timed(lambda: r.book('会议室29', late, late + timedelta(minutes=30), 'b'), 1):7.1f} ms")
        series_start = datetime.combine(today + timedelta(days=90), datetime.min.time()) \
            .replace(hour=18)
        print(f"  a weekly series for a year judged   "
              f"{timed(lambda: r.book_series('会议室00', series_start, series_start + timedelta(hours=1), 's', every='weekly:mon', until=(series_start.date() + timedelta(days=364)).isoformat()), 1):7.1f} ms")
        print(f"  vehicle costs, a year, {CARS} cars      "
              f"{timed(lambda: svc.car_log.costs(start='2025-11-28', end='2026-11-27')):7.1f} ms")
    finally:
        svc.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
