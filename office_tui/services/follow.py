"""Following a job through: reply templates (回音), the handover sheet for a stand-in
(AB角), similar open jobs at intake, and merging a duplicate into the job it repeats.

A template is data: only its known `{placeholders}` are filled, every other brace stays
as typed, so a clerk's text can never reach Python's format machinery.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from office_tui.core.humanize import short_moment
from office_tui.core.job import Job, to_iso
from office_tui.core.text import storable
from office_tui.core.vehicles import name_key
from office_tui.core.vocab import importance_label, status_label
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.store import events, write
from office_tui.store import jobs as jobs_store
from office_tui.store import notes as store

if TYPE_CHECKING:
    from office_tui.services.contacts import ContactService
    from office_tui.services.context import Context
    from office_tui.services.inventory import InventoryService
    from office_tui.services.jobs import JobService
    from office_tui.services.routines import RoutineService
    from office_tui.services.vehicles import VehicleService

PLACEHOLDERS = ("requester", "title", "outcome", "due", "closed", "handler", "dept")
_PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")
SIMILAR_DAYS = 7
SIMILAR_SCORE = 80  # rapidfuzz ratio, 0-100, on normalised text or its pinyin
MAX_TEMPLATE = 2_000


@dataclass(frozen=True)
class Template:
    id: int
    name: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "text": self.text}


@dataclass(frozen=True)
class Similar:
    job: Job
    score: float


def placeholders_in(text: str) -> list[str]:
    return [m.group(1) for m in _PLACEHOLDER.finditer(text)]


def fill(text: str, values: dict[str, str]) -> str:
    """The template with each known `{name}` replaced by its value."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _normal(text: str) -> str:
    """Text compared for likeness: width and case folded, spaces and punctuation out."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(c for c in folded if c.isalnum())


class FollowService:
    def __init__(self, ctx: Context, *, jobs: JobService, contacts: ContactService,
                 vehicles: Callable[[], VehicleService],
                 inventory: Callable[[], InventoryService],
                 routines: Callable[[], RoutineService]) -> None:
        self.ctx = ctx
        self._jobs = jobs
        self._contacts = contacts
        self._vehicles = vehicles
        self._inventory = inventory
        self._routines = routines

    # -- reply templates -----------------------------------------------------------------
    def templates(self) -> list[Template]:
        return [Template(r["id"], r["name"], r["text"]) for r in store.templates(self.ctx.db)]

    def template(self, name: str) -> Template:
        row = store.find_template(self.ctx.db, name_key(name)) if name_key(name) else None
        if row is None:
            raise OfficeError(_("No reply template named '{name}'. `office-tui template list` "
                                "shows them.").format(name=name))
        return Template(row["id"], row["name"], row["text"])

    def add_template(self, name: str | None, text: str | None) -> Template:
        storable(name)
        storable(text)
        name = " ".join((name or "").split())
        if not name:
            raise OfficeError(_("Give the template a name."))
        if not text or not text.strip():
            raise OfficeError(_("Give the template's text."))
        if len(text) > MAX_TEMPLATE:
            raise OfficeError(_("The template is too long (at most {n} characters).").format(
                n=MAX_TEMPLATE))
        unknown = [p for p in dict.fromkeys(placeholders_in(text)) if p not in PLACEHOLDERS]
        if unknown:
            raise OfficeError(_("Unknown placeholder {names}: use {known}.").format(
                names=", ".join("{" + p + "}" for p in unknown),
                known=" ".join("{" + p + "}" for p in PLACEHOLDERS)))
        now = to_iso(self.ctx.now())
        db = self.ctx.db
        with write(db):
            if store.find_template(db, name_key(name)) is not None:
                raise OfficeError(_("A template named '{name}' already exists.").format(
                    name=name))
            row = {"name": name, "name_key": name_key(name), "text": text, "created": now}
            template_id = store.add_template(db, row)
            events.record(db, ts=now, action="add", entity="template", entity_id=template_id,
                          before=None, after={**row, "id": template_id})
        return Template(template_id, name, text)

    def remove_template(self, name: str) -> Template:
        template = self.template(name)
        now = to_iso(self.ctx.now())
        db = self.ctx.db
        with write(db):
            before = store.find_template(db, name_key(template.name))
            store.delete_template(db, template.id)
            events.record(db, ts=now, action="delete", entity="template",
                          entity_id=template.id, before=before, after=None)
        return template

    def fill_values(self, job: Job) -> dict[str, str]:
        now = self.ctx.now()
        return {
            "requester": job.requester or "", "title": job.title,
            "outcome": job.outcome or "",
            "due": short_moment(job.effective_due, now) if job.effective_due else "",
            "closed": short_moment(job.closed_at, now) if job.closed_at else "",
            "handler": job.handler or "", "dept": job.department or "",
        }

    def preview(self, job_id: int, name: str) -> str:
        """The template filled for the job, not stored."""
        return fill(self.template(name).text, self.fill_values(self._jobs.get(job_id)))

    def reply(self, job_id: int, name: str) -> tuple[Job, str]:
        """Fill the template for the job and record it as the reply sent (回音): the job
        keeps the text and is marked replied, one event, undoable."""
        text = self.preview(job_id, name)
        return self._jobs.reply(job_id, text=text), text

    # -- duplicates ---------------------------------------------------------------------
    def similar(self, title: str, department: str | None, *,
                exclude: int | None = None) -> list[Similar]:
        """Open jobs of the same department from the last 7 days whose title is close to
        `title` (rapidfuzz on normalised text, and on its pinyin so 空调/kongtiao match),
        closest first. Reads one department's recent range of an index."""
        from rapidfuzz import fuzz

        from office_tui.core.pinyin import full

        now = self.ctx.now()
        since = to_iso(now - timedelta(days=SIMILAR_DAYS))
        text = _normal(title)
        if len(text) < 2:
            return []
        sound = full(text)
        found = []
        for row in jobs_store.recent_in_department(self.ctx.db, department or None, since):
            if row["id"] == exclude:
                continue
            other = _normal(row["title"])
            score = max(fuzz.ratio(text, other), fuzz.ratio(sound, full(other)))
            if score >= SIMILAR_SCORE:
                found.append(Similar(self._jobs.get(row["id"]), round(score, 1)))
        return sorted(found, key=lambda s: (-s.score, -s.job.id))

    def merge(self, keep_id: int, dup_id: int) -> Job:
        """DUP repeats KEEP: DUP is cancelled ("merged into #KEEP"), its requester (when
        KEEP has none) and its notes go to KEEP. One transaction, one undo step."""
        if keep_id == dup_id:
            raise OfficeError(_("A job cannot be merged into itself."))
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            keep, dup = self._jobs.get(keep_id), self._jobs.get(dup_id)
            for job in (keep, dup):
                if job.is_closed:
                    raise OfficeError(_("Job #{id} is closed ({status}); nothing merged.").format(
                        id=job.id, status=status_label(job.status)))
            if dup.requester and not keep.requester:
                self._jobs.edit(keep_id, requester=dup.requester)
            for note in store.notes(db, dup_id):
                after = {**note, "job_id": keep_id}
                store.set_note_job(db, note["id"], keep_id)
                events.record(db, ts=now, action="merge", entity="note", entity_id=note["id"],
                              before=note, after=after)
            self._jobs.cancel(dup_id, _("merged into #{id}").format(id=keep_id))
        return self._jobs.get(keep_id)

    # -- handover sheet -----------------------------------------------------------------
    def write_handover(self, path: str | os.PathLike[str], days: int = 3, *,
                       force: bool = False) -> Path:
        """The sheet written as every output file is: never onto the database or
        through a link, an existing file only with `force`."""
        from office_tui.services import output

        text = self.handover(days)
        return output.write_file(Path(os.path.expanduser(path)), text.encode("utf-8"),
                                 database=self.ctx.db_path, force=force)

    def handover(self, days: int = 3) -> str:
        """Markdown for a stand-in (AB角): open jobs by urgency with handler, status,
        waiting reasons, promises and follow-ups; trips of the next `days` days; low
        stock; reminders; the phones of the handlers involved."""
        if not 0 <= days <= 60:
            raise OfficeError(_("--days must be between 0 and 60."))
        now = self.ctx.now()
        jobs = self._jobs.list(limit=200)
        lines = [_("# Handover — {when}").format(when=now.strftime("%Y-%m-%d %H:%M")), ""]
        lines += [_("## Open jobs ({n}), most urgent first").format(n=len(jobs)), ""]
        lines += ["| # | " + " | ".join((_("Title"), _("Importance"), _("Status"), _("Due"),
                                         _("Handler"), _("Notes"))) + " |",
                  "|---|---|---|---|---|---|---|"]
        for job in jobs:
            said = []
            if job.waiting_reason:
                said.append(job.waiting_reason)
            if job.promised_by:
                said.append(_("promised {when}: {why}").format(
                    when=short_moment(job.promised_by, now), why=job.promise_reason or ""))
            if job.follow_up:
                said.append(_("follow up {day}").format(day=job.follow_up.isoformat()))
            cells = [str(job.id), job.title, importance_label(job.importance)
                     + (" · " + _("expedite") if job.expedite else ""),
                     status_label(job.status),
                     short_moment(job.effective_due, now) if job.effective_due else "",
                     job.handler or _("the clerk"), "; ".join(said)]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        start = datetime.combine(now.date(), datetime.min.time())
        trips = self._vehicles().bookings_between(start, start + timedelta(days=days + 1))
        lines += ["", _("## Trips, today and the next {n} days").format(n=days), ""]
        for b in trips:
            if b.status in ("cancelled", "returned"):
                continue
            lines.append(_cell(f"- {b.start:%m-%d %H:%M}–{b.end:%H:%M} {b.vehicle} → "
                               f"{b.destination}" + (f" · {b.driver}" if b.driver else "")))
        lines += ["", _("## Low stock"), ""]
        for line in self._inventory().stock(low=True):
            item = line.item
            lines.append(_cell(f"- {item.code} {item.name}"))
        lines += ["", _("## Reminders"), ""]
        for r in self._vehicles().reminders(now.date()):
            lines.append(_cell(f"- {r.subject}: {r.text}"))
        handlers = sorted({j.handler for j in jobs if j.handler})
        phones = self._contacts.phones(list(handlers))
        lines += ["", _("## Handlers' phones"), ""]
        for name in handlers:
            lines.append(_cell(f"- {name}: {phones.get(name, '—')}"))
        return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """User text in a Markdown line: one line, a `|` cannot split a table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")
