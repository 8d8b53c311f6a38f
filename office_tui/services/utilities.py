"""Utility meters (水电): the meters, their readings (a lower reading refused unless it is a
reset), each period's consumption and cost, the month per meter and department against
the month before and the same month last year, and the anomalies (flags) that a repair
job can be made from. Each change is one write transaction with its event.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from office_tui.core.dates import day_from
from office_tui.core.inventory import QuantityError, parse_price
from office_tui.core.job import Job, to_iso
from office_tui.core.meters import (
    KINDS, SPIKE, YOY, Meter, Period, Reading, change, month_of, periods,
)
from office_tui.core.text import storable
from office_tui.i18n import _
from office_tui.services.canteen import month_bounds
from office_tui.services.errors import OfficeError
from office_tui.store import canteen as store
from office_tui.store import events, write
from office_tui.store import settings as settings_store

if TYPE_CHECKING:
    from collections.abc import Callable

    from office_tui.services.context import Context
    from office_tui.services.jobs import JobService

SPIKE_KEY = "utilities.spike"
YOY_KEY = "utilities.yoy"
MAX_VALUE = Decimal("1e12")
HISTORY_DAYS = 3 * 366  # a meter's flags and months read this far back
RECENT_FLAG_DAYS = 45  # Today shows the flags of periods closed this recently


@dataclass(frozen=True)
class Flag:
    meter: Meter
    period: Period

    @property
    def text(self) -> str:
        return self.period.flag or ""

    def to_json(self) -> dict[str, Any]:
        return {"meter": self.meter.name, "dept": self.meter.department,
                **self.period.to_json()}


@dataclass(frozen=True)
class MeterMonth:
    meter: Meter
    use: Decimal | None
    cost: Decimal | None
    previous: Decimal | None  # the month before
    last_year: Decimal | None  # the same month a year before
    flags: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"meter": self.meter.name, "kind": self.meter.kind, "unit": self.meter.unit,
                "dept": self.meter.department,
                "use": None if self.use is None else str(self.use),
                "cost": None if self.cost is None else str(self.cost),
                "previous": None if self.previous is None else str(self.previous),
                "last_year": None if self.last_year is None else str(self.last_year),
                "vs_previous_pct": _pct(change(self.use, self.previous)),
                "vs_last_year_pct": _pct(change(self.use, self.last_year)),
                "flags": self.flags}


def _pct(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


class UtilityService:
    def __init__(self, ctx: Context, *, jobs: Callable[[], JobService]) -> None:
        self.ctx = ctx
        self._jobs = jobs  # a repair job from a flag; the module loads only then

    def limits(self) -> tuple[Decimal, Decimal]:
        db = self.ctx.db
        try:
            spike = Decimal(settings_store.get(db, SPIKE_KEY) or SPIKE)
            yoy = Decimal(settings_store.get(db, YOY_KEY) or YOY)
        except InvalidOperation:
            spike, yoy = SPIKE, YOY
        return spike, yoy

    def configure(self, *, spike: str | None = None, yoy: str | None = None) -> tuple:
        puts = {}
        if spike is not None:
            value = _decimal(spike, "--spike")
            if not Decimal("1.05") <= value <= 10:
                raise OfficeError(_("--spike is a ratio from 1.05 to 10, e.g. 1.5."))
            puts[SPIKE_KEY] = str(value)
        if yoy is not None:
            value = _decimal(yoy.rstrip("%"), "--yoy")
            if not 1 <= value <= 1000:
                raise OfficeError(_("--yoy is a percent from 1 to 1000, e.g. 30."))
            puts[YOY_KEY] = str(value / 100)
        if not puts:
            raise OfficeError(_("Say what to set: --spike or --yoy."))
        db = self.ctx.db
        with write(db):
            before = {k: settings_store.get(db, k) for k in puts}
            for key, value in puts.items():
                settings_store.put(db, key, value)
            events.record(db, ts=to_iso(self.ctx.now()), action="configure",
                          entity="settings", entity_id=None, before=before, after=puts)
        return self.limits()

    # -- meters -------------------------------------------------------------------------
    def meters(self) -> list[Meter]:
        return [Meter.from_row(r) for r in store.meters(self.ctx.db)]

    def meter(self, name: str) -> Meter:
        return Meter.from_row(self._meter_row(name))

    def _meter_row(self, name: str) -> dict[str, Any]:
        row = store.find_meter(self.ctx.db, _key(name)) if _key(name) else None
        if row is None and str(name or "").strip().lstrip("#").isdigit():
            row = store.get_meter(self.ctx.db, int(str(name).strip().lstrip("#")))
        if row is None:
            names = ", ".join(r["name"] for r in store.meters(self.ctx.db)) or _("none yet")
            raise OfficeError(_("No meter '{meter}'. Meters: {names}.").format(
                meter=name, names=names))
        return row

    def add(self, name: str, kind: str, price: str, *, department: str | None = None,
            multiplier: str | None = None, unit: str | None = None) -> Meter:
        name = " ".join((name or "").split())
        if not name:
            raise OfficeError(_("Give the meter's name (--name)."))
        storable(name)
        storable(department)
        storable(unit)
        kind = unicodedata.normalize("NFKC", kind or "").strip().lower()
        aliases = {"电": "electricity", "电表": "electricity", "水": "water", "水表": "water",
                   "气": "gas", "燃气": "gas", "热": "heat", "暖气": "heat"}
        kind = aliases.get(kind, kind)
        if not kind:
            raise OfficeError(_("Give the kind: electricity, water, gas or heat."))
        if kind not in KINDS and not unit:
            raise OfficeError(_("Unknown kind '{kind}': electricity, water, gas or heat, or "
                                "give its --unit.").format(kind=kind))
        try:
            cost = parse_price(price, allow_zero=True)
        except QuantityError as exc:
            raise OfficeError(str(exc)) from None
        ratio = _decimal(multiplier, "--multiplier") if multiplier else Decimal(1)
        if not 0 < ratio <= 100_000:
            raise OfficeError(_("--multiplier must be more than 0 (a CT ratio, e.g. 40)."))
        now = to_iso(self.ctx.now())
        row = {"name": name, "name_key": _key(name), "kind": kind,
               "unit": (unit or "").strip() or KINDS.get(kind, ""), "price": str(cost),
               "department": (department or "").strip() or None, "multiplier": str(ratio),
               "created": now, "updated": now}
        db = self.ctx.db
        with write(db):
            if store.find_meter(db, row["name_key"]) is not None:
                raise OfficeError(_("A meter named '{meter}' already exists.").format(
                    meter=name))
            meter_id = store.insert_meter(db, row)
            events.record(db, ts=now, action="add", entity="meter", entity_id=meter_id,
                          before=None, after=store.get_meter(db, meter_id))
        return Meter.from_row(store.get_meter(db, meter_id))

    # -- readings -------------------------------------------------------------------------
    def add_reading(self, meter: str, value: str, *, day: str | None = None,
                    reset: bool = False, reason: str | None = None) -> Reading:
        amount = _decimal(value, "--value")
        if not 0 <= amount < MAX_VALUE:
            raise OfficeError(_("--value must be from 0 to 999999999999."))
        storable(reason)
        when = day_from(day, self.ctx.now().date(), "--date") if day else \
            self.ctx.now().date()
        if reset and not (reason or "").strip():
            raise OfficeError(_("A reset needs the reason (--reason), e.g. meter replaced."))
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            found = self._meter_row(meter)
            last = store.last_reading(db, found["id"])
            if last is not None:
                if when <= date.fromisoformat(last["day"]):
                    raise OfficeError(_("{meter} was last read on {day}; a new reading comes "
                                        "after it.").format(meter=found["name"],
                                                            day=last["day"]))
                if amount < Decimal(last["value"]) and not reset:
                    raise OfficeError(_("{value} is lower than the last reading {last} "
                                        "({day}). If the meter was replaced or went round, "
                                        "add --reset --reason R.").format(
                        value=amount, last=last["value"], day=last["day"]))
            row = {"meter_id": found["id"], "day": when.isoformat(), "value": str(amount),
                   "reset": 1 if reset else 0, "reason": (reason or "").strip() or None,
                   "created": now}
            reading_id = store.insert_reading(db, row)
            events.record(db, ts=now, action="read", entity="meter_reading",
                          entity_id=reading_id, before=None,
                          after=store.get_reading(db, reading_id))
        return Reading.from_row(store.get_reading(db, reading_id))

    def periods(self, meter: str | Meter, *, start: str | None = None,
                end: str | None = None) -> tuple[Meter, list[Period]]:
        """The periods closed in [start, end] (days; default the last three years), each
        judged against the periods before it (read from further back)."""
        found = meter if isinstance(meter, Meter) else self.meter(meter)
        today = self.ctx.now().date()
        last = day_from(end, today, "--to") if end else today
        first = day_from(start, today, "--from") if start else last - timedelta(
            days=HISTORY_DAYS)
        if last < first:
            raise OfficeError(_("--to {to} is before --from {start}.").format(
                to=last.isoformat(), start=first.isoformat()))
        spike, yoy = self.limits()
        # a year and a quarter more, so the first periods are judged like the others
        rows = store.readings_between(self.ctx.db, found.id,
                                      (first - timedelta(days=460)).isoformat(),
                                      (last + timedelta(days=1)).isoformat())
        judged = periods(found, [Reading.from_row(r) for r in rows], spike=spike, yoy=yoy)
        return found, [p for p in judged if first <= p.end <= last]

    def last_reading(self, meter: Meter) -> Reading | None:
        row = store.last_reading(self.ctx.db, meter.id)
        return Reading.from_row(row) if row else None

    def readings(self, meter: str) -> list[Reading]:
        found = self.meter(meter)
        rows = store.readings_between(self.ctx.db, found.id, "0000-01-01", "9999-12-31")
        return [Reading.from_row(r) for r in rows]

    def month(self, month: str | None = None) -> dict[str, Any]:
        first, after = month_bounds(month, self.ctx.now().date())
        lines = []
        for meter in self.meters():
            _m, found = self.periods(meter, start=(first - timedelta(days=400)).isoformat(),
                                     end=(after - timedelta(days=1)).isoformat())
            use = month_of(found, first.year, first.month)
            prev_day = first - timedelta(days=1)
            previous = month_of(found, prev_day.year, prev_day.month)
            last_year = month_of(found, first.year - 1, first.month)
            flags = [p.flag for p in found
                     if p.flag and p.end.year == first.year and p.end.month == first.month]
            cost = None if use is None else (use * meter.price).quantize(Decimal("0.01"))
            lines.append(MeterMonth(meter, use, cost, previous, last_year, flags))
        by_dept: dict[str, dict[str, Decimal]] = {}
        for line in lines:
            if line.cost is None:
                continue
            dept = line.meter.department or ""
            by_dept.setdefault(dept, {})
            by_dept[dept][line.meter.kind] = by_dept[dept].get(line.meter.kind, Decimal(0)) \
                + line.cost
        return {"month": first.strftime("%Y-%m"), "meters": lines, "departments": by_dept}

    def flags(self) -> list[Flag]:
        """Flags of periods closed in the last 45 days, newest first (Today, the screen)."""
        today = self.ctx.now().date()
        found = []
        for meter in self.meters():
            _m, judged = self.periods(meter, start=(today - timedelta(
                days=RECENT_FLAG_DAYS)).isoformat())
            found += [Flag(meter, p) for p in judged if p.flag]
        return sorted(found, key=lambda f: f.period.end, reverse=True)

    def repair_job(self, meter: str) -> Job:
        """A repair job for a meter's flag ("检查漏水 — 主楼水表"), linked to the meter."""
        found = self.meter(meter)
        _m, judged = self.periods(found)
        flagged = [p for p in judged if p.flag]
        what = {"water": _("Check for a leak"), "electricity": _("Check the power use"),
                "gas": _("Check for a gas leak"), "heat": _("Check the heating")}.get(
            found.kind, _("Check the meter"))
        title = f"{what} — {found.name}"
        db = self.ctx.db
        with write(db):
            job = self._jobs().create(title, category="repair", importance="high",
                                      department=found.department, location=found.name,
                                      status="open")
            store.link_job(db, found.id, job.id)
            events.record(db, ts=to_iso(self.ctx.now()), action="link", entity="meter_job",
                          entity_id=job.id, before=None,
                          after={"job_id": job.id, "meter_id": found.id})
            if flagged:
                self._jobs().note(job.id, flagged[-1].flag)
        return self._jobs().get(job.id)


def _key(name: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", name or "").casefold().split())


def _decimal(text: Any, what: str) -> Decimal:
    try:
        value = Decimal(unicodedata.normalize("NFKC", str(text)).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        raise OfficeError(_("{what}: '{text}' is not a number.").format(what=what,
                                                                      text=text)) from None
    if not value.is_finite():
        raise OfficeError(_("{what}: '{text}' is not a number.").format(what=what, text=text))
    return value
