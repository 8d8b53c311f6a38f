"""Job verbs: add, triage, start, wait, promise, done, reply, cancel, undo.

Each verb is one write transaction that also appends its event; a refusal raises
OfficeError before or inside the transaction, so nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from office_tui.core import quickadd, ranking
from office_tui.core.changes import HistoryEntry
from office_tui.core.changes import entries as history_entries
from office_tui.core.dates import DateParseError, day_from, parse_moment
from office_tui.core.job import Job, from_iso, to_iso
from office_tui.core.limits import default_due
from office_tui.core.text import storable
from office_tui.core.types import Row
from office_tui.core.urgency import compute, due_factor, sort_key
from office_tui.core.vocab import (
    IMPORTANCES, OPEN_STATUSES, category_choices, importance_choices, normalise_category,
    normalise_importance, status_label,
)
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.services.reactions import JOB_CANCELLED, JOB_DUE_SET
from office_tui.store import events, write
from office_tui.store import jobs as store
from office_tui.store import notes as notes_store

if TYPE_CHECKING:
    from office_tui.services.context import Context
    from office_tui.services.history import HistoryService
    from office_tui.services.reactions import Reactions


class JobService:
    def __init__(self, ctx: Context, *, reactions: Reactions,
                 history: Callable[[], HistoryService]) -> None:
        self.ctx = ctx
        # What other areas do when a job changes (kits move an event's linked jobs),
        # run inside the change's transaction; wired by the composition root.
        self._reactions = reactions
        self._history = history

    # -- reading ----------------------------------------------------------------------
    def _job(self, row: Row, now: datetime) -> Job:
        return Job.from_row(row, now, self.ctx.calendar, self.ctx.urgency)

    def get(self, job_id: int) -> Job:
        row = store.get(self.ctx.db, job_id)
        if row is None:
            raise OfficeError(_("No job #{id}.").format(id=job_id))
        return self._job(row, self.ctx.now())

    def list(
        self,
        *,
        search: str | None = None,
        include_closed: bool = False,
        inbox_only: bool = False,
        limit: int = 50,
        offset: int = 0,
        filters: Row | None = None,
    ) -> list[Job]:
        """`filters`: department, category, status, handler (list --dept ... --handler),
        combinable with `search`."""
        if limit < 0 or offset < 0:
            raise OfficeError(_("--limit must be zero or more."))
        storable(search)
        now = self.ctx.now()
        filters = self._filters(filters)
        if filters and filters.get("status") in ("done", "cancelled"):
            return [self._job(row, now) for row in store.closed_page(
                self.ctx.db, limit=limit, offset=offset, search=search or None,
                filters=filters)]
        if search or filters:
            return [self._job(row, now) for row in self._search_rows(
                now, search or None, include_closed, inbox_only, limit, offset,
                filters=filters)]
        return [self._job(row, now) for row in
                self._ranked_rows(now, include_closed, inbox_only, limit, offset)]

    def _ranked_rows(self, now: datetime, include_closed: bool, inbox_only: bool,
                     limit: int, offset: int, due_before: str | None = None) -> list[Row]:
        """Open jobs by urgency from the bucket streams (cost independent of the table
        size), then, with include_closed, the archive by closing time. `due_before`
        (ISO): only the open jobs whose (promised) due is before it."""
        db = self.ctx.db
        # A due range is ranked on its own (never followed by the archive): no count
        # needed, the streams simply run out.
        open_total = (store.count(db, inbox_only=inbox_only) if due_before is None
                      else offset + limit)
        rows: list[Row] = []
        if offset < open_total and limit > 0:
            want = min(offset + limit, open_total)
            statuses = ("inbox",) if inbox_only else OPEN_STATUSES
            streams = [
                self._stream(db, now, importance, expedite, status, dated, due_before)
                for importance in IMPORTANCES for expedite in (1, 0)
                for status in statuses for dated in (True, False)
                if dated or due_before is None
            ]
            rows = ranking.top(streams, want, self._order_key(now))[offset:]
        if include_closed and not inbox_only and len(rows) < limit:
            rows += store.closed_page(db, limit=limit - len(rows),
                                      offset=max(offset - open_total, 0))
        return rows

    def _filters(self, filters: Row | None) -> Row | None:
        """The filters given, checked and in stored form (a category or status in either
        language); None when none is given."""
        given = {k: v for k, v in (filters or {}).items() if v is not None and v != ""}
        if not given:
            return None
        for value in given.values():
            storable(value)
        if "category" in given:
            given["category"] = self._category(given["category"])
        if "status" in given:
            given["status"] = self._status(given["status"])
        return given

    @staticmethod
    def _status(value: str) -> str:
        from office_tui.core.vocab import STATUSES

        wanted = (value or "").strip().lower().replace(" ", "_")
        labels = {status_label(s).casefold(): s for s in STATUSES}
        found = wanted if wanted in STATUSES else labels.get(wanted)
        if found is None:
            raise OfficeError(_("Unknown status '{value}'. Use one of: {choices}.").format(
                value=value, choices=", ".join(STATUSES)))
        return found

    def _search_rows(self, now: datetime, search: str | None, include_closed: bool,
                     inbox_only: bool, limit: int, offset: int,
                     filters: Row | None = None) -> list[Row]:
        """The jobs a search matches, most urgent first: the same bucket streams with the
        match added (tested in the index), walked only until the page is full, so a
        common term costs a page and a rare one one pass over the index, never a
        ranking of every match. With include_closed, the archive's matches follow."""
        db = self.ctx.db
        found: list[Row] = []
        if limit > 0:
            statuses = ("inbox",) if inbox_only else OPEN_STATUSES
            if filters and filters.get("status"):
                statuses = tuple(s for s in statuses if s == filters["status"])
            streams = [
                self._stream(db, now, importance, expedite, status, dated, search=search,
                             filters=filters)
                for importance in IMPORTANCES for expedite in (1, 0)
                for status in statuses for dated in (True, False)
            ]
            found = ranking.top(streams, offset + limit, self._order_key(now))
        rows = found[offset:]
        if include_closed and not inbox_only and len(rows) < limit:
            # The streams ran out, so `found` holds every open match.
            rows += store.closed_page(db, limit=limit - len(rows),
                                      offset=max(offset - len(found), 0), search=search,
                                      filters=filters)
        return rows

    def _order_key(self, now: datetime) -> Callable[[Row], tuple]:
        """A row's place in the urgency order (core.urgency.sort_key of its total)."""
        settings, calendar = self.ctx.urgency, self.ctx.calendar

        def order(row: Row) -> tuple:
            total = compute(
                importance=row["importance"], expedite=bool(row["expedite"]),
                due=from_iso(row["promised_by"] or row["due"]),
                created=from_iso(row["created"]) or now, status=row["status"], now=now,
                calendar=calendar, settings=settings,
            ).total
            return sort_key(total, from_iso(row["promised_by"] or row["due"]), row["id"])

        return order

    def _stream(self, db, now: datetime, importance: str, expedite: int, status: str,
                dated: bool, due_before: str | None = None,
                search: str | None = None, filters: Row | None = None) -> ranking.Stream:
        s, calendar = self.ctx.urgency, self.ctx.calendar
        # The best total any row of this bucket can reach, before the due part: the
        # same rounded parts that compute() adds, with age at its maximum.
        base = (s.importance.get(importance, s.importance["normal"])
                + (s.expedite if expedite else 0.0)
                + (s.waiting if status == "waiting" else 0.0) + s.age_max)

        def fetch(offset: int, count: int) -> list[Row]:
            return store.bucket_page(db, importance=importance, expedite=expedite,
                                     status=status, dated=dated, limit=count, offset=offset,
                                     due_before=due_before, search=search,
                                     filters=filters)

        def optimistic(row: Row) -> tuple:
            due = from_iso(row["promised_by"] or row["due"])
            best = base
            if due is not None:
                best += round(s.due_coefficient * due_factor(
                    calendar.working_hours_between(now, due), s), 2)
            return sort_key(round(best, 2), due, row["id"])

        return ranking.Stream(fetch=fetch, optimistic=optimistic)

    def count(self, *, search: str | None = None, include_closed: bool = False,
              inbox_only: bool = False, at_most: int | None = None) -> int:
        """How many jobs; with `at_most`, counting stops there, so a common search term
        is not counted to the end (the Jobs screen shows "1,000+")."""
        storable(search)
        return store.count(self.ctx.db, search=search or None,
                           include_closed=include_closed, inbox_only=inbox_only,
                           at_most=at_most)

    def closed(self, *, search: str | None = None, limit: int = 50,
               offset: int = 0) -> list[Job]:
        """Done and cancelled jobs, most recently closed first: one page, read in closing
        order from an index (the cost is the page's, not the archive's). `search` as in
        list(): title, department, requester, location, their pinyin, the id."""
        if limit < 0 or offset < 0:
            raise OfficeError(_("--limit must be zero or more."))
        storable(search)
        now = self.ctx.now()
        return [self._job(row, now) for row in
                store.closed_page(self.ctx.db, limit=limit, offset=offset,
                                  search=search or None)]

    def count_closed(self, *, search: str | None = None, at_most: int | None = None) -> int:
        """How many closed jobs (matching `search`); `at_most` stops the count there."""
        storable(search)
        return store.count_closed(self.ctx.db, search=search or None, at_most=at_most)

    def due_before(self, moment: datetime, *, limit: int) -> tuple[list[Job], int]:
        """Open jobs whose (promised) due is before `moment`, most urgent first: the
        first `limit` (ranked like list(), from the indexed due range) and the count of
        them all."""
        now, bound = self.ctx.now(), moment.isoformat()
        total = store.count_due_before(self.ctx.db, bound)
        rows = self._ranked_rows(now, False, False, min(limit, total), 0, due_before=bound)
        return [self._job(row, now) for row in rows], total

    def history(self, job_id: int) -> list[Row]:
        self.get(job_id)
        return events.for_entity(self.ctx.db, "job", job_id)

    def changes(self, job_id: int) -> list[HistoryEntry]:
        """The job's history as what changed, oldest first: each event with its fields as
        old → new (core.changes.FieldChange) and where it was made (app or CLI)."""
        return history_entries(self.history(job_id))

    def departments(self) -> list[str]:
        return store.departments(self.ctx.db)

    def _ranker(self, now: datetime) -> Callable[[str, int, str | None, str, str], float]:
        calendar, settings = self.ctx.calendar, self.ctx.urgency

        def rank(importance: str, expedite: int, due: str | None, created: str, status: str) -> float:
            return compute(
                importance=importance, expedite=bool(expedite), due=from_iso(due),
                created=from_iso(created) or now, status=status, now=now,
                calendar=calendar, settings=settings,
            ).total

        return rank

    # -- intake -----------------------------------------------------------------------
    def add(self, text: str, *, requester: str | None = None) -> Job:
        """Quick-add: parse the text (core/quickadd.py: tokens anywhere, the rest the title)
        and save the job."""
        now = self.ctx.now()
        try:
            parsed = quickadd.parse(text, now, self.ctx.calendar)
        except quickadd.QuickAddError as exc:
            raise OfficeError(str(exc)) from None
        if requester and parsed.requester and requester != parsed.requester:
            raise OfficeError(_("Two requesters given ('~{token}' and '{option}'): give "
                                "one.").format(token=parsed.requester, option=requester))
        # Naming both category and importance is triage done at the door.
        triaged = parsed.category is not None and parsed.importance is not None
        return self.create(
            parsed.title,
            category=parsed.category or "other",
            importance=parsed.importance or "normal",
            expedite=parsed.expedite,
            due=parsed.due,
            department=parsed.department,
            requester=requester or parsed.requester,
            location=parsed.location,
            handler=parsed.handler,
            asset_id=self._asset_id(parsed.asset) if parsed.asset else None,
            status="open" if triaged else "inbox",
        )

    def create(
        self,
        title: str,
        *,
        category: str = "other",
        importance: str = "normal",
        expedite: bool = False,
        due: datetime | None = None,
        department: str | None = None,
        requester: str | None = None,
        location: str | None = None,
        handler: str | None = None,
        asset_id: int | None = None,
        status: str = "inbox",
    ) -> Job:
        if not title or not title.strip():
            raise OfficeError(_("The title is empty: write what is needed."))
        for text in (title, department, requester, location, handler):
            storable(text)
        category = self._category(category)
        importance = self._importance(importance)
        now = self.ctx.now()
        row: Row = {
            "title": title,
            "category": category,
            "department": department or None,
            "requester": requester or None,
            "location": location or None,
            "handler": self._person(handler),
            "asset_id": asset_id,
            "importance": importance,
            "expedite": int(bool(expedite)),
            "due": to_iso(due or default_due(category, now, self.ctx.calendar)),
            "due_source": "given" if due else "limit",
            "status": status,
            "created": to_iso(now),
            "updated": to_iso(now),
        }
        db = self.ctx.db
        with write(db):
            job_id = store.insert(db, row)
            if department:
                store.add_department(db, department)
            saved = store.get(db, job_id)
            events.record(db, ts=to_iso(now), action="add", entity="job", entity_id=job_id,
                          before=None, after=saved)
        return self._job(saved, now)

    # -- triage and work --------------------------------------------------------------
    def triage(
        self,
        job_id: int,
        *,
        importance: str | None = None,
        category: str | None = None,
        due: str | None = None,
        expedite: bool | None = None,
    ) -> Job:
        now = self.ctx.now()
        changes: Row = {}
        if importance is not None:
            changes["importance"] = self._importance(importance)
        if category is not None:
            changes["category"] = self._category(category)
        if due is not None:
            changes["due"] = to_iso(self._parse_due(due, now))
            changes["due_source"] = "given"
        if expedite is not None:
            changes["expedite"] = int(expedite)

        def apply(row: Row) -> None:
            if not changes and row["status"] != "inbox":
                # Accepting an inbox job as it is is triage; anything else needs a change.
                raise OfficeError(_("Nothing to change on job #{id}: give an importance, "
                                    "category, due or expedite.").format(id=job_id))
            row.update(changes)
            if "category" in changes and "due" not in changes and row["due_source"] == "limit":
                created = from_iso(row["created"]) or now
                row["due"] = to_iso(default_due(row["category"], created, self.ctx.calendar))
            if row["status"] == "inbox":
                row["status"] = "open"

        return self._change(job_id, "triage", apply)

    def edit(
        self,
        job_id: int,
        *,
        title: str | None = None,
        department: str | None = None,
        requester: str | None = None,
        location: str | None = None,
    ) -> Job:
        """Change what a job is and who and where it is for: its title, department,
        requester and location (None: keep; an empty text clears all but the title).
        One transaction with its event; undoable. A closed job can be corrected too (a
        misspelt requester still matters to the reports and to search)."""
        given = {"title": title, "department": department, "requester": requester,
                 "location": location}
        changes: Row = {}
        for name, value in given.items():
            if value is None:
                continue
            storable(value)
            if name == "title":
                if not value.strip():
                    raise OfficeError(_("The title is empty: write what is needed."))
                changes[name] = value
            else:
                changes[name] = value.strip() or None
        if not changes:
            raise OfficeError(_("Nothing to change on job #{id}: give a title, department, "
                                "requester or location.").format(id=job_id))

        def apply(row: Row) -> None:
            if all(row.get(k) == v for k, v in changes.items()):
                raise OfficeError(_("Job #{id} already reads so; nothing changed.").format(
                    id=job_id))
            row.update(changes)
            if changes.get("department"):
                store.add_department(self.ctx.db, changes["department"])

        return self._change(job_id, "edit", apply, allow_closed=True)

    def start(self, job_id: int) -> Job:
        def apply(row: Row) -> None:
            if row["status"] == "in_progress":
                raise OfficeError(_("Job #{id} is already in progress.").format(id=job_id))
            row["status"] = "in_progress"

        return self._change(job_id, "start", apply)

    def wait(self, job_id: int, reason: str) -> Job:
        reason = self._required(reason, _("Say what the job is waiting for."))
        now = self.ctx.now()

        def apply(row: Row) -> None:
            if row["status"] == "waiting":
                raise OfficeError(_("Job #{id} is already waiting.").format(id=job_id))
            row["status"] = "waiting"
            row["waiting_reason"] = reason
            row["waiting_since"] = to_iso(now)

        return self._change(job_id, "wait", apply)

    def promise(self, job_id: int, by: str, reason: str) -> Job:
        now = self.ctx.now()
        when = self._parse_due(by, now)
        reason = self._required(reason, _("Give the reason for the new promise."))
        if when <= now:
            raise OfficeError(_("The promised time {when} is already past.").format(
                when=to_iso(when)))

        def apply(row: Row) -> None:
            row["promised_by"] = to_iso(when)
            row["promise_reason"] = reason

        return self._change(job_id, "promise", apply)

    def done(self, job_id: int, outcome: str | None, *, replied: bool = False) -> Job:
        outcome = self._required(outcome, _("A job is closed with its outcome: say what was done."))
        now = self.ctx.now()

        def apply(row: Row) -> None:
            row["status"] = "done"
            row["outcome"] = outcome
            row["closed_at"] = to_iso(now)
            if replied:
                row["replied_at"] = to_iso(now)

        return self._change(job_id, "done", apply)

    def reply(self, job_id: int, note: str | None = None, *, text: str | None = None) -> Job:
        """The requester was told; `text`: the reply sent (a filled template), kept."""
        storable(note)
        storable(text)
        now = self.ctx.now()

        def apply(row: Row) -> None:
            row["replied_at"] = to_iso(now)
            if note:
                row["reply_note"] = note
            if text:
                row["reply_text"] = text

        return self._change(job_id, "reply", apply, allow_done=True)

    def cancel(self, job_id: int, reason: str) -> Job:
        reason = self._required(reason, _("Give the reason for cancelling."))
        now = self.ctx.now()

        def apply(row: Row) -> None:
            row["status"] = "cancelled"
            row["cancel_reason"] = reason
            row["closed_at"] = to_iso(now)

        return self._change(job_id, "cancel", apply)

    # -- follow-through: handler, notes, referral ---------------------------------------
    def assign(self, job_id: int, to: str | None) -> Job:
        """Who does the job (责任人): a contact or any name; "" or None: the clerk."""
        storable(to)
        handler = self._person(to)

        def apply(row: Row) -> None:
            if row.get("handler") == handler:
                raise OfficeError(_("Job #{id} is already with {who}; nothing changed.").format(
                    id=job_id, who=handler or _("the clerk")))
            row["handler"] = handler

        return self._change(job_id, "assign", apply)

    def note(self, job_id: int, text: str | None) -> Row:
        """A dated progress note on the job (an event of its own; undone alone)."""
        text = self._required(text, _("Write the note, e.g. \"called the vendor\"."))
        now = to_iso(self.ctx.now())
        db = self.ctx.db
        with write(db):
            self.get(job_id)  # "No job #N."
            note_id = notes_store.add_note(db, {"job_id": job_id, "at": now, "text": text})
            saved = notes_store.get_note(db, note_id)
            events.record(db, ts=now, action="note", entity="note", entity_id=note_id,
                          before=None, after=saved)
        return saved

    def notes(self, job_id: int) -> list[Row]:
        """The job's progress notes, newest first: {id, at, text}."""
        return notes_store.notes(self.ctx.db, job_id)

    def refer(self, job_id: int, to: str | None, *, follow_up: str | None,
              person: str | None = None, note: str | None = None) -> Job:
        """Pass the job to another department while the clerk keeps owning it (首办责任制):
        it waits (its time-limit clock pauses) until `back`, and shows among Today's
        follow-ups from the follow-up day."""
        to = self._required(to, _("Say which department it goes to (--to)."))
        storable(person)
        storable(note)
        if not follow_up or not follow_up.strip():
            raise OfficeError(_("Give the day to follow it up (--follow-up), e.g. fri."))
        now = self.ctx.now()
        day = day_from(follow_up, now.date(), "--follow-up")
        if day < now.date():
            raise OfficeError(_("The follow-up day {day} is already past.").format(
                day=day.isoformat()))

        def apply(row: Row) -> None:
            row["referred_to"] = to
            row["referred_person"] = (person or "").strip() or None
            row["follow_up"] = day.isoformat()
            if row["status"] != "waiting":
                row["status"] = "waiting"
                row["waiting_since"] = to_iso(now)
            row["waiting_reason"] = _("referred to {dept}").format(dept=to)

        with write(self.ctx.db):
            job = self._change(job_id, "refer", apply)
            if note and note.strip():
                self.note(job_id, note)
        return job

    def back(self, job_id: int, note: str | None = None) -> Job:
        """A referred job comes back: open again, its clock running (the time waited
        is added to its due, as for waiting)."""
        storable(note)

        def apply(row: Row) -> None:
            if not row.get("referred_to"):
                raise OfficeError(_("Job #{id} was not referred; nothing changed.").format(
                    id=job_id))
            row["status"] = "open"
            row["waiting_reason"] = None
            row["follow_up"] = None
            row["referred_to"] = None  # the history keeps where it went
            row["referred_person"] = None

        with write(self.ctx.db):
            job = self._change(job_id, "back", apply)
            if note and note.strip():
                self.note(job_id, note)
        return job

    def follow_ups(self, day: date | None = None) -> list[Job]:
        """Open jobs to chase on `day` (default today) or before: overdue follow-ups
        first, read from the follow-up index."""
        now = self.ctx.now()
        day = day or now.date()
        return [self._job(r, now) for r in store.follow_ups_until(self.ctx.db, day.isoformat())]

    def each(self, job_ids: Sequence[int], verb: Callable[[int], Job]) -> list[Job]:
        """`verb` on every job in one transaction, so one undo step reverts them all; a
        refusal on any of them (an unknown id) writes nothing."""
        ids = list(dict.fromkeys(job_ids))
        if not ids:
            raise OfficeError(_("Give at least one job number."))
        with write(self.ctx.db):
            return [verb(job_id) for job_id in ids]

    def set_asset(self, job_id: int, asset_id: int | None) -> Job:
        """The fixed asset the job is about (its repair history lists the job)."""
        def apply(row: Row) -> None:
            row["asset_id"] = asset_id

        return self._change(job_id, "edit", apply, allow_closed=True)

    def _asset_id(self, tag: str) -> int:
        from office_tui.store import assets as asset_store

        row = asset_store.by_tag(self.ctx.db, tag)
        if row is None:
            raise OfficeError(_("No asset tagged '{tag}' (asset:{tag}).").format(tag=tag))
        return row["id"]

    @staticmethod
    def _person(name: str | None) -> str | None:
        return " ".join((name or "").split()) or None

    # -- undo -------------------------------------------------------------------------
    def undo(self) -> Row:
        """Revert the newest change not yet undone (of any kind: see HistoryService)."""
        done = self._history().undo()
        return {"undone": done.action, "job_id": done.entity_id if done.entity == "job" else None,
                "event_id": done.event_id}

    # -- helpers ----------------------------------------------------------------------
    def _change(
        self, job_id: int, action: str, apply: Callable[[Row], None], *,
        allow_done: bool = False, allow_closed: bool = False,
    ) -> Job:
        now = self.ctx.now()
        db = self.ctx.db
        with write(db):
            before = store.get(db, job_id)
            if before is None:
                raise OfficeError(_("No job #{id}.").format(id=job_id))
            closed = not allow_closed and (before["status"] == "cancelled" or (
                before["status"] == "done" and not allow_done))
            if closed:
                raise OfficeError(_("Job #{id} is closed ({status}); nothing changed.").format(
                    id=job_id, status=status_label(before["status"])))
            after = dict(before)
            apply(after)
            self._resume_clock(before, after, now)
            after["updated"] = to_iso(now)
            store.replace(db, after)
            events.record(db, ts=to_iso(now), action=action, entity="job", entity_id=job_id,
                          before=before, after=after)
            if action == "triage" and after["due"] and after["due"] != before["due"]:
                self._reactions.emit(JOB_DUE_SET, job_id=job_id, due=from_iso(after["due"]))
            if action == "cancel":
                self._reactions.emit(JOB_CANCELLED, job_id=job_id, reason=after["cancel_reason"])
        return self._job(after, now)

    def _resume_clock(self, before: Row, after: Row, now: datetime) -> None:
        """Leaving 'waiting' moves the due by the working time spent waiting."""
        if before["status"] != "waiting" or after["status"] == "waiting":
            return
        since, due = from_iso(before["waiting_since"]), from_iso(after["due"])
        if since and due and after.get("due") == before.get("due"):
            cal = self.ctx.calendar
            waited = max(cal.offset(now) - cal.offset(since), 0.0)
            after["due"] = to_iso(cal.add_working_minutes(due, waited))
        after["waiting_since"] = None

    def _parse_due(self, value: str, now: datetime) -> datetime:
        try:
            return parse_moment(value, now, self.ctx.calendar)
        except DateParseError as exc:
            if isinstance(exc, OfficeError):  # already a message for a person
                raise
            raise OfficeError(_("Bad date '{value}': {reason}. Try today, tomorrow@14:00, fri, "
                                "2026-12-01, +3d.").format(value=value, reason=exc)
                              ) from None

    @staticmethod
    def _category(value: str) -> str:
        found = normalise_category(value or "")
        if found is None:
            raise OfficeError(_("Unknown category '{value}'. Use one of: {choices}.").format(
                value=value, choices=category_choices()))
        return found

    @staticmethod
    def _importance(value: str) -> str:
        found = normalise_importance(value or "")
        if found is None:
            raise OfficeError(_("Unknown importance '{value}'. Use one of: {choices}.").format(
                value=value, choices=importance_choices()))
        return found

    @staticmethod
    def _required(value: str | None, message: str) -> str:
        if value is None or not value.strip():
            raise OfficeError(message)
        return storable(value)
