"""Event kits (会议 / 接待): linked jobs placed at offsets back from the event.

An offset is written `-1d@17:00` (the working day before, at 17:00), `-1d` (the working
day before, at the event's time), `-2h` or `-30m` (clock time before the event),
`@07:30` (the event's day at 07:30), or `+1d@09:00` for clearing up after. A `T` in
front and a typographic minus (`T−1d`) are accepted. Days count *working* days, so name
cards for a Monday meeting are due on Friday, not on Sunday.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from office_tui.core.calendar import WorkingCalendar
from office_tui.i18n import _

_OFFSET = re.compile(
    r"^(?:(?P<sign>[-+])(?P<n>\d{1,3})(?P<unit>[dhm]))?(?:@(?P<hh>\d{1,2})[:：](?P<mm>\d{2}))?$")
EVENT_CATEGORIES = ("reception", "meeting")


class KitError(ValueError):
    """An offset that cannot be understood; the message shows how to write one."""


@dataclass(frozen=True)
class Offset:
    days: int = 0  # working days; negative = before the event
    minutes: int = 0  # clock minutes; negative = before the event
    at: time | None = None  # time of day, with a day offset (or on the event's day)

    @property
    def text(self) -> str:
        if self.days:
            head = f"{self.days:+d}d"
        elif self.minutes and self.minutes % 60 == 0:
            head = f"{self.minutes // 60:+d}h"
        elif self.minutes:
            head = f"{self.minutes:+d}m"
        else:
            head = ""
        tail = f"@{self.at.strftime('%H:%M')}" if self.at else ""
        return (head + tail) or "+0m"

    @property
    def sort_key(self) -> tuple[int, int, time]:
        return (self.days, self.minutes, self.at or time(0))


def parse_offset(text: str) -> Offset:
    raw = (text or "").strip()
    value = raw.replace("−", "-").replace("－", "-").replace("＋", "+").replace(" ", "")
    if value[:1] in ("T", "t"):
        value = value[1:]
    match = _OFFSET.match(value)
    if not value or not match:
        raise KitError(_("Bad offset '{text}'. Write -1d@17:00 (working day before, 17:00), "
                         "-1d, -2h, -30m, @07:30 (the event's day) or +1d@09:00.").format(
                             text=raw))
    sign = -1 if match.group("sign") == "-" else 1
    n = int(match.group("n") or 0) * sign
    unit = match.group("unit")
    at = None
    if match.group("hh") is not None:
        hour, minute = int(match.group("hh")), int(match.group("mm"))
        if hour > 23 or minute > 59:
            raise KitError(_("Bad time in offset '{text}'.").format(text=raw))
        at = time(hour, minute)
        if unit in ("h", "m"):
            raise KitError(_("Offset '{text}': a time of day goes with days (-1d@17:00), "
                             "not with hours or minutes.").format(text=raw))
    if unit == "d":
        return Offset(days=n, at=at)
    if unit == "h":
        return Offset(minutes=n * 60)
    if unit == "m":
        return Offset(minutes=n)
    return Offset(at=at)


def shift_workdays(day: date, n: int, calendar: WorkingCalendar) -> date:
    """The n-th working day before (n < 0) or after (n > 0) `day`; `day` itself for 0."""
    step = -1 if n < 0 else 1
    left = abs(n)
    guard = 0
    while left:
        day += timedelta(days=step)
        guard += 1
        if calendar.is_workday(day):
            left -= 1
        if guard > 3660:
            raise ValueError("calendar has no working days")
    return day


def due_for(offset: Offset, event: datetime, calendar: WorkingCalendar) -> datetime:
    """When a linked job is due, for an event at `event`."""
    day = shift_workdays(event.date(), offset.days, calendar)
    clock = offset.at or event.time()
    return datetime.combine(day, clock) + timedelta(minutes=offset.minutes)


@dataclass(frozen=True)
class KitItem:
    title: str
    offset: Offset
    category: str = "other"
    importance: str = "normal"


def plan(items: list[KitItem], event: datetime,
         calendar: WorkingCalendar) -> list[tuple[KitItem, datetime]]:
    """The linked jobs of a kit for an event, earliest due first."""
    placed = [(item, due_for(item.offset, event, calendar)) for item in items]
    return sorted(placed, key=lambda pair: pair[1])


def linked_title(item_title: str, event_title: str) -> str:
    return f"{item_title} — {event_title}"
