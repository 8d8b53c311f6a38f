"""The working calendar the services use: statutory holidays and make-up workdays (调休)
from the `chinese-calendar` package, the clerk's local overrides, working hours from
settings. The package lookup happens here; core's WorkingCalendar only gets date sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.dates import day_from, day_in_range
from office_tui.core.job import to_iso
from office_tui.core.text import storable
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.store import calendar as store
from office_tui.store import events, write
from office_tui.store import settings

if TYPE_CHECKING:
    from office_tui.services.context import Context

KINDS = ("workday", "holiday")
_KIND_ALIASES = {
    "workday": "workday", "work": "workday", "上班": "workday", "工作日": "workday", "班": "workday",
    "holiday": "holiday", "off": "holiday", "休息": "holiday", "放假": "holiday",
    "节假日": "holiday", "休": "holiday",
}
_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HHMM = re.compile(r"^(\d{1,2})[:：](\d{2})$")

WORK_START = "work_start"
WORK_END = "work_end"
WORK_DAYS = "work_days"


@dataclass(frozen=True)
class Statutory:
    """What the maintained package knows: days off and make-up workdays, and for which years."""

    holidays: frozenset[date]
    workdays: frozenset[date]
    names: dict[date, str]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({d.year for d in self.holidays | self.workdays}))


_STATUTORY: Statutory | None = None


def statutory() -> Statutory:
    """The package's tables, read once per process."""
    global _STATUTORY
    if _STATUTORY is None:
        try:
            import chinese_calendar
        except ImportError:  # pragma: no cover - a declared dependency
            _STATUTORY = Statutory(frozenset(), frozenset(), {})
        else:
            holidays = dict(chinese_calendar.holidays)
            workdays = dict(chinese_calendar.workdays)
            names = {d: str(n) for d, n in holidays.items()}
            names.update({d: str(n) for d, n in workdays.items()})
            _STATUTORY = Statutory(frozenset(holidays), frozenset(workdays), names)
    return _STATUTORY


def parse_day(value: str, today: date) -> date:
    """A day in the quick-add's words (2027-02-07, tomorrow, 周五, +3d), or one line."""
    return day_from(value or "", today)


def parse_clock(value: str) -> time:
    match = _HHMM.match((value or "").strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise OfficeError(_("Bad time '{value}': write it as HH:MM, e.g. 08:30.").format(
            value=value))
    return time(int(match.group(1)), int(match.group(2)))


def build_calendar(
    base: Statutory,
    overrides: list[dict[str, Any]],
    *,
    start: time = time(8, 30),
    end: time = time(17, 30),
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4}),
) -> WorkingCalendar:
    """Package days, then the local table on top: a local entry always wins."""
    holidays, workdays = set(base.holidays), set(base.workdays)
    for row in overrides:
        day = date.fromisoformat(row["day"])
        if row["kind"] == "workday":
            workdays.add(day)
            holidays.discard(day)
        else:
            holidays.add(day)
            workdays.discard(day)
    return WorkingCalendar(start=start, end=end, weekdays=weekdays,
                           holidays=frozenset(holidays), workdays=frozenset(workdays))


