"""A booking's details with its history."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from office_tui.core.text import printable
from office_tui.core.vehicles import Booking, format_moment, span_text
from office_tui.core.vocab import booking_event_label, booking_status_label
from office_tui.i18n import _
from office_tui.tui.modals.view import View, fact_grid


class BookingDetail(View):
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
            yield Static(fact_grid([(key, printable(value)) for key, value in rows]))
            yield Label(_("History"), classes="form-title view-history")
            for event in self.history:
                yield Static(Text(f"{event['ts'].replace('T', ' ')[:16]}  "
                                  f"{booking_event_label(event['action'])}"), markup=False)
            yield Label(_("Esc to close"), classes="form-hint")
