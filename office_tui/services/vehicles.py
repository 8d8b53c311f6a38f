"""Vehicle roster verbs: cars, drivers, bookings that never clash, shared trips (一车前往),
going out and coming back, maintenance, and the reminders the Today queue can show.

Each change is one write transaction with its event; the rules are judged inside that
transaction (core.vehicles.assess), so two clerks cannot book one car at once. A refusal
raises OfficeError naming the clash and offering what would work, and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from office_tui.core.dates import DateParseError, day_from, parse_moment
from office_tui.core.job import to_iso
from office_tui.core.text import storable
from office_tui.core.types import Row
from office_tui.core.vehicles import (
    MAX_PASSENGERS, MAX_SEATS, VEHICLE_STATUSES, Assessment, Booking, BookingRequest, Driver,
    Reminder, Vehicle, VehicleSettings, assess, best_fit, empty_destination, format_moment,
    name_key, normalise_destination, plate_key, reminders, share_offers, suggest_destination,
    trip_timing_warnings,
)
from office_tui.core.vocab import (
    CLOSED_STATUSES, booking_status_label, count_seats_free, status_label, vehicle_status_label,
)
from office_tui.i18n import _, ngettext
from office_tui.services.errors import OfficeError
from office_tui.store import events, write
from office_tui.store import jobs as jobs_store
from office_tui.store import settings as settings_store
from office_tui.store import vehicles as store

if TYPE_CHECKING:
    from collections.abc import Callable

    from office_tui.core.job import Job
    from office_tui.store.database import Database

    from office_tui.services.context import Context
    from office_tui.services.jobs import JobService

REMINDER_DAYS_KEY = "vehicles.reminder_days"
LICENCE_DAYS_KEY = "vehicles.licence_days"
MAX_ODOMETER = 10_000_000


@dataclass
class Booked:
    booking: Booking
    warnings: list[str] = field(default_factory=list)
    job_started: bool = False


@dataclass
class StatusChange:
    vehicle: Vehicle
    stranded: list[Booking] = field(default_factory=list)  # booked trips it can no longer make


@dataclass
class DayPlan:
    """What the timeline draws: the cars (not retired), the day's bookings, reminders."""

    day: date
    vehicles: list[Vehicle]
    bookings: list[Booking]
    reminders: list[Reminder]
    settings: VehicleSettings


