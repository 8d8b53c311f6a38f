"""The day's queue: what today holds, in sections, most pressing first.

Every open job appears once, in the first section it belongs to: Overdue, At risk (under
20 % of its time limit left), Promised today, Routines due (made by a routine, due today),
Due today. Then the other areas' lines where they exist: Today's trips (vehicle
bookings), Low stock (at or under the reorder point), Vehicle and driver reminders; and
the jobs done whose requester has not been told yet (Awaiting reply).

A job section lists its JOBS_LISTED most urgent jobs and counts them all (Section.total),
at a cost that does not grow with the database: overdue jobs are ranked from an indexed
due range like the Jobs list, the others come from the open jobs not yet overdue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from office_tui.core.job import Job, from_iso, overdue_before, to_iso
from office_tui.core.urgency import sort_key
from office_tui.core.vocab import count_passengers, section_label
from office_tui.i18n import _, ngettext
from office_tui.store import jobs as job_store
from office_tui.store import reports as report_store

if TYPE_CHECKING:
    from collections.abc import Callable

    from office_tui.services.context import Context
    from office_tui.services.assets import AssetService
    from office_tui.services.inventory import InventoryService
    from office_tui.services.jobs import JobService
    from office_tui.services.reports import ReportService
    from office_tui.services.rooms import RoomService
    from office_tui.services.utilities import UtilityService
    from office_tui.services.routines import RoutineService
    from office_tui.services.vehicles import VehicleService

SECTIONS = ("overdue", "at_risk", "due_today", "promised_today", "follow_ups", "trips",
            "rooms", "routines", "awaiting_reply", "low_stock", "reminders", "loans",
            "meters")
JOB_SECTIONS = ("overdue", "at_risk", "due_today", "promised_today", "follow_ups",
                "routines", "awaiting_reply")
AWAITING_LISTED = 50
# Jobs listed per job section (the Today screen draws as many); Section.total counts all.
JOBS_LISTED = 100


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
    total: int = -1  # the full count when more may exist than are listed (job sections)

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
    complete: bool = True  # False: the job sections only, before add_areas()

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
            # listed in "sections" or not: a long section lists its most pressing only
            "more": {s.name: max(s.count - len(s.items), 0) for s in self.sections},
            "open": self.open_jobs,
            "week_on_time": {"on_time": self.on_time, "closed": self.closed,
                             "rate": self.on_time_rate},
            "sections": {s.name: [i.to_json() for i in s.items] for s in self.sections},
            # the referrals to chase, also at the top (scripts ask for them by name)
            "follow_ups": [i.to_json() for i in self.section("follow_ups").items],
        }


def _urgency_order(job: Job) -> tuple:
    """The Jobs list's order: higher urgency first, then earlier (promised) due, lower id."""
    return sort_key(job.urgency.total, job.effective_due, job.id)


