"""A room's details with the day's meetings, or a room booking's details with its history."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from office_tui.core.rooms import Room, RoomBooking
from office_tui.core.text import printable
from office_tui.core.vehicles import span_text
from office_tui.core.vocab import booking_event_label
from office_tui.i18n import _
from office_tui.tui.modals.view import View, fact_grid


class RoomDetail(View):
    def __init__(self, room: Room | None, booking: RoomBooking | None,
                 history: list[dict[str, Any]], day: list[RoomBooking]) -> None:
        super().__init__()
        self.room = room
        self.booking = booking
        self.history = history
        self.day = day

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form view"):
            if self.booking is not None:
                yield from self._booking(self.booking)
            elif self.room is not None:
                yield from self._room(self.room)
            yield Label(_("Esc to close"), classes="form-hint")

    def _booking(self, b: RoomBooking) -> ComposeResult:
        rows = [
            (_("Room"), b.room),
            (_("When"), f"{b.start:%Y-%m-%d} {span_text(b.start, b.end)}"),
            (_("Held"), span_text(b.held_from, b.held_to, b.start.date())),
            (_("Title"), b.title),
            (_("Department"), b.department or "—"),
            (_("People"), str(b.people) if b.people else "—"),
            (_("Needs"), _(", ").join(b.needs) or "—"),
            (_("Status"), _("booked") if b.blocking else _("cancelled")),
        ]
        if b.job_id is not None:
            rows.append((_("Job"), f"#{b.job_id}"))
        if b.series_id is not None:
            rows.append((_("Series"), f"#{b.series_id}"))
        if b.cancel_reason:
            rows.append((_("Cancelled"), b.cancel_reason))
        yield Label(_("Room booking #{id}").format(id=b.id), classes="form-title")
        yield Static(fact_grid([(key, printable(value)) for key, value in rows]))
        yield Label(_("History"), classes="form-title view-history")
        for event in self.history:
            yield Static(Text(f"{event['ts'].replace('T', ' ')[:16]}  "
                              f"{booking_event_label(event['action'])}"), markup=False)

    def _room(self, r: Room) -> ComposeResult:
        status = _("open")
        if r.status == "closed":
            status = _("closed until {until}").format(
                until=r.closed_until.isoformat() if r.closed_until else _("further notice"))
            if r.closed_reason:
                status += f" ({r.closed_reason})"
        rows = [(_("Room"), r.name), (_("Seats"), str(r.seats)),
                (_("Location"), r.location or "—"),
                (_("Equipment"), _(", ").join(r.equipment) or "—"),
                (_("Buffer"), r.buffer_text() or "—"), (_("Status"), status)]
        yield Label(printable(r.name), classes="form-title", markup=False)
        yield Static(fact_grid([(key, printable(value)) for key, value in rows]))
        yield Label(_("Meetings that day"), classes="form-title view-history")
        if not self.day:
            yield Static(_("none"), markup=False)
        for b in self.day:
            yield Static(Text(b.describe()))
