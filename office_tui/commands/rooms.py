"""Meeting rooms on the command line: `room add|list|edit|status|book|bookings|free|cancel`.

Moments go in as the quick-add's words (2026-11-30 09:00, tomorrow 9:00, fri@9:30) and come
out as `YYYY-MM-DD HH:MM`; `book` prints the new booking's id (a series: one id a line).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from datetime import timedelta
from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

from office_tui import cli
from office_tui.cli import MAX_SQLITE_INT, _run, app, emit_json, fail
from office_tui.core.rooms import Room, RoomBooking
from office_tui.core.text import printable
from office_tui.core.vehicles import span_text
from office_tui.i18n import _, ngettext

room_app = typer.Typer(help=_("Meeting rooms: add, list, book, find a free one."),
                       no_args_is_help=True, rich_markup_mode=None)
app.add_typer(room_app, name="room")


def _say(message: str) -> None:
    cli.out.print(Text(printable(message)))


def _booking_id(value: int) -> int:
    if value is not None and not 1 <= value <= MAX_SQLITE_INT:
        fail(_("No room booking #{id}.").format(id=value))
    return value


def _job_id(value: Optional[int]) -> Optional[int]:
    if value is not None and not 1 <= value <= MAX_SQLITE_INT:
        fail(_("No job #{id}.").format(id=value))
    return value


def _same_day(text: str, start) -> str:
    """`--to 11:00` is 11:00 on the start's day."""
    clock = unicodedata.normalize("NFKC", text or "").strip()
    return f"{start:%Y-%m-%d} {clock}" if re.fullmatch(r"\d{1,2}:\d{2}", clock) else text


def _seats_text(room: Room) -> str:
    return ngettext("{n} seat", "{n} seats", room.seats).format(n=room.seats)


