"""Meeting rooms: the register, bookings that never clash (buffers included), series,
the free-room search, and keeping an event's room in step with the event.

Each change is one write transaction with its events; the rules (core.rooms.assess) are
judged inside it, so two clerks cannot book one room at once. A refusal raises
OfficeError naming the clash and offering the smallest free room that fits and the
asked room's next free slot, and writes nothing. A series is judged as a whole first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from office_tui.core.dates import DateParseError, day_from, parse_moment
from office_tui.core.job import to_iso
from office_tui.core.rooms import (
    MAX_ROOM_SEATS, ROOM_STATUSES, Room, RoomAssessment, RoomBooking, RoomRequest,
    RoomRuleError, assess, day_bounds, free_rooms, next_room_slot, parse_buffer,
    parse_equipment, parse_length, parse_series, room_key, series_windows,
)
from office_tui.core.text import printable, storable
from office_tui.core.types import Row
from office_tui.core.vocab import CLOSED_STATUSES, status_label
from office_tui.i18n import _, ngettext
from office_tui.services.errors import OfficeError
from office_tui.store import events, write
from office_tui.store import jobs as jobs_store
from office_tui.store import rooms as store

if TYPE_CHECKING:
    from collections.abc import Callable

    from office_tui.services.context import Context
    from office_tui.services.jobs import JobService
    from office_tui.store.database import Database

MAX_PEOPLE = 2000


@dataclass
class SeriesBooked:
    booked: list[RoomBooking]
    clashes: list[tuple[datetime, str]] = field(default_factory=list)  # skipped, and why
    holidays: list[date] = field(default_factory=list)  # skipped: statutory holidays


class RoomService:
    def __init__(self, ctx: Context, *, jobs: Callable[[], JobService]) -> None:
        self.ctx = ctx
        self._jobs = jobs  # a booking linked to a job; the module loads only then

    # -- parsing --------------------------------------------------------------------
    def moment(self, text: str, what: str) -> datetime:
        try:
            return parse_moment(text or "", self.ctx.now(), self.ctx.calendar)
        except DateParseError as exc:
            if isinstance(exc, OfficeError):
                raise
            raise OfficeError(_("{what}: '{text}' is not a date and time: write it like "
                                "2026-11-30 09:00, tomorrow 15:00 or fri@9:30.").format(
                what=what, text=text)) from None

    def day(self, text: str | None) -> date:
        return day_from(text, self.ctx.now().date()) if text else self.ctx.now().date()

    # -- rooms ------------------------------------------------------------------------
    def rooms(self) -> list[Room]:
        return [Room.from_row(r) for r in store.rooms(self.ctx.db)]

    def room(self, name: str) -> Room:
        return Room.from_row(self._room_row(self.ctx.db, name))

    def _room_row(self, db: Database, name: str) -> Row:
        row = store.find_room(db, room_key(name)) if room_key(name) else None
        if row is None:
            names = ", ".join(printable(r["name"]) for r in store.rooms(db)) or _("none yet")
            raise OfficeError(_("No room '{room}'. Rooms: {names}.").format(
                room=printable(name or ""), names=names))
        return row

    def add(self, name: str, seats: int, *, location: str | None = None,
            equipment: str | None = None, buffer: str | None = None) -> Room:
        name = _required(name, _("Give the room's name, e.g. Room 1."))
        _seats(seats)
        storable(location)
        storable(equipment)
        before, after = _buffer(buffer)
        now = to_iso(self.ctx.now())
        row: Row = {"name": name, "name_key": room_key(name), "seats": seats,
                    "location": (location or "").strip() or None,
                    "equipment": ",".join(parse_equipment(equipment)) or None,
                    "status": "open", "buffer_before": before, "buffer_after": after,
                    "created": now, "updated": now}
        db = self.ctx.db
        with write(db):
            if store.find_room(db, row["name_key"]) is not None:
                raise OfficeError(_("A room named '{room}' already exists.").format(room=name))
            room_id = store.insert_room(db, row)
            saved = store.get_room(db, room_id)
            events.record(db, ts=now, action="add", entity="room", entity_id=room_id,
                          before=None, after=saved)
        return Room.from_row(saved)

    def edit(self, name: str, *, new_name: str | None = None, seats: int | None = None,
             location: str | None = None, equipment: str | None = None,
             buffer: str | None = None) -> Room:
        changes: Row = {}
        if new_name is not None:
            changes["name"] = _required(new_name, _("Give the room's name, e.g. Room 1."))
            changes["name_key"] = room_key(new_name)
        if seats is not None:
            changes["seats"] = _seats(seats)
        if location is not None:
            changes["location"] = storable(location.strip()) or None
        if equipment is not None:
            storable(equipment)
            changes["equipment"] = ",".join(parse_equipment(equipment)) or None
        if buffer is not None:
            changes["buffer_before"], changes["buffer_after"] = _buffer(buffer)
        if not changes:
            raise OfficeError(_("Say what to change: --name, --seats, --location, --equipment "
                                "or --buffer."))

        def apply(db: Database, row: Row) -> None:
            if "name_key" in changes and changes["name_key"] != row["name_key"] \
                    and store.find_room(db, changes["name_key"]) is not None:
                raise OfficeError(_("A room named '{room}' already exists.").format(
                    room=changes["name"]))
            row.update(changes)

        return self._change_room(name, "update", apply)

    def set_status(self, name: str, status: str, *, until: str | None = None,
                   reason: str | None = None) -> Room:
        status = (status or "").strip().lower()
        if status not in ROOM_STATUSES:
            raise OfficeError(_("Unknown room status '{status}'. Use open or closed.").format(
                status=status))
        storable(reason)
        until_day = day_from(until, self.ctx.now().date(), "--until").isoformat() \
            if until else None
        if status == "open" and (until or reason):
            raise OfficeError(_("--until and --reason go with closed."))

        def apply(_db: Database, row: Row) -> None:
            row["status"] = status
            row["closed_until"] = until_day if status == "closed" else None
            row["closed_reason"] = (reason or "").strip() or None if status == "closed" else None

        return self._change_room(name, "status", apply)

    def _change_room(self, name: str, action: str, apply) -> Room:
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            before = self._room_row(db, name)
            after = dict(before)
            apply(db, after)
            after["updated"] = now
            store.replace_room(db, after)
            events.record(db, ts=now, action=action, entity="room", entity_id=before["id"],
                          before=before, after=after)
        return Room.from_row(after)

    # -- judging ----------------------------------------------------------------------
    def assess(self, room: str, start: datetime, end: datetime, *, people: int = 0,
               needs: str | tuple[str, ...] | None = None,
               exclude: tuple[int, ...] = ()) -> RoomAssessment:
        """What the rules say, without writing: the form calls this live."""
        return self._assess(self.ctx.db, RoomRequest(room, start, end, people,
                                                     parse_equipment(needs)), exclude)

    def _assess(self, db: Database, request: RoomRequest, exclude=()) -> RoomAssessment:
        row = store.find_room(db, room_key(request.room)) if room_key(request.room) else None
        rooms = [Room.from_row(r) for r in store.rooms(db)]
        start, end = day_bounds(request.start.date())
        bookings = [RoomBooking.from_row(r) for r in store.held_between(
            db, to_iso(min(start, request.start - timedelta(hours=5))),
            to_iso(max(end, request.end + timedelta(hours=5))))]
        return assess(request, room=Room.from_row(row) if row else None, rooms=rooms,
                      bookings=bookings, exclude=exclude)

    def free(self, start: datetime, end: datetime, *, people: int = 0,
             needs: str | None = None) -> list[Room]:
        """Rooms free for the window that seat the people and have the equipment, the
        smallest that fits first."""
        _window(start, end)
        _people(people)
        bookings = [RoomBooking.from_row(r) for r in store.held_between(
            self.ctx.db, to_iso(start - timedelta(hours=5)), to_iso(end + timedelta(hours=5)))]
        return free_rooms(self.rooms(), bookings, start, end, people, parse_equipment(needs))

    def next_slot(self, room: str, start: datetime, end: datetime) -> tuple[datetime, datetime] | None:
        found = self.room(room)
        day_start, day_end = day_bounds(start.date())
        bookings = [RoomBooking.from_row(r) for r in store.held_between(
            self.ctx.db, to_iso(day_start - timedelta(hours=5)),
            to_iso(day_end + timedelta(hours=5)), room_id=found.id)]
        return next_room_slot(found, bookings, start, end)

    # -- booking ----------------------------------------------------------------------
    def book(self, room: str, start: datetime, end: datetime, title: str, *,
             department: str | None = None, people: int = 0, needs: str | None = None,
             job_id: int | None = None) -> RoomBooking:
        title = _required(title, _("Give the meeting's title (--title)."))
        storable(department)
        _window(start, end)
        _people(people)
        request = RoomRequest(room, start, end, people, parse_equipment(needs))
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            self._open_job(job_id)
            result = self._assess(db, request)
            if not result.ok:
                raise OfficeError(result.refusal())
            assert result.room is not None
            booking_id = self._insert(db, result.room, start, end, title, department,
                                      people, request.needs, job_id, None, now)
        return self.booking(booking_id)

    def book_series(self, room: str, start: datetime, end: datetime, title: str, *,
                    every: str, until: str, department: str | None = None, people: int = 0,
                    needs: str | None = None, on_holidays: bool = False,
                    skip_clashes: bool = False) -> SeriesBooked:
        """Every window of the series is judged before anything is written. With a clash
        nothing is booked unless `skip_clashes` (the clerk books the rest): the clashing
        dates are listed either way. Statutory holidays are skipped unless `on_holidays`."""
        title = _required(title, _("Give the meeting's title (--title)."))
        storable(department)
        _window(start, end)
        _people(people)
        try:
            rule = parse_series(every)
            plan = series_windows(rule, start, end, day_from(until, self.ctx.now().date(),
                                                             "--until"),
                                  self.ctx.calendar, on_holidays=on_holidays)
        except RoomRuleError as exc:
            raise OfficeError(str(exc)) from None
        needs_t = parse_equipment(needs)
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            row = self._room_row(db, room)
            target = Room.from_row(row)
            lo, hi = plan.windows[0][0], plan.windows[-1][1]
            pool = [RoomBooking.from_row(r) for r in store.held_between(
                db, to_iso(lo - timedelta(days=1)), to_iso(hi + timedelta(days=1)),
                room_id=target.id)]
            good, clashes = [], []
            for s, e in plan.windows:
                verdict = assess(RoomRequest(target.name, s, e, people, needs_t), room=target,
                                 rooms=[target], bookings=pool)
                if verdict.ok:
                    good.append((s, e))
                else:
                    clashes.append((s, " ".join(verdict.reasons)))
            if clashes and not skip_clashes:
                listed = "; ".join(f"{s:%Y-%m-%d}" for s, _why in clashes[:10])
                raise OfficeError(ngettext(
                    "{n} date of the series cannot be booked: {dates} ({why}). Nothing was "
                    "booked; book the other {m} with --skip-clashes, or change the time.",
                    "{n} dates of the series cannot be booked: {dates} ({why}). Nothing was "
                    "booked; book the other {m} with --skip-clashes, or change the time.",
                    len(clashes)).format(n=len(clashes), dates=listed, why=clashes[0][1],
                                         m=len(good)))
            if not good:
                raise OfficeError(_("No date of the series is free; nothing was booked."))
            ids = []
            for s, e in good:
                ids.append(self._insert(db, target, s, e, title, department, people, needs_t,
                                        None, None, now, record=False))
            store.set_series(db, ids, ids[0])
            for booking_id in ids:
                events.record(db, ts=now, action="book", entity="room_booking",
                              entity_id=booking_id, before=None,
                              after=store.get_booking_row(db, booking_id))
        return SeriesBooked([self.booking(i) for i in ids], clashes, plan.holidays)

    def _insert(self, db: Database, room: Room, start: datetime, end: datetime, title: str,
                department: str | None, people: int, needs: tuple[str, ...],
                job_id: int | None, series_id: int | None, now: str, *,
                record: bool = True) -> int:
        held_from, held_to = room.hold(start, end)
        row: Row = {"room_id": room.id, "start_at": to_iso(start), "end_at": to_iso(end),
                    "held_from": to_iso(held_from), "held_to": to_iso(held_to),
                    "title": title.strip(), "department": (department or "").strip() or None,
                    "people": people, "needs": ",".join(needs) or None, "job_id": job_id,
                    "series_id": series_id, "status": "booked", "created": now,
                    "updated": now}
        booking_id = store.insert_booking(db, row)
        if row["department"]:
            jobs_store.add_department(db, row["department"])
        if record:
            events.record(db, ts=now, action="book", entity="room_booking",
                          entity_id=booking_id, before=None,
                          after=store.get_booking_row(db, booking_id))
        return booking_id

    def cancel(self, booking_id: int, reason: str, *, series: bool = False
               ) -> list[RoomBooking]:
        """Cancel one booking, or with `series` it and the series' later bookings."""
        reason = _required(reason, _("Give the reason for cancelling the booking."))
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            first = self._booking_row(db, booking_id)
            if first["status"] != "booked":
                raise OfficeError(_("Room booking #{id} is already cancelled.").format(
                    id=booking_id))
            targets = [first]
            if series:
                if first["series_id"] is None:
                    raise OfficeError(_("Room booking #{id} is not part of a series.").format(
                        id=booking_id))
                targets = [r for r in store.bookings_of_series(db, first["series_id"])
                           if r["status"] == "booked" and r["start_at"] >= first["start_at"]]
            for row in targets:
                before = store.get_booking_row(db, row["id"])
                after = dict(before, status="cancelled", cancel_reason=reason, updated=now)
                store.replace_booking(db, after)
                events.record(db, ts=now, action="cancel", entity="room_booking",
                              entity_id=row["id"], before=before, after=after)
        return [self.booking(r["id"]) for r in targets]

    def _booking_row(self, db: Database, booking_id: int) -> Row:
        row = store.get_booking_row(db, booking_id)
        if row is None:
            raise OfficeError(_("No room booking #{id}.").format(id=booking_id))
        return row

    def _open_job(self, job_id: int | None) -> None:
        if job_id is None:
            return
        job = self._jobs().get(job_id)
        if job.status in CLOSED_STATUSES:
            raise OfficeError(_("Job #{id} is closed ({status}); a booking cannot be linked "
                                "to it.").format(id=job_id, status=status_label(job.status)))

    # -- an event's room follows the event ---------------------------------------------
    def book_for_event(self, job_id: int, room: str, length: str) -> RoomBooking:
        """Book the room for an event job from its time for `length` (`2h`)."""
        try:
            span = parse_length(length)
        except RoomRuleError as exc:
            raise OfficeError(str(exc)) from None
        job = self._jobs().get(job_id)
        if job.due is None:
            raise OfficeError(_("Job #{id} has no time: set its due first.").format(id=job_id))
        return self.book(room, job.due, job.due + span, job.title,
                         department=job.department, job_id=job_id)

    def follow_job(self, job_id: int, due: datetime) -> None:
        """A job got a new time (the JOB_DUE_SET reaction, inside that transaction): its
        booked room moves with it, keeping its length, or the move is refused with the
        alternatives (and so nothing moves)."""
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        for row in store.bookings_of_job(db, job_id):
            if row["status"] != "booked" or row["series_id"] is not None:
                continue
            booking = RoomBooking.from_row(row)
            if booking.start == due:
                continue
            end = due + (booking.end - booking.start)
            verdict = self._assess(db, RoomRequest(booking.room, due, end, booking.people,
                                                   booking.needs), exclude=(booking.id,))
            if not verdict.ok:
                raise OfficeError(_("The event's room cannot move with it: {why}").format(
                    why=verdict.refusal()))
            room = verdict.room
            assert room is not None
            held_from, held_to = room.hold(due, end)
            before = store.get_booking_row(db, booking.id)
            after = dict(before, start_at=to_iso(due), end_at=to_iso(end),
                         held_from=to_iso(held_from), held_to=to_iso(held_to), updated=now)
            store.replace_booking(db, after)
            events.record(db, ts=now, action="move", entity="room_booking",
                          entity_id=booking.id, before=before, after=after)

    def release_job(self, job_id: int, reason: str | None = None) -> None:
        """A job was cancelled (the JOB_CANCELLED reaction): its booked room is freed."""
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        for row in store.bookings_of_job(db, job_id):
            if row["status"] != "booked":
                continue
            before = store.get_booking_row(db, row["id"])
            after = dict(before, status="cancelled", updated=now,
                         cancel_reason=reason or _("the event was cancelled"))
            store.replace_booking(db, after)
            events.record(db, ts=now, action="cancel", entity="room_booking",
                          entity_id=row["id"], before=before, after=after)

    # -- reading ----------------------------------------------------------------------
    def booking(self, booking_id: int) -> RoomBooking:
        row = store.get_booking(self.ctx.db, booking_id)
        if row is None:
            raise OfficeError(_("No room booking #{id}.").format(id=booking_id))
        return RoomBooking.from_row(row)

    def history(self, booking_id: int) -> list[Row]:
        self.booking(booking_id)
        return events.for_entity(self.ctx.db, "room_booking", booking_id)

    def bookings_between(self, start: datetime, end: datetime, *, room: str | None = None,
                         include_cancelled: bool = False) -> list[RoomBooking]:
        """Bookings whose meeting (not only its buffer) touches [start, end)."""
        room_id = self.room(room).id if room else None
        rows = store.held_between(self.ctx.db, to_iso(start), to_iso(end), room_id=room_id,
                                  include_cancelled=include_cancelled)
        found = [RoomBooking.from_row(r) for r in rows]
        return [b for b in found if b.start < end and b.end > start]

    def bookings(self, day: date | None = None, *, room: str | None = None,
                 include_cancelled: bool = False) -> list[RoomBooking]:
        start, end = day_bounds(day or self.ctx.now().date())
        return self.bookings_between(start, end, room=room,
                                     include_cancelled=include_cancelled)

    def bookings_for_job(self, job_id: int) -> list[RoomBooking]:
        return [RoomBooking.from_row(r) for r in store.bookings_of_job(self.ctx.db, job_id)]


# -- checks -------------------------------------------------------------------------
def _required(value: str | None, message: str) -> str:
    if value is None or not value.strip():
        raise OfficeError(message)
    return storable(value.strip()) or ""


def _seats(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or \
            not 1 <= value <= MAX_ROOM_SEATS:
        raise OfficeError(_("Seats must be a whole number from 1 to {n}.").format(
            n=MAX_ROOM_SEATS))
    return value


def _people(value: Any) -> int:
    if not isinstance(value, int) or not 0 <= value <= MAX_PEOPLE:
        raise OfficeError(_("People must be between 0 and {n}.").format(n=MAX_PEOPLE))
    return value


def _buffer(text: str | None) -> tuple[int, int]:
    try:
        return parse_buffer(text)
    except RoomRuleError as exc:
        raise OfficeError(str(exc)) from None


def _window(start: datetime, end: datetime) -> None:
    if not end > start:
        raise OfficeError(_("The end {end} is not after the start {start}.").format(
            end=f"{end:%Y-%m-%d %H:%M}", start=f"{start:%Y-%m-%d %H:%M}"))
