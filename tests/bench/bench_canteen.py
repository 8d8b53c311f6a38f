"""Canteen & utilities at ten years: `python -m tests.bench.bench_canteen` (or `make bench`).

Not a test (pytest does not collect tests/bench). A fresh database gets ten years of meal
counts (20 departments, breakfast, lunch and dinner of every working day, ~150,000) with
what the kitchen served, and 16 meters read over the same ten years (12 at each month's
end, 4 of the canteen's every day: ~16,000 readings), built by `bench.areas.fill_canteen`.
Then the median of five runs of what the F8 screen's two tabs load (the screen's own
loader), the commands' service calls (`meals sheet`, `meals month`, `utilities month`,
`utilities flags` — the "over N× the median" check, also Today's —, `readings`, `meter
list`), a count and a reading written; and the median of three whole `office-tui`
processes of the same commands beside `python -c "import sqlite3"`. Each reads a range
of an index that does not grow with the years behind it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench.areas import fill_canteen
from office_tui.services import Services
from office_tui.store import write
from tests.bench.bench_assets import timed  # the same median of five

YEARS = 10
DAILY_METER = "二食堂电表"
MONTHLY_METER = "行政楼水表"


def build(path: Path, now: datetime) -> tuple[dict[str, int], float]:
    started = time.perf_counter()
    svc = Services(path, clock=lambda: now).open()
    try:
        with write(svc.db):
            counts = fill_canteen(svc.db, now, svc.calendar.is_workday, years=YEARS)
    finally:
        svc.close()
    return counts, time.perf_counter() - started


def process_ms(args: list[str], repeat: int = 3) -> float:
    env = {**os.environ, "OFFICE_TUI_LANG": "en"}
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(args, env=env, capture_output=True, text=True)
        runs.append((time.perf_counter() - start) * 1000)
        if done.returncode:
            raise SystemExit(f"{' '.join(args)} failed: {done.stderr.strip()}")
    return statistics.median(runs)


def main() -> int:
    from office_tui.services.canteen import CanteenService
    from office_tui.tui.screens.canteen import _load

    # Build at the wall clock's today, so the whole-process commands (which read the
    # real clock) see the same "today" as the in-process ones.
    now = datetime.now().replace(hour=10, minute=0, second=0, microsecond=0)
    today = now.date()
    path = Path(tempfile.mkdtemp(prefix="office-tui-canteen-")) / "canteen.db"
    counts, seconds = build(path, now)
    print(f"Canteen & utilities at {YEARS} years: {counts['meal_counts']:,} meal counts, "
          f"{counts['meals_served']:,} served, {counts['meters']} meters / "
          f"{counts['readings']:,} readings (built in {seconds:.1f} s)")
    svc = Services(path, clock=lambda: now).open()
    month = (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    lines = [
        ("F8 Meals tab (sheet, suggestions, week)", lambda: _load(1, "meals", today, svc)),
        ("F8 Utilities tab (16 meters, 12 months)", lambda: _load(1, "utilities", today, svc)),
        ("meals sheet (a day)", lambda: CanteenService.render_sheet(
            svc.canteen.sheet(today), "md")),
        (f"meals month ({month})", lambda: svc.canteen.month(month)),
        (f"utilities month ({month})", lambda: svc.utilities.month(month)),
        ("utilities flags (over N× the median)", svc.utilities.flags),
        ("readings (a daily meter, 3 years)",
         lambda: svc.utilities.periods(DAILY_METER)),
        ("readings (a monthly meter, 3 years)",
         lambda: svc.utilities.periods(MONTHLY_METER)),
        ("meter list (last reading of each)", lambda: [
            svc.utilities.last_reading(m) for m in svc.utilities.meters()]),
        ("departments reporting (28 days)", lambda: svc.canteen.departments(today)),
    ]
    try:
        print("  in process, median of 5                      ms")
        for label, call in lines:
            print(f"  {label:<44} {timed(call):7.1f}")
        serial = iter(range(10_000))
        meter = svc.utilities.meter(DAILY_METER)
        later = iter(range(1, 100))  # a reading comes after the last one: a day later each

        def count_set():
            svc.canteen.set_count(today, "办公室", "dinner", next(serial))

        def reading_added():
            last = svc.utilities.last_reading(meter)
            svc.utilities.add_reading(DAILY_METER, str(last.value + 500),
                                      day=(today + timedelta(days=next(later))).isoformat())

        for label, call in (("a count set (meals set)", count_set),
                            ("a reading added (reading add)", reading_added)):
            print(f"  {label:<44} {timed(call):7.1f}")
    finally:
        svc.close()
    office = str(Path(sys.executable).parent / "office-tui")
    db = ["--db", str(path)]
    process_ms([office, *db, "meals", "sheet"], repeat=1)  # the day's first start: untimed
    print("  whole process, median of 3                    ms")
    floor = 'python -c "import sqlite3" (the floor)'
    print(f"  {floor:<44} {process_ms([sys.executable, '-c', 'import sqlite3']):7.0f}")
    for label, args in (("office-tui meals sheet", ["meals", "sheet"]),
                        ("office-tui meals month", ["meals", "month", "--month", month]),
                        ("office-tui utilities month", ["utilities", "month", "--month", month]),
                        ("office-tui utilities flags", ["utilities", "flags"]),
                        ("office-tui meter list", ["meter", "list"]),
                        ("office-tui readings (a daily meter)", ["readings", DAILY_METER])):
        print(f"  {label:<44} {process_ms([office, *db, *args]):7.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
