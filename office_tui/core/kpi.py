"""The numbers a supervisor asks for (限时办结率, 件件有结果): pure maths, no I/O.

On time means closed no later than the due or the promised time (承诺期限), whichever is
later; a job with neither has no limit to miss. The on-time rate is closed on time ÷
closed, as a percentage with one decimal (2 of 3 → 66.7).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

PERIODS = ("day", "week", "month", "custom")
# Age buckets of the open backlog, in working days: (upper bound, key).
AGE_BUCKETS: tuple[tuple[float, str], ...] = (
    (1.0, "lt1"), (3.0, "1to3"), (5.0, "3to5"), (10.0, "5to10"), (math.inf, "ge10"))


def on_time(closed_at: datetime, due: datetime | None, promised_by: datetime | None) -> bool:
    limits = [m for m in (due, promised_by) if m is not None]
    return not limits or closed_at <= max(limits)


def rate(part: int, whole: int) -> float | None:
    """part ÷ whole as a percentage rounded to one decimal; None when there is no whole."""
    if whole <= 0:
        return None
    return round(100.0 * part / whole + 1e-9, 1)


def format_rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def percentile(values: Sequence[float], p: float) -> float | None:
    """The p-th percentile (0..100) by linear interpolation between ranks (numpy's default)."""
    if not values:
        return None
    if not 0 <= p <= 100:
        raise ValueError("p must be between 0 and 100")
    ordered = sorted(values)
    position = (len(ordered) - 1) * p / 100.0
    low = math.floor(position)
    high = math.ceil(position)
    if low == high:
        return float(ordered[low])
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float | None:
    return percentile(values, 50)


def age_bucket(working_days: float) -> str:
    for bound, key in AGE_BUCKETS:
        if working_days < bound:
            return key
    return AGE_BUCKETS[-1][1]


def bucket_counts(ages: Sequence[float]) -> dict[str, int]:
    counts = {key: 0 for _bound, key in AGE_BUCKETS}
    for age in ages:
        counts[age_bucket(age)] += 1
    return counts


@dataclass(frozen=True)
class Period:
    kind: str
    start: date  # first day, included
    end: date  # last day, included

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]

    @property
    def start_moment(self) -> datetime:
        return datetime.combine(self.start, datetime.min.time())

    @property
    def end_moment(self) -> datetime:
        """The first moment after the period."""
        return datetime.combine(self.end + timedelta(days=1), datetime.min.time())

    @property
    def label(self) -> str:
        if self.kind == "day":
            return self.start.isoformat()
        if self.kind == "week":
            year, week, _day = self.start.isocalendar()
            return f"{year}-W{week:02d} ({self.start.isoformat()} – {self.end.isoformat()})"
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    @property
    def slug(self) -> str:
        """For file names: 2026-11-27, 2026-W48, 2026-11, 2026-11-01_2026-11-15."""
        if self.kind == "day":
            return self.start.isoformat()
        if self.kind == "week":
            year, week, _day = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        return f"{self.start.isoformat()}_{self.end.isoformat()}"


def period(kind: str, today: date, start: date | None = None, end: date | None = None) -> Period:
    if kind == "day":
        return Period("day", today, today)
    if kind == "week":
        monday = today - timedelta(days=today.weekday())
        return Period("week", monday, monday + timedelta(days=6))
    if kind == "month":
        first = today.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return Period("month", first, following - timedelta(days=1))
    if kind == "custom":
        if start is None or end is None:
            raise ValueError("a custom period needs both ends")
        if end < start:
            raise ValueError("the period ends before it starts")
        return Period("custom", start, end)
    raise ValueError(f"unknown period {kind!r}")


def daily_counts(moments: Sequence[datetime], p: Period) -> list[int]:
    """How many of `moments` fall on each day of the period."""
    index = {day: i for i, day in enumerate(p.days)}
    counts = [0] * len(index)
    for moment in moments:
        i = index.get(moment.date())
        if i is not None:
            counts[i] += 1
    return counts


def bar(value: float, largest: float, width: int = 20) -> str:
    """A bar of block characters, in proportion to the largest value (eighths of a cell)."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(width * 8 * value / largest))
    full, rest = divmod(eighths, 8)
    return "█" * full + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[rest]
