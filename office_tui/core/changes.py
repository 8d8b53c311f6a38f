"""A job's history as what changed: each event's fields as `field: old → new`.

The event log keeps whole rows before and after each change; a person wants the
difference ("due: Fri 11-27 17:30 → Mon 11-30 17:30"), who or where it was made (the app
or the CLI), in the interface language. The entries are structured, so the CLI, the
JSON and the app's History view each render them their own way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from office_tui.core.humanize import NONE, short_moment
from office_tui.core.text import printable
from office_tui.core.vocab import (
    action_label, category_label, field_label, importance_label, source_label, status_label,
)
from office_tui.i18n import _

# Kept by the store for its own use, or following from a field already shown (the
# closing time from the status, the wait's start from "waiting").
HIDDEN = frozenset({"id", "updated", "created", "due_source", "waiting_since", "closed_at",
                    "search_key"})
# The order fields are listed in; any other changed field (a later version's) follows.
ORDER = ("title", "category", "department", "requester", "location", "handler",
         "importance", "expedite", "status", "due", "promised_by", "promise_reason",
         "waiting_reason", "referred_to", "referred_person", "follow_up", "outcome",
         "cancel_reason", "replied_at", "reply_note", "reply_text")
# What an add shows of the new job (the rest is empty or follows from these).
ADDED = ("title", "category", "importance", "expedite", "department", "requester",
         "location", "handler", "due", "status")
_MOMENTS = frozenset({"due", "promised_by", "replied_at"})


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any  # as stored (ISO text for moments), None when empty
    new: Any
    added: bool = False  # a new job's first value: shown without an old one

    @property
    def label(self) -> str:
        return field_label(self.field)

    def text(self, now: datetime) -> str:
        """`due: Fri 11-27 17:30 → Mon 11-30 17:30`; a first value alone: `title: …`."""
        new = value_text(self.field, self.new, now)
        if self.added:
            return _("{field}: {new}").format(field=self.label, new=new)
        return _("{field}: {old} → {new}").format(
            field=self.label, old=value_text(self.field, self.old, now), new=new)

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: datetime
    action: str  # add, triage, edit, done, ... or undo / redo
    source: str | None  # "app", "cli", or None (an event from before sources were kept)
    changes: tuple[FieldChange, ...]
    undoes: int | None = None  # the event an undo or redo reverted

    @property
    def action_text(self) -> str:
        return action_label(self.action)

    @property
    def source_text(self) -> str:
        return source_label(self.source)

    def lines(self, now: datetime) -> list[str]:
        return [change.text(now) for change in self.changes]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "ts": self.at.isoformat(timespec="seconds"),
                "action": self.action, "source": self.source, "undoes": self.undoes,
                "changes": [c.to_json() for c in self.changes]}


def value_text(field: str, value: Any, now: datetime) -> str:
    """A stored value as a person reads it, in the interface language."""
    if value is None or value == "":
        return NONE
    if field in _MOMENTS:
        try:
            return short_moment(datetime.fromisoformat(str(value)), now)
        except ValueError:
            return printable(str(value))
    if field == "category":
        return category_label(value)
    if field == "importance":
        return importance_label(value)
    if field == "status":
        return status_label(value)
    if field == "expedite":
        return _("yes") if value else _("no")
    return printable(str(value))


def diff(before: dict[str, Any] | None, after: dict[str, Any] | None) -> tuple[FieldChange, ...]:
    """The fields that differ between two recorded rows, in ORDER; an add (no row
    before) lists the new job's filled fields, a deletion (no row after) none."""
    if after is None:
        return ()
    if before is None:
        return tuple(FieldChange(f, None, after.get(f), added=True) for f in ADDED
                     if after.get(f) not in (None, "", 0) or f == "status")
    keys = [k for k in ORDER if k in before or k in after]
    keys += sorted(k for k in {*before, *after} - set(ORDER) - HIDDEN)
    found = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        if old != new and not (old in (None, "") and new in (None, "")):
            found.append(FieldChange(key, None if old == "" else old,
                                     None if new == "" else new))
    return tuple(found)


def entries(events: list[dict[str, Any]]) -> list[HistoryEntry]:
    """The history entries of recorded events (store.events.for_entity), oldest first."""
    return [HistoryEntry(id=e["id"], at=datetime.fromisoformat(e["ts"]), action=e["action"],
                         source=e.get("source"), changes=diff(e["before"], e["after"]),
                         undoes=e.get("undoes"))
            for e in events]
