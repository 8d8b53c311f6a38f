"""Backups: on demand, automatically once a day (keeping the last N), checks, restore.

Every copy is checked before it takes its name (a damaged copy never passes for a
backup), and a restore checks the whole candidate — header, integrity, application id,
schema version and the exact schema — before the live database is touched.
"""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from office_tui.core.filepaths import expand_home
from office_tui.i18n import _
from office_tui.services import output
from office_tui.services.errors import OfficeError
from office_tui.store import open_database
from office_tui.store import backup as store
from office_tui.store import health
from office_tui.store import schema as schema_store

if TYPE_CHECKING:
    from office_tui.services.context import Context

DEFAULT_KEEP = 14
AUTO_PREFIX = "auto-"


@dataclass(frozen=True)
class Health:
    """The live database's integrity check: ok, or the first problems it found."""

    path: Path
    problems: list[str]
    opened: bool = True  # False: the file could not be opened (problems[0] says why)

    @property
    def ok(self) -> bool:
        return self.problems == ["ok"]


def verdict(found: schema_store.Inspection) -> str:
    """A backup's state in a few words: good, or why it cannot be restored."""
    shown = found.problems[:3]
    if len(found.problems) > 3:
        shown.append(_("{n} more").format(n=len(found.problems) - 3))
    detail = "; ".join(shown)
    return {
        "ok": _("good"),
        "not_sqlite": _("not an SQLite database"),
        "damaged": _("damaged ({detail})").format(detail=detail),
        "foreign": _("not an office-tui database ({detail})").format(detail=detail),
        "newer": _("written by a newer office-tui (schema {found})").format(
            found=found.version),
        "schema": _("does not have office-tui's schema {version} ({detail})").format(
            version=found.version, detail=detail),
    }[found.kind]


