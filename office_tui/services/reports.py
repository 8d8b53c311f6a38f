"""Reports (日报 / 周报 / 月报): the numbers of a period, from the jobs, the stock ledger and
the vehicle roster (where those areas exist), rendered as Markdown or CSV."""

from __future__ import annotations

import copy

import heapq
import math
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from office_tui.core import kpi
from office_tui.core.dates import day_from
from office_tui.core.job import from_iso
from office_tui.core.report import (
    CloseTime, DepartmentCount, JobLine, Report, SupplyLine, VehicleLine, to_csv, to_markdown,
)
from office_tui.core.types import Row
from office_tui.core.vocab import CATEGORIES
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.store import jobs as job_store
from office_tui.store import reports as store

if TYPE_CHECKING:
    from office_tui.services.canteen import CanteenService
    from office_tui.services.utilities import UtilityService
    from office_tui.services.vehicle_log import VehicleLogService
    from office_tui.services.context import Context
    from office_tui.services.inventory import InventoryService
    from office_tui.services.vehicles import VehicleService

FORMATS = ("md", "csv", "json")
OLDEST = 5
LISTED_REPLIES = 20
PRICE_WINDOW = 1000  # movements of an item looked at for its average price
LISTED = 10  # jobs per list in a summary (the screen shows as many)
OPEN_STATUSES = ("inbox", "open", "in_progress", "waiting")


