"""Default time limits (限时办结) by category, in working time."""

from __future__ import annotations

from datetime import datetime

from office_tui.core.calendar import WorkingCalendar

EOD = "eod"  # the end of the same working day

# Working minutes per category, or EOD. Reception, meeting and vehicle jobs are due
# before their event; without a given time they get one working day to be arranged.
DEFAULT_LIMITS: dict[str, str | int] = {
    "repair": EOD,
    "supply": 540,
    "print": 240,
    "reception": 540,
    "meeting": 540,
    "vehicle": 540,
    "other": 3 * 540,
}


def default_due(
    category: str,
    created: datetime,
    calendar: WorkingCalendar,
    limits: dict[str, str | int] | None = None,
) -> datetime:
    limit = (limits or DEFAULT_LIMITS).get(category, DEFAULT_LIMITS["other"])
    if limit == EOD:
        return calendar.end_of_workday(created)
    return calendar.add_working_minutes(created, float(limit))
