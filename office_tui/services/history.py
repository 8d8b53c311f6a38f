"""Undo and redo, any depth, of every kind of change, from the append-only event log.

An undo reverts the newest action not yet reverted — all the events its transaction
wrote — by writing their inverse as new events (`undo`, pointing at what they revert).
A redo reverts the newest undo, as long as no new change came after it. Rows are
restored as the events recorded them; stock movements, which are never edited, are
reverted by appending an adjustment of the opposite sign.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from office_tui.core.job import to_iso
from office_tui.core.types import Row
from office_tui.core.vocab import action_label, entity_label
from office_tui.i18n import _, ngettext
from office_tui.services.errors import OfficeError
from office_tui.store import events, rows, write
from office_tui.store import inventory as stock_store

if TYPE_CHECKING:
    from office_tui.services.context import Context

UNDOABLE = (*rows.TABLES, "movement")


@dataclass(frozen=True)
class Reverted:
    kind: str          # "undo" or "redo"
    action: str        # the action reverted or re-done: add, triage, book, issue...
    entity: str
    entity_id: int
    changes: int       # events reverted together (one transaction)
    event_id: int      # the newest event reverted

    @property
    def message(self) -> str:
        what = _("{action} of {entity} #{id}").format(
            action=action_label(self.action), entity=entity_label(self.entity),
            id=self.entity_id)
        if self.changes > 1:
            what += " " + ngettext("(and {n} linked change)", "(and {n} linked changes)",
                                   self.changes - 1).format(n=self.changes - 1)
        return (_("Undone: {what}") if self.kind == "undo" else _("Redone: {what}")).format(
            what=what)


class HistoryService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def undo(self) -> Reverted:
        db = self.ctx.db
        with write(db):
            latest = events.latest_active(db, UNDOABLE, redo=False)
            if latest is None:
                raise OfficeError(_("Nothing to undo."))
            group = events.group(db, latest["txn"], UNDOABLE)
            self._revert(group, "undo")
        return Reverted("undo", events.original_action(db, latest), latest["entity"],
                        latest["entity_id"], len(group), latest["id"])

    def redo(self) -> Reverted:
        db = self.ctx.db
        with write(db):
            latest = events.latest_active(db, UNDOABLE, redo=True)
            if latest is None or events.newest_change_after(db, latest["id"]):
                raise OfficeError(_("Nothing to redo."))
            group = events.group(db, latest["txn"], UNDOABLE)
            self._revert(group, "redo")
        return Reverted("redo", events.original_action(db, latest), latest["entity"],
                        latest["entity_id"], len(group), latest["id"])

    def _revert(self, group: list[Row], kind: str) -> None:
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        try:
            for event in group:  # newest first
                if event["entity"] == "movement":
                    self._compensate(event, kind, now)
                    continue
                table = rows.TABLES[event["entity"]]
                current = rows.get(db, table, event["entity_id"])
                target = event["before"]
                if target is None:
                    rows.delete(db, table, event["entity_id"])
                else:
                    rows.put(db, table, target)
                events.record(db, ts=now, action=kind, entity=event["entity"],
                              entity_id=event["entity_id"], before=current, after=target,
                              undoes=event["id"])
        except sqlite3.IntegrityError:
            raise OfficeError(_("This change cannot be reverted: later records depend on it "
                                "(for example stock already issued). Nothing was changed.")
                              ) from None

    def _compensate(self, event: Row, kind: str, now: str) -> None:
        """A ledger entry is never edited: append one that cancels its effect."""
        db = self.ctx.db
        moved = (event["after"] or {}).get("quantity_milli") or 0
        if moved == 0:
            events.record(db, ts=now, action=kind, entity="movement",
                          entity_id=event["entity_id"], before=None, after=None,
                          undoes=event["id"])
            return
        row = {
            "item_id": event["after"]["item_id"], "kind": "adjust", "ts": now,
            "quantity_milli": -moved,
            "reason": (_("undo of movement #{id}") if kind == "undo"
                       else _("redo of movement #{id}")).format(id=event["entity_id"]),
        }
        movement_id = stock_store.insert_movement(db, row)
        events.record(db, ts=now, action=kind, entity="movement", entity_id=movement_id,
                      before=None, after=stock_store.get_movement(db, movement_id),
                      undoes=event["id"])
