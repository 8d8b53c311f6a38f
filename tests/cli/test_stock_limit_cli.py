"""`office-tui stock` shows the items most in need first, 50 by default, with how many
more there are; --limit N and --all; --json stays every item by code. Bad values: a
clear message, exit 1, nothing written."""

from __future__ import annotations

import random
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from office_tui.core.job import to_iso
from office_tui.services import Services
from office_tui.store import write
from office_tui.store import inventory as store
from tests.cli.helpers import js, ok, run
from tests.conftest import NOW, FakeClock

ITEMS = 60


@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    """60 items: random levels, stock and issues over the last 40 days."""
    path = tmp_path / "office.db"
    rng = random.Random(7)
    svc = Services(path, clock=FakeClock()).open()
    try:
        with write(svc.db):
            store.insert_items(svc.db, [{
                "code": f"C{i:03d}", "name": f"耗材 {i}", "unit": "pcs",
                "reorder_level_milli": rng.choice([0, 2000, 10000]), "reorder_qty_milli": 0,
                "lead_days": rng.choice([1, 7]), "active": 1, "stock_milli": 0,
                "created": to_iso(NOW), "updated": to_iso(NOW)} for i in range(ITEMS)])
            moves = []
            for item_id in range(1, ITEMS + 1):
                stock = rng.choice([0, 5000, 20000, 60000])
                if stock:
                    moves.append({"item_id": item_id, "kind": "receive", "quantity_milli": stock,
                                  "ts": to_iso(NOW - timedelta(days=50))})
                used = min(stock, rng.choice([0, 1000, 3000, 15000]))
                if used:
                    moves.append({"item_id": item_id, "kind": "issue", "department": "x",
                                  "quantity_milli": -used,
                                  "ts": to_iso(NOW - timedelta(days=rng.randint(1, 40)))})
            moves.sort(key=lambda m: m["ts"])
            store.insert_movements(svc.db, moves)
        svc.inventory.stock_by_need()  # sanity: the fixture itself is readable
    finally:
        svc.close()
    return path


def need_order(db: Path, *, low: bool = False) -> list[str]:
    """The obvious order: every line of `stock --json` (each item's own forecast), the
    low ones first, then fewest days left (none last); ties by code."""
    lines = js(db, "stock", *(["--low"] if low else []))
    ranked = sorted(lines, key=lambda r: (not r["low"], r["days_left"] is None,
                                         r["days_left"] or 0))
    return [r["code"] for r in ranked]


def table_codes(text: str) -> list[str]:
    return [line.split()[0] for line in text.splitlines()
            if line[:1] == "C" and line.split()[0][1:].isdigit()]


def snapshot(db: Path) -> tuple:
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                     for t in ("items", "movements", "events"))
    finally:
        conn.close()


def test_default_shows_the_50_most_in_need_and_how_many_more(db):
    order = need_order(db)
    text = ok(db, "stock")
    assert table_codes(text) == order[:50]
    assert text.rstrip().splitlines()[-1] == f"… and {ITEMS - 50} more, use --all"


def test_limit_and_all(db):
    order = need_order(db)
    text = ok(db, "stock", "--limit", "3")
    assert table_codes(text) == order[:3]
    assert f"… and {ITEMS - 3} more, use --all" in text
    text = ok(db, "stock", "--all")
    assert table_codes(text) == order and "more, use --all" not in text
    text = ok(db, "stock", "--limit", str(ITEMS))
    assert table_codes(text) == order and "more, use --all" not in text
    text = ok(db, "stock", "--limit", "99999999999999999999999")
    assert table_codes(text) == order


def test_low_is_capped_too(db):
    low = need_order(db, low=True)
    assert len(low) > 2
    text = ok(db, "stock", "--low", "--limit", "2")
    assert table_codes(text) == low[:2]
    assert f"… and {len(low) - 2} more, use --all" in text
    assert table_codes(ok(db, "stock", "--low", "--all")) == low


def test_json_is_every_item_by_code_in_the_same_shape(db):
    rows = js(db, "stock")
    assert [r["code"] for r in rows] == [f"C{i:03d}" for i in range(ITEMS)]
    assert set(rows[0]) == {"code", "name", "stock", "unit", "category", "location",
                            "reorder_level", "reorder_point", "daily_use", "days_left",
                            "low", "trend"}
    assert js(db, "stock", "--all") == rows


@pytest.mark.parametrize("args, message", [
    (("--limit", "0"), "Bad --limit '0': give a whole number of at least 1, or --all."),
    (("--limit", "-1"), "Bad --limit '-1'"),
    (("--limit", "abc"), "Bad --limit 'abc'"),
    (("--limit", "1.5"), "Bad --limit '1.5'"),
    (("--limit", ""), "Bad --limit ''"),
    (("--limit", "٣"), "Bad --limit '٣'"),
    (("--limit", "5", "--all"), "Give either --limit or --all, not both."),
    (("--limit", "5", "--json"), "--json prints every item: leave out --limit."),
])
def test_bad_limits_are_refused_with_nothing_written(db, args, message):
    before = snapshot(db)
    result = run(db, "stock", *args)
    assert result.exit_code == 1
    assert message in result.stderr and result.stdout == ""
    assert snapshot(db) == before
