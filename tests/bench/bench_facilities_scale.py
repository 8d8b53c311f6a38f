"""Supply cupboard and vehicle roster at the benchmark's facilities size:
`python -m tests.bench.bench_facilities_scale` (or `make bench`).

Not a test (pytest does not collect tests/bench). It copies the cached facilities
database (5,040 items / 502k movements / 50 cars / 50k bookings, built by `python -m
bench.run`) to a temporary directory — the cached file is never written — and prints
medians of the work that must stay flat as the history grows:

- in process: the `stock` table's 50 items most in need (and with --low), the whole
  listing that `stock --json` prints; the Inventory screen's load calls (its first page
  of 200 rows and the item count, the highlighted item's 12 weeks, the low count); the
  Vehicles screen's day and week load (cars, the window's bookings, reminders, settings)
  and how many bookings the window read;
- the newer screens' own loaders (the worker each runs before its first rows): Assets
  (first page and counts), Reports (the week), the Roster's Rooms tab (day and week),
  Canteen & utilities (Meals and Utilities tabs), and Today's lines of the other areas
  (meters' flags included; after its first frame);
- whole process: `office-tui stock`, `stock --low` and `stock --json`; `asset list --dept`,
  `room bookings`, `meals sheet`, `meals month`, `utilities month`.

Options: --db PATH (default .bench/db/facilities.db), --repeat N (default 7).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, time as day_time, timedelta
from pathlib import Path
from typing import Any

from office_tui.services import Services

ROOT = Path(__file__).resolve().parents[2]
CACHED = ROOT / ".bench" / "db" / "facilities.db"


def median_ms(call: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    runs, result = [], None
    call()  # warm: the first call pays for opening and the page cache
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), result


def process_ms(args: list[str], repeat: int) -> float:
    command = shutil.which("office-tui") or str(Path(sys.executable).with_name("office-tui"))
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run([command, *args], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"})
        runs.append((time.perf_counter() - start) * 1000)
        if done.returncode:
            raise SystemExit(f"office-tui {' '.join(args)} failed: {done.stderr.decode()}")
    return statistics.median(runs)


def inventory_screen_load(svc: Services) -> int:
    """What the Inventory screen's workers ask for, in order."""
    lines = svc.inventory.stock(limit=200)
    svc.inventory.count()
    if lines:
        svc.inventory.weekly_use(lines[0].item.code)
    return svc.inventory.stock_by_need(low=True, limit=0)[1]


def vehicles_load(svc: Services, view: str) -> int:
    """What the Vehicles screen's load worker asks for (screens/vehicles.py _load)."""
    svc.vehicles.vehicles(include_retired=False)
    day = svc.now().date()
    if view == "week":
        start = datetime.combine(day - timedelta(days=day.weekday()), day_time(0))
        bookings = svc.vehicles.bookings_between(start, start + timedelta(days=7))
    else:
        bookings = svc.vehicles.bookings(day)
    svc.vehicles.reminders()
    svc.vehicles.settings()
    return len(bookings)


def newer_screens(svc: Services, measure) -> None:
    """The loaders of the Assets, Reports, Rooms and Canteen screens, as their workers call
    them (the screens' own functions, inside a session)."""
    from office_tui.tui.screens import assets, canteen, reports, vehicles

    today = svc.now().date()
    with svc.session() as s:
        measure("Assets screen: first page + counts",
                lambda: assets._load(1, "", "department", assets.PAGE, None, s),
                lambda r: f"{len(r.assets)} rows")
        measure("Reports screen: the week", lambda: reports._summary(1, "week", None, s))
        for view in ("day", "week"):
            measure(f"Roster rooms tab: {view} load",
                    lambda view=view: vehicles._roster(1, view, today, "rooms", s),
                    lambda r: f"{len(r.rooms)} rooms, {len(r.room_bookings)} bookings")
        measure("Canteen screen: Meals tab", lambda: canteen._load(1, "meals", today, s),
                lambda r: f"{len(r.sheet.departments)} departments")
        measure("Canteen screen: Utilities tab",
                lambda: canteen._load(1, "utilities", today, s),
                lambda r: f"{len(r.meters)} meters")
        view = s.today.build(generate=False, areas=False)
        measure("Today: the other areas' lines (after the frame)",
                lambda: s.today.add_areas(view))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=CACHED)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    if not args.db.exists():
        raise SystemExit(f"{args.db} is missing: `python -m bench.run` builds it.")
    with tempfile.TemporaryDirectory(prefix="office-tui-facilities-") as tmp:
        path = Path(tmp) / "facilities.db"
        shutil.copyfile(args.db, path)
        svc = Services(path).open()  # migrates the copy, never the cached file
        try:
            db = svc.db
            sizes = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                     for t in ("items", "movements", "vehicles", "bookings", "assets",
                               "rooms", "room_bookings", "meal_counts", "meter_readings")}
            print("facilities: " + ", ".join(f"{n:,} {t}" for t, n in sizes.items()))
            rows: list[tuple[str, float, str]] = []

            def measure(label: str, call: Callable[[], Any], note=lambda r: "") -> None:
                ms, result = median_ms(call, args.repeat)
                rows.append((label, ms, note(result)))

            measure("stock: 50 most in need", lambda: svc.inventory.stock_by_need(limit=50),
                    lambda r: f"{len(r[0])} shown of {r[1]}")
            measure("stock --low: 50 most in need",
                    lambda: svc.inventory.stock_by_need(low=True, limit=50),
                    lambda r: f"{len(r[0])} shown of {r[1]}")
            measure("stock --all: every item by need", lambda: svc.inventory.stock_by_need(),
                    lambda r: f"{len(r[0])} lines")
            measure("stock --json: every item by code", lambda: svc.inventory.stock(),
                    lambda r: f"{len(r)} lines")
            measure("Inventory screen: page + count + weeks + low",
                    lambda: inventory_screen_load(svc), lambda r: f"{r} low")
            measure("  first page (200 rows) + count",
                    lambda: (svc.inventory.stock(limit=200), svc.inventory.count()))
            measure("  low count (after the first frame)",
                    lambda: svc.inventory.stock_by_need(low=True, limit=0))
            measure("Vehicles screen: day load", lambda: vehicles_load(svc, "day"),
                    lambda r: f"{r} bookings")
            measure("Vehicles screen: week load", lambda: vehicles_load(svc, "week"),
                    lambda r: f"{r} bookings")
            newer_screens(svc, measure)
        finally:
            svc.close()
        month = (datetime.now().date().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
        for cli_args in (["stock"], ["stock", "--low"], ["stock", "--json"],
                         ["asset", "list", "--dept", "财务科"], ["room", "bookings"],
                         ["meals", "sheet"], ["meals", "month", "--month", month],
                         ["utilities", "month", "--month", month]):
            ms = process_ms(["--db", str(path), *cli_args], max(args.repeat // 2, 3))
            rows.append((f"whole process: office-tui {' '.join(cli_args)}", ms, ""))
    width = max(len(label) for label, _ms, _note in rows)
    print(f"{'':{width}}  median ms")
    for label, ms, note in rows:
        print(f"{label:{width}}  {ms:9.2f}  {note}")


if __name__ == "__main__":
    main()
