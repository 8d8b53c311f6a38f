"""A frame drawn between adding rows and measuring them (the table measures new rows when
it is next idle; on a busy machine the screen can draw first) must not stay on screen:
once the rows widen a column, the table is drawn again at the new widths.

Textual 8.2's DataTable keeps the lines of that early frame, cached under its change
count, which measuring does not move: a column stays at its header's width, its cells cut
("后勤服务中" for 后勤服务中心), until something else changes the table.
"""

from __future__ import annotations

import pytest
import textual.widgets._data_table as textual_data_table
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from office_tui.tui.widgets import measured_table
from office_tui.tui.widgets.fast_table import FastTable
from office_tui.tui.widgets.measured_table import MeasuredTable
from tests.screenshots import screen_text
from tests.tui.textual_variants import ours_against, renamed


class OneTable(App):
    CSS = "DataTable { width: 1fr; height: 1fr; }"  # its size never follows its content

    def __init__(self, table: type[DataTable]) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        yield self.table(cursor_type="row", zebra_stripes=True)


@pytest.mark.parametrize("table", [MeasuredTable, FastTable])
async def test_a_frame_drawn_before_the_rows_are_measured_is_drawn_again(table):
    app = OneTable(table)
    async with app.run_test(size=(60, 8)) as pilot:
        await pilot.pause()
        data = app.query_one(DataTable)
        data.add_columns("Dept", "n")
        data.add_row("后勤服务中心", "4")
        data.add_row("办公室", "3")
        early = screen_text(app.export_screenshot())  # the frame before the table is idle
        assert "后勤服务中心" not in early  # (the race: drawn at the header's width)
        await pilot.pause()
        await pilot.pause()
        shown = [line.strip() for line in screen_text(app.export_screenshot()).splitlines()
                 if "Dept" in line or "后勤" in line]
        assert shown == ["Dept          n", "后勤服务中心  4"]


async def _drawn(table: type[DataTable]) -> list[str]:
    app = OneTable(table)
    async with app.run_test(size=(60, 8)) as pilot:
        await pilot.pause()
        data = app.query_one(DataTable)
        data.add_columns("Dept", "n")
        data.add_row("后勤服务中心", "4")
        await pilot.pause()
        await pilot.pause()
        return screen_text(app.export_screenshot()).splitlines()


@pytest.mark.parametrize("name", ["_update_dimensions", "_update_count"])
async def test_with_a_private_member_renamed_it_is_the_stock_datatable(monkeypatch, name):
    later = renamed(monkeypatch, textual_data_table, name)
    copy = ours_against(monkeypatch, measured_table, widgets={"DataTable": later.DataTable})
    assert copy.MeasuredTable.__mro__[1] is later.DataTable
    assert await _drawn(copy.MeasuredTable) == await _drawn(later.DataTable)
