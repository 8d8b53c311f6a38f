"""The room booking form: a room for a window, checked live as the fields change.

Every change re-judges the request in a worker (the rules the save uses) and shows what
clashes and what would work: the smallest free room that fits (ctrl+f takes it) and the
room's next free slot that day (ctrl+n takes it). Enter or ctrl+s saves; a refusal stays
in the form. A meeting job opens it prefilled, and the booking is linked to the job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from office_tui.core.rooms import Room, RoomAssessment, RoomBooking
from office_tui.core.text import printable
from office_tui.core.vehicles import parse_clock, span_text
from office_tui.i18n import _
from office_tui.services import Services
from office_tui.tui.modals.vehicles.booking_form import booking_day
from office_tui.tui.work import ServiceWork


@dataclass
class RoomDraft:
    day: date
    start: time
    end: time
    room: str | None = None  # None: the smallest free room
    title: str = ""
    department: str = ""
    people: int = 0
    needs: str = ""
    job_id: int | None = None


@dataclass
class _Request:
    room: str
    start: datetime
    end: datetime
    title: str
    department: str | None
    people: int
    needs: str


class RoomForm(ServiceWork, ModalScreen[RoomBooking | None]):
    BINDINGS = [
        Binding("escape", "cancel", _("Cancel"), id="room.cancel"),
        Binding("ctrl+s", "save", _("Save"), id="room.save", priority=True),
        Binding("ctrl+f", "take_free", _("Free room"), id="room.free", priority=True),
        Binding("ctrl+n", "take_slot", _("Next slot"), id="room.slot", priority=True),
    ]

    def __init__(self, draft: RoomDraft) -> None:
        super().__init__()
        self.draft = draft
        self.assessment: RoomAssessment | None = None
        self._generation = 0
        self._ready = False
        self._saving = False

    @property
    def services(self):
        return self.app.services  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        d = self.draft
        with VerticalScroll(classes="form booking-form"):
            title = _("Book a room")
            if d.job_id is not None:
                title = _("Book a room for job #{id}").format(id=d.job_id)
            yield Label(title, classes="form-title", markup=False)
            with Horizontal(classes="bf-row"):
                yield Label(_("Room"), classes="bf-label")
                yield Select([], prompt=_("choose a room"), allow_blank=True, compact=True,
                             id="rf-room")
            with Horizontal(classes="bf-row"):
                yield Label(_("Day"), classes="bf-label")
                yield Input(d.day.isoformat(), placeholder="2026-11-30", compact=True,
                            id="rf-day", classes="bf-day")
                yield Label(_("from"), classes="bf-small")
                yield Input(d.start.strftime("%H:%M"), placeholder="09:00", compact=True,
                            id="rf-from", classes="bf-time")
                yield Label(_("to"), classes="bf-small")
                yield Input(d.end.strftime("%H:%M"), placeholder="11:00", compact=True,
                            id="rf-to", classes="bf-time")
            with Horizontal(classes="bf-row"):
                yield Label(_("Title"), classes="bf-label")
                yield Input(d.title, placeholder=_("e.g. weekly meeting"), compact=True,
                            id="rf-title")
            with Horizontal(classes="bf-row"):
                yield Label(_("Department"), classes="bf-label")
                yield Input(d.department, compact=True, id="rf-dept")
            with Horizontal(classes="bf-row"):
                yield Label(_("People"), classes="bf-label")
                yield Input(str(d.people or ""), placeholder="0", compact=True,
                            id="rf-people", classes="bf-time")
            with Horizontal(classes="bf-row"):
                yield Label(_("Needs"), classes="bf-label")
                yield Input(d.needs, placeholder=_("e.g. projector,video"), compact=True,
                            id="rf-needs")
            yield Static("", id="rf-check", markup=False)
            yield Label(_("Enter save · ^f free room · ^n next slot · Esc cancel"),
                        classes="form-hint")

    def on_mount(self) -> None:
        self.run_service(_rooms, self.loaded, action=_("load the rooms"), group="room-load",
                         exclusive=True, failed=self.refused)

    def loaded(self, rooms: list[Room]) -> None:
        select = self.query_one("#rf-room", Select)
        select.set_options([(_room_label(r), r.name) for r in rooms])
        names = {r.name for r in rooms}
        if self.draft.room in names:
            select.value = self.draft.room
        elif rooms:
            select.value = rooms[0].name
        self._ready = True
        target = "#rf-title" if not self.draft.title.strip() else "#rf-room"
        self.query_one(target).focus()
        self.recheck()

    # -- reading the fields -----------------------------------------------------------
    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def request(self) -> _Request:
        room = self.query_one("#rf-room", Select).value
        if not isinstance(room, str):
            raise ValueError(_("Choose a room."))
        day = booking_day(self._value("#rf-day"), self.services.now().date())
        start = datetime.combine(day, parse_clock(self._value("#rf-from")))
        end = datetime.combine(day, parse_clock(self._value("#rf-to")))
        count = self._value("#rf-people").strip() or "0"
        if not count.isdigit():
            raise ValueError(_("People: give a number like 12."))
        return _Request(room, start, end, self._value("#rf-title"),
                        self._value("#rf-dept") or None, int(count), self._value("#rf-needs"))

    # -- live checking ------------------------------------------------------------------
    @on(Input.Changed)
    @on(Select.Changed)
    def changed(self, event: Message) -> None:
        if self._ready:
            self.recheck()

    def recheck(self) -> None:
        self._generation += 1
        try:
            r = self.request()
        except ValueError as exc:
            self.assessment = None
            self._show(Text(str(exc), style="red"))
            return
        self.run_service(
            lambda svc: svc.rooms.assess(r.room, r.start, r.end, people=r.people,
                                         needs=r.needs),
            partial(self.checked, self._generation), action=_("check the booking"),
            group="room-check", exclusive=True,
            failed=partial(self._check_failed, self._generation))

    def _check_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.assessment = None
            self._show(Text("✗ " + printable(message), style="red"))

    def checked(self, generation: int, a: RoomAssessment) -> None:
        if generation != self._generation:
            return
        self.assessment = a
        r = self.request()
        text = Text()
        if a.ok:
            text.append("✓ " + _("{room} is free {span}.").format(
                room=printable(r.room), span=span_text(r.start, r.end)), style="green")
            if a.room is not None and a.room.buffer_text():
                text.append(" " + _("(held {buffer})").format(buffer=a.room.buffer_text()),
                            style="dim")
        for reason in a.reasons:
            text.append(("\n" if text else "") + "✗ " + printable(reason), style="red")
        if a.alternatives:
            rooms = ", ".join(f"{printable(x.name)} ({x.seats})" for x in a.alternatives[:3])
            text.append("\n" + _("Free rooms that fit, smallest first: {rooms} — ctrl+f")
                        .format(rooms=rooms))
        elif not a.ok:
            text.append("\n" + _("No other room is free and fits then."))
        if a.next_slot and a.room is not None:
            text.append("\n" + _("Next free slot of {room}: {span} — ctrl+n").format(
                room=printable(a.room.name), span=span_text(*a.next_slot)))
        if not r.title.strip():
            text.append(("\n" if text else "") + _("What is the meeting? (the title)"),
                        style="dim")
        self._show(text)

    def _show(self, text: Text) -> None:
        self.query_one("#rf-check", Static).update(text)

    # -- taking an offer ------------------------------------------------------------------
    def action_take_free(self) -> None:
        a = self.assessment
        if a is None or not a.alternatives:
            self.notify(_("No other room is free and fits then."), markup=False,
                        severity="warning")
            return
        self.query_one("#rf-room", Select).value = a.alternatives[0].name

    def action_take_slot(self) -> None:
        a = self.assessment
        if a is None or a.next_slot is None:
            self.notify(_("No free slot to take."), markup=False, severity="warning")
            return
        start, end = a.next_slot
        self.query_one("#rf-from", Input).value = start.strftime("%H:%M")
        self.query_one("#rf-to", Input).value = end.strftime("%H:%M")

    # -- saving -------------------------------------------------------------------------
    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if self._saving:
            return
        try:
            r = self.request()
        except ValueError as exc:
            self._show(Text(str(exc), style="red"))
            return
        self._saving = True
        job_id = self.draft.job_id
        self.run_service(
            lambda svc: svc.rooms.book(r.room, r.start, r.end, r.title,
                                       department=r.department, people=r.people,
                                       needs=r.needs, job_id=job_id),
            self.dismiss, action=_("save the booking"), group="room-save", exclusive=True,
            failed=self.refused)

    def refused(self, message: str) -> None:
        self._saving = False
        self._show(Text("✗ " + printable(message), style="red"))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _room_label(r: Room) -> Text:
    text = Text(printable(r.name))
    text.append(" " + _("{n} seats").format(n=r.seats), style="dim")
    if r.status == "closed":
        text.append(" " + _("closed"), style="yellow")
    return text


def _rooms(svc: Services) -> list[Room]:
    return svc.rooms.rooms()


def draft_for_meeting(job, now: datetime) -> RoomDraft:
    """A form prefilled from a meeting job: its day and time from the due (an hour),
    the department and the title."""
    due = job.effective_due
    if due is not None and time(7) <= due.time() <= time(19):
        start = due.replace(second=0, microsecond=0)
    else:
        day = due.date() if due is not None and due.date() > now.date() \
            else now.date() + timedelta(days=1)
        start = datetime.combine(day, time(9))
    end = min(start + timedelta(hours=1), datetime.combine(start.date(), time(23, 30)))
    return RoomDraft(day=start.date(), start=start.time(), end=end.time(), title=job.title,
                     department=job.department or "", job_id=job.id)


def room_saved_message(b: RoomBooking) -> str:
    return _("Booked #{id} {room} {span}: {title}").format(
        id=b.id, room=printable(b.room), span=span_text(b.start, b.end),
        title=printable(b.title))
