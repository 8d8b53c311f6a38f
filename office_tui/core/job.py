"""The Job as the services hand it out: typed fields plus its urgency and time state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.urgency import Urgency, UrgencySettings, compute
from office_tui.core.vocab import CLOSED_STATUSES

AT_RISK_SHARE = 0.2
_DATES = ("due", "promised_by", "waiting_since", "replied_at", "created", "updated", "closed_at")


def overdue_before(now: datetime, calendar: WorkingCalendar) -> datetime:
    """The moment a due must be before for the job to be overdue at `now` (Job.overdue:
    less than no working time left). In working time that is `now`; after the day's
    close, the close; before the day's start or on a day off, the last working day's
    close — a due in the hours off between then and `now` is not overdue yet."""
    day = now.date()
    if calendar.is_workday(day) and now.time() > calendar.start:
        return min(now, datetime.combine(day, calendar.end))
    last = calendar.nth_workday(calendar.workdays_before(day) - 1)
    return datetime.combine(last, calendar.end)


def to_iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def from_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass
class Job:
    id: int
    title: str
    category: str
    department: str | None
    requester: str | None
    importance: str
    expedite: bool
    due: datetime | None
    due_source: str
    promised_by: datetime | None
    promise_reason: str | None
    status: str
    waiting_reason: str | None
    waiting_since: datetime | None
    outcome: str | None
    cancel_reason: str | None
    replied_at: datetime | None
    reply_note: str | None
    created: datetime
    updated: datetime
    closed_at: datetime | None
    location: str | None = None  # a room or place: 3F 会议室
    handler: str | None = None  # who is doing it (责任人); None: the clerk
    referred_to: str | None = None  # the department it was passed to (the clerk still owns it)
    referred_person: str | None = None
    follow_up: date | None = None  # the day to chase a referral
    reply_text: str | None = None  # the reply sent (from a template)
    asset_id: int | None = None  # the fixed asset a repair job is about
    urgency: Urgency = field(default_factory=lambda: Urgency(()))
    limit_left: float | None = None  # share of the time limit still left (None: no due)
    hours_left: float | None = None  # working hours to the (promised) due

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def effective_due(self) -> datetime | None:
        return self.promised_by or self.due

    @property
    def overdue(self) -> bool:
        return not self.is_closed and self.hours_left is not None and self.hours_left < 0

    @property
    def at_risk(self) -> bool:
        return (not self.is_closed and not self.overdue and self.limit_left is not None
                and self.limit_left < AT_RISK_SHARE)

    def due_today(self, now: datetime) -> bool:
        due = self.effective_due
        return not self.is_closed and due is not None and due.date() == now.date()

    @classmethod
    def from_row(
        cls,
        row: dict[str, Any],
        now: datetime,
        calendar: WorkingCalendar,
        settings: UrgencySettings | None = None,
    ) -> Job:
        values = dict(row)
        for name in _DATES:
            values[name] = from_iso(values.get(name))
        values["expedite"] = bool(values["expedite"])
        values["follow_up"] = date.fromisoformat(values["follow_up"]) \
            if values.get("follow_up") else None
        job = cls(**values)
        job.urgency = compute(
            importance=job.importance, expedite=job.expedite, due=job.effective_due,
            created=job.created, status=job.status, now=now, calendar=calendar,
            settings=settings,
        )
        due = job.effective_due
        if due is not None:
            job.hours_left = calendar.working_hours_between(now, due)
            span = calendar.working_hours_between(job.created, due)
            job.limit_left = job.hours_left / span if span > 0 else (1.0 if job.hours_left >= 0 else 0.0)
        return job

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name in (
            "id", "title", "category", "department", "requester", "importance", "expedite",
            "due", "promised_by", "promise_reason", "status", "waiting_reason", "waiting_since",
            "outcome", "cancel_reason", "replied_at", "reply_note", "created", "updated",
            "closed_at", "location", "handler", "referred_to", "referred_person", "follow_up",
            "reply_text", "asset_id",
        ):
            value = getattr(self, name)
            data[name] = (to_iso(value) if isinstance(value, datetime) else
                          value.isoformat() if isinstance(value, date) else value)
        data["urgency"] = self.urgency.total
        data["urgency_parts"] = {p.name: p.value for p in self.urgency.parts}
        data["overdue"] = self.overdue
        data["at_risk"] = self.at_risk
        return data
