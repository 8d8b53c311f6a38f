"""The vehicle roster's rules, pure: overlaps, clashes, best fit, free slots, shared trips
(一车前往), reminders and trip warnings. No I/O; `today`/`now` come in as arguments.

Times are naive local datetimes. A booking holds its car over [start, end): two bookings
clash when each starts before the other ends, so back-to-back trips (one ends 11:00, the
next starts 11:00) are fine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from office_tui.core.dates import DateRangeError, day_in_range
from office_tui.core.vocab import count_seats, count_seats_free
from office_tui.i18n import _, ngettext

VEHICLE_STATUSES = ("active", "maintenance", "retired")
BOOKING_STATUSES = ("booked", "out", "returned", "cancelled")
# Statuses that hold the car (and the driver) for the booking's window.
BLOCKING_STATUSES = ("booked", "out")
MAX_SEATS = 99
MAX_PASSENGERS = 999
MOMENT_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class VehicleSettings:
    reminder_days: int = 14  # service / insurance / inspection due within this many days
    licence_days: int = 30  # a driving licence expiring within this many days
    share_window: timedelta = timedelta(hours=1)  # trips this close may share one car
    day_start: time = time(7, 0)  # the roster's day, as drawn and searched for free slots
    day_end: time = time(20, 0)


def empty_destination() -> str:
    return _("Say where the trip goes (the destination is empty).")


# -- text keys ---------------------------------------------------------------------------
_SPACES = re.compile(r"\s+")
_PLATE_NOISE = re.compile(r"[\s·•.\-_]+")


def normalise_destination(text: str | None) -> str:
    """The key two destinations are compared by: full-width folded to half-width (NFKC),
    case folded, trimmed, and with no inner spaces ("市 政府", "市政府 ", "ＣＩＴＹ Hall"
    and "cityhall" all match their own kind)."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SPACES.sub("", folded)


def plate_key(text: str | None) -> str:
    """Plates compare without case, width, spaces or separators: 京A·12345 = 京a12345."""
    if not text:
        return ""
    return _PLATE_NOISE.sub("", unicodedata.normalize("NFKC", text).casefold())


def name_key(text: str | None) -> str:
    """Driver names compare without case, width or surrounding/doubled spaces."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


# -- moments -------------------------------------------------------------------------------
_MOMENT = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+|\s*@\s*)(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_CLOCK = re.compile(r"^(\d{1,2})[:：](\d{2})$")


def parse_moment(text: str) -> datetime:
    """`YYYY-MM-DD HH:MM` (also with a T, or full-width digits and colon)."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    found = _MOMENT.match(value)
    if not found:
        raise ValueError(_("'{text}' is not a date and time like 2026-11-27 09:00").format(
            text=text))
    y, m, d, hh, mm, ss = found.groups()
    try:
        return datetime.combine(day_in_range(int(y), int(m), int(d)),
                                time(int(hh), int(mm), int(ss or 0)))
    except DateRangeError:
        raise
    except ValueError:
        raise ValueError(_("'{text}' is not a real date and time").format(text=text)) from None


def parse_day(text: str, today: date) -> date:
    """`YYYY-MM-DD`, or today / tomorrow / yesterday (今天 明天 昨天)."""
    value = unicodedata.normalize("NFKC", text or "").strip().casefold()
    words = {"today": 0, "今天": 0, "tomorrow": 1, "明天": 1, "yesterday": -1, "昨天": -1}
    if value in words:
        return today + timedelta(days=words[value])
    found = _DAY.match(value)
    if found:
        try:
            return day_in_range(*(int(g) for g in found.groups()))
        except DateRangeError:
            raise
        except ValueError:
            pass
    raise ValueError(_("'{text}' is not a date like 2026-11-27").format(text=text))


def parse_clock(text: str) -> time:
    value = unicodedata.normalize("NFKC", text or "").strip()
    found = _CLOCK.match(value)
    if found:
        hh, mm = int(found.group(1)), int(found.group(2))
        if hh == 24 and mm == 0:
            return time(23, 59)
        if hh < 24 and mm < 60:
            return time(hh, mm)
    raise ValueError(_("'{text}' is not a time like 09:30").format(text=text))


def format_moment(moment: datetime | None) -> str | None:
    return moment.strftime(MOMENT_FORMAT) if moment else None


