"""The booking form: a car for a window, checked live as the fields change.

Every change re-judges the request in a worker (the same rules the save uses) and shows
what clashes and what would work: free cars (ctrl+f takes the smallest), the car's next
free slot (ctrl+n takes it) and trips the request could join instead (一车前往, ctrl+g
joins the highlighted one). Enter or ctrl+s saves; a refusal stays in the form.
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
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from office_tui.core.dates import DateParseError, parse_date
from office_tui.core.errors import OfficeError
from office_tui.core.text import printable
from office_tui.core.vehicles import (
    Assessment, Booking, BookingRequest, Driver, Vehicle, empty_destination, parse_clock,
    span_text,
)
from office_tui.core.vocab import count_seats, count_seats_free
from office_tui.i18n import _
from office_tui.services import Services
from office_tui.tui.work import ServiceWork


@dataclass
class BookingDraft:
    """What the form opens with."""

    day: date
    start: time
    end: time
    vehicle: str | None = None  # plate; None: the smallest free car that fits
    destination: str = ""
    driver: str | None = None
    department: str = ""
    requester: str = ""
    passengers: int = 1
    purpose: str = ""
    job_id: int | None = None
    title: str = ""  # the job's title, shown above the fields


@dataclass
class BookingSaved:
    """What the form dismisses with: the booking made or joined."""

    booking: Booking
    joined: bool
    warnings: list[str]
    job_started: bool


@dataclass
class _Choices:
    vehicles: list[Vehicle]
    drivers: list[Driver]
    pick: str | None  # the car to show first
    destination: str | None = None  # proposed from the job (its location or its title)


FIELDS = ("#bf-day", "#bf-from", "#bf-to", "#bf-dest", "#bf-dept", "#bf-requester",
          "#bf-passengers", "#bf-purpose")


class BookingForm(ServiceWork, ModalScreen[BookingSaved | None]):
    BINDINGS = [
        Binding("escape", "cancel", _("Cancel"), id="booking.cancel"),
        Binding("ctrl+s", "save", _("Save"), id="booking.save", priority=True),
        Binding("ctrl+g", "join", _("Join trip"), id="booking.join", priority=True),
        Binding("ctrl+f", "take_free", _("Free car"), id="booking.free", priority=True),
        Binding("ctrl+n", "take_slot", _("Next slot"), id="booking.slot", priority=True),
    ]

    def __init__(self, draft: BookingDraft) -> None:
        super().__init__()
        self.draft = draft
        self.assessment: Assessment | None = None
        self.vehicles: list[Vehicle] = []
        self._generation = 0
        self._ready = False
        self._saving = False

    @property
    def services(self):
        return self.app.services  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        d = self.draft
        with VerticalScroll(classes="form booking-form"):
            title = _("Book a car")
            if d.job_id is not None:
                title = _("Book a car for job #{id}").format(id=d.job_id)
            yield Label(title, classes="form-title", markup=False)
            if d.title:
                yield Static(Text(printable(d.title)), classes="bf-job")
            with Horizontal(classes="bf-row"):
                yield Label(_("Vehicle"), classes="bf-label")
                yield Select([], prompt=_("choose a car"), allow_blank=True, compact=True,
                             id="bf-vehicle")
            with Horizontal(classes="bf-row"):
                yield Label(_("Day"), classes="bf-label")
                yield Input(d.day.isoformat(), placeholder="2026-11-30", compact=True,
                            id="bf-day", classes="bf-day")
                yield Label(_("from"), classes="bf-small")
                yield Input(d.start.strftime("%H:%M"), placeholder="09:00", compact=True,
                            id="bf-from", classes="bf-time")
                yield Label(_("to"), classes="bf-small")
                yield Input(d.end.strftime("%H:%M"), placeholder="11:00", compact=True,
                            id="bf-to", classes="bf-time")
            with Horizontal(classes="bf-row"):
                yield Label(_("Destination"), classes="bf-label")
                yield Input(d.destination, placeholder=_("e.g. City Hall"), compact=True,
                            id="bf-dest")
            with Horizontal(classes="bf-row"):
                yield Label(_("Driver"), classes="bf-label")
                yield Select([], prompt=_("no driver"), allow_blank=True, compact=True,
                             id="bf-driver")
            with Horizontal(classes="bf-row"):
                yield Label(_("Department"), classes="bf-label")
                yield Input(d.department, compact=True, id="bf-dept")
            with Horizontal(classes="bf-row"):
                yield Label(_("Requester"), classes="bf-label")
                yield Input(d.requester, compact=True, id="bf-requester")
            with Horizontal(classes="bf-row"):
                yield Label(_("Passengers"), classes="bf-label")
                yield Input(str(d.passengers), compact=True, id="bf-passengers",
                            classes="bf-time")
            with Horizontal(classes="bf-row"):
                yield Label(_("Purpose"), classes="bf-label")
                yield Input(d.purpose, compact=True, id="bf-purpose")
            yield Static("", id="bf-check", markup=False)
            yield Label(_("Trips to join instead (one car), ctrl+g joins:"), id="bf-share-title")
            yield OptionList(id="bf-shares")
            yield Label(_("Enter save · ^f free car · ^n next slot · ^g join · Esc cancel"),
                        classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#bf-share-title").display = False
        self.query_one("#bf-shares").display = False
        d = self.draft
        self.run_service(partial(_choices, d.vehicle, d.day, d.start, d.end, d.passengers,
                                 None if d.destination else d.job_id),
                         self.loaded, action=_("load the cars and drivers"),
                         group="booking-load", exclusive=True, failed=self.refused)

    # -- loading the choices ------------------------------------------------------------
    def loaded(self, choices: _Choices) -> None:
        self.vehicles = choices.vehicles
        cars = self.query_one("#bf-vehicle", Select)
        cars.set_options([(self._car_label(v), v.plate) for v in choices.vehicles])
        if choices.pick in {v.plate for v in choices.vehicles}:
            cars.value = choices.pick
        people = self.query_one("#bf-driver", Select)
        people.set_options([(Text(printable(d.name)), d.name) for d in choices.drivers])
        if self.draft.driver in {d.name for d in choices.drivers}:
            people.value = self.draft.driver
        dest = self.query_one("#bf-dest", Input)
        if choices.destination and not dest.value.strip():
            dest.value = choices.destination
        self._ready = True
        target = "#bf-dest" if not dest.value.strip() else "#bf-vehicle"
        self.query_one(target).focus()
        self.recheck()

    @staticmethod
    def _car_label(v: Vehicle) -> Text:
        text = Text(printable(v.plate))
        text.append(f" {printable(v.name)} ", style="dim")
        text.append(count_seats(v.seats))
        if v.status == "maintenance":
            text.append(" " + _("in maintenance"), style="yellow")
        return text

    # -- reading the fields -------------------------------------------------------------
    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def request(self) -> BookingRequest:
        """The fields as a request; ValueError names the field that is wrong."""
        plate = self.query_one("#bf-vehicle", Select).value
        if not isinstance(plate, str):
            raise ValueError(_("Choose a car."))
        today = self.services.now().date()
        day = booking_day(self._value("#bf-day"), today)
        start = datetime.combine(day, parse_clock(self._value("#bf-from")))
        end = datetime.combine(day, parse_clock(self._value("#bf-to")))
        count = self._value("#bf-passengers").strip()
        if not count.isdigit():
            raise ValueError(_("Passengers: give a number like 2."))
        driver = self.query_one("#bf-driver", Select).value
        return BookingRequest(
            plate, start, end, self._value("#bf-dest"),
            driver=driver if isinstance(driver, str) else None,
            department=self._value("#bf-dept") or None,
            requester=self._value("#bf-requester") or None,
            passengers=int(count), purpose=self._value("#bf-purpose") or None,
            job_id=self.draft.job_id)

    # -- live checking ------------------------------------------------------------------
    @on(Input.Changed)
    @on(Select.Changed)
    def changed(self, event: Message) -> None:
        if self._ready:
            self.recheck()

    def recheck(self) -> None:
        self._generation += 1
        try:
            request = self.request()
        except ValueError as exc:
            self.assessment = None
            self._show_check(Text(str(exc), style="red"))
            self._show_shares([])
            return
        self.run_service(lambda svc: svc.vehicles.assess(request),
                         partial(self.checked, self._generation),
                         action=_("check the booking"), group="booking-check", exclusive=True,
                         failed=partial(self._check_failed, self._generation))

    def _check_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.assessment = None
            self._show_check(Text("✗ " + printable(message), style="red"))

    def checked(self, generation: int, a: Assessment) -> None:
        if generation != self._generation:
            return  # the fields changed since
        self.assessment = a
        text = Text()
        if a.ok:
            request = self.request()
            text.append("✓ " + _("{plate} is free {span}.").format(
                plate=printable(request.vehicle), span=span_text(request.start, request.end)),
                style="green")
        for problem in a.problems:
            if problem == empty_destination():
                text.append(("\n" if text else "") + _("Where to? (the destination)"),
                            style="dim")
                continue
            text.append(("\n" if text else "") + "✗ " + printable(problem), style="red")
        for warning in a.warnings:
            text.append("\n⚠ " + printable(warning), style="yellow")
        if a.free and a.car_refused:
            cars = ", ".join(f"{printable(v.plate)} ({v.seats})" for v in a.free[:3])
            text.append("\n" + _("Free cars, smallest first: {cars} — ctrl+f").format(cars=cars))
        elif a.car_refused:
            text.append("\n" + _("No other car is free for that window."))
        if a.next_slot and a.vehicle is not None:
            text.append("\n" + _("Next free slot of {plate}: {span} — ctrl+n").format(
                plate=printable(a.vehicle.plate), span=span_text(*a.next_slot)))
        if a.driver_refused and a.free_drivers:
            text.append("\n" + _("Drivers free then: {names}").format(
                names=", ".join(printable(d.name) for d in a.free_drivers[:4])))
        self._show_check(text)
        self._show_shares(a.shares)

    def _show_check(self, text: Text) -> None:
        self.query_one("#bf-check", Static).update(text)

    def _show_shares(self, shares: list[Booking]) -> None:
        options = self.query_one("#bf-shares", OptionList)
        options.clear_options()
        for b in shares:
            label = Text(f"#{b.id} {printable(b.vehicle)} {span_text(b.start, b.end)} → ")
            label.append(printable(b.destination), style="bold")
            label.append("  " + count_seats_free(b.seats_free), style="green")
            if b.department:
                label.append(f"  {printable(b.department)}", style="dim")
            options.add_option(Option(label, id=str(b.id)))
        if shares:
            options.highlighted = 0
        options.display = bool(shares)
        self.query_one("#bf-share-title").display = bool(shares)

    # -- taking an offer ------------------------------------------------------------------
    def action_take_free(self) -> None:
        a = self.assessment
        if a is None or not a.free:
            self.notify(_("No other car is free for that window."), markup=False,
                        severity="warning")
            return
        self.query_one("#bf-vehicle", Select).value = a.free[0].plate

    def action_take_slot(self) -> None:
        a = self.assessment
        if a is None or a.next_slot is None:
            self.notify(_("No free slot to take."), markup=False, severity="warning")
            return
        start, end = a.next_slot
        self.query_one("#bf-from", Input).value = start.strftime("%H:%M")
        self.query_one("#bf-to", Input).value = end.strftime("%H:%M")

    def action_join(self) -> None:
        options = self.query_one("#bf-shares", OptionList)
        if not options.display or options.highlighted is None:
            self.notify(_("No trip to join: none goes the same way then."), markup=False,
                        severity="warning")
            return
        booking_id = int(options.get_option_at_index(options.highlighted).id or 0)
        try:
            request = self.request()
        except ValueError as exc:
            self._show_check(Text(str(exc), style="red"))
            return
        self._submit(request, booking_id)

    # -- saving ---------------------------------------------------------------------------
    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        try:
            request = self.request()
        except ValueError as exc:
            self._show_check(Text(str(exc), style="red"))
            return
        self._submit(request, None)

    def _submit(self, request: BookingRequest, join_id: int | None) -> None:
        if self._saving:
            return
        self._saving = True
        self.run_service(partial(_save, request, join_id), self.dismiss,
                         action=_("save the booking"), group="booking-save", exclusive=True,
                         failed=self.refused)

    def refused(self, message: str) -> None:
        """A refusal or a failure: said in the form, which stays open as typed."""
        self._saving = False
        self._show_check(Text("✗ " + printable(message), style="red"))

    def action_cancel(self) -> None:
        self.dismiss(None)


def booking_day(text: str, today: date) -> date:
    """The day field in the quick-add's words (明天, 周五, 下周一, fri, +3d, 2026-11-30)."""
    try:
        return parse_date(text, today)
    except DateParseError as exc:
        if isinstance(exc, OfficeError):  # a day out of range says so itself
            raise ValueError(str(exc)) from None
        raise ValueError(_("'{text}' is not a day: write 2026-11-30, tomorrow, fri or "
                           "+3d.").format(text=text)) from None


