"""The database can be browsed read-only with the sqlite-utils command (README: "Browsing
the database"): its table counts on a real file made by the services, while the app's
writer holds the write lock, with nothing changed."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from office_tui.services import Services
from tests.cli.helpers import ok
from tests.integrity import table_counts as counts

SQLITE_UTILS = Path(sys.executable).parent / "sqlite-utils"


def test_sqlite_utils_tables_counts_a_file_made_by_the_services(tmp_path, clock):
    db = tmp_path / "office.db"
    svc = Services(db, clock=clock).open()
    try:
        for text in ("修空调 #报修", "接待省厅检查组 !! #接待", "印材料 50 份 #文印"):
            svc.jobs.add(text)
        svc.inventory.add_item("A4", "A4 复印纸", "包")
    finally:
        svc.close()
    before = counts(db)
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # the app in the middle of a write
        result = subprocess.run([str(SQLITE_UTILS), "tables", str(db), "--counts"],
                                capture_output=True, text=True, timeout=60)
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert result.returncode == 0, result.stderr
    found = {t["table"]: t["count"] for t in json.loads(result.stdout)}
    assert found == before
    assert found["jobs"] == 3 and found["items"] == 1 and found["events"] >= 4
    assert counts(db) == before
    # office-tui's own `export` lists the same
    listed = {line.split()[0]: int(line.split()[1]) for line in ok(db, "export").splitlines()}
    assert listed == found