class CalendarService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def build(self) -> WorkingCalendar:
        db = self.ctx.db
        hours = self.hours()
        return build_calendar(statutory(), store.all_overrides(db), start=hours["start"],
                              end=hours["end"], weekdays=hours["weekdays"])

    def hours(self) -> dict[str, Any]:
        db = self.ctx.db
        start = _clock_or(settings.get(db, WORK_START), time(8, 30))
        end = _clock_or(settings.get(db, WORK_END), time(17, 30))
        days_text = settings.get(db, WORK_DAYS)
        weekdays = frozenset({0, 1, 2, 3, 4})
        if days_text:
            found = {_WEEKDAY_NAMES.index(d) for d in days_text.split(",") if d in _WEEKDAY_NAMES}
            weekdays = frozenset(found) or weekdays
        if not start < end:
            start, end = time(8, 30), time(17, 30)
        return {"start": start, "end": end, "weekdays": weekdays}

    # -- verbs ------------------------------------------------------------------------
    def set_day(self, day: str, kind: str, note: str | None = None) -> dict[str, Any]:
        when = parse_day(day, self.ctx.now().date())
        found = _KIND_ALIASES.get((kind or "").strip().lower())
        if found is None:
            raise OfficeError(_("Unknown kind of day '{value}'. Use workday or holiday.").format(
                value=kind))
        storable(note)
        now = self.ctx.now()
        row = {"day": when.isoformat(), "kind": found, "note": note or None,
               "updated": to_iso(now)}
        db = self.ctx.db
        with write(db):
            before = store.get(db, row["day"])
            store.put(db, row)
            events.record(db, ts=to_iso(now), action="calendar", entity="calendar",
                          entity_id=None, before=before, after=row)
        self.ctx.reload_calendar()
        return row

    def unset_day(self, day: str) -> dict[str, Any]:
        when = parse_day(day, self.ctx.now().date()).isoformat()
        now = self.ctx.now()
        db = self.ctx.db
        with write(db):
            before = store.get(db, when)
            if before is None:
                raise OfficeError(_("{day} has no local override.").format(day=when))
            store.delete(db, when)
            events.record(db, ts=to_iso(now), action="calendar", entity="calendar",
                          entity_id=None, before=before, after=None)
        self.ctx.reload_calendar()
        return before

    def set_hours(self, start: str, end: str, days: str | None = None) -> dict[str, Any]:
        begin, finish = parse_clock(start), parse_clock(end)
        if not begin < finish:
            raise OfficeError(_("The working day must end after it starts ({start}–{end}).").format(
                start=start, end=end))
        names = None
        if days is not None:
            names = [d.strip().lower()[:3] for d in days.split(",") if d.strip()]
            bad = [d for d in names if d not in _WEEKDAY_NAMES]
            if bad or not names:
                raise OfficeError(_("Bad working days '{value}': write e.g. mon,tue,wed,thu,fri."
                                    ).format(value=days))
        now = self.ctx.now()
        db = self.ctx.db
        with write(db):
            before = {k: settings.get(db, k) for k in (WORK_START, WORK_END, WORK_DAYS)}
            settings.put(db, WORK_START, begin.strftime("%H:%M"))
            settings.put(db, WORK_END, finish.strftime("%H:%M"))
            if names is not None:
                settings.put(db, WORK_DAYS, ",".join(
                    n for n in _WEEKDAY_NAMES if n in names))
            after = {k: settings.get(db, k) for k in (WORK_START, WORK_END, WORK_DAYS)}
            events.record(db, ts=to_iso(now), action="hours", entity="calendar",
                          entity_id=None, before=before, after=after)
        self.ctx.reload_calendar()
        return after

    # -- reading ----------------------------------------------------------------------
    def overrides(self) -> list[dict[str, Any]]:
        return store.all_overrides(self.ctx.db)

    def year(self, year: int) -> list[dict[str, Any]]:
        """Every day of `year` that differs from the weekly pattern, and why."""
        day_in_range(year, 1, 1)
        base = statutory()
        local = {r["day"]: r for r in self.overrides()}
        cal = self.ctx.calendar
        days = sorted({d for d in base.holidays | base.workdays if d.year == year}
                      | {date.fromisoformat(d) for d in local if d.startswith(f"{year:04d}-")})
        rows = []
        for day in days:
            usual = day.weekday() in cal.weekdays
            worked = cal.is_workday(day)
            if usual == worked and day.isoformat() not in local:
                continue  # a statutory holiday on a weekend changes nothing
            source = "local" if day.isoformat() in local else "statutory"
            rows.append({
                "day": day.isoformat(),
                "kind": "workday" if worked else "holiday",
                "source": source,
                "note": (local[day.isoformat()]["note"] if source == "local"
                         else base.names.get(day)),
            })
        return rows

    def known_years(self) -> tuple[int, ...]:
        return statutory().years

    def is_workday(self, day: date) -> bool:
        return self.ctx.calendar.is_workday(day)

    def today_is_workday(self) -> bool:
        now: datetime = self.ctx.now()
        return self.ctx.calendar.is_workday(now.date())


def _clock_or(text: str | None, default: time) -> time:
    if not text:
        return default
    try:
        return parse_clock(text)
    except OfficeError:
        return default
