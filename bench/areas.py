"""The large data sets of the newer areas (issue 21), for `tests/bench` and the "fac"
database of `bench/datasets.py`: fixed assets, meeting rooms with years of bookings, and
the canteen's meal counts with utility meters' readings over years.

Rows go in with executemany on the open database (one transaction, the caller's), but
each is a row the services would write: the same columns and derived keys, unique
where the schema says so, no two bookings of a room holding it at once, a meter's
readings rising except at a reset that carries its reason. Existing rows are kept (the
demo's): new rows use their own tags, rooms and meters, and meal counts go in with
INSERT OR IGNORE so a (day, department, meal) the demo already holds stays the demo's.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, datetime, time, timedelta
from decimal import Decimal

# The canteen: who reports (name, people) and the share of them at each meal.
CANTEEN_DEPARTMENTS = (
    ("办公室", 9), ("财务科", 12), ("教务处", 15), ("人事科", 7), ("总务科", 11),
    ("信息中心", 8), ("保卫科", 6), ("后勤服务中心", 14), ("学生处", 10), ("科研处", 9),
    ("图书馆", 13), ("工会", 4), ("团委", 5), ("招生办", 6), ("审计处", 5),
    ("基建处", 8), ("国际交流处", 6), ("档案馆", 4), ("校医院", 16), ("实验中心", 12),
)
MEAL_SHARES = (("breakfast", 0.45), ("lunch", 1.0), ("dinner", 0.25))
MEAL_PRICES = {"breakfast": "5", "lunch": "12", "dinner": "10"}
# Meters: name, kind, unit, price, department, multiplier, use a day, seasonal swing, read
# (monthly at the month's end, as the clerk reads most; daily, as a canteen's own meters).
METERS = (
    ("行政楼电表", "electricity", "kWh", "0.85", "办公室", "40", 11, 0.35, "monthly"),
    ("行政楼水表", "water", "m³", "4.5", "总务科", "1", 6, 0.15, "monthly"),
    ("教学楼电表", "electricity", "kWh", "0.85", "教务处", "80", 20, 0.4, "monthly"),
    ("教学楼水表", "water", "m³", "4.5", "教务处", "1", 14, 0.2, "monthly"),
    ("图书馆电表", "electricity", "kWh", "0.85", "图书馆", "20", 15, 0.3, "monthly"),
    ("实验楼电表", "electricity", "kWh", "0.85", "实验中心", "40", 18, 0.25, "monthly"),
    ("实验楼水表", "water", "m³", "4.5", "实验中心", "1", 9, 0.1, "monthly"),
    ("校医院电表", "electricity", "kWh", "0.85", "校医院", "1", 240, 0.3, "monthly"),
    ("校医院水表", "water", "m³", "4.5", "校医院", "1", 12, 0.1, "monthly"),
    ("锅炉房燃气表", "gas", "m³", "3.2", "总务科", "1", 160, 0.9, "monthly"),
    ("教学区供暖热表", "heat", "GJ", "45", "总务科", "1", 3, 0.9, "monthly"),
    ("宿舍区水表", "water", "m³", "4.5", "学生处", "1", 80, 0.2, "monthly"),
    ("二食堂电表", "electricity", "kWh", "0.85", "后勤服务中心", "1", 170, 0.2, "daily"),
    ("二食堂水表", "water", "m³", "4.5", "后勤服务中心", "1", 9, 0.1, "daily"),
    ("二食堂燃气表", "gas", "m³", "3.2", "后勤服务中心", "1", 46, 0.25, "daily"),
    ("食堂冷库电表", "electricity", "kWh", "0.85", "后勤服务中心", "1", 60, 0.4, "daily"),
)
ROOM_SLOTS = ((9, 0), (11, 0), (14, 0), (16, 0))  # 75 minutes each, 15 held either side
ASSET_KINDS = (("台式计算机", "电子设备", "4599.00", 6), ("激光打印机", "电子设备", "1899.00", 5),
               ("办公桌", "办公家具", "1280.00", 10), ("文件柜", "办公家具", "2180.00", 10),
               ("笔记本电脑", "电子设备", "6999.00", 5), ("空调", "电器", "3899.00", 8),
               ("投影仪", "电子设备", "5200.00", 6), ("会议椅", "办公家具", "380.00", 8))
ASSET_STATUS = ("in_use",) * 17 + ("idle", "in_repair", "disposed")


def years_before(day: date, years: int) -> date:
    return date(day.year - years, day.month, min(day.day, 28))


def _summer_winter(day: date) -> bool:
    return day.month in (12, 1, 2, 7, 8)


def _reading_days(first: date, today: date, read: str) -> list[date]:
    """The days a meter is read after `first` and before today: each month's last day, or
    every day."""
    if read == "daily":
        return [first + timedelta(days=n) for n in range(1, (today - first).days)]
    found, year, month = [], first.year, first.month
    while True:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        end = date(year, month, 1) - timedelta(days=1)
        if end >= today:
            return found
        if end > first:
            found.append(end)


def fill_canteen(db, now: datetime, is_workday, *, years: int = 10) -> dict[str, int]:
    """Every meal of every working day for `years` up to today for CANTEEN_DEPARTMENTS
    (today's lunch and dinner not all in yet), what the kitchen served each of those
    meals, and METERS with their readings over the same years: one meter replaced four
    years ago (a reset), a leak in the last month and a spike in the last days, so the
    flags have something to find."""
    from office_tui.core.job import to_iso
    from office_tui.store import settings as settings_store

    rng = random.Random(2026)
    stamp, today = to_iso(now), now.date()
    first = years_before(today, years)
    names = [d for d, _n in CANTEEN_DEPARTMENTS]
    known = [d for d in (settings_store.get(db, "meals.departments") or "").split(",") if d]
    settings_store.put(db, "meals.departments", ",".join(known + [
        d for d in names if d not in known]))
    for meal, price in MEAL_PRICES.items():
        if settings_store.get(db, f"meals.price.{meal}") is None:
            settings_store.put(db, f"meals.price.{meal}", price)
    counts, served = [], []
    day = first
    while day <= today:
        if is_workday(day):
            iso = day.isoformat()
            for meal, share in MEAL_SHARES:
                total = 0
                for d, (dept, size) in enumerate(CANTEEN_DEPARTMENTS):
                    if day == today and (meal != "breakfast" and d % 3 == 0):
                        continue  # not reported yet this morning
                    count = max(int(size * share + rng.randint(-2, 2)), 0)
                    guests = 2 if rng.random() < 0.08 else 0
                    late = rng.random() < 0.03
                    counts.append((iso, dept, meal, count, guests, int(late),
                                   "电话补报" if late else None, stamp, stamp))
                    total += count + guests
                if day < today:
                    served.append((iso, meal, total + rng.randint(0, max(total // 12, 1))))
        day += timedelta(days=1)
    db.conn.executemany(
        "INSERT OR IGNORE INTO meal_counts (day, department, meal, count, guests, late, "
        "late_reason, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", counts)
    db.conn.executemany("INSERT OR IGNORE INTO meals_served (day, meal, count) "
                        "VALUES (?, ?, ?)", served)
    readings = 0
    for m, (name, kind, unit, price, dept, multiplier, per_day, swing, read) in \
            enumerate(METERS):
        key = "".join(unicodedata.normalize("NFKC", name).casefold().split())
        if db.execute("SELECT 1 FROM meters WHERE name_key = ?", [key]).fetchone():
            continue
        meter_id = int(db.execute(
            "INSERT INTO meters (name, name_key, kind, unit, price, department, multiplier, "
            "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [name, key, kind, unit, price, dept, multiplier, stamp, stamp]).lastrowid)
        ratio = float(multiplier)
        value = Decimal(1000 + rng.randint(0, 5000))
        rows = []
        prev = first
        reset_day = years_before(today, 4) if m == 2 else None
        for day in _reading_days(first, today, read):
            days = (day - prev).days
            use = per_day * days * (1 + swing * _summer_winter(day)) * \
                (0.9 + rng.random() * 0.2)
            if read == "monthly" and m == 1 and (today - day).days <= 31:
                use *= 2.4  # the leak
            if read == "daily" and m == 13 and (today - day).days <= 2:
                use *= 3  # a tap left running
            reset, reason = 0, None
            if reset_day is not None and day >= reset_day:
                value, reset, reason = Decimal(0), 1, "更换电表"
                reset_day = None
            value += Decimal(str(round(use / ratio, 1)))
            rows.append((meter_id, day.isoformat(), str(value), reset, reason, stamp))
            prev = day
        db.conn.executemany(
            "INSERT INTO meter_readings (meter_id, day, value, reset, reason, created) "
            "VALUES (?, ?, ?, ?, ?, ?)", rows)
        readings += len(rows)
    return {"meal_counts": len(counts), "meals_served": len(served),
            "meters": len(METERS), "readings": readings}


def fill_assets(db, now: datetime, count: int) -> int:
    """`count` assets (tags BA-…, not the demo's GZ-…) in 40 departments and 500 rooms,
    their search keys as the store writes them."""
    from office_tui.core.job import to_iso
    from office_tui.store.assets import asset_key

    stamp = to_iso(now)
    depts = [d for d, _n in CANTEEN_DEPARTMENTS] + [f"第{i}教研室" for i in range(20)]
    rows = []
    for i in range(count):
        name, category, value, life = ASSET_KINDS[i % len(ASSET_KINDS)]
        year = 2015 + i % 11
        row = {"tag": f"BA-{year}-{i:06d}", "name": name, "category": category,
               "value": value, "purchased": date(year, 1 + i % 12, 1 + i % 28).isoformat(),
               "life_years": life, "keeper": f"保管人{i % 300:03d}",
               "department": depts[i % len(depts)],
               "location": f"{1 + i % 9}F-{100 + i % 500}",
               "status": ASSET_STATUS[i % len(ASSET_STATUS)]}
        rows.append((row["tag"], name, category, value, row["purchased"], life, row["keeper"],
                     row["department"], row["location"], row["status"], asset_key(row),
                     stamp, stamp))
    db.conn.executemany(
        "INSERT INTO assets (tag, name, category, value, purchased, life_years, keeper, "
        "department, location, status, search_key, created, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return count


def fill_rooms(db, now: datetime, rooms: int, *, years: int = 5) -> dict[str, int]:
    """Rooms up to `rooms` (new ones: 基准会议室NN, 15 minutes held either side) and
    `years` of bookings in every room: on working days, the slots of ROOM_SLOTS whose held
    windows (the room's own buffers) do not meet, so no two bookings hold a room at once;
    new rooms booked up to 60 days ahead, a room that has bookings (the demo's) only up to
    the day before its first; one in 41 cancelled."""
    from office_tui.core.job import to_iso
    from office_tui.core.rooms import Room, room_key

    stamp = to_iso(now)
    have = db.execute("SELECT COUNT(*) FROM rooms").fetchone()[0]
    for i in range(max(rooms - have, 0)):
        name = f"基准会议室{i:02d}"
        db.execute(
            "INSERT INTO rooms (name, name_key, seats, location, equipment, status, "
            "buffer_before, buffer_after, created, updated) "
            "VALUES (?, ?, ?, ?, ?, 'open', 15, 15, ?, ?)",
            [name, room_key(name), 6 + i * 4, f"{2 + i % 6}F-{300 + i}",
             "投影,话筒" + (",视频会议" if i % 3 else ""), stamp, stamp])
    columns = [c[1] for c in db.execute("PRAGMA table_info(rooms)").fetchall()]
    plans = []
    for values in db.execute("SELECT * FROM rooms ORDER BY id").fetchall():
        room = Room.from_row(dict(zip(columns, values)))
        first = db.execute("SELECT MIN(held_from) FROM room_bookings WHERE room_id = ?",
                           [room.id]).fetchone()[0]
        until = (datetime.fromisoformat(first).date() - timedelta(days=1) if first
                 else now.date() + timedelta(days=60))
        slots, held_to = [], None
        for hour, minute in ROOM_SLOTS:
            start = datetime.combine(now.date(), time(hour, minute))
            a, b = room.hold(start, start + timedelta(minutes=75))
            if held_to is None or a >= held_to:
                slots.append((hour, minute))
                held_to = b
        plans.append((room, until, slots))
    rows = []
    depts = [d for d, _n in CANTEEN_DEPARTMENTS]
    day, end = years_before(now.date(), years), now.date() + timedelta(days=60)
    while day < end:
        if day.weekday() < 5:
            for r, (room, until, slots) in enumerate(plans):
                if day > until:
                    continue
                for s, (hour, minute) in enumerate(slots):
                    if (r + s + day.toordinal()) % 7 == 0:
                        continue  # leave some free
                    start = datetime.combine(day, time(hour, minute))
                    finish = start + timedelta(minutes=75)
                    held_from, held_to = room.hold(start, finish)
                    n = len(rows)
                    cancelled = n % 41 == 0
                    rows.append((room.id, to_iso(start), to_iso(finish), to_iso(held_from),
                                 to_iso(held_to), f"会议{n}", depts[n % len(depts)],
                                 min(5 + n % 20, room.seats),
                                 "cancelled" if cancelled else "booked",
                                 "改期" if cancelled else None, stamp, stamp))
        day += timedelta(days=1)
    db.conn.executemany(
        "INSERT INTO room_bookings (room_id, start_at, end_at, held_from, held_to, title, "
        "department, people, status, cancel_reason, created, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return {"rooms": len(plans), "room_bookings": len(rows)}


def room_clashes(db) -> int:
    """Booked pairs of one room whose held windows meet (0 for valid data)."""
    return int(db.execute(
        "SELECT COUNT(*) FROM (SELECT held_from, LAG(held_to) OVER (PARTITION BY room_id "
        "ORDER BY held_from) AS before FROM room_bookings WHERE status = 'booked') "
        "WHERE before > held_from").fetchone()[0])
