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


# -- the service and cost log ---------------------------------------------------------------
@vehicle_app.command("service", help=_("Record a service; the car's next service date and km "
                                       "move by its intervals."))
def vehicle_service(
    plate: str = typer.Argument(..., help=_("The vehicle's plate.")),
    date_: str = typer.Option(..., "--date", help=_("The day of the service: 2026-11-20, today.")),
    km: int = typer.Option(..., "--km", help=_("The odometer at the service, km.")),
    work: str = typer.Option(..., "--work", help=_("What was done, e.g. oil and filter change.")),
    cost: str = typer.Option(..., "--cost", help=_("What it cost, e.g. 680 or 1260.50.")),
    garage: Optional[str] = typer.Option(None, "--garage", help=_("Where it was done.")),
    next_km: Optional[int] = typer.Option(None, "--next-km", help=_("The next service at this km.")),
    every_km: Optional[int] = typer.Option(None, "--every-km", help=_("Service every this many km (kept for the car).")),
    next_date: Optional[str] = typer.Option(None, "--next-date", help=_("The next service on this day.")),
    every_months: Optional[int] = typer.Option(None, "--every-months", help=_("Service every this many months (kept for the car).")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the entry and the car as JSON.")),
) -> None:
    entry, car = _run(lambda s: s.car_log.service(
        plate, day=date_, km=km, work=work, cost=cost, garage=garage, next_km=next_km,
        every_km=every_km, next_date=next_date, every_months=every_months))
    if as_json:
        emit_json({"entry": entry.to_json(),
                   "next_service_date": car.get("next_service_date"),
                   "next_service_km": car.get("next_service_km")})
        return
    _say(_("{plate}: service on {day} recorded ({cost}). Next service: {when}.").format(
        plate=entry.plate, day=entry.day.isoformat(), cost=entry.cost,
        when=_next_service(car)))


def _next_service(car: dict) -> str:
    parts = []
    if car.get("next_service_date"):
        parts.append(car["next_service_date"])
    if car.get("next_service_km"):
        parts.append(_("{km} km").format(km=car["next_service_km"]))
    return _(" or ").join(parts) if parts else _("not set")


@vehicle_app.command("renew", help=_("Record an insurance or annual inspection renewal."))
def vehicle_renew(
    plate: str = typer.Argument(..., help=_("The vehicle's plate.")),
    what: str = typer.Argument(..., help=_("insurance or inspection.")),
    until: str = typer.Option(..., "--until", help=_("Valid until this day.")),
    cost: str = typer.Option(..., "--cost", help=_("What it cost.")),
    date_: Optional[str] = typer.Option(None, "--date", help=_("The day renewed (default today).")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the entry as JSON.")),
) -> None:
    entry, _car = _run(lambda s: s.car_log.renew(plate, what, until=until, cost=cost,
                                                  day=date_))
    if as_json:
        emit_json(entry.to_json())
        return
    label = _("insurance") if entry.kind == "insurance" else _("inspection")
    _say(_("{plate}: {what} renewed until {until} ({cost}).").format(
        plate=entry.plate, what=label, until=entry.until.isoformat(), cost=entry.cost))


@vehicle_app.command("services", help=_("A car's services and renewals, newest first."))
def vehicle_services(
    plate: str = typer.Argument(..., help=_("The vehicle's plate.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    found = _run(lambda s: s.car_log.entries(plate))
    if as_json:
        emit_json([e.to_json() for e in found])
        return
    if not found:
        _say(_("No services recorded. Record one with: office-tui vehicle service PLATE "
               "--date D --km KM --work W --cost C"))
        return
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for header in (_("Date"), _("Kind"), _("km"), _("Work"), _("Cost"), _("Garage")):
        table.add_column(header, overflow="fold")
    kinds = {"service": _("service"), "insurance": _("insurance"),
             "inspection": _("inspection")}
    for e in found:
        work = e.work or (_("until {day}").format(day=e.until.isoformat()) if e.until else "")
        table.add_row(e.day.isoformat(), kinds.get(e.kind, e.kind),
                      str(e.km) if e.km is not None else "", _t(work), str(e.cost),
                      _t(e.garage or ""))
    cli.out.print(table)


@vehicle_app.command("costs", help=_("Per car: km driven, trip, service, insurance and "
                                     "inspection costs, and the cost per km."))
def vehicle_costs(
    plate: Optional[str] = typer.Argument(None, help=_("One car (default every car).")),
    from_: Optional[str] = typer.Option(None, "--from", help=_("The first day (default a year back).")),
    to: Optional[str] = typer.Option(None, "--to", help=_("The last day (default today).")),
    as_json: bool = typer.Option(False, "--json", help=_("Print as JSON.")),
) -> None:
    first, last, rows = _run(lambda s: s.car_log.costs(plate, start=from_, end=to))
    if as_json:
        emit_json({"from": first.isoformat(), "to": last.isoformat(),
                   "cars": [r.to_json() for r in rows]})
        return
    _say(_("Car costs {start} – {end}").format(start=first.isoformat(), end=last.isoformat()))
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    # Translators: the trips' own costs (fuel, tolls, parking), as a short column heading
    for header in (_("Vehicle"), _("km"), _("Fuel"), _("Service"),
                   _("Insurance"), _("Inspection"), _("Total"), _("Per km")):
        table.add_column(header, justify="left" if header == _("Vehicle") else "right")
    for r in rows:
        table.add_row(_t(r.plate), str(r.km), f"{r.fuel:.2f}",
                      f"{r.service:.2f}", f"{r.insurance:.2f}", f"{r.inspection:.2f}",
                      f"{r.total:.2f}", "—" if r.per_km is None else f"{r.per_km:.2f}")
    cli.out.print(table)