@room_app.command("add", help=_("Add a meeting room."))
def room_add(
    name: str = typer.Option(..., "--name", help=_("The room's name, e.g. Room 1.")),
    seats: int = typer.Option(..., "--seats", help=_("How many people it seats.")),
    location: Optional[str] = typer.Option(None, "--location", help=_("Where it is, e.g. 3F.")),
    equipment: Optional[str] = typer.Option(None, "--equipment", help=_("What it has, e.g. projector,microphone,video.")),
    buffer: Optional[str] = typer.Option(None, "--buffer", help=_("Held before and after each booking for setting up: 30m, or 30m/15m (before/after).")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the room as JSON.")),
) -> None:
    room = _run(lambda s: s.rooms.add(name, seats, location=location, equipment=equipment,
                                      buffer=buffer))
    if as_json:
        emit_json(room.to_json())
        return
    _say(_("Added {room} ({seats}).").format(room=room.name, seats=_seats_text(room)))


@room_app.command("list", help=_("Every room: seats, place, equipment, status, buffers."))
def room_list(as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array."))) -> None:
    rooms = _run(lambda s: s.rooms.rooms())
    if as_json:
        emit_json([r.to_json() for r in rooms])
        return
    if not rooms:
        _say(_("No rooms. Add one with: office-tui room add --name \"Room 1\" --seats 30"))
        return
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for header in (_("Room"), _("Seats"), _("Location"), _("Equipment"), _("Status"),
                   _("Buffer")):
        table.add_column(header, overflow="fold")
    for r in rooms:
        status = _("open")
        if r.status == "closed":
            status = _("closed until {until}").format(
                until=r.closed_until.isoformat() if r.closed_until else _("further notice"))
            if r.closed_reason:
                status += f" ({r.closed_reason})"
        table.add_row(Text(printable(r.name)), Text(str(r.seats)),
                      Text(printable(r.location or "")), Text(printable(_(", ").join(r.equipment))),
                      Text(printable(status), style="yellow" if r.status == "closed" else ""),
                      Text(r.buffer_text()))
    cli.out.print(table)


@room_app.command("edit", help=_("Change a room's name, seats, place, equipment or buffers."))
def room_edit(
    room: str = typer.Argument(..., help=_("The room's name.")),
    name: Optional[str] = typer.Option(None, "--name", help=_("A new name.")),
    seats: Optional[int] = typer.Option(None, "--seats", help=_("How many people it seats.")),
    location: Optional[str] = typer.Option(None, "--location", help=_("Where it is.")),
    equipment: Optional[str] = typer.Option(None, "--equipment", help=_("What it has (replaces the list).")),
    buffer: Optional[str] = typer.Option(None, "--buffer", help=_("30m, or 30m/15m (before/after); 0 for none.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the room as JSON.")),
) -> None:
    found = _run(lambda s: s.rooms.edit(room, new_name=name, seats=seats, location=location,
                                        equipment=equipment, buffer=buffer))
    if as_json:
        emit_json(found.to_json())
        return
    _say(_("{room} changed.").format(room=found.name))


@room_app.command("status", help=_("Open a room, or close it for works until a day."))
def room_status(
    room: str = typer.Argument(..., help=_("The room's name.")),
    status: str = typer.Argument(..., help=_("open or closed.")),
    until: Optional[str] = typer.Option(None, "--until", help=_("Closed until this day (inclusive).")),
    reason: Optional[str] = typer.Option(None, "--reason", help=_("Why it is closed, e.g. refurbishing.")),
) -> None:
    found = _run(lambda s: s.rooms.set_status(room, status, until=until, reason=reason))
    if found.status == "open":
        _say(_("{room} is open.").format(room=found.name))
    else:
        _say(_("{room} is closed until {until}.").format(
            room=found.name,
            until=found.closed_until.isoformat() if found.closed_until else _("further notice")))


@room_app.command("book", help=_("Book a room; refused (with a free room and the next free "
                                 "time offered) when it clashes, is closed, too small or "
                                 "lacks the equipment."))
def room_book(
    room: str = typer.Option(..., "--room", help=_("The room's name.")),
    from_: str = typer.Option(..., "--from", help=_("Start: 2026-11-30 09:00, tomorrow 9:00 or fri@9:30.")),
    to: str = typer.Option(..., "--to", help=_("End: 2026-11-30 11:00, or a time that day: 11:00.")),
    title: str = typer.Option(..., "--title", help=_("What the meeting is.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("The department that asked.")),
    people: int = typer.Option(0, "--people", help=_("How many people come.")),
    needs: Optional[str] = typer.Option(None, "--needs", help=_("Equipment needed, e.g. projector,video.")),
    job: Optional[int] = typer.Option(None, "--job", help=_("Link the booking to this job: it moves with the job's time."), callback=_job_id),
    every: Optional[str] = typer.Option(None, "--every", help=_("A series: weekly:mon, daily or monthly:15 (with --until).")),
    until: Optional[str] = typer.Option(None, "--until", help=_("The series' last day.")),
    holidays: bool = typer.Option(False, "--holidays", help=_("A series books statutory holidays too.")),
    skip_clashes: bool = typer.Option(False, "--skip-clashes", help=_("A series books the dates that are free and lists the others.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the booking(s) as JSON.")),
) -> None:
    if (every is None) != (until is None):
        fail(_("A series needs both --every and --until."))
    if every is not None and job is not None:
        fail(_("A series cannot be linked to one job (--job)."))

    def window(s):
        start = s.rooms.moment(from_, "--from")
        end = s.rooms.moment(_same_day(to, start), "--to")
        return start, end

    if every is None:
        def call(s):
            start, end = window(s)
            return s.rooms.book(room, start, end, title, department=dept, people=people,
                                needs=needs, job_id=job)

        booking = _run(call)
        if as_json:
            emit_json(booking.to_json())
            return
        sys.stdout.write(f"{booking.id}\n")
        return

    def call_series(s):
        start, end = window(s)
        return s.rooms.book_series(room, start, end, title, every=every, until=until,
                                   department=dept, people=people, needs=needs,
                                   on_holidays=holidays, skip_clashes=skip_clashes)

    done = _run(call_series)
    if as_json:
        emit_json({"booked": [b.to_json() for b in done.booked],
                   "clashes": [{"date": f"{d:%Y-%m-%d}", "why": why} for d, why in done.clashes],
                   "holidays": [d.isoformat() for d in done.holidays]})
        return
    for b in done.booked:
        sys.stdout.write(f"{b.id}\n")
    for day in done.holidays:
        print(_("Skipped {day}: a statutory holiday (--holidays books it).").format(
            day=day.isoformat()), file=sys.stderr)
    for moment, why in done.clashes:
        print(printable(_("Not booked {day}: {why}").format(day=f"{moment:%Y-%m-%d}",
                                                            why=why)), file=sys.stderr)


def _print_bookings(found: list[RoomBooking], by_day: bool) -> None:
    if not found:
        _say(_("No room bookings."))
        return
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for header in ("#", _("When"), _("Room"), _("Title"), _("Dept"), _("People")):
        table.add_column(header, overflow="fold")
    for b in found:
        when = span_text(b.start, b.end)
        if by_day:
            when = f"{b.start:%m-%d} " + when
        if b.status == "cancelled":
            when += " " + _("(cancelled)")
        table.add_row(str(b.id), when, Text(printable(b.room)), Text(printable(b.title)),
                      Text(printable(b.department or "")), str(b.people or ""))
    cli.out.print(table)


@room_app.command("bookings", help=_("The room bookings of a day or a week, earliest first."))
def room_bookings(
    date_: Optional[str] = typer.Option(None, "--date", help=_("The day (default today).")),
    week: Optional[str] = typer.Option(None, "--week", help=_("The week of this day, Monday to Sunday.")),
    room: Optional[str] = typer.Option(None, "--room", help=_("Only this room.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    if date_ is not None and week is not None:
        fail(_("Give --date or --week, not both."))

    def call(s):
        if week is not None:
            day = s.rooms.day(week)
            monday = day - timedelta(days=day.weekday())
            from office_tui.core.rooms import day_bounds

            start = day_bounds(monday)[0]
            return s.rooms.bookings_between(start, start + timedelta(days=7), room=room)
        return s.rooms.bookings(s.rooms.day(date_), room=room)

    found = _run(call)
    if as_json:
        emit_json([b.to_json() for b in found])
        return
    _print_bookings(found, by_day=week is not None)


@room_app.command("free", help=_("Rooms free for a time that seat the people and have the "
                                 "equipment, the smallest that fits first."))
def room_free(
    from_: str = typer.Option(..., "--from", help=_("Start: 2026-11-30 09:00.")),
    to: str = typer.Option(..., "--to", help=_("End: 2026-11-30 11:00, or 11:00.")),
    people: int = typer.Option(0, "--people", help=_("How many people come.")),
    needs: Optional[str] = typer.Option(None, "--needs", help=_("Equipment needed, e.g. video.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    def call(s):
        start = s.rooms.moment(from_, "--from")
        end = s.rooms.moment(_same_day(to, start), "--to")
        return s.rooms.free(start, end, people=people, needs=needs)

    rooms = _run(call)
    if as_json:
        emit_json([r.to_json() for r in rooms])
        return
    if not rooms:
        _say(_("No room is free then for that."))
        return
    for r in rooms:
        place = f" · {r.location}" if r.location else ""
        kit = " · " + _(", ").join(r.equipment) if r.equipment else ""
        _say(f"{r.name} ({_seats_text(r)}){place}{kit}")


@room_app.command("cancel", help=_("Cancel a room booking (with --series, it and the rest of "
                                   "its series)."))
def room_cancel(
    booking: int = typer.Argument(..., metavar="BOOKING", help=_("The room booking's number."), callback=_booking_id),
    series: bool = typer.Option(False, "--series", help=_("Also the later bookings of its series.")),
    reason: Optional[str] = typer.Option(None, "--reason", help=_("Why it is cancelled.")),
) -> None:
    done = _run(lambda s: s.rooms.cancel(booking, reason or "", series=series))
    _say(ngettext("{n} room booking cancelled.", "{n} room bookings cancelled.",
                  len(done)).format(n=len(done)))
