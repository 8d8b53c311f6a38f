"""The roster's drawing: every hour cell exactly its width (CJK never straddles two),
blocks clipped at the day's edges, the booking under a cursor, and the grid widget."""

from __future__ import annotations

from datetime import date, datetime, time

from rich.text import Text
from textual.app import App, ComposeResult

from office_tui.core.vehicles import Booking, Vehicle, VehicleSettings
from office_tui.tui.widgets.timeline import (
    PER_HOUR, Timeline, booking_at, day_row, hours, spans, vehicle_label, week_cell,
)

DAY = date(2026, 11, 30)
SETTINGS = VehicleSettings()


def at(hh: int, mm: int = 0) -> datetime:
    return datetime.combine(DAY, time(hh, mm))


def car(status: str = "active") -> Vehicle:
    return Vehicle(id=1, plate="京A·1", name="Passat", seats=4, status=status)


def trip(id: int, start: datetime, end: datetime, dest: str = "第一中学",
         status: str = "booked") -> Booking:
    return Booking(id=id, vehicle_id=1, vehicle="京A·1", start=start, end=end,
                   destination=dest, status=status, seats=4)


def test_every_hour_cell_is_exactly_its_width_with_cjk_labels():
    bookings = [trip(1, at(9, 55), at(11, 5), "第一中学附属小学"),  # starts at a cell edge
                trip(2, at(12), at(12, 30), "市政府东门"),
                trip(3, at(13, 15), at(16), "[bold]Airport T3[/]")]
    cells = day_row(car(), bookings, DAY, SETTINGS, at(10))
    assert len(cells) == len(hours(SETTINGS)) == 13
    assert all(cell.cell_len == PER_HOUR for cell in cells)
    joined = "".join(cell.plain for cell in cells)
    # Half an hour is four cells: two wide characters of 市政府东门.
    assert "第一中学" in joined and "市政·" in joined and "[bold]Airport T3[/]" in joined


def test_the_label_is_cut_to_the_block():
    cells = day_row(car(), [trip(1, at(9), at(9, 30), "人民医院体检中心")], DAY, SETTINGS)
    assert cells[2].plain.startswith("人民")  # 30 minutes: four cells, two wide chars
    assert "医" not in "".join(c.plain for c in cells)


def test_blocks_are_clipped_at_the_day_edges():
    early_late = [trip(1, at(5), at(7, 30), "机场"), trip(2, at(19, 30), at(22), "火车站")]
    found = spans(early_late, DAY, SETTINGS)
    assert (found[0].first, found[0].clipped_left) == (0, True)
    assert (found[1].last, found[1].clipped_right) == (13 * PER_HOUR, True)
    cells = day_row(car(), early_late, DAY, SETTINGS)
    assert cells[0].plain.startswith("‹") and cells[-1].plain.endswith("›")
    cancelled = trip(3, at(9), at(10), status="cancelled")
    assert spans([cancelled], DAY, SETTINGS) == []


def test_maintenance_is_drawn_as_such():
    cells = day_row(car("maintenance"), [], DAY, SETTINGS)
    joined = "".join(c.plain for c in cells)
    assert "in maintenance" in joined and "░" in joined
    assert all(c.cell_len == PER_HOUR for c in cells)


def test_booking_at_takes_the_one_covering_most_of_the_hour():
    short, long_ = trip(1, at(9), at(9, 15)), trip(2, at(9, 15), at(11))
    assert booking_at([short, long_], DAY, 9) == long_
    assert booking_at([short, long_], DAY, 11) is None  # back to back: 11:00 is free
    assert booking_at([trip(3, at(9), at(10), status="cancelled")], DAY, 9) is None


def test_week_cell_counts_trips_and_hours():
    assert week_cell(car(), [trip(1, at(9), at(11)), trip(2, at(14), at(14, 30))], DAY,
                     DAY).plain.strip() == "2× 2.5h"
    assert week_cell(car(), [], DAY, DAY).plain.strip() == "·"
    assert "maint." in week_cell(car("maintenance"), [], DAY, DAY).plain


class Grid(App[None]):
    def compose(self) -> ComposeResult:
        yield Timeline(id="grid")

    def on_mount(self) -> None:
        widths = [6] + [8] * 12
        header = [Text("car")] + [Text(f"h{i}") for i in range(12)]
        rows = [[Text(f"r{r}")] + [Text(f"{r}.{c}") for c in range(12)] for r in range(40)]
        self.query_one(Timeline).set_grid(widths, header, rows, row=0, column=1)


async def test_the_grid_keeps_the_cursor_in_view_and_reports_it():
    app = Grid()
    seen: list[tuple[int, int]] = []
    async with app.run_test(size=(40, 12)) as pilot:
        grid = app.query_one(Timeline)
        grid.focus()
        await pilot.pause()
        assert (grid.row_count, grid.column_count) == (40, 13)
        await pilot.press("end")
        await pilot.pause()
        assert grid.cursor_column == 12 and grid.scroll_offset.x > 0
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert grid.cursor_row > 20 and grid.scroll_offset.y > 0
        await pilot.press("home")
        await pilot.pause()
        assert grid.cursor_column == 1 and grid.scroll_offset.x == 0
        grid.move_cursor(row=0)
        await pilot.pause()
        assert grid.scroll_offset.y == 0
        await pilot.click(Timeline, offset=(6 + 8 + 2, 3))  # row 2, hour column 2
        await pilot.pause()
        seen.append((grid.cursor_row, grid.cursor_column))
    assert seen == [(2, 2)]


def test_a_long_plate_is_cut_but_keeps_its_reminder_mark():
    long_plate = Vehicle(id=1, plate="京A·123456789012345", name="x", seats=4)
    label = vehicle_label(long_plate, True, 12)
    assert label.cell_len == 12 and label.plain.rstrip().endswith("!")
    assert vehicle_label(car(), False, 12).cell_len == 12
