"""The inventory part of the demo: ~40 real office consumables, four months of movements.

The movements are simulated day by day (seeded, so every demo is the same relative to
now): departments draw stock on working days, an order is placed when an item reaches
its reorder level and arrives after its lead time, a stocktake a month ago found a few
small differences. Some orders are still on their way, so the purchase list is not empty.
"""

from __future__ import annotations

import csv
import random
from datetime import datetime, time, timedelta
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

from office_tui.core import inventory as core
from office_tui.core.job import to_iso
from office_tui.store import events, write
from office_tui.store import inventory as store
from office_tui.store.jobs import add_department

if TYPE_CHECKING:
    from office_tui.services.context import Services

DAYS = 120
SEED = 2026
DEPARTMENTS = ("总务科", "财务科", "人事科", "办公室", "教务处", "信息中心", "保卫科",
               "后勤服务中心")
PEOPLE = ("王老师", "刘会计", "张主任", "小杨", "陈老师", "Li Wei", "李阿姨", "赵师傅")
QUOTAS = (("A4", "财务科", "month", 10), ("A4", "教务处", "month", 30),
          ("TONER-HP", "财务科", "quarter", 2), ("WATER", "办公室", "month", 12))


def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("office_tui.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def load_inventory_demo(ctx: Services) -> dict[str, int]:
    """Add the demo items, movements, quotes and quotas to a database without items."""
    db = ctx.db
    if store.count_items(db, active_only=False):
        return {"items": 0, "movements": 0}
    now = ctx.now()
    specs = _read_csv("items.csv")
    rng = random.Random(SEED)
    with write(db):
        store.insert_items(db, [_item_row(spec, now) for spec in specs])
        ids = {spec["code"]: store.get_item(db, spec["code"])["id"] for spec in specs}
        movements = []
        for spec in specs:
            movements += _simulate(spec, ids[spec["code"]], now, rng)
        movements.sort(key=lambda m: m["ts"])
        store.insert_movements(db, movements)
        for department in DEPARTMENTS:
            add_department(db, department)
        store.insert_quotes(db, [_quote_row(q, ids[q["code"]], now)
                                 for q in _read_csv("quotes.csv")])
        for code, department, period, quantity in QUOTAS:
            store.set_quota(db, ids[code], department, period, quantity * core.MILLI)
        events.record(db, ts=to_iso(now), action="demo", entity="inventory", entity_id=None,
                      before=None, after={"items": len(specs), "movements": len(movements)})
    return {"items": len(specs), "movements": len(movements)}


def _milli(text: str) -> int:
    return core.to_milli(Decimal(text or "0"))


def _item_row(spec: dict[str, str], now: datetime) -> dict[str, Any]:
    return {
        "code": spec["code"], "name": spec["name"], "unit": core.normalise_unit(spec["unit"]),
        "category": spec["category"] or None, "location": spec["location"] or None,
        "reorder_level_milli": _milli(spec["reorder_level"]),
        "reorder_qty_milli": _milli(spec["reorder_qty"]), "lead_days": int(spec["lead_days"]),
        "supplier": spec["supplier"] or None, "grade": spec["grade"] or None, "active": 1,
        "stock_milli": 0, "created": to_iso(now - timedelta(days=DAYS + 1)),
        "updated": to_iso(now - timedelta(days=DAYS + 1)),
    }


def _quote_row(spec: dict[str, str], item_id: int, now: datetime) -> dict[str, Any]:
    return {"item_id": item_id, "supplier": spec["supplier"], "price": spec["price"],
            "grade": spec["grade"] or None, "service": spec["service"] or None,
            "quoted": (now.date() - timedelta(days=int(spec["days_ago"]))).isoformat(),
            "created": to_iso(now - timedelta(days=int(spec["days_ago"])))}


def _at(day: datetime, rng: random.Random) -> datetime:
    return datetime.combine(day.date(), time(8, 30)) + timedelta(minutes=rng.randint(0, 510))


def _simulate(spec: dict[str, str], item_id: int, now: datetime,
              rng: random.Random) -> list[dict[str, Any]]:
    level, reorder = _milli(spec["reorder_level"]), _milli(spec["reorder_qty"])
    lead = int(spec["lead_days"])
    weekly = Decimal(spec["daily_use"]) * 7
    start = now - timedelta(days=DAYS)
    rows: list[dict[str, Any]] = []
    stock = level + reorder
    rows.append({"item_id": item_id, "kind": "receive", "ts": to_iso(_at(start, rng)),
                 "quantity_milli": stock, "unit_price": spec["price"],
                 "supplier": spec["supplier"], "delivery_note": f"DN-{start:%Y%m%d}-{item_id:02d}"})
    arrival: datetime | None = None
    stocktake_day = (now - timedelta(days=30)).date()
    for offset in range(1, DAYS + 1):
        day = start + timedelta(days=offset)
        if day.date() > now.date():
            break
        # Deliveries come at the start of the day, before any draw (the ledger is sorted
        # by time, and the stock may never dip below zero on the way).
        moment = datetime.combine(day.date(), time(8, 30))
        if arrival is not None and day.date() >= arrival.date() and moment <= now:
            rows.append({"item_id": item_id, "kind": "receive", "ts": to_iso(moment),
                         "quantity_milli": reorder, "unit_price": spec["price"],
                         "supplier": spec["supplier"],
                         "delivery_note": f"DN-{day:%Y%m%d}-{item_id:02d}"})
            stock += reorder
            arrival = None
        if day.weekday() >= 5:
            continue
        # Working-day demand: a few draws a day, each a whole unit or a small batch.
        expected = float(weekly) / 5
        draws = rng.choices((0, 1, 2, 3), weights=(1, 2, 1, 0.5))[0] if expected >= 0.5 \
            else int(rng.random() < expected * 1.5)
        for _ in range(draws):
            want = max(1, round(rng.gauss(expected / max(draws, 1), expected / 3)))
            milli = min(want * core.MILLI, stock)
            moment = _at(day, rng)
            if milli <= 0 or moment > now:
                continue
            stock -= milli
            rows.append({"item_id": item_id, "kind": "issue", "ts": to_iso(moment),
                         "quantity_milli": -milli, "department": rng.choice(DEPARTMENTS),
                         "person": rng.choice(PEOPLE)})
        if stock >= core.MILLI and rng.random() < 0.006:
            stock -= core.MILLI
            rows.append({"item_id": item_id, "kind": "adjust",
                         "ts": to_iso(datetime.combine(day.date(), time(16, 59))),
                         "quantity_milli": -core.MILLI,
                         "reason": rng.choice(("破损", "过期报废", "damaged in delivery"))})
        if day.date() == stocktake_day:
            counted = max(stock - (core.MILLI if rng.random() < 0.15 else 0), 0)
            rows.append({"item_id": item_id, "kind": "stocktake",
                         "ts": to_iso(datetime.combine(day.date(), time(17, 0))),
                         "quantity_milli": counted - stock, "counted_milli": counted})
            stock = counted
        if arrival is None and stock <= level and reorder:
            arrival = day + timedelta(days=lead)
    return rows
