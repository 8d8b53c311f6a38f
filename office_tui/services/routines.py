"""Routines: recurring work that puts a job into the day's queue when it falls due.

`generate()` runs when the app opens and from `today`. An occurrence becomes a job
exactly once: inside one write transaction each nominal day is claimed with INSERT OR
IGNORE on UNIQUE (routine_id, occurs_on), and only the run that claimed it adds the job.
Two processes, two windows or the CLI beside the TUI can all call it at once.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from office_tui.core import quickadd
from office_tui.core.job import Job, to_iso
from office_tui.core.recurrence import (
    CATCH_UP, RecurrenceError, Rule, due_day, next_occurrence, parse_rule, plan,
)
from office_tui.core.text import storable
from office_tui.core.types import Row
from office_tui.i18n import _
from office_tui.services.calendar import parse_clock, parse_day
from office_tui.services.errors import OfficeError
from office_tui.store import events, write
from office_tui.store import routines as store
from office_tui.store import settings

if TYPE_CHECKING:
    from office_tui.services.context import Context
    from office_tui.services.jobs import JobService

CATCH_UP_KEY = "routine_catch_up"


class RoutineService:
    def __init__(self, ctx: Context, *, jobs: JobService) -> None:
        self.ctx = ctx
        self._jobs = jobs

    # -- reading ----------------------------------------------------------------------
    def get(self, routine_id: int) -> Row:
        row = store.get(self.ctx.db, routine_id)
        if row is None:
            raise OfficeError(_("No routine #{id}.").format(id=routine_id))
        return self._describe(row)

    def list(self) -> list[Row]:
        return [self._describe(row) for row in store.all_routines(self.ctx.db)]

    def occurrences(self, routine_id: int) -> list[Row]:
        self.get(routine_id)
        return store.occurrences(self.ctx.db, routine_id)

    def job_routines(self, job_ids: list[int]) -> dict[int, int]:
        """Which of these jobs a routine made: job id -> routine id."""
        return store.routine_job_ids(self.ctx.db, job_ids)

    def catch_up(self) -> str:
        value = settings.get(self.ctx.db, CATCH_UP_KEY, "all")
        return value if value in CATCH_UP else "all"

    def _describe(self, row: Row) -> Row:
        rule = parse_rule(row["rule"])
        today = self.ctx.now().date()
        state = store.job_state(self.ctx.db, row["id"]) if rule.kind == "after" else {}
        upcoming = None
        if not row["paused"]:
            seen = max(_day(row["generated_through"]) or date.min, today - _one_day())
            try:
                upcoming = next_occurrence(
                    rule, seen, anchor=date.fromisoformat(row["starts"]),
                    calendar=self.ctx.calendar, last_closed=_day(state.get("last_closed")),
                    open_exists=state.get("open_exists", False))
            except OverflowError:  # a start near year 9999, saved before the range check
                upcoming = None
        return {
            "id": row["id"],
            "title": row["title"],
            "every": rule.text,
            "at": row["at"],
            "category": row["category"],
            "importance": row["importance"],
            "department": row["department"],
            "starts": row["starts"],
            "paused": bool(row["paused"]),
            "generated_through": row["generated_through"],
            "next": upcoming.isoformat() if upcoming else None,
            "jobs": store.count_jobs(self.ctx.db, row["id"]),
        }

    # -- verbs ------------------------------------------------------------------------
    def add(self, text: str, *, every: str, at: str | None = None,
            start: str | None = None) -> Row:
        """A routine from quick-add text (`#category !importance @department` work here)."""
        now = self.ctx.now()
        try:
            rule = parse_rule(every)
        except RecurrenceError as exc:
            raise OfficeError(str(exc)) from None
        clock = parse_clock(at) if at else None
        try:
            parsed = quickadd.parse(text or "", now, self.ctx.calendar)
        except quickadd.QuickAddError as exc:
            raise OfficeError(str(exc)) from None
        if parsed.due is not None:
            raise OfficeError(_("A routine's time of day is given with --at HH:MM, not due:."))
        for value in (parsed.title, parsed.department):
            storable(value)
        if start:
            first = parse_day(start, now.date())
        else:
            # Today only while today's time is still ahead: a routine added at 15:00 for
            # 09:00 starts tomorrow instead of arriving overdue.
            ends = clock or self.ctx.calendar.end
            first = now.date() if now.time() < ends else now.date() + _one_day()
        row: Row = {
            "title": parsed.title,
            "rule": rule.text,
            "at": clock.strftime("%H:%M") if clock else None,
            "category": parsed.category or "other",
            "importance": parsed.importance or "normal",
            "department": parsed.department,
            "starts": first.isoformat(),
            "generated_through": None,
            "paused": 0,
            "created": to_iso(now),
            "updated": to_iso(now),
        }
        db = self.ctx.db
        with write(db):
            routine_id = store.insert(db, row)
            saved = store.get(db, routine_id)
            events.record(db, ts=to_iso(now), action="add", entity="routine",
                          entity_id=routine_id, before=None, after=saved)
        return self._describe(saved)

    def pause(self, routine_id: int) -> Row:
        return self._set_paused(routine_id, True)

    def resume(self, routine_id: int) -> Row:
        return self._set_paused(routine_id, False)

    def _set_paused(self, routine_id: int, paused: bool) -> Row:
        now = self.ctx.now()
        db = self.ctx.db
        with write(db):
            before = store.get(db, routine_id)
            if before is None:
                raise OfficeError(_("No routine #{id}.").format(id=routine_id))
            if bool(before["paused"]) == paused:
                message = (_("Routine #{id} is already paused.") if paused
                           else _("Routine #{id} is not paused."))
                raise OfficeError(message.format(id=routine_id))
            changes: Row = {"paused": int(paused), "updated": to_iso(now)}
            if not paused:
                # Days passed while paused are not caught up: start again from today.
                yesterday = (now.date() - _one_day()).isoformat()
                if (before["generated_through"] or "") < yesterday:
                    changes["generated_through"] = yesterday
            store.update(db, routine_id, **changes)
            after = store.get(db, routine_id)
            events.record(db, ts=to_iso(now), action="pause" if paused else "resume",
                          entity="routine", entity_id=routine_id, before=before, after=after)
        return self._describe(after)

    def set_catch_up(self, mode: str) -> str:
        value = (mode or "").strip().lower()
        if value not in CATCH_UP:
            raise OfficeError(_("Catch-up is 'all' (every missed day) or 'latest' (only the "
                                "newest), not '{value}'.").format(value=mode))
        now = self.ctx.now()
        db = self.ctx.db
        with write(db):
            before = settings.get(db, CATCH_UP_KEY)
            settings.put(db, CATCH_UP_KEY, value)
            events.record(db, ts=to_iso(now), action="setting", entity="settings",
                          entity_id=None, before={CATCH_UP_KEY: before},
                          after={CATCH_UP_KEY: value})
        return value

    # -- generation -------------------------------------------------------------------
    def generate(self) -> list[Job]:
        """Turn every occurrence due by today into its job, exactly once; returns the new jobs."""
        now = self.ctx.now()
        today = now.date().isoformat()
        db = self.ctx.db
        if not store.due_for_generation(db, today):
            return []  # the common case: nothing to do, no write lock taken
        catch_up = self.catch_up()
        made: list[Job] = []
        with write(db):
            # Read again under the write lock: another process may have just done it.
            for row in store.due_for_generation(db, today):
                made += self._generate_one(row, now, catch_up)
                store.update(db, row["id"], generated_through=today)
        return made

    def _generate_one(self, row: Row, now: datetime, catch_up: str) -> list[Job]:
        db, cal = self.ctx.db, self.ctx.calendar
        try:
            rule = parse_rule(row["rule"])
        except RecurrenceError:
            return []  # a rule this version cannot read is left alone
        state = store.job_state(db, row["id"]) if rule.kind == "after" else {}
        days = plan(
            rule, today=now.date(), anchor=date.fromisoformat(row["starts"]),
            generated_through=_day(row["generated_through"]), calendar=cal,
            catch_up=catch_up, last_closed=_day(state.get("last_closed")),
            open_exists=state.get("open_exists", False),
            last_nominal=_day(state.get("last_nominal")),
        )
        clock = time.fromisoformat(row["at"]) if row["at"] else cal.end
        made = []
        for nominal in days:
            key = nominal.isoformat()
            if not store.claim(db, row["id"], key, to_iso(now)):
                continue  # already a job: this occurrence was claimed before
            due = datetime.combine(due_day(rule, nominal, cal), clock)
            job = self._jobs.create(
                row["title"], category=row["category"], importance=row["importance"],
                due=due, department=row["department"], status="open",
            )
            store.link_job(db, row["id"], key, job.id)
            made.append(job)
        return made


def _one_day() -> timedelta:
    return timedelta(days=1)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


__all__ = ["RoutineService", "Rule"]