def _choices(plate: str | None, day: date, start: time, end: time, passengers: int,
             job_id: int | None, svc: Services) -> _Choices:
    """The cars and drivers to choose from, the car to show (the one asked for, else
    the smallest free one that fits) and, for a job, where the trip goes."""
    vehicles = [v for v in svc.vehicles.vehicles() if v.status != "retired"]
    drivers = [d for d in svc.vehicles.drivers() if d.active]
    pick = plate
    if pick is None:
        begin, finish = datetime.combine(day, start), datetime.combine(day, end)
        free = svc.vehicles.free(begin, finish, passengers) if finish > begin else []
        pick = free[0].plate if free else (vehicles[0].plate if vehicles else None)
    destination = svc.vehicles.suggest_destination(job_id) if job_id is not None else None
    return _Choices(vehicles, drivers, pick, destination)


def _save(request: BookingRequest, join_id: int | None, svc: Services) -> BookingSaved:
    if join_id is None:
        booked = svc.vehicles.book(request)
        return BookingSaved(booked.booking, False, booked.warnings, booked.job_started)
    joined = svc.vehicles.join(join_id, passengers=max(request.passengers, 1),
                               department=request.department, requester=request.requester,
                               job_id=request.job_id)
    return BookingSaved(joined, True, [], request.job_id is not None)


def draft_for_job(job, now: datetime) -> BookingDraft:
    """A form prefilled from a vehicle job: its day and time from the due, the department,
    the requester and the title as the purpose."""
    due = job.effective_due
    if due is not None and due > now and time(7) <= due.time() <= time(19):
        start = due.replace(minute=0 if due.minute < 30 else 30, second=0)
    else:
        day = (due.date() if due is not None and due.date() > now.date()
               else now.date() + timedelta(days=1))
        start = datetime.combine(day, time(9))
    end = min(start + timedelta(hours=2), datetime.combine(start.date(), time(23, 30)))
    return BookingDraft(
        day=start.date(), start=start.time(), end=end.time(), destination="",
        department=job.department or "", requester=job.requester or "",
        purpose=job.title, job_id=job.id, title=job.title)


def saved_message(result: BookingSaved) -> str:
    b = result.booking
    text = (_("Joined #{id} {plate} {span} → {destination}") if result.joined
            else _("Booked #{id} {plate} {span} → {destination}"))
    return text.format(id=b.id, plate=printable(b.vehicle), span=span_text(b.start, b.end),
                       destination=printable(b.destination))