def format_day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def span_text(start: datetime, end: datetime, day: date | None = None) -> str:
    """09:00–11:00 on the reference day; with the date when a side falls on another day."""
    day = day or start.date()

    def one(moment: datetime) -> str:
        return moment.strftime("%H:%M") if moment.date() == day else moment.strftime(
            "%m-%d %H:%M")

    return f"{one(start)}–{one(end)}"


# -- records -----------------------------------------------------------------------------
def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass
class Vehicle:
    id: int
    plate: str
    name: str
    seats: int
    status: str = "active"
    odometer: int = 0
    next_service_date: date | None = None
    next_service_km: int | None = None
    insurance_due: date | None = None
    inspection_due: date | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Vehicle:
        return cls(
            id=row["id"], plate=row["plate"], name=row["name"], seats=row["seats"],
            status=row["status"], odometer=row["odometer"] or 0,
            next_service_date=_day(row.get("next_service_date")),
            next_service_km=row.get("next_service_km"),
            insurance_due=_day(row.get("insurance_due")),
            inspection_due=_day(row.get("inspection_due")),
        )

    @property
    def bookable(self) -> bool:
        return self.status == "active"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "plate": self.plate, "name": self.name, "seats": self.seats,
            "status": self.status, "odometer": self.odometer,
            "next_service_date": format_day(self.next_service_date),
            "next_service_km": self.next_service_km,
            "insurance_due": format_day(self.insurance_due),
            "inspection_due": format_day(self.inspection_due),
        }


@dataclass
class Driver:
    id: int
    name: str
    phone: str | None = None
    licence_expiry: date | None = None
    active: bool = True

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Driver:
        return cls(id=row["id"], name=row["name"], phone=row.get("phone"),
                   licence_expiry=_day(row.get("licence_expiry")),
                   active=bool(row.get("active", 1)))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "phone": self.phone,
                "licence_expiry": format_day(self.licence_expiry), "active": self.active}


@dataclass
class Booking:
    id: int
    vehicle_id: int
    vehicle: str  # the plate
    start: datetime
    end: datetime
    destination: str
    passengers: int = 1
    status: str = "booked"
    driver_id: int | None = None
    driver: str | None = None
    department: str | None = None
    requester: str | None = None
    purpose: str | None = None
    job_id: int | None = None
    seats: int = 0  # the car's seats, for the room left on a shared trip
    vehicle_name: str = ""
    vehicle_status: str = "active"
    out_at: datetime | None = None
    returned_at: datetime | None = None
    odometer: int | None = None  # read on return
    fuel: float | None = None  # litres, on return
    cost: float | None = None  # on return
    cancel_reason: str | None = None
    riders: list[dict[str, Any]] = field(default_factory=list)  # who joined (一车前往)
    # Said when the trip was marked out or returned (trip_timing_warnings); not stored.
    warnings: tuple[str, ...] = ()

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Booking:
        return cls(
            id=row["id"], vehicle_id=row["vehicle_id"], vehicle=row.get("plate") or "",
            start=datetime.fromisoformat(row["start_at"]),
            end=datetime.fromisoformat(row["end_at"]),
            destination=row["destination"], passengers=row["passengers"],
            status=row["status"], driver_id=row.get("driver_id"),
            driver=row.get("driver_name"), department=row.get("department"),
            requester=row.get("requester"), purpose=row.get("purpose"),
            job_id=row.get("job_id"), seats=row.get("seats") or 0,
            vehicle_name=row.get("vehicle_name") or "",
            vehicle_status=row.get("vehicle_status") or "active",
            out_at=_moment(row.get("out_at")), returned_at=_moment(row.get("returned_at")),
            odometer=row.get("return_odometer"), fuel=row.get("fuel_litres"),
            cost=row.get("cost"), cancel_reason=row.get("cancel_reason"),
        )

    @property
    def blocking(self) -> bool:
        return self.status in BLOCKING_STATUSES

    @property
    def seats_free(self) -> int:
        return self.seats - self.passengers

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "vehicle": self.vehicle, "driver": self.driver,
            "start": format_moment(self.start), "end": format_moment(self.end),
            "destination": self.destination, "department": self.department,
            "requester": self.requester, "passengers": self.passengers,
            "purpose": self.purpose, "job_id": self.job_id, "status": self.status,
            "seats": self.seats, "out_at": format_moment(self.out_at),
            "returned_at": format_moment(self.returned_at), "odometer": self.odometer,
            "fuel": self.fuel, "cost": self.cost, "cancel_reason": self.cancel_reason,
            "riders": self.riders,
        }


