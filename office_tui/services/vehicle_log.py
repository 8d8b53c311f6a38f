"""A car's service and cost log (车辆保养): each service and each insurance or inspection
renewal is a log row (an event, undoable with the car's change in the same transaction),
and moves the car's next-service date and km from its intervals, stored on the car. The
cost per car over a period: km driven (from the readings), trips (fuel, tolls), service,
insurance and inspection, and the cost per km.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from office_tui.core.dates import day_from
from office_tui.core.inventory import QuantityError, parse_price
from office_tui.core.job import to_iso
from office_tui.core.text import storable
from office_tui.core.types import Row
from office_tui.core.vehicles import plate_key
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.store import events, write
from office_tui.store import vehicle_log as store
from office_tui.store import vehicles as vehicle_store

if TYPE_CHECKING:
    from office_tui.services.context import Context
    from office_tui.services.vehicles import VehicleService

RENEWALS = {"insurance": "insurance_due", "inspection": "inspection_due"}
MAX_KM = 10_000_000
CENT = Decimal("0.01")


@dataclass(frozen=True)
class LogEntry:
    id: int
    plate: str
    kind: str
    day: date
    km: int | None
    work: str | None
    cost: Decimal
    garage: str | None
    until: date | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "plate": self.plate, "kind": self.kind,
                "date": self.day.isoformat(), "km": self.km, "work": self.work,
                "cost": str(self.cost), "garage": self.garage,
                "until": self.until.isoformat() if self.until else None}


@dataclass(frozen=True)
class CarCosts:
    plate: str
    name: str
    km: int
    trips: int
    fuel_litres: float
    fuel: Decimal  # the trips' costs (fuel, tolls, parking)
    service: Decimal
    insurance: Decimal
    inspection: Decimal

    @property
    def total(self) -> Decimal:
        return self.fuel + self.service + self.insurance + self.inspection

    @property
    def per_km(self) -> Decimal | None:
        return (self.total / self.km).quantize(CENT) if self.km else None

    def to_json(self) -> dict[str, Any]:
        return {"plate": self.plate, "name": self.name, "km": self.km, "trips": self.trips,
                "fuel_litres": round(self.fuel_litres, 2), "fuel": str(self.fuel),
                "service": str(self.service), "insurance": str(self.insurance),
                "inspection": str(self.inspection), "total": str(self.total),
                "per_km": str(self.per_km) if self.per_km is not None else None}


class VehicleLogService:
    def __init__(self, ctx: Context, *, vehicles: VehicleService) -> None:
        self.ctx = ctx
        self._vehicles = vehicles

    def service(self, plate: str, *, day: str, km: int, work: str, cost: Any,
                garage: str | None = None, next_km: int | None = None,
                every_km: int | None = None, next_date: str | None = None,
                every_months: int | None = None) -> tuple[LogEntry, Row]:
        """Record a service; the car's next service moves: to --next-km / --next-date, or
        km / date plus the interval (given now, or stored on the car from before)."""
        work = (work or "").strip()
        if not work:
            raise OfficeError(_("Say what was done (--work), e.g. \"oil and filter change\"."))
        storable(work)
        storable(garage)
        if next_km is not None and every_km is not None:
            raise OfficeError(_("Give --next-km or --every-km, not both."))
        if next_date is not None and every_months is not None:
            raise OfficeError(_("Give --next-date or --every-months, not both."))
        _km(km, "--km")
        for value, what in ((next_km, "--next-km"), (every_km, "--every-km")):
            if value is not None:
                _km(value, what)
        if every_months is not None and not 1 <= every_months <= 120:
            raise OfficeError(_("--every-months is from 1 to 120."))
        when = self._day(day, "--date")
        cents = _cents(cost)
        next_day = self._day(next_date, "--next-date") if next_date else None
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            car = self._car(db, plate)
            if next_km is not None and next_km <= km:
                raise OfficeError(_("--next-km {next} is not after the service's {km} km.")
                                  .format(next=next_km, km=km))
            if next_day is not None and next_day <= when:
                raise OfficeError(_("--next-date {next} is not after the service's date {day}.")
                                  .format(next=next_day.isoformat(), day=when.isoformat()))
            after = dict(car)
            if every_km is not None:
                after["service_every_km"] = every_km
            if every_months is not None:
                after["service_every_months"] = every_months
            if next_km is not None:
                after["next_service_km"] = next_km
            elif after.get("service_every_km"):
                after["next_service_km"] = km + after["service_every_km"]
            if next_day is not None:
                after["next_service_date"] = next_day.isoformat()
            elif after.get("service_every_months"):
                after["next_service_date"] = add_months(
                    when, after["service_every_months"]).isoformat()
            after["odometer"] = max(car["odometer"] or 0, km)
            entry = {"vehicle_id": car["id"], "kind": "service", "day": when.isoformat(),
                     "km": km, "work": work, "cost_cents": cents,
                     "garage": (garage or "").strip() or None, "created": now}
            entry_id = self._record(db, car, after, entry, now, "service")
        return self._entry(store.get_entry(db, entry_id), car["plate"]), after

    def renew(self, plate: str, what: str, *, until: str, cost: Any,
              day: str | None = None) -> tuple[LogEntry, Row]:
        """Insurance or the annual inspection renewed until a day, at a cost."""
        kind = (what or "").strip().lower()
        if kind not in RENEWALS:
            raise OfficeError(_("Renew insurance or inspection, not '{what}'.").format(
                what=what))
        until_day = self._day(until, "--until")
        when = self._day(day, "--date") if day else self.ctx.now().date()
        if until_day <= when:
            raise OfficeError(_("--until {until} is not after {day}.").format(
                until=until_day.isoformat(), day=when.isoformat()))
        cents = _cents(cost)
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            car = self._car(db, plate)
            after = dict(car)
            after[RENEWALS[kind]] = until_day.isoformat()
            entry = {"vehicle_id": car["id"], "kind": kind, "day": when.isoformat(),
                     "cost_cents": cents, "until": until_day.isoformat(), "created": now}
            entry_id = self._record(db, car, after, entry, now, "renew")
        return self._entry(store.get_entry(db, entry_id), car["plate"]), after

    def _record(self, db, car: Row, after: Row, entry: Row, now: str, action: str) -> int:
        entry_id = store.insert_entry(db, entry)
        events.record(db, ts=now, action=action, entity="vehicle_log", entity_id=entry_id,
                      before=None, after=store.get_entry(db, entry_id))
        if after != car:
            after["updated"] = now
            vehicle_store.replace_vehicle(db, after)
            events.record(db, ts=now, action=action, entity="vehicle", entity_id=car["id"],
                          before=car, after=after)
        return entry_id

    def entries(self, plate: str) -> list[LogEntry]:
        car = self._car(self.ctx.db, plate)
        return [self._entry(r, car["plate"]) for r in store.entries(self.ctx.db, car["id"])]

    def costs(self, plate: str | None = None, *, start: str | None = None,
              end: str | None = None) -> tuple[date, date, list[CarCosts]]:
        """Per car over [start, end] (days; default the last 12 months to today)."""
        today = self.ctx.now().date()
        last = self._day(end, "--to") if end else today
        first = self._day(start, "--from") if start else \
            add_months(last, -12) + timedelta(days=1)
        if last < first:
            raise OfficeError(_("--to {to} is before --from {start}.").format(
                to=last.isoformat(), start=first.isoformat()))
        db = self.ctx.db
        cars = [self._car(db, plate)] if plate else vehicle_store.vehicles(db)
        lo, hi = first.isoformat(), (last + timedelta(days=1)).isoformat()
        logged: dict[int, dict[str, Row]] = {}
        for row in store.log_costs(db, lo, hi):
            logged.setdefault(row["vehicle_id"], {})[row["kind"]] = row
        trips = {r["vehicle_id"]: r for r in store.trip_costs(
            db, to_iso(datetime.combine(first, time(0))),
            to_iso(datetime.combine(last + timedelta(days=1), time(0))))}
        found = []
        for car in cars:
            mine, trip = logged.get(car["id"], {}), trips.get(car["id"])
            readings = [v for v in ([trip["min_km"], trip["max_km"]] if trip else [])
                        + [r["max_km"] for r in mine.values()]
                        + [r["min_km"] for r in mine.values()] if v is not None]
            km = 0
            if readings:
                before = store.reading_before(db, car["id"], to_iso(
                    datetime.combine(first, time(0))))
                low = before if before is not None else min(readings)
                km = max(max(readings) - low, 0)

            def cost(kind: str) -> Decimal:
                return _money(mine[kind]["cost_cents"] if kind in mine else 0)

            found.append(CarCosts(
                car["plate"], car["name"], km, trip["trips"] if trip else 0,
                trip["fuel"] if trip else 0.0,
                Decimal(str(trip["cost"])).quantize(CENT) if trip else _money(0),
                cost("service"), cost("insurance"), cost("inspection")))
        return first, last, found

    # -- helpers ----------------------------------------------------------------------
    def _car(self, db, plate: str) -> Row:
        row = vehicle_store.find_vehicle(db, plate_key(plate)) if plate_key(plate) else None
        if row is None:
            raise OfficeError(_("No vehicle with plate '{plate}'.").format(plate=plate))
        return row

    def _day(self, text: str | None, what: str) -> date:
        if text is None or not str(text).strip():
            raise OfficeError(_("Give the day ({what}), e.g. 2024-03-15.").format(what=what))
        return day_from(str(text), self.ctx.now().date(), what)

    @staticmethod
    def _entry(row: Row, plate: str) -> LogEntry:
        return LogEntry(row["id"], plate, row["kind"], date.fromisoformat(row["day"]),
                        row["km"], row["work"], _money(row["cost_cents"]),
                        row["garage"],
                        date.fromisoformat(row["until"]) if row["until"] else None)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise OfficeError(_("That date is out of range."))


def _money(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def _km(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_KM:
        raise OfficeError(_("{what} must be a whole number of km from 0 to {n}.").format(
            what=what, n=MAX_KM))
    return value


def _cents(value: Any) -> int:
    try:
        price = parse_price(value if value is not None else "", allow_zero=True)
    except QuantityError:
        raise OfficeError(_("'{value}' is not a cost: write an amount like 480 or 1260.50.")
                          .format(value=value)) from None
    return int((price * 100).to_integral_value())
