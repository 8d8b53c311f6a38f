"""The clerk's preferences kept in the database: for now, the interface language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from office_tui.core.job import to_iso
from office_tui.i18n import _, normalise_language
from office_tui.services.errors import OfficeError
from office_tui.store import events, settings, write

if TYPE_CHECKING:
    from office_tui.services.context import Context

LANGUAGE = "language"


class PreferenceService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def language(self) -> str | None:
        """The stored interface language (en or zh), or None: the locale decides."""
        return normalise_language(settings.get(self.ctx.db, LANGUAGE))

    def set_language(self, value: str | None) -> str | None:
        """Store `en` or `zh`; `auto` (or nothing) forgets the setting. Read at start-up."""
        wanted = (value or "").strip().lower()
        chosen = None if wanted in ("", "auto") else normalise_language(wanted)
        if wanted not in ("", "auto") and chosen not in ("en", "zh"):
            raise OfficeError(_("Unknown language '{lang}': use en, zh or auto.").format(
                lang=value))
        db = self.ctx.db
        with write(db):
            before = settings.get(db, LANGUAGE)
            if chosen is None:
                settings.forget(db, LANGUAGE)
            else:
                settings.put(db, LANGUAGE, chosen)
            events.record(db, ts=to_iso(self.ctx.now()), action="setting", entity="settings",
                          entity_id=None, before={LANGUAGE: before}, after={LANGUAGE: chosen})
        return chosen
