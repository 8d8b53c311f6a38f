"""Recurrence rules of routines: which days a routine falls on, and which of them to make.

A rule is written as its `--every` text: `daily`, `weekdays`, `weekly:mon,thu`,
`monthly:15`, `monthly:last`, `3d` (every 3 days from the start), `after:10d` (10 days
after the last one was closed). Each occurrence has a *nominal* day (its identity: one
job per routine and nominal day) and a *due* day: weekly, monthly-on-a-date, every-N and
after-N occurrences that fall on a day off are due on the next working day; `daily` means
every calendar day, `weekdays` every working day and `monthly:last` the last working day
of the month, all by the working calendar (holidays, 调休).
"""

from __future__ import annotations

import calendar as _gregorian
import re
from dataclasses import dataclass
from datetime import date, timedelta

from office_tui.core.calendar import WorkingCalendar
from office_tui.i18n import _

KINDS = ("daily", "weekdays", "weekly", "monthly", "monthly_last", "every", "after")
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_ALIASES = {
    **{name: i for i, name in enumerate(WEEKDAY_NAMES)},
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "周一": 0, "周二": 1, "周三": 2, "周四": 3, "周五": 4, "周六": 5, "周日": 6,
    "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
}
_ALIASES = {"每天": "daily", "每日": "daily", "工作日": "weekdays", "workdays": "weekdays",
            "每月最后工作日": "monthly:last"}
_EVERY = re.compile(r"^(\d{1,4})d$")
_AFTER = re.compile(r"^after:(\d{1,4})d$")
CATCH_UP = ("all", "latest")
# Catching up never reaches further back than this: a quarter of missed days at most.
CATCH_UP_MAX_DAYS = 92


class RecurrenceError(ValueError):
    """A rule that cannot be understood; the message says how to write one."""


@dataclass(frozen=True)
class Rule:
    kind: str
    days: tuple[int, ...] = ()  # weekly: weekday numbers, Monday 0
    day: int = 0  # monthly: day of the month, 1..31 (short months: their last day)
    n: int = 0  # every / after: days

    @property
    def text(self) -> str:
        if self.kind == "weekly":
            return "weekly:" + ",".join(WEEKDAY_NAMES[d] for d in self.days)
        if self.kind == "monthly":
            return f"monthly:{self.day}"
        if self.kind == "monthly_last":
            return "monthly:last"
        if self.kind == "every":
            return f"{self.n}d"
        if self.kind == "after":
            return f"after:{self.n}d"
        return self.kind

    @property
    def rolls(self) -> bool:
        """Does an occurrence on a day off fall due on the next working day?"""
        return self.kind in ("weekly", "monthly", "every", "after")


def _bad(text: str) -> RecurrenceError:
    return RecurrenceError(
        _("Bad repeat '{text}'. Use daily, weekdays, weekly:mon,thu, monthly:15, monthly:last, "
          "3d (every 3 days) or after:10d (10 days after the last one was done).").format(
            text=text))


def parse_rule(text: str) -> Rule:
    raw = (text or "").strip()
    value = _ALIASES.get(raw, raw).lower().replace(" ", "")
    if value in ("daily", "weekdays"):
        return Rule(value)
    if value.startswith("weekly:"):
        names = [n for n in re.split(r"[,，、]", value[len("weekly:"):]) if n]
        if not names or any(n not in _WEEKDAY_ALIASES for n in names):
            raise _bad(raw)
        return Rule("weekly", days=tuple(sorted({_WEEKDAY_ALIASES[n] for n in names})))
    if value.startswith("monthly:"):
        rest = value[len("monthly:"):]
        if rest == "last":
            return Rule("monthly_last")
        if re.fullmatch(r"[0-9]{1,2}", rest) and 1 <= int(rest) <= 31:
            return Rule("monthly", day=int(rest))
        raise _bad(raw)
    if match := _EVERY.match(value):
        if int(match.group(1)) < 1:
            raise _bad(raw)
        return Rule("every", n=int(match.group(1)))
    if match := _AFTER.match(value):
        if int(match.group(1)) < 1:
            raise _bad(raw)
        return Rule("after", n=int(match.group(1)))
    raise _bad(raw)