class ReportService:
    def __init__(self, ctx: Context, *, inventory: Callable[[], InventoryService],
                 vehicles: Callable[[], VehicleService],
                 car_log: Callable[[], VehicleLogService] | None = None,
                 canteen: Callable[[], CanteenService] | None = None,
                 utilities: Callable[[], UtilityService] | None = None) -> None:
        self.ctx = ctx
        # The supplies and trips sections: those areas' modules load when a report is built.
        self._inventory, self._vehicles = inventory, vehicles
        self._car_log = car_log  # the month's car costs
        self._canteen, self._utilities = canteen, utilities  # the month's meals, meters

    # -- periods ----------------------------------------------------------------------
    def period(self, kind: str = "week", start: str | None = None,
               end: str | None = None, *, on: date | None = None) -> kpi.Period:
        """The period of `kind` holding `on` (default today), or --from/--to."""
        today = on or self.ctx.now().date()
        if start is not None or end is not None:
            if start is None or end is None:
                raise OfficeError(_("Give both --from and --to."))
            today = self.ctx.now().date()
            first, last = day_from(start, today, "--from"), day_from(end, today, "--to")
            if last < first:
                raise OfficeError(_("The period starts ({start}) after it ends ({end}).").format(
                    start=first.isoformat(), end=last.isoformat()))
            if (last - first).days > 3660:
                raise OfficeError(_("A report covers at most ten years."))
            return kpi.period("custom", today, first, last)
        if kind not in ("day", "week", "month"):
            raise OfficeError(_("Unknown period '{kind}': day, week or month.").format(kind=kind))
        return kpi.period(kind, today)

    # -- numbers ----------------------------------------------------------------------
    def on_time(self, p: kpi.Period) -> tuple[int, int, float | None]:
        """(closed on time, closed, rate) for jobs done in the period so far: counted in
        SQL on an index of the period's closings (kpi.on_time's rule; see store)."""
        good, done = store.count_done_on_time(self.ctx.db, _iso(p.start_moment),
                                               _iso(p.end_moment))
        return good, done, kpi.rate(good, done)

    def build(self, kind: str = "week", start: str | None = None,
              end: str | None = None, *, on: date | None = None, full: bool = True,
              areas: bool = True) -> Report:
        """The report of a period. full=False gives the screen's summary: every number the
        same, but each job list (overdue, late, expedited, oldest) holds only its first
        LISTED; counted on indexed ranges, so its cost follows the period, not the history
        or the backlog. Only a full report is rendered or written. areas=False leaves out
        the other areas' sections (assets, supplies, cars, canteen, utilities), which
        `with_areas` adds: the screen shows the jobs' numbers first."""
        p = self.period(kind, start, end, on=on)
        now = self.ctx.now()
        report = Report(period=p, as_of=min(now, p.end_moment), complete=full)
        (self._jobs_full if full else self._jobs_summary)(report)
        db = self.ctx.db
        report.replies_total = store.count_awaiting_reply(db)
        report.replies_outstanding = [_line(r) for r in store.awaiting_reply(db, LISTED_REPLIES)]
        # Following through: replies sent in the period; referrals and handlers as of now.
        report.replies_sent = job_store.count_replied(db, _iso(p.start_moment),
                                                      _iso(p.end_moment))
        referred = job_store.referred(db)
        report.referrals_outstanding = len(referred)
        today = now.date().isoformat()
        report.follow_ups_overdue = sum(1 for r in referred if r["follow_up"] < today)
        report.handlers = job_store.open_by_handler(db)
        return self.with_areas(report) if areas else report

    def with_areas(self, report: Report) -> Report:
        """`report` with the other areas' sections filled in (a copy: the one shown
        already stays as it is)."""
        report = copy.copy(report)
        p = report.period
        self._assets(report, p)
        report.supplies = self._supplies(p, report.as_of)
        report.vehicles = self._vehicle_lines(p)
        if p.kind in ("month", "custom") and self._car_log is not None:
            _first, _last, costs = self._car_log().costs(
                start=p.start.isoformat(), end=p.end.isoformat())
            report.car_costs = [{k: str(v) if v is not None else None
                                 for k, v in c.to_json().items()}
                                for c in costs if c.total or c.km]
        if p.kind == "month":
            self._month_areas(report, p)
        return report

    def _month_areas(self, report: Report, p) -> None:
        """The monthly report's canteen and utilities sections."""
        month = p.start.strftime("%Y-%m")
        if self._canteen is not None:
            meals = self._canteen().month(month)
            report.meals = [{"dept": d.department, "breakfast": d.counts.get("breakfast", 0),
                             "lunch": d.counts.get("lunch", 0),
                             "dinner": d.counts.get("dinner", 0), "guests": d.guests,
                             "cost": f"{d.cost:.2f}"} for d in meals["departments"]]
            report.meals_rate = None if meals["rate"] is None else round(meals["rate"], 4)
            report.meals_cost = f"{meals['cost']:.2f}"
        if self._utilities is not None:
            data = self._utilities().month(month)
            report.utilities = [m.to_json() for m in data["meters"]]
            report.utility_departments = [
                {"dept": d or None, "cost": f"{sum(kinds.values()):.2f}"}
                for d, kinds in data["departments"].items()]

    def _jobs_full(self, report: Report) -> None:
        """Every job of the period and of the backlog, one by one (the lists are whole)."""
        p, as_of = report.period, report.as_of
        db, cal = self.ctx.db, self.ctx.calendar
        hours, day_hours = _working_hours(cal)
        received = store.received(db, _iso(p.start_moment), _iso(p.end_moment))
        closed = store.closed(db, _iso(p.start_moment), _iso(p.end_moment))
        done = [r for r in closed if r["status"] == "done"]
        report.received = len(received)
        report.closed = len(done)
        report.cancelled = len(closed) - len(done)

        per_category: dict[str, list[float]] = defaultdict(list)
        for row in done:
            closed_at, created = from_iso(row["closed_at"]), from_iso(row["created"])
            due, promised = from_iso(row["due"]), from_iso(row["promised_by"])
            per_category[row["category"]].append(max(hours(created, closed_at), 0.0))
            if kpi.on_time(closed_at, due, promised):
                report.on_time += 1
            else:
                limit = max(m for m in (due, promised) if m is not None)
                report.late_jobs.append(_line(row, late_hours=max(
                    hours(limit, closed_at), 0.0)))
        report.late = len(report.late_jobs)
        report.close_times = _close_times(per_category)

        backlog = store.open_at(db, _iso(as_of))
        ages: list[tuple[float, Row]] = []
        for row in backlog:
            created = from_iso(row["created"])
            age = max(hours(created, as_of), 0.0) / day_hours
            ages.append((age, row))
            due = from_iso(row["promised_by"]) or from_iso(row["due"])
            if due is not None:
                over = hours(due, as_of)
                if over > 0:
                    report.overdue.append(_line(row, age_days=age, late_hours=over))
        report.backlog = len(backlog)
        report.backlog_ages = kpi.bucket_counts([a for a, _r in ages])
        ages.sort(key=lambda pair: (-pair[0], pair[1]["id"]))
        report.oldest = [_line(r, age_days=a) for a, r in ages[:OLDEST]]
        report.overdue.sort(key=lambda j: (-j.late_hours, j.id))
        report.overdue_count = len(report.overdue)

        seen: set[int] = set()
        for row in received + done + backlog:
            if row["expedite"] and row["id"] not in seen:
                seen.add(row["id"])
                report.expedite.append(_line(row))
        report.expedite.sort(key=lambda j: j.id)
        report.expedite_count = len(report.expedite)

        counts: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
        for row in received:
            counts[row["department"]][0] += 1
        for row in done:
            counts[row["department"]][1] += 1
        report.departments = _departments(counts)
        report.daily_received = kpi.daily_counts([from_iso(r["created"]) for r in received], p)
        report.daily_closed = kpi.daily_counts([from_iso(r["closed_at"]) for r in done], p)

    def _jobs_summary(self, report: Report) -> None:
        """The same numbers as _jobs_full from counts on indexed ranges: the period's
        received and closed jobs grouped in SQL, the on-time count in an index, the
        backlog's ages and overdue jobs as index counts up to the exact edges (in working
        time) of each bucket; only the first LISTED of each list are read."""
        p, as_of = report.period, report.as_of
        db, cal = self.ctx.db, self.ctx.calendar
        hours, day_hours = _working_hours(cal)
        since, until, at = _iso(p.start_moment), _iso(p.end_moment), _iso(as_of)
        day_index = {d.isoformat(): i for i, d in enumerate(p.days)}
        report.daily_received = [0] * len(day_index)
        report.daily_closed = [0] * len(day_index)
        counts: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
        for department, day, _expedite, n in store.received_counts(db, since, until):
            report.received += n
            counts[department][0] += n
            if day in day_index:
                report.daily_received[day_index[day]] += n
        for status, department, day, _expedite, n in store.closed_counts(db, since, until):
            if status != "done":
                report.cancelled += n
                continue
            report.closed += n
            counts[department][1] += n
            if day in day_index:
                report.daily_closed[day_index[day]] += n
        if None in counts and "" in counts:  # they sort alike: first seen first, as in full
            first = store.first_blank_department(db, since, until)
            counts = {first: counts.pop(first), **counts}
        report.departments = _departments(counts)

        report.on_time, _done = store.count_done_on_time(db, since, until)
        report.late = report.closed - report.on_time
        for row in store.late_done(db, since, until, LISTED):
            closed_at = from_iso(row["closed_at"])
            limit = max(m for m in (from_iso(row["due"]), from_iso(row["promised_by"]))
                        if m is not None)
            report.late_jobs.append(_line(row, late_hours=max(hours(limit, closed_at), 0.0)))
        per_category: dict[str, list[float]] = defaultdict(list)
        for category, created, closed_at in store.done_close_times(db, since, until):
            per_category[category].append(
                max(hours(from_iso(created), from_iso(closed_at)), 0.0))
        report.close_times = _close_times(per_category)

        # The backlog: the open jobs created by as_of (counted in the index) and the few
        # closed since as_of (read one by one; none for a period that is still going on).
        def age(created: datetime) -> float:
            return max(hours(created, as_of), 0.0) / day_hours

        later = [r for r in store.closed_after(db, at) if r["created"] <= at]
        report.backlog = store.count_open_created(db, None, at) + len(later)
        # Age falls as the creation moves later: each bucket is a range of creation times
        # between the exact edges (the last second still that old).
        edges: list[str | None] = [at]
        for bound, _key in kpi.AGE_BUCKETS[:-1]:
            edge = _last_second(lambda m, b=bound: age(m) >= b, as_of)
            edges.append(None if edge is None else _iso(edge))
        ages: dict[str, int] = {}
        for i, (_bound, key) in enumerate(kpi.AGE_BUCKETS):
            upper = edges[i]
            lower = edges[i + 1] if i + 1 < len(edges) else None  # None: from the first
            ages[key] = 0 if upper is None else store.count_open_created(db, lower, upper)
        for row in later:
            ages[kpi.age_bucket(age(from_iso(row["created"])))] += 1
        report.backlog_ages = ages
        report.oldest = self._oldest(later, at, age)

        # Overdue: (promised) due up to the last second that is past in working time.
        over_edge = _last_second(lambda m: hours(m, as_of) > 0, as_of)
        report.overdue_count = 0
        overdue: list[JobLine] = []
        if over_edge is not None:
            before = _iso(over_edge + timedelta(seconds=1))
            newer = [r for r in store.open_created_after(db, at)
                     if (r["promised_by"] or r["due"] or "\uffff") < before]
            report.overdue_count = job_store.count_due_before(db, before) - len(newer)
            for row in later:
                due = from_iso(row["promised_by"]) or from_iso(row["due"])
                if due is not None and hours(due, as_of) > 0:
                    report.overdue_count += 1
                    overdue.append(_line(row, age_days=age(from_iso(row["created"])),
                                         late_hours=hours(due, as_of)))
            overdue += self._most_overdue(before, at, as_of, hours, age)
        overdue.sort(key=lambda j: (-j.late_hours, j.id))
        report.overdue = overdue[:LISTED]

        expedited = set(store.expedited_between(db, since, until))
        expedited.update(store.open_expedited_created_by(db, at))
        expedited.update(r["id"] for r in later if r["expedite"])
        report.expedite_count = len(expedited)
        report.expedite = [_line(r) for r in store.jobs_by_id(db, sorted(expedited)[:LISTED])]

    def _oldest(self, later: list[Row], at: str, age: Callable[[datetime], float]) -> list[JobLine]:
        """The OLDEST oldest of the backlog (age, then id): the open jobs walked in creation
        order until the next one is younger than the OLDEST-th found, and those closed
        since."""
        found: list[tuple[float, Row]] = [(age(from_iso(r["created"])), r) for r in later]
        walked: list[float] = []  # ages in walking order: never rising
        offset, page = 0, OLDEST + 1
        while True:
            rows = store.oldest_open(self.ctx.db, at, limit=page, offset=offset)
            for row in rows:
                a = age(from_iso(row["created"]))
                if len(walked) >= OLDEST and a < walked[OLDEST - 1]:
                    break
                walked.append(a)
                found.append((a, row))
            else:
                if len(rows) == page:
                    offset, page = offset + page, page * 2
                    continue
            break
        found.sort(key=lambda pair: (-pair[0], pair[1]["id"]))
        return [_line(r, age_days=a) for a, r in found[:OLDEST]]

    def _most_overdue(self, before: str, at: str, as_of: datetime,
                      hours: Callable[[datetime, datetime], float],
                      age: Callable[[datetime], float]) -> list[JobLine]:
        """The most overdue open jobs created by `at` (due before `before`): the due
        streams of the jobs_rank index merged in due order until the next job is less
        overdue than the LISTED-th found (ties all kept)."""
        def stream(importance: str, expedite: int, status: str) -> Iterator[Row]:
            offset, page = 0, LISTED + 1
            while True:
                rows = job_store.bucket_page(
                    self.ctx.db, importance=importance, expedite=expedite, status=status,
                    dated=True, limit=page, offset=offset, due_before=before)
                yield from rows
                if len(rows) < page:
                    return
                offset += page
                page *= 2

        streams = [stream(i, e, s) for i in ("high", "normal", "low") for e in (0, 1)
                   for s in OPEN_STATUSES]
        merged = heapq.merge(*streams, key=lambda r: (r["promised_by"] or r["due"], r["id"]))
        found: list[JobLine] = []
        for row in merged:
            if row["created"] > at:
                continue
            late = hours(from_iso(row["promised_by"]) or from_iso(row["due"]), as_of)
            if len(found) >= LISTED and late < found[LISTED - 1].late_hours:
                break
            found.append(_line(row, age_days=age(from_iso(row["created"])), late_hours=late))
        return found

    def render(self, report: Report, fmt: str = "md") -> str:
        if fmt == "xlsx":
            from office_tui.services.exports import xlsx_needs_a_file

            raise xlsx_needs_a_file()
        if fmt not in FORMATS:
            raise OfficeError(_("Unknown format '{fmt}': md, csv, json or xlsx.").format(
                fmt=fmt))
        if fmt == "json":
            import json

            return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
        return to_markdown(report) if fmt == "md" else to_csv(report)

    @property
    def folder(self) -> Path:
        """The app's own reports folder, beside the database (made on first use)."""
        return self.ctx.db_path.parent / "reports"

    def default_path(self, report: Report, fmt: str = "md") -> Path:
        """Beside the database: reports/周报-2026-W48.md and the like."""
        names = {"day": _("daily"), "week": _("weekly"), "month": _("monthly"),
                 "custom": _("report")}
        stem = f"{names[report.period.kind]}-{report.period.slug}"
        return self.folder / f"{stem}.{fmt}"

    def write(self, report: Report, fmt: str = "md", path: str | os.PathLike[str] | None = None,
              *, force: bool = False) -> Path:
        """Write the report to `path` (default: the reports folder) as services/output.py
        writes every file: never onto a database or through a link, an existing file
        only with `force`, all or nothing. Only our own reports folder is made when
        missing; any other folder must exist."""
        from office_tui.services import output

        if fmt == "xlsx":  # a sheet per section (services/xlsx_out.py)
            from office_tui.core.report import report_tables
            from office_tui.services.xlsx_out import workbook

            data = workbook(report_tables(report))
        else:
            # utf-8-sig for CSV: spreadsheet programs then read the Chinese right.
            data = self.render(report, fmt).encode("utf-8-sig" if fmt == "csv" else "utf-8")
        target = Path(os.path.expanduser(path)) if path else self.default_path(report, fmt)
        if target.parent.absolute() == self.folder.absolute():
            try:
                self.folder.mkdir(mode=0o700, exist_ok=True)
            except OSError as exc:
                raise OfficeError(_("Cannot write {path}: {reason}").format(
                    path=target, reason=exc.strerror or exc)) from None
        return output.write_file(target, data, database=self.ctx.db_path, force=force)

    def _assets(self, report: Report, p) -> None:
        from office_tui.store import assets as asset_store

        db = self.ctx.db
        report.assets = asset_store.by_department_status(db)
        if not report.assets:
            return
        counts = asset_store.counts(db)
        start, end = _iso(p.start_moment), _iso(p.end_moment)
        report.asset_counts_done = sum(1 for c in counts if c["finished"]
                                       and start <= c["finished"] < end)
        last = next((c for c in counts if c["finished"]), None)
        if last is not None:
            report.assets_missing = [f"{r['tag']} {r['name']}" for r in
                                     asset_store.lines(db, last["id"])
                                     if r["result"] == "missing"]
        report.loans_overdue = [f"{r['tag']} {r['name']} ({r['lent_to']})" for r in
                                asset_store.overdue_loans(db, self.ctx.now().date().isoformat())]

    # -- the other areas ---------------------------------------------------------------
    def _supplies(self, p: kpi.Period, as_of: datetime) -> list[SupplyLine]:
        inventory = self._inventory()
        last = min(p.end, as_of.date())
        if last < p.start:
            return []
        used = inventory.consumption(start=p.start, end=last)
        prices: dict[str, Decimal | None] = {}
        lines = []
        for row in used.rows:
            if row.code not in prices:
                prices[row.code] = self._average_price(inventory, row.code)
            quantity = Decimal(row.quantity_milli) / 1000
            price = prices[row.code]
            lines.append(SupplyLine(
                department=row.department, item=row.name, quantity=_quantity(quantity),
                unit=row.unit, cost=None if price is None else (price * quantity).quantize(
                    Decimal("0.01"))))
        lines.sort(key=lambda s: (s.department, -(s.cost or 0), s.item))
        return lines

    def _average_price(self, _inventory: Any, code: str) -> Decimal | None:
        """What the item cost on average when it was received (weighted by quantity),
        over its newest PRICE_WINDOW movements."""
        total_qty, total_cost = Decimal(0), Decimal(0)
        for quantity_milli, unit_price in store.received_prices(self.ctx.db, code,
                                                                PRICE_WINDOW):
            qty = Decimal(quantity_milli) / 1000
            total_qty += qty
            total_cost += qty * Decimal(unit_price)
        return (total_cost / total_qty) if total_qty else None

    def _vehicle_lines(self, p: kpi.Period) -> list[VehicleLine]:
        from office_tui.store.vehicles import last_odometers

        vehicles = self._vehicles()
        last_reading = last_odometers(self.ctx.db, _iso(p.start_moment - timedelta(days=366)),
                                      _iso(p.start_moment))
        trips: dict[str, list[Any]] = defaultdict(list)
        for b in vehicles.bookings_between(p.start_moment, p.end_moment):
            if b.status != "cancelled" and p.start_moment <= b.start < p.end_moment:
                trips[b.vehicle].append(b)
        names = {v.plate: v.name for v in vehicles.vehicles()}
        lines = []
        for plate, booked in trips.items():
            km, fuel, reading = None, None, last_reading.get(plate)
            for b in sorted(booked, key=lambda b: b.start):
                if b.fuel is not None:
                    fuel = (fuel or 0.0) + b.fuel
                if b.odometer is not None:
                    if reading is not None and b.odometer >= reading:
                        km = (km or 0) + b.odometer - reading
                    reading = b.odometer
            lines.append(VehicleLine(plate, names.get(plate, ""), len(booked), km, fuel))
        lines.sort(key=lambda v: (-v.trips, v.vehicle))
        return lines