# -- the rules ---------------------------------------------------------------------------
def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Half-open windows: back-to-back is not an overlap."""
    return a_start < b_end and b_start < a_end


def clashes(bookings: Iterable[Booking], start: datetime, end: datetime, *,
            exclude_id: int | None = None) -> list[Booking]:
    """The bookings that hold their car or driver during [start, end), earliest first."""
    found = [b for b in bookings if b.blocking and b.id != exclude_id
             and overlaps(b.start, b.end, start, end)]
    return sorted(found, key=lambda b: (b.start, b.id))


def best_fit(vehicles: Iterable[Vehicle], bookings: Iterable[Booking], start: datetime,
             end: datetime, passengers: int, *, exclude_vehicle_id: int | None = None
             ) -> list[Vehicle]:
    """Cars free for the whole window with enough seats: the smallest that fits first."""
    busy = {b.vehicle_id for b in clashes(bookings, start, end)}
    fits = [v for v in vehicles if v.bookable and v.seats >= passengers
            and v.id not in busy and v.id != exclude_vehicle_id]
    return sorted(fits, key=lambda v: (v.seats, plate_key(v.plate), v.id))


def next_free_slot(busy: Sequence[tuple[datetime, datetime]], start: datetime,
                   end: datetime, settings: VehicleSettings = VehicleSettings()
                   ) -> tuple[datetime, datetime] | None:
    """The first window as long as [start, end) on the same day that touches none of
    `busy`: at or after `start` if there is one, else the earliest earlier in the day.
    The search stays within the roster's day (to 20:00, or to the trip's own end if that
    is later that day)."""
    length = end - start
    if length <= timedelta(0):
        return None
    day = start.date()
    midnight = datetime.combine(day + timedelta(days=1), time(0))
    day_open = datetime.combine(day, settings.day_start)
    limit = max(datetime.combine(day, settings.day_end), min(end, midnight))

    def free(at: datetime) -> bool:
        return at + length <= limit and not any(overlaps(at, at + length, s, e)
                                                for s, e in busy)

    later = [start] + sorted(e for _s, e in busy if start < e <= limit)
    for candidate in later:
        if free(candidate):
            return candidate, candidate + length
    earlier = [day_open] + sorted(e for _s, e in busy if day_open < e < start)
    for candidate in earlier:
        if candidate < start and free(candidate):
            return candidate, candidate + length
    return None


def share_offers(bookings: Iterable[Booking], destination: str, start: datetime,
                 end: datetime, passengers: int, *,
                 window: timedelta = timedelta(hours=1),
                 exclude_id: int | None = None) -> list[Booking]:
    """一车前往: booked trips the same day to the same (normalised) destination whose
    window overlaps the request's or lies within `window` of it, with seats to spare."""
    key = normalise_destination(destination)
    if not key:
        return []
    found = [
        b for b in bookings
        if b.status == "booked" and b.id != exclude_id and b.vehicle_status == "active"
        and b.start.date() == start.date()
        and normalise_destination(b.destination) == key
        and b.start <= end + window and start <= b.end + window
        and b.seats_free >= passengers
    ]
    return sorted(found, key=lambda b: (abs(b.start - start), b.id))


@dataclass(frozen=True)
class Reminder:
    kind: str  # service, service_km, insurance, inspection, licence
    subject: str  # a plate, or a driver's name
    text: str
    due: date | None = None
    days_left: int | None = None
    km_over: int | None = None

    @property
    def overdue(self) -> bool:
        return (self.days_left is not None and self.days_left < 0) or self.km_over is not None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "subject": self.subject, "text": self.text,
                "due": format_day(self.due), "days_left": self.days_left,
                "km_over": self.km_over, "overdue": self.overdue}


