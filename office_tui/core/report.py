"""The daily / weekly / monthly report (日报 / 周报 / 月报) as data, and as Markdown or CSV.

Markdown is written to be pasted into a work report: a title, short tables, and lists of
the jobs that need a word (overdue, late, expedited, not yet answered). Headings go
through `_()`, so a Chinese interface gives Chinese headings. CSV is for spreadsheets:
one block per section, and every text cell that a spreadsheet would run as a formula
(= + - @, tab, carriage return) is neutralised with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from office_tui.core.humanize import NONE, day_moment, full_moment
from office_tui.core.job import to_iso
from office_tui.core.kpi import AGE_BUCKETS, Period, format_rate, rate
from office_tui.core.tables import Table, number
from office_tui.core.text import cell_width, pad, printable
from office_tui.core.vocab import category_label, status_label
from office_tui.i18n import _, pgettext

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class JobLine:
    id: int
    title: str
    category: str
    department: str | None
    status: str
    due: datetime | None
    created: datetime
    closed_at: datetime | None = None
    expedite: bool = False
    age_days: float = 0.0  # working days open (backlog) or to close
    late_hours: float = 0.0  # working hours past the due (overdue / late)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "category": self.category,
                "department": self.department, "status": self.status,
                "due": to_iso(self.due), "created": to_iso(self.created),
                "closed_at": to_iso(self.closed_at), "expedite": self.expedite,
                "age_days": round(self.age_days, 1), "late_hours": round(self.late_hours, 1)}


@dataclass(frozen=True)
class CloseTime:
    category: str
    closed: int
    median_hours: float | None
    p90_hours: float | None


@dataclass(frozen=True)
class DepartmentCount:
    department: str | None
    received: int
    closed: int


@dataclass(frozen=True)
class SupplyLine:
    department: str
    item: str
    quantity: str
    unit: str
    cost: Decimal | None


@dataclass(frozen=True)
class VehicleLine:
    vehicle: str
    name: str
    trips: int
    km: int | None
    fuel: float | None


@dataclass
class Report:
    period: Period
    as_of: datetime
    received: int = 0
    closed: int = 0  # done in the period
    on_time: int = 0
    late: int = 0
    cancelled: int = 0
    close_times: list[CloseTime] = field(default_factory=list)
    backlog: int = 0
    backlog_ages: dict[str, int] = field(default_factory=dict)
    oldest: list[JobLine] = field(default_factory=list)
    overdue: list[JobLine] = field(default_factory=list)
    late_jobs: list[JobLine] = field(default_factory=list)
    expedite: list[JobLine] = field(default_factory=list)
    departments: list[DepartmentCount] = field(default_factory=list)
    replies_outstanding: list[JobLine] = field(default_factory=list)
    replies_total: int = 0
    replies_sent: int = 0  # requesters told in the period
    referrals_outstanding: int = 0  # jobs passed to another department, not back yet
    follow_ups_overdue: int = 0  # of those, the ones whose follow-up day has passed
    handlers: list[tuple[str, int]] = field(default_factory=list)  # open jobs per handler
    # fixed assets: (department, status, count, value); counts finished in the period;
    # assets missing at the last count; loans past their day
    assets: list[tuple[str | None, str, int, str]] = field(default_factory=list)
    asset_counts_done: int = 0
    assets_missing: list[str] = field(default_factory=list)
    loans_overdue: list[str] = field(default_factory=list)
    supplies: list[SupplyLine] | None = None  # None: no inventory in this database
    vehicles: list[VehicleLine] | None = None  # None: no vehicle roster
    # the month's (or a custom period's) car costs: one dict of texts per car, keys
    # plate, name, km, fuel, service, insurance, inspection, total, per_km
    car_costs: list[dict[str, Any]] = field(default_factory=list)
    # the month's canteen: per department {dept, breakfast, lunch, dinner, guests, cost},
    # the share eaten without reporting; utilities per meter {meter, dept, use, unit,
    # cost, vs_previous_pct, vs_last_year_pct, flags} and per department {dept, cost}
    meals: list[dict[str, Any]] = field(default_factory=list)
    meals_rate: float | None = None
    meals_cost: str | None = None
    utilities: list[dict[str, Any]] = field(default_factory=list)
    utility_departments: list[dict[str, Any]] = field(default_factory=list)
    daily_received: list[int] = field(default_factory=list)
    daily_closed: list[int] = field(default_factory=list)
    overdue_count: int = 0  # len(overdue), or more in a summary
    expedite_count: int = 0  # len(expedite), or more in a summary
    # False: a summary for the screen (every number, but each job list holds only its
    # first few): never rendered to a file.
    complete: bool = True

    @property
    def on_time_rate(self) -> float | None:
        return rate(self.on_time, self.closed)

    def to_json(self) -> dict[str, Any]:
        p = self.period
        return {
            "period": {"kind": p.kind, "from": p.start.isoformat(), "to": p.end.isoformat(),
                       "label": p.label},
            "as_of": to_iso(self.as_of),
            "received": self.received, "closed": self.closed, "on_time": self.on_time,
            "late": self.late, "cancelled": self.cancelled, "on_time_rate": self.on_time_rate,
            "close_times": [{"category": c.category, "closed": c.closed,
                             "median_hours": _round(c.median_hours),
                             "p90_hours": _round(c.p90_hours)} for c in self.close_times],
            "backlog": {"open": self.backlog, "ages": self.backlog_ages,
                        "oldest": [j.to_json() for j in self.oldest]},
            "overdue": [j.to_json() for j in self.overdue],
            "late_jobs": [j.to_json() for j in self.late_jobs],
            "expedite": [j.to_json() for j in self.expedite],
            "departments": [{"department": d.department, "received": d.received,
                             "closed": d.closed} for d in self.departments],
            "replies_outstanding": {"count": self.replies_total,
                                    "jobs": [j.to_json() for j in self.replies_outstanding]},
            "replies_sent": self.replies_sent,
            "referrals_outstanding": self.referrals_outstanding,
            "follow_ups_overdue": self.follow_ups_overdue,
            "open_by_handler": [{"handler": h, "open": n} for h, n in self.handlers],
            "assets": {"by_department": [{"department": d, "status": st, "count": n,
                                          "value": v} for d, st, n, v in self.assets],
                       "counts_done": self.asset_counts_done,
                       "missing_at_last_count": self.assets_missing,
                       "loans_overdue": self.loans_overdue},
            "supplies": None if self.supplies is None else [
                {"department": s.department, "item": s.item, "quantity": s.quantity,
                 "unit": s.unit, "cost": None if s.cost is None else f"{s.cost:.2f}"}
                for s in self.supplies],
            "vehicles": None if self.vehicles is None else [
                {"vehicle": v.vehicle, "name": v.name, "trips": v.trips, "km": v.km,
                 "fuel": v.fuel} for v in self.vehicles],
            "car_costs": self.car_costs,
            "meals": {"departments": self.meals, "cost": self.meals_cost,
                      "unreported_rate": self.meals_rate},
            "utilities": {"meters": self.utilities, "departments": self.utility_departments},
            "daily": [{"day": d.isoformat(), "received": r, "closed": c} for d, r, c in
                      zip(p.days, self.daily_received, self.daily_closed)],
        }


# -- labels -----------------------------------------------------------------------------
def report_title(p: Period) -> str:
    titles = {"day": _("Daily report"), "week": _("Weekly report"),
              "month": _("Monthly report"), "custom": _("Work report")}
    return f"{titles.get(p.kind, titles['custom'])} {p.label}"


def age_label(key: str) -> str:
    labels = {"lt1": _("under 1 working day"), "1to3": _("1–3 working days"),
              "3to5": _("3–5 working days"), "5to10": _("5–10 working days"),
              "ge10": _("10 working days or more")}
    return labels.get(key, key)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _hours(value: float | None) -> str:
    return NONE if value is None else f"{value:.1f}"


def _moment(value: datetime | None) -> str:
    return NONE if value is None else day_moment(value)


def _dept(value: str | None) -> str:
    return value if value else _("(no department)")


# -- Markdown ---------------------------------------------------------------------------
def _md(text: str | None) -> str:
    """User text inside Markdown: one line, control characters visible, and a `|` that
    cannot break a table. Nothing else is escaped: the text must read right pasted raw."""
    return printable(text or "").replace("|", "\\|")


def _table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> list[str]:
    """A Markdown table whose columns also line up as plain text: padded by display width
    (a CJK character takes two cells), never by len()."""
    widths = [max([3, cell_width(h)] + [cell_width(r[i]) for r in rows])
              for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(pad(c, w, right=i in right)
                                 for i, (c, w) in enumerate(zip(cells, widths))) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if i in right else "-" * (w + 2)
                          for i, w in enumerate(widths)) + "|"
    return [line(headers), rule] + [line(row) for row in rows]


def _job_item(job: JobLine, extra: str) -> str:
    if job.department:
        # Translators: a job in a report list; zh: {title}（{department}）
        title = _("{title} ({department})").format(title=_md(job.title),
                                                   department=_md(job.department))
    else:
        title = _md(job.title)
    return f"- #{job.id} {title} — {extra}"


def _complete(report: Report) -> None:
    if not report.complete:
        raise ValueError("a summary report lists only the first jobs: build the full one")


def to_markdown(report: Report) -> str:
    _complete(report)
    p = report.period
    out: list[str] = [f"# {report_title(p)}", ""]
    out.append(_("Figures as of {moment}. On time means closed no later than the due or the "
                 "promised time.").format(moment=full_moment(report.as_of)))
    out.append("")
    out.append("## " + _("Summary"))
    out.append("")
    summary = [
        (_("Requests received"), str(report.received)),
        (_("Closed"), str(report.closed)),
        (_("Closed on time"), str(report.on_time)),
        (_("Closed late"), str(report.late)),
        (_("On-time rate"), format_rate(report.on_time_rate)),
        (_("Cancelled"), str(report.cancelled)),
        (_("Open at the end"), str(report.backlog)),
        (_("Overdue at the end"), str(len(report.overdue))),
        (_("Requesters not yet told"), str(report.replies_total)),
        (_("Replies sent"), str(report.replies_sent)),
        (_("Referrals outstanding"), str(report.referrals_outstanding)),
        (_("Follow-ups overdue"), str(report.follow_ups_overdue)),
    ]
    out += _table([_("Measure"), _("Value")], [[k, v] for k, v in summary], right={1})
    out.append("")
    if report.assets:
        from office_tui.core.assets import status_label as asset_status

        out.append("## " + _("Fixed assets by department and status"))
        out.append("")
        out += _table([_("Department"), _("Status"), _("Assets"), _("Value")],
                      [[_md(_dept(d)), asset_status(st), str(n), v]
                       for d, st, n, v in report.assets], right={2, 3})
        out.append("")
        out.append(_("Counts finished in the period: {n}. Missing at the last count: {missing}. "
                     "Loans overdue: {loans}.").format(
            n=report.asset_counts_done,
            missing=_md(", ".join(report.assets_missing)) or "0",
            loans=_md(", ".join(report.loans_overdue)) or "0"))
        out.append("")
    if report.handlers:
        out.append("## " + _("Open jobs by handler"))
        out.append("")
        out += _table([_("Handler"), _("Open")],
                      [[_md(h), str(n)] for h, n in report.handlers], right={1})
        out.append("")

    if report.close_times:
        out.append("## " + _("Time to close by category (working hours)"))
        out.append("")
        out += _table([_("Category"), _("Closed"), _("Median"), _("90th percentile")],
                      [[category_label(c.category), str(c.closed), _hours(c.median_hours),
                        _hours(c.p90_hours)] for c in report.close_times], right={1, 2, 3})
        out.append("")

    out.append("## " + _("Open backlog by age"))
    out.append("")
    out += _table([_("Age"), _("Jobs")],
                  [[age_label(key), str(report.backlog_ages.get(key, 0))]
                   for _bound, key in AGE_BUCKETS], right={1})
    if report.oldest:
        out.append("")
        out.append(_("Oldest open:"))
        out += [_job_item(j, _("open {days} working days, {status}").format(
            days=f"{j.age_days:.1f}", status=status_label(j.status))) for j in report.oldest]
    out.append("")

    sections = [
        (_("Overdue"), report.overdue,
         lambda j: _("due {due}, {hours} working hours over").format(
             due=_moment(j.due), hours=f"{j.late_hours:.1f}")),
        (_("Closed late"), report.late_jobs,
         lambda j: _("due {due}, closed {closed}").format(due=_moment(j.due),
                                                          closed=_moment(j.closed_at))),
        (_("Expedited"), report.expedite,
         lambda j: status_label(j.status) + (
             " " + _moment(j.closed_at) if j.closed_at else "")),
    ]
    for heading, jobs, extra in sections:
        if not jobs:
            continue
        out.append(f"## {heading}")
        out.append("")
        out += [_job_item(j, extra(j)) for j in jobs]
        out.append("")

    if report.departments:
        out.append("## " + _("Requests by department"))
        out.append("")
        out += _table([_("Department"), pgettext("requests", "Received"), _("Closed")],
                      [[_md(_dept(d.department)), str(d.received), str(d.closed)]
                       for d in report.departments], right={1, 2})
        out.append("")

    if report.replies_total:
        out.append("## " + _("Replies outstanding"))
        out.append("")
        out += [_job_item(j, _("closed {closed}").format(closed=_moment(j.closed_at)))
                for j in report.replies_outstanding]
        if report.replies_total > len(report.replies_outstanding):
            out.append(_("- … and {n} more").format(
                n=report.replies_total - len(report.replies_outstanding)))
        out.append("")

    if report.supplies:
        out.append("## " + _("Supplies issued by department"))
        out.append("")
        by_dept: dict[str, list[SupplyLine]] = {}
        for line in report.supplies:
            by_dept.setdefault(line.department, []).append(line)
        rows = []
        for dept, lines in by_dept.items():
            cost = sum((s.cost for s in lines if s.cost is not None), Decimal(0))
            top = sorted(lines, key=lambda s: -(s.cost or 0))[:3]
            # Translators: how a list is joined in a sentence; zh: 、
            main = _(", ").join(_("{item} x{quantity}").format(item=_md(s.item),
                                                                quantity=s.quantity)
                                for s in top)
            rows.append((cost, [_md(_dept(dept)), str(len(lines)), f"{cost:.2f}", main]))
        rows.sort(key=lambda pair: -pair[0])
        out += _table([_("Department"), _("Items"), _("Cost"), _("Mostly")],
                      [row for _cost, row in rows], right={1, 2})
        total = sum((s.cost for s in report.supplies if s.cost is not None), Decimal(0))
        out.append("")
        out.append(_("Total cost: {total} (at the average price paid; every line is in the "
                     "CSV).").format(total=f"{total:.2f}"))
        out.append("")

    if report.vehicles:
        out.append("## " + _("Trips by vehicle"))
        out.append("")
        out += _table([_("Vehicle"), _("Trips"), _("km"), _("Fuel (L)")],
                      [[f"{_md(v.vehicle)} {_md(v.name)}".strip(), str(v.trips),
                        NONE if v.km is None else str(v.km),
                        NONE if v.fuel is None else f"{v.fuel:.1f}"] for v in report.vehicles],
                      right={1, 2, 3})
        out.append("")
    if report.car_costs:
        out.append("## " + _("Car costs"))
        out.append("")
        out += _table([_("Vehicle"), _("km"), _("Fuel"), _("Service"), _("Insurance"),
                       _("Inspection"), _("Total"), _("Per km")],
                      [[f"{_md(c['plate'])} {_md(c['name'])}".strip(), str(c["km"]),
                        c["fuel"], c["service"], c["insurance"], c["inspection"], c["total"],
                        c["per_km"] or NONE] for c in report.car_costs],
                      right={1, 2, 3, 4, 5, 6, 7})
        out.append("")
    if report.meals:
        out.append("## " + _("Meals by department"))
        out.append("")
        out += _table([_("Department"), _("Breakfast"), _("Lunch"), _("Dinner"), _("Guests"),
                       _("Cost")],
                      [[_md(m["dept"]), str(m["breakfast"]), str(m["lunch"]), str(m["dinner"]),
                        str(m["guests"]), m["cost"]] for m in report.meals],
                      right={1, 2, 3, 4, 5})
        out.append("")
        rate = NONE if report.meals_rate is None else f"{report.meals_rate * 100:.1f}%"
        out.append(_("Total {cost}; eaten without reporting: {rate} of those served.").format(
            cost=report.meals_cost, rate=rate))
        out.append("")
    if report.utilities:
        out.append("## " + _("Water, power, gas and heat"))
        out.append("")

        def pct(value: str | None) -> str:
            return NONE if value is None else f"{float(value):+.1f}%"

        out += _table([_("Meter"), _("Department"), _("Use"), _("Cost"), _("vs month before"),
                       _("vs a year before")],
                      [[_md(u["meter"]), _md(_dept(u["dept"])),
                        NONE if u["use"] is None else f"{u['use']} {u['unit']}",
                        u["cost"] or NONE, pct(u["vs_previous_pct"]),
                        pct(u["vs_last_year_pct"])] for u in report.utilities],
                      right={2, 3, 4, 5})
        out.append("")
        for d in report.utility_departments:
            out.append(f"- {_md(_dept(d['dept']))}: {d['cost']}")
        flags = [f for u in report.utilities for f in u["flags"]]
        if flags:
            out.append("")
            out += [f"- ⚠ {_md(f)}" for f in flags]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# -- CSV --------------------------------------------------------------------------------
def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would evaluate becomes plain text; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(report: Report) -> str:
    """One block per section: its title, its header, its rows, a blank line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for table in report_tables(report):
        writer.writerow([neutralise(table.title)])
        writer.writerow([neutralise(h) for h in table.headers])
        for row in table.rows:
            writer.writerow([neutralise(_csv_value(v)) for v in row])
        writer.writerow([])
    return buffer.getvalue()


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return _iso(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def report_tables(report: Report) -> list[Table]:
    """The report's sections as tables, cells typed (numbers, days, moments): the CSV
    blocks and the sheets of the Excel workbook."""
    _complete(report)
    tables: list[Table] = []

    def block(name: str, headers: list[str], rows: list[list[Any]],
              sheet: str | None = None) -> None:
        tables.append(Table(name, headers, rows, sheet=sheet))

    p = report.period
    block(report_title(p), [_("Measure"), _("Value")], [
        [_("From"), p.start], [_("To"), p.end],
        [_("As of"), report.as_of.replace(second=0, microsecond=0)],
        [_("Requests received"), report.received], [_("Closed"), report.closed],
        [_("Closed on time"), report.on_time], [_("Closed late"), report.late],
        [_("On-time rate %"), report.on_time_rate], [_("Cancelled"), report.cancelled],
        [_("Open at the end"), report.backlog], [_("Overdue at the end"), len(report.overdue)],
        [_("Requesters not yet told"), report.replies_total],
        [_("Replies sent"), report.replies_sent],
        [_("Referrals outstanding"), report.referrals_outstanding],
        [_("Follow-ups overdue"), report.follow_ups_overdue],
    ], sheet=_("Summary"))
    block(_("Open jobs by handler"), [_("Handler"), _("Open")],
          [[h, n] for h, n in report.handlers])
    block(_("Time to close by category (working hours)"),
          [_("Category"), _("Closed"), _("Median"), _("90th percentile")],
          [[c.category, c.closed, _round(c.median_hours), _round(c.p90_hours)]
           for c in report.close_times], sheet=_("Time to close"))
    block(_("Open backlog by age"), [_("Age"), _("Jobs")],
          [[age_label(key), report.backlog_ages.get(key, 0)] for _b, key in AGE_BUCKETS])
    job_headers = [_("ID"), _("Title"), _("Category"), _("Department"), _("Status"), _("Due"),
                   _("Closed"), _("Working days"), _("Hours over")]

    def job_rows(jobs: list[JobLine]) -> list[list[Any]]:
        return [[j.id, j.title, j.category, j.department, j.status, _minute(j.due),
                 _minute(j.closed_at), round(j.age_days, 1), round(j.late_hours, 1)]
                for j in jobs]

    block(_("Oldest open"), job_headers, job_rows(report.oldest))
    block(_("Overdue"), job_headers, job_rows(report.overdue))
    block(_("Closed late"), job_headers, job_rows(report.late_jobs))
    block(_("Expedited"), job_headers, job_rows(report.expedite))
    block(_("Requests by department"), [_("Department"), pgettext("requests", "Received"), _("Closed")],
          [[d.department, d.received, d.closed] for d in report.departments])
    block(_("Replies outstanding"), job_headers, job_rows(report.replies_outstanding))
    if report.supplies is not None:
        block(_("Supplies issued by department"),
              [_("Department"), _("Item"), _("Quantity"), _("Unit"), _("Cost")],
              [[s.department, s.item, number(s.quantity), s.unit,
                None if s.cost is None else s.cost.quantize(CENTS)] for s in report.supplies],
              sheet=_("Supplies issued"))
    if report.vehicles is not None:
        block(_("Trips by vehicle"), [_("Vehicle"), _("Name"), _("Trips"), _("km"),
                                      _("Fuel (L)")],
              [[v.vehicle, v.name, v.trips, v.km, v.fuel] for v in report.vehicles])
    if report.car_costs:
        keys = ("plate", "name", "km", "fuel", "service", "insurance", "inspection", "total",
                "per_km")
        block(_("Car costs"), [_("Vehicle"), _("Name"), _("km"), _("Fuel"), _("Service"),
                               _("Insurance"), _("Inspection"), _("Total"), _("Per km")],
              [[c[k] if k in ("plate", "name") else _number(c[k]) for k in keys]
               for c in report.car_costs])
    if report.meals:
        block(_("Meals by department"), [_("Department"), _("Breakfast"), _("Lunch"),
                                         _("Dinner"), _("Guests"), _("Cost")],
              [[m["dept"], m["breakfast"], m["lunch"], m["dinner"], m["guests"],
                _number(m["cost"])] for m in report.meals])
    if report.utilities:
        block(_("Water, power, gas and heat"),
              [_("Meter"), _("Department"), _("Use"), _("Unit"), _("Cost"),
               _("vs month before"), _("vs a year before"), _("Flags")],
              [[u["meter"], u["dept"], _number(u["use"]), u["unit"], _number(u["cost"]),
                _number(u["vs_previous_pct"]), _number(u["vs_last_year_pct"]),
                "; ".join(u["flags"])] for u in report.utilities],
              sheet=_("Utilities"))
    block(_("Per day"), [_("Day"), pgettext("requests", "Received"), _("Closed")],
          [[d, r, c] for d, r, c in zip(p.days, report.daily_received, report.daily_closed)])
    return tables


CENTS = Decimal("0.01")


def _number(value: Any) -> Any:
    """A number kept as text in the report's data (money, a meter's use) as a number."""
    return number(value) if isinstance(value, str) else value


def _minute(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(second=0, microsecond=0)


def _iso(moment: datetime | date | None) -> str | None:
    if moment is None:
        return None
    return moment.isoformat(sep=" ", timespec="minutes") if isinstance(moment, datetime) \
        else moment.isoformat()