class VehicleService:
    def __init__(self, ctx: Context, *, jobs: Callable[[], JobService]) -> None:
        self.ctx = ctx
        self._jobs = jobs  # a booking for a job starts it; the module loads only then

    # -- settings -----------------------------------------------------------------------
    def settings(self) -> VehicleSettings:
        db = self.ctx.db
        values = {}
        for key, name in ((REMINDER_DAYS_KEY, "reminder_days"),
                          (LICENCE_DAYS_KEY, "licence_days")):
            stored = settings_store.get(db, key)
            if stored is not None and stored.lstrip("-").isdigit():
                values[name] = int(stored)
        return VehicleSettings(**values)

    def configure(self, *, reminder_days: int | None = None,
                  licence_days: int | None = None) -> VehicleSettings:
        """Change how far ahead reminders look (kept in the settings table)."""
        for value in (reminder_days, licence_days):
            if value is not None and not 0 <= value <= 3650:
                raise OfficeError(_("Days ahead must be between 0 and 3650."))
        db = self.ctx.db
        with write(db):
            before = self.settings()
            if reminder_days is not None:
                settings_store.put(db, REMINDER_DAYS_KEY, str(reminder_days))
            if licence_days is not None:
                settings_store.put(db, LICENCE_DAYS_KEY, str(licence_days))
            after = self.settings()
            events.record(db, ts=to_iso(self.ctx.now()), action="configure",
                          entity="settings", entity_id=None,
                          before={"reminder_days": before.reminder_days,
                                  "licence_days": before.licence_days},
                          after={"reminder_days": after.reminder_days,
                                 "licence_days": after.licence_days})
        return after

    # -- parsing for the CLI and the forms ------------------------------------------------
    def moment(self, text: str, what: str = "") -> datetime:
        """A moment in the quick-add's words (core.dates.parse_moment): 明天 15:00,
        tomorrow 9:00, 2026-11-30 09:00, fri@9:30. `what` prefixes the refusal."""
        try:
            return parse_moment(text, self.ctx.now(), self.ctx.calendar)
        except DateParseError as exc:
            if isinstance(exc, OfficeError):  # already a message for a person
                raise
            raise OfficeError(what + _("'{text}' is not a date and time: write it like "
                                       "2026-11-30 09:00, tomorrow 15:00 or fri@9:30.").format(
                text=text)) from None

    def day(self, text: str | None) -> date:
        if not text:
            return self.ctx.now().date()
        return day_from(text, self.ctx.now().date())

    def _date_field(self, value: str | date | None, what: str) -> str | None:
        if value is None or value == "":
            return None
        if isinstance(value, date):
            return value.isoformat()
        return day_from(value, self.ctx.now().date(), what).isoformat()

    # -- vehicles ------------------------------------------------------------------------
    def vehicles(self, *, include_retired: bool = True) -> list[Vehicle]:
        return [Vehicle.from_row(r) for r in store.vehicles(
            self.ctx.db, include_retired=include_retired)]

    def vehicle(self, plate: str) -> Vehicle:
        return Vehicle.from_row(self._vehicle_row(self.ctx.db, plate))

    def _vehicle_row(self, db: Database, plate: str) -> Row:
        row = store.find_vehicle(db, plate_key(plate)) if plate_key(plate) else None
        if row is None:
            raise OfficeError(_("No vehicle with plate '{plate}'.").format(plate=plate))
        return row

    def add_vehicle(
        self,
        plate: str,
        name: str,
        seats: int,
        *,
        odometer: int = 0,
        next_service_date: str | date | None = None,
        next_service_km: int | None = None,
        insurance_due: str | date | None = None,
        inspection_due: str | date | None = None,
        status: str = "active",
    ) -> Vehicle:
        plate = _required(plate, _("Give the vehicle's plate."))
        name = _required(name, _("Give the vehicle's name or model."))
        key = plate_key(plate)
        if not key:
            raise OfficeError(_("The plate '{plate}' has no letters or digits.").format(
                plate=plate))
        _seats(seats)
        _non_negative(odometer, _("The odometer"), MAX_ODOMETER)
        if next_service_km is not None:
            _non_negative(next_service_km, _("The next service km"), MAX_ODOMETER)
        if status not in VEHICLE_STATUSES:
            raise OfficeError(_("Unknown vehicle status '{status}'. Use one of: {choices}."
                                ).format(status=status, choices=", ".join(VEHICLE_STATUSES)))
        now = to_iso(self.ctx.now())
        row: Row = {
            "plate": plate, "plate_key": key, "name": name, "seats": seats, "status": status,
            "odometer": odometer,
            "next_service_date": self._date_field(next_service_date, _("Next service date")),
            "next_service_km": next_service_km,
            "insurance_due": self._date_field(insurance_due, _("Insurance due")),
            "inspection_due": self._date_field(inspection_due, _("Inspection due")),
            "created": now, "updated": now,
        }
        db = self.ctx.db
        with write(db):
            existing = store.find_vehicle(db, key)
            if existing is not None:
                raise OfficeError(_("A vehicle with plate '{plate}' already exists ({name})."
                                    ).format(plate=existing["plate"], name=existing["name"]))
            vehicle_id = store.insert_vehicle(db, row)
            saved = store.get_vehicle(db, vehicle_id)
            events.record(db, ts=now, action="add", entity="vehicle", entity_id=vehicle_id,
                          before=None, after=saved)
        return Vehicle.from_row(saved)

    def update_vehicle(self, plate: str, **changes: Any) -> Vehicle:
        """Change a car's details: name, seats, odometer, next service date/km,
        insurance and inspection dates (None leaves a field as it is)."""
        allowed = {"name", "seats", "odometer", "next_service_date", "next_service_km",
                   "insurance_due", "inspection_due"}
        unknown = set(changes) - allowed
        if unknown:
            raise OfficeError(_("Unknown vehicle field: {names}.").format(
                names=", ".join(sorted(unknown))))
        clean: Row = {}
        for key, value in changes.items():
            if value is None:
                continue
            if key == "name":
                clean[key] = _required(value, _("Give the vehicle's name or model."))
            elif key == "seats":
                clean[key] = _seats(value)
            elif key in ("odometer", "next_service_km"):
                clean[key] = _non_negative(value, key, MAX_ODOMETER)
            else:
                clean[key] = self._date_field(value, key)
        return self._change_vehicle(plate, "update", lambda row: row.update(clean))

    def set_status(self, plate: str, status: str) -> StatusChange:
        status = (status or "").strip().lower()
        if status not in VEHICLE_STATUSES:
            raise OfficeError(_("Unknown vehicle status '{status}'. Use one of: {choices}."
                                ).format(status=status, choices=", ".join(VEHICLE_STATUSES)))

        def apply(row: Row) -> None:
            if row["status"] == status:
                raise OfficeError(_("{plate} is already {status}.").format(
                    plate=row["plate"], status=vehicle_status_label(status)))
            row["status"] = status

        vehicle = self._change_vehicle(plate, "status", apply)
        stranded: list[Booking] = []
        if status != "active":
            stranded = [Booking.from_row(r) for r in store.upcoming_for_vehicle(
                self.ctx.db, vehicle.id, to_iso(self.ctx.now()))]
        return StatusChange(vehicle, stranded)

    def toggle_maintenance(self, plate: str) -> StatusChange:
        vehicle = self.vehicle(plate)
        if vehicle.status == "retired":
            raise OfficeError(_("{plate} is retired; set its status from the command line "
                                "to bring it back.").format(plate=vehicle.plate))
        return self.set_status(plate, "active" if vehicle.status == "maintenance"
                               else "maintenance")

    def _change_vehicle(self, plate: str, action: str, apply) -> Vehicle:
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            before = self._vehicle_row(db, plate)
            after = dict(before)
            apply(after)
            after["updated"] = now
            store.replace_vehicle(db, after)
            events.record(db, ts=now, action=action, entity="vehicle", entity_id=before["id"],
                          before=before, after=after)
        return Vehicle.from_row(after)

    # -- drivers -------------------------------------------------------------------------
    def drivers(self) -> list[Driver]:
        return [Driver.from_row(r) for r in store.drivers(self.ctx.db)]

    def driver(self, name: str) -> Driver:
        return Driver.from_row(self._driver_row(self.ctx.db, name))

    def _driver_row(self, db: Database, name: str) -> Row:
        row = store.find_driver(db, name_key(name)) if name_key(name) else None
        if row is None:
            raise OfficeError(_("No driver named '{name}'.").format(name=name))
        return row

    def add_driver(self, name: str, *, phone: str | None = None,
                   licence_expiry: str | date | None = None) -> Driver:
        name = _required(name, _("Give the driver's name."))
        storable(phone)
        now = to_iso(self.ctx.now())
        row: Row = {
            "name": name, "name_key": name_key(name), "phone": phone or None,
            "licence_expiry": self._date_field(licence_expiry, _("Licence expiry")),
            "active": 1, "created": now, "updated": now,
        }
        db = self.ctx.db
        with write(db):
            if store.find_driver(db, row["name_key"]) is not None:
                raise OfficeError(_("A driver named '{name}' already exists.").format(name=name))
            if store.find_contact_key(db, row["name_key"]):
                raise OfficeError(_("'{name}' is already a contact: make them a driver with "
                                    "contact edit '{name}' --role driver.").format(name=name))
            driver_id = store.insert_driver(db, row)
            saved = store.get_driver(db, driver_id)
            events.record(db, ts=now, action="add", entity="driver", entity_id=driver_id,
                          before=None, after=saved)
        return Driver.from_row(saved)

    # -- judging and booking -------------------------------------------------------------
    def assess(self, request: BookingRequest, *, exclude_id: int | None = None) -> Assessment:
        """What the rules say about a request, without writing: the form calls this live."""
        return self._assess(self.ctx.db, request, exclude_id=exclude_id)

    def _assess(self, db: Database, request: BookingRequest, *,
                exclude_id: int | None = None) -> Assessment:
        vehicle_row = store.find_vehicle(db, plate_key(request.vehicle)) \
            if plate_key(request.vehicle) else None
        driver_row = None
        if request.driver and request.driver.strip():
            driver_row = store.find_driver(db, name_key(request.driver))
        day = request.start.date()
        window_start = min(request.start, datetime.combine(day, time(0)))
        window_end = max(request.end, datetime.combine(day + timedelta(days=1), time(0)))
        bookings = [Booking.from_row(r) for r in store.bookings_between(
            db, to_iso(window_start), to_iso(window_end))]
        result = assess(
            request,
            vehicle=Vehicle.from_row(vehicle_row) if vehicle_row else None,
            driver=Driver.from_row(driver_row) if driver_row else None,
            vehicles=[Vehicle.from_row(r) for r in store.vehicles(db)],
            drivers=[Driver.from_row(r) for r in store.drivers(db)],
            bookings=bookings, settings=self.settings(), exclude_id=exclude_id,
        )
        if request.driver and request.driver.strip() and driver_row is None:
            result.driver_refused = True
            result.problems.append(_("No driver named '{name}'.").format(name=request.driver))
        return result

    def book(self, request: BookingRequest) -> Booked:
        """Book a car. A linked job (request.job_id) is started in the same transaction."""
        for text in (request.vehicle, request.destination, request.driver,
                     request.department, request.requester, request.purpose):
            storable(text)
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            job = self._open_job(request.job_id)
            result = self._assess(db, request)
            if not result.ok:
                raise OfficeError(result.refusal())
            vehicle = result.vehicle
            assert vehicle is not None
            driver_row = store.find_driver(db, name_key(request.driver)) \
                if request.driver and request.driver.strip() else None
            row: Row = {
                "vehicle_id": vehicle.id,
                "driver_id": driver_row["id"] if driver_row else None,
                "start_at": to_iso(request.start), "end_at": to_iso(request.end),
                "destination": request.destination,
                "destination_key": normalise_destination(request.destination),
                "department": request.department or None,
                "requester": request.requester or None,
                "passengers": request.passengers, "purpose": request.purpose or None,
                "job_id": request.job_id, "status": "booked", "created": now, "updated": now,
            }
            booking_id = store.insert_booking(db, row)
            if request.department:
                jobs_store.add_department(db, request.department)
            events.record(db, ts=now, action="book", entity="booking", entity_id=booking_id,
                          before=None, after=store.get_booking_row(db, booking_id))
            started = self._start_job(job)
        return Booked(self.booking(booking_id), result.warnings, started)

    def join(self, booking_id: int, *, passengers: int = 1, department: str | None = None,
             requester: str | None = None, job_id: int | None = None) -> Booking:
        """一车前往: ride along on a booked trip instead of taking another car."""
        for text in (department, requester):
            storable(text)
        if not 1 <= passengers <= MAX_PASSENGERS:
            raise OfficeError(_("Joining passengers must be between 1 and {n}.").format(
                n=MAX_PASSENGERS))
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            job = self._open_job(job_id)
            before = self._booking_row(db, booking_id)
            joined = Booking.from_row(store.get_booking(db, booking_id))
            if joined.status != "booked":
                raise OfficeError(_("Booking #{id} is {status}; only a booked trip can be "
                                    "joined.").format(id=booking_id,
                                                      status=booking_status_label(joined.status)))
            if joined.vehicle_status != "active":
                raise OfficeError(_("{plate} is {status}; its trips cannot take more people."
                                    ).format(plate=joined.vehicle,
                                             status=vehicle_status_label(joined.vehicle_status)))
            if passengers > joined.seats_free:
                raise OfficeError(ngettext(
                    "Booking #{id} has {free}; {n} passenger does not fit.",
                    "Booking #{id} has {free}; {n} passengers do not fit.", passengers).format(
                    id=booking_id, free=count_seats_free(joined.seats_free), n=passengers))
            after = dict(before)
            after["passengers"] = before["passengers"] + passengers
            after["department"] = _add_department(before["department"], department)
            after["updated"] = now
            store.replace_booking(db, after)
            rider = {"booking_id": booking_id, "department": department or None,
                     "requester": requester or None, "passengers": passengers,
                     "job_id": job_id, "created": now}
            rider["id"] = store.insert_rider(db, rider)
            # Its own event, so undoing the join also takes the rider off the trip.
            events.record(db, ts=now, action="join", entity="rider", entity_id=rider["id"],
                          before=None, after=rider)
            if department:
                jobs_store.add_department(db, department)
            events.record(db, ts=now, action="join", entity="booking", entity_id=booking_id,
                          before=before, after=after)
            self._start_job(job)
        return self.booking(booking_id)

    def mark_out(self, booking_id: int) -> Booking:
        now = to_iso(self.ctx.now())

        def apply(row: Row, booking: Booking) -> None:
            if booking.status != "booked":
                raise OfficeError(_("Booking #{id} is {status}; only a booked trip can go out."
                                    ).format(id=booking_id,
                                             status=booking_status_label(booking.status)))
            if booking.vehicle_status != "active":
                raise OfficeError(_("{plate} is {status}; it cannot go out.").format(
                    plate=booking.vehicle, status=vehicle_status_label(booking.vehicle_status)))
            row["status"] = "out"
            row["out_at"] = now

        booking = self._change_booking(booking_id, "out", apply)
        return replace(booking, warnings=tuple(trip_timing_warnings(
            booking, out_at=self.ctx.now())))

    def mark_returned(self, booking_id: int, *, odometer: int, fuel: float | None = None,
                      cost: float | None = None) -> Booking:
        """Back from the trip: the odometer reading (km) is required; fuel litres and cost
        are optional. The car's odometer moves to the reading."""
        _non_negative(odometer, _("The odometer"), MAX_ODOMETER)
        for value, what in ((fuel, _("Fuel")), (cost, _("Cost"))):
            if value is not None and not 0 <= value <= 1_000_000:
                raise OfficeError(_("{what} must be between 0 and 1000000.").format(what=what))
        now = to_iso(self.ctx.now())
        db = self.ctx.db

        def apply(row: Row, booking: Booking) -> None:
            if booking.status not in ("booked", "out"):
                raise OfficeError(_("Booking #{id} is {status}; only a trip that is booked or "
                                    "out can be returned.").format(
                    id=booking_id, status=booking_status_label(booking.status)))
            car = store.get_vehicle(db, booking.vehicle_id)
            if odometer < car["odometer"]:
                raise OfficeError(_("The odometer reading {km} km is below {plate}'s last "
                                    "reading of {last} km.").format(
                    km=odometer, plate=car["plate"], last=car["odometer"]))
            row.update(status="returned", returned_at=now, return_odometer=odometer,
                       fuel_litres=fuel, cost=cost)
            row["out_at"] = row["out_at"] or now
            if odometer != car["odometer"]:
                moved = dict(car, odometer=odometer, updated=now)
                store.replace_vehicle(db, moved)
                events.record(db, ts=now, action="odometer", entity="vehicle",
                              entity_id=car["id"], before=car, after=moved)

        booking = self._change_booking(booking_id, "return", apply)
        # Said once: a trip marked out far from its start was already warned about.
        return replace(booking, warnings=tuple(trip_timing_warnings(
            booking, returned_at=self.ctx.now())))

    def cancel(self, booking_id: int, reason: str) -> Booking:
        reason = _required(reason, _("Give the reason for cancelling the booking."))

        def apply(row: Row, booking: Booking) -> None:
            if booking.status != "booked":
                raise OfficeError(_("Booking #{id} is {status}; only a booked trip can be "
                                    "cancelled.").format(
                    id=booking_id, status=booking_status_label(booking.status)))
            row["status"] = "cancelled"
            row["cancel_reason"] = reason

        return self._change_booking(booking_id, "cancel", apply)

    def _change_booking(self, booking_id: int, action: str, apply) -> Booking:
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            before = self._booking_row(db, booking_id)
            after = dict(before)
            apply(after, Booking.from_row(store.get_booking(db, booking_id)))
            after["updated"] = now
            store.replace_booking(db, after)
            events.record(db, ts=now, action=action, entity="booking", entity_id=booking_id,
                          before=before, after=after)
        return self.booking(booking_id)

    def _booking_row(self, db: Database, booking_id: int) -> Row:
        row = store.get_booking_row(db, booking_id)
        if row is None:
            raise OfficeError(_("No booking #{id}.").format(id=booking_id))
        return row

    def _open_job(self, job_id: int | None) -> Job | None:
        if job_id is None:
            return None
        job = self._jobs().get(job_id)  # "No job #N." when there is none
        if job.status in CLOSED_STATUSES:
            raise OfficeError(_("Job #{id} is closed ({status}); a booking cannot be linked "
                                "to it.").format(id=job_id, status=status_label(job.status)))
        return job

    def _start_job(self, job: Job | None) -> bool:
        if job is None or job.status == "in_progress":
            return False
        self._jobs().start(job.id)  # nested write: a savepoint in this transaction
        return True

    # -- reading -------------------------------------------------------------------------
    def suggest_destination(self, job_id: int) -> str | None:
        """Where a trip for job `job_id` goes, for the booking form to prefill: the job's
        location, or a destination already travelled to that its title names (送领导去
        市政府开会 → 市政府); None when neither says."""
        job = self._jobs().get(job_id)
        return suggest_destination(job.title, job.location,
                                   store.recent_destinations(self.ctx.db))

    def booking(self, booking_id: int) -> Booking:
        row = store.get_booking(self.ctx.db, booking_id)
        if row is None:
            raise OfficeError(_("No booking #{id}.").format(id=booking_id))
        booking = Booking.from_row(row)
        booking.riders = store.riders(self.ctx.db, [booking_id]).get(booking_id, [])
        return booking

    def history(self, booking_id: int) -> list[Row]:
        self.booking(booking_id)
        return events.for_entity(self.ctx.db, "booking", booking_id)

    def bookings(self, day: date | None = None, *, include_cancelled: bool = False
                 ) -> list[Booking]:
        """The bookings that touch a day (default today), earliest first."""
        day = day or self.ctx.now().date()
        start = datetime.combine(day, time(0))
        rows = store.bookings_between(self.ctx.db, to_iso(start),
                                      to_iso(start + timedelta(days=1)),
                                      include_cancelled=include_cancelled)
        return [Booking.from_row(r) for r in rows]

    def bookings_between(self, start: datetime, end: datetime) -> list[Booking]:
        return [Booking.from_row(r) for r in store.bookings_between(
            self.ctx.db, to_iso(start), to_iso(end))]

    def bookings_for_job(self, job_id: int) -> list[Booking]:
        return [Booking.from_row(r) for r in store.bookings_for_job(self.ctx.db, job_id)]

    def day_plan(self, day: date | None = None) -> DayPlan:
        day = day or self.ctx.now().date()
        return DayPlan(day, self.vehicles(include_retired=False), self.bookings(day),
                       self.reminders(), self.settings())

    def free(self, start: datetime, end: datetime, passengers: int = 1) -> list[Vehicle]:
        """Cars free for the whole window with enough seats, smallest that fits first."""
        _window(start, end)
        _passengers(passengers)
        return best_fit(self.vehicles(), self.bookings_between(start, end), start, end,
                        passengers)

    def share(self, start: datetime, end: datetime, destination: str, passengers: int = 1
              ) -> list[Booking]:
        """Booked trips that could take this one along (一车前往)."""
        _window(start, end)
        _passengers(passengers)
        if not normalise_destination(destination):
            raise OfficeError(empty_destination())
        day = datetime.combine(start.date(), time(0))
        pool = self.bookings_between(day, max(end, day + timedelta(days=1)))
        return share_offers(pool, destination, start, end, passengers,
                            window=self.settings().share_window)

    def reminders(self, today: date | None = None, *, days: int | None = None
                  ) -> list[Reminder]:
        """Service / insurance / inspection due within `days` (default: the setting, 14),
        odometer past the next-service km, licences expiring within 30 days. The Today
        queue shows these."""
        settings = self.settings()
        if days is not None:
            if not 0 <= days <= 3650:
                raise OfficeError(_("Days ahead must be between 0 and 3650."))
            settings = VehicleSettings(reminder_days=days,
                                       licence_days=max(settings.licence_days, days))
        return reminders(self.vehicles(), self.drivers(), today or self.ctx.now().date(),
                         settings)


