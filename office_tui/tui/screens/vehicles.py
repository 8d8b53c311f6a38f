"""The Roster screen (F4): the day's roster as a timeline, 07:00–20:00, with two tabs of
the same timeline: Cars (one row per car) and Rooms (one row per meeting room, bookings as
blocks with their title, the setup and clear-up buffers hatched); `v` switches tab.

The cursor moves an hour at a time; the plates stay in view while the hours scroll
sideways, so the roster reads at 80 columns. `[` `]` step a day (a week in the week
overview, `w`), `t` comes back to today, `n` books (the form checks clashes and offers
shared trips live), `enter` shows the booking or car under the cursor, `o` out,
`i` returned, `x` cancel, `m` maintenance on/off (`n`, `enter`, `x`, `[` `]` and `w` work
the same on the Rooms tab). Loads and writes run through
`run_service()` (a thread worker) and hand their result to a method on the UI thread;
only those methods touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from office_tui.core.rooms import Room, RoomBooking
from office_tui.core.text import printable
from office_tui.core.vehicles import Booking, Reminder, Vehicle, VehicleSettings, span_text
from office_tui.core.vocab import booking_status_label, count_seats, vehicle_status_label
from office_tui.i18n import _, ngettext
from office_tui.tui.screens.base import AreaScreen
from office_tui.services import Services
from office_tui.tui.widgets.timeline import (
    PER_HOUR, Timeline, booking_at, day_row, hours, vehicle_label, week_cell,
)
from office_tui.tui.widgets.keys_footer import KeysFooter
from office_tui.tui.widgets.room_rows import (
    room_booking_at, room_label, room_row, room_week_cell,
)

if TYPE_CHECKING:
    from office_tui.tui.modals.vehicles.booking_form import BookingSaved

BOOKING_ACTIONS = {"out", "returned", "cancel_booking"}
CAR_ONLY = {"out", "returned", "maintenance"}
KEYED_ACTIONS = BOOKING_ACTIONS | {"maintenance", "new"}
TABS = ("cars", "rooms")


def weekday_name(day: date) -> str:
    names = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
    return names[day.weekday()]


@dataclass
class Loaded:
    """A day's (or a week's) roster for show()."""

    generation: int
    view: str
    day: date
    vehicles: list[Vehicle]
    bookings: list[Booking]
    reminders: list[Reminder]
    settings: VehicleSettings
    now: datetime
    tab: str = "cars"
    rooms: list[Room] | None = None
    room_bookings: list[RoomBooking] | None = None


class VehiclesScreen(AreaScreen):
    BINDINGS = [
        Binding("left_square_bracket", "previous", _("Prev"), key_display="[",
                id="vehicles.previous"),
        Binding("right_square_bracket", "next", _("Next"), key_display="]",
                id="vehicles.next"),
        Binding("t", "today", _("Today"), id="vehicles.today"),
        Binding("w", "week", _("Week"), id="vehicles.week"),
        Binding("v", "tab", _("Cars/Rooms"), id="vehicles.tab"),
        Binding("n", "new", _("Book"), id="vehicles.new"),
        Binding("enter", "detail", _("Detail"), id="vehicles.detail"),
        Binding("o", "out", _("Out"), id="vehicles.out"),
        Binding("i", "returned", _("Return"), id="vehicles.returned"),
        Binding("x", "cancel_booking", _("Cancel"), id="vehicles.cancel"),
        # Off the footer (full at 80 columns); listed in the README's keys.
        Binding("ctrl+o", "print_form", _("Save form"), id="vehicles.print_form", show=False),
        Binding("m", "maintenance", _("Maint."), id="vehicles.maintenance"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.day: date | None = None
        self.view = "day"
        self.vehicles: list[Vehicle] = []
        self.bookings: list[Booking] = []
        self.by_vehicle: dict[int, list[Booking]] = {}
        self.reminders: list[Reminder] = []
        self.settings = VehicleSettings()
        self.now: datetime | None = None
        self._generation = 0
        self._day_column: int | None = None  # the hour column the cursor was on
        self._focus_vehicle: int | None = None
        self.loaded_once = False
        self.shown_generation = 0  # the last load on screen (tests, benchmark)
        self._key_state: tuple | None = None
        self._shown_view: str | None = None
        self.tab = "cars"
        self.rooms: list[Room] = []
        self.room_bookings: list[RoomBooking] = []
        self.by_room: dict[int, list[RoomBooking]] = {}
        self._focus_room: int | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="vehicles-header", markup=False)
        yield Static("", id="roster-tabs")
        yield Static("", id="vehicles-reminders")
        yield Timeline(id="vehicles-timeline")
        yield Static("", id="vehicles-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#vehicles-reminders").display = False
        self.day = self.services.now().date()
        self.query_one(Timeline).focus()
        self.start_live_refresh()
        self.reload()

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        current = self.current_vehicle()
        if current is not None:
            self._focus_vehicle = current.id
        room = self.current_room()
        if room is not None:
            self._focus_room = room.id
        load = partial(_roster, self._generation, self.view,
                       self.day or self.services.now().date(), self.tab)
        self.run_service(load, self.show, action=_("load the roster"), group="vehicles-load",
                         exclusive=True)

    def show(self, message: Loaded) -> None:
        if message.generation != self._generation:
            return  # a newer load is on its way
        table = self.query_one(Timeline)
        old_row, old_column = table.cursor_row, table.cursor_column
        old_view = self._shown_view
        if old_view == "day" and old_column > 0:
            self._day_column = old_column
        self.vehicles, self.bookings = message.vehicles, message.bookings
        self.reminders, self.settings, self.now = (message.reminders, message.settings,
                                                   message.now)
        self.by_vehicle = {}
        for b in self.bookings:
            self.by_vehicle.setdefault(b.vehicle_id, []).append(b)
        self.tab = message.tab
        self.rooms = message.rooms or []
        self.room_bookings = message.room_bookings or []
        self.by_room = {}
        for rb in self.room_bookings:
            self.by_room.setdefault(rb.room_id, []).append(rb)
        if self.tab == "rooms":
            self._show_rooms(message, table, old_row, old_column, old_view)
            return
        flagged = {r.subject for r in self.reminders}
        label_width = min(max([8] + [Text(printable(v.plate)).cell_len + 3
                                     for v in self.vehicles]), 18)
        header: list[Text] = [Text(_("Vehicle"))]
        rows: list[list[Text]] = []
        if message.view == "week":
            monday = message.day - timedelta(days=message.day.weekday())
            days = [monday + timedelta(days=i) for i in range(7)]
            widths = [label_width] + [11] * 7
            for d in days:
                style = "bold reverse" if d == message.now.date() else "bold"
                header.append(Text(f" {weekday_name(d)} {d:%m-%d}", style=style))
            for v in self.vehicles:
                trips = self.by_vehicle.get(v.id, [])
                rows.append([vehicle_label(v, v.plate in flagged, label_width)]
                            + [week_cell(v, trips, d, message.now.date()) for d in days])
        else:
            columns = hours(self.settings)
            widths = [label_width] + [PER_HOUR] * len(columns)
            header += [Text(f"{hour:02d}:00") for hour in columns]
            for v in self.vehicles:
                rows.append([vehicle_label(v, v.plate in flagged, label_width)]
                            + day_row(v, self.by_vehicle.get(v.id, []), message.day,
                                      self.settings, message.now))
        self._shown_view = message.view
        ids = [v.id for v in self.vehicles]
        row = ids.index(self._focus_vehicle) if self._focus_vehicle in ids else \
            min(old_row, max(len(ids) - 1, 0))
        column = self._initial_column(message, old_view, old_column)
        table.set_grid(widths, header, rows, row=row, column=column)
        self.loaded_once = True
        self.shown_generation = message.generation
        self._update_header()
        self._update_reminders()
        self._update_status()
        self._refresh_keys()

    def _show_rooms(self, message: Loaded, table: Timeline, old_row: int, old_column: int,
                    old_view: str | None) -> None:
        label_width = min(max([8] + [Text(printable(r.name)).cell_len + 2
                                     for r in self.rooms]), 18)
        header: list[Text] = [Text(_("Room"))]
        rows: list[list[Text]] = []
        if message.view == "week":
            monday = message.day - timedelta(days=message.day.weekday())
            days = [monday + timedelta(days=i) for i in range(7)]
            widths = [label_width] + [11] * 7
            for d in days:
                style = "bold reverse" if d == message.now.date() else "bold"
                header.append(Text(f" {weekday_name(d)} {d:%m-%d}", style=style))
            for r in self.rooms:
                held = self.by_room.get(r.id, [])
                rows.append([room_label(r, label_width)]
                            + [room_week_cell(r, held, d) for d in days])
        else:
            columns = hours(self.settings)
            widths = [label_width] + [PER_HOUR] * len(columns)
            header += [Text(f"{hour:02d}:00") for hour in columns]
            for r in self.rooms:
                rows.append([room_label(r, label_width)]
                            + room_row(r, self.by_room.get(r.id, []), message.day,
                                       self.settings, message.now))
        self._shown_view = message.view
        ids = [r.id for r in self.rooms]
        row = ids.index(self._focus_room) if self._focus_room in ids else \
            min(old_row, max(len(ids) - 1, 0))
        column = self._initial_column(message, old_view, old_column)
        table.set_grid(widths, header, rows, row=row, column=column)
        self.loaded_once = True
        self.shown_generation = message.generation
        self._update_header()
        self.query_one("#vehicles-reminders").display = False
        self._update_status()
        self._refresh_keys()

    def _initial_column(self, message: Loaded, old_view: str | None, old_column: int) -> int:
        if message.view == "week":
            return message.day.weekday() + 1
        if old_view == "day" and old_column > 0:
            return old_column
        if self._day_column is not None:
            return self._day_column
        columns = hours(self.settings)
        hour = message.now.hour if message.day == message.now.date() else 9
        hour = min(max(hour, columns[0]), columns[-1])
        return columns.index(hour) + 1

    def _update_header(self) -> None:
        today = self.now.date() if self.now else self.services.now().date()
        day = self.day or today
        if self.view == "week":
            monday = day - timedelta(days=day.weekday())
            when = _("week of {start} – {end}").format(
                start=monday.isoformat(), end=(monday + timedelta(days=6)).strftime("%m-%d"))
        else:
            when = f"{weekday_name(day)} {day.isoformat()}"
            if day == today:
                when += " " + _("(today)")
        if self.tab == "rooms":
            meetings = [b for b in self.room_bookings if b.blocking]
            parts = [_("Roster"), when, ngettext("{n} room", "{n} rooms", len(self.rooms))
                     .format(n=len(self.rooms)),
                     ngettext("{n} meeting", "{n} meetings", len(meetings))
                     .format(n=len(meetings))]
        else:
            trips = [b for b in self.bookings if b.status != "cancelled"]
            parts = [_("Roster"), when,
                     _("{n} cars").format(n=len(self.vehicles)),
                     _("{n} trips").format(n=len(trips)),
                     _("{n} reminders").format(n=len(self.reminders))]
        self.query_one("#vehicles-header", Static).update(" · ".join(parts))
        tabs = Text()
        for name, label in (("cars", _("Cars")), ("rooms", _("Rooms"))):
            tabs.append(f" {label} ", style="bold reverse" if name == self.tab else "dim")
            tabs.append(" ")
        tabs.append(_("v switches"), style="dim")
        self.query_one("#roster-tabs", Static).update(tabs)

    def _update_reminders(self) -> None:
        panel = self.query_one("#vehicles-reminders", Static)
        if not self.reminders:
            panel.display = False
            return
        text = Text()
        shown = self.reminders[:3]
        for i, note in enumerate(shown):
            if i:
                text.append("\n")
            text.append("⚠ " + printable(note.text), style="red" if note.overdue else "yellow")
        if len(self.reminders) > len(shown):
            text.append("\n" + _("+{n} more (office-tui reminders)").format(
                n=len(self.reminders) - len(shown)), style="dim")
        panel.update(text)
        panel.display = True

    # -- the cursor ----------------------------------------------------------------------
    def current_room(self) -> Room | None:
        if not self.is_mounted or self.tab != "rooms":
            return None
        table = self.query_one(Timeline)
        row = table.cursor_row
        if not self.rooms or not 0 <= row < len(self.rooms) or table.row_count == 0:
            return None
        return self.rooms[row]

    def current_room_booking(self) -> RoomBooking | None:
        room, hour = self.current_room(), self.current_hour()
        if room is None or hour is None or self.day is None:
            return None
        return room_booking_at(self.by_room.get(room.id, []), self.day, hour)

    def current_vehicle(self) -> Vehicle | None:
        if not self.is_mounted or self.tab != "cars":
            return None
        table = self.query_one(Timeline)
        row = table.cursor_row
        if not self.vehicles or not 0 <= row < len(self.vehicles) or table.row_count == 0:
            return None
        return self.vehicles[row]

    def current_hour(self) -> int | None:
        if self.view != "day":
            return None
        column = self.query_one(Timeline).cursor_column
        columns = hours(self.settings)
        return columns[column - 1] if 1 <= column <= len(columns) else None

    def current_day(self) -> date | None:
        """The day under the cursor in the week overview."""
        if self.view != "week" or self.day is None:
            return None
        column = self.query_one(Timeline).cursor_column
        monday = self.day - timedelta(days=self.day.weekday())
        return monday + timedelta(days=column - 1) if 1 <= column <= 7 else None

    def current_booking(self) -> Booking | None:
        vehicle, hour = self.current_vehicle(), self.current_hour()
        if vehicle is None or hour is None or self.day is None:
            return None
        return booking_at(self.by_vehicle.get(vehicle.id, []), self.day, hour)

    def action_print_form(self) -> None:
        """ctrl+o: the trip slip (派车单) of the booking under the cursor as a PDF."""
        booking = self.current_booking() if self.tab == "cars" else None
        if booking is None:
            self.notify(_("Put the cursor on a car's booking to save its trip slip."),
                        markup=False)
            return
        from office_tui.tui.print_form import save_form

        save_form(self, "trip", booking.id)

    @on(Timeline.Highlighted)
    def cursor_moved(self, event: Timeline.Highlighted) -> None:
        current = self.current_vehicle()
        if current is not None:
            self._focus_vehicle = current.id
        room = self.current_room()
        if room is not None:
            self._focus_room = room.id
        self._update_status()
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Redraw the footer only when a key's state changed: rebuilding it on every
        cursor step costs more than the whole timeline."""
        state = tuple(self.check_action(a, ()) for a in sorted(KEYED_ACTIONS))
        if state != self._key_state:
            self._key_state = state
            self.refresh_bindings()

    def _update_status(self) -> None:
        status = self.query_one("#vehicles-status", Static)
        if self.tab == "rooms":
            text = self._room_status()
            text.no_wrap, text.overflow = True, "ellipsis"
            status.update(text)
            return
        booking, vehicle = self.current_booking(), self.current_vehicle()
        if booking is not None:
            text = Text(f"#{booking.id} ", style="bold")
            text.append(f"{printable(booking.vehicle)} {span_text(booking.start, booking.end, self.day)} → ")
            text.append(printable(booking.destination), style="bold")
            details = [printable(booking.driver) or _("no driver"),
                       printable(booking.department) or "—",
                       _("{n}/{seats} seats").format(n=booking.passengers, seats=booking.seats),
                       booking_status_label(booking.status)]
            text.append(" · " + " · ".join(details))
        elif vehicle is not None:
            text = Text(printable(vehicle.plate), style="bold")
            text.append(" " + printable(vehicle.name))
            text.append(" · " + count_seats(vehicle.seats))
            text.append(" · " + vehicle_status_label(vehicle.status),
                        style="yellow" if vehicle.status == "maintenance" else "")
            text.append(" · " + _("{km} km").format(km=vehicle.odometer))
            hour = self.current_hour()
            if hour is not None:
                text.append(" · " + _("free at {hour:02d}:00 — n to book").format(hour=hour),
                            style="green" if vehicle.bookable else "dim")
        elif not self.vehicles and self.loaded_once:
            text = Text(_("No vehicles yet. Add one: office-tui vehicle add --plate P "
                          "--name N --seats S"))
        else:
            text = Text("")
        text.no_wrap, text.overflow = True, "ellipsis"
        status.update(text)

    def _room_status(self) -> Text:
        booking, room = self.current_room_booking(), self.current_room()
        if booking is not None:
            text = Text(f"#{booking.id} ", style="bold")
            text.append(f"{printable(booking.room)} "
                        f"{span_text(booking.start, booking.end, self.day)} ")
            text.append(printable(booking.title), style="bold")
            details = [printable(booking.department) or "—"]
            if booking.people:
                details.append(ngettext("{n} person", "{n} people", booking.people).format(
                    n=booking.people))
            if booking.needs:
                details.append(_(", ").join(printable(n) for n in booking.needs))
            if booking.series_id is not None:
                details.append(_("series"))
            if booking.job_id is not None:
                details.append(_("job #{id}").format(id=booking.job_id))
            text.append(" · " + " · ".join(details))
            return text
        if room is not None:
            text = Text(printable(room.name), style="bold")
            text.append(" · " + _("{n} seats").format(n=room.seats))
            if room.location:
                text.append(" · " + printable(room.location))
            if room.equipment:
                text.append(" · " + _(", ").join(printable(e) for e in room.equipment))
            if room.buffer_text():
                text.append(" · " + _("held {buffer}").format(buffer=room.buffer_text()),
                            style="dim")
            hour = self.current_hour()
            if room.closed_on(self.day or self.services.now().date()):
                text.append(" · " + _("closed"), style="yellow")
            elif hour is not None:
                text.append(" · " + _("free at {hour:02d}:00 — n to book").format(hour=hour),
                            style="green")
            return text
        if not self.rooms and self.loaded_once:
            return Text(_("No rooms yet. Add one: office-tui room add --name \"Room 1\" "
                          "--seats 30"))
        return Text("")

    # -- acting ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.tab == "rooms":
            if action in CAR_ONLY:
                return False  # the cars' keys are not on the Rooms tab
            if action == "cancel_booking":
                return True if self.current_room_booking() is not None else None
            if action == "new":
                return True if self.rooms or not self.loaded_once else None
            return True
        if action in BOOKING_ACTIONS:
            booking = self.current_booking()
            if booking is None:
                return None
            allowed = {"out": ("booked",), "returned": ("booked", "out"),
                       "cancel_booking": ("booked",)}[action]
            return True if booking.status in allowed else None
        if action == "maintenance":
            return True if self.current_vehicle() is not None else None
        if action == "new":
            return True if self.vehicles or not self.loaded_once else None
        return True

    def _act(self, call: Callable[[Services], Any], label: Callable[[Any], str]) -> None:
        """Run `call` (a write); then say `label(result)`, toast its warnings (a trip out or
        back far from its booked times: perhaps the wrong booking) and reload."""
        self.run_service(call, lambda result: self.action_finished(
                             label(result), list(getattr(result, "warnings", None) or ())),
                         action=_("save the change"), group="vehicles-act")

    def action_finished(self, message: str, warnings: list[str] | None = None) -> None:
        if message:
            self.notify(message, markup=False, timeout=4)
        for warning in warnings or []:
            self.notify(warning, markup=False, severity="warning", timeout=8)
        self.reload()

    def _go(self, day: date) -> None:
        self.day = day
        self.reload()

    def action_previous(self) -> None:
        step = 7 if self.view == "week" else 1
        self._go((self.day or self.services.now().date()) - timedelta(days=step))

    def action_next(self) -> None:
        step = 7 if self.view == "week" else 1
        self._go((self.day or self.services.now().date()) + timedelta(days=step))

    def action_today(self) -> None:
        self._go(self.services.now().date())

    def action_tab(self) -> None:
        self.tab = TABS[(TABS.index(self.tab) + 1) % len(TABS)]
        self._update_header()
        self.reload()

    def action_week(self) -> None:
        if self.view == "week":
            self.view = "day"
        else:
            self.view = "week"
        self.reload()

    def action_new(self) -> None:
        if self.tab == "rooms":
            self._new_room_booking()
            return
        from office_tui.tui.modals.vehicles.booking_form import BookingDraft, BookingForm

        vehicle = self.current_vehicle()
        hour = self.current_hour()
        day = self.current_day() or self.day or self.services.now().date()
        start = time(hour if hour is not None else 9)
        end = time(min(start.hour + 1, 23))
        draft = BookingDraft(day=day, start=start, end=end,
                             vehicle=vehicle.plate if vehicle and vehicle.bookable else None)
        self.app.push_screen(BookingForm(draft), self._booking_saved)

    def _new_room_booking(self) -> None:
        from office_tui.tui.modals.vehicles.room_form import RoomDraft, RoomForm

        room, hour = self.current_room(), self.current_hour()
        day = self.current_day() or self.day or self.services.now().date()
        start = time(hour if hour is not None else 9)
        end = time(min(start.hour + 1, 23))
        draft = RoomDraft(day=day, start=start, end=end,
                          room=room.name if room is not None else None)
        self.app.push_screen(RoomForm(draft), self._room_saved)

    def _room_saved(self, booking: RoomBooking | None) -> None:
        if booking is None:
            return
        from office_tui.tui.modals.vehicles.room_form import room_saved_message

        self._focus_room = booking.room_id
        if self.view == "day" and booking.start.date() != self.day:
            self.day = booking.start.date()
        self.action_finished(room_saved_message(booking))

    def _booking_saved(self, result: BookingSaved | None) -> None:
        if result is None:
            return
        from office_tui.tui.modals.vehicles.booking_form import saved_message

        b = result.booking
        text = saved_message(result)
        self._focus_vehicle = b.vehicle_id
        if self.view == "day" and b.start.date() != self.day:
            self.day = b.start.date()
        self.action_finished(text, result.warnings)

    def action_detail(self) -> None:
        if self.view == "week":
            day = self.current_day()
            if day is not None:
                self.view = "day"
                self._go(day)
            return
        if self.tab == "rooms":
            self._room_detail()
            return
        booking = self.current_booking()
        if booking is not None:
            self._open_booking(booking.id)
            return
        vehicle = self.current_vehicle()
        if vehicle is not None and self.day is not None:
            notes = [r for r in self.reminders if r.subject == vehicle.plate]
            trips = sorted(self.by_vehicle.get(vehicle.id, []), key=lambda b: b.start)
            label = self.day.isoformat()

            def show(log) -> None:
                from office_tui.tui.modals.vehicles.vehicle_detail import VehicleDetail

                self.app.push_screen(VehicleDetail(vehicle, notes, trips, label, log))

            self.run_service(lambda svc: svc.car_log.entries(vehicle.plate)[:8], show,
                             action=_("load the car's log"), group="vehicles-detail")

    def _room_detail(self) -> None:
        booking, room = self.current_room_booking(), self.current_room()
        if booking is None and room is None:
            return
        from office_tui.tui.modals.vehicles.room_detail import RoomDetail

        if booking is not None:
            self.run_service(lambda svc: (svc.rooms.booking(booking.id),
                                          svc.rooms.history(booking.id)),
                             lambda loaded: self.app.push_screen(RoomDetail(None, *loaded, [])),
                             action=_("load room booking #{id}").format(id=booking.id),
                             group="vehicles-detail")
            return
        day = sorted(self.by_room.get(room.id, []), key=lambda b: b.start)
        self.app.push_screen(RoomDetail(room, None, [], day))

    @on(Timeline.Selected)
    def cell_selected(self, event: Timeline.Selected) -> None:
        event.stop()
        self.action_detail()

    def _open_booking(self, booking_id: int) -> None:
        self.run_service(
            lambda svc: (svc.vehicles.booking(booking_id), svc.vehicles.history(booking_id)),
            self._show_booking, action=_("load booking #{id}").format(id=booking_id),
            group="vehicles-detail")

    def _show_booking(self, loaded: tuple) -> None:
        from office_tui.tui.modals.vehicles.booking_detail import BookingDetail

        self.app.push_screen(BookingDetail(*loaded))

    def action_out(self) -> None:
        booking = self.current_booking()
        if booking is None:
            return
        self._act(lambda svc: svc.vehicles.mark_out(booking.id),
                  lambda b: _("#{id} {plate} is out").format(id=b.id, plate=b.vehicle))

    def action_returned(self) -> None:
        booking, vehicle = self.current_booking(), self.current_vehicle()
        if booking is None or vehicle is None:
            return
        from office_tui.tui.modals.vehicles.return_trip import ReturnAnswer, ReturnForm

        def chosen(answer: ReturnAnswer | None) -> None:
            if answer is not None:
                self._act(lambda svc: svc.vehicles.mark_returned(
                    booking.id, odometer=answer.odometer, fuel=answer.fuel, cost=answer.cost),
                    lambda b: _("#{id} returned; {plate} at {km} km").format(
                        id=b.id, plate=b.vehicle, km=b.odometer))

        self.app.push_screen(ReturnForm(booking, vehicle.odometer), chosen)

    def action_cancel_booking(self) -> None:
        if self.tab == "rooms":
            self._cancel_room_booking()
            return
        booking = self.current_booking()
        if booking is not None:
            self._ask_cancel(
                _("Cancel booking #{id} ({destination}): why?").format(
                    id=booking.id, destination=printable(booking.destination)),
                booking.id, lambda svc, reason: svc.vehicles.cancel(booking.id, reason))

    def _cancel_room_booking(self) -> None:
        booking = self.current_room_booking()
        if booking is not None:
            self._ask_cancel(
                _("Cancel room booking #{id} ({title}): why?").format(
                    id=booking.id, title=printable(booking.title)),
                booking.id, lambda svc, reason: svc.rooms.cancel(booking.id, reason))

    def _ask_cancel(self, question: str, booking_id: int,
                    cancel: Callable[[Services, str], Any]) -> None:
        """Ask why (a car's trip or a room's meeting), then cancel with that reason."""
        from office_tui.tui.modals.text_prompt import TextPrompt

        def chosen(reason: str | None) -> None:
            if reason:
                self._act(lambda svc: cancel(svc, reason),
                          lambda _done: _("#{id} cancelled").format(id=booking_id))

        self.app.push_screen(
            TextPrompt(question, placeholder=_("e.g. meeting moved"),
                       validate=lambda v: None if v.strip() else _(
                           "Give the reason for cancelling the booking.")),
            chosen,
        )

    def action_maintenance(self) -> None:
        vehicle = self.current_vehicle()
        if vehicle is None:
            return

        def label(change) -> str:
            v = change.vehicle
            text = _("{plate} is now {status}").format(plate=v.plate,
                                                      status=vehicle_status_label(v.status))
            if change.stranded:
                text += " · " + _("{n} booked trips to move: {ids}").format(
                    n=len(change.stranded), ids=", ".join(f"#{b.id}" for b in change.stranded))
            return text

        self._act(lambda svc: svc.vehicles.toggle_maintenance(vehicle.plate), label)


def _roster(generation: int, view: str, day: date, tab: str, svc: Services) -> Loaded:
    """In the worker: the cars and the day's (or the week's) trips, reminders, settings;
    on the Rooms tab the rooms and their bookings instead of the trips."""
    if tab == "rooms":
        if view == "week":
            monday = day - timedelta(days=day.weekday())
            start = datetime.combine(monday, time(0))
            held = svc.rooms.bookings_between(start, start + timedelta(days=7))
        else:
            held = svc.rooms.bookings(day)
        return Loaded(generation, view, day, [], [], [], svc.vehicles.settings(), svc.now(),
                      tab, svc.rooms.rooms(), held)
    vehicles = svc.vehicles.vehicles(include_retired=False)
    if view == "week":
        monday = day - timedelta(days=day.weekday())
        start = datetime.combine(monday, time(0))
        bookings = svc.vehicles.bookings_between(start, start + timedelta(days=7))
    else:
        bookings = svc.vehicles.bookings(day)
    return Loaded(generation, view, day, vehicles, bookings, svc.vehicles.reminders(),
                  svc.vehicles.settings(), svc.now(), tab)
