"""Contacts (通讯录): the people jobs are for and done by — requesters, repair workers,
vendors, other departments' people — and the drivers among them (role "driver"): one list.

Names are unique the way driver names always were (case, width and spaces folded); each
change is one transaction with its event, undoable like any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from office_tui.core.job import to_iso
from office_tui.core.text import storable
from office_tui.core.types import Row
from office_tui.core.vehicles import name_key
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.store import contacts as store
from office_tui.store import events, write

if TYPE_CHECKING:
    from office_tui.services.context import Context

# What a role may be typed as, for the drivers (the vehicles' booking form lists them).
DRIVER_WORDS = {"driver", "司机", "驾驶员"}
MAX_TEXT = 200
# An import's columns, by the names a clerk's own sheet may already use (通讯录).
IMPORT_COLUMNS = {"name": ("name", "姓名"), "department": ("department", "dept", "部门"),
                  "phone": ("phone", "电话", "手机"), "role": ("role", "角色", "职务")}
MAX_IMPORT_BYTES = 4 * 2**20


@dataclass(frozen=True)
class Contact:
    id: int
    name: str
    department: str | None
    phone: str | None
    role: str | None
    active: bool = True

    @property
    def is_driver(self) -> bool:
        return self.role == "driver"

    @classmethod
    def from_row(cls, row: Row) -> Contact:
        return cls(id=row["id"], name=row["name"], department=row.get("department"),
                   phone=row.get("phone"), role=row.get("role"),
                   active=bool(row.get("active", 1)))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "dept": self.department,
                "phone": self.phone, "role": self.role, "active": self.active}


def _role(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return "driver" if text.casefold() in DRIVER_WORDS else (text or None)


def _text(value: str | None, what: str) -> str | None:
    storable(value)
    text = " ".join((value or "").split())
    if len(text) > MAX_TEXT:
        raise OfficeError(_("{what} is too long (at most {n} characters).").format(
            what=what, n=MAX_TEXT))
    return text or None


class ContactService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def list(self, *, search: str | None = None) -> list[Contact]:
        storable(search)
        return [Contact.from_row(r) for r in store.listing(self.ctx.db, search=search)]

    def find(self, name: str | None) -> Contact | None:
        key = name_key(name)
        row = store.find(self.ctx.db, key) if key else None
        return Contact.from_row(row) if row else None

    def get(self, name: str) -> Contact:
        found = self.find(name)
        if found is None:
            raise OfficeError(_("No contact named '{name}'. `office-tui contact list` shows "
                                "them.").format(name=name))
        return found

    def phones(self, names: list[str | None]) -> dict[str, str]:
        """The phone of each named person who is a contact with one, by the name given."""
        rows = store.by_keys(self.ctx.db, [name_key(n) for n in names if n])
        found = {}
        for name in names:
            row = rows.get(name_key(name)) if name else None
            if row and row.get("phone"):
                found[name] = row["phone"]
        return found

    def add(self, name: str | None, *, department: str | None = None,
            phone: str | None = None, role: str | None = None) -> Contact:
        name = _text(name, _("The name"))
        if not name:
            raise OfficeError(_("Give the contact's name (--name)."))
        now = to_iso(self.ctx.now())
        row: Row = {"name": name, "name_key": name_key(name),
                    "department": _text(department, _("The department")),
                    "phone": _text(phone, _("The phone")), "role": _role(role),
                    "active": 1, "created": now, "updated": now}
        db = self.ctx.db
        with write(db):
            if store.find(db, row["name_key"]) is not None:
                raise OfficeError(_("A contact named '{name}' already exists: change it with "
                                    "contact edit.").format(name=name))
            contact_id = store.insert(db, row)
            saved = store.get(db, contact_id)
            events.record(db, ts=now, action="add", entity="contact", entity_id=contact_id,
                          before=None, after=saved)
        return Contact.from_row(saved)

    def edit(self, name: str, *, new_name: str | None = None, department: str | None = None,
             phone: str | None = None, role: str | None = None) -> Contact:
        """None keeps a field; "" clears it (not the name)."""
        changes: Row = {}
        if new_name is not None:
            text = _text(new_name, _("The name"))
            if not text:
                raise OfficeError(_("A contact needs a name."))
            changes.update(name=text, name_key=name_key(text))
        if department is not None:
            changes["department"] = _text(department, _("The department"))
        if phone is not None:
            changes["phone"] = _text(phone, _("The phone"))
        if role is not None:
            changes["role"] = _role(role)
        if not changes:
            raise OfficeError(_("Nothing to change: give --name, --dept, --phone or --role."))
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            before = store.find(db, name_key(name)) if name_key(name) else None
            if before is None:
                raise OfficeError(_("No contact named '{name}'.").format(name=name))
            if "name_key" in changes and changes["name_key"] != before["name_key"] \
                    and store.find(db, changes["name_key"]) is not None:
                raise OfficeError(_("A contact named '{name}' already exists.").format(
                    name=changes["name"]))
            after = {**before, **changes, "updated": now}
            if all(before.get(k) == v for k, v in changes.items()):
                raise OfficeError(_("{name} already reads so; nothing changed.").format(
                    name=before["name"]))
            store.update(db, after)
            events.record(db, ts=now, action="edit", entity="contact",
                          entity_id=before["id"], before=before, after=after)
        return Contact.from_row(after)

    def remove(self, name: str) -> Contact:
        """A contact no job or booking names any more is deleted; a driver with trips
        booked is kept (its bookings name it): refused, saying so."""
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            before = store.find(db, name_key(name)) if name_key(name) else None
            if before is None:
                raise OfficeError(_("No contact named '{name}'.").format(name=name))
            if store.has_bookings(db, before["id"]):
                raise OfficeError(_("{name} drives booked trips: they stay in the list (the "
                                    "bookings name them).").format(name=before["name"]))
            store.delete(db, before["id"])
            events.record(db, ts=now, action="delete", entity="contact",
                          entity_id=before["id"], before=before, after=None)
        return Contact.from_row(before)

    # -- import -------------------------------------------------------------------------
    def import_file(self, path: str | Path, *, sheet: str | None = None) -> list[Contact]:
        """A CSV file, or an Excel workbook (.xlsx: its first sheet, or `sheet`)."""
        from office_tui.services.text_files import records

        return self.import_records(records(
            path, self.ctx.db_path, MAX_IMPORT_BYTES, sheet=sheet,
            too_big=_("{path} is {size} MiB; a contact list is at most {max} MiB.")))

    def import_records(self, records: list[tuple[int, list[str]]]) -> list[Contact]:
        """Every row is checked first; one bad row and nothing is imported. Errors name
        the row (the header is row 1) and the column. A name already in the contacts is
        a bad row: an import adds, `contact edit` changes."""
        from office_tui.services.text_files import body_rows, import_failed

        if not records or not any(cell.strip() for cell in records[0][1]):
            raise OfficeError(_("The file is empty: the first row must be a header with "
                                "name and optional department,phone,role. Nothing imported."))
        aliases = {alias: field for field, names in IMPORT_COLUMNS.items() for alias in names}
        header: list[str | None] = []
        errors: list[str] = []
        for index, cell in enumerate(records[0][1], start=1):
            field = aliases.get(cell.strip().casefold())
            if field is None:
                errors.append(_("row 1, column {n} '{name}': not a known column (use {known})")
                              .format(n=index, name=cell.strip(), known=",".join(IMPORT_COLUMNS)))
            elif field in header:
                errors.append(_("row 1, column {n} '{name}': appears twice").format(
                    n=index, name=cell.strip()))
            header.append(field)
        if "name" not in header:
            errors.append(_("row 1: the column '{name}' is missing").format(name="name"))
        if errors:
            raise OfficeError(import_failed(errors))
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        rows: list[Row] = []
        seen: dict[str, int] = {}
        for number, cells in body_rows(records, len(header), errors):
            values = dict(zip(header, cells))
            row, problem = self._import_row(values, number, now)
            if problem:
                errors.append(problem)
                continue
            key = row["name_key"]
            if key in seen:
                errors.append(_("row {row}, column name: '{name}' is also in row {first}").format(
                    row=number, name=row["name"], first=seen[key]))
            elif store.find(db, key) is not None:
                errors.append(_("row {row}, column name: '{name}' is already a contact (change "
                                "it with contact edit)").format(row=number, name=row["name"]))
            seen.setdefault(key, number)
            rows.append(row)
        if errors:
            raise OfficeError(import_failed(errors))
        if not rows:
            raise OfficeError(_("The file has a header but no contacts. Nothing imported."))
        saved = []
        with write(db):
            for row in rows:
                if store.find(db, row["name_key"]) is not None:  # added meanwhile
                    raise OfficeError(import_failed([_(
                        "'{name}' is already a contact").format(name=row["name"])]))
                contact_id = store.insert(db, row)
                after = store.get(db, contact_id)
                events.record(db, ts=now, action="import", entity="contact",
                              entity_id=contact_id, before=None, after=after)
                saved.append(Contact.from_row(after))
        return saved

    @staticmethod
    def _import_row(values: dict[str | None, str], number: int,
                    now: str) -> tuple[Row, str | None]:
        labels = {"name": _("The name"), "department": _("The department"),
                  "phone": _("The phone"), "role": _("The role")}
        clean: dict[str, str | None] = {}
        for field in IMPORT_COLUMNS:
            try:
                clean[field] = _text(values.get(field), labels[field])
            except OfficeError as exc:
                return {}, _("row {row}, column {column}: {reason}").format(
                    row=number, column=field, reason=str(exc).rstrip("."))
        if not clean["name"]:
            return {}, _("row {row}, column name: empty").format(row=number)
        return {"name": clean["name"], "name_key": name_key(clean["name"]),
                "department": clean["department"], "phone": clean["phone"],
                "role": _role(clean["role"]), "active": 1, "created": now,
                "updated": now}, None

