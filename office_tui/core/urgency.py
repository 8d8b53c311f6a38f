"""Urgency: one number with named parts, so "why is this on top?" has an answer.

importance (high 6, normal 3, low 1) + 12 x due factor + expedite (+15)
+ age (up to +2 over 5 working days) - waiting (5). The due factor is computed in
*working* hours left, with a tunable horizon (UrgencySettings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from office_tui.core.calendar import WorkingCalendar


@dataclass(frozen=True)
class UrgencySettings:
    importance: dict[str, float] = field(
        default_factory=lambda: {"high": 6.0, "normal": 3.0, "low": 1.0}
    )
    due_coefficient: float = 12.0
    horizon_hours: float = 40.0
    far_factor: float = 0.1
    overdue_span_hours: float = 9.0
    expedite: float = 15.0
    age_max: float = 2.0
    age_span_hours: float = 45.0  # 5 working days of 9 hours
    waiting: float = -5.0


@dataclass(frozen=True)
class UrgencyPart:
    name: str  # importance | due | expedite | age | waiting
    value: float
    detail: str = ""


@dataclass(frozen=True)
class Urgency:
    parts: tuple[UrgencyPart, ...]

    @property
    def total(self) -> float:
        return round(sum(p.value for p in self.parts), 2)


def due_factor(hours_left: float | None, settings: UrgencySettings) -> float:
    """0 with no due; 0.1 far away; rising to 1.0 at the due; up to 1.5 when overdue."""
    if hours_left is None:
        return 0.0
    if hours_left >= settings.horizon_hours:
        return settings.far_factor
    if hours_left >= 0:
        return 1.0 - 0.9 * hours_left / settings.horizon_hours
    overdue = -hours_left
    return 1.0 + 0.5 * min(overdue / settings.overdue_span_hours, 1.0)


def compute(
    *,
    importance: str,
    expedite: bool,
    due: datetime | None,
    created: datetime,
    status: str,
    now: datetime,
    calendar: WorkingCalendar,
    settings: UrgencySettings | None = None,
) -> Urgency:
    s = settings or UrgencySettings()
    hours_left = calendar.working_hours_between(now, due) if due is not None else None
    factor = due_factor(hours_left, s)
    age_hours = max(calendar.working_hours_between(created, now), 0.0)
    parts = (
        UrgencyPart("importance", s.importance.get(importance, s.importance["normal"]), importance),
        UrgencyPart("due", round(s.due_coefficient * factor, 2),
                    "" if hours_left is None else f"{hours_left:.1f}"),
        UrgencyPart("expedite", s.expedite if expedite else 0.0),
        UrgencyPart("age", round(s.age_max * min(age_hours / s.age_span_hours, 1.0), 2),
                    f"{age_hours:.1f}"),
        UrgencyPart("waiting", s.waiting if status == "waiting" else 0.0),
    )
    return Urgency(parts)


def sort_key(total: float, due: datetime | None, job_id: int) -> tuple:
    """Higher urgency first, ties by earlier due (none last), then lower id."""
    return (-total, due is None, due or datetime.max, job_id)
