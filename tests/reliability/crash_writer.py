"""A writer killed at random by test_crash_safety: it reports each change once committed.

Usage: python -m tests.reliability.crash_writer DB START
Prints `ready`, then for i = START, START+1, ...: `job ID TITLE`, `move ID`, `book ID`,
each only after the service call returned (the transaction is committed).
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

from office_tui.core.vehicles import BookingRequest
from office_tui.services import Services

PLATES = [f"京A{n:05d}" for n in range(4)]
BASE = datetime(2027, 1, 4, 8, 0)


def main() -> None:
    db, start = sys.argv[1], int(sys.argv[2])
    svc = Services(db, clock=lambda: datetime(2026, 11, 27, 10, 0)).open()
    print("ready", flush=True)
    i = start
    while True:
        job = svc.jobs.add(f"crash job {i}")
        print(f"job {job.id} crash job {i}", flush=True)
        received = svc.inventory.receive("A4", 2)
        print(f"move {received.id}", flush=True)
        issued = svc.inventory.issue("A4", 1, department="财务科")
        print(f"move {issued.movement.id}", flush=True)
        slot = BASE + timedelta(hours=2 * i)
        booked = svc.vehicles.book(BookingRequest(
            vehicle=PLATES[i % len(PLATES)], start=slot, end=slot + timedelta(hours=1),
            destination="市政府"))
        print(f"book {booked.booking.id}", flush=True)
        i += 1


if __name__ == "__main__":
    main()
