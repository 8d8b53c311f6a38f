"""The inventory CLI of issue 4, through CliRunner, through main() (exit 1, one line on
stderr, nothing written) and once as the installed command."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from office_tui import cli
from tests.cli import helpers
from tests.cli.test_entry_point import office_tui

# Quota warnings go to stderr on a successful issue.
ok = partial(helpers.ok, stderr_ok=True)
js = partial(helpers.js, stderr_ok=True)
run = helpers.run


def entry(monkeypatch, capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    monkeypatch.setattr(sys, "argv", ["office-tui", *argv])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    out, err = capsys.readouterr()
    return (exit_info.value.code or 0), out, err


def snapshot(db: Path) -> tuple:
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                     for t in ("items", "movements", "quotes", "quotas", "events"))
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "office.db"
    ok(path, "item", "add", "--code", "A4", "--name", "A4 复印纸", "--unit", "包",
       "--reorder-level", "5", "--reorder-qty", "20", "--lead-days", "7", "--fractions")
    return path


def stock_of(db: Path, code: str) -> Any:
    return {row["code"]: row for row in js(db, "stock")}[code]["stock"]


# -- the issue's example ----------------------------------------------------------------
def test_receive_issue_and_refuse_beyond_stock(db, monkeypatch, capsys):
    ok(db, "receive", "A4", "10")
    assert "stock now 6 pack" in ok(db, "issue", "A4", "4", "--dept", "财务科")
    before = snapshot(db)
    code, out, err = entry(monkeypatch, capsys, "--db", str(db), "issue", "A4", "7",
                           "--dept", "财务科")
    assert code == 1 and out == ""
    assert "only 6 in stock" in err and len(err.strip().splitlines()) == 1
    assert snapshot(db) == before
    rows = js(db, "stock")
    assert [{k: r[k] for k in ("code", "name", "stock", "unit")} for r in rows] == [
        {"code": "A4", "name": "A4 复印纸", "stock": 6, "unit": "pack"}]


def test_adjust_takes_a_plain_negative_quantity(db):
    ok(db, "receive", "A4", "10")
    assert "stock now 9 pack" in ok(db, "adjust", "A4", "-1", "--reason", "破损")
    moved = js(db, "adjust", "A4", "2.5", "--reason", "found")
    assert moved["quantity"] == 2.5 and moved["stock"] == 11.5 and moved["reason"] == "found"


@pytest.mark.parametrize("args, message", [
    (("receive", "A4", "-3"), "negative"),
    (("receive", "A4", "0"), "more than zero"),
    (("receive", "A4", "lots"), "not a quantity"),
    (("receive", "A4", "3箱"), "counted in pack, not case"),
    (("receive", "A4", "3", "--price", "cheap"), "not a price"),
    (("receive", "NOPE", "1"), "Unknown item 'NOPE'"),
    (("issue", "A4", "1"), "which department"),
    (("issue", "A4", "1", "--dept", "x", "--job", "42"), "No job #42"),
    (("issue", "A4", "1", "--dept", "x", "--job", "99999999999999999999"), "No job"),
    (("issue", "A4", "-2", "--dept", "x"), "negative"),
    (("adjust", "A4", "-1"), "reason"),
    (("adjust", "A4", "-9", "--reason", "lost"), "only 2 in stock"),
    (("item", "add", "--code", "B", "--name", "b", "--unit", "furlong"), "Unknown unit"),
    (("item", "add", "--name", "b", "--unit", "pcs"), "--code"),
    (("item", "add", "--code", "a4", "--name", "b", "--unit", "pcs"), "already exists"),
    (("item", "add", "--code", "B", "--name", "b", "--unit", "pcs", "--reorder-level", "-1"),
     "zero or more"),
    (("quote", "add", "A4", "--price", "1"), "supplier"),
    (("quote", "add", "A4", "--supplier", "s"), "price"),
    (("quote", "add", "A4", "--supplier", "s", "--price", "1", "--grade", "Q"), "grade"),
    (("quotes", "NOPE"), "Unknown item"),
    (("purchase-list", "--format", "xls"), "Unknown format"),
    (("purchase-list", "--format", "xlsx"), "give -o FILE.xlsx"),
    (("consumption", "--from", "last week"), "Bad date"),
    (("quota", "set", "A4", "--dept", "x", "--qty", "1", "--period", "week"), "Unknown period"),
    (("import-items", "/nonexistent/items.csv"), "Cannot read"),
])
def test_refusals_exit_1_with_one_line_and_write_nothing(db, monkeypatch, capsys, args, message):
    ok(db, "receive", "A4", "2")
    before = snapshot(db)
    code, out, err = entry(monkeypatch, capsys, "--db", str(db), *args)
    assert code == 1, (out, err)
    assert message in err, err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert snapshot(db) == before


# -- listing ----------------------------------------------------------------------------
def test_item_add_list_show_edit_json(db):
    added = js(db, "item", "add", "--code", "PEN", "--name", "中性笔", "--unit", "支",
               "--reorder-level", "60", "--reorder-qty", "120", "--lead-days", "3",
               "--category", "writing", "--location", "C-01", "--supplier", "晨光",
               "--grade", "一等品")
    assert added == {"code": "PEN", "name": "中性笔", "unit": "stick", "category": "writing",
                     "location": "C-01", "reorder_level": 60, "reorder_qty": 120,
                     "lead_days": 3, "supplier": "晨光", "grade": "B", "active": True,
                     "stock": 0, "packs": {}, "fractions": False}
    assert [i["code"] for i in js(db, "item", "list")] == ["A4", "PEN"]
    assert "中性笔" in ok(db, "item", "list")
    ok(db, "receive", "PEN", "100", "--price", "1.5", "--supplier", "晨光", "--note", "DN-7")
    ok(db, "issue", "PEN", "30", "--dept", "教务处", "--person", "陈老师")
    shown = js(db, "item", "show", "PEN")
    assert shown["stock"] == 70 and shown["daily_use"] == 1.0
    assert [m["kind"] for m in shown["movements"]] == ["issue", "receive"]
    assert shown["movements"][1]["unit_price"] == "1.5"
    assert shown["weekly_use"][-1] == 30 and len(shown["weekly_use"]) == 12
    text = ok(db, "item", "show", "PEN")
    assert "教务处" in text and "DN-7" in text and "@ 1.50" in text
    edited = js(db, "item", "edit", "PEN", "--inactive", "--reorder-level", "10")
    assert edited["active"] is False and edited["reorder_level"] == 10
    assert [i["code"] for i in js(db, "item", "list")] == ["A4"]
    assert [i["code"] for i in js(db, "item", "list", "--all")] == ["A4", "PEN"]


def test_stock_low_and_table(db):
    ok(db, "item", "add", "--code", "PEN", "--name", "中性笔", "--unit", "支",
       "--reorder-level", "10")
    ok(db, "receive", "A4", "5")     # at its level: low
    ok(db, "receive", "PEN", "50")
    assert [r["code"] for r in js(db, "stock", "--low")] == ["A4"]
    assert [r["code"] for r in js(db, "stock", "--search", "笔")] == ["PEN"]
    table = ok(db, "stock")
    assert "Reorder pt" in table and "Days left" in table and "中性笔" in table


def test_quotes_best_first(db):
    ok(db, "item", "edit", "A4", "--grade", "B")
    ok(db, "quote", "add", "A4", "--supplier", "晨光", "--price", "23.50", "--grade", "B",
       "--date", "2026-10-01")
    ok(db, "quote", "add", "A4", "--supplier", "本地批发", "--price", "21", "--grade", "C")
    added = js(db, "quote", "add", "A4", "--supplier", "齐心", "--price", "23.50", "--grade",
               "A", "--service", "当天送货")
    assert added["price"] == "23.5" and added["grade"] == "A"
    ranked = js(db, "quotes", "A4")
    assert [q["supplier"] for q in ranked] == ["齐心", "晨光", "本地批发"]
    assert [q["best"] for q in ranked] == [True, False, False]
    assert [q["meets_grade"] for q in ranked] == [True, True, False]
    text = ok(db, "quotes", "A4")
    assert "best" in text and "below grade" in text


# -- the purchase list, CSV safety ------------------------------------------------------
def test_purchase_list_formats_and_neutralised_csv(db):
    for code, name in (("F1", "=HYPERLINK(\"http://x\")"), ("F2", "+1+2"), ("F3", "-3"),
                       ("F4", "@SUM(A1)")):
        ok(db, "item", "add", "--code", code, "--name", name, "--unit", "pcs",
           "--reorder-level", "1")
    ok(db, "receive", "A4", "2")
    ok(db, "quote", "add", "A4", "--supplier", "=cmd|' /C calc'!A0", "--price", "22.8")
    lines = js(db, "purchase-list")
    a4 = {line["code"]: line for line in lines}["A4"]
    # point 5, stock 2, no use: max(reorder qty 20, 5 + 0 - 2) = 20; cost 20 x 22.8
    assert (a4["suggested"], a4["price"], a4["cost"]) == (20, "22.8", "456.00")
    text = ok(db, "purchase-list", "--format", "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Code", "Name", "Stock"]
    cells = [cell for row in rows[1:] for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells
    assert {"'=HYPERLINK(\"http://x\")", "'+1+2", "'-3", "'@SUM(A1)"} <= set(cells)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    md = ok(db, "purchase-list", "--format", "md")
    assert md.splitlines()[0].startswith("| Code | Name |")
    assert "=cmd\\|' /C calc'!A0" in md  # a pipe cannot break the table
    assert "复印纸" in ok(db, "purchase-list")


# -- import -----------------------------------------------------------------------------
def test_import_items_all_or_nothing(db, tmp_path, monkeypatch, capsys):
    good = tmp_path / "good.csv"
    good.write_text("code,name,unit,category,location,reorder_level,reorder_qty,lead_days\n"
                    "PEN,中性笔,支,writing,C-01,60,120,3\nWATER,矿泉水,箱,pantry,F-01,15,40,2\n",
                    encoding="utf-8")
    assert "Imported 2 items." in ok(db, "import-items", str(good))
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,unit,lead_days\nTEA,绿茶,盒,5\nCUP,纸杯,furlong,3\n",
                   encoding="utf-8")
    before = snapshot(db)
    code, out, err = entry(monkeypatch, capsys, "--db", str(db), "import-items", str(bad))
    assert code == 1
    assert "row 3, column unit" in err and "Nothing imported" in err
    assert snapshot(db) == before
    assert [i["code"] for i in js(db, "item", "list")] == ["A4", "PEN", "WATER"]


# -- consumption and quotas -------------------------------------------------------------
def test_consumption_and_quotas(db, capsys):
    ok(db, "item", "add", "--code", "PEN", "--name", "中性笔", "--unit", "支")
    ok(db, "receive", "A4", "50")
    ok(db, "receive", "PEN", "50")
    ok(db, "quota", "set", "A4", "--dept", "财务科", "--qty", "5")
    ok(db, "issue", "A4", "4", "--dept", "财务科")
    result = run(db, "issue", "A4", "2", "--dept", "财务科", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["warnings"] == [
        "财务科 has used 6 pack of A4 this month, over its quota of 5."]
    assert "over its quota" in result.stderr
    ok(db, "issue", "PEN", "3", "--dept", "教务处")
    report = js(db, "consumption")
    assert [(r["department"], r["code"], r["quantity"]) for r in report["rows"]] == [
        ("教务处", "PEN", 3), ("财务科", "A4", 6)]
    assert report["quotas"][0]["over"] is True
    only = js(db, "consumption", "--dept", "教务处", "--from", "2020-01-01", "--to", "2099-12-31")
    assert [r["code"] for r in only["rows"]] == ["PEN"] and only["from"] == "2020-01-01"
    assert "over" in ok(db, "quota", "list")
    assert js(db, "quota", "list")[0]["used"] == 6
    assert "Quota removed" in ok(db, "quota", "set", "A4", "--dept", "财务科", "--qty", "0")


# -- user text shows literally ----------------------------------------------------------
def test_markup_and_escapes_show_literally(db):
    ok(db, "item", "add", "--code", "X", "--name", "[bold]red[/] \x1b[31m", "--unit", "pcs")
    ok(db, "receive", "X", "3", "--supplier", "[/]")
    table = ok(db, "stock")
    assert "[bold]red[/] \\x1b[31m" in table
    assert "\x1b" not in table
    assert js(db, "item", "list")[1]["name"] == "[bold]red[/] \x1b[31m"
    assert "[/]" in ok(db, "item", "show", "X")


def test_the_installed_command_answers_stock_json(db):
    ok(db, "receive", "A4", "10")
    ok(db, "issue", "A4", "4", "--dept", "财务科")
    refused = office_tui(db, "issue", "A4", "7", "--dept", "财务科")
    assert refused.returncode == 1 and "only 6 in stock" in refused.stderr
    done = office_tui(db, "stock", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["stock"] == 6


# -- packs and whole units (issue 14) ---------------------------------------------------------
def test_item_edit_pack_then_receive_in_packs(tmp_path):
    db = tmp_path / "office.db"
    ok(db, "item", "add", "--code", "PAPER", "--name", "A4 复印纸", "--unit", "包")
    edited = js(db, "item", "edit", "PAPER", "--pack", "箱=5")
    assert edited["packs"] == {"case": 5} and edited["fractions"] is False
    moved = js(db, "receive", "PAPER", "3箱")
    assert moved["quantity"] == 15
    assert js(db, "item", "show", "PAPER")["stock"] == 15
    assert "1 case = 5 pack" in ok(db, "item", "show", "PAPER")
    refused = run(db, "receive", "PAPER", "1.5")
    assert refused.exit_code == 1
    assert "PAPER is counted in whole pack: 1.5 is not a whole number" in refused.stderr
    ok(db, "item", "edit", "PAPER", "--fractions")
    assert js(db, "receive", "PAPER", "1.5")["quantity"] == 1.5
