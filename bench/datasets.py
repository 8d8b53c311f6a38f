"""The benchmark databases, built once and cached under `.bench/db/` by size.

- jobs-N.db: `office-tui demo --jobs N` (the demo set plus N generated jobs), built by the
  real command so its build time is the issue's "1M jobs in under a minute".
- facilities.db: `office-tui demo`, then 5,000 items with 500,000 stock movements and
  50 vehicles with 50,000 bookings, bulk-inserted through the store functions in one
  transaction each (the same rows the services write; the booking slots never overlap);
  then the newer areas (`bench/areas.py`): 50,000 fixed assets, 30 rooms with five years
  of bookings, ten years of meal counts and of 16 meters' readings. The file is checked
  before it is kept: `PRAGMA integrity_check`, `foreign_key_check`, no room held twice at
  once, and `office-tui check`.

A cached file is reused while its meta file names the same generator version; a file
of an older schema is migrated once, untimed, by `prepare()`. BENCH_REBUILD=1 rebuilds.
Measurements run on a work copy (`work_copy()`), so `add` and triage never change the
cached base.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench.proc import OFFICE, REPO, base_env, run

BENCH_DIR = REPO / ".bench"
DB_DIR = BENCH_DIR / "db"
WORK_DIR = BENCH_DIR / "work"
GENERATOR = 3  # bump when what is generated changes: cached files are rebuilt

ITEMS, MOVEMENTS = 5_000, 500_000
VEHICLES, BOOKINGS = 50, 50_000
ASSETS, ROOMS, ROOM_YEARS, CANTEEN_YEARS = 50_000, 30, 5, 10
DEPARTMENTS = ("总务科", "财务科", "人事科", "办公室", "教务处", "信息中心", "保卫科", "后勤服务中心")
DESTINATIONS = ("市政府", "火车站", "机场 T3", "区教育局", "人民医院", "City Hall", "第一中学",
                "Bank of China", "区财政局", "会展中心")
UNITS = ("pcs", "pack", "box", "case", "bottle", "roll", "set", "bag")


def _meta_path(db: Path) -> Path:
    return db.with_suffix(".json")


def _cached(db: Path) -> dict | None:
    meta = _meta_path(db)
    if os.environ.get("BENCH_REBUILD") == "1" or not db.exists() or not meta.exists():
        return None
    data = json.loads(meta.read_text())
    return data if data.get("generator") == GENERATOR else None


def _finish(tmp: Path, db: Path, meta: dict) -> dict:
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.replace(db)
    meta = {**meta, "generator": GENERATOR, "built": datetime.now().isoformat(timespec="seconds"),
            "bytes": db.stat().st_size}
    _meta_path(db).write_text(json.dumps(meta, indent=2))
    return meta


def _remove(path: Path) -> None:
    for p in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        p.unlink(missing_ok=True)


def job_db(jobs: int, log=print) -> tuple[Path, dict]:
    """jobs-N.db: the demo plus N generated jobs, by `office-tui demo --jobs N`."""
    DB_DIR.mkdir(parents=True, exist_ok=True)
    db = DB_DIR / f"jobs-{jobs}.db"
    meta = _cached(db)
    if meta is not None:
        return db, meta
    tmp = DB_DIR / f"jobs-{jobs}.building.db"
    _remove(tmp)
    log(f"  building {db.name}: office-tui demo --jobs {jobs:,} ...")
    result = run([OFFICE, "--db", tmp, "demo", "--jobs", str(jobs)])
    log(f"    {result.seconds:.1f} s, peak RSS {result.rss_kib / 1024:.0f} MiB")
    return db, _finish(tmp, db, {"kind": "jobs", "jobs": jobs,
                                 "build_seconds": round(result.seconds, 2),
                                 "build_rss_mib": round(result.rss_kib / 1024, 1)})


def facilities_db(log=print) -> tuple[Path, dict]:
    """facilities.db: the demo plus 5k items / 500k movements, 50 cars / 50k bookings,
    50k assets, 30 rooms / 5 years of bookings, 10 years of meal counts and readings."""
    DB_DIR.mkdir(parents=True, exist_ok=True)
    db = DB_DIR / "facilities.db"
    meta = _cached(db)
    if meta is not None:
        return db, meta
    tmp = DB_DIR / "facilities.building.db"
    _remove(tmp)
    log(f"  building {db.name}: demo + {ITEMS:,} items / {MOVEMENTS:,} movements, "
        f"{VEHICLES} vehicles / {BOOKINGS:,} bookings, {ASSETS:,} assets, {ROOMS} rooms / "
        f"{ROOM_YEARS} years, {CANTEEN_YEARS} years of meals and readings ...")
    started = time.perf_counter()
    run([OFFICE, "--db", tmp, "demo"])
    from office_tui.services import Services

    phases = {"demo": time.perf_counter() - started}
    svc = Services(tmp).open()
    try:
        counts = {}
        for name, fill in (("inventory", _fill_inventory), ("vehicles", _fill_vehicles),
                           ("areas", _fill_areas)):
            mark = time.perf_counter()
            counts.update(fill(svc))
            phases[name] = time.perf_counter() - mark
    finally:
        svc.close()
    mark = time.perf_counter()
    _check(tmp)
    phases["check"] = time.perf_counter() - mark
    seconds = time.perf_counter() - started
    log(f"    {seconds:.1f} s ({', '.join(f'{k} {v:.1f}' for k, v in phases.items())}): "
        f"{counts}")
    return db, _finish(tmp, db, {"kind": "facilities", **counts,
                                 "build_seconds": round(seconds, 2),
                                 "phase_seconds": {k: round(v, 1) for k, v in phases.items()}})


def _fill_inventory(svc) -> dict[str, int]:
    """ITEMS more items with MOVEMENTS movements over the last year, stock never < 0."""
    from office_tui.core.job import to_iso
    from office_tui.store import inventory as store
    from office_tui.store import write

    db, now = svc.db, svc.now()
    rng = random.Random(7)
    per_item = MOVEMENTS // ITEMS
    created = to_iso(now - timedelta(days=400))
    with write(db):
        store.insert_items(db, [{
            "code": f"BK{i:05d}", "name": f"耗材 {i:05d} consumable", "unit": UNITS[i % 8],
            "category": f"cat{i % 12}", "location": f"{chr(65 + i % 20)}-{i % 50:02d}",
            "reorder_level_milli": rng.randint(0, 40) * 1000,
            "reorder_qty_milli": rng.randint(10, 100) * 1000, "lead_days": rng.randint(1, 14),
            "supplier": None, "grade": None, "active": 1, "stock_milli": 0,
            "created": created, "updated": created} for i in range(ITEMS)])
        ids = [r[0] for r in db.execute(
            "SELECT id FROM items WHERE code LIKE 'BK%' ORDER BY id").fetchall()]
        start, step = now - timedelta(days=365), timedelta(days=365) / per_item
        batch: list[dict] = []
        for item_id in ids:
            stock = 0
            for n in range(per_item):
                ts = to_iso(start + step * n + timedelta(minutes=rng.randint(0, 60)))
                if n == 0 or stock < 5000 or rng.random() < 0.12:
                    qty = rng.randint(20, 80) * 1000
                    batch.append({"item_id": item_id, "kind": "receive", "ts": ts,
                                  "quantity_milli": qty, "unit_price": "12.5"})
                    stock += qty
                else:
                    qty = min(rng.randint(1, 5) * 1000, stock)
                    batch.append({"item_id": item_id, "kind": "issue", "ts": ts,
                                  "quantity_milli": -qty,
                                  "department": DEPARTMENTS[rng.randrange(8)]})
                    stock -= qty
            if len(batch) >= 50_000:
                store.insert_movements(db, batch)
                batch = []
        store.insert_movements(db, batch)
    items = db.execute("SELECT COUNT(*) FROM items").fetchone()[0]
    moves = db.execute("SELECT COUNT(*) FROM movements").fetchone()[0]
    return {"items": int(items), "movements": int(moves)}


def _fill_vehicles(svc) -> dict[str, int]:
    """Cars up to VEHICLES and bookings up to BOOKINGS, ~2.6 years back and 60 days
    ahead, on the new cars only (the demo's own week stays as it is). Each day has
    three disjoint slots per car, so no two trips of a car or a driver overlap."""
    from office_tui.core.job import to_iso
    from office_tui.core.vehicles import name_key, normalise_destination, plate_key
    from office_tui.store import vehicles as store
    from office_tui.store import write

    db, now = svc.db, svc.now()
    rng = random.Random(11)
    stamp = to_iso(now)
    today = now.date()
    have_cars = store.vehicle_count(db)
    have_trips = store.booking_count(db)
    new_cars = VEHICLES - have_cars
    wanted = BOOKINGS - have_trips
    first_day, days = -900, 960
    with write(db):
        cars, drivers = [], []
        for i in range(new_cars):
            plate = f"京B·{i:05d}"
            cars.append(store.insert_vehicle(db, {
                "plate": plate, "plate_key": plate_key(plate), "name": f"bench car {i}",
                "seats": (4, 6, 8, 18)[i % 4], "status": "active",
                "odometer": 20_000 + 37 * i, "next_service_date": None,
                "next_service_km": None, "insurance_due": None, "inspection_due": None,
                "created": stamp, "updated": stamp}))
            if i < 40:
                name = f"司机{i:02d} bench"
                drivers.append(store.insert_driver(db, {
                    "name": name, "name_key": name_key(name), "phone": None,
                    "licence_expiry": None, "active": 1, "created": stamp, "updated": stamp}))
        rows = []
        base, extra = divmod(wanted, new_cars)
        for c, car in enumerate(cars):
            count = base + (1 if c < extra else 0)
            positions = sorted(rng.sample(range(days * 3), count))
            for pos in positions:
                day = today + timedelta(days=first_day + pos // 3)
                start = datetime.combine(day, datetime.min.time()) + timedelta(
                    minutes=450 + 180 * (pos % 3) + rng.choice((0, 15, 30)))
                end = start + timedelta(minutes=rng.choice((30, 45, 60, 90, 120)))
                if rng.random() < 0.03:
                    status = "cancelled"
                else:
                    status = "returned" if end <= now else "out" if start <= now else "booked"
                destination = rng.choice(DESTINATIONS)
                done = status == "returned"
                rows.append({
                    "vehicle_id": car, "driver_id": drivers[c] if c < len(drivers) else None,
                    "start_at": to_iso(start), "end_at": to_iso(end),
                    "destination": destination,
                    "destination_key": normalise_destination(destination),
                    "department": rng.choice(DEPARTMENTS), "requester": None,
                    "passengers": rng.randint(1, 4), "purpose": None, "job_id": None,
                    "status": status, "out_at": to_iso(start) if status in ("out", "returned")
                    else None,
                    "returned_at": to_iso(end) if done else None, "return_odometer": None,
                    "fuel_litres": 6.5 if done else None, "cost": 50.7 if done else None,
                    "cancel_reason": "bench" if status == "cancelled" else None,
                    "created": stamp, "updated": stamp,
                })
        rows.sort(key=lambda b: (b["start_at"], b["vehicle_id"]))
        for start in range(0, len(rows), 10_000):
            store.insert_bookings(db, rows[start:start + 10_000])
    return {"vehicles": store.vehicle_count(db), "bookings": store.booking_count(db)}


def _fill_areas(svc) -> dict[str, int]:
    """The newer areas' large sets (bench/areas.py), in one transaction."""
    from bench import areas
    from office_tui.store import write

    db, now = svc.db, svc.now()
    with write(db):
        have = db.execute("SELECT COUNT(*) FROM assets").fetchone()[0]
        areas.fill_assets(db, now, ASSETS - have)
        rooms = areas.fill_rooms(db, now, ROOMS, years=ROOM_YEARS)
        canteen = areas.fill_canteen(db, now, svc.calendar.is_workday, years=CANTEEN_YEARS)
    counts = {name: int(db.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0])
              for name in ("assets", "rooms", "room_bookings", "meal_counts",
                           "meals_served", "meters", "meter_readings")}
    counts["room_clashes"] = areas.room_clashes(db)
    assert rooms["rooms"] == ROOMS and canteen["readings"] and not counts["room_clashes"], \
        counts
    return counts