# -- checks ------------------------------------------------------------------------------
def _required(value: str | None, message: str) -> str:
    if value is None or not value.strip():
        raise OfficeError(message)
    return storable(value) or ""


def _seats(value: int) -> int:
    if not isinstance(value, int) or not 1 <= value <= MAX_SEATS:
        raise OfficeError(_("Seats must be a whole number from 1 to {n}.").format(n=MAX_SEATS))
    return value


def _non_negative(value: int, what: str, most: int) -> int:
    if not isinstance(value, int) or not 0 <= value <= most:
        raise OfficeError(_("{what} must be a whole number from 0 to {n}.").format(
            what=what, n=most))
    return value


def _passengers(value: int) -> int:
    if not isinstance(value, int) or not 0 <= value <= MAX_PASSENGERS:
        raise OfficeError(_("Passengers must be between 0 and {n}.").format(n=MAX_PASSENGERS))
    return value


def _window(start: datetime, end: datetime) -> None:
    if not end > start:
        raise OfficeError(_("The end {end} is not after the start {start}.").format(
            end=format_moment(end), start=format_moment(start)))


def _add_department(current: str | None, joining: str | None) -> str | None:
    if not joining:
        return current
    if not current:
        return joining
    parts = current.split("、")
    return current if joining in parts else f"{current}、{joining}"