def month_end(year: int, month: int) -> date:
    return date(year, month, _gregorian.monthrange(year, month)[1])


def last_workday_of_month(year: int, month: int, calendar: WorkingCalendar) -> date | None:
    day = month_end(year, month)
    while day.month == month:
        if calendar.is_workday(day):
            return day
        day -= timedelta(days=1)
    return None  # a month without a working day


def due_day(rule: Rule, nominal: date, calendar: WorkingCalendar) -> date:
    """The day an occurrence is due: rolled to the next working day where the rule rolls."""
    if rule.rolls and not calendar.is_workday(nominal):
        for _step in range(366):
            nominal += timedelta(days=1)
            if calendar.is_workday(nominal):
                return nominal
    return nominal


def occurrences(rule: Rule, start: date, end: date, *, anchor: date,
                calendar: WorkingCalendar) -> list[date]:
    """Nominal days of `rule` in [start, end]; `anchor` is the routine's first day.
    (`after` rules depend on when the last one was done: see `plan`.)"""
    start = max(start, anchor)
    if end < start:
        return []
    if rule.kind == "after":
        raise ValueError("after-rules are planned from the last closing, not listed")
    if rule.kind in ("monthly", "monthly_last"):
        found = []
        year, month = start.year, start.month
        while date(year, month, 1) <= end:
            if rule.kind == "monthly":
                day = date(year, month, min(rule.day, month_end(year, month).day))
            else:
                day = last_workday_of_month(year, month, calendar)
            if day is not None and start <= day <= end:
                found.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found
    if rule.kind == "every":
        skip = (-(start - anchor).days) % rule.n
        first = start + timedelta(days=skip)
        count = (end - first).days // rule.n + 1 if first <= end else 0
        return [first + timedelta(days=i * rule.n) for i in range(count)]
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    if rule.kind == "daily":
        return days
    if rule.kind == "weekdays":
        return [d for d in days if calendar.is_workday(d)]
    if rule.kind == "weekly":
        return [d for d in days if d.weekday() in rule.days]
    raise ValueError(f"unknown rule kind {rule.kind!r}")


def plan(
    rule: Rule,
    *,
    today: date,
    anchor: date,
    generated_through: date | None,
    calendar: WorkingCalendar,
    catch_up: str = "all",
    last_closed: date | None = None,
    open_exists: bool = False,
    last_nominal: date | None = None,
) -> list[date]:
    """Nominal days to turn into jobs now: those not yet considered, up to today.

    `catch_up` "all" makes every missed day (at most CATCH_UP_MAX_DAYS back), "latest"
    only the newest. An `after` rule makes its next one only when none is open: the last
    closing plus N days (never on or before the last one made), or the start day if none
    was ever made.
    """
    if catch_up not in CATCH_UP:
        raise ValueError(f"catch_up must be one of {CATCH_UP}")
    if rule.kind == "after":
        if open_exists:
            return []
        nominal = max(last_closed + timedelta(days=rule.n), anchor) if last_closed else anchor
        if last_nominal is not None:
            nominal = max(nominal, last_nominal + timedelta(days=1))
        return [nominal] if nominal <= today else []
    start = anchor
    if generated_through is not None:
        start = max(start, generated_through + timedelta(days=1))
    start = max(start, today - timedelta(days=CATCH_UP_MAX_DAYS))
    found = occurrences(rule, start, today, anchor=anchor, calendar=calendar)
    return found[-1:] if catch_up == "latest" else found


def next_occurrence(rule: Rule, after: date, *, anchor: date, calendar: WorkingCalendar,
                    last_closed: date | None = None, open_exists: bool = False) -> date | None:
    """The first nominal day after `after` (for listings); None when it waits on a closing."""
    if rule.kind == "after":
        if open_exists:
            return None
        nominal = max(last_closed + timedelta(days=rule.n), anchor) if last_closed else anchor
        return max(nominal, after + timedelta(days=1))
    start = max(after + timedelta(days=1), anchor)
    span = 32
    for _attempt in range(30):  # a year of working days off is the most a rule can skip
        found = occurrences(rule, start, start + timedelta(days=span), anchor=anchor,
                            calendar=calendar)
        if found:
            return found[0]
        start += timedelta(days=span + 1)
    return None
