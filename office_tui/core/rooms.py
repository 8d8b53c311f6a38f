"""Meeting rooms on the roster, pure: rooms, their bookings, and the rules that judge a
request — the vehicle roster's rules applied to rooms. No I/O; moments come in.

A booking holds its room over [start − setup, end + clear-up): the room's buffers (布置,
清场) are part of the hold, so two holds may not overlap, and back to back outside the
buffers is fine. A request is refused when the room is held then, closed, too small for
the people or missing equipment asked for; the refusal offers the smallest free room that
fits and the asked room's next free slot that day.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.recurrence import RecurrenceError, Rule, occurrences, parse_rule
from office_tui.core.text import printable
from office_tui.core.vehicles import VehicleSettings, next_free_slot, overlaps, span_text
from office_tui.i18n import _, ngettext

ROOM_STATUSES = ("open", "closed")
MAX_ROOM_SEATS = 2000
MAX_BUFFER_MINUTES = 240
LONGEST_BOOKING = timedelta(days=14)  # a room held longer is refused (a range read bound)
MAX_SERIES = 400  # occurrences in one series
MAX_SERIES_DAYS = 3 * 366
DEFAULT_EQUIPMENT = ("投影", "话筒", "视频会议", "白板", "音响", "电视")

_SPLIT = re.compile(r"[,，、;；/\s]+")
_SPACES = re.compile(r"\s+")
_MINUTES = re.compile(r"^(\d{1,3})\s*(m|min|mins|分钟|分)?$")
_HOURS = re.compile(r"^(\d{1,2}(?:\.\d+)?)\s*(h|hr|hrs|小时|钟头)$")


class RoomRuleError(ValueError):
    """Input a room rule cannot take; the message is for a person."""


def room_key(text: str | None) -> str:
    """Room names compare without case, width or spaces: 第一 会议室 = 第一会议室."""
    if not text:
        return ""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text).casefold())


def parse_equipment(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """`投影,话筒`, `投影、话筒` or a list: trimmed, width folded, duplicates dropped."""
    if text is None:
        return ()
    parts = _SPLIT.split(text) if isinstance(text, str) else list(text)
    found: list[str] = []
    for part in parts:
        name = unicodedata.normalize("NFKC", str(part)).strip()
        if name and name.casefold() not in {f.casefold() for f in found}:
            found.append(name)
    return tuple(found)


def missing_equipment(has: Sequence[str], needs: Sequence[str]) -> list[str]:
    own = {n.casefold() for n in has}
    return [n for n in needs if n.casefold() not in own]


def parse_minutes(text: str | int | None, what: str) -> int:
    """A length in minutes: `30`, `30m`, `30分钟`, `1.5h`, `2小时`."""
    if text is None or text == "":
        return 0
    if isinstance(text, int):
        value = text
    else:
        raw = unicodedata.normalize("NFKC", str(text)).strip().casefold().replace(" ", "")
        if m := _MINUTES.match(raw):
            value = int(m.group(1))
        elif m := _HOURS.match(raw):
            value = round(float(m.group(1)) * 60)
        else:
            raise RoomRuleError(_("{what}: '{text}' is not a length like 30m or 2h.").format(
                what=what, text=text))
    return value


def parse_buffer(text: str | None) -> tuple[int, int]:
    """`30m` (setup and clear-up alike) or `30m/15m` (setup / clear-up), in minutes."""
    if text is None or not str(text).strip():
        return 0, 0
    before, _sep, after = str(text).partition("/")
    first = parse_minutes(before, _("Buffer"))
    second = parse_minutes(after, _("Buffer")) if _sep else first
    for value in (first, second):
        if not 0 <= value <= MAX_BUFFER_MINUTES:
            raise RoomRuleError(_("A buffer is from 0 to {n} minutes.").format(
                n=MAX_BUFFER_MINUTES))
    return first, second


def parse_length(text: str) -> timedelta:
    """How long an event holds its room: `2h`, `90m`, `1.5小时`."""
    minutes = parse_minutes(text, _("Length"))
    if not 0 < minutes <= LONGEST_BOOKING.total_seconds() // 60:
        raise RoomRuleError(_("The length must be more than 0 and at most 14 days."))
    return timedelta(minutes=minutes)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Room:
    id: int
    name: str
    seats: int
    location: str | None = None
    equipment: tuple[str, ...] = ()
    status: str = "open"
    closed_until: date | None = None
    closed_reason: str | None = None
    setup: int = 0  # minutes held before a booking
    clearup: int = 0  # minutes held after

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Room:
        return cls(id=row["id"], name=row["name"], seats=row["seats"],
                   location=row.get("location"),
                   equipment=parse_equipment(row.get("equipment") or ""),
                   status=row.get("status") or "open",
                   closed_until=_day(row.get("closed_until")),
                   closed_reason=row.get("closed_reason"),
                   setup=row.get("buffer_before") or 0, clearup=row.get("buffer_after") or 0)

    def closed_on(self, day: date) -> bool:
        """Closed for works that day (until the until-date, inclusive; open-ended without)."""
        return self.status == "closed" and (self.closed_until is None
                                            or day <= self.closed_until)

    def hold(self, start: datetime, end: datetime) -> tuple[datetime, datetime]:
        return start - timedelta(minutes=self.setup), end + timedelta(minutes=self.clearup)

    def buffer_text(self) -> str:
        if not self.setup and not self.clearup:
            return ""
        if self.setup == self.clearup:
            return _("{n} min before and after").format(n=self.setup)
        return _("{a} min before, {b} min after").format(a=self.setup, b=self.clearup)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "seats": self.seats,
                "location": self.location, "equipment": list(self.equipment),
                "status": self.status,
                "closed_until": self.closed_until.isoformat() if self.closed_until else None,
                "closed_reason": self.closed_reason,
                "buffer_before": self.setup, "buffer_after": self.clearup}


@dataclass
class RoomBooking:
    id: int
    room_id: int
    room: str
    start: datetime
    end: datetime
    title: str
    held_from: datetime
    held_to: datetime
    department: str | None = None
    people: int = 0
    needs: tuple[str, ...] = ()
    job_id: int | None = None
    series_id: int | None = None
    status: str = "booked"
    cancel_reason: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> RoomBooking:
        return cls(id=row["id"], room_id=row["room_id"], room=row.get("room_name") or "",
                   start=datetime.fromisoformat(row["start_at"]),
                   end=datetime.fromisoformat(row["end_at"]), title=row["title"],
                   held_from=datetime.fromisoformat(row["held_from"]),
                   held_to=datetime.fromisoformat(row["held_to"]),
                   department=row.get("department"), people=row.get("people") or 0,
                   needs=parse_equipment(row.get("needs") or ""), job_id=row.get("job_id"),
                   series_id=row.get("series_id"), status=row.get("status") or "booked",
                   cancel_reason=row.get("cancel_reason"))

    @property
    def blocking(self) -> bool:
        return self.status == "booked"

    def describe(self, day: date | None = None) -> str:
        text = f"#{self.id} {printable(self.title)} {span_text(self.start, self.end, day)}"
        if self.department:
            text += f" ({printable(self.department)})"
        return text

    def to_json(self) -> dict[str, Any]:
        def moment(m: datetime) -> str:
            return m.strftime("%Y-%m-%d %H:%M")

        return {"id": self.id, "room": self.room, "start": moment(self.start),
                "end": moment(self.end), "held_from": moment(self.held_from),
                "held_to": moment(self.held_to), "title": self.title,
                "department": self.department, "people": self.people,
                "needs": list(self.needs), "job_id": self.job_id,
                "series_id": self.series_id, "status": self.status,
                "cancel_reason": self.cancel_reason}


@dataclass(frozen=True)
class RoomRequest:
    room: str
    start: datetime
    end: datetime
    people: int = 0
    needs: tuple[str, ...] = ()


@dataclass
class RoomAssessment:
    room: Room | None
    reasons: list[str] = field(default_factory=list)
    clashes: list[RoomBooking] = field(default_factory=list)
    alternatives: list[Room] = field(default_factory=list)  # smallest that fits first
    next_slot: tuple[datetime, datetime] | None = None

    @property
    def ok(self) -> bool:
        return not self.reasons

    def refusal(self) -> str:
        """One line: why, then what would work."""
        text = " ".join(self.reasons)
        offers = []
        if self.alternatives:
            best = self.alternatives[0]
            offers.append(_("{room} is free and fits ({seats} seats)").format(
                room=printable(best.name), seats=best.seats))
        if self.next_slot is not None and self.room is not None:
            offers.append(_("{room} is next free {span}").format(
                room=printable(self.room.name),
                span=span_text(self.next_slot[0], self.next_slot[1])))
        if offers:
            text += " " + _("Try: {offers}.").format(offers="; ".join(offers))
        return text


def holds_clash(bookings: Iterable[RoomBooking], room_id: int, held_from: datetime,
                held_to: datetime, *, exclude: Iterable[int] = ()) -> list[RoomBooking]:
    skip = set(exclude)
    found = [b for b in bookings if b.blocking and b.room_id == room_id and b.id not in skip
             and overlaps(b.held_from, b.held_to, held_from, held_to)]
    return sorted(found, key=lambda b: (b.start, b.id))


def fits(room: Room, start: datetime, people: int, needs: Sequence[str]) -> bool:
    return (not room.closed_on(start.date()) and room.seats >= people
            and not missing_equipment(room.equipment, needs))


def free_rooms(rooms: Iterable[Room], bookings: Sequence[RoomBooking], start: datetime,
               end: datetime, people: int = 0, needs: Sequence[str] = (), *,
               exclude_room: int | None = None, exclude: Iterable[int] = ()) -> list[Room]:
    """Rooms free for the whole window (their own buffers included) that are open, seat
    the people and have the equipment: the smallest that fits first."""
    skip = set(exclude)
    found = []
    for room in rooms:
        if room.id == exclude_room or not fits(room, start, people, needs):
            continue
        held = room.hold(start, end)
        if not holds_clash(bookings, room.id, *held, exclude=skip):
            found.append(room)
    return sorted(found, key=lambda r: (r.seats, room_key(r.name), r.id))


def assess(request: RoomRequest, *, room: Room | None, rooms: Sequence[Room],
           bookings: Sequence[RoomBooking], exclude: Iterable[int] = (),
           settings: VehicleSettings = VehicleSettings()) -> RoomAssessment:
    """What the rules say about booking `request.room` for [start, end)."""
    skip = set(exclude)
    if room is None:
        names = ", ".join(printable(r.name) for r in rooms) or _("none yet")
        return RoomAssessment(None, [_("No room '{room}'. Rooms: {names}.").format(
            room=printable(request.room), names=names)],
            alternatives=free_rooms(rooms, bookings, request.start, request.end,
                                    request.people, request.needs, exclude=skip))
    result = RoomAssessment(room)
    if not request.end > request.start:
        result.reasons.append(_("The end is not after the start."))
        return result
    if request.end - request.start > LONGEST_BOOKING:
        result.reasons.append(_("A room is booked for at most 14 days at a time."))
        return result
    if room.closed_on(request.start.date()):
        until = room.closed_until.isoformat() if room.closed_until else _("further notice")
        reason = _("{room} is closed until {until}").format(room=printable(room.name),
                                                             until=until)
        if room.closed_reason:
            reason += f" ({printable(room.closed_reason)})"
        result.reasons.append(reason + ".")
    if request.people > room.seats:
        result.reasons.append(ngettext(
            "{room} seats {seats}; {n} person does not fit.",
            "{room} seats {seats}; {n} people do not fit.", request.people).format(
            room=printable(room.name), seats=room.seats, n=request.people))
    missing = missing_equipment(room.equipment, request.needs)
    if missing:
        result.reasons.append(_("{room} has no {missing}.").format(
            room=printable(room.name), missing=_(", ").join(printable(m) for m in missing)))
    held = room.hold(request.start, request.end)
    result.clashes = holds_clash(bookings, room.id, *held, exclude=skip)
    if result.clashes:
        result.reasons.append(_("{room} is booked then: {clash}.").format(
            room=printable(room.name),
            clash="; ".join(b.describe(request.start.date()) for b in result.clashes)))
    if result.reasons:
        result.alternatives = free_rooms(rooms, bookings, request.start, request.end,
                                         request.people, request.needs,
                                         exclude_room=room.id, exclude=skip)
        if result.clashes and not room.closed_on(request.start.date()):
            result.next_slot = next_room_slot(room, bookings, request.start, request.end,
                                              exclude=skip, settings=settings)
    return result


def next_room_slot(room: Room, bookings: Sequence[RoomBooking], start: datetime,
                   end: datetime, *, exclude: Iterable[int] = (),
                   settings: VehicleSettings = VehicleSettings()
                   ) -> tuple[datetime, datetime] | None:
    """The room's next window as long as [start, end) that day whose hold touches no
    other hold (its own buffers widen the others' holds)."""
    skip = set(exclude)
    busy = [(b.held_from - timedelta(minutes=room.clearup),
             b.held_to + timedelta(minutes=room.setup))
            for b in bookings if b.blocking and b.room_id == room.id and b.id not in skip]
    return next_free_slot(busy, start, end, settings)


# -- series ---------------------------------------------------------------------------
def parse_series(text: str) -> Rule:
    """`weekly:mon`, `daily` or `monthly:15` (the routines' words)."""
    try:
        rule = parse_rule(text)
    except RecurrenceError:
        rule = None
    if rule is None or rule.kind not in ("weekly", "daily", "monthly"):
        raise RoomRuleError(_("Bad repeat '{text}'. Use weekly:mon, daily or monthly:15.")
                            .format(text=text))
    return rule


@dataclass(frozen=True)
class SeriesPlan:
    windows: list[tuple[datetime, datetime]]  # to check and book
    holidays: list[date]  # skipped: statutory holidays (and days off for a daily series)


def series_windows(rule: Rule, start: datetime, end: datetime, until: date,
                   calendar: WorkingCalendar, *, on_holidays: bool = False) -> SeriesPlan:
    """The windows of a series: the first one's times on each day of the rule from the
    first day to `until`. A statutory holiday is skipped (a daily series skips every day
    off) unless `on_holidays`."""
    if until < start.date():
        raise RoomRuleError(_("The series ends ({until}) before it starts ({start}).").format(
            until=until.isoformat(), start=start.date().isoformat()))
    if (until - start.date()).days > MAX_SERIES_DAYS:
        raise RoomRuleError(_("A series runs at most three years; book it again then."))
    days = occurrences(rule, start.date(), until, anchor=start.date(), calendar=calendar)
    length = end - start
    windows, skipped = [], []
    for day in days:
        off = (not calendar.is_workday(day)) if rule.kind == "daily" else (
            day in calendar.holidays and day not in calendar.workdays)
        if off and not on_holidays:
            skipped.append(day)
            continue
        first = datetime.combine(day, start.time())
        windows.append((first, first + length))
    if len(windows) > MAX_SERIES:
        raise RoomRuleError(_("A series books at most {n} times; this one would book {m}.")
                            .format(n=MAX_SERIES, m=len(windows)))
    if not windows:
        raise RoomRuleError(_("The series has no day to book between {start} and {until}.")
                            .format(start=start.date().isoformat(), until=until.isoformat()))
    return SeriesPlan(windows, skipped)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0))
    return start, start + timedelta(days=1)
