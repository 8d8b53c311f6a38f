"""Fixed assets at scale: `python -m tests.bench.bench_assets` (or `make bench`).

Not a test (pytest does not collect tests/bench). A fresh database gets 50,000 assets in
40 departments (inserted directly by the harness); then the median of five runs of a
register page by department and by room, one department, a tag, and a count of all of
them: started, its status read, the walk-through's window, one asset marked.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from office_tui.services import Services

ASSETS = 50_000


def timed(call, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> int:
    tmp = Path(tempfile.mkdtemp()) / "assets.db"
    Services(tmp).open().close()
    conn = sqlite3.connect(tmp)
    depts = [f"部门{i}" for i in range(40)]
    rows = [(f"GZ-2024-{i:06d}", f"资产{i}", "电子设备", "3000.00", "2024-01-01", 5,
             f"保管人{i % 300}", depts[i % 40], f"{i % 9}F-{i % 500}", "in_use", "",
             "2026-01-01", "2026-01-01") for i in range(ASSETS)]
    conn.executemany("INSERT INTO assets (tag, name, category, value, purchased, life_years, "
                     "keeper, department, location, status, search_key, created, updated) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()
    svc = Services(tmp).open()
    try:
        print(f"Fixed assets at {ASSETS:,} (in process, median of 5)")
        print(f"  register page (200, by department) {timed(lambda: svc.assets.list(limit=200)):7.1f} ms")
        print(f"  register page (200, by room)       "
              f"{timed(lambda: svc.assets.list(limit=200, order='location')):7.1f} ms")
        print(f"  one department (1,250)             "
              f"{timed(lambda: svc.assets.list(department='部门7')):7.1f} ms")
        print(f"  one tag                            "
              f"{timed(lambda: svc.assets.get('GZ-2024-049999')):7.2f} ms")
        start = time.perf_counter()
        count = svc.assets.start_count()
        print(f"  a count of all started             {(time.perf_counter() - start) * 1000:7.0f} ms")
        print(f"  its status read                    "
              f"{timed(lambda: svc.assets.count_status(count.id), 3):7.0f} ms")
        print(f"  the walk-through opens (its window) "
              f"{timed(lambda: svc.assets.walk(count.id), 3):7.1f} ms")
        print(f"  one asset marked                   "
              f"{timed(lambda: svc.assets.mark(count.id, 'GZ-2024-000001', 'found'), 3):7.1f} ms")
    finally:
        svc.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
