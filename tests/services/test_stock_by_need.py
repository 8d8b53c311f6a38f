"""The stock listing most in need first (`stock_by_need`, what `office-tui stock` shows)
and the low filter done in SQL, checked on real SQLite files against the obvious
computation: every item's forecast built in Python from `stock()`, then filtered and
sorted. A capped listing must be the first N of that order, with the right total."""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from office_tui.core.inventory import StockLine
from office_tui.core.job import to_iso
from office_tui.services import Services
from office_tui.store import write
from office_tui.store import inventory as store
from tests.conftest import NOW, FakeClock

UNITS = ("pcs", "pack", "box")


def need_key(line: StockLine) -> tuple:
    """The order the listing promises (ties keep the code order of `stock()`)."""
    fc = line.forecast
    return (not fc.low, fc.days_left is None, fc.days_left or 0)


def obvious(svc: Services, *, low: bool = False, search: str | None = None
            ) -> list[StockLine]:
    every = svc.inventory.stock(search=search)  # each item's own forecast, by code
    return sorted([line for line in every if line.forecast.low or not low], key=need_key)


def build(svc: Services, seed: int, items: int) -> None:
    """Items with random levels and lead times; receipts, then issues spread over the last
    70 days (inside and outside the 30-day window and both trend windows), some items
    never issued, some emptied, one retired."""
    rng = random.Random(seed)
    db = svc.db
    with write(db):
        store.insert_items(db, [{
            "code": f"{rng.choice('abAB')}{i:03d}", "name": f"item {i} 打印纸" if i % 4 else
            f"item {i}", "unit": UNITS[i % 3], "category": None, "location": None,
            "reorder_level_milli": rng.choice([0, 0, 1000, 5000, 20000, 2500]),
            "reorder_qty_milli": 10000, "lead_days": rng.choice([0, 1, 7, 14, 30]),
            "supplier": None, "grade": None, "active": int(i != 3), "stock_milli": 0,
            "created": to_iso(NOW), "updated": to_iso(NOW)} for i in range(items)])
        moves = []
        for (item_id,) in db.execute("SELECT id FROM items").fetchall():
            stock = rng.choice([0, 1000, 5000, 30000, 100000, 7777])
            if stock:
                moves.append({"item_id": item_id, "kind": "receive",
                              "ts": to_iso(NOW - timedelta(days=80)),
                              "quantity_milli": stock})
            for _ in range(rng.choice([0, 0, 1, 3, 8])):
                if stock <= 0:
                    break
                qty = min(stock, rng.choice([1000, 500, 2000, 333]))
                stock -= qty
                ts = NOW - timedelta(days=rng.uniform(0, 70))
                moves.append({"item_id": item_id, "kind": "issue", "department": "财务科",
                              "ts": to_iso(ts), "quantity_milli": -qty})
        moves.sort(key=lambda m: m["ts"])
        store.insert_movements(db, moves)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), items=st.integers(0, 40), limit=st.integers(0, 45),
       low=st.booleans(), search=st.sampled_from([None, "a", "B0", "打印", "dyz", "zzz"]))
def test_the_listing_is_the_first_n_of_the_full_order_with_the_right_total(
        seed, items, limit, low, search):
    tmp = Path(tempfile.mkdtemp(prefix="office-tui-need-"))
    svc = Services(tmp / "office.db", clock=FakeClock()).open()
    try:
        build(svc, seed, items)
        full = obvious(svc, low=low, search=search)
        lines, total = svc.inventory.stock_by_need(low=low, search=search, limit=limit)
        assert lines == full[:limit]
        assert total == len(full)
        every, total_all = svc.inventory.stock_by_need(low=low, search=search)
        assert every == full and total_all == len(full)
        # The low filter in SQL keeps the code order of the whole listing.
        if low:
            assert svc.inventory.stock(low=True, search=search) == [
                line for line in svc.inventory.stock(search=search) if line.forecast.low]
    finally:
        svc.close()
        shutil.rmtree(tmp, ignore_errors=True)


def test_most_in_need_first_on_a_known_cupboard(services, clock):
    inv = services.inventory
    for code, level, lead in (("PAPER", "5", "7"), ("PEN", "0", "7"), ("TONER", "2", "14"),
                              ("GLUE", "0", "0"), ("TAPE", "1", "0")):
        inv.add_item(code, code.lower(), "pcs", reorder_level=level, lead_days=lead)
    clock.advance(days=-20)
    for code, qty in (("PAPER", "40"), ("PEN", "100"), ("TONER", "10"), ("GLUE", "3")):
        inv.receive(code, qty)
    clock.advance(days=10)
    inv.issue("PAPER", "30", department="财务科")   # 10 left, 1/day: point 7, 10 days
    inv.issue("PEN", "30", department="财务科")     # 70 left, 1/day: 70 days
    inv.issue("TONER", "9", department="财务科")    # 1 left: under its level 2, low
    clock.advance(days=10)
    lines, total = inv.stock_by_need(limit=3)
    assert [line.item.code for line in lines] == ["TONER", "TAPE", "PAPER"]
    assert total == 5
    every, _ = inv.stock_by_need()
    assert [line.item.code for line in every] == ["TONER", "TAPE", "PAPER", "PEN", "GLUE"]
    assert [line.forecast.low for line in every] == [True, True, False, False, False]
    assert every[0].trend == "new"  # the trend comes with the capped page too
    low, low_total = inv.stock_by_need(low=True, limit=0)
    assert low == [] and low_total == 2


def test_low_at_the_edges_of_the_rounded_up_reorder_point(services):
    """point = ceil(lead x used / 30): lead x used = 30 x stock - 29 is the smallest use
    that makes the stock low (the SQL compares integers, never a rounded fraction)."""
    db = services.db
    # (code, stock left in milli, used in the window in milli, lead days)
    cases = (("EXACT", 1000, 30000, 1), ("JUST", 1000, 29971, 1), ("UNDER", 1000, 29970, 1),
             ("ABOVE", 1001, 29971, 1), ("LEAD7", 4281, 18343, 7), ("LEAD7B", 4282, 18343, 7))
    with write(db):
        store.insert_items(db, [{
            "code": code, "name": code, "unit": "pcs", "reorder_level_milli": 0,
            "reorder_qty_milli": 0, "lead_days": lead, "active": 1, "stock_milli": 0,
            "created": to_iso(NOW), "updated": to_iso(NOW)} for code, _s, _u, lead in cases])
        ids = dict(db.execute("SELECT code, id FROM items").fetchall())
        store.insert_movements(db, [m for code, stock, used, _lead in cases for m in (
            {"item_id": ids[code], "kind": "receive", "ts": to_iso(NOW - timedelta(days=40)),
             "quantity_milli": stock + used},
            {"item_id": ids[code], "kind": "issue", "department": "x",
             "ts": to_iso(NOW - timedelta(days=2)), "quantity_milli": -used})])
    low = {line.item.code for line in obvious(services, low=True)}
    assert low == {"EXACT", "JUST", "LEAD7"}  # 7 x 18343 = 30 x 4281 - 29
    lines, total = services.inventory.stock_by_need(low=True)
    assert {line.item.code for line in lines} == low and total == 3
    assert {line.item.code for line in services.inventory.stock(low=True)} == low
