"""The workbook writer and reader (services/xlsx_out.py, services/xlsx_in.py) and the table
model (core/tables.py): any text comes back as the same text, never a formula; numbers and
dates keep their kind; sheet names are ones Excel accepts."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from office_tui.core.tables import Table, sheet_names, to_csv, to_markdown
from office_tui.services.xlsx_in import cell_text, sheet_records
from office_tui.services.xlsx_out import workbook

# Text as a clerk could type it: no control characters (XML cannot hold most of them).
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=6))
def test_any_text_comes_back_as_the_same_text(texts):
    texts = [t for t in texts if t.strip()] or ["=1+1"]
    data = workbook([Table("t", ["a"], [[t] for t in texts])])
    rows = sheet_records(data, "t.xlsx")
    assert [r[0] for _n, r in rows[1:]] == texts
    cells = [c for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row]
    assert {c.data_type for c in cells} == {"s"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from("=+-@"), min_size=1, max_size=3), TEXT)
def test_formula_starts_stay_text(starts, rest):
    value = "".join(starts) + rest
    data = workbook([Table("t", ["a"], [[value]])])
    cell = load_workbook(io.BytesIO(data)).active["A2"]
    assert (cell.data_type, cell.value) == ("s", value)


def test_numbers_and_dates_keep_their_kind_and_read_back_as_csv_would_hold_them():
    row = [3, 2.5, Decimal("23.50"), date(2026, 11, 27), datetime(2026, 11, 27, 17, 30),
           None, "中文", 2**60, "\x07bell"]
    data = workbook([Table("t", list("abcdefghi"), [row])])
    sheet = load_workbook(io.BytesIO(data)).active
    cells = list(sheet[2])
    assert [c.value for c in cells[:3]] == [3, 2.5, 23.5]
    assert cells[2].number_format == "0.00"
    assert cells[3].is_date and cells[3].number_format == "yyyy-mm-dd"
    assert cells[4].value == datetime(2026, 11, 27, 17, 30) and cells[4].is_date
    assert cells[7].data_type == "s" and cells[7].value == str(2**60)  # not rounded
    assert cells[8].value == "\\x07bell"  # escaped: XML cannot hold it
    (_head, (_n, read)) = sheet_records(data, "t.xlsx")
    assert read == ["3", "2.5", "23.5", "2026-11-27", "2026-11-27 17:30", "", "中文",
                    str(2**60), "\\x07bell"]


def test_cjk_text_counts_two_cells_a_character_in_the_column_width():
    data = workbook([Table("t", ["a", "b"], [["三楼会议室空调不制冷", "air conditioner"]])])
    widths = load_workbook(io.BytesIO(data)).active.column_dimensions
    assert widths["A"].width == 2 * 10 + 2 and widths["B"].width == len("air conditioner") + 2


def test_cell_text_is_what_a_csv_export_holds():
    assert [cell_text(v) for v in (True, 12, 12.0, 0.1 + 0.2, 1e-7, date(2024, 3, 15),
                                   datetime(2024, 3, 15), datetime(2024, 3, 15, 9, 5),
                                   None)] == [
        "TRUE", "12", "12", "0.3", "0.0000001", "2024-03-15", "2024-03-15",
        "2024-03-15 09:05", ""]


@given(st.lists(st.text(max_size=50), min_size=1, max_size=8))
def test_sheet_names_are_ones_excel_accepts(names):
    found = sheet_names(names)
    assert len(found) == len(names)
    assert len({n.casefold() for n in found}) == len(found)
    for name in found:
        assert 0 < len(name) <= 31 and not set(name) & set("[]:*?/\\")
        assert not name.startswith("'") and not name.endswith("'")


def test_csv_neutralises_formula_text_but_keeps_negative_numbers():
    text = to_csv([Table("t", ["a", "b"], [["=1+1", -3], [None, Decimal("-1.50")]])])
    assert text.splitlines() == ["a,b", "'=1+1,-3", ",-1.50"]
    several = to_csv([Table("one", ["a"], [[1]]), Table("two", ["b"], [[2]])])
    assert several.splitlines() == ["one", "a", "1", "", "two", "b", "2", ""]
    assert to_markdown([Table("t", ["n", "s"], [[1, "x|y"]])]).splitlines() == [
        "| n | s |", "| ---: | --- |", "| 1 | x\\|y |"]


def test_a_workbook_that_unpacks_too_far_is_refused_before_it_is_opened(monkeypatch):
    import pytest

    from office_tui.services import OfficeError, xlsx_in

    data = workbook([Table("t", ["a"], [["x" * 2000] for _n in range(50)])])
    assert sheet_records(data, "t.xlsx")[1] == (2, ["x" * 2000])
    monkeypatch.setattr(xlsx_in, "MAX_UNPACKED", 50_000)
    with pytest.raises(OfficeError, match="unpacks to 0 MiB; .* at most 0 MiB"):
        sheet_records(data, "t.xlsx")
    monkeypatch.setattr(xlsx_in, "MAX_CELLS", 10)
    monkeypatch.setattr(xlsx_in, "MAX_UNPACKED", 2**30)
    with pytest.raises(OfficeError, match="more than 10 cells"):
        sheet_records(data, "t.xlsx")
