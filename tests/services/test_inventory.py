"""Inventory services on a real SQLite file: the ledger rules, refusals that write nothing,
stocktake, quotes, the purchase list, consumption, quotas, CSV import and jobs."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from office_tui.core import inventory as core

from office_tui.services import OfficeError, Services
from office_tui.store import inventory as store
from tests.conftest import NOW


def written(services: Services) -> tuple[int, ...]:
    """Everything a refusal must leave alone: rows in every inventory table and events."""
    db = services.db
    return tuple(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                 for t in ("items", "movements", "quotes", "quotas", "events", "departments"))


def stocks(services: Services) -> dict[str, int]:
    return dict(services.db.execute("SELECT code, stock_milli FROM items").fetchall())


@pytest.fixture
def inv(services):
    return services.inventory


@pytest.fixture
def a4(inv):
    # fractions: these tests are about exact parts (a whole-unit item: test_item_packs.py)
    return inv.add_item("A4", "A4 复印纸", "包", reorder_level="5", reorder_qty="20",
                        lead_days="7", location="A-01", fractions=True)


# -- the issue's own example ------------------------------------------------------------
def test_receive_10_issue_4_then_7_is_refused_with_the_stock(services, inv, a4):
    inv.receive("A4", "10")
    inv.issue("A4", "4", department="财务科")
    before = written(services)
    with pytest.raises(OfficeError, match="only 6 in stock"):
        inv.issue("A4", "7", department="财务科")
    assert written(services) == before
    assert inv.item("A4").stock == 6
    assert inv.ledger_sum("A4") == 6


def test_stock_is_the_sum_of_the_ledger(services, inv, a4):
    inv.receive("A4", "10.5")
    inv.issue("a4", "2.25", department="财务科")  # codes match without case
    inv.adjust("A4", "-1", reason="破损")
    inv.adjust("A4", "0.75", reason="found behind the cupboard")
    assert inv.item("A4").stock == Decimal("8")
    assert inv.ledger_sum("A4") == Decimal("8")
    inv.stocktake([("A4", "7")])
    assert inv.item("A4").stock == 7 == inv.ledger_sum("A4")
    kinds = [m.kind for m in inv.history("A4")]
    assert kinds == ["stocktake", "adjust", "adjust", "issue", "receive"]
    balances = [m.balance_milli for m in inv.history("A4")]
    assert balances == [7000, 8000, 7250, 8250, 10500]


def test_quantities_are_stored_as_integer_milli_units(services, inv, a4):
    inv.receive("A4", "0.1")
    inv.receive("A4", "0.2")
    assert inv.item("A4").stock == Decimal("0.3")  # never 0.30000000000000004
    types = services.db.execute("SELECT DISTINCT typeof(quantity_milli) FROM movements").fetchall()
    assert types == [("integer",)]


# -- refusals write nothing -------------------------------------------------------------
@pytest.mark.parametrize("call, message", [
    (lambda i: i.receive("NOPE", "1"), "Unknown item 'NOPE'"),
    (lambda i: i.issue("NOPE", "1", department="x"), "Unknown item 'NOPE'"),
    (lambda i: i.receive("A4", "0"), "more than zero"),
    (lambda i: i.receive("A4", "-2"), "negative"),
    (lambda i: i.receive("A4", "ten"), "not a quantity"),
    (lambda i: i.receive("A4", "3 xyz"), "Unknown unit 'xyz'"),
    (lambda i: i.receive("A4", "3 箱"), "counted in pack, not case"),
    (lambda i: i.receive("A4", "1", price="free"), "not a price"),
    (lambda i: i.issue("A4", "0", department="财务科"), "more than zero"),
    (lambda i: i.issue("A4", "-1", department="财务科"), "negative"),
    (lambda i: i.issue("A4", "1.5x", department="财务科"), "Unknown unit"),
    (lambda i: i.issue("A4", "1", department=""), "which department"),
    (lambda i: i.issue("A4", "1", department="财务科", job_id=999), "No job #999"),
    (lambda i: i.adjust("A4", "0", reason="x"), "more than zero"),
    (lambda i: i.adjust("A4", "-1", reason=""), "reason"),
    (lambda i: i.adjust("A4", "-3", reason="破损"), "only 2 in stock"),
    (lambda i: i.issue("A4", "2.001", department="财务科"), "only 2 in stock"),
    (lambda i: i.stocktake([]), "Nothing was counted"),
    (lambda i: i.stocktake([("A4", "-1")]), "zero or more"),
    (lambda i: i.stocktake([("A4", "1"), ("a4", "2")]), "counted twice"),
    (lambda i: i.stocktake([("A4", "1"), ("NOPE", "2")]), "Unknown item"),
    (lambda i: i.add_item("a4", "dup", "pcs"), "already exists"),
    (lambda i: i.add_item("X1", "x", "furlong"), "Unknown unit 'furlong'"),
    (lambda i: i.add_item("X1", "", "pcs"), "name is empty"),
    (lambda i: i.add_item("X 1", "x", "pcs"), "without spaces"),
    (lambda i: i.add_item("X1", "x", "pcs", reorder_level="-1"), "zero or more"),
    (lambda i: i.add_item("X1", "x", "pcs", lead_days="soon"), "whole number of days"),
    (lambda i: i.add_item("X1", "x", "pcs", grade="Z"), "Unknown grade"),
    (lambda i: i.add_quote("A4", supplier="", price="1"), "supplier"),
    (lambda i: i.add_quote("A4", supplier="s", price="0"), "more than zero"),
    (lambda i: i.add_quote("A4", supplier="s", price="1", grade="?"), "Unknown grade"),
    (lambda i: i.add_quote("A4", supplier="s", price="1", quoted="2027-01-01"), "future"),
    (lambda i: i.add_quote("A4", supplier="s", price="1", quoted="someday"), "Bad date"),
    (lambda i: i.set_quota("A4", department="财务科", quantity="x"), "not a quantity"),
    (lambda i: i.set_quota("A4", department="财务科", quantity="1", period="week"),
     "Unknown period"),
    (lambda i: i.consumption(start="2026-11-10", end="2026-11-01"), "starts"),
    (lambda i: i.consumption(start="11/01/2026"), "Bad date"),
    (lambda i: i.receive("A4", "1", supplier="\udcff"), "not valid UTF-8"),
])
def test_refusals_name_the_problem_and_write_nothing(services, inv, a4, call, message):
    inv.receive("A4", "2")
    before, stock = written(services), stocks(services)
    with pytest.raises(OfficeError, match=message):
        call(inv)
    assert written(services) == before
    assert stocks(services) == stock


def test_the_database_itself_refuses_a_negative_stock_and_ledger_edits(services, inv, a4):
    inv.receive("A4", "1")
    db = services.db
    with pytest.raises(sqlite3.IntegrityError):
        store.insert_movement(db, {"item_id": a4.id, "kind": "issue", "ts": "2026-11-27T10:00:00",
                                   "quantity_milli": -2000, "department": "x"})
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE movements SET quantity_milli = 5000")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM movements")
    assert inv.item("A4").stock == 1 == inv.ledger_sum("A4")


def test_every_change_writes_an_event(services, inv, a4):
    inv.receive("A4", "3", price="23.5", supplier="晨光", note="DN-1")
    inv.issue("A4", "1", department="财务科", person="刘会计")
    rows = services.db.execute(
        "SELECT action, entity FROM events ORDER BY id").fetchall()
    assert rows == [("add", "item"), ("receive", "movement"), ("issue", "movement")]
    received = inv.history("A4")[-1]
    assert (received.unit_price, received.supplier, received.delivery_note) == (
        Decimal("23.5"), "晨光", "DN-1")


def test_user_text_is_stored_exactly(inv):
    for text in ("[bold]red[/]", "[/]", "\x1b[31mred", "文件盒 (A4) 蓝色"):
        code = f"T{len(text)}{ord(text[0])}"
        item = inv.add_item(code, text, "pcs", location=text)
        inv.receive(code, "5", supplier=text, note=text)
        issued = inv.issue(code, "1", department=text, person=text)
        assert inv.item(code).name == text and item.location == text
        assert issued.movement.department == text and issued.movement.person == text


# -- forecast through the service -------------------------------------------------------
def test_forecast_uses_the_last_30_days_of_issues(services, inv, clock, a4):
    clock.now = NOW - timedelta(days=40)
    inv.receive("A4", "100")
    inv.issue("A4", "50", department="教务处")         # 40 days ago: outside the window
    clock.now = NOW - timedelta(days=29)
    inv.issue("A4", "20", department="教务处")
    clock.now = NOW - timedelta(days=1)
    inv.issue("A4", "10", department="财务科")
    inv.adjust("A4", "-5", reason="破损")                # adjustments are not use
    clock.now = NOW
    line = inv.line("A4")
    # 30 used in 30 days = 1 a day; lead 7 -> 7 > level 5; stock 15 lasts 15 days.
    assert line.forecast.used_milli == 30_000
    assert line.forecast.daily_use == 1
    assert line.forecast.reorder_point_milli == 7_000
    assert line.forecast.days_left == 15
    assert line.forecast.low is False
    data = line.to_json()
    assert data["stock"] == 15 and data["reorder_point"] == 7 and data["days_left"] == 15.0
    assert data["daily_use"] == 1.0 and data["low"] is False


def test_purchase_list_holds_items_at_or_under_the_reorder_point(services, inv, a4):
    inv.add_item("PEN", "中性笔", "支", reorder_level="10", reorder_qty="50", grade="B")
    inv.add_item("TEA", "绿茶", "盒", reorder_level="2")
    inv.receive("A4", "5")      # at its level 5: on the list
    inv.receive("PEN", "30")    # above 10: not
    inv.receive("TEA", "1")
    inv.issue("PEN", "20", department="办公室")  # 20 used in 30 days; stock 10 = level 10
    inv.add_quote("PEN", supplier="晨光", price="1.50", grade="B")
    inv.add_quote("PEN", supplier="得力", price="1.45", grade="B")
    inv.add_quote("PEN", supplier="小店", price="0.90", grade="C")
    lines = {line.item.code: line for line in inv.purchase_list()}
    assert set(lines) == {"A4", "PEN", "TEA"}
    # A4: no use, point = level 5, stock 5 -> max(reorder qty 20, 5 + 0 - 5) = 20
    assert lines["A4"].suggested_milli == 20_000 and lines["A4"].best is None
    # PEN: point max(0 x 2/3, 10) = 10; 10 + 20 - 10 = 20 < reorder qty 50 -> 50;
    # best for grade B: 得力 at 1.45 (小店 is only grade C)
    assert lines["PEN"].suggested_milli == 50_000
    assert lines["PEN"].best.supplier == "得力"
    assert lines["PEN"].cost == Decimal("72.50")
    # TEA: point 2, stock 1, no reorder qty -> 1
    assert lines["TEA"].suggested_milli == 1_000
    assert lines["PEN"].to_json()["cost"] == "72.50"
    # The estimate says what it covers (issue 14): one priced line of three.
    assert core.purchase_summary(inv.purchase_list()) == (
        "3 items to order · 1 priced, estimated 72.50 at the best quote · "
        "no quote for 2: A4, TEA")


def test_quotes_best_first(inv, a4):
    inv.edit_item("A4", grade="B")
    inv.add_quote("A4", supplier="晨光", price="23.50", grade="B", quoted="2026-10-01")
    inv.add_quote("A4", supplier="本地批发", price="21", grade="C")
    inv.add_quote("A4", supplier="得力", price="22.80", grade="B", quoted="2026-11-01")
    inv.add_quote("A4", supplier="齐心", price="22.80", grade="A", quoted="2026-10-15",
                  service="当天送货")
    item, ranked, best = inv.quotes("A4")
    assert [q.supplier for q in ranked] == ["齐心", "得力", "晨光", "本地批发"]
    assert best.supplier == "齐心"


# -- stocktake --------------------------------------------------------------------------
def test_stocktake_sheet_walks_by_location(inv):
    inv.add_item("Z1", "z", "pcs", location="A-01")
    inv.add_item("A1", "a", "pcs", location="B-02")
    inv.add_item("M1", "m", "pcs", location="A-01")
    inv.add_item("N1", "n", "pcs")
    assert [i.code for i in inv.stocktake_sheet()] == ["M1", "Z1", "A1", "N1"]


def test_stocktake_writes_every_count_in_one_go(services, inv, a4):
    inv.add_item("PEN", "中性笔", "支")
    inv.receive("A4", "10")
    inv.receive("PEN", "30")
    lines = inv.stocktake([("A4", "8"), ("PEN", "30")])
    assert [(ln.item.code, ln.book_milli, ln.counted_milli, ln.difference_milli)
            for ln in lines] == [("A4", 10_000, 8_000, -2_000), ("PEN", 30_000, 30_000, 0)]
    assert inv.item("A4").stock == 8 and inv.item("PEN").stock == 30
    last = inv.history("A4")[0]
    assert (last.kind, last.counted_milli, last.quantity_milli) == ("stocktake", 8000, -2000)


def test_a_bad_count_anywhere_writes_no_count_at_all(services, inv, a4):
    inv.add_item("PEN", "中性笔", "支")
    inv.receive("A4", "10")
    before = written(services)
    with pytest.raises(OfficeError, match="PEN"):
        inv.stocktake([("A4", "8"), ("PEN", "lots")])
    assert written(services) == before
    assert inv.item("A4").stock == 10


# -- consumption and quotas -------------------------------------------------------------
def test_consumption_per_department_and_item(services, inv, clock, a4):
    inv.add_item("PEN", "中性笔", "支")
    clock.now = datetime(2026, 10, 30, 9)
    inv.receive("A4", "100")
    inv.receive("PEN", "100")
    inv.issue("A4", "9", department="财务科")          # October
    clock.now = datetime(2026, 11, 2, 9)
    inv.issue("A4", "4", department="财务科")
    inv.issue("A4", "3", department="财务科")
    inv.issue("PEN", "10", department="教务处")
    inv.issue("A4", "5", department="教务处")
    clock.now = NOW
    report = inv.consumption()
    assert (report.start.isoformat(), report.end.isoformat()) == ("2026-11-01", "2026-11-27")
    assert [(r.department, r.code, r.quantity_milli, r.issues) for r in report.rows] == [
        ("教务处", "A4", 5000, 1), ("教务处", "PEN", 10000, 1), ("财务科", "A4", 7000, 2)]
    october = inv.consumption(start="2026-10-01", end="2026-10-31", department="财务科")
    assert [(r.code, r.quantity_milli) for r in october.rows] == [("A4", 9000)]


def test_quota_warns_when_exceeded_but_does_not_refuse(services, inv, a4):
    inv.receive("A4", "50")
    inv.set_quota("A4", department="财务科", quantity="10")
    assert inv.issue("A4", "6", department="财务科").warnings == ()
    assert inv.issue("A4", "4", department="财务科").warnings == ()   # exactly 10: fine
    result = inv.issue("A4", "1", department="财务科")
    assert result.warnings == ("财务科 has used 11 pack of A4 this month, over its quota of 10.",)
    assert inv.item("A4").stock == 39
    assert inv.issue("A4", "20", department="教务处").warnings == ()  # no quota there
    [status] = inv.quotas()
    assert (status.used_milli, status.quota_milli, status.over) == (11_000, 10_000, True)
    assert inv.consumption().quotas[0].over is True
    assert inv.set_quota("A4", department="财务科", quantity="0") is None  # removed
    assert inv.quotas() == []


# -- import -----------------------------------------------------------------------------
GOOD_CSV = """code,name,unit,category,location,reorder_level,reorder_qty,lead_days
A4,A4复印纸,包,paper,A-01,20,50,5
PEN,"中性笔, 黑色",支,writing,C-01,60,120,3
WATER,矿泉水,箱,pantry,F-01,,,
"""


def test_import_items(inv, tmp_path):
    path = tmp_path / "items.csv"
    path.write_text("\ufeff" + GOOD_CSV, encoding="utf-8")  # Excel's BOM
    items = inv.import_items_file(path)
    assert [i.code for i in items] == ["A4", "PEN", "WATER"]
    pen = inv.item("PEN")
    assert (pen.name, pen.unit, pen.reorder_level_milli, pen.lead_days) == (
        "中性笔, 黑色", "stick", 60_000, 3)
    assert inv.item("WATER").reorder_level_milli == 0


def test_import_reads_gb18030_from_chinese_excel(inv, tmp_path):
    path = tmp_path / "items.csv"
    path.write_bytes(GOOD_CSV.encode("gb18030"))
    assert [i.name for i in inv.import_items_file(path)][0] == "A4复印纸"


@pytest.mark.parametrize("text, message", [
    (GOOD_CSV + "BAD,坏单位,furlong\n", "row 5, column unit: Unknown unit 'furlong'"),
    (GOOD_CSV + "X,x,pcs,,,-1\n", "row 5, column reorder_level"),
    (GOOD_CSV + "X,x,pcs,,,,,soon\n", "row 5, column lead_days"),
    (GOOD_CSV + ",no code,pcs\n", "row 5, column code"),
    (GOOD_CSV + "X,,pcs\n", "row 5, column name"),
    (GOOD_CSV + "a4,again,pcs\n", "row 5, column code: 'a4' is already on row 2"),
    (GOOD_CSV + "X,x,pcs,,,,,,extra\n", "row 5: 9 cells"),
    ("code,name\nA4,x\n", "row 1: the column 'unit' is missing"),
    ("code,name,unit,colour\nA4,x,pcs,red\n", "row 1, column 4 'colour'"),
    ("", "empty"),
    ("code,name,unit\n", "no items"),
])
def test_import_is_all_or_nothing(services, inv, text, message):
    before = written(services)
    with pytest.raises(OfficeError, match=message.replace("(", r"\(")) as caught:
        inv.import_items(text)
    assert str(caught.value).startswith("Nothing imported") or "Nothing imported" in str(
        caught.value)
    assert written(services) == before


def test_import_refuses_codes_that_exist(services, inv, a4):
    before = written(services)
    with pytest.raises(OfficeError, match="row 2, column code: an item 'A4' already exists"):
        inv.import_items(GOOD_CSV)
    assert written(services) == before


def test_import_lists_several_errors(inv):
    text = "code,name,unit\nA,a,xx\nB,b,yy\nC,c,pcs\n"
    with pytest.raises(OfficeError) as caught:
        inv.import_items(text)
    assert "row 2, column unit" in str(caught.value)
    assert "row 3, column unit" in str(caught.value)


# -- jobs -------------------------------------------------------------------------------
def test_issue_for_a_job_takes_its_department_and_links_it(services, inv, a4):
    job = services.jobs.add("领用A4纸 @财务科 #领用")
    inv.receive("A4", "10")
    result = inv.issue("A4", "4", department=None, job_id=job.id)
    assert result.movement.department == "财务科"
    assert result.movement.job_id == job.id
    assert [m.id for m in inv.for_job(job.id)] == [result.movement.id]


# -- the demo ---------------------------------------------------------------------------
def test_demo_inventory(services, inv):
    services.load_demo()
    lines = inv.stock()
    assert 35 <= len(lines) <= 45
    assert services.db.execute("SELECT COUNT(*) FROM movements").fetchone()[0] > 1000
    assert all(line.item.stock_milli >= 0 for line in lines)
    for line in lines[:5]:
        assert inv.ledger_sum(line.item.code) == line.item.stock
    assert inv.purchase_list(), "the demo should show something to reorder"
    kinds = {r[0] for r in services.db.execute("SELECT DISTINCT kind FROM movements")}
    assert kinds == {"receive", "issue", "adjust", "stocktake"}
    assert inv.quotes("A4")[2] is not None
    first = services.db.execute("SELECT MIN(ts) FROM movements").fetchone()[0]
    assert first < (NOW - timedelta(days=90)).isoformat()  # a few months of history
    # Loading the demo again (--force) adds jobs, not a second cupboard.
    services.load_demo(force=True)
    assert len(inv.stock()) == len(lines)