def _close_times(per_category: dict[str, list[float]]) -> list[CloseTime]:
    return [CloseTime(c, len(per_category[c]), kpi.median(per_category[c]),
                      kpi.percentile(per_category[c], 90))
            for c in CATEGORIES if per_category.get(c)]


def _departments(counts: dict[str | None, list[int]]) -> list[DepartmentCount]:
    return sorted((DepartmentCount(d, r, c) for d, (r, c) in counts.items()),
                  key=lambda d: (-d.received, -d.closed, d.department or "\uffff"))


def _last_second(holds: Callable[[datetime], bool], moment: datetime) -> datetime | None:
    """The last whole second before `moment` at which `holds` is true, for a `holds` true
    early and false from some moment on (and false at `moment`); None if never true (in
    the ten years before)."""
    step = timedelta(days=7)
    early = (moment - step).replace(microsecond=0)
    while not holds(early):
        step *= 2
        if step > timedelta(days=3660):
            return None
        early = (moment - step).replace(microsecond=0)
    # holds at early + lo seconds, not at early + hi (at or after `moment`)
    lo, hi = 0, math.ceil((moment - early).total_seconds())
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if holds(early + timedelta(seconds=mid)):
            lo = mid
        else:
            hi = mid
    return early + timedelta(seconds=lo)


def _line(row: Row, *, age_days: float = 0.0, late_hours: float = 0.0) -> JobLine:
    return JobLine(
        id=row["id"], title=row["title"], category=row["category"],
        department=row["department"], status=row["status"],
        due=from_iso(row["promised_by"]) or from_iso(row["due"]),
        created=from_iso(row["created"]), closed_at=from_iso(row["closed_at"]),
        expedite=bool(row["expedite"]), age_days=age_days, late_hours=late_hours,
    )


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _quantity(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _working_hours(cal) -> tuple:
    """Working hours between two moments (cal.working_hours_between, from the calendar's
    cached offsets: the reports ask it for every job) and the hours of a working day."""
    offset = cal.offsets()

    def hours(a: datetime, b: datetime) -> float:
        return (offset(b) - offset(a)) / 60.0

    return hours, cal.day_minutes / 60.0
