"""Fixed assets (固定资产): the register, transfers (调拨), disposal (报废), lending (借用/
归还), department heads, and the half-yearly count (盘点) whose finish turns each missing
asset into a job for its department's head and each damaged one into a repair job.

Every change is one transaction with its event, undoable like any other; a count's marks
are its working state, and its finish is one transaction (jobs, locations, the count).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from office_tui.core import assets as core
from office_tui.core.assets import Asset
from office_tui.core.dates import day_from
from office_tui.core.inventory import QuantityError, parse_price
from office_tui.core.job import Job, to_iso
from office_tui.core.text import storable
from office_tui.core.types import Row
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.store import assets as store
from office_tui.store import events, write
from office_tui.store import settings as settings_store

if TYPE_CHECKING:
    from office_tui.services.context import Context
    from office_tui.services.jobs import JobService

MAX_TEXT = 200
IMPORT_BYTES = 16 * 2**20
IMPORT_REQUIRED = ("name", "value", "purchased")
IMPORT_COLUMNS = IMPORT_REQUIRED + ("tag", "category", "life", "keeper", "dept", "location",
                                    "serial", "model", "notes")
EDITABLE = ("name", "category", "model", "serial", "value", "purchased", "life_years",
            "keeper", "department", "location", "notes")


@dataclass(frozen=True)
class Added:
    asset: Asset
    warnings: list[str]


@dataclass(frozen=True)
class CountLine:
    tag: str
    name: str
    department: str | None
    location: str | None
    keeper: str | None
    result: str | None
    found_at: str | None
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {"tag": self.tag, "name": self.name, "dept": self.department,
                "location": self.location, "keeper": self.keeper, "result": self.result,
                "found_at": self.found_at, "note": self.note}


@dataclass(frozen=True)
class CountStatus:
    id: int
    scope_kind: str
    scope: str | None
    started: str
    finished: str | None
    lines: list[CountLine]

    @property
    def marked(self) -> int:
        return sum(1 for line in self.lines if line.result)

    def tally(self) -> dict[str, int]:
        found = {r: 0 for r in core.COUNT_RESULTS}
        for line in self.lines:
            if line.result:
                found[line.result] += 1
        moved = sum(1 for line in self.lines if line.found_at)
        return {"assets": len(self.lines), "marked": self.marked, **found, "moved": moved}

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "scope": {"kind": self.scope_kind, "value": self.scope},
                "started": self.started, "finished": self.finished, **self.tally(),
                "lines": [line.to_json() for line in self.lines]}


@dataclass(frozen=True)
class CountWalkView:
    id: int
    total: int
    marked: int
    lines: list[CountLine]  # the next ones not marked, in walking order


def _text(value: str | None, what: str) -> str | None:
    storable(value)
    text = " ".join((value or "").split())
    if len(text) > MAX_TEXT:
        raise OfficeError(_("{what} is too long (at most {n} characters).").format(
            what=what, n=MAX_TEXT))
    return text or None


class AssetService:
    def __init__(self, ctx: Context, *, jobs: JobService) -> None:
        self.ctx = ctx
        self._jobs = jobs

    # -- reading -------------------------------------------------------------------------
    def get(self, tag: str) -> Asset:
        row = store.by_tag(self.ctx.db, tag or "") if (tag or "").strip() else None
        if row is None:
            raise OfficeError(_("No asset tagged '{tag}'. `office-tui asset list` shows "
                                "them.").format(tag=tag))
        return Asset.from_row(row)

    def list(self, *, department: str | None = None, keeper: str | None = None,
             location: str | None = None, status: str | None = None,
             search: str | None = None, order: str = "department", limit: int = -1
             ) -> list[Asset]:
        for text in (department, keeper, location, search):
            storable(text)
        wanted = self._status(status) if status else None
        return [Asset.from_row(r) for r in store.listing(
            self.ctx.db, department=department, keeper=keeper, location=location,
            status=wanted, search=search, order=order, limit=limit)]

    def history(self, tag: str) -> tuple[Asset, list[Row], list[Job]]:
        """The asset, its events (oldest first) and its repair jobs."""
        asset = self.get(tag)
        db, now = self.ctx.db, self.ctx.now()
        jobs = [Job.from_row(r, now, self.ctx.calendar, self.ctx.urgency)
                for r in store.repair_jobs(db, asset.id)]
        return asset, events.for_entity(db, "asset", asset.id), jobs

    def next_tag(self) -> str:
        year = self.ctx.now().year
        return core.next_tag(year, store.tags_of_year(self.ctx.db, year))

    def threshold(self) -> tuple[Decimal, int]:
        db = self.ctx.db
        value = settings_store.get(db, "assets.threshold_value")
        life = settings_store.get(db, "assets.threshold_life")
        return (Decimal(value) if value else core.THRESHOLD_VALUE,
                int(life) if life else core.THRESHOLD_LIFE)

    def set_threshold(self, *, value: Any = None, life: Any = None) -> tuple[Decimal, int]:
        """The rule's least value and life (settings kept in the database)."""
        db = self.ctx.db
        with write(db):
            if value is not None:
                settings_store.put(db, "assets.threshold_value", f"{self._value(value):.2f}")
            if life is not None:
                text = str(life).strip()
                if not text.isdigit() or int(text) > 100:
                    raise OfficeError(_("The life is a whole number of years, 0 to 100, not "
                                        "'{value}'.").format(value=life))
                settings_store.put(db, "assets.threshold_life", text)
        return self.threshold()

    def overdue_loans(self, today: date | None = None) -> list[Asset]:
        today = today or self.ctx.now().date()
        return [Asset.from_row(r) for r in store.overdue_loans(self.ctx.db, today.isoformat())]

    # -- the register --------------------------------------------------------------------
    def add(self, *, name: str | None, value: Any, purchased: str | None,
            tag: str | None = None, category: str | None = None, life: Any = None,
            keeper: str | None = None, department: str | None = None,
            location: str | None = None, serial: str | None = None,
            model: str | None = None, notes: str | None = None, force: bool = False) -> Added:
        """Register an asset; below the threshold rule (value 2,000 and more, more than a
        year of life) it is refused as a consumable unless `force`."""
        name = _text(name, _("The name"))
        if not name:
            raise OfficeError(_("Give the asset's name (--name)."))
        amount = self._value(value)
        day = self._day(purchased, "--purchased")
        years = self._life(life)
        min_value, min_life = self.threshold()
        warnings = []
        if core.below_threshold(amount, years, min_value=min_value, min_life=min_life):
            message = _("{value} with a life of {life} is below the fixed-asset rule (at least "
                        "{min_value} and more than {min_life} year): record it as a consumable "
                        "item (item add) instead, or add --force to keep it here.").format(
                value=f"{amount:.2f}", life=years if years is not None else "?",
                min_value=f"{min_value:.0f}", min_life=min_life)
            if not force:
                raise OfficeError(message)
            warnings.append(message)
        now = to_iso(self.ctx.now())
        db = self.ctx.db
        with write(db):
            tag = _text(tag, _("The tag")) or self.next_tag()
            if store.by_tag(db, tag) is not None:
                raise OfficeError(_("Tag {tag} is already on another asset.").format(tag=tag))
            row: Row = {
                "tag": tag, "name": name, "category": _text(category, _("The category")),
                "model": _text(model, _("The model")), "serial": _text(serial, _("The serial")),
                "value": f"{amount:.2f}", "purchased": day.isoformat(), "life_years": years,
                "keeper": _text(keeper, _("The keeper")),
                "department": _text(department, _("The department")),
                "location": _text(location, _("The location")),
                "status": "in_use", "notes": _text(notes, _("The notes")),
                "created": now, "updated": now}
            asset_id = store.insert(db, row)
            saved = store.get(db, asset_id)
            events.record(db, ts=now, action="add", entity="asset", entity_id=asset_id,
                          before=None, after=saved)
        return Added(Asset.from_row(saved), warnings)

    def edit(self, tag: str, **fields: Any) -> Asset:
        changes: Row = {}
        for name, value in fields.items():
            if value is None or name not in EDITABLE:
                continue
            if name == "value":
                changes[name] = f"{self._value(value):.2f}"
            elif name == "purchased":
                changes[name] = self._day(value, "--purchased").isoformat()
            elif name == "life_years":
                changes[name] = self._life(value)
            elif name == "name":
                text = _text(value, _("The name"))
                if not text:
                    raise OfficeError(_("An asset needs a name."))
                changes[name] = text
            else:
                changes[name] = _text(value, name)
        if not changes:
            raise OfficeError(_("Nothing to change: give a field to change."))
        return self._change(tag, "edit", lambda row: row.update(changes))

    def transfer(self, tag: str, *, department: str | None = None, keeper: str | None = None,
                 location: str | None = None, reason: str | None = None) -> Asset:
        """调拨: a new department, keeper or location, with the reason, as one event."""
        reason = _text(reason, _("The reason"))
        if not reason:
            raise OfficeError(_("Give the reason for the transfer (--reason)."))
        changes = {k: _text(v, k) for k, v in (("department", department), ("keeper", keeper),
                                               ("location", location)) if v is not None}
        if not changes:
            raise OfficeError(_("Say where it goes: --dept, --keeper or --location."))

        def apply(row: Row) -> None:
            if all(row.get(k) == v for k, v in changes.items()):
                raise OfficeError(_("{tag} is there already; nothing changed.").format(
                    tag=row["tag"]))
            row.update(changes)
            row["notes"] = _join(row.get("notes"), _("transferred: {reason}").format(
                reason=reason))

        return self._change(tag, "transfer", apply)

    def dispose(self, tag: str, *, reason: str | None) -> Asset:
        """报废: kept in the register, left out of counts from now on."""
        reason = _text(reason, _("The reason"))
        if not reason:
            raise OfficeError(_("Give the reason for disposing of it (--reason)."))

        def apply(row: Row) -> None:
            row["status"] = "disposed"
            row["notes"] = _join(row.get("notes"), _("disposed: {reason}").format(reason=reason))

        return self._change(tag, "dispose", apply)

    def lend(self, tag: str, *, to: str | None, due: str | None) -> Asset:
        to = _text(to, _("The borrower"))
        if not to:
            raise OfficeError(_("Say who borrows it (--to)."))
        day = self._day(due, "--due")

        def apply(row: Row) -> None:
            if row["status"] != "in_use" and row["status"] != "idle":
                raise OfficeError(_("{tag} is {status}: it cannot be lent now.").format(
                    tag=row["tag"], status=core.status_label(row["status"])))
            row.update(status="lent", lent_to=to, lent_due=day.isoformat())

        return self._change(tag, "lend", apply)

    def give_back(self, tag: str) -> Asset:
        def apply(row: Row) -> None:
            if row["status"] != "lent":
                raise OfficeError(_("{tag} is not lent out.").format(tag=row["tag"]))
            row.update(status="in_use", lent_to=None, lent_due=None)

        return self._change(tag, "return", apply)

    def set_head(self, department: str | None, name: str | None) -> Row:
        """The head of a department: who a missing asset of that department goes to."""
        department = _text(department, _("The department"))
        name = _text(name, _("The name"))
        if not department or not name:
            raise OfficeError(_("Give the department and the head's name (--name)."))
        db, now = self.ctx.db, to_iso(self.ctx.now())
        with write(db):
            before = store.head(db, department)
            head_id = store.put_head(db, department, name)
            after = store.head(db, department)
            events.record(db, ts=now, action="edit" if before else "add", entity="dept_head",
                          entity_id=head_id, before=before, after=after)
        return after

    def head_of(self, department: str | None) -> str | None:
        found = store.head(self.ctx.db, department) if department else None
        return found["name"] if found else None

    # -- the half-yearly count -----------------------------------------------------------
    def start_count(self, *, department: str | None = None,
                    location: str | None = None) -> CountStatus:
        """A count of every asset in scope (not disposed), in location order."""
        if department and location:
            raise OfficeError(_("Count a department or a location, not both."))
        storable(department)
        storable(location)
        kind = "department" if department else "location" if location else "all"
        assets = [a for a in self.list(department=department, location=location,
                                       order="location") if a.status != "disposed"]
        if not assets:
            raise OfficeError(_("No assets to count there."))
        db, now = self.ctx.db, to_iso(self.ctx.now())
        with write(db):
            count_id = store.insert_count(db, {"scope_kind": kind,
                                               "scope": department or location,
                                               "started": now})
            store.insert_lines(db, count_id, [a.id for a in assets])
        return self.count_status(count_id)

    def count_status(self, count_id: int) -> CountStatus:
        row = store.get_count(self.ctx.db, count_id)
        if row is None:
            raise OfficeError(_("No count #{id}.").format(id=count_id))
        lines = [CountLine(r["tag"], r["name"], r["department"], r["location"], r["keeper"],
                           r["result"], r["found_at"], r["note"])
                 for r in store.lines(self.ctx.db, count_id)]
        return CountStatus(row["id"], row["scope_kind"], row["scope"], row["started"],
                           row["finished"], lines)

    def counts(self) -> list[Row]:
        return store.counts(self.ctx.db)

    def open_count(self) -> int | None:
        """The count under way (started, not finished), if any: a walk-through paused
        with Escape resumes there."""
        found = next((c for c in store.counts(self.ctx.db) if not c["finished"]), None)
        return found["id"] if found else None

    def walk(self, count_id: int | None = None, *, limit: int = 200) -> CountWalkView:
        """What the walk-through shows: the count under way (one is started when none
        is), how many of its assets are marked, and the next `limit` not marked yet in
        walking order — a window, so a count of 50,000 opens as fast as one of 50."""
        if count_id is None:
            count_id = self.open_count()
            if count_id is None:
                count_id = self.start_count().id
        if store.get_count(self.ctx.db, count_id) is None:
            raise OfficeError(_("No count #{id}.").format(id=count_id))
        total, marked = store.count_tally(self.ctx.db, count_id)
        lines = [CountLine(r["tag"], r["name"], r["department"], r["location"], r["keeper"],
                           r["result"], r["found_at"], r["note"])
                 for r in store.unmarked_lines(self.ctx.db, count_id, limit)]
        return CountWalkView(count_id, total, marked, lines)

    def tally(self, count_id: int) -> tuple[int, int]:
        """(assets in the count, marked so far)."""
        return store.count_tally(self.ctx.db, count_id)

    def mark(self, count_id: int, tag: str, result: str, *, at: str | None = None,
             note: str | None = None) -> CountLine:
        wanted = core.normalise_result(result)
        if wanted is None:
            raise OfficeError(_("Mark it found, missing or damaged, not '{result}'.").format(
                result=result))
        at, note = _text(at, _("The location")), _text(note, _("The note"))
        db, now = self.ctx.db, to_iso(self.ctx.now())
        with write(db):
            count = store.get_count(db, count_id)
            if count is None:
                raise OfficeError(_("No count #{id}.").format(id=count_id))
            if count["finished"]:
                raise OfficeError(_("Count #{id} is finished.").format(id=count_id))
            asset = self.get(tag)
            line = store.line_of(db, count_id, asset.id)
            if line is None:
                raise OfficeError(_("{tag} is not in count #{id}.").format(
                    tag=asset.tag, id=count_id))
            found_at = at if at and at != asset.location and wanted != "missing" else None
            store.mark_line(db, line["id"], wanted, found_at, note, now)
        return CountLine(asset.tag, asset.name, asset.department, asset.location,
                         asset.keeper, wanted, found_at, note)

    def finish_count(self, count_id: int, *, unmarked_missing: bool = False
                     ) -> tuple[CountStatus, list[Job]]:
        """One transaction: each missing asset a job for its department's head (盘亏),
        each damaged one a repair job, each found elsewhere at its new location.
        `unmarked_missing`: what the walk-through did not tick counts as missing."""
        db, now = self.ctx.db, self.ctx.now()
        made: list[Job] = []
        with write(db):
            status = self.count_status(count_id)
            if status.finished:
                raise OfficeError(_("Count #{id} is finished.").format(id=count_id))
            if unmarked_missing:
                for line in status.lines:
                    if not line.result:
                        self.mark(count_id, line.tag, "missing")
                status = self.count_status(count_id)
            for line in status.lines:
                if line.result == "missing":
                    head = self.head_of(line.department)
                    title = _("Missing at the count: {name} {tag} ({dept}, keeper {keeper})"
                              ).format(name=line.name, tag=line.tag,
                                       dept=line.department or _("no department"),
                                       keeper=line.keeper or "—")
                    job = self._jobs.create(title, category="other", department=line.department,
                                            handler=head, status="open")
                    made.append(job)
                    self._link(job.id, line.tag)
                elif line.result == "damaged":
                    job = self._jobs.create(
                        _("Repair after the count: {name} {tag}").format(
                            name=line.name, tag=line.tag),
                        category="repair", department=line.department,
                        location=line.found_at or line.location, status="open")
                    made.append(job)
                    self._link(job.id, line.tag)
                if line.found_at:
                    self.transfer(line.tag, location=line.found_at,
                                  reason=_("found at the count #{id}").format(id=count_id))
            store.finish_count(db, count_id, to_iso(now))
        return self.count_status(count_id), made

    def count_report(self, count_id: int) -> str:
        """Markdown: counted, found, missing, moved, damaged per department."""
        status = self.count_status(count_id)
        per = _count_per_department(status)
        head = _count_headers()
        out = [_("# Asset count #{id}").format(id=count_id), "",
               _("Started {started}; finished {finished}.").format(
                   started=status.started.replace("T", " "),
                   finished=(status.finished or _("not yet")).replace("T", " ")), "",
               "| " + " | ".join(head) + " |", "|---" + "|---:" * 6 + "|"]
        for dept, n in sorted(per.items()):
            out.append("| " + " | ".join([_cell(dept)] + [str(n[k]) for k in (
                "assets", "found", "missing", "damaged", "moved", "unmarked")]) + " |")
        missing = [line for line in status.lines if line.result == "missing"]
        if missing:
            out += ["", "## " + _("Missing"), ""]
            out += [_cell(f"- {m.tag} {m.name} ({m.department or '—'}, {m.keeper or '—'})")
                    for m in missing]
        return "\n".join(out) + "\n"

    def count_tables(self, count_id: int) -> list:
        """The count's report as tables (CSV, Excel): per department, and the missing."""
        from office_tui.core.tables import Table

        status = self.count_status(count_id)
        keys = ("assets", "found", "missing", "damaged", "moved", "unmarked")
        per = Table(_("Asset count #{id}").format(id=count_id), _count_headers(),
                    [[dept] + [n[k] for k in keys]
                     for dept, n in sorted(_count_per_department(status).items())])
        missing = Table(_("Missing"), [_("Tag"), _("Name"), _("Department"), _("Keeper"),
                                       _("Location")],
                        [[m.tag, m.name, m.department, m.keeper, m.location]
                         for m in status.lines if m.result == "missing"])
        return [per, missing]

    # -- import --------------------------------------------------------------------------
    def import_file(self, path: str, *, force: bool = False,
                    sheet: str | None = None) -> list[Asset]:
        """Assets from a CSV file (UTF-8, with or without BOM, or GB18030) or an Excel
        workbook (.xlsx: its first sheet, or `sheet`): a header row with
        name,value,purchased and any of tag,category,life,keeper,dept,location,serial,
        model,notes. Every row is checked first; one bad row and nothing is imported, the
        errors naming row and column."""
        from office_tui.services.text_files import records as read_records

        records = read_records(path, self.ctx.db_path, IMPORT_BYTES, sheet=sheet,
                               too_big=_("{path} is {size} MiB; an asset list is at most "
                                         "{max} MiB."))
        if not records or not any(c.strip() for c in records[0][1]):
            raise OfficeError(_("The file is empty: the first row must be a header with "
                                "name,value,purchased. Nothing imported."))
        header = [c.strip().lower() for c in records[0][1]]
        unknown = [h for h in header if h not in IMPORT_COLUMNS]
        missing = [c for c in IMPORT_REQUIRED if c not in header]
        if unknown or missing:
            raise OfficeError(_("Nothing imported: the header needs {required} and may have "
                                "{optional}; {problem}.").format(
                required=",".join(IMPORT_REQUIRED),
                optional=",".join(c for c in IMPORT_COLUMNS if c not in IMPORT_REQUIRED),
                problem=_("unknown column {names}").format(names=", ".join(unknown))
                if unknown else _("missing {names}").format(names=", ".join(missing))))
        rows, errors = [], []
        tags: set[str] = set()
        for number, cells in records[1:]:
            if not any(c.strip() for c in cells):
                continue
            values = {h: (cells[i].strip() if i < len(cells) else "")
                      for i, h in enumerate(header)}
            for column, check in (("value", self._value), ("life", self._life),
                                  ("purchased", lambda v: self._day(v, "purchased"))):
                try:
                    check(values.get(column) or None if column != "value"
                          else values.get(column, ""))
                except OfficeError as exc:
                    errors.append(_("row {row}, column {column}: {reason}").format(
                        row=number, column=column, reason=str(exc).rstrip(".")))
            if not values.get("name"):
                errors.append(_("row {row}, column {column}: {reason}").format(
                    row=number, column="name", reason=_("empty")))
            tag = values.get("tag", "").casefold()
            if tag and (tag in tags or store.by_tag(self.ctx.db, tag)):
                errors.append(_("row {row}, column {column}: {reason}").format(
                    row=number, column="tag", reason=_("{tag} is already taken").format(
                        tag=values["tag"])))
            tags.add(tag)
            rows.append((number, values))
        if errors:
            from office_tui.services.text_files import import_failed

            raise OfficeError(import_failed(errors))
        made: list[Asset] = []
        with write(self.ctx.db):
            for number, v in rows:
                try:
                    made.append(self.add(
                        name=v["name"], value=v["value"], purchased=v["purchased"],
                        tag=v.get("tag") or None, category=v.get("category") or None,
                        life=v.get("life") or None, keeper=v.get("keeper") or None,
                        department=v.get("dept") or None, location=v.get("location") or None,
                        serial=v.get("serial") or None, model=v.get("model") or None,
                        notes=v.get("notes") or None, force=force).asset)
                except OfficeError as exc:  # the threshold, a text too long: all or none
                    raise OfficeError(_("Nothing imported: row {row}: {reason}").format(
                        row=number, reason=exc)) from None
        return made

    # -- labels --------------------------------------------------------------------------
    def labels(self, path: str, *, tags: list[str] = (), department: str | None = None,
               every: bool = False, force: bool = False) -> tuple[Path, int]:
        """A sheet of labels (SVG or PDF, by the name) for the tags given, a department's assets or all of
        them (not disposed), written as every output file is."""
        from office_tui.services import output
        from office_tui.services.asset_labels import sheet, sheet_pdf

        if sum(bool(x) for x in (tags, department, every)) != 1:
            raise OfficeError(_("Say which labels: TAG..., --dept D or --all."))
        target = Path(os.path.expanduser(path))
        if target.suffix.lower() not in (".svg", ".pdf"):
            raise OfficeError(_("Labels are written as .svg or .pdf: name the file "
                                "labels.svg or labels.pdf."))
        chosen = ([self.get(t) for t in tags] if tags else
                  [a for a in self.list(department=department) if a.status != "disposed"])
        if not chosen:
            raise OfficeError(_("No assets to label."))
        data = (sheet_pdf(chosen) if target.suffix.lower() == ".pdf"
                else sheet(chosen).encode("utf-8"))
        written = output.write_file(target, data, database=self.ctx.db_path, force=force)
        return written, len(chosen)

    # -- links with jobs -----------------------------------------------------------------
    def _link(self, job_id: int, tag: str) -> None:
        self._jobs.set_asset(job_id, self.get(tag).id)

    def link_job(self, job_id: int, tag: str) -> Job:
        """A job about this asset (a repair): listed in the asset's history."""
        with write(self.ctx.db):
            self._jobs.get(job_id)
            self._link(job_id, tag)
        return self._jobs.get(job_id)

    def set_repair(self, asset_id: int, repairing: bool) -> Asset | None:
        """A repair job started (维修中) or closed (back in use): the asset follows when
        the clerk says so. None when the asset is not in that state to change from."""
        row = store.get(self.ctx.db, asset_id)
        if row is None:
            return None
        if repairing and row["status"] in ("in_use", "idle"):
            return self._change(row["tag"], "edit", lambda r: r.update(status="in_repair"))
        if not repairing and row["status"] == "in_repair":
            return self._change(row["tag"], "edit", lambda r: r.update(status="in_use"))
        return None

    # -- helpers -------------------------------------------------------------------------
    def _change(self, tag: str, action: str, apply) -> Asset:
        db, now = self.ctx.db, to_iso(self.ctx.now())
        with write(db):
            before = store.by_tag(db, tag or "") if (tag or "").strip() else None
            if before is None:
                raise OfficeError(_("No asset tagged '{tag}'.").format(tag=tag))
            if before["status"] == "disposed" and action != "edit":
                raise OfficeError(_("{tag} is disposed of; nothing changed.").format(
                    tag=before["tag"]))
            after = dict(before)
            apply(after)
            after["updated"] = now
            store.update(db, after)
            events.record(db, ts=now, action=action, entity="asset", entity_id=before["id"],
                          before=before, after=after)
        return Asset.from_row(after)

    @staticmethod
    def _value(value: Any) -> Decimal:
        try:
            return parse_price(value if value is not None else "", allow_zero=True)
        except QuantityError:
            raise OfficeError(_("'{value}' is not a value: write an amount like 2999 or "
                                "4599.50.").format(value=value)) from None

    def _day(self, value: Any, what: str) -> date:
        if value is None or not str(value).strip():
            raise OfficeError(_("Give the day ({what}), e.g. 2024-03-15.").format(what=what))
        return day_from(str(value), self.ctx.now().date(), what)

    @staticmethod
    def _life(value: Any) -> int | None:
        if value is None or str(value).strip() == "":
            return None
        text = str(value).strip()
        if not text.isdigit() or not 0 < int(text) <= 100:
            raise OfficeError(_("The life is a whole number of years, 1 to 100, not "
                                "'{value}'.").format(value=value))
        return int(text)

    @staticmethod
    def _status(value: str) -> str:
        found = core.normalise_status(value)
        if found is None:
            raise OfficeError(_("Unknown status '{value}'. Use one of: {choices}.").format(
                value=value, choices=", ".join(core.status_label(s) for s in core.STATUSES)))
        return found


def _join(notes: str | None, line: str) -> str:
    return f"{notes}\n{line}" if notes else line


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _count_per_department(status) -> dict[str, dict[str, int]]:
    per: dict[str, dict[str, int]] = {}
    for line in status.lines:
        dept = per.setdefault(line.department or "—", {
            "assets": 0, "found": 0, "missing": 0, "damaged": 0, "moved": 0,
            "unmarked": 0})
        dept["assets"] += 1
        dept[line.result or "unmarked"] += 1
        dept["moved"] += 1 if line.found_at else 0
    return per


def _count_headers() -> list[str]:
    return [_("Department"), _("Assets"), _("Found"), _("Missing"), _("Damaged"),
            _("Moved"), _("Not counted")]