def _when(days_left: int, due: date) -> str:
    if days_left < 0:
        return ngettext("{date}, {n} day ago", "{date}, {n} days ago", -days_left).format(
            date=due.isoformat(), n=-days_left)
    if days_left == 0:
        return _("{date}, today").format(date=due.isoformat())
    return ngettext("{date}, in {n} day", "{date}, in {n} days", days_left).format(
        date=due.isoformat(), n=days_left)


def reminders(vehicles: Iterable[Vehicle], drivers: Iterable[Driver], today: date,
              settings: VehicleSettings = VehicleSettings()) -> list[Reminder]:
    """What falls due: service, insurance or inspection within `reminder_days` (or past),
    the odometer at or past the next-service km, a licence within `licence_days`."""
    found: list[Reminder] = []
    for v in vehicles:
        if v.status == "retired":
            continue
        dated = (
            ("service", v.next_service_date, _("{plate}: service due {when}")),
            ("insurance", v.insurance_due, _("{plate}: insurance expires {when}")),
            ("inspection", v.inspection_due, _("{plate}: annual inspection due {when}")),
        )
        for kind, due, text in dated:
            if due is None:
                continue
            left = (due - today).days
            if left <= settings.reminder_days:
                found.append(Reminder(kind, v.plate, text.format(
                    plate=v.plate, when=_when(left, due)), due=due, days_left=left))
        if v.next_service_km is not None and v.odometer >= v.next_service_km:
            over = v.odometer - v.next_service_km
            found.append(Reminder("service_km", v.plate, _(
                "{plate}: odometer {odometer} km has passed the next service at {km} km"
            ).format(plate=v.plate, odometer=v.odometer, km=v.next_service_km), km_over=over))
    for d in drivers:
        if not d.active or d.licence_expiry is None:
            continue
        left = (d.licence_expiry - today).days
        if left <= settings.licence_days:
            text = (_("{name}: driving licence expired {when}") if left < 0
                    else _("{name}: driving licence expires {when}"))
            found.append(Reminder("licence", d.name, text.format(
                name=d.name, when=_when(left, d.licence_expiry)),
                due=d.licence_expiry, days_left=left))
    return sorted(found, key=lambda r: (r.days_left if r.days_left is not None else -1,
                                        r.kind, r.subject))


def trip_warnings(vehicle: Vehicle, start: datetime, end: datetime) -> list[str]:
    """A trip that runs over the car's service, insurance or inspection date (or starts
    after it) is allowed, with these warnings."""
    notes: list[str] = []
    dated = (
        (vehicle.next_service_date, _("The trip runs past {plate}'s service date ({date}).")),
        (vehicle.insurance_due, _("The trip runs past {plate}'s insurance expiry ({date}).")),
        (vehicle.inspection_due, _("The trip runs past {plate}'s annual inspection date "
                                   "({date}).")),
    )
    for due, text in dated:
        if due is not None and due <= end.date():
            notes.append(text.format(plate=vehicle.plate, date=due.isoformat()))
    if vehicle.next_service_km is not None and vehicle.odometer >= vehicle.next_service_km:
        notes.append(_("{plate} has passed its service mileage ({odometer} of {km} km).").format(
            plate=vehicle.plate, odometer=vehicle.odometer, km=vehicle.next_service_km))
    return notes


# -- one request, judged -----------------------------------------------------------------
@dataclass(frozen=True)
class BookingRequest:
    vehicle: str  # plate, as typed
    start: datetime
    end: datetime
    destination: str
    driver: str | None = None
    department: str | None = None
    requester: str | None = None
    passengers: int = 1
    purpose: str | None = None
    job_id: int | None = None


