"""Drawing the rooms on the roster's timeline: one row per room, bookings as blocks
labelled with their title, the setup and clear-up buffers hatched (░) in the block's
colour, a closed room hatched across its day. The grid and the cursor are the cars'
(timeline.py): 8 cells an hour, one grid cell per hour."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from rich.style import Style
from rich.text import Text

from office_tui.core.rooms import Room, RoomBooking
from office_tui.core.text import printable
from office_tui.core.vehicles import VehicleSettings
from office_tui.i18n import _
from office_tui.tui.cells import fit_text
from office_tui.tui.widgets.timeline import (
    BLOCK, GRID, HALF, MAINTENANCE, NOW, PER_HOUR, Slot, _paint_text, cells_from_slots, hours,
)

BUFFER = (Style(color="#6fa8dc", bgcolor="#10304f"), Style(color="#8fbfe8", bgcolor="#17406a"))


def _cell(moment: datetime, origin: datetime) -> float:
    return (moment - origin).total_seconds() / 60 / (60 / PER_HOUR)


def room_row(room: Room, bookings: Sequence[RoomBooking], day: date,
             settings: VehicleSettings, now: datetime | None = None) -> list[Text]:
    """One Text per hour of the day for one room."""
    columns = hours(settings)
    width = len(columns) * PER_HOUR
    closed = room.closed_on(day)
    slots: list[Slot] = []
    for i in range(width):
        if closed:
            slots.append(("░", MAINTENANCE))
        elif i % PER_HOUR == 0:
            slots.append(("┆", GRID))
        elif i % PER_HOUR == PER_HOUR // 2:
            slots.append(("·", HALF))
        else:
            slots.append((" ", Style()))
    if closed:
        label = " " + _("closed") + (f" ({printable(room.closed_reason)})"
                                     if room.closed_reason else "") + " "
        for at in range(0, width, PER_HOUR * 4):
            _paint_text(slots, at, min(at + PER_HOUR * 3, width), label, MAINTENANCE)
    origin = datetime.combine(day, time(settings.day_start.hour))
    if now is not None and now.date() == day:
        cell = int(_cell(now, origin))
        if 0 <= cell < width and slots[cell] is not None and slots[cell][0] in " ┆·░":
            slots[cell] = ("│", NOW)
    shown = sorted((b for b in bookings if b.blocking), key=lambda b: (b.start, b.id))
    for index, b in enumerate(shown):
        style = BLOCK["booked"][index % 2]
        hatch = BUFFER[index % 2]
        held_first = max(int(_cell(b.held_from, origin)), 0)
        held_last = min(int(-(-_cell(b.held_to, origin) // 1)), width)
        first = max(int(_cell(b.start, origin)), 0)
        last = min(int(-(-_cell(b.end, origin) // 1)), width)
        if held_last <= 0 or held_first >= width:
            continue
        for i in range(held_first, held_last):
            slots[i] = ("░", hatch)
        if last <= 0 or first >= width:
            continue
        last = max(last, first + 1)
        for i in range(first, last):
            slots[i] = (" ", style)
        _paint_text(slots, first, last, printable(b.title), style)
    return cells_from_slots(slots, len(columns))


def room_booking_at(bookings: Sequence[RoomBooking], day: date, hour: int
                    ) -> RoomBooking | None:
    """The booking a cursor on `hour` points at: the one covering most of that hour."""
    start = datetime.combine(day, time(hour))
    end = start + timedelta(hours=1)
    best, best_share = None, timedelta(0)
    for b in sorted(bookings, key=lambda b: (b.start, b.id)):
        if not b.blocking:
            continue
        share = min(b.end, end) - max(b.start, start)
        if share > best_share:
            best, best_share = b, share
    return best


def room_week_cell(room: Room, bookings: Sequence[RoomBooking], day: date) -> Text:
    """A week overview cell: meetings and booked hours that day, or closed."""
    start = datetime.combine(day, time(0))
    end = start + timedelta(days=1)
    held = [b for b in bookings if b.blocking and b.start < end and b.end > start]
    if room.closed_on(day) and not held:
        return Text(" " + _("closed"), style=MAINTENANCE, no_wrap=True, overflow="crop")
    if not held:
        return Text(" ·", style=GRID, no_wrap=True)
    minutes = sum((min(b.end, end) - max(b.start, start)).total_seconds() / 60 for b in held)
    label = _("{n}× {h}h").format(n=len(held), h=f"{minutes / 60:.1f}".rstrip("0").rstrip("."))
    style = BLOCK["booked"][0] if minutes >= 6 * 60 else Style(color="#6fa8dc", bold=True)
    return Text(" " + label, style=style, no_wrap=True, overflow="crop")


def room_label(room: Room, width: int) -> Text:
    """The room's name (cut to fit), padded to `width`."""
    text = Text(printable(room.name), no_wrap=True, overflow="crop")
    if room.status == "closed":
        text.stylize(Style(color="#c08a00"))
    text = fit_text(text, max(width - 1, 1))
    text.append(" " * max(width - text.cell_len, 0))
    return text
