"""SIGKILL a writer at random moments, 20 times: nothing reported saved is lost or doubled,
the file is intact and the stock ledger balances."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from office_tui.services import Services
from tests.reliability.crash_writer import PLATES

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20


def test_sigkill_at_random_moments_loses_nothing_reported(tmp_path):
    db = tmp_path / "office.db"
    setup = Services(db, clock=lambda: datetime(2026, 11, 27, 10, 0)).open()
    for plate in PLATES:
        setup.vehicles.add_vehicle(plate, "Sedan", 5)
    setup.inventory.add_item("A4", "A4 paper", "box")
    setup.close()

    rng = random.Random(2026)
    reported_jobs: dict[int, str] = {}
    reported_moves: list[int] = []
    reported_bookings: list[int] = []
    for round_ in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_writer", str(db),
             str(round_ * 100_000)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
            env={**os.environ, "OFFICE_TUI_LANG": "en"},
        )
        assert writer.stdout.readline().strip() == "ready"
        # A random point in the write stream: after some number of reported saves the
        # writer is already inside its next transaction (or between two) when it dies.
        # At least one line: the first a restarted writer reports is a job.
        lines = [writer.stdout.readline() for _ in range(rng.randint(1, 16))]
        writer.send_signal(signal.SIGKILL)
        lines += writer.communicate(timeout=30)[0].splitlines()
        assert writer.returncode == -signal.SIGKILL
        for line in filter(None, (text.strip() for text in lines)):
            kind, ident, *rest = line.split(" ", 2)
            if kind == "job":
                reported_jobs[int(ident)] = rest[0]
            elif kind == "move":
                reported_moves.append(int(ident))
            elif kind == "book":
                reported_bookings.append(int(ident))

    assert len(reported_jobs) >= KILLS  # the writer got real work done between kills
    check = Services(db).open()
    db_ = check.db
    assert db_.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db_.execute("PRAGMA foreign_key_check").fetchall() == []
    for job_id, title in reported_jobs.items():
        assert check.jobs.get(job_id).title == title
        assert db_.execute("SELECT COUNT(*) FROM jobs WHERE title = ?", [title]).fetchone()[0] == 1
    for move_id in reported_moves:
        assert db_.execute("SELECT COUNT(*) FROM movements WHERE id = ?",
                           [move_id]).fetchone()[0] == 1
    for booking_id in reported_bookings:
        assert check.vehicles.booking(booking_id).destination == "市政府"
    # Every job has its event, and the ledger balances.
    jobs = db_.execute("SELECT COUNT(*) FROM jobs").fetchone()[0]
    adds = db_.execute("SELECT COUNT(*) FROM events WHERE entity='job' AND action='add'"
                       ).fetchone()[0]
    assert jobs == adds
    item = check.inventory.item("A4")
    assert item.stock == check.inventory.ledger_sum("A4")
    assert item.stock >= 0
    check.close()