@dataclass
class Assessment:
    """Everything the rules say about a request: refusals, warnings and what would work."""

    problems: list[str] = field(default_factory=list)  # any of these refuses the booking
    warnings: list[str] = field(default_factory=list)  # allowed, but say so
    clashes: list[Booking] = field(default_factory=list)  # of the car
    driver_clashes: list[Booking] = field(default_factory=list)
    free: list[Vehicle] = field(default_factory=list)  # other cars for the window
    free_drivers: list[Driver] = field(default_factory=list)
    next_slot: tuple[datetime, datetime] | None = None  # of the asked car, that day
    shares: list[Booking] = field(default_factory=list)  # trips it could join
    vehicle: Vehicle | None = None
    car_refused: bool = False  # the asked car cannot take the trip (clash, seats, status)
    driver_refused: bool = False  # the asked driver cannot drive it

    @property
    def ok(self) -> bool:
        return not self.problems

    def alternatives(self) -> list[str]:
        lines: list[str] = []
        if self.car_refused:
            if self.free:
                cars = ", ".join(_("{plate} {name} ({seats})").format(
                    plate=v.plate, name=v.name, seats=count_seats(v.seats))
                    for v in self.free[:3])
                lines.append(_("Free for that window, smallest that fits first: {cars}."
                               ).format(cars=cars))
            else:
                lines.append(_("No other car is free for that window."))
        if self.vehicle is not None and self.vehicle.bookable and (
                self.clashes or self.driver_clashes):
            if self.next_slot:
                lines.append(_("Next free slot of {plate} that day: {span}.").format(
                    plate=self.vehicle.plate, span=span_text(*self.next_slot)))
            else:
                lines.append(_("{plate} has no free slot of that length that day.").format(
                    plate=self.vehicle.plate))
        if self.driver_refused:
            if self.free_drivers:
                lines.append(_("Drivers free then: {names}.").format(
                    names=", ".join(d.name for d in self.free_drivers[:4])))
            else:
                lines.append(_("No other driver is free then."))
        if self.shares:
            trips = ", ".join(_("#{id} {plate} {span} ({free})").format(
                id=b.id, plate=b.vehicle, span=span_text(b.start, b.end),
                free=count_seats_free(b.seats_free))
                for b in self.shares[:3])
            lines.append(_("Could share a car: {trips}.").format(trips=trips))
        return lines

    def refusal(self) -> str:
        return " ".join(self.problems + self.alternatives())


def assess(
    request: BookingRequest,
    *,
    vehicle: Vehicle | None,
    driver: Driver | None,
    vehicles: Sequence[Vehicle],
    drivers: Sequence[Driver],
    bookings: Sequence[Booking],
    settings: VehicleSettings = VehicleSettings(),
    exclude_id: int | None = None,
) -> Assessment:
    """Judge a request against the roster. `bookings` must hold every booking that
    overlaps the request's day (all cars), so clashes, free cars, the car's free slots
    that day and the shared-trip offers can all be read from it."""
    result = Assessment(vehicle=vehicle)
    start, end, passengers = request.start, request.end, request.passengers
    if not end > start:
        result.problems.append(_("The end {end} is not after the start {start}.").format(
            end=format_moment(end), start=format_moment(start)))
        return result
    if passengers < 0 or passengers > MAX_PASSENGERS:
        result.problems.append(_("Passengers must be between 0 and {n}.").format(
            n=MAX_PASSENGERS))
        return result
    if not normalise_destination(request.destination):
        result.problems.append(empty_destination())
    others = [b for b in bookings if b.id != exclude_id]
    result.free = best_fit(vehicles, others, start, end, passengers,
                           exclude_vehicle_id=vehicle.id if vehicle else None)
    result.shares = share_offers(others, request.destination, start, end, passengers,
                                 window=settings.share_window)
    busy_drivers = {b.driver_id for b in clashes(others, start, end) if b.driver_id}
    result.free_drivers = [
        d for d in sorted(drivers, key=lambda d: name_key(d.name))
        if d.active and d.id not in busy_drivers
        and (d.licence_expiry is None or d.licence_expiry >= end.date())
        and (driver is None or d.id != driver.id)
    ]
    if vehicle is None:
        result.car_refused = True
        result.problems.append(_("No vehicle with plate '{plate}'.").format(
            plate=request.vehicle))
        return result
    if vehicle.status == "maintenance":
        result.problems.append(_("{plate} is in maintenance and cannot be booked.").format(
            plate=vehicle.plate))
    elif vehicle.status == "retired":
        result.problems.append(_("{plate} is retired and cannot be booked.").format(
            plate=vehicle.plate))
    result.car_refused = not vehicle.bookable
    if passengers > vehicle.seats:
        result.car_refused = True
        result.problems.append(ngettext(
            "{n} passenger does not fit {plate} ({seats}).",
            "{n} passengers do not fit {plate} ({seats}).", passengers).format(
            n=passengers, plate=vehicle.plate, seats=count_seats(vehicle.seats)))
    day = start.date()
    result.clashes = clashes([b for b in others if b.vehicle_id == vehicle.id], start, end)
    result.car_refused = result.car_refused or bool(result.clashes)
    for b in result.clashes:
        result.problems.append(_(
            "{plate} is already booked {span} by booking #{id} ({destination}); the trip "
            "{asked} overlaps it.").format(
                plate=vehicle.plate, span=span_text(b.start, b.end, day), id=b.id,
                destination=b.destination, asked=span_text(start, end, day)))
    if driver is not None:
        if not driver.active:
            result.driver_refused = True
            result.problems.append(_("Driver {name} is not active.").format(name=driver.name))
        if driver.licence_expiry is not None and driver.licence_expiry < end.date():
            result.driver_refused = True
            result.problems.append(_(
                "Driver {name}'s licence expired on {expiry}; they cannot drive on {day}."
            ).format(name=driver.name, expiry=driver.licence_expiry.isoformat(),
                     day=max(start.date(), driver.licence_expiry + timedelta(days=1))
                     .isoformat()))
        result.driver_clashes = clashes(
            [b for b in others if b.driver_id == driver.id and b.vehicle_id != vehicle.id],
            start, end)
        result.driver_refused = result.driver_refused or bool(result.driver_clashes)
        for b in result.driver_clashes:
            result.problems.append(_(
                "Driver {name} is already driving booking #{id} {span} ({plate}, "
                "{destination}).").format(name=driver.name, id=b.id,
                                          span=span_text(b.start, b.end, day), plate=b.vehicle,
                                          destination=b.destination))
    if result.clashes or result.driver_clashes:
        busy = [(b.start, b.end) for b in others if b.blocking and (
            b.vehicle_id == vehicle.id or (driver is not None and b.driver_id == driver.id))]
        result.next_slot = next_free_slot(busy, start, end, settings)
    result.warnings = trip_warnings(vehicle, start, end)
    return result


