"""Views and small forms of the roster: a booking's details with its history, a car's
details with its reminders, and the return form (odometer, fuel, cost)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from office_tui.core.humanize import long_day
from office_tui.core.text import printable
from office_tui.core.vehicles import Booking, Reminder, Vehicle, format_moment, span_text
from office_tui.i18n import _
from office_tui.services.vehicles import booking_status_label, vehicle_status_label


def _grid(rows: list[tuple[str, str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for key, value in rows:
        grid.add_row(Text(key), Text(printable(value)))
    return grid


def booking_action_label(action: str) -> str:
    labels = {"book": _("booked"), "join": _("joined"), "out": _("went out"),
              "return": _("returned"), "cancel": _("cancelled")}
    return labels.get(action, action)


class _View(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", _("Close"), id="view.close"),
        Binding("q", "close", _("Close"), show=False),
    ]

    def action_close(self) -> None:
        self.dismiss(None)


class BookingDetail(_View):
    def __init__(self, booking: Booking, history: list[dict[str, Any]]) -> None:
        super().__init__()
        self.booking = booking
        self.history = history

    def compose(self) -> ComposeResult:
        b = self.booking
        rows = [
            (_("Booking"), f"#{b.id}"),
            (_("Vehicle"), f"{b.vehicle} {b.vehicle_name}"),
            (_("When"), f"{b.start:%Y-%m-%d} {span_text(b.start, b.end)}"),
            (_("Destination"), b.destination),
            (_("Driver"), b.driver or "—"),
            (_("Department"), b.department or "—"),
            (_("Requester"), b.requester or "—"),
            (_("Passengers"), _("{n} of {seats} seats").format(n=b.passengers, seats=b.seats)),
            (_("Purpose"), b.purpose or "—"),
            (_("Status"), booking_status_label(b.status)),
        ]
        if b.job_id:
            rows.append((_("Job"), f"#{b.job_id}"))
        if b.out_at:
            rows.append((_("Out"), format_moment(b.out_at) or ""))
        if b.status == "returned":
            rows.append((_("Returned"), format_moment(b.returned_at) or ""))
            rows.append((_("Odometer"), f"{b.odometer} km"))
            rows.append((_("Fuel"), "—" if b.fuel is None else f"{b.fuel:g} L"))
            rows.append((_("Cost"), "—" if b.cost is None else f"{b.cost:g}"))
        if b.cancel_reason:
            rows.append((_("Cancelled"), b.cancel_reason))
        for rider in b.riders:
            who = " ".join(x for x in (rider["department"], rider["requester"]) if x) or "—"
            extra = f" (#{rider['job_id']})" if rider["job_id"] else ""
            rows.append((_("Joined"), _("{who}, {n} passengers{job}").format(
                who=who, n=rider["passengers"], job=extra)))
        with VerticalScroll(classes="form view"):
            yield Label(_("Booking #{id}").format(id=b.id), classes="form-title")
            yield Static(_grid(rows))
            yield Label(_("History"), classes="form-title view-history")
            for event in self.history:
                yield Static(Text(f"{event['ts'].replace('T', ' ')[:16]}  "
                                  f"{booking_action_label(event['action'])}"), markup=False)
            yield Label(_("Esc to close"), classes="form-hint")


class VehicleDetail(_View):
    def __init__(self, vehicle: Vehicle, reminders: list[Reminder], day_trips: list[Booking],
                 day_label: str) -> None:
        super().__init__()
        self.vehicle = vehicle
        self.reminders = reminders
        self.day_trips = day_trips
        self.day_label = day_label

    def compose(self) -> ComposeResult:
        v = self.vehicle

        def day(value) -> str:
            return value.isoformat() if value else "—"

        rows = [
            (_("Plate"), v.plate), (_("Name"), v.name), (_("Seats"), str(v.seats)),
            (_("Status"), vehicle_status_label(v.status)),
            (_("Odometer"), f"{v.odometer} km"),
            (_("Next service"), f"{day(v.next_service_date)}"
             + (f" / {v.next_service_km} km" if v.next_service_km is not None else "")),
            (_("Insurance due"), day(v.insurance_due)),
            (_("Inspection due"), day(v.inspection_due)),
        ]
        with VerticalScroll(classes="form view"):
            yield Label(_("Vehicle {plate}").format(plate=printable(v.plate)),
                        classes="form-title", markup=False)
            yield Static(_grid(rows))
            for note in self.reminders:
                yield Static(Text("⚠ " + printable(note.text),
                                  style="red" if note.overdue else "yellow"))
            yield Label(_("Trips on {day}").format(day=self.day_label),
                        classes="form-title view-history", markup=False)
            if not self.day_trips:
                yield Static(_("none"), markup=False)
            for b in self.day_trips:
                yield Static(Text(f"#{b.id} {span_text(b.start, b.end)} "
                                  f"{printable(b.destination)} · {booking_status_label(b.status)}"))
            yield Label(_("Esc to close"), classes="form-hint")


@dataclass(frozen=True)
class ReturnAnswer:
    odometer: int
    fuel: float | None
    cost: float | None


class ReturnForm(ModalScreen[ReturnAnswer | None]):
    """Back from a trip: the odometer reading is required, fuel and cost are not."""

    BINDINGS = [
        Binding("escape", "cancel", _("Cancel"), id="form.cancel"),
        Binding("ctrl+s", "save", _("Save"), id="return.save", priority=True),
    ]

    def __init__(self, booking: Booking, last_odometer: int) -> None:
        super().__init__()
        self.booking = booking
        self.last_odometer = last_odometer

    def compose(self) -> ComposeResult:
        b = self.booking
        with Vertical(classes="form"):
            yield Label(_("Return of #{id} {plate}").format(id=b.id, plate=printable(b.vehicle)),
                        classes="form-title", markup=False)
            yield Input(placeholder=_("odometer km (last {km})").format(km=self.last_odometer),
                        id="return-odometer")
            yield Input(placeholder=_("fuel litres (optional)"), id="return-fuel")
            yield Input(placeholder=_("cost (optional)"), id="return-cost")
            yield Static("", classes="form-error", markup=False)
            yield Label(_("Enter to go on · ctrl+s to save · Esc to cancel"), classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)
        self.query_one("#return-odometer", Input).focus()

    def action_save(self) -> None:
        try:
            answer = self._answer()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.dismiss(answer)

    def show_error(self, message: str | None) -> None:
        error = self.query_one(".form-error", Static)
        error.update(printable(message, one_line=False))  # it may quote what was typed
        error.display = bool(message)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _answer(self) -> ReturnAnswer:
        odometer = self.query_one("#return-odometer", Input).value.strip()
        if not odometer.isdigit():
            raise ValueError(_("Give the odometer reading in km, e.g. {km}.").format(
                km=self.last_odometer))
        if int(odometer) < self.last_odometer:
            raise ValueError(_("The odometer reading {km} km is below the last reading of "
                               "{last} km.").format(km=odometer, last=self.last_odometer))
        values = []
        for selector, what in (("#return-fuel", _("Fuel")), ("#return-cost", _("Cost"))):
            text = self.query_one(selector, Input).value.strip()
            try:
                value = float(text) if text else None
            except ValueError:
                raise ValueError(_("{what}: give a number like 6.5.").format(what=what)) from None
            if value is not None and not 0 <= value <= 1_000_000:
                raise ValueError(_("{what} must be between 0 and 1000000.").format(what=what))
            values.append(value)
        return ReturnAnswer(int(odometer), values[0], values[1])

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        order = ["return-odometer", "return-fuel", "return-cost"]
        try:
            answer = self._answer()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.show_error(None)
        here = order.index(event.input.id or "return-cost")
        if here < len(order) - 1:
            self.query_one(f"#{order[here + 1]}", Input).focus()
            return
        self.dismiss(answer)


def stamp(moment: datetime) -> str:
    return long_day(moment)
