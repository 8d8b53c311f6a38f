"""The vehicle roster on the command line: `vehicle add|list|status|set`, `driver add|list`,
`book`, `bookings`, `free`, `share`, `join`, `return`, `reminders`.

Moments are `YYYY-MM-DD HH:MM` going in and coming out; JSON objects are keyed by the
record's field names (a vehicle has plate, name, seats, status; a booking has id,
vehicle, driver, start, end, destination, passengers).
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

from office_tui import cli
from office_tui.cli import MAX_SQLITE_INT, _run, app, emit_json, fail
from office_tui.core.text import printable
from office_tui.core.vehicles import Booking, BookingRequest, Reminder, Vehicle, span_text
from office_tui.core.vocab import booking_status_label, count_seats, vehicle_status_label
from office_tui.i18n import _, ngettext

vehicle_app = typer.Typer(help=_("The unit's cars: add, list, status, service details."),
                          no_args_is_help=True, rich_markup_mode=None)
driver_app = typer.Typer(help=_("The drivers: add and list."), no_args_is_help=True,
                         rich_markup_mode=None)
app.add_typer(vehicle_app, name="vehicle")
app.add_typer(driver_app, name="driver")


def booking_id_arg(value: int) -> int:
    if value is not None and not 1 <= value <= MAX_SQLITE_INT:
        fail(_("No booking #{id}.").format(id=value))
    return value


def BookingId() -> int:  # noqa: N802 - reads like a type in the signatures below
    return typer.Argument(..., metavar="BOOKING", help=_("The booking's number."),
                          callback=booking_id_arg)


def JobOption() -> Optional[int]:  # noqa: N802
    return typer.Option(None, "--job", help=_("Link the booking to this job (and start it)."),
                        callback=_job_id)


def _job_id(value: Optional[int]) -> Optional[int]:
    if value is not None and not 1 <= value <= MAX_SQLITE_INT:
        fail(_("No job #{id}.").format(id=value))
    return value


def _t(value: object) -> Text:
    return Text(printable(None if value is None else str(value)))


def _say(message: str) -> None:
    cli.out.print(Text(printable(message)))


# -- vehicles -----------------------------------------------------------------------------
@vehicle_app.command("add", help=_("Add a vehicle to the roster."))
def vehicle_add(
    plate: str = typer.Option(..., "--plate", help=_("Number plate, e.g. A-12345.")),
    name: str = typer.Option(..., "--name", help=_("Name or model, e.g. Buick GL8.")),
    seats: int = typer.Option(..., "--seats", help=_("Passenger seats (not counting the driver).")),
    odometer: int = typer.Option(0, "--odometer", help=_("Odometer reading, km.")),
    service_date: Optional[str] = typer.Option(None, "--service-date", help=_("Next service date: 2026-12-01, +30d, fri.")),
    service_km: Optional[int] = typer.Option(None, "--service-km", help=_("Next service at this odometer reading, km.")),
    insurance: Optional[str] = typer.Option(None, "--insurance", help=_("Insurance due: 2026-12-01, +30d.")),
    inspection: Optional[str] = typer.Option(None, "--inspection", help=_("Annual inspection due: 2026-12-01, +30d.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the vehicle as JSON.")),
) -> None:
    vehicle = _run(lambda s: s.vehicles.add_vehicle(
        plate, name, seats, odometer=odometer, next_service_date=service_date,
        next_service_km=service_km, insurance_due=insurance, inspection_due=inspection))
    if as_json:
        emit_json(vehicle.to_json())
        return
    _say(_("Added {plate} {name} ({seats}).").format(
        plate=vehicle.plate, name=vehicle.name, seats=count_seats(vehicle.seats)))


@vehicle_app.command("list", help=_("Every vehicle with its status, odometer and reminders."))
def vehicle_list(
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    vehicles = _run(lambda s: s.vehicles.vehicles())
    notes = _run(lambda s: s.vehicles.reminders())
    by_plate: dict[str, list[Reminder]] = {}
    for note in notes:
        by_plate.setdefault(note.subject, []).append(note)
    if as_json:
        emit_json([dict(v.to_json(), reminders=[r.text for r in by_plate.get(v.plate, [])])
                   for v in vehicles])
        return
    if not vehicles:
        cli.out.print(_("No vehicles. Add one with: office-tui vehicle add --plate P --name N "
                    "--seats S"), markup=False)
        return
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for header in (_("Plate"), _("Name"), _("Seats"), _("Status"), _("Odometer"),
                   _("Reminders")):
        table.add_column(header, no_wrap=header != _("Reminders"), overflow="fold")
    for v in vehicles:
        reminders = "; ".join(r.text.split(": ", 1)[-1] for r in by_plate.get(v.plate, []))
        table.add_row(_t(v.plate), _t(v.name), Text(str(v.seats)),
                      Text(vehicle_status_label(v.status),
                           style="yellow" if v.status == "maintenance" else ""),
                      Text(f"{v.odometer}"), Text(printable(reminders), style="yellow"))
    cli.out.print(table)


@vehicle_app.command("status", help=_("Set a vehicle active, in maintenance or retired."))
def vehicle_status(
    plate: str = typer.Argument(..., help=_("The vehicle's plate.")),
    status: str = typer.Argument(..., help=_("active, maintenance or retired.")),
) -> None:
    change = _run(lambda s: s.vehicles.set_status(plate, status))
    _say(_("{plate} is now {status}.").format(
        plate=change.vehicle.plate, status=vehicle_status_label(change.vehicle.status)))
    if change.stranded:
        _say(_("Booked trips it can no longer make (rebook or cancel them): {trips}").format(
            trips=", ".join(f"#{b.id} {b.start:%m-%d} {span_text(b.start, b.end)} "
                            f"{b.destination}" for b in change.stranded)))


@vehicle_app.command("set", help=_(
     "Change a vehicle's details (after a service, a renewal, a new reading)."))
def vehicle_set(
    plate: str = typer.Argument(..., help=_("The vehicle's plate.")),
    name: Optional[str] = typer.Option(None, "--name", help=_("Name or model.")),
    seats: Optional[int] = typer.Option(None, "--seats", help=_("Passenger seats.")),
    odometer: Optional[int] = typer.Option(None, "--odometer", help=_("Odometer reading, km.")),
    service_date: Optional[str] = typer.Option(None, "--service-date", help=_("Next service date: 2026-12-01, +30d, fri.")),
    service_km: Optional[int] = typer.Option(None, "--service-km", help=_("Next service at this odometer reading, km.")),
    insurance: Optional[str] = typer.Option(None, "--insurance", help=_("Insurance due: 2026-12-01, +30d.")),
    inspection: Optional[str] = typer.Option(None, "--inspection", help=_("Annual inspection due: 2026-12-01, +30d.")),
) -> None:
    vehicle = _run(lambda s: s.vehicles.update_vehicle(
        plate, name=name, seats=seats, odometer=odometer, next_service_date=service_date,
        next_service_km=service_km, insurance_due=insurance, inspection_due=inspection))
    _say(_("{plate} updated.").format(plate=vehicle.plate))


# -- drivers ------------------------------------------------------------------------------
@driver_app.command("add", help=_("Add a driver."))
def driver_add(
    name: str = typer.Option(..., "--name", help=_("The driver's name.")),
    phone: Optional[str] = typer.Option(None, "--phone", help=_("Phone number.")),
    licence_expiry: Optional[str] = typer.Option(None, "--licence-expiry", help=_("Driving licence expiry: 2028-01-01.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the driver as JSON.")),
) -> None:
    driver = _run(lambda s: s.vehicles.add_driver(name, phone=phone,
                                                  licence_expiry=licence_expiry))
    if as_json:
        emit_json(driver.to_json())
        return
    _say(_("Added driver {name}.").format(name=driver.name))


@driver_app.command("list", help=_("Every driver with phone and licence expiry."))
def driver_list(
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    drivers = _run(lambda s: s.vehicles.drivers())
    if as_json:
        emit_json([d.to_json() for d in drivers])
        return
    if not drivers:
        cli.out.print(_("No drivers."), markup=False)
        return
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for header in (_("Name"), _("Phone"), _("Licence expiry"), _("Active")):
        table.add_column(header, no_wrap=True)
    for d in drivers:
        table.add_row(_t(d.name), _t(d.phone), _t(d.licence_expiry),
                      Text(_("yes") if d.active else _("no")))
    cli.out.print(table)


# -- bookings -----------------------------------------------------------------------------
@app.command(help=_("Book a vehicle; refused (naming the clash, offering what would work) if it clashes. Prints any warnings, then the new booking's id last."))
def book(
    vehicle: str = typer.Option(..., "--vehicle", help=_("The vehicle's plate.")),
    from_: str = typer.Option(..., "--from", help=_("Start: 2026-11-30 09:00, tomorrow 9:00 or fri@9:30.")),
    to: str = typer.Option(..., "--to", help=_("End: 2026-11-30 11:00, tomorrow 11:00 or fri@11:30.")),
    dest: str = typer.Option(..., "--dest", help=_("Destination, e.g. City Hall.")),
    driver: Optional[str] = typer.Option(None, "--driver", help=_("The driver's name.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("The department that asked.")),
    passengers: int = typer.Option(1, "--passengers", help=_("How many people ride.")),
    job: Optional[int] = JobOption(),
    requester: Optional[str] = typer.Option(None, "--requester", help=_("Who asked.")),
    purpose: Optional[str] = typer.Option(None, "--purpose", help=_("What the trip is for.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the booking as JSON.")),
) -> None:
    def call(s):
        request = BookingRequest(
            vehicle, s.vehicles.moment(from_, "--from: "), s.vehicles.moment(to, "--to: "),
            dest, driver=driver, department=dept, requester=requester,
            passengers=passengers, purpose=purpose, job_id=job)
        return s.vehicles.book(request)

    booked = _run(call)
    if as_json:
        emit_json(dict(booked.booking.to_json(), warnings=booked.warnings,
                       job_started=booked.job_started))
        return
    for warning in booked.warnings:
        _say(_("Warning: {text}").format(text=warning))
    if booked.job_started:
        _say(_("Job #{id} started.").format(id=booked.booking.job_id))
    sys.stdout.write(f"{booked.booking.id}\n")


@app.command(help=_("The bookings of a day, earliest first."))
def bookings(
    date_: Optional[str] = typer.Option(None, "--date", help=_("The day: 2026-11-30, tomorrow, fri (default today).")),
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    day = _run(lambda s: s.vehicles.day(date_))
    found = _run(lambda s: s.vehicles.bookings(day))
    if as_json:
        emit_json([b.to_json() for b in found])
        return
    if not found:
        cli.out.print(_("No bookings on {day}.").format(day=day.isoformat()), markup=False)
        return
    cli.out.print(_bookings_table(found, day))


@app.command(help=_("Vehicles free for the whole window with enough seats, best fit first."))
def free(
    from_: str = typer.Option(..., "--from", help=_("Start: 2026-11-30 09:00, tomorrow 9:00 or fri@9:30.")),
    to: str = typer.Option(..., "--to", help=_("End: 2026-11-30 11:00, tomorrow 11:00 or fri@11:30.")),
    passengers: int = typer.Option(1, "--passengers", help=_("How many people ride.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    cars = _run(lambda s: s.vehicles.free(s.vehicles.moment(from_, "--from: "),
                                          s.vehicles.moment(to, "--to: "), passengers))
    if as_json:
        emit_json([v.to_json() for v in cars])
        return
    if not cars:
        cli.out.print(_("No vehicle is free for that window."), markup=False)
        return
    cli.out.print(_vehicles_table(cars))


@app.command(help=_("Booked trips that could take this one along: same day, same destination, within an hour, seats free."))
def share(
    from_: str = typer.Option(..., "--from", help=_("Start: 2026-11-30 09:00, tomorrow 9:00 or fri@9:30.")),
    to: str = typer.Option(..., "--to", help=_("End: 2026-11-30 11:00, tomorrow 11:00 or fri@11:30.")),
    dest: str = typer.Option(..., "--dest", help=_("Destination.")),
    passengers: int = typer.Option(1, "--passengers", help=_("How many people ride.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    found = _run(lambda s: s.vehicles.share(s.vehicles.moment(from_, "--from: "),
                                            s.vehicles.moment(to, "--to: "), dest, passengers))
    if as_json:
        emit_json([b.to_json() for b in found])
        return
    if not found:
        cli.out.print(_("No booked trip can take it; book a car."), markup=False)
        return
    cli.out.print(_bookings_table(found, found[0].start.date()))


@app.command(help=_("Join a booked trip instead of taking another car."))
def join(
    booking: int = BookingId(),
    passengers: int = typer.Option(1, "--passengers", help=_("How many people join.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("Their department.")),
    requester: Optional[str] = typer.Option(None, "--requester", help=_("Who asked.")),
    job: Optional[int] = JobOption(),
) -> None:
    joined = _run(lambda s: s.vehicles.join(booking, passengers=passengers, department=dept,
                                            requester=requester, job_id=job))
    _say(ngettext("#{id} {plate} {span} {destination}: now {n} passenger.",
                  "#{id} {plate} {span} {destination}: now {n} passengers.",
                  joined.passengers).format(
        id=joined.id, plate=joined.vehicle, span=span_text(joined.start, joined.end),
        destination=joined.destination, n=joined.passengers))


@app.command("out", help=_("Mark a trip as out (the car has left); warns when that is far from the booked start."))
def out_booking(booking: int = BookingId()) -> None:
    gone = _run(lambda s: s.vehicles.mark_out(booking))
    for warning in gone.warnings:
        _say(_("Warning: {text}").format(text=warning))
    _say(_("#{id} out: {plate} to {destination}.").format(
        id=gone.id, plate=gone.vehicle, destination=gone.destination))


@app.command("return", help=_("Record a trip's return: odometer (required), fuel and cost."))
def return_booking(
    booking: int = BookingId(),
    odometer: Optional[int] = typer.Option(None, "--odometer", help=_("Odometer reading on return, km (required).")),
    fuel: Optional[float] = typer.Option(None, "--fuel", help=_("Fuel bought, litres.")),
    cost: Optional[float] = typer.Option(None, "--cost", help=_("Cost of the trip (fuel, tolls, parking).")),
) -> None:
    if odometer is None:
        fail(_("Give the odometer reading with --odometer."))
    back = _run(lambda s: s.vehicles.mark_returned(booking, odometer=odometer, fuel=fuel,
                                                   cost=cost))
    for warning in back.warnings:
        _say(_("Warning: {text}").format(text=warning))
    _say(_("#{id} returned; {plate} odometer {km} km.").format(
        id=back.id, plate=back.vehicle, km=back.odometer))


@app.command(help=_("Service, insurance and inspection falling due, odometers past the service km, licences running out."))
def reminders(
    days: Optional[int] = typer.Option(None, "--days", help=_("Look this many days ahead (default 14).")),
    save: bool = typer.Option(False, "--save", help=_("Keep --days as the default.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    if save:
        if days is None:
            fail(_("Give --days with --save."))
        _run(lambda s: s.vehicles.configure(reminder_days=days))
    found = _run(lambda s: s.vehicles.reminders(days=days))
    if as_json:
        emit_json([r.to_json() for r in found])
        return
    if not found:
        cli.out.print(_("Nothing falls due."), markup=False)
        return
    for note in found:
        cli.out.print(Text(printable(note.text), style="red" if note.overdue else "yellow"))


# -- tables -------------------------------------------------------------------------------
def _vehicles_table(vehicles: list[Vehicle]) -> Table:
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for header in (_("Plate"), _("Name"), _("Seats"), _("Status")):
        table.add_column(header, no_wrap=True, overflow="ellipsis")
    for v in vehicles:
        table.add_row(_t(v.plate), _t(v.name), Text(str(v.seats)),
                      Text(vehicle_status_label(v.status)))
    return table


def _bookings_table(found: list[Booking], day: date) -> Table:
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for header, right in ((_("ID"), True), (_("Vehicle"), False), (_("When"), False),
                          (_("Destination"), False), (_("Driver"), False), (_("Dept"), False),
                          (_("Pax"), True), (_("Status"), False)):
        table.add_column(header, no_wrap=True, overflow="ellipsis",
                         justify="right" if right else "left")
    for b in found:
        table.add_row(Text(str(b.id)), _t(b.vehicle), Text(span_text(b.start, b.end, day)),
                      _t(b.destination), _t(b.driver), _t(b.department),
                      Text(f"{b.passengers}/{b.seats}"), Text(booking_status_label(b.status)))
    return table
