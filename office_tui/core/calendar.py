"""Working calendar: which days are worked, and working time between two moments.

Working time is measured through `offset()`, the working minutes from a fixed epoch to
a moment. Differences of offsets give working time in O(log holidays), so urgency can be
computed for every row of a large table without walking day by day.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

_EPOCH = date(2000, 1, 3)  # a Monday


@dataclass(frozen=True)
class WorkingCalendar:
    start: time = time(8, 30)
    end: time = time(17, 30)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Mon..Fri
    holidays: frozenset[date] = frozenset()  # days off that would be worked
    workdays: frozenset[date] = frozenset()  # make-up days (调休) that would be off
    _holiday_list: tuple[date, ...] = field(init=False, repr=False, compare=False)
    _workday_list: tuple[date, ...] = field(init=False, repr=False, compare=False)
    _day_minutes: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError("working day must end after it starts")
        object.__setattr__(self, "_day_minutes", _minutes(self.end) - _minutes(self.start))
        # Only the exceptions that change the weekly pattern matter for counting.
        object.__setattr__(
            self, "_holiday_list",
            tuple(sorted(d for d in self.holidays
                         if d.weekday() in self.weekdays and d not in self.workdays)),
        )
        object.__setattr__(
            self, "_workday_list",
            tuple(sorted(d for d in self.workdays if d.weekday() not in self.weekdays)),
        )

    @property
    def day_minutes(self) -> float:
        return self._day_minutes

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() in self.weekdays and day not in self.holidays

    def workdays_before(self, day: date) -> int:
        """Workdays in [epoch, day): a counter whose differences count workdays."""
        weeks, rest = divmod((day - _EPOCH).days, 7)
        count = weeks * len(self.weekdays) + sum(1 for i in range(rest) if i in self.weekdays)
        count -= bisect.bisect_left(self._holiday_list, day)
        count += bisect.bisect_left(self._workday_list, day)
        return count

    def offset(self, moment: datetime) -> float:
        """Working minutes from the epoch to `moment`."""
        day = moment.date()
        base = self.workdays_before(day) * self.day_minutes
        if not self.is_workday(day):
            return base
        into = _minutes(moment.time()) - _minutes(self.start)
        return base + min(max(into, 0.0), self.day_minutes)

    def offsets(self) -> Callable[[datetime], float]:
        """offset() remembering each day's count: the same numbers, for many moments."""
        days: dict[date, tuple[float, bool]] = {}
        start, per_day = _minutes(self.start), self.day_minutes

        def offset(moment: datetime) -> float:
            day = moment.date()
            known = days.get(day)
            if known is None:
                known = days[day] = (self.workdays_before(day) * per_day, self.is_workday(day))
            if not known[1]:
                return known[0]
            into = _minutes(moment.time()) - start
            return known[0] + min(max(into, 0.0), per_day)

        return offset

    def working_hours_between(self, a: datetime, b: datetime) -> float:
        """Signed working hours from a to b."""
        return (self.offset(b) - self.offset(a)) / 60.0

    def nth_workday(self, k: int) -> date:
        """The workday d with workdays_before(d) == k."""
        per_week = max(len(self.weekdays), 1)
        day = _EPOCH + timedelta(days=int(k * 7 / per_week))
        for _ in range(10_000):
            seen = self.workdays_before(day)
            if seen > k:
                day -= timedelta(days=seen - k)
            elif seen < k:
                day += timedelta(days=k - seen)
            elif self.is_workday(day):
                return day
            else:
                day += timedelta(days=1)
        raise ValueError("calendar has no working days")

    def at_offset(self, minutes: float) -> datetime:
        """The moment at a working offset; a whole day's end stays on that day."""
        per_day = self.day_minutes
        k, rest = divmod(minutes, per_day)
        k = int(k)
        if rest == 0 and k > 0:
            k, rest = k - 1, per_day
        day = self.nth_workday(k)
        return datetime.combine(day, self.start) + timedelta(minutes=rest)

    def add_working_minutes(self, moment: datetime, minutes: float) -> datetime:
        return self.at_offset(self.offset(moment) + minutes)

    def end_of_workday(self, moment: datetime) -> datetime:
        """Today's close of work, or the next working day's once today's has passed."""
        day = moment.date()
        if self.is_workday(day) and moment.time() < self.end:
            return datetime.combine(day, self.end)
        return datetime.combine(self.next_workday(day), self.end)

    def next_workday(self, day: date) -> date:
        return self.nth_workday(self.workdays_before(day + timedelta(days=1)))


def _minutes(t: time) -> float:
    return t.hour * 60 + t.minute + t.second / 60
