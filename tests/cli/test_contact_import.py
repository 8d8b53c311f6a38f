"""`contact import FILE`: the 通讯录 from CSV or Excel, under the header a clerk's sheet
already has (name/姓名, department/部门, phone/电话, role/职务), all rows or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import js, ok, refused
from tests.cli.test_xlsx_cli import as_csv, table_rows, workbook
from tests.integrity import integrity


@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    return tmp_path / "office.db"


def test_a_chinese_sheet_imports_with_its_own_header_and_drivers_are_drivers(db, tmp_path):
    book = workbook(tmp_path / "通讯录.xlsx", [["姓名", "部门", "电话", "职务"],
                                             ["王师傅", "总务科", "13800000001", "司机"],
                                             ["李四", "财务科", 13900000002, None],
                                             [None, None, None, None],
                                             ["=HYPERLINK(\"x\")", "办公室", "", "主任"]])
    added = js(db, "contact", "import", str(book))
    assert [(c["name"], c["dept"], c["phone"], c["role"]) for c in added] == [
        ("王师傅", "总务科", "13800000001", "driver"),
        ("李四", "财务科", "13900000002", None),
        ("=HYPERLINK(\"x\")", "办公室", None, "主任")]
    assert "王师傅" in ok(db, "contact", "list", "--search", "wangshifu")
    assert integrity(db) == "ok"


def test_csv_and_the_sheet_option(db, tmp_path):
    out = ok(db, "contact", "import", str(as_csv(tmp_path / "c.csv", [
        ["Name", "Dept", "Phone"], ["Zhang San", "IT", "8001"]])))
    assert out.strip() == "Imported 1 contact."
    book = workbook(tmp_path / "c.xlsx", [["x"]], sheets={"联系人": [["name"], ["赵六"]]})
    assert [c["name"] for c in js(db, "contact", "import", str(book), "--sheet", "联系人")] \
        == ["赵六"]


@pytest.mark.parametrize("rows, says", [
    ([["name", "phone"], ["王五", "1"], ["王五", "2"]], "row 3, column name: '王五' is also in row 2"),
    ([["name", "phone"], ["", "1"]], "row 2, column name: empty"),
    ([["name", "email"], ["王五", "x@y"]], "row 1, column 2 'email': not a known column"),
    ([["phone"], ["1"]], "row 1: the column 'name' is missing"),
    ([["name", "部门", "dept"], ["王五", "a", "b"]], "row 1, column 3 'dept': appears twice"),
    ([["name"], ["王五", "extra"]], "row 2: 2 cells, but the header has 1"),
    ([["name"], ["王" * 201]], "row 2, column name: The name is too long"),
    ([["name"]], "a header but no contacts"),
])
def test_one_bad_row_and_nothing_is_imported(db, tmp_path, rows, says):
    ok(db, "contact", "add", "--name", "先有的人")
    before = table_rows(db, "contacts"), table_rows(db, "events")
    for path in (as_csv(tmp_path / "bad.csv", rows), workbook(tmp_path / "bad.xlsx", rows)):
        assert says in refused(db, "contact", "import", str(path))
        assert (table_rows(db, "contacts"), table_rows(db, "events")) == before


def test_a_name_already_in_the_contacts_is_refused_and_undo_takes_an_import_back(db, tmp_path):
    ok(db, "contact", "add", "--name", "Wang Wu")
    path = as_csv(tmp_path / "c.csv", [["name"], ["李四"], ["WANG WU"]])
    assert "row 3, column name: 'WANG WU' is already a contact" in refused(
        db, "contact", "import", str(path))
    path = as_csv(tmp_path / "c.csv", [["name"], ["李四"], ["赵六"]])
    ok(db, "contact", "import", str(path))
    ok(db, "undo")  # the whole import is one step
    assert [c["name"] for c in js(db, "contact", "list")] == ["Wang Wu"]