def _check(db: Path) -> None:
    """The built file is sound before it is kept: SQLite's checks and the app's own."""
    con = sqlite3.connect(db)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        foreign = con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()
    if integrity != [("ok",)] or foreign:
        raise RuntimeError(f"{db.name}: integrity {integrity[:5]}, foreign keys {foreign[:5]}")
    run([OFFICE, "--db", db, "check"], env=base_env())


def prepare(db: Path) -> None:
    """Bring a cached file to the current schema (a no-op when it is) before timing."""
    run([OFFICE, "--db", db, "list", "--limit", "1"], env=base_env())
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def work_copy(base: Path, name: str) -> Path:
    """A fresh copy of `base` in `.bench/work/<name>/` (its backups folder lands there)."""
    folder = WORK_DIR / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    target = folder / base.name
    shutil.copyfile(base, target)
    os.chmod(target, 0o600)
    return target


def drop_work(name: str) -> None:
    shutil.rmtree(WORK_DIR / name, ignore_errors=True)


def job_rows(db: Path):
    """Every job row (for the Taskwarrior export), in id order, read-only."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        yield from con.execute(
            "SELECT id, title, category, department, importance, expedite, "
            "COALESCE(promised_by, due), status, created, closed_at FROM jobs ORDER BY id")
    finally:
        con.close()


def open_job_count(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        total = con.execute("SELECT COUNT(*) FROM jobs").fetchone()[0]
        open_ = con.execute("SELECT COUNT(*) FROM jobs WHERE status IN "
                            "('inbox','open','in_progress','waiting')").fetchone()[0]
    finally:
        con.close()
    return int(total), int(open_)


FACILITIES = ("demo jobs + 5k items / 500k movements + 50 cars / 50k bookings + 50k assets "
              "+ 30 rooms / 5 years of bookings + 10 years of meal counts and readings")


def asset_count(db: Path) -> int:
    """Assets in `db` (read-only): the count's keys are measured only where there are some."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT COUNT(*) FROM assets").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        con.close()