class TodayService:
    def __init__(self, ctx: Context, *, jobs: JobService, routines: RoutineService,
                 reports: Callable[[], ReportService], vehicles: Callable[[], VehicleService],
                 inventory: Callable[[], InventoryService],
                 assets: Callable[[], AssetService] | None = None,
                 rooms: Callable[[], RoomService] | None = None,
                 utilities: Callable[[], UtilityService] | None = None) -> None:
        self.ctx = ctx
        self._jobs, self._routines = jobs, routines
        # The other areas' lines (add_areas) come after the job sections are drawn:
        # their modules load then.
        self._reports, self._vehicles, self._inventory = reports, vehicles, inventory
        self._assets = assets
        self._rooms = rooms
        self._utilities = utilities

    def build(self, *, generate: bool = True, areas: bool = True) -> TodayView:
        """The day's queue; first makes today's routine jobs (once: see RoutineService).

        With areas=False only the job sections (what the screen draws first; the week's
        on-time figure and the trips, stock and reminder lines come from add_areas(),
        which reads the other areas' data and loads their code)."""
        made = self._routines.generate() if generate else []
        now = self.ctx.now()
        today = now.date()
        buckets: dict[str, list[Job | Line]] = {name: [] for name in SECTIONS}
        totals: dict[str, int] = {}
        # Overdue: the first JOBS_LISTED of the indexed due range before the bound, ranked
        # like the Jobs list, and the count of the whole range.
        bound = overdue_before(now, self.ctx.calendar)
        overdue, totals["overdue"] = self._jobs.due_before(bound, limit=JOBS_LISTED)
        buckets["overdue"] = list(overdue)
        # Every other job section holds jobs not overdue yet, so they are among the open
        # jobs due from the bound on: the work ahead, however long the history. At risk
        # depends on each job's creation too, so those are sorted out here, one by one.
        ahead = sorted(self._ahead(now, bound), key=_urgency_order)
        due_today = [j.id for j in ahead if j.due_today(now)]
        from_routines = set(self._routines.job_routines(due_today))
        for job in ahead:  # in urgency order
            name = self._section_of(job, now, job.id in from_routines)
            if name:
                buckets[name].append(job)
        for name in ("at_risk", "due_today", "promised_today", "routines"):
            totals[name] = len(buckets[name])
            del buckets[name][JOBS_LISTED:]
        # Referrals to chase today or before (the oldest, the most overdue, first), from
        # the follow-up index. Chasing is what such a job needs now: it is listed here
        # only, not also among the overdue or due today.
        chase = self._jobs.follow_ups(today)
        buckets["follow_ups"], totals["follow_ups"] = list(chase), len(chase)
        chased = {j.id for j in chase}
        for name in ("overdue", "at_risk", "due_today", "promised_today", "routines"):
            kept = [j for j in buckets[name] if j.id not in chased]
            totals[name] -= len(buckets[name]) - len(kept)
            buckets[name] = kept
        awaiting = report_store.awaiting_reply(self.ctx.db, AWAITING_LISTED)
        buckets["awaiting_reply"] = [Job.from_row(r, now, self.ctx.calendar, self.ctx.urgency)
                                     for r in awaiting]
        totals["awaiting_reply"] = report_store.count_awaiting_reply(self.ctx.db)
        sections = [Section(name, buckets[name], totals.get(name, -1)) for name in SECTIONS]
        view = TodayView(day=today, now=now, sections=sections,
                         open_jobs=self._jobs.count(), new_from_routines=len(made),
                         complete=False)
        if areas:
            self.add_areas(view)
        return view

    def add_areas(self, view: TodayView) -> None:
        """Fill in the lines of the other areas and the week's on-time figure."""
        view.section("trips").items = self._trips(view.day)
        view.section("rooms").items = self._room_bookings(view.day)
        view.section("low_stock").items = self._low_stock()
        view.section("reminders").items = self._reminders(view.day)
        view.section("loans").items = self._loans(view.day)
        view.section("meters").items = self._meter_flags()
        reports = self._reports()
        view.on_time, view.closed, view.on_time_rate = reports.on_time(reports.period("week"))
        view.complete = True

    def _ahead(self, now: datetime, bound: datetime) -> list[Job]:
        """The open jobs due from `bound` on that may be in a section: due today, or
        possibly at risk. A cheap test first (two calendar offsets a row, with room to
        spare: at risk means under 20 % of the span left, this keeps under 25 %); the
        sections themselves are decided on the Job (_section_of)."""
        calendar, today = self.ctx.calendar, now.date()
        at = calendar.offset(now)
        found = []
        for row in job_store.due_from(self.ctx.db, bound.isoformat()):
            due = from_iso(row["promised_by"] or row["due"])
            if due is None:
                continue
            if due.date() != today:
                ends = calendar.offset(due)
                left, span = ends - at, ends - calendar.offset(from_iso(row["created"]) or now)
                if not left < 0.25 * span:
                    continue
            found.append(Job.from_row(row, now, calendar, self.ctx.urgency))
        return found

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

    # -- the other areas -----------------------------------------------------------------
    def _trips(self, today: date) -> list[Job | Line]:
        lines: list[Job | Line] = []
        for b in self._vehicles().bookings(today):
            if b.status in ("cancelled", "returned"):
                continue
            who = " · ".join(x for x in (b.department, b.driver) if x)
            lines.append(Line(
                kind="trip", key=f"trip:{b.id}",
                when=f"{b.start:%H:%M}–{b.end:%H:%M}",
                text=f"{b.vehicle} → {b.destination}",
                detail=count_passengers(b.passengers) + (f" · {who}" if who else ""),
                data=b.to_json()))
        return lines

    def _room_bookings(self, today: date) -> list[Job | Line]:
        """Today's meetings in the rooms, beside the trips (index room_bookings_held)."""
        if self._rooms is None:
            return []
        lines: list[Job | Line] = []
        for b in self._rooms().bookings(today):
            who = " · ".join(x for x in (b.department,
                                         ngettext("{n} person", "{n} people", b.people)
                                         .format(n=b.people) if b.people else None) if x)
            lines.append(Line(kind="room", key=f"room:{b.id}",
                              when=f"{b.start:%H:%M}–{b.end:%H:%M}",
                              text=f"{b.room} · {b.title}", detail=who, data=b.to_json()))
        return lines

    def _low_stock(self) -> list[Job | Line]:
        lines: list[Job | Line] = []
        for line in self._inventory().stock(low=True):
            data = line.to_json()
            days = line.forecast.days_left_text()
            lines.append(Line(
                kind="stock", key=f"stock:{data['code']}",
                when=ngettext("{n} day left", "{n} days left", 1 if days == "1" else 2).format(
                    n=days) if days else "",
                text=f"{data['name']}",
                detail=_("{stock} {unit} in stock, reorder at {point}").format(
                    stock=data["stock"], unit=data["unit"], point=data["reorder_point"]),
                warn=bool(data.get("stock") == 0), data=data))
        return lines

    def _loans(self, today: date) -> list[Job | Line]:
        """Fixed assets lent and not back by their day (index assets_lent)."""
        if self._assets is None:
            return []
        return [Line(kind="loan", key=f"loan:{a.tag}", when=a.lent_due.isoformat(),
                     text=f"{a.tag} {a.name}", detail=a.lent_to or "", warn=True,
                     data=a.to_json())
                for a in self._assets().overdue_loans(today)]

    def _meter_flags(self) -> list[Job | Line]:
        """Meter periods closed lately that look wrong (a leak?); `f` makes a repair job."""
        if self._utilities is None:
            return []
        return [Line(kind="meter", key=f"meter:{f.meter.id}:{f.period.end}",
                     when=f.period.end.isoformat(), text=f.meter.name, detail=f.text,
                     warn=True, data=f.to_json())
                for f in self._utilities().flags()]

    def _reminders(self, today: date) -> list[Job | Line]:
        lines: list[Job | Line] = []
        for i, r in enumerate(self._vehicles().reminders(today)):
            data = r.to_json()
            lines.append(Line(kind="reminder", key=f"reminder:{i}",
                              when=data.get("due") or "", text=r.text, detail=r.subject,
                              warn=r.overdue, data=data))
        return lines
