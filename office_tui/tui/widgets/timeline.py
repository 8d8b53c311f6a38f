"""Drawing the roster: a day as one row per car, 07:00–20:00 across, bookings as coloured
blocks labelled with their destination; a week as trips and hours per car and day.

A day row is laid out on a grid of cells (8 per hour, 7.5 minutes each) and cut into one
grid cell per hour, so the cursor moves an hour at a time, and the fixed first column
keeps the plates in view while the hours scroll sideways. A wide (CJK)
character never straddles two hour cells: it moves on by one cell instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from office_tui.core.text import printable
from office_tui.core.vehicles import Booking, Vehicle, VehicleSettings
from office_tui.i18n import _
from office_tui.tui.cells import fit_text

PER_HOUR = 8  # grid cells per hour
GRID = Style(color="grey35")
HALF = Style(color="grey23")
NOW = Style(color="red", bold=True)
MAINTENANCE = Style(color="#c08a00", bgcolor="#2b2100")
BLOCK = {
    "booked": (Style(color="white", bgcolor="#1d5a96", bold=True),
               Style(color="white", bgcolor="#2c78c0", bold=True)),
    "out": (Style(color="black", bgcolor="#d79b00", bold=True),
            Style(color="black", bgcolor="#f0b429", bold=True)),
    "returned": (Style(color="#d0e8d0", bgcolor="#2f5d34"),
                 Style(color="#d0e8d0", bgcolor="#3d7443")),
}

Slot = tuple[str, Style] | None  # None: the right half of a wide character


def hours(settings: VehicleSettings) -> list[int]:
    last = settings.day_end.hour + (1 if settings.day_end.minute else 0)
    return list(range(settings.day_start.hour, last))


@dataclass(frozen=True)
class Span:
    """Where a booking falls on a day's grid: cells [first, last)."""

    booking: Booking
    first: int
    last: int
    clipped_left: bool
    clipped_right: bool


