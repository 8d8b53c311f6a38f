"""The report's workbook opened by a real spreadsheet program: Gnumeric's ssconvert (Debian's
gnumeric, installed by .ci/run) reads it and writes its own file, where every cell of the
report holds a value of the right kind and none is a formula."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.cli.helpers import ok

FORMULA = '=HYPERLINK("http://x","y")'
GNM = "{http://www.gnumeric.org/v10.dtd}"
STRING, NUMBER = "60", "40"  # Gnumeric's value types

pytestmark = pytest.mark.skipif(
    shutil.which("ssconvert") is None,
    reason="ssconvert (Debian's gnumeric) is not installed; .ci/run installs it")


def gnumeric_cells(xlsx: Path) -> dict[str, list[dict]]:
    """Each sheet's cells as ssconvert read them: row, column, value type (None for a
    formula), text."""
    target = xlsx.with_suffix(".gnumeric")
    done = subprocess.run(["ssconvert", str(xlsx), str(target)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    root = ET.fromstring(gzip.decompress(target.read_bytes()))
    sheets = {}
    for sheet in root.iter(f"{GNM}Sheet"):
        sheets[sheet.find(f"{GNM}Name").text] = [
            {"row": int(c.get("Row")), "col": int(c.get("Col")), "type": c.get("ValueType"),
             "text": c.text} for c in sheet.iter(f"{GNM}Cell")]
    return sheets


def test_the_check_sees_a_formula_when_there_is_one(tmp_path):
    book = Workbook()
    book.active.append(["=1+1", "text"])  # openpyxl's default: a formula
    path = tmp_path / "formula.xlsx"
    book.save(path)
    (cells,) = gnumeric_cells(path).values()
    by_col = {c["col"]: c for c in cells}
    assert by_col[0]["type"] is None and by_col[0]["text"] == "=1+1"
    assert by_col[1]["type"] == STRING


def test_ssconvert_reads_the_report_values_and_no_formula(tmp_path, cli_on_clock):
    db = tmp_path / "office.db"
    ok(db, "add", f"{FORMULA} !high #repair")
    ok(db, "add", "修 三楼会议室 灯管 due:2026-11-25 @总务科 #报修")
    target = tmp_path / "r.xlsx"
    ok(db, "report", "--week", "-o", str(target))
    sheets = gnumeric_cells(target)
    assert "Summary" in sheets and "Oldest open" in sheets
    every = [c for cells in sheets.values() for c in cells]
    assert every and [c for c in every if c["type"] is None] == []  # no formula anywhere
    summary = {(c["row"], c["col"]): c for c in sheets["Summary"]}
    labels = {summary[(r, 0)]["text"]: summary.get((r, 1)) for r, _c in summary if _c == 0}
    received = labels["Requests received"]
    assert (received["type"], received["text"]) == (NUMBER, "2")
    start = labels["From"]  # a date: the spreadsheet's day number
    assert start["type"] == NUMBER
    assert int(start["text"]) == (date(2026, 11, 23) - date(1899, 12, 30)).days
    oldest = sheets["Oldest open"]
    titles = [c for c in oldest if c["col"] == 1 and c["row"] > 0]
    assert {(c["type"], c["text"]) for c in titles} == {
        (STRING, FORMULA), (STRING, "修 三楼会议室 灯管")}