# -- the trip against its booked times ------------------------------------------------------
TIMING_SLACK = timedelta(hours=1)


def _gap(delta: timedelta) -> str:
    minutes = int(abs(delta).total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return _("{h} h {m} min").format(h=hours, m=minutes)
    if hours:
        return ngettext("{n} hour", "{n} hours", hours).format(n=hours)
    return ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)


def trip_timing_warnings(booking: Booking, *, out_at: datetime | None = None,
                         returned_at: datetime | None = None,
                         slack: timedelta = TIMING_SLACK) -> list[str]:
    """What to say when a trip goes out or comes back more than `slack` from its booked
    start or end (06:23 for 08:30, or back at once): perhaps the wrong booking."""
    found: list[str] = []
    if out_at is not None and abs(out_at - booking.start) > slack:
        found.append((_("#{id} marked out at {at}, {gap} before its booked start {booked}.")
                      if out_at < booking.start else
                      _("#{id} marked out at {at}, {gap} after its booked start {booked}.")
                      ).format(id=booking.id, at=out_at.strftime("%H:%M"),
                               gap=_gap(out_at - booking.start),
                               booked=booking.start.strftime("%H:%M")))
    if returned_at is not None and abs(returned_at - booking.end) > slack:
        found.append((_("#{id} returned at {at}, {gap} before its booked end {booked}.")
                      if returned_at < booking.end else
                      _("#{id} returned at {at}, {gap} after its booked end {booked}.")
                      ).format(id=booking.id, at=returned_at.strftime("%H:%M"),
                               gap=_gap(returned_at - booking.end),
                               booked=booking.end.strftime("%H:%M")))
    return found


# -- a destination for a booking made from a job ------------------------------------------------
def suggest_destination(title: str | None, location: str | None,
                        known: list[str]) -> str | None:
    """Where a trip for a job goes: the job's location, else the longest destination
    already travelled to (`known`, most used first) that the title names, compared as
    destinations are ("市 政府" finds 市政府 in "送领导去市政府开会")."""
    if location and location.strip():
        return location.strip()
    text = normalise_destination(title)
    if not text:
        return None
    found = [d for d in known if len(normalise_destination(d)) >= 2
             and normalise_destination(d) in text]
    return max(found, key=lambda d: len(normalise_destination(d)), default=None)
