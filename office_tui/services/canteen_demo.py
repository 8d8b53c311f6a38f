"""The demo's canteen and meters: eight departments with three months of meal counts (each
working day, a few late) and what the kitchen served; six meters with two years of monthly
readings, the main building's water meter leaking in the last month. Loaded once, inside
the demo's transaction (not undoable)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from office_tui.core.job import to_iso
from office_tui.core.meters import KINDS
from office_tui.store import canteen as store
from office_tui.store import settings as settings_store

if TYPE_CHECKING:
    from office_tui.services.context import Services

DEPARTMENTS = (("办公室", 9), ("财务科", 12), ("教务处", 15), ("人事科", 7),
               ("总务科", 11), ("信息中心", 8), ("保卫科", 6), ("后勤服务中心", 14))
MEALS = (("breakfast", 0.45), ("lunch", 1.0), ("dinner", 0.25))
PRICES = {"breakfast": "5", "lunch": "12", "dinner": "10"}
METERS = (  # name, kind, price, department, multiplier, monthly use, seasonal swing
    ("主楼电表", "electricity", "0.85", "办公室", "40", 320, 0.35),
    ("主楼水表", "water", "4.5", "总务科", "1", 180, 0.15),
    ("食堂电表", "electricity", "0.85", "后勤服务中心", "1", 5200, 0.2),
    ("食堂水表", "water", "4.5", "后勤服务中心", "1", 260, 0.1),
    ("食堂燃气表", "gas", "3.2", "后勤服务中心", "1", 1400, 0.25),
    ("供暖热表", "heat", "45", "总务科", "1", 95, 0.9),
)


def _month_end(year: int, month: int) -> date:
    first_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def load_canteen_demo(ctx: Services) -> dict[str, int]:
    db = ctx.db
    if store.meters(db):
        return {"meal_counts": 0, "readings": 0}
    now = ctx.now()
    stamp, today = to_iso(now), now.date()
    rng = random.Random(20261127)
    settings_store.put(db, "meals.departments", ",".join(d for d, _n in DEPARTMENTS))
    for meal, price in PRICES.items():
        settings_store.put(db, f"meals.price.{meal}", price)
    counts, served = [], []
    day = today - timedelta(days=91)
    while day < today:
        if ctx.calendar.is_workday(day):
            for meal, share in MEALS:
                total = 0
                for dept, size in DEPARTMENTS:
                    count = max(int(size * share + rng.randint(-2, 2)), 0)
                    guests = 2 if rng.random() < 0.08 else 0
                    late = rng.random() < 0.04
                    counts.append({"day": day.isoformat(), "department": dept, "meal": meal,
                                   "count": count, "guests": guests, "late": int(late),
                                   "late_reason": "电话补报" if late else None,
                                   "created": stamp, "updated": stamp})
                    total += count + guests
                served.append({"day": day.isoformat(), "meal": meal,
                               "count": total + rng.randint(0, max(total // 12, 1))})
        day += timedelta(days=1)
    store.insert_counts(db, counts)
    store.insert_served(db, served)
    readings = 0
    last_month = today.replace(day=1) - timedelta(days=1)
    for name, kind, price, dept, multiplier, monthly, swing in METERS:
        meter_id = store.insert_meter(db, {
            "name": name, "name_key": "".join(name.split()).casefold(), "kind": kind,
            "unit": KINDS[kind], "price": price, "department": dept,
            "multiplier": multiplier, "created": stamp, "updated": stamp})
        value = Decimal(1000 + rng.randint(0, 500))
        rows = []
        ends = []
        year, month = last_month.year, last_month.month
        for _i in range(25):
            ends.append(_month_end(year, month))
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        for end in reversed(ends):
            season = 1 + swing * (1 if end.month in (12, 1, 2, 7, 8) else 0)
            use = monthly * season * (0.9 + rng.random() * 0.2)
            if name == "主楼水表" and end == last_month:
                use *= 2.4  # the leak
            value += Decimal(str(round(use / float(multiplier), 1)))
            rows.append({"meter_id": meter_id, "day": end.isoformat(), "value": str(value),
                         "reset": 0, "reason": None, "created": stamp})
        store.insert_readings(db, rows)
        readings += len(rows)
    return {"meal_counts": len(counts), "readings": readings}
