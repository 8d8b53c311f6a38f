"""A damaged database, once found, is remembered beside it until it is mended.

`check`, `backup` and the daily quick check write `office.db.damaged` (a line: when,
and what the check said) next to `office.db` when they find damage; while it is there
every write is refused (writing into a damaged file can spread the damage), the CLI
warns and the app shows a banner. A clean `check` or a restore removes it. A file
rather than a row: the database is the one thing that cannot be trusted to hold it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from office_tui.i18n import _
from office_tui.store.database import Database

SUFFIX = ".damaged"


def marker(db_path: Path) -> Path:
    return Path(f"{db_path}{SUFFIX}")


def read(db_path: Path) -> str | None:
    """What the marker says ("2026-11-27: <problem>"), or None when there is none."""
    try:
        return marker(db_path).read_text(encoding="utf-8", errors="replace").strip() or "?"
    except FileNotFoundError:
        return None
    except OSError:
        return "?"


def mark(db_path: Path, note: str) -> None:
    with contextlib.suppress(OSError):  # a read-only folder: the message says it anyway
        fd = os.open(marker(db_path), os.O_CREAT | os.O_TRUNC | os.O_WRONLY
                     | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            os.write(fd, (" ".join(note.split()) + "\n").encode("utf-8"))
        finally:
            os.close(fd)


def clear(db_path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        marker(db_path).unlink()


def refused(db_path: object) -> str | None:
    """The one-line refusal of a write while the database is marked damaged."""
    if not db_path or not os.path.exists(f"{db_path}{SUFFIX}"):
        return None
    return _("{path} is damaged ({note}); nothing was saved. Run `office-tui check`, then "
             "`office-tui restore` a good backup.").format(path=db_path, note=read(Path(
                 str(db_path))))


def path_of(db: Database) -> str:
    """The file of an open connection ('' in memory), asked once per connection."""
    found = getattr(db, "_office_path", None)
    if found is None:
        try:
            found = db.execute("PRAGMA database_list").fetchone()[2] or ""
        except Exception:  # noqa: BLE001 - a damaged file: no marker check, SQLite will say
            found = ""
        db._office_path = found  # type: ignore[attr-defined]
    return found
