"""A car's details with its reminders and the day's trips."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from office_tui.core.text import printable
from office_tui.core.vehicles import Booking, Reminder, Vehicle, span_text
from office_tui.i18n import _
from office_tui.services.vehicles import booking_status_label, vehicle_status_label
from office_tui.tui.modals.view import View, fact_grid


class VehicleDetail(View):
    def __init__(self, vehicle: Vehicle, reminders: list[Reminder], day_trips: list[Booking],
                 day_label: str, log: list | None = None) -> None:
        super().__init__()
        self.entries = log or []  # services and renewals, newest first (vehicle_log.LogEntry)
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
            yield Static(fact_grid([(key, printable(value)) for key, value in rows]))
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
            yield Label(_("Services and renewals"), classes="form-title view-history",
                        markup=False)
            if not self.entries:
                yield Static(_("none"), markup=False)
            kinds = {"service": _("service"), "insurance": _("insurance"),
                     "inspection": _("inspection")}
            for e in self.entries:
                what = e.work or (_("until {day}").format(day=e.until.isoformat())
                                  if e.until else "")
                km = f" · {e.km} km" if e.km is not None else ""
                yield Static(Text(f"{e.day.isoformat()} {kinds.get(e.kind, e.kind)}{km} · "
                                  f"{printable(what)} · {e.cost}"))
            yield Label(_("Esc to close"), classes="form-hint")
