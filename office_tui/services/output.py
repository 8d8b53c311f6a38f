"""Files the clerk asks for — reports, purchase lists, backups — written safely.

Every writer goes through here. A target is refused when it is the database (ours, by
st_dev/st_ino of the file and its -wal/-shm, never by opening it) or any other SQLite
file (its first 16 bytes), a symbolic link, a directory or device, or sits in a folder
that does not exist; an existing file only with `force`. The bytes go to a temporary
file in the same folder, are synced, and then take the target's name in one rename:
a crash leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

from office_tui.i18n import _
from office_tui.services.errors import OfficeError

_SQLITE_MAGIC = b"SQLite format 3\x00"
_WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
_DB_COMPANIONS = ("", "-wal", "-shm", "-journal")


class OutputExists(OfficeError):
    """The target exists: the CLI says --force, the app asks before replacing."""

    def __init__(self, path: Path) -> None:
        super().__init__(_("{path} already exists; add --force to replace it.").format(
            path=path))
        self.path = path


def format_from_name(path: str | os.PathLike[str], default: str = "md") -> str:
    """The format a file name asks for: .csv, .json, .md, .xlsx (anything else: `default`)."""
    suffix = Path(path).suffix.lower()
    return {".csv": "csv", ".json": "json", ".md": "md", ".markdown": "md",
            ".xlsx": "xlsx"}.get(suffix, default)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def is_database(path: Path, database: Path) -> bool:
    """Whether `path` is the database file or its -wal/-shm/-journal (by device and
    inode: also through a hard link or another spelling of the path)."""
    found = _identity(path)
    if found is not None:
        return any(found == _identity(Path(f"{database}{suffix}"))
                   for suffix in _DB_COMPANIONS)
    # A companion that does not exist yet would be taken by SQLite for its own.
    parent = _identity(path.parent)
    return parent is not None and parent == _identity(database.parent) and path.name in {
        database.name + suffix for suffix in _DB_COMPANIONS}


def check_target(target: str | os.PathLike[str], *, database: Path, force: bool = False,
                 ) -> Path:
    """The target as a Path once it is safe to write (see the module); OfficeError
    (OutputExists for an existing file without `force`) with one line otherwise."""
    target = Path(os.path.expanduser(target))
    if not target.name or target.name in (".", ".."):
        raise OfficeError(_("{path} is a directory: give a file name.").format(path=target))
    folder = target.parent
    if not folder.is_dir():
        raise OfficeError(_("The folder {folder} does not exist; create it first or choose "
                            "another.").format(folder=folder))
    if is_database(target, Path(database).absolute()):
        raise OfficeError(_("{path} is the office-tui database; nothing was written. Choose "
                            "another file name.").format(path=target))
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise OfficeError(_("Cannot write {path}: {reason}").format(
            path=target, reason=exc.strerror or exc)) from None
    if stat.S_ISLNK(found.st_mode):
        raise OfficeError(_("{path} is a symbolic link; files are never written through "
                            "one. Give the real file name.").format(path=target))
    if stat.S_ISDIR(found.st_mode):
        raise OfficeError(_("{path} is a directory: give a file name.").format(path=target))
    if not stat.S_ISREG(found.st_mode):
        raise OfficeError(_("{path} is not a regular file; choose another file name.").format(
            path=target))
    if _is_sqlite(target):
        raise OfficeError(_("{path} is an SQLite database; it is never written over. Choose "
                            "another file name.").format(path=target))
    if not force:
        raise OutputExists(target)
    return target


def _is_sqlite(path: Path) -> bool:
    """By its first bytes: a database, or a write-ahead log of one."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        head = os.read(fd, len(_SQLITE_MAGIC))
    finally:
        os.close(fd)
    return head == _SQLITE_MAGIC or head[:4] in _WAL_MAGIC


def write_file(target: str | os.PathLike[str], data: bytes, *, database: Path,
               force: bool = False) -> Path:
    """Write `data` to `target` as the module says; returns the path written."""
    path = check_target(target, database=database, force=force)
    with temporary_beside(path) as temp:
        try:
            fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            raise OfficeError(_("Cannot write {path}: {reason}").format(
                path=path, reason=exc.strerror or exc)) from None
        publish(temp, path, database=database, force=force)
    return path


@contextlib.contextmanager
def temporary_beside(target: Path) -> Iterator[Path]:
    """A fresh hidden name in the target's folder (same file system: the rename is
    atomic), removed afterwards unless it was published."""
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        yield temp
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def publish(temp: Path, target: Path, *, database: Path, force: bool = False) -> None:
    """Give the complete, synced `temp` the name `target` in one step. Without `force`
    a hard link, which fails if the name was taken meanwhile; with it, a rename over
    the old file (keeping its permission bits). The target is checked again first."""
    check_target(target, database=database, force=force)
    try:
        if force and os.path.lexists(target):
            os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
            os.replace(temp, target)
        else:
            try:
                os.link(temp, target)
            except FileExistsError:
                raise OutputExists(target) from None
            except OSError:  # no hard links on this file system
                if os.path.lexists(target):
                    raise OutputExists(target) from None
                os.replace(temp, target)
    except OSError as exc:
        raise OfficeError(_("Cannot write {path}: {reason}").format(
            path=target, reason=exc.strerror or exc)) from None
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """The rename itself survives a power cut once the folder is synced."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
