"""Event kits: templates of linked jobs for a reception or meeting.

Giving an event job a kit creates its linked jobs (one transaction); moving the event
(a new due through triage, from the CLI or any screen) moves the open linked jobs with
it, inside the same transaction; cancelling the event can cancel them too.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from office_tui.core import quickadd
from office_tui.core.job import Job, to_iso
from office_tui.core.kits import (
    EVENT_CATEGORIES, KitError, KitItem, due_for, linked_title, parse_offset, plan,
)
from office_tui.core.text import storable
from office_tui.core.types import Row
from office_tui.core.vocab import OPEN_STATUSES, category_label
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.store import events, write
from office_tui.store import kits as store

if TYPE_CHECKING:
    from collections.abc import Callable

    from office_tui.services.context import Context
    from office_tui.services.rooms import RoomService
    from office_tui.services.jobs import JobService


class KitService:
    def __init__(self, ctx: Context, *, jobs: JobService,
                 rooms: Callable[[], RoomService] | None = None) -> None:
        self.ctx = ctx
        self._jobs = jobs
        self._rooms = rooms  # an event with a room; the module loads only then

    # -- kits -------------------------------------------------------------------------
    def list(self) -> list[Row]:
        return [self._describe(k) for k in store.all_kits(self.ctx.db)]

    def get(self, kit: str) -> Row:
        return self._describe(self._kit(kit))

    def create(self, name: str) -> Row:
        name = (name or "").strip()
        if not name:
            raise OfficeError(_("A kit needs a name, e.g. large meeting."))
        storable(name)
        now = to_iso(self.ctx.now())
        db = self.ctx.db
        with write(db):
            if store.kit_by_name(db, name) is not None:
                raise OfficeError(_("A kit named '{name}' already exists.").format(name=name))
            kit_id = store.insert_kit(db, name, now)
            saved = store.kit_by_id(db, kit_id)
            events.record(db, ts=now, action="add", entity="kit", entity_id=kit_id,
                          before=None, after=saved)
        return self._describe(saved)

    def delete(self, kit: str) -> Row:
        now = to_iso(self.ctx.now())
        db = self.ctx.db
        with write(db):
            found = self._kit(kit)
            described = self._describe(found)
            store.delete_kit(db, found["id"])
            events.record(db, ts=now, action="delete", entity="kit", entity_id=found["id"],
                          before=described, after=None)
        return described

    def add_item(self, kit: str, offset: str, text: str) -> Row:
        """One linked job of the kit: `-1d@17:00 "名签 #文印 !high"`."""
        try:
            parsed_offset = parse_offset(offset)
        except KitError as exc:
            raise OfficeError(str(exc)) from None
        try:
            parsed = quickadd.parse(text or "", self.ctx.now(), self.ctx.calendar)
        except quickadd.QuickAddError as exc:
            raise OfficeError(str(exc)) from None
        if parsed.due is not None or parsed.department is not None:
            raise OfficeError(_("A kit item takes its time from the offset and its department "
                                "from the event: leave out due: and @."))
        storable(parsed.title)
        now = to_iso(self.ctx.now())
        db = self.ctx.db
        with write(db):
            found = self._kit(kit)
            row = {"kit_id": found["id"], "title": parsed.title, "offset_spec": parsed_offset.text,
                   "category": parsed.category or "other",
                   "importance": parsed.importance or "normal"}
            row["id"] = store.insert_item(db, row)
            store.touch_kit(db, found["id"], now)
            events.record(db, ts=now, action="add-item", entity="kit", entity_id=found["id"],
                          before=None, after=row)
        return self.get(str(found["id"]))

    def remove_item(self, kit: str, item_id: int) -> Row:
        now = to_iso(self.ctx.now())
        db = self.ctx.db
        with write(db):
            found = self._kit(kit)
            item = next((i for i in store.items(db, found["id"]) if i["id"] == item_id), None)
            if item is None:
                raise OfficeError(_("Kit '{kit}' has no item #{id}.").format(
                    kit=found["name"], id=item_id))
            store.delete_item(db, item_id)
            store.touch_kit(db, found["id"], now)
            events.record(db, ts=now, action="remove-item", entity="kit", entity_id=found["id"],
                          before=item, after=None)
        return self.get(str(found["id"]))

    # -- events -----------------------------------------------------------------------
    def apply(self, kit: str, event_id: int) -> list[Job]:
        """Give an event job a kit: make its linked jobs. Returns them, earliest first."""
        now = self.ctx.now()
        db = self.ctx.db
        with write(db):
            found = self._kit(kit)
            event = self._jobs.get(event_id)
            self._check_event(event)
            items = store.items(db, found["id"])
            if not items:
                raise OfficeError(_("Kit '{kit}' has no items yet: add some with "
                                    "`kit item-add`.").format(kit=found["name"]))
            if store.event_has_kit(db, event_id, found["name"]):
                raise OfficeError(_("Job #{id} already has kit '{kit}'.").format(
                    id=event_id, kit=found["name"]))
            store.forget_links(db, event_id, found["name"])
            made = []
            kit_items = [_kit_item(i) for i in items]
            for item, due in plan(kit_items, event.due, self.ctx.calendar):
                job = self._jobs.create(
                    linked_title(item.title, event.title), category=item.category,
                    importance=item.importance, expedite=event.expedite, due=due,
                    department=event.department, requester=event.requester, status="open",
                )
                store.insert_link(db, {
                    "job_id": job.id, "event_id": event_id, "kit_id": found["id"],
                    "kit_name": found["name"], "offset_spec": item.offset.text,
                    "created": to_iso(now),
                })
                made.append(job)
        return made

    def event(self, kit: str, text: str, *, room: str | None = None,
              length: str | None = None) -> tuple[Job, list[Job]]:
        """Add a reception or meeting from quick-add text and give it the kit at once; with
        `room`, book it from the event's time for `length` (2h) in the same transaction
        (the booking then moves and is freed with the event)."""
        if (room is None) != (length is None):
            raise OfficeError(_("Give the room with how long the event holds it: --room NAME "
                                "--for 2h."))
        now = self.ctx.now()
        try:
            parsed = quickadd.parse(text or "", now, self.ctx.calendar)
        except quickadd.QuickAddError as exc:
            raise OfficeError(str(exc)) from None
        if parsed.due is None:
            raise OfficeError(_("An event needs its time: add due:, e.g. due:thu@9:30."))
        category = parsed.category or "meeting"
        if category not in EVENT_CATEGORIES:
            raise OfficeError(_("Kits are for receptions and meetings (#reception, #meeting), "
                                "not {category}.").format(category=category_label(category)))
        db = self.ctx.db
        with write(db):
            self._kit(kit)
            event = self._jobs.create(
                parsed.title, category=category, importance=parsed.importance or "normal",
                expedite=parsed.expedite, due=parsed.due, department=parsed.department,
                status="open",
            )
            linked = self.apply(kit, event.id)
            if room is not None and self._rooms is not None:
                self._rooms().book_for_event(event.id, room, length or "")
        return self._jobs.get(event.id), linked

    def linked(self, event_id: int) -> list[Job]:
        self._jobs.get(event_id)
        links = store.links_of_event(self.ctx.db, event_id)
        jobs = []
        for link in links:
            try:
                jobs.append(self._jobs.get(link["job_id"]))
            except OfficeError:
                continue  # an undone add: the link outlives its job
        return sorted(jobs, key=lambda j: (j.due or datetime.max, j.id))

    def open_linked(self, event_id: int) -> list[Job]:
        return [j for j in self.linked(event_id) if j.status in OPEN_STATUSES]

    def event_of(self, job_id: int) -> int | None:
        link = store.link_of_job(self.ctx.db, job_id)
        return link["event_id"] if link else None

    def move(self, event_id: int, due: str) -> tuple[Job, list[Job]]:
        """Move the event; its open linked jobs move with it (see follow_event)."""
        moved = self._jobs.triage(event_id, due=due)
        return moved, self.open_linked(event_id)

    def cancel(self, event_id: int, reason: str, *, linked: bool = True) -> tuple[Job, list[Job]]:
        """Cancel the event and, unless told otherwise, its open linked jobs (one transaction)."""
        db = self.ctx.db
        with write(db):
            cancelled = []
            if linked:
                for job in self.open_linked(event_id):
                    cancelled.append(self._jobs.cancel(job.id, reason))
            event = self._jobs.cancel(event_id, reason)
        return event, cancelled

    # -- keeping linked jobs in step --------------------------------------------------
    def follow_event(self, job_id: int, due: datetime) -> None:
        """A job was given a new due (the JOB_DUE_SET reaction, inside that change's
        transaction): if it is an event, its open linked jobs keep their offsets."""
        for link in store.links_of_event(self.ctx.db, job_id):
            try:
                linked = self._jobs.get(link["job_id"])
            except OfficeError:
                continue  # an undone add: the link outlives its job
            if linked.status not in OPEN_STATUSES:
                continue
            moved = due_for(parse_offset(link["offset_spec"]), due, self.ctx.calendar)
            if moved != linked.due:
                self._jobs.triage(linked.id, due=f"{moved.date().isoformat()}@{moved:%H:%M}")

    # -- helpers ----------------------------------------------------------------------
    def _kit(self, kit: str) -> Row:
        text = str(kit or "").strip()
        db = self.ctx.db
        found = store.kit_by_name(db, text)
        if found is None and text.lstrip("#").isdigit():
            found = store.kit_by_id(db, int(text.lstrip("#")))
        if found is None:
            raise OfficeError(_("No kit '{kit}'. `kit list` shows them.").format(kit=text))
        return found

    def _describe(self, kit: Row) -> Row:
        items = store.items(self.ctx.db, kit["id"])
        items.sort(key=lambda i: (parse_offset(i["offset_spec"]).sort_key, i["id"]))
        return {
            "id": kit["id"],
            "name": kit["name"],
            "items": [{"id": i["id"], "title": i["title"], "offset": i["offset_spec"],
                       "category": i["category"], "importance": i["importance"]}
                      for i in items],
        }

    @staticmethod
    def _check_event(event: Job) -> None:
        if event.category not in EVENT_CATEGORIES:
            raise OfficeError(_("Job #{id} is {category}: kits are for receptions and meetings "
                                "(#reception, #meeting).").format(id=event.id,
                                                      category=category_label(event.category)))
        if event.is_closed:
            raise OfficeError(_("Job #{id} is closed; a kit is for an event still to come.").format(
                id=event.id))
        if event.due is None:
            raise OfficeError(_("Job #{id} has no time: set its due first.").format(id=event.id))


def _kit_item(row: Row) -> KitItem:
    return KitItem(title=row["title"], offset=parse_offset(row["offset_spec"]),
                   category=row["category"], importance=row["importance"])
