"""Reports (日报 / 周报 / 月报): the numbers of a period, from the jobs, the stock ledger and
the vehicle roster (where those areas exist), rendered as Markdown or CSV."""

from __future__ import annotations

import os
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from office_tui.core import kpi
from office_tui.core.job import from_iso
from office_tui.core.report import (
    CloseTime, DepartmentCount, JobLine, Report, SupplyLine, VehicleLine, to_csv, to_markdown,
)
from office_tui.core.vocab import CATEGORIES
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.store import reports as store

if TYPE_CHECKING:
    from office_tui.services.context import Services

Row = dict[str, Any]
FORMATS = ("md", "csv")
OLDEST = 5
LISTED_REPLIES = 20


class ReportService:
    def __init__(self, ctx: Services) -> None:
        self.ctx = ctx

    # -- periods ----------------------------------------------------------------------
    def period(self, kind: str = "week", start: str | None = None,
               end: str | None = None, *, on: date | None = None) -> kpi.Period:
        """The period of `kind` holding `on` (default today), or --from/--to."""
        today = on or self.ctx.now().date()
        if start is not None or end is not None:
            if start is None or end is None:
                raise OfficeError(_("Give both --from and --to (YYYY-MM-DD)."))
            first, last = _day(start, "--from"), _day(end, "--to")
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
        """(closed on time, closed, rate) for jobs done in the period so far."""
        rows = store.closed_done(self.ctx.db, _iso(p.start_moment), _iso(p.end_moment))
        good = sum(1 for due, promised, closed in rows
                   if kpi.on_time(from_iso(closed), from_iso(due), from_iso(promised)))
        return good, len(rows), kpi.rate(good, len(rows))

    def build(self, kind: str = "week", start: str | None = None,
              end: str | None = None, *, on: date | None = None) -> Report:
        p = self.period(kind, start, end, on=on)
        now = self.ctx.now()
        as_of = min(now, p.end_moment)
        db, cal = self.ctx.db, self.ctx.calendar
        day_hours = cal.day_minutes / 60.0
        report = Report(period=p, as_of=as_of)

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
            per_category[row["category"]].append(
                max(cal.working_hours_between(created, closed_at), 0.0))
            if kpi.on_time(closed_at, due, promised):
                report.on_time += 1
            else:
                limit = max(m for m in (due, promised) if m is not None)
                report.late_jobs.append(_line(row, late_hours=max(
                    cal.working_hours_between(limit, closed_at), 0.0)))
        report.late = len(report.late_jobs)
        report.close_times = [
            CloseTime(c, len(per_category[c]), kpi.median(per_category[c]),
                      kpi.percentile(per_category[c], 90))
            for c in CATEGORIES if per_category.get(c)]

        backlog = store.open_at(db, _iso(as_of))
        ages: list[tuple[float, Row]] = []
        for row in backlog:
            created = from_iso(row["created"])
            age = max(cal.working_hours_between(created, as_of), 0.0) / day_hours
            ages.append((age, row))
            due = from_iso(row["promised_by"]) or from_iso(row["due"])
            if due is not None:
                over = cal.working_hours_between(due, as_of)
                if over > 0:
                    report.overdue.append(_line(row, age_days=age, late_hours=over))
        report.backlog = len(backlog)
        report.backlog_ages = kpi.bucket_counts([a for a, _r in ages])
        ages.sort(key=lambda pair: (-pair[0], pair[1]["id"]))
        report.oldest = [_line(r, age_days=a) for a, r in ages[:OLDEST]]
        report.overdue.sort(key=lambda j: (-j.late_hours, j.id))

        seen: set[int] = set()
        for row in received + done + backlog:
            if row["expedite"] and row["id"] not in seen:
                seen.add(row["id"])
                report.expedite.append(_line(row))
        report.expedite.sort(key=lambda j: j.id)

        counts: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
        for row in received:
            counts[row["department"]][0] += 1
        for row in done:
            counts[row["department"]][1] += 1
        report.departments = sorted(
            (DepartmentCount(d, r, c) for d, (r, c) in counts.items()),
            key=lambda d: (-d.received, -d.closed, d.department or "\uffff"))

        report.replies_total = store.count_awaiting_reply(db)
        report.replies_outstanding = [_line(r) for r in store.awaiting_reply(db, LISTED_REPLIES)]
        report.supplies = self._supplies(p, as_of)
        report.vehicles = self._vehicles(p)
        report.daily_received = kpi.daily_counts([from_iso(r["created"]) for r in received], p)
        report.daily_closed = kpi.daily_counts([from_iso(r["closed_at"]) for r in done], p)
        return report

    def render(self, report: Report, fmt: str = "md") -> str:
        if fmt not in FORMATS:
            raise OfficeError(_("Unknown format '{fmt}': md or csv.").format(fmt=fmt))
        return to_markdown(report) if fmt == "md" else to_csv(report)

    def default_path(self, report: Report, fmt: str = "md") -> Path:
        """Beside the database: reports/周报-2026-W48.md and the like."""
        names = {"day": _("daily"), "week": _("weekly"), "month": _("monthly"),
                 "custom": _("report")}
        stem = f"{names[report.period.kind]}-{report.period.slug}"
        return self.ctx.db_path.parent / "reports" / f"{stem}.{fmt}"

    def write(self, report: Report, fmt: str = "md", path: str | os.PathLike[str] | None = None,
              *, overwrite: bool = True) -> Path:
        text = self.render(report, fmt)
        target = Path(path) if path else self.default_path(report, fmt)
        if target.is_dir():
            raise OfficeError(_("{path} is a directory: give a file name.").format(path=target))
        if target.exists() and not overwrite:
            raise OfficeError(_("{path} already exists.").format(path=target))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # utf-8-sig for CSV: spreadsheet programs then read the Chinese right.
            target.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8",
                              newline="")
        except OSError as exc:
            raise OfficeError(_("Cannot write {path}: {reason}").format(
                path=target, reason=exc.strerror or exc)) from None
        return target

    # -- the other areas, where they exist ---------------------------------------------
    def _supplies(self, p: kpi.Period, as_of: datetime) -> list[SupplyLine] | None:
        inventory = getattr(self.ctx, "inventory", None)
        if inventory is None or not hasattr(inventory, "consumption"):
            return None
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

    @staticmethod
    def _average_price(inventory: Any, code: str) -> Decimal | None:
        """What the item cost on average when it was received (weighted by quantity)."""
        total_qty, total_cost = Decimal(0), Decimal(0)
        for movement in inventory.history(code, limit=1000):
            if movement.kind == "receive" and movement.unit_price is not None:
                qty = Decimal(movement.quantity_milli) / 1000
                total_qty += qty
                total_cost += qty * movement.unit_price
        return (total_cost / total_qty) if total_qty else None

    def _vehicles(self, p: kpi.Period) -> list[VehicleLine] | None:
        vehicles = getattr(self.ctx, "vehicles", None)
        if vehicles is None or not hasattr(vehicles, "bookings_between"):
            return None
        earlier = [b for b in vehicles.bookings_between(p.start_moment - timedelta(days=366),
                                                        p.start_moment)
                   if b.odometer is not None and b.status == "returned"]
        last_reading: dict[str, int] = {}
        for b in sorted(earlier, key=lambda b: b.end):
            last_reading[b.vehicle] = b.odometer
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


def _day(value: str, what: str) -> date:
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise OfficeError(_("Bad date '{value}' for {what}: write YYYY-MM-DD.").format(
            value=value, what=what)) from None


def _quantity(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