class BackupService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.found_damage: str | None = None  # this process's own finding, for the app

    @property
    def folder(self) -> Path:
        """Backups live beside the database, in `backups/` (the data dir by default)."""
        return self.ctx.db_path.parent / "backups"

    # -- copies -----------------------------------------------------------------------
    def backup(self, target: Path | None = None, *, quick: bool = False) -> Path:
        """A checked copy at `target` (default: backups/<name>-<time>.db). The copy is
        page for page what the database held, so its integrity check is the database's
        too: when it fails the database is checked again to say which is damaged, and
        nothing is left under the target's name."""
        now = self.ctx.now()
        if target is None:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            target = self.folder / f"{self.ctx.db_path.stem}-{now:%Y%m%d-%H%M%S}.db"
        target = expand_home(target)
        try:
            target = output.check_target(target, database=self.ctx.db_path)
        except output.OutputExists:
            raise OfficeError(_("{path} already exists; choose another name.").format(
                path=target)) from None
        with output.temporary_beside(target) as temp:
            try:
                store.copy_to(self.ctx.db, temp)
            except (OSError, sqlite3.Error) as exc:
                if _damaged_error(exc):
                    self._damaged([str(exc)])
                raise OfficeError(_("Backup to {path} failed: {reason}").format(
                    path=target, reason=getattr(exc, "strerror", None) or exc)) from None
            copy = self._check_copy(temp, quick=quick)
            if copy != ["ok"]:
                source = schema_store.check(self.ctx.db, quick=quick)
                if source != ["ok"]:
                    self._damaged(source)
                    raise OfficeError(_(
                        "{db} is damaged ({problem}); no backup was made. Run `office-tui "
                        "check` to see the good backups.").format(
                            db=self.ctx.db_path, problem=source[0]))
                raise OfficeError(_("The copy at {path} came out damaged ({problem}) and was "
                                    "removed; try again.").format(path=target,
                                                                  problem=copy[0]))
            output.publish(temp, target, database=self.ctx.db_path)
        return target

    @staticmethod
    def _check_copy(path: Path, *, quick: bool) -> list[str]:
        conn = schema_store.connect_readonly(path)
        try:
            return schema_store.problems(conn, "quick_check" if quick else "integrity_check")
        finally:
            conn.close()

    def auto_backup(self, keep: int = DEFAULT_KEEP) -> Path | None:
        """The first start of a day copies the database, quick-checking the copy (and so
        the database); only the last `keep` good copies are kept. A damaged database
        gives no copy and removes none of the good ones."""
        now = self.ctx.now()
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        today = self.folder / f"{AUTO_PREFIX}{now:%Y-%m-%d}.db"
        if today.exists():
            return None
        self._remove_stale_copies()
        # (A note of damage stays: only a full check or a restore removes it, and
        # quick_check passing does not prove what integrity_check found is gone.)
        self.backup(today, quick=True)
        autos = sorted(self.folder.glob(f"{AUTO_PREFIX}????-??-??.db"))
        for old in autos[:-keep] if keep > 0 else autos:
            old.unlink(missing_ok=True)
        return today

    def _remove_stale_copies(self) -> None:
        """Copies cut short (the app quit, the machine stopped) an hour or more ago: never
        a backup, only space taken. A younger one may be another window's, under way."""
        limit = time.time() - 3600
        for pattern in (f".{AUTO_PREFIX}*.part", f".{AUTO_PREFIX}*.partial"):
            for stale in self.folder.glob(pattern):
                with contextlib.suppress(OSError):
                    if stale.stat().st_mtime < limit:
                        stale.unlink()

    def list(self) -> list[Path]:
        if not self.folder.exists():
            return []
        return sorted(self.folder.glob("*.db"))

    # -- damage -----------------------------------------------------------------------
    def _damaged(self, problems: list[str]) -> None:
        note = f"{self.ctx.now():%Y-%m-%d %H:%M}: {problems[0]}"
        self.found_damage = note
        health.mark(self.ctx.db_path, note)

    def damage(self) -> str | None:
        """Why the database is known to be damaged (this process found it, or a check
        left its note beside the file), or None."""
        return self.found_damage or health.read(self.ctx.db_path)

    def check(self) -> Health:
        """`PRAGMA integrity_check` of the database; remembers the result (see
        store/health.py)."""
        path = self.ctx.db_path
        if not path.exists():
            raise OfficeError(_("There is no database at {path}.").format(path=path))
        try:
            problems = schema_store.check(self.ctx.db)
        except OfficeError as exc:  # too damaged to open, or not ours: no note beside it
            return Health(path, [str(exc)], opened=False)
        if problems == ["ok"]:
            self.found_damage = None
            health.clear(path)
        else:
            self._damaged(problems)
        return Health(path, problems)

    def checked_backups(self) -> Iterator[tuple[Path, schema_store.Inspection]]:
        """Every backup, newest first, with what a restore would find in it."""
        found = sorted(self.list(), key=lambda p: p.stat().st_mtime, reverse=True)
        for path in found:
            yield path, schema_store.inspect(path)

    # -- restore ----------------------------------------------------------------------
    def restore(self, source: Path) -> Path:
        """Check a copy of `source` completely; only then keep the current database
        aside and copy the checked file in. Returns the aside file."""
        source = expand_home(source)
        db_path = self.ctx.db_path
        if not source.is_file():
            raise OfficeError(_("{path} is not a file.").format(path=source))
        if output.is_database(source, db_path.absolute()):
            raise OfficeError(_("{path} is the database itself; nothing was restored.")
                              .format(path=source))
        temp = db_path.with_name(f".{db_path.name}.restore-{secrets.token_hex(4)}")
        try:
            self._take_candidate(source, temp)
            aside = self._set_aside()
            try:
                store.copy_from(self.ctx.db, temp)
                health.clear(db_path)
                self.found_damage = None
                # An older backup is brought up to this version's schema.
                self.ctx.close()
                open_database(db_path).close()
            except (OfficeError, OSError, sqlite3.Error) as exc:
                raise OfficeError(_(
                    "Restoring {path} failed ({reason}); the database as it was is kept as "
                    "{aside} (`office-tui restore {aside}` puts it back).").format(
                        path=source, reason=getattr(exc, "strerror", None) or exc,
                        aside=aside)) from None
        finally:
            temp.unlink(missing_ok=True)
        return aside

    def _take_candidate(self, source: Path, temp: Path) -> None:
        """Copy `source` to `temp` (what is checked is what is restored) and check it."""
        if _header(source) != schema_store.SQLITE_MAGIC:
            found = schema_store.Inspection("not_sqlite")
        else:
            try:
                store.copy_file(source, temp)
                found = schema_store.inspect(temp)
            except sqlite3.DatabaseError as exc:
                found = schema_store.Inspection("damaged", problems=[str(exc)])
            except OSError as exc:
                raise OfficeError(_("{path} cannot be read ({reason}); nothing was restored.")
                                  .format(path=source, reason=exc.strerror or exc)) from None
        if not found.ok:
            raise OfficeError(_("{path}: {verdict}; nothing was restored.").format(
                path=source, verdict=verdict(found)))

    def _set_aside(self) -> Path:
        """A copy of the current database under a name no other restore has taken (two
        in the same second get -2, -3, ...)."""
        db_path = self.ctx.db_path
        stamp = f"{db_path.stem}.replaced-{self.ctx.now():%Y%m%d-%H%M%S}"
        for n in range(1, 1000):
            aside = db_path.with_name(f"{stamp}{'' if n == 1 else f'-{n}'}.db")
            try:
                store.copy_to(self.ctx.db, aside)
                return aside
            except FileExistsError:
                continue
            except (OSError, sqlite3.Error) as exc:
                aside.unlink(missing_ok=True)
                raise OfficeError(_("The current database could not be kept aside as {path} "
                                    "({reason}); nothing was restored.").format(
                                        path=aside, reason=getattr(exc, "strerror", None)
                                        or exc)) from None
        raise OfficeError(_("Too many restores this second; nothing was restored."))


def _header(path: Path) -> bytes:
    try:
        return schema_store.read_header(path)
    except OSError:
        return b""


def _damaged_error(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "corrupt" in text or "not a database" in text