def spans(bookings: Sequence[Booking], day: date, settings: VehicleSettings) -> list[Span]:
    """The grid cells each booking covers on `day` (cancelled ones are not drawn)."""
    origin = datetime.combine(day, time(settings.day_start.hour))
    width = len(hours(settings)) * PER_HOUR
    step = 60 / PER_HOUR
    found = []
    for b in sorted(bookings, key=lambda b: (b.start, b.id)):
        if b.status == "cancelled":
            continue
        start = (b.start - origin).total_seconds() / 60 / step
        end = (b.end - origin).total_seconds() / 60 / step
        first, last = max(int(start), 0), min(int(-(-end // 1)), width)
        if last <= 0 or first >= width:
            continue
        last = max(last, first + 1)
        found.append(Span(b, first, last, start < 0, end > width))
    return found


def _paint_text(slots: list[Slot], first: int, last: int, text: str, style: Style) -> None:
    """Write `text` into cells [first, last), never splitting a wide character across an
    hour cell or past the block's end."""
    at = first
    for char in text:
        width = cell_len(char)
        if width == 0:
            continue
        while at < last and width == 2 and (at // PER_HOUR != (at + 1) // PER_HOUR):
            at += 1  # would straddle an hour cell: leave a blank and move on
        if at + width > last:
            break
        slots[at] = (char, style)
        if width == 2:
            slots[at + 1] = None
        at += width


def day_row(vehicle: Vehicle, bookings: Sequence[Booking], day: date,
            settings: VehicleSettings, now: datetime | None = None) -> list[Text]:
    """One Text per hour of the day for one car."""
    columns = hours(settings)
    width = len(columns) * PER_HOUR
    slots: list[Slot] = []
    for i in range(width):
        if vehicle.status == "maintenance":
            slots.append(("░", MAINTENANCE))
        elif i % PER_HOUR == 0:
            slots.append(("┆", GRID))
        elif i % PER_HOUR == PER_HOUR // 2:
            slots.append(("·", HALF))
        else:
            slots.append((" ", Style()))
    if vehicle.status == "maintenance":
        label = " " + _("in maintenance") + " "
        for hour_cell in range(0, width, PER_HOUR * 4):
            _paint_text(slots, hour_cell, min(hour_cell + PER_HOUR * 3, width), label,
                        MAINTENANCE)
    if now is not None and now.date() == day:
        origin = datetime.combine(day, time(settings.day_start.hour))
        cell = int((now - origin).total_seconds() // 60 // (60 / PER_HOUR))
        if 0 <= cell < width and slots[cell] is not None and slots[cell][0] in " ┆·░":
            slots[cell] = ("│", NOW)
    for index, span in enumerate(spans(bookings, day, settings)):
        style = BLOCK.get(span.booking.status, BLOCK["booked"])[index % 2]
        for i in range(span.first, span.last):
            slots[i] = (" ", style)
        label = printable(span.booking.destination)
        if span.clipped_left:
            label = "‹" + label
        _paint_text(slots, span.first, span.last, label, style)
        if span.clipped_right:
            if slots[span.last - 1] is None:  # the right half of a wide character
                slots[span.last - 2] = (" ", style)
            slots[span.last - 1] = ("›", style)
    return cells_from_slots(slots, len(columns))


def cells_from_slots(slots: Sequence[Slot], hour_count: int) -> list[Text]:
    """A day's grid of slots cut into one Text per hour, one span per run of a style
    (cheaper to render than a span per cell)."""
    cells = []
    for h in range(hour_count):
        text = Text(no_wrap=True, overflow="crop", end="")
        run, run_style = "", None
        for slot in slots[h * PER_HOUR:(h + 1) * PER_HOUR]:
            if slot is None:
                continue
            if slot[1] is not run_style and slot[1] != run_style:
                if run:
                    text.append(run, run_style)
                run, run_style = "", slot[1]
            run += slot[0]
        if run:
            text.append(run, run_style)
        cells.append(text)
    return cells


def booking_at(bookings: Sequence[Booking], day: date, hour: int) -> Booking | None:
    """The booking a cursor on `hour` of `day` points at: the one covering most of that
    hour (the earlier on a tie); cancelled trips are not on the roster."""
    start = datetime.combine(day, time(hour))
    end = start + timedelta(hours=1)
    best, best_share = None, timedelta(0)
    for b in sorted(bookings, key=lambda b: (b.start, b.id)):
        if b.status == "cancelled":
            continue
        share = min(b.end, end) - max(b.start, start)
        if share > best_share:
            best, best_share = b, share
    return best


def week_cell(vehicle: Vehicle, bookings: Sequence[Booking], day: date, today: date
              ) -> Text:
    """A week overview cell: trips and booked hours that day, or maintenance."""
    start = datetime.combine(day, time(0))
    end = start + timedelta(days=1)
    trips = [b for b in bookings if b.status != "cancelled" and b.start < end and b.end > start]
    minutes = sum((min(b.end, end) - max(b.start, start)).total_seconds() / 60 for b in trips)
    if vehicle.status == "maintenance" and day >= today and not trips:
        return Text(" " + _("maint."), style=MAINTENANCE, no_wrap=True, overflow="crop")
    if not trips:
        return Text(" ·", style=GRID, no_wrap=True)
    label = _("{n}× {h}h").format(n=len(trips), h=f"{minutes / 60:.1f}".rstrip("0").rstrip("."))
    style = BLOCK["booked"][0] if minutes >= 6 * 60 else Style(color="#6fa8dc", bold=True)
    return Text(" " + label, style=style, no_wrap=True, overflow="crop")


def vehicle_label(vehicle: Vehicle, flagged: bool, width: int) -> Text:
    """The plate (cut to fit, the reminder mark `!` always kept), padded to `width`."""
    text = Text(printable(vehicle.plate), no_wrap=True, overflow="crop")
    if vehicle.status == "maintenance":
        text.stylize(Style(color="#c08a00"))
    text = fit_text(text, max(width - 1 - (2 if flagged else 0), 1))
    if flagged:
        text.append(" !", style=Style(color="yellow", bold=True))
    text.append(" " * max(width - text.cell_len, 0))
    return text


# -- the widget ---------------------------------------------------------------------------
class Timeline(ScrollView, can_focus=True):
    """A grid drawn with the Line API: a fixed header line and a fixed first (label)
    column, the other columns scrolling sideways, a cell cursor. Rows are turned into
    strips once when set; a repaint only crops and joins them, so drawing does not grow
    with what is in the cells (the DataTable this replaced re-rendered every cell)."""

    BINDINGS = [
        Binding("up", "cursor(0, -1)", show=False),
        Binding("down", "cursor(0, 1)", show=False),
        Binding("left", "cursor(-1, 0)", show=False),
        Binding("right", "cursor(1, 0)", show=False),
        Binding("home", "edge(-1)", show=False),
        Binding("end", "edge(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("enter", "select", show=False),
    ]
    CURSOR = Style(reverse=True, bold=True)
    CURSOR_BLURRED = Style(underline=True, bold=True)
    HEADER = Style(bold=True)

    @dataclass
    class Highlighted(Message):
        timeline: Timeline
        row: int
        column: int

    @dataclass
    class Selected(Message):
        timeline: Timeline
        row: int
        column: int

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.widths: list[int] = []
        self._header: list[Strip] = []
        self._rows: list[list[Strip]] = []
        self.cursor_row = 0
        self.cursor_column = 0

    # -- content --------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def column_count(self) -> int:
        return len(self.widths)

    def set_grid(self, widths: Sequence[int], header: Sequence[Text],
                 rows: Sequence[Sequence[Text]], *, row: int = 0, column: int = 0) -> None:
        """Replace the whole grid; the cursor goes to (row, column), clamped."""
        console = self.app.console
        self.widths = list(widths)
        self._header = self._strips(console, header, self.HEADER)
        self._rows = [self._strips(console, cells) for cells in rows]
        self.virtual_size = Size(sum(self.widths), len(self._rows) + 1)
        self.move_cursor(row=row, column=column, scroll=True, force=True)
        self.refresh()

    def _strips(self, console, cells: Sequence[Text], base: Style | None = None) -> list[Strip]:
        strips = []
        for text, width in zip(cells, self.widths):
            segments = list(text.render(console, end=""))
            strip = Strip(segments).adjust_cell_length(width)
            strips.append(strip.apply_style(base) if base else strip)
        return strips

    # -- the cursor -------------------------------------------------------------------------
    def move_cursor(self, *, row: int | None = None, column: int | None = None,
                    scroll: bool = True, force: bool = False) -> None:
        rows, columns = len(self._rows), len(self.widths)
        new_row = min(max(self.cursor_row if row is None else row, 0), max(rows - 1, 0))
        new_column = min(max(self.cursor_column if column is None else column, 0),
                         max(columns - 1, 0))
        changed = (new_row, new_column) != (self.cursor_row, self.cursor_column)
        self.cursor_row, self.cursor_column = new_row, new_column
        if scroll:
            self._scroll_to_cursor()
        if changed or force:
            self.refresh()
            self.post_message(self.Highlighted(self, new_row, new_column))

    def _scroll_to_cursor(self) -> None:
        if not self.widths or self.size.width == 0:
            self.call_after_refresh(self._scroll_to_cursor)
            return
        view_width = max(self.size.width - self.widths[0], 1)
        x, y = self.scroll_offset
        if self.cursor_column >= 1:
            start = sum(self.widths[1:self.cursor_column])
            end = start + self.widths[self.cursor_column]
            if start < x:
                x = start
            elif end > x + view_width:
                x = end - view_width
        view_rows = max(self.size.height - 1, 1)
        if self.cursor_row < y:
            y = self.cursor_row
        elif self.cursor_row >= y + view_rows:
            y = self.cursor_row - view_rows + 1
        self.scroll_to(x=x, y=y, animate=False, immediate=True)

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    def action_cursor(self, dx: int, dy: int) -> None:
        self.move_cursor(row=self.cursor_row + dy, column=self.cursor_column + dx)

    def action_edge(self, direction: int) -> None:
        self.move_cursor(column=len(self.widths) - 1 if direction > 0 else 1)

    def action_page(self, direction: int) -> None:
        self.move_cursor(row=self.cursor_row + direction * max(self.size.height - 2, 1))

    def action_select(self) -> None:
        if self._rows:
            self.post_message(self.Selected(self, self.cursor_row, self.cursor_column))

    def on_click(self, event: events.Click) -> None:
        if not self.widths:
            return
        x, y = event.x, event.y
        scroll_x, scroll_y = self.scroll_offset
        if y == 0:
            return
        row = scroll_y + y - 1
        column = 0
        if x >= self.widths[0]:
            body_x = scroll_x + x - self.widths[0]
            edge = 0
            for index, width in enumerate(self.widths[1:], start=1):
                edge += width
                if body_x < edge:
                    column = index
                    break
            else:
                column = len(self.widths) - 1
        if row < len(self._rows):
            self.move_cursor(row=row, column=column, scroll=False)
            if event.chain >= 2:
                self.action_select()

    def watch_has_focus(self, value: bool) -> None:
        self.refresh()

    # -- drawing ------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        scroll_x, scroll_y = self.scroll_offset
        if not self.widths:
            return Strip.blank(width, base)
        if y == 0:
            cells = self._header
            row = None
        else:
            row = scroll_y + y - 1
            if row >= len(self._rows):
                return Strip.blank(width, base)
            cells = self._rows[row]
        cursor = self.CURSOR if self.has_focus else self.CURSOR_BLURRED
        marked = self.cursor_column if row is None or row == self.cursor_row else None
        if row is None and marked is not None:
            cursor = Style(underline=True, bold=True)
        parts = []
        for index, strip in enumerate(cells):
            if index == marked and (row is not None or index > 0):
                strip = Strip(Segment.apply_style(list(strip), post_style=cursor),
                              strip.cell_length)
            parts.append(strip)
        label = parts[0] if parts else Strip.blank(0)
        body = Strip.join(parts[1:])
        view = max(width - self.widths[0], 0)
        body = body.crop_extend(scroll_x, scroll_x + view, base)
        return Strip.join([label, body]).adjust_cell_length(width, base).apply_style(base)
