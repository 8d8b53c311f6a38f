"""Backups: on demand, automatically once a day (keeping the last N), and restore."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from office_tui.core.filepaths import expand_home
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.store import SCHEMA_VERSION, open_database
from office_tui.store import backup as store

if TYPE_CHECKING:
    from office_tui.services.context import Services

DEFAULT_KEEP = 14
AUTO_PREFIX = "auto-"


class BackupService:
    def __init__(self, ctx: Services) -> None:
        self.ctx = ctx

    @property
    def folder(self) -> Path:
        """Backups live beside the database, in `backups/` (the data dir by default)."""
        return self.ctx.db_path.parent / "backups"

    def backup(self, target: Path | None = None) -> Path:
        now = self.ctx.now()
        if target is None:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            target = self.folder / f"{self.ctx.db_path.stem}-{now:%Y%m%d-%H%M%S}.db"
        target = expand_home(target)
        if target.exists():
            raise OfficeError(_("{path} already exists; choose another name.").format(path=target))
        try:
            store.copy_to(self.ctx.db, target)
        except (OSError, sqlite3.Error) as exc:
            target.unlink(missing_ok=True)
            raise OfficeError(_("Backup to {path} failed: {reason}").format(
                path=target, reason=getattr(exc, "strerror", None) or exc)) from None
        return target

    def auto_backup(self, keep: int = DEFAULT_KEEP) -> Path | None:
        """The first start of a day copies the database; only the last `keep` are kept."""
        now = self.ctx.now()
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        today = self.folder / f"{AUTO_PREFIX}{now:%Y-%m-%d}.db"
        made = None
        if not today.exists():
            # Copied under a temporary name and renamed when complete: a copy cut short
            # (the app quit, the machine stopped) never passes for today's backup.
            partial = today.with_name(f".{today.name}.partial")
            partial.unlink(missing_ok=True)
            self.backup(partial)
            os.replace(partial, today)
            made = today
        autos = sorted(self.folder.glob(f"{AUTO_PREFIX}????-??-??.db"))
        for old in autos[:-keep] if keep > 0 else autos:
            old.unlink(missing_ok=True)
        return made

    def list(self) -> list[Path]:
        if not self.folder.exists():
            return []
        return sorted(self.folder.glob("*.db"))

    def restore(self, source: Path) -> Path:
        """Check `source`, keep the current database aside, then copy `source` in."""
        source = expand_home(source)
        if not source.is_file():
            raise OfficeError(_("{path} is not a file.").format(path=source))
        try:
            integrity, version, has_jobs = store.inspect(source)
        except sqlite3.DatabaseError:
            raise OfficeError(_("{path} is not an SQLite database; nothing was restored.").format(
                path=source)) from None
        if integrity != "ok":
            raise OfficeError(_("{path} is damaged (integrity check: {result}); nothing was "
                                "restored.").format(path=source, result=integrity))
        if not has_jobs:
            raise OfficeError(_("{path} is not an office-tui database; nothing was restored.")
                              .format(path=source))
        if version > SCHEMA_VERSION:
            raise OfficeError(_("{path} was written by a newer office-tui (schema {found}); "
                                "nothing was restored.").format(path=source, found=version))
        aside = self.ctx.db_path.with_name(
            f"{self.ctx.db_path.stem}.replaced-{self.ctx.now():%Y%m%d-%H%M%S}.db")
        store.copy_to(self.ctx.db, aside)
        store.copy_from(self.ctx.db, source)
        # An older backup is brought up to this version's schema.
        self.ctx.close()
        open_database(self.ctx.db_path).close()
        return aside
