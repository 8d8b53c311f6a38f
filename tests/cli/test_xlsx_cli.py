"""Excel in and out on the command line (issue 20): .xlsx imports checked as CSV is, every
CSV export also as a workbook (a sheet per section, numbers as numbers, dates as dates,
frozen header, never a formula), on a fixed clock (Fri 2026-11-27 10:00)."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.cli.helpers import js, ok, refused, run

FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    return tmp_path / "office.db"


def workbook(path: Path, rows: list[list[object]], *, sheets: dict[str, list] | None = None
             ) -> Path:
    """A workbook as Excel saves one; text starting with "=" is a text cell, as Excel
    keeps a cell typed as text (openpyxl alone would make it a formula)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "物品"
    for target, content in [(sheet, rows)] + [(book.create_sheet(name), more)
                                              for name, more in (sheets or {}).items()]:
        for row in content:
            target.append(row)
        for line in target.iter_rows():
            for cell in line:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    book.save(path)
    return path


def as_csv(path: Path, rows: list[list[object]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def table_rows(db: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    finally:
        conn.close()


def every_cell(path: Path):
    book = load_workbook(path)  # formulas as formulas: data_type "f" if any were written
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row


def no_formulas(path: Path) -> None:
    cells = list(every_cell(path))
    assert cells
    assert [c.coordinate for c in cells if c.data_type == "f"] == []


ITEMS = [["code", "name", "unit", "reorder_level", "reorder_qty", "supplier"],
         ["A4", "A4 复印纸", "包", 5, 20, "晨光文具"],
         ["PEN", "中性笔", "支", 2.5, 10, None],
         ["=CMD", FORMULA, "个", 0, 1, "=1+1"]]


# -- imports ------------------------------------------------------------------------------
def test_an_xlsx_made_by_openpyxl_imports_items_with_numbers_and_formula_text(db, tmp_path):
    path = workbook(tmp_path / "items.xlsx", ITEMS)
    assert "Imported 3 items." in ok(db, "import-items", str(path))
    stock = {row["code"]: row for row in js(db, "stock")}
    assert set(stock) == {"A4", "PEN", "=CMD"}
    assert stock["A4"]["name"] == "A4 复印纸" and stock["A4"]["reorder_point"] == 5
    assert stock["PEN"]["reorder_point"] == 2.5  # a float cell read as 2.5, not 2.5000001
    assert stock["=CMD"]["name"] == FORMULA  # text, as typed


def test_the_sheet_option_picks_a_sheet_and_an_unknown_one_is_named(db, tmp_path):
    path = workbook(tmp_path / "items.xlsx", [["nothing here"]],
                    sheets={"第二页": ITEMS[:2]})
    assert "Imported 1 item." in ok(db, "import-items", str(path), "--sheet", "第二页")
    error = refused(db, "import-items", str(path), "--sheet", "库存")
    assert "no sheet '库存'" in error and "物品, 第二页" in error
    assert "--sheet is for .xlsx" in refused(
        db, "import-items", str(as_csv(tmp_path / "i.csv", ITEMS)), "--sheet", "x")


@pytest.mark.parametrize("rows, expected", [
    ([["code", "name", "reorder_level"], ["A4", "纸", 5]], "the column 'unit' is missing"),
    ([ITEMS[0], ITEMS[1], ["PEN", "中性笔", "支", "很多", 10, None]],
     "row 3, column reorder_level"),
])
def test_a_bad_sheet_is_refused_as_its_csv_is_and_changes_nothing(db, tmp_path, rows,
                                                                 expected):
    ok(db, "item", "add", "--code", "OLD", "--name", "旧", "--unit", "个")
    before = (table_rows(db, "items"), table_rows(db, "events"))
    from_xlsx = refused(db, "import-items", str(workbook(tmp_path / "bad.xlsx", rows)))
    from_csv = refused(db, "import-items", str(as_csv(tmp_path / "bad.csv", rows)))
    assert expected in from_xlsx
    # the same rows, the same checks, the same words (only the file name differs)
    assert from_xlsx.replace("bad.xlsx", "F") == from_csv.replace("bad.csv", "F")
    assert (table_rows(db, "items"), table_rows(db, "events")) == before


def test_a_file_that_is_no_workbook_is_one_line(db, tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    assert "is not an Excel workbook (.xlsx)" in refused(db, "import-items", str(junk))
    assert "not a file" in refused(db, "import-items", str(tmp_path))


def test_import_assets_takes_a_workbook_with_real_dates(db, tmp_path):
    path = workbook(tmp_path / "assets.xlsx", [
        ["name", "value", "purchased", "dept", "life"],
        ["联想台式机", 4599, datetime(2024, 3, 15), "财务科", 5],
        ["格力空调", 6200.5, date(2022, 5, 10), "办公室", 8]])
    ok(db, "import-assets", str(path))
    found = {a["name"]: a for a in js(db, "asset", "list")}
    assert found["联想台式机"]["purchased"] == "2024-03-15"
    assert found["格力空调"]["value"] in ("6200.50", 6200.5)
    bad = workbook(tmp_path / "bad.xlsx", [["name", "value", "purchased"],
                                           ["投影仪", "lots", date(2024, 1, 1)]])
    assert "row 2, column value" in refused(db, "import-assets", str(bad))
    assert len(js(db, "asset", "list")) == 2


# -- the report -----------------------------------------------------------------------------
def test_the_weekly_report_as_a_workbook(db, tmp_path):
    ok(db, "add", f"{FORMULA} !high due:today #repair")
    ok(db, "add", "修 三楼会议室 灯管 due:2026-11-25 @总务科 #报修")
    target = tmp_path / "r.xlsx"
    assert "r.xlsx" in ok(db, "report", "--week", "--format", "xlsx", "-o", str(target))
    book = load_workbook(target)
    names = book.sheetnames
    assert names[0] == "Summary" and "Oldest open" in names and "Per day" in names
    assert all(len(n) <= 31 for n in names)
    summary = book["Summary"]
    assert [c.value for c in summary[1]] == ["Measure", "Value"]
    assert summary.freeze_panes == "A2" and summary["A1"].font.bold
    values = {r[0]: r[1] for r in summary.iter_rows(min_row=2, values_only=True)}
    assert values["From"] == datetime(2026, 11, 23) and summary["B2"].is_date
    assert values["Requests received"] == 2  # a number, not the text "2"
    oldest = book["Oldest open"]
    header = [c.value for c in oldest[1]]
    rows = [dict(zip(header, r)) for r in oldest.iter_rows(min_row=2, values_only=True)]
    titled = {r["Title"]: r for r in rows}
    assert FORMULA in titled  # the title as text ...
    cell = next(c for c in oldest["B"] if c.value == FORMULA)
    assert cell.data_type == "s"  # ... never a formula
    lamp = titled["修 三楼会议室 灯管"]
    assert lamp["Due"] == datetime(2026, 11, 25, 17, 30)
    assert isinstance(lamp["Working days"], (int, float))
    # the title column is as wide as its Chinese text (two cells a character)
    assert oldest.column_dimensions["B"].width >= 2 * len("修 三楼会议室 灯管") - 2
    no_formulas(target)


def test_the_report_in_chinese_has_chinese_sheets_and_headers(db, tmp_path):
    ok(db, "add", "修空调 #报修")
    target = tmp_path / "周报.xlsx"
    ok(db, "--lang", "zh", "report", "--week", "-o", str(target))
    book = load_workbook(target)
    first = book.worksheets[0]
    assert first.title != "Summary" and [c.value for c in first[1]] != ["Measure", "Value"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in first.title + str(first["A1"].value))


def test_a_workbook_is_never_printed_and_never_written_over_unasked(db, tmp_path):
    ok(db, "add", "修空调 #报修")
    assert "give -o FILE.xlsx" in refused(db, "report", "--format", "xlsx")
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"keep")
    assert "--force" in refused(db, "report", "-o", str(target))
    assert target.read_bytes() == b"keep"
    ok(db, "report", "-o", str(target), "--force")
    assert target.read_bytes()[:2] == b"PK"
    assert "office-tui database" in refused(db, "report", "--format", "xlsx", "-o", str(db))
    link = tmp_path / "link.xlsx"
    link.symlink_to(tmp_path / "elsewhere.xlsx")
    assert "symbolic link" in refused(db, "report", "-o", str(link))
    assert not (tmp_path / "elsewhere.xlsx").exists()


# -- every other export ----------------------------------------------------------------------
@pytest.fixture
def filled(db) -> Path:
    ok(db, "item", "add", "--code", "A4", "--name", FORMULA, "--unit", "包",
       "--reorder-level", "5", "--reorder-qty", "20")
    ok(db, "receive", "A4", "10", "--price", "23.5")
    ok(db, "issue", "A4", "7", "--dept", "财务科")
    ok(db, "quota", "set", "A4", "--dept", "财务科", "--qty", "5")
    ok(db, "meals", "config", "--depts", "财务科,办公室", "--price", "lunch=12")
    ok(db, "meals", "set", "--date", "2026-11-30", "--dept", "财务科", "--meal", "lunch",
       "--count", "12")
    ok(db, "meter", "add", "--name", "主楼电表", "--kind", "electricity", "--price", "0.85",
       "--dept", "财务科")
    ok(db, "reading", "add", "主楼电表", "--value", "1200", "--date", "2026-10-31")
    ok(db, "reading", "add", "主楼电表", "--value", "1300", "--date", "2026-11-26")
    ok(db, "asset", "add", "--name", "联想台式机", "--value", "4599", "--purchased",
       "2024-03-15", "--dept", "财务科", "--location", "3F-301")
    count = js(db, "count", "start")
    ok(db, "count", "mark", str(count["id"]), count["lines"][0]["tag"], "missing")
    return db


# (command, the header's first cells, a (column, value) the sheet must hold as typed)
EXPORTS = [
    (["purchase-list"], ["Code", "Name", "Stock"], ("Stock", 3)),
    (["stock"], ["Code", "Name", "Stock"], ("Stock", 3)),
    (["consumption", "--from", "2026-11-01"], ["Department", "Code", "Name", "Used"],
     ("Used", 7)),
    (["meals", "sheet", "--date", "2026-11-30"], ["Department", "breakfast", "lunch"],
     ("lunch", 12)),
    (["asset", "list"], ["Tag", "Name"], ("Purchased", datetime(2024, 3, 15))),
    (["count", "report", "1"], ["Department", "Assets", "Found", "Missing"], ("Missing", 1)),
    (["utilities", "month", "--month", "2026-11"], ["Meter", "Department"], ("Use", 100)),
]


@pytest.mark.parametrize("command, header, typed", EXPORTS,
                         ids=[" ".join(c[0][:2]) for c in EXPORTS])
def test_each_export_writes_a_workbook(filled, tmp_path, command, header, typed):
    target = tmp_path / "out.xlsx"
    ok(filled, *command, "-o", str(target))
    book = load_workbook(target)
    sheet = book.worksheets[0]
    first = [c.value for c in sheet[1]]
    assert first[:len(header)] == header and sheet.freeze_panes == "A2"
    rows = [dict(zip(first, r)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    column, value = typed
    assert value in [r[column] for r in rows], rows
    no_formulas(target)
    # --format xlsx says the same without the file name, and never to the terminal
    other = tmp_path / "out.data"
    ok(filled, *command, "--format", "xlsx", "-o", str(other))
    assert load_workbook(io.BytesIO(other.read_bytes())).sheetnames == book.sheetnames
    assert "give -o FILE.xlsx" in refused(filled, *command, "--format", "xlsx")


def test_the_item_named_like_a_formula_stays_text_in_every_sheet(filled, tmp_path):
    for command in (["purchase-list"], ["stock"], ["consumption", "--from", "2026-11-01"]):
        target = tmp_path / f"{command[0]}.xlsx"
        ok(filled, *command, "-o", str(target))
        cells = [c for c in every_cell(target) if c.value == FORMULA]
        assert cells and {c.data_type for c in cells} == {"s"}, command


def test_stock_and_consumption_also_write_csv_now(filled, tmp_path):
    target = tmp_path / "stock.csv"
    ok(filled, "stock", "-o", str(target))
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["Code", "Name", "Stock"]
    assert rows[1][:3] == ["A4", "'" + FORMULA, "3"]  # neutralised, as every CSV is
    text = ok(filled, "consumption", "--from", "2026-11-01", "--format", "csv")
    assert "Consumption 2026-11-01 to 2026-11-27" in text and "财务科,A4" in text
