"""The day's queue: what today holds, in sections, most pressing first.

Every open job appears once, in the first section it belongs to: Overdue, At risk (under
20 % of its time limit left), Promised today, Routines due (made by a routine, due today),
Due today. Then the other areas' lines where they exist: Today's trips (vehicle
bookings), Low stock (at or under the reorder point), Vehicle and driver reminders; and
the jobs done whose requester has not been told yet (Awaiting reply).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from office_tui.core.job import Job, to_iso
from office_tui.i18n import _
from office_tui.store import reports as report_store

if TYPE_CHECKING:
    from office_tui.services.context import Services

SECTIONS = ("overdue", "at_risk", "due_today", "promised_today", "trips", "routines",
            "awaiting_reply", "low_stock", "reminders")
JOB_SECTIONS = ("overdue", "at_risk", "due_today", "promised_today", "routines",
                "awaiting_reply")
AWAITING_LISTED = 50


def section_label(name: str) -> str:
    labels = {
        "overdue": _("Overdue"),
        "at_risk": _("At risk"),
        "due_today": _("Due today"),
        "promised_today": _("Promised today"),
        "trips": _("Today's trips"),
        "routines": _("Routines due"),
        "awaiting_reply": _("Awaiting reply"),
        "low_stock": _("Low stock"),
        "reminders": _("Vehicle and driver reminders"),
    }
    return labels.get(name, name)


@dataclass(frozen=True)
class Line:
    """A line that is not a job: a trip, a stock item, a reminder."""

    kind: str  # trip, stock, reminder
    key: str
    when: str  # a short time or date, or ""
    text: str  # what to show (user text inside: display it literally)
    detail: str = ""
    warn: bool = False
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "when": self.when, "text": self.text,
                "detail": self.detail, **self.data}


@dataclass
class Section:
    name: str
    items: list[Job | Line]
    total: int = -1  # more than listed (awaiting reply): the full count

    @property
    def label(self) -> str:
        return section_label(self.name)

    @property
    def count(self) -> int:
        return self.total if self.total >= 0 else len(self.items)


@dataclass
class TodayView:
    day: date
    now: datetime
    sections: list[Section]
    on_time: int = 0
    closed: int = 0
    on_time_rate: float | None = None
    open_jobs: int = 0
    new_from_routines: int = 0

    def section(self, name: str) -> Section:
        return next(s for s in self.sections if s.name == name)

    @property
    def shown(self) -> list[Section]:
        """The sections with something in them, in their order: empty ones fold away."""
        return [s for s in self.sections if s.items]

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "now": to_iso(self.now),
            "counts": {s.name: s.count for s in self.sections},
            "open": self.open_jobs,
            "week_on_time": {"on_time": self.on_time, "closed": self.closed,
                             "rate": self.on_time_rate},
            "sections": {s.name: [i.to_json() for i in s.items] for s in self.sections},
        }


class TodayService:
    def __init__(self, ctx: Services) -> None:
        self.ctx = ctx

    def build(self, *, generate: bool = True) -> TodayView:
        """The day's queue; first makes today's routine jobs (once: see RoutineService)."""
        made = self.ctx.routines.generate() if generate else []
        now = self.ctx.now()
        today = now.date()
        jobs = self.ctx.jobs.list(limit=max(self.ctx.jobs.count(), 1))
        from_routines = set(self.ctx.routines.job_routines([j.id for j in jobs]))
        buckets: dict[str, list[Job | Line]] = {name: [] for name in SECTIONS}
        for job in jobs:  # already in urgency order
            name = self._section_of(job, now, job.id in from_routines)
            if name:
                buckets[name].append(job)
        awaiting = report_store.awaiting_reply(self.ctx.db, AWAITING_LISTED)
        buckets["awaiting_reply"] = [Job.from_row(r, now, self.ctx.calendar, self.ctx.urgency)
                                     for r in awaiting]
        buckets["trips"] = self._trips(today)
        buckets["low_stock"] = self._low_stock()
        buckets["reminders"] = self._reminders(today)
        sections = [Section(name, buckets[name]) for name in SECTIONS]
        awaiting_total = report_store.count_awaiting_reply(self.ctx.db)
        next(s for s in sections if s.name == "awaiting_reply").total = awaiting_total
        good, closed, rate = self.ctx.reports.on_time(self.ctx.reports.period("week"))
        return TodayView(day=today, now=now, sections=sections, on_time=good, closed=closed,
                         on_time_rate=rate, open_jobs=len(jobs), new_from_routines=len(made))

    @staticmethod
    def _section_of(job: Job, now: datetime, from_routine: bool) -> str | None:
        if job.overdue:
            return "overdue"
        if job.at_risk:
            return "at_risk"
        if job.promised_by is not None and job.promised_by.date() == now.date():
            return "promised_today"
        if job.due_today(now):
            return "routines" if from_routine else "due_today"
        return None

    # -- the other areas, where they exist ---------------------------------------------
    def _trips(self, today: date) -> list[Job | Line]:
        vehicles = getattr(self.ctx, "vehicles", None)
        if vehicles is None or not hasattr(vehicles, "bookings"):
            return []
        lines: list[Job | Line] = []
        for b in vehicles.bookings(today):
            if b.status in ("cancelled", "returned"):
                continue
            who = " · ".join(x for x in (b.department, b.driver) if x)
            lines.append(Line(
                kind="trip", key=f"trip:{b.id}",
                when=f"{b.start:%H:%M}–{b.end:%H:%M}",
                text=f"{b.vehicle} → {b.destination}",
                detail=_("{n} passengers").format(n=b.passengers) + (f" · {who}" if who else ""),
                data=b.to_json()))
        return lines

    def _low_stock(self) -> list[Job | Line]:
        inventory = getattr(self.ctx, "inventory", None)
        if inventory is None or not hasattr(inventory, "stock"):
            return []
        lines: list[Job | Line] = []
        for line in inventory.stock(low=True):
            data = line.to_json()
            days = data.get("days_left")
            lines.append(Line(
                kind="stock", key=f"stock:{data['code']}",
                when="" if days is None else _("{n} days left").format(n=days),
                text=f"{data['name']}",
                detail=_("{stock} {unit} in stock, reorder at {point}").format(
                    stock=data["stock"], unit=data["unit"], point=data["reorder_point"]),
                warn=bool(data.get("stock") == 0), data=data))
        return lines

    def _reminders(self, today: date) -> list[Job | Line]:
        vehicles = getattr(self.ctx, "vehicles", None)
        if vehicles is None or not hasattr(vehicles, "reminders"):
            return []
        lines: list[Job | Line] = []
        for i, r in enumerate(vehicles.reminders(today)):
            data = r.to_json()
            lines.append(Line(kind="reminder", key=f"reminder:{i}",
                              when=data.get("due") or "", text=r.text, detail=r.subject,
                              warn=r.overdue, data=data))
        return lines
